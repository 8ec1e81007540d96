"""The review DOCX: a bilingual table an editor works in, with QA findings as Word comments.

Layout (docs/output-format.md has the round-trip contract ``finalize`` relies on): a title,
the run signature, a summary of QA findings, a legend of colour marks, then the main table
``# | ID | Block | Source (ru) | Draft (<lang>)… | Notes | Status`` with one row per segment.
Grey columns are read-only by convention; the Draft and Status columns are the editor's.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..model import RunReport
from .atomic import atomic_write_bytes
from .common import (
    QA_AUTHOR,
    QA_INITIALS,
    SEVERITY_ORDER,
    SOURCE_LANG,
    UNTRANSLATED_MARK,
    Piece,
    Range,
    clean_text,
    issue_text,
)
from .docx_util import (
    HEADER_FILL,
    READ_ONLY_FILL,
    RED,
    SEVERITY_COLORS,
    W_NS,
    DocxBuilder,
    cell_paragraph,
    compact,
)
from .manifest import REVIEW_IDENTIFIER, review_facts, review_manifest, source_hash
from .review_view import DraftView, ReviewView, build_review_view

#: Colour of the hidden source hash in the ID cell (grey, for an editor who shows hidden text).
HIDDEN_GREY = "A6A6A6"



def main_table_header(langs: list[str]) -> list[str]:
    """The exact header cells that identify the main table (the round-trip contract)."""
    return ["#", "ID", "Block", f"Source ({SOURCE_LANG})", *(f"Draft ({lang})" for lang in langs), "Notes", "Status"]


def render_review_docx(report: RunReport, langs: list[str], *, stem: str) -> bytes:
    """Build the review DOCX for ``langs`` (one language, or several side by side) as bytes."""
    view = build_review_view(report, langs)
    doc = DocxBuilder(landscape=True, font_size=9.5)
    title = view.title
    doc.run(doc.paragraph(style="Title"), f"Review ({', '.join(langs)}): {title}", size=16)
    _header_block(doc, view)
    _summary(doc, view)
    _legend(doc)
    doc.heading("Segments", "Heading 2")
    _main_table(doc, view)
    manifest = review_manifest(report, langs, stem)
    return doc.to_bytes(
        title=f"{title} — review {', '.join(langs)}",
        subject=view.generator,
        keywords=review_facts(manifest),
        comments=json.dumps(manifest, ensure_ascii=False, separators=(",", ":")),
        identifier=REVIEW_IDENTIFIER,
        category=f"review:{','.join(langs)}",
        author="translator-flow",
        last_modified_by="translator-flow",
        version=manifest["version"],
        language=SOURCE_LANG,
    )


def write_review_docx(report: RunReport, langs: list[str], path: Path, *, stem: str, force: bool = False) -> Path:
    """Write the review DOCX atomically; an existing file is replaced only with ``force``."""
    atomic_write_bytes(Path(path), render_review_docx(report, langs, stem=stem), force=force)
    return Path(path)


def _header_block(doc: DocxBuilder, view: ReviewView) -> None:
    meta = view.meta
    p = doc.paragraph(compact=True)
    doc.run(p, "Source: ", bold=True)
    doc.run(p, f"{meta.source_path} ({meta.format}, sha256 {meta.source_sha256[:12]})")
    for lang, sig in view.signatures:
        p = doc.paragraph(compact=True)
        doc.run(p, f"Draft ({lang}): ", bold=True)
        doc.run(p, f"engine {sig.engine} {sig.engine_version}, model {sig.model_id}; glossary {sig.glossary_hash}; "
                   f"translator-flow {sig.tool_version}; segmenter {sig.segmenter_version}")
    for lang, error in view.unavailable:
        doc.run(doc.paragraph(), f"{lang}: not produced — {error}", color=RED)
    for text, loud in view.source_warnings:  # what the reader removed or skipped
        p = doc.paragraph(compact=not loud)
        if loud:
            doc.run(p, f"⚠ {text}", bold=True, color=RED, size=13)
        else:
            doc.run(p, "Source reader: ", bold=True)
            doc.run(p, text)


def _summary(doc: DocxBuilder, view: ReviewView) -> None:
    doc.heading("Summary", "Heading 2")
    combined = view.combined
    doc.run(doc.paragraph(), f"{len(view.rows)} segments; {view.total_findings} QA finding(s); "
                             f"{len(view.attention)} segment(s) need attention.")
    if view.counts:
        head = (["Lang"] if combined else []) + ["Check", *SEVERITY_ORDER, "Total"]
        table = doc.table(([1.5] if combined else []) + [5.0, 2.2, 2.2, 2.2, 2.0])
        for cell, text in zip(table.row([HEADER_FILL] * len(head)), head):
            doc.run(cell_paragraph(cell), text, bold=True)
        for count in view.counts:
            values = ([count.lang] if combined else []) + [count.check, *(str(count.counts[s]) for s in SEVERITY_ORDER),
                                                           str(count.total)]
            for cell, text in zip(table.row(), values):
                doc.run(cell_paragraph(cell), text)
    if view.attention:
        p = doc.paragraph(space_before_pt=6)
        doc.run(p, "Needs attention: ", bold=True)
        for n, (seg_id, severity) in enumerate(view.attention):
            doc.run(p, (", " if n else "") + seg_id, color=SEVERITY_COLORS[severity], bold=severity == "blocking")
    if view.orphans:
        doc.run(doc.paragraph(), "Findings on the whole document:", bold=True)
        for _, issue in view.orphans:
            run = doc.run(doc.paragraph(style="List Bullet"), (f"[{issue.lang}] " if combined else "") + issue_text(issue),
                          color=SEVERITY_COLORS.get(issue.severity))
            doc.comment([run], clean_text(issue_text(issue)), author=QA_AUTHOR, initials=QA_INITIALS)


LEGEND = [
    (frozenset({"mark-unknown"}), "unknown word", "the engine did not know it and left it as it was"),
    (frozenset({"mark-generation"}), "engine could not form", "generation error or missing dictionary entry"),
    (frozenset({"term"}), "glossary term", "approved term (source and draft)"),
    (frozenset({"term-check"}), "term to check", "placed by rule or not placed: check its form"),
]


def _legend(doc: DocxBuilder) -> None:
    doc.heading("Legend", "Heading 2")
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
        p = doc.paragraph(compact=True)
        for text, style in parts:
            doc.run(p, text, **style)


def _widths(doc: DocxBuilder, langs: list[str]) -> list[float]:
    fixed = {"#": 0.8, "ID": 1.3, "Block": 1.8, "Status": 1.7}
    rest = doc.width_cm - sum(fixed.values())
    text_cols = 1 + len(langs)
    notes = rest * (0.22 if len(langs) == 1 else 0.2)
    text = (rest - notes) / text_cols
    return [fixed["#"], fixed["ID"], fixed["Block"], *([text] * text_cols), notes, fixed["Status"]]


def _main_table(doc: DocxBuilder, view: ReviewView) -> None:
    langs = list(view.langs)
    header = main_table_header(langs)
    table = doc.table(_widths(doc, langs))
    for cell, text in zip(table.row([HEADER_FILL] * len(header), header=True), header):
        doc.run(cell_paragraph(cell), text, bold=True)
    notes_col = 4 + len(langs)
    # #, ID, Block, Source and Notes are grey: read-only by convention.
    fills = [READ_ONLY_FILL] * 4 + [""] * len(langs) + [READ_ONLY_FILL, ""]
    for row in view.rows:
        seg = row.segment
        cells = table.row(fills)
        for i, text in enumerate((str(row.number), seg.id, row.kind)):
            doc.run(cell_paragraph(cells[i]), text, size=8)
        _hidden(doc.run(cell_paragraph(cells[1]), f" #{source_hash(seg.source)}", size=7, color=HIDDEN_GREY))
        _fill_pieces(doc, cell_paragraph(cells[3]), list(row.source_pieces), SOURCE_LANG)
        notes_cell = cells[notes_col]
        first_note = True
        for col, draft in enumerate(row.drafts, start=4):
            _draft_cell(doc, cells[col], draft, draft.lang if view.combined else "")
            for n, note in enumerate(draft.notes):
                p = compact(cell_paragraph(notes_cell)) if first_note else doc.paragraph(notes_cell, compact=True)
                first_note = False
                if view.combined and n == 0:
                    doc.run(p, f"{draft.lang} ", size=8, bold=True)
                color = SEVERITY_COLORS.get(note.severity) if note.severity else None
                doc.run(p, note.text, size=8, color=color, bold=note.severity == "blocking")


def _hidden(run: Any) -> None:
    """Make ``run`` hidden text (w:vanish, placed before w:color as the rPr schema orders it).

    The ID cell's hidden source hash lets finalize check the row even when Word cut the
    manifest property; editors see only the id (Word shows it only with "Hidden text" on).
    """
    from lxml import etree

    rpr = run.find(f"{{{W_NS}}}rPr")
    rpr.find(f"{{{W_NS}}}color").addprevious(etree.Element(f"{{{W_NS}}}vanish"))


def _fill_pieces(doc: DocxBuilder, paragraph: Any, pieces: list[Piece], lang: str) -> list[tuple[Piece, Any]]:
    return [(piece, doc.run(paragraph, piece.text, classes=piece.classes, lang=lang)) for piece in pieces]


def _draft_cell(doc: DocxBuilder, cell: Any, draft: DraftView, lang_prefix: str) -> None:
    """Draft runs with highlights; a comment per issue on its span (or the whole draft)."""
    para = cell_paragraph(cell)
    target, seg_issues = draft.target, draft.issues
    # Marks get keys too, so a mark no issue points at still gets its own comment.
    mark_ranges = tuple(Range(r.start, r.end, r.cls, key=f"mark-{n}", title=r.title)
                        for n, r in enumerate(draft.ranges) if r.cls.startswith("mark-"))
    placeholder = None
    if draft.untranslated:
        placeholder = doc.run(para, UNTRANSLATED_MARK, bold=True, color=RED)
        if draft.text:
            doc.run(para, " ")
    pairs = _fill_pieces(doc, para, draft.pieces(mark_ranges), target.lang) if draft.text else []
    all_runs = [r for _, r in pairs] or [placeholder]
    prefix = f"[{lang_prefix}] " if lang_prefix else ""

    def comment(runs: list[Any], text: str) -> None:
        doc.comment(runs, clean_text(prefix + text), author=QA_AUTHOR, initials=QA_INITIALS)

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
