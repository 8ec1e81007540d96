"""The review DOCX: a bilingual table an editor works in, with QA findings as Word comments.

Layout (docs/output-format.md has the round-trip contract ``finalize`` relies on): a title,
loud reader warnings, the findings summary (counts by kind, "needs attention" links that
jump to bookmarks on the rows), where the drafts came from, a legend of colour marks, then
the main table ``# | ID | Block | Source (ru) | Draft (<lang>)… | Notes | Status`` with one
row per segment, never split across pages. Every word of it is in the interface language
(``ui_lang``: en, be, ru; :mod:`.labels`). Grey columns are read-only by convention; the
Draft and Status columns are the editor's.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lxml import etree

from ..model import RunReport
from .atomic import atomic_write_bytes
from .common import QA_AUTHOR, QA_INITIALS, SEVERITY_ORDER, SOURCE_LANG, Piece, Range, bidi_token, clean_text, split_bidi
from .docx_nav import Bookmarks, bookmark_name, internal_link
from .docx_util import (
    HEADER_FILL,
    READ_ONLY_FILL,
    RED,
    SEVERITY_COLORS,
    SHD,
    VAL,
    W_NS,
    DocxBuilder,
    cell_paragraph,
    compact,
    dropdown,
)
from .i18n import UiText, ui_text
from .labels import (
    check_label,
    error_note,
    issue_comment,
    legend,
    severity_label,
    status_choices,
    status_placeholder,
    untranslated_mark,
)
from .labels import main_table_header as header_cells
from .manifest import REVIEW_IDENTIFIER, review_facts, review_manifest, source_hash
from .review_view import DraftView, ReviewView, build_review_view

#: Colour of the hidden source hash in the ID cell (grey, for an editor who shows hidden text).
HIDDEN_GREY = "A6A6A6"


def main_table_header(langs: list[str], ui_lang: str = "en") -> list[str]:
    """The exact header cells that identify the main table (the round-trip contract)."""
    return header_cells(ui_text(ui_lang), langs, SOURCE_LANG)


def render_review_docx(report: RunReport, langs: list[str], *, stem: str, ui_lang: str = "en") -> bytes:
    """Build the review DOCX for ``langs`` (one language, or several side by side) as bytes,
    worded in the interface language ``ui_lang``."""
    view = build_review_view(report, langs, ui_lang)
    _ = view.ui
    doc = DocxBuilder(landscape=True, font_size=9.5)
    title = view.title
    doc.run(doc.paragraph(style="Title"), _("Review ({langs}): {title}", langs=", ".join(langs), title=title), size=16)
    for text, loud in view.source_warnings:  # most of the source dropped, no glossary: first
        if loud:
            doc.run(doc.paragraph(), f"⚠ {text}", bold=True, color=RED, size=13)
    _summary(doc, view)
    _header_block(doc, view)
    _legend(doc, _)
    doc.heading(_("Segments"), "Heading 2")
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


def write_review_docx(report: RunReport, langs: list[str], path: Path, *, stem: str, force: bool = False,
                      ui_lang: str = "en") -> Path:
    """Write the review DOCX atomically; an existing file is replaced only with ``force``."""
    atomic_write_bytes(Path(path), render_review_docx(report, langs, stem=stem, ui_lang=ui_lang), force=force)
    return Path(path)


def _header_block(doc: DocxBuilder, view: ReviewView) -> None:
    """Where the drafts came from: source file, engines, glossary; the reader's quieter warnings."""
    _ = view.ui
    meta = view.meta
    doc.heading(_("About this file"), "Heading 2")
    p = doc.paragraph(compact=True)
    doc.run(p, _("Source: "), bold=True)
    doc.run(p, f"{meta.source_path} ({meta.format}, sha256 {meta.source_sha256[:12]})")
    for lang, sig in view.signatures:
        p = doc.paragraph(compact=True)
        doc.run(p, _("Draft ({lang}): ", lang=lang), bold=True)
        doc.run(p, _("engine {engine} {version}, model {model}; glossary {glossary}; translator-flow {tool}; "
                     "segmenter {segmenter}", engine=sig.engine, version=sig.engine_version, model=sig.model_id,
                     glossary=sig.glossary_hash, tool=sig.tool_version, segmenter=sig.segmenter_version))
    for lang, error in view.unavailable:
        doc.run(doc.paragraph(), _("{lang}: not produced — {error}", lang=lang, error=error), color=RED)
    for text, loud in view.source_warnings:  # what the reader removed or skipped
        if not loud:
            p = doc.paragraph(compact=True)
            doc.run(p, _("Source reader: "), bold=True)
            doc.run(p, text)


def _summary(doc: DocxBuilder, view: ReviewView) -> None:
    """Findings first: totals, counts by kind of finding, links to the rows that need a look."""
    _ = view.ui
    combined = view.combined
    doc.heading(_("Findings"), "Heading 2")
    line = " · ".join([
        _.ngettext("{n} segment", "{n} segments", len(view.rows)),
        _.ngettext("{n} finding", "{n} findings", view.total_findings),
        _.ngettext("{n} segment needs attention", "{n} segments need attention", len(view.attention)),
    ])
    doc.run(doc.paragraph(), line, bold=True)
    if view.counts:
        head = ([_("Language")] if combined else []) + [_("Kind of finding"),
                                                         *(severity_label(_, s) for s in SEVERITY_ORDER), _("Total")]
        table = doc.table(([1.7] if combined else []) + [6.0, 3.4, 3.4, 3.4, 2.0])  # labels on one line
        for cell, text in zip(table.row([HEADER_FILL] * len(head)), head):
            doc.run(cell_paragraph(cell), text, bold=True)
        for count in view.counts:
            values = ([count.lang] if combined else []) + [check_label(_, count.check),
                                                           *(str(count.counts[s]) for s in SEVERITY_ORDER),
                                                           str(count.total)]
            for cell, text in zip(table.row(), values):
                doc.run(cell_paragraph(cell), text)
    if view.attention:
        p = doc.paragraph(space_before_pt=6)
        doc.run(p, _("Needs attention (click to go to the row): "), bold=True)
        for n, (seg_id, severity) in enumerate(view.attention):
            if n:
                doc.run(p, ", ")
            internal_link(doc, p, seg_id, bookmark_name(seg_id), color=SEVERITY_COLORS[severity],
                          bold=severity == "blocking")
    if view.orphans:
        doc.run(doc.paragraph(), _("Findings on the whole document:"), bold=True)
        for _key, issue in view.orphans:
            text = issue_comment(_, issue)
            run = doc.run(doc.paragraph(style="List Bullet"), (f"[{issue.lang}] " if combined else "") + text,
                          color=SEVERITY_COLORS.get(issue.severity))
            doc.comment([run], clean_text(text), author=QA_AUTHOR, initials=QA_INITIALS)


def _shaded(run: Any, fill: str) -> Any:
    """Shade a run that has only b / color properties (w:shd goes last of those)."""
    etree.SubElement(run.find(f"{{{W_NS}}}rPr"), SHD, {VAL: "clear", f"{{{W_NS}}}color": "auto",
                                                      f"{{{W_NS}}}fill": fill})
    return run


def _legend(doc: DocxBuilder, _: UiText) -> None:
    doc.heading(_("Legend"), "Heading 2")
    lines: list[list[tuple[str, dict[str, Any]]]] = [
        [(sample, {"classes": classes}), (" — " + meaning + ".", {})] for classes, sample, meaning in legend(_)
    ]
    lines.append([(untranslated_mark(_), {"bold": True, "color": RED}),
                  (" — " + _("no draft: translate the segment yourself (the Notes say why)") + ".", {})])
    lines.append([(_("Comments"), {"bold": True}),
                  (" " + _("by «{author}» are findings on the words of the draft they point at.",
                           author=QA_AUTHOR), {})])
    lines.append([(_("Grey columns"), {"bold": True, "fill": READ_ONLY_FILL}),
                  (" " + _("(#, ID, Block, Source, Notes) are for reading only: do not add, delete, merge or "
                           "reorder rows."), {})])
    lines.append([(_("Edit only the white columns: "), {"bold": True}),
                  (_("write your translation in Draft and choose in Status: {choices}. Only rows marked "
                     "«{approved}» are approved.", choices=", ".join(status_choices(_)),
                     approved=status_choices(_)[0]), {})])
    for parts in lines:
        p = doc.paragraph(compact=True)
        for text, style in parts:
            fill = style.pop("fill", None)
            run = doc.run(p, text, **style)
            if fill:
                _shaded(run, fill)


def _widths(doc: DocxBuilder, langs: list[str]) -> list[float]:
    fixed = {"#": 0.8, "ID": 1.3, "Block": 1.8, "Status": 2.1}  # Status: «зацверджана» on one line
    rest = doc.width_cm - sum(fixed.values())
    text_cols = 1 + len(langs)
    notes = rest * (0.28 if len(langs) == 1 else 0.24)  # notes wrap less: rows stay short
    text = (rest - notes) / text_cols
    return [fixed["#"], fixed["ID"], fixed["Block"], *([text] * text_cols), notes, fixed["Status"]]


def _main_table(doc: DocxBuilder, view: ReviewView) -> None:
    langs = list(view.langs)
    header = header_cells(view.ui, langs, SOURCE_LANG)
    table = doc.table(_widths(doc, langs))
    for cell, text in zip(table.row([HEADER_FILL] * len(header), header=True), header):
        doc.run(cell_paragraph(cell), text, bold=True)
    notes_col = 4 + len(langs)
    # #, ID, Block, Source and Notes are grey: read-only by convention.
    fills = [READ_ONLY_FILL] * 4 + [""] * len(langs) + [READ_ONLY_FILL, ""]
    bookmarks = Bookmarks()
    for row in view.rows:
        seg = row.segment
        cells = table.row(fills)
        for i, text in enumerate((str(row.number), seg.id, row.kind)):
            doc.run(cell_paragraph(cells[i]), text, size=8)
        bookmarks.add(cell_paragraph(cells[0]), bookmark_name(seg.id))  # "needs attention" links land here
        _hidden(doc.run(cell_paragraph(cells[1]), f" #{source_hash(seg.source)}", size=7, color=HIDDEN_GREY))
        _fill_pieces(doc, cell_paragraph(cells[3]), list(row.source_pieces), SOURCE_LANG)
        dropdown(cell_paragraph(cells[-1]), status_choices(view.ui), placeholder=status_placeholder(view.ui),
                 tag="Status", size=8)
        notes_cell = cells[notes_col]
        first_note = True
        for col, draft in enumerate(row.drafts, start=4):
            _draft_cell(doc, cells[col], draft, view.ui, draft.lang if view.combined else "")
            for n, note in enumerate(draft.notes):
                p = compact(cell_paragraph(notes_cell)) if first_note else doc.paragraph(notes_cell, compact=True)
                first_note = False
                if view.combined and n == 0:
                    doc.run(p, f"{draft.lang} ", size=8, bold=True)
                color = SEVERITY_COLORS.get(note.severity) if note.severity else NOTE_GREY if n == 0 else None
                doc.run(p, note.text, size=8, color=color, bold=note.severity == "blocking")


#: The first note (how the draft was made) is quieter than the findings under it.
NOTE_GREY = "595959"


def _hidden(run: Any) -> None:
    """Make ``run`` hidden text (w:vanish, placed before w:color as the rPr schema orders it).

    The ID cell's hidden source hash lets finalize check the row even when Word cut the
    manifest property; editors see only the id (Word shows it only with "Hidden text" on).
    """
    from lxml import etree

    rpr = run.find(f"{{{W_NS}}}rPr")
    rpr.find(f"{{{W_NS}}}color").addprevious(etree.Element(f"{{{W_NS}}}vanish"))


def _fill_pieces(doc: DocxBuilder, paragraph: Any, pieces: list[Piece], lang: str) -> list[tuple[Piece, Any]]:
    """One run per piece; a bidi control becomes a visible red ``⟦U+202E⟧`` run of its own
    (the import turns it back into the control, so QA keeps it blocking until removed)."""
    out = []
    for piece in pieces:
        for text, control in split_bidi(piece.text):
            if control:
                run = doc.run(paragraph, bidi_token(text), classes=piece.classes, lang=lang, bold=True, color=RED)
            else:
                run = doc.run(paragraph, text, classes=piece.classes, lang=lang)
            out.append((piece, run))
    return out


def _draft_cell(doc: DocxBuilder, cell: Any, draft: DraftView, _: UiText, lang_prefix: str) -> None:
    """Draft runs with highlights; a comment per issue on its span (or the whole draft)."""
    para = cell_paragraph(cell)
    target, seg_issues = draft.target, draft.issues
    # Marks get keys too, so a mark no issue points at still gets its own comment.
    mark_ranges = tuple(Range(r.start, r.end, r.cls, key=f"mark-{n}", title=r.title)
                        for n, r in enumerate(draft.ranges) if r.cls.startswith("mark-"))
    placeholder = None
    if draft.untranslated:
        placeholder = doc.run(para, untranslated_mark(_), bold=True, color=RED)
        if draft.text:
            doc.run(para, " ")
    pairs = _fill_pieces(doc, para, draft.pieces(mark_ranges), target.lang) if draft.text else []
    all_runs = [r for _piece, r in pairs] or [placeholder]
    prefix = f"[{lang_prefix}] " if lang_prefix else ""

    def comment(runs: list[Any], text: str) -> None:
        doc.comment(runs, clean_text(prefix + text), author=QA_AUTHOR, initials=QA_INITIALS)

    if placeholder is not None or target.error:
        comment([placeholder] if placeholder is not None else all_runs, error_note(_, target))
    for key, issue in seg_issues:
        comment([r for p, r in pairs if key in p.keys] or all_runs, issue_comment(_, issue))
    issue_spans = [i.span for _key, i in seg_issues if i.span]
    for mark in mark_ranges:
        if any(s[0] < mark.end and mark.start < s[1] for s in issue_spans):
            continue  # QA already commented on this word
        runs = [r for p, r in pairs if mark.key in p.keys]
        if runs:
            comment(runs, mark.title)
