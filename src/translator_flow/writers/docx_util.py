"""Small python-docx helpers the review and publish writers share (shading, widths, styles).

python-docx has no API for cell shading, repeated header rows, run language or core
properties longer than 255 characters; these helpers write the few WordprocessingML
elements directly, in the order the schema requires.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document as new_document
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_COLOR_INDEX, WD_UNDERLINE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell
from docx.text.run import Run

from .common import LANG_TAGS, cell_text, clean_text

RED = RGBColor(0xC0, 0x00, 0x00)
SEVERITY_COLORS = {"blocking": RGBColor(0xC0, 0x00, 0x00), "warning": RGBColor(0x9C, 0x4F, 0x00),
                   "info": RGBColor(0x40, 0x40, 0x40)}
#: Highlight per piece class; the first class present wins (marks over terms).
HIGHLIGHTS = [
    ("mark-unknown", WD_COLOR_INDEX.YELLOW),
    ("mark-generation", WD_COLOR_INDEX.TURQUOISE),
    ("mark-bilingual", WD_COLOR_INDEX.TURQUOISE),
    ("mark-fallback", WD_COLOR_INDEX.GRAY_25),
    ("term-check", WD_COLOR_INDEX.BRIGHT_GREEN),
    ("term", WD_COLOR_INDEX.BRIGHT_GREEN),
]
READ_ONLY_FILL = "E8E8E8"
HEADER_FILL = "BFBFBF"


def base_document(*, landscape: bool, font_size: float = 10) -> Document:
    """A new document with A4 pages, 1.5 cm margins and a font every system has a match for."""
    doc = new_document()
    section = doc.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    else:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"  # LibreOffice maps it to the metric-compatible Liberation Sans
    normal.font.size = Pt(font_size)
    return doc


def usable_width_cm(doc: Document) -> float:
    """Text width of the first section, in centimetres."""
    section = doc.sections[0]
    return (section.page_width - section.left_margin - section.right_margin) / 360000


def shade(cell: _Cell, fill: str) -> None:
    """Fill a table cell with a solid colour (hex RGB)."""
    tc_pr = cell._tc.get_or_add_tcPr()
    for old in tc_pr.findall(qn("w:shd")):
        tc_pr.remove(old)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def repeat_header(row: Any) -> None:
    """Repeat a table row at the top of every page, and never split it."""
    tr_pr = row._tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "true")
        tr_pr.append(el)


def set_widths(table: Any, widths_cm: list[float]) -> None:
    """Fix column widths (grid for LibreOffice, every cell for Word)."""
    table.autofit = False
    for column, width in zip(table.columns, widths_cm):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm):
            cell.width = Cm(width)


def set_lang(run: Run, lang: str) -> None:
    """Tag a run's language so Word and LibreOffice spell-check it with the right dictionary."""
    tag = LANG_TAGS.get(lang)
    if not tag:
        return
    r_pr = run._r.get_or_add_rPr()
    el = OxmlElement("w:lang")
    el.set(qn("w:val"), tag)
    r_pr.append(el)  # w:lang follows every formatting element that python-docx writes


def add_text(paragraph: Any, text: str, *, classes: frozenset[str] = frozenset(), lang: str = "",
             bold: bool = False, italic: bool = False, color: RGBColor | None = None,
             size: float | None = None) -> Run:
    """Add one run of ``text`` with the highlight its classes call for."""
    run = paragraph.add_run(cell_text(text))
    for cls, colour in HIGHLIGHTS:
        if cls in classes:
            run.font.highlight_color = colour
            break
    if "term-check" in classes:
        run.font.underline = WD_UNDERLINE.WAVY
    elif "term" in classes:
        run.font.underline = WD_UNDERLINE.SINGLE
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if color is not None:
        run.font.color.rgb = color
    if size:
        run.font.size = Pt(size)
    if lang:
        set_lang(run, lang)
    return run


def compact(paragraph: Any) -> None:
    """No space after a paragraph (table cells stay dense)."""
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.space_before = Pt(0)


def set_core(doc: Document, **values: str) -> None:
    """Set core properties; ``comments`` may exceed python-docx's 255-character limit.

    OPC does not limit dc:description; python-docx does, so the long value is written to the
    element directly (LibreOffice was verified to keep it through a DOCX → DOCX conversion).
    """
    props = doc.core_properties
    for name, value in values.items():
        value = clean_text(value)
        if name == "comments" and len(value) > 255:
            props._element._get_or_add("description").text = value
        else:
            setattr(props, name, value[:255])


def to_bytes(doc: Document) -> bytes:
    """Serialise a document in memory (written to disk atomically by the caller)."""
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
