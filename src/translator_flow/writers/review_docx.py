"""The review DOCX: a bilingual table an editor works in, with QA findings as Word comments.

Layout (docs/output-format.md has the round-trip contract ``finalize`` relies on): a title,
the run signature, a summary of QA findings, a legend of colour marks, then the main table
``# | ID | Block | Source (ru) | Draft (<lang>)… | Notes | Status`` with one row per segment.
Grey columns are read-only by convention; the Draft and Status columns are the editor's.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from docx.shared import Pt

from ..model import QAIssue, RunReport, Segment, TargetSegment
from .atomic import atomic_write_bytes
from .common import (
    QA_AUTHOR,
    QA_INITIALS,
    SEVERITY_ORDER,
    SOURCE_LANG,
    UNTRANSLATED_MARK,
    Piece,
    Range,
    attention,
    block_kinds,
    cell_text,
    clean_text,
    document_title,
    draft_ranges,
    is_untranslated,
    issue_counts,
    issue_text,
    issues_by_segment,
    missing_target,
    signature_dict,
    signature_line,
    source_ranges,
    split_pieces,
    target_notes,
    targets_by_id,
)
from .docx_util import (
    HEADER_FILL,
    READ_ONLY_FILL,
    RED,
    SEVERITY_COLORS,
    add_text,
    base_document,
    compact,
    repeat_header,
    set_core,
    set_widths,
    shade,
    to_bytes,
    usable_width_cm,
)
from .manifest import REVIEW_IDENTIFIER

MANIFEST_SCHEMA = 1


def main_table_header(langs: list[str]) -> list[str]:
    """The exact header cells that identify the main table (the round-trip contract)."""
    return ["#", "ID", "Block", f"Source ({SOURCE_LANG})", *(f"Draft ({lang})" for lang in langs), "Notes", "Status"]


def source_hash(source: str) -> str:
    """First 12 hex digits of SHA-1 over the Source cell's text (UTF-8), to detect edits."""
    return hashlib.sha1(cell_text(source).encode("utf-8")).hexdigest()[:12]


def review_manifest(report: RunReport, langs: list[str], stem: str) -> dict[str, Any]:
    """What finalize needs to check an edited review: segment order, blocks, source hashes."""
    kinds = block_kinds(report.document)
    first = report.translations[langs[0]].signature if langs else None
    return {
        "tool": "translator-flow",
        "schema": MANIFEST_SCHEMA,
        "version": first.tool_version if first else "",
        "langs": list(langs),
        "stem": stem,
        "source_sha256": report.document.meta.source_sha256,
        "segments": [[s.id, s.block, kinds.get(s.block, ""), source_hash(s.source)] for s in report.segments],
        "blocks": [[b.index, b.kind] for b in report.document.blocks],
        "signature": {lang: signature_dict(report.translations[lang]) for lang in langs},
    }


def render_review_docx(report: RunReport, langs: list[str], *, stem: str) -> bytes:
    """Build the review DOCX for ``langs`` (one language, or several side by side) as bytes."""
    doc = base_document(landscape=True, font_size=9.5)
    combined = len(langs) > 1
    title = document_title(report.document)
    heading = doc.add_heading(level=0)
    add_text(heading, f"Review ({', '.join(langs)}): {title}", size=16)
    _header_block(doc, report, langs)
    grouped, orphans = issues_by_segment(report, langs)
    _summary(doc, report, langs, orphans, combined)
    _legend(doc)
    doc.add_heading("Segments", 2)
    _main_table(doc, report, langs, grouped, combined)
    manifest = review_manifest(report, langs, stem)
    set_core(
        doc,
        title=f"{title} — review {', '.join(langs)}",
        subject=signature_line(report, langs),
        keywords=", ".join(["translator-flow", "review", *langs]),
        comments=json.dumps(manifest, ensure_ascii=False, separators=(",", ":")),
        identifier=REVIEW_IDENTIFIER,
        category=f"review:{','.join(langs)}",
        author="translator-flow",
        last_modified_by="translator-flow",
        version=manifest["version"],
        language=SOURCE_LANG,
    )
    return to_bytes(doc)


def write_review_docx(report: RunReport, langs: list[str], path: Path, *, stem: str, force: bool = False) -> Path:
    """Write the review DOCX atomically; an existing file is replaced only with ``force``."""
    atomic_write_bytes(Path(path), render_review_docx(report, langs, stem=stem), force=force)
    return Path(path)


def _header_block(doc: Any, report: RunReport, langs: list[str]) -> None:
    meta = report.document.meta
    p = doc.add_paragraph()
    compact(p)
    add_text(p, "Source: ", bold=True)
    add_text(p, f"{meta.source_path} ({meta.format}, sha256 {meta.source_sha256[:12]})")
    for lang in langs:
        sig = report.translations[lang].signature
        p = doc.add_paragraph()
        compact(p)
        add_text(p, f"Draft ({lang}): ", bold=True)
        add_text(p, f"engine {sig.engine} {sig.engine_version}, model {sig.model_id}; glossary {sig.glossary_hash}; "
                    f"translator-flow {sig.tool_version}; segmenter {sig.segmenter_version}")
    for lang, translation in report.translations.items():
        if translation.error and lang not in langs:
            p = doc.add_paragraph()
            add_text(p, f"{lang}: not produced — {translation.error}", color=RED)


def _summary(doc: Any, report: RunReport, langs: list[str], orphans: list[tuple[str, QAIssue]], combined: bool) -> None:
    doc.add_heading("Summary", 2)
    counts = issue_counts(report, langs)
    need = attention(report, langs)
    p = doc.add_paragraph()
    total = sum(sum(c.values()) for _, _, c in counts)
    add_text(p, f"{len(report.segments)} segments; {total} QA finding(s); {len(need)} segment(s) need attention.")
    if counts:
        head = (["Lang"] if combined else []) + ["Check", *SEVERITY_ORDER, "Total"]
        table = doc.add_table(rows=1, cols=len(head))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, head):
            cell.text = ""
            add_text(cell.paragraphs[0], text, bold=True)
            shade(cell, HEADER_FILL)
        for lang, check, by_sev in counts:
            values = ([lang] if combined else []) + [check, *(str(by_sev.get(s, 0)) for s in SEVERITY_ORDER),
                                                     str(sum(by_sev.values()))]
            for cell, text in zip(table.add_row().cells, values):
                cell.text = clean_text(text)
        set_widths(table, ([1.5] if combined else []) + [5.0, 2.2, 2.2, 2.2, 2.0])
    if need:
        p = doc.add_paragraph()
        p.paragraph_format.space_before = Pt(6)
        add_text(p, "Needs attention: ", bold=True)
        for n, (seg_id, severity) in enumerate(need):
            add_text(p, (", " if n else "") + seg_id, color=SEVERITY_COLORS[severity], bold=severity == "blocking")
    if orphans:
        p = doc.add_paragraph()
        add_text(p, "Findings on the whole document:", bold=True)
        for _, issue in orphans:
            p = doc.add_paragraph(style="List Bullet")
            run = add_text(p, (f"[{issue.lang}] " if combined else "") + issue_text(issue),
                           color=SEVERITY_COLORS.get(issue.severity))
            doc.add_comment([run], text=clean_text(issue_text(issue)), author=QA_AUTHOR, initials=QA_INITIALS)


LEGEND = [
    (frozenset({"mark-unknown"}), "unknown word", "the engine did not know it and left it as it was"),
    (frozenset({"mark-generation"}), "engine could not form", "generation error or missing dictionary entry"),
    (frozenset({"term"}), "glossary term", "approved term (source and draft)"),
    (frozenset({"term-check"}), "term to check", "placed by rule or not placed: check its form"),
]


def _legend(doc: Any) -> None:
    doc.add_heading("Legend", 2)
    lines: list[list[tuple[str, dict[str, Any]]]] = [
        [(sample, {"classes": classes}), (f" — {meaning}.", {})] for classes, sample, meaning in LEGEND
    ]
    lines.append([(UNTRANSLATED_MARK, {"bold": True, "color": RED}),
                  (" — no draft: translate the segment yourself (Notes say why).", {})])
    lines.append([("Comments", {"bold": True}),
                  (f" by «{QA_AUTHOR}» are QA findings on the part of the draft they point at.", {})])
    lines.append([("Edit only the white columns: ", {"bold": True}),
                  ("write your translation in Draft and type ✔ in Status when a segment is approved. Grey columns "
                   "(#, ID, Block, Source, Notes) are read-only: do not add, delete, merge or reorder rows.", {})])
    for parts in lines:
        p = doc.add_paragraph()
        compact(p)
        for text, style in parts:
            add_text(p, text, **style)


def _widths(doc: Any, langs: list[str]) -> list[float]:
    fixed = {"#": 0.8, "ID": 1.3, "Block": 1.8, "Status": 1.7}
    rest = usable_width_cm(doc) - sum(fixed.values())
    text_cols = 1 + len(langs)
    notes = rest * (0.22 if len(langs) == 1 else 0.2)
    text = (rest - notes) / text_cols
    return [fixed["#"], fixed["ID"], fixed["Block"], *([text] * text_cols), notes, fixed["Status"]]


def _main_table(doc: Any, report: RunReport, langs: list[str], grouped: dict, combined: bool) -> None:
    header = main_table_header(langs)
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    set_widths(table, _widths(doc, langs))  # before adding rows: add_row copies the grid widths
    head_row = table.rows[0]
    repeat_header(head_row)
    for cell, text in zip(head_row.cells, header):
        cell.text = ""
        add_text(cell.paragraphs[0], text, bold=True)
        shade(cell, HEADER_FILL)
    kinds = block_kinds(report.document)
    drafts = {lang: targets_by_id(report.translations[lang]) for lang in langs}
    rows = []
    for number, seg in enumerate(report.segments, 1):
        targets = [drafts[lang].get(seg.id) or missing_target(seg, lang) for lang in langs]
        rows.append((table.add_row(), number, seg, targets))
    for row, number, seg, targets in rows:
        cells = row.cells
        for i, text in enumerate((str(number), seg.id, kinds.get(seg.block, ""))):
            cells[i].text = ""
            add_text(cells[i].paragraphs[0], text, size=8)
        _fill_pieces(cells[3].paragraphs[0], split_pieces(seg.source, source_ranges(seg, targets)), SOURCE_LANG)
        notes_cell = cells[4 + len(langs)]
        first_note = True
        for col, (lang, target) in enumerate(zip(langs, targets), start=4):
            seg_issues = grouped.get((lang, seg.id), [])
            _draft_cell(doc, cells[col], seg, target, seg_issues, lang if combined else "")
            for n, note in enumerate(target_notes(target, seg_issues)):
                p = notes_cell.paragraphs[0] if first_note else notes_cell.add_paragraph()
                compact(p)
                first_note = False
                if combined and n == 0:
                    add_text(p, f"{lang} ", size=8, bold=True)
                color = SEVERITY_COLORS.get(note.severity) if note.severity else None
                add_text(p, note.text, size=8, color=color, bold=note.severity == "blocking")
        for i in (0, 1, 2, 3, 4 + len(langs)):
            shade(cells[i], READ_ONLY_FILL)


def _fill_pieces(paragraph: Any, pieces: list[Piece], lang: str) -> list[tuple[Piece, Any]]:
    return [(piece, add_text(paragraph, piece.text, classes=piece.classes, lang=lang)) for piece in pieces]


def _draft_cell(doc: Any, cell: Any, seg: Segment, target: TargetSegment,
                seg_issues: list[tuple[str, QAIssue]], lang_prefix: str) -> None:
    """Draft runs with highlights; a comment per issue on its span (or the whole draft)."""
    para = cell.paragraphs[0]
    ranges = draft_ranges(target, seg_issues)
    # Marks get keys too, so a mark no issue points at still gets its own comment.
    mark_ranges = [Range(r.start, r.end, r.cls, key=f"mark-{n}", title=r.title)
                   for n, r in enumerate(ranges) if r.cls.startswith("mark-")]
    placeholder = None
    if is_untranslated(target):
        placeholder = add_text(para, UNTRANSLATED_MARK, bold=True, color=RED)
        if target.text.strip():
            add_text(para, " ")
    pairs = _fill_pieces(para, split_pieces(target.text, ranges + mark_ranges), target.lang) if target.text.strip() else []
    all_runs = [r for _, r in pairs] or [placeholder]
    prefix = f"[{lang_prefix}] " if lang_prefix else ""

    def comment(runs: list[Any], text: str) -> None:
        doc.add_comment(runs, text=clean_text(prefix + text), author=QA_AUTHOR, initials=QA_INITIALS)

    if placeholder is not None or target.error:
        comment([placeholder] if placeholder is not None else all_runs,
                f"engine error: {target.error}" if target.error else "not translated: no draft was produced")
    for key, issue in seg_issues:
        comment([r for p, r in pairs if key in p.keys] or all_runs, issue_text(issue))
    issue_spans = [i.span for _, i in seg_issues if i.span]
    for mark in mark_ranges:
        if any(s[0] < mark.end and mark.start < s[1] for s in issue_spans):
            continue  # QA already commented on this word
        runs = [r for p, r in pairs if mark.key in p.keys]
        if runs:
            comment(runs, mark.title)
