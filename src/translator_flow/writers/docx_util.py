"""A small WordprocessingML builder the review and publish writers share.

Why not python-docx's object API: every ``add_run``/``font.*``/``cell.text`` call goes
through descriptors that search for the right child position, and every style given by
name scans all 164 styles of the default template; a review of eight sentences cost
~30 ms that way and costs ~2.5 ms here (``benchmarks/writers.py``). Paragraphs, runs,
tables and comments are plain lxml elements created in schema order, style ids are
resolved once per template, table rows are copies of a prototype row, and the package
comes from :mod:`.docx_package`. The XML is what python-docx wrote for the same calls
(``tests/test_writers_docx_builder.py`` uses python-docx as the oracle), minus the empty
``<w:r/>`` and ``<w:pPr/>`` that ``cell.text = ""`` and ``style = "Normal"`` left behind.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Sequence
from typing import Any

from lxml import etree

from .common import LANG_TAGS, PALETTE, cell_text
from .docx_package import COMMENTS, CORE, DOCUMENT, core_xml, package, template

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


# Qualified names computed once: runs and cells are created thousands of times per batch.
P, R, T, BR, TAB, PPR, RPR, VAL = _w("p"), _w("r"), _w("t"), _w("br"), _w("tab"), _w("pPr"), _w("rPr"), _w("val")
B, I, COLOR, SZ, U, LANG = _w("b"), _w("i"), _w("color"), _w("sz"), _w("u"), _w("lang")  # noqa: E741 - I is w:i
TC, TR, TCPR, TCW, SHD, ID = _w("tc"), _w("tr"), _w("tcPr"), _w("tcW"), _w("shd"), _w("id")

RED = "C00000"
SEVERITY_COLORS = {"blocking": "C00000", "warning": "9C4F00", "info": "404040"}
#: Run shading (w:shd fill) per piece class; the first class present wins (marks over terms).
#: Shading, not w:highlight: Word's highlight colours are 16 loud ones, shading takes any RGB.
HIGHLIGHTS = list(PALETTE.items())
READ_ONLY_FILL = "E8E8E8"
HEADER_FILL = "BFBFBF"
_TABLE_LOOK = {"firstColumn": "1", "firstRow": "1", "lastColumn": "0", "lastRow": "0", "noHBand": "0",
               "noVBand": "1", "val": "04A0"}


def _sub(parent: Any, tag: str, **attrs: str) -> Any:
    return etree.SubElement(parent, _w(tag), {_w(k): v for k, v in attrs.items()})


def _twips(cm: float) -> str:
    # The same rounding as python-docx's Cm(...).twips, so widths match what it wrote.
    return str(round(int(cm * 360000) / 635.0))


def append_text(run: Any, text: str) -> None:
    """Append ``text`` to a run as python-docx does: tab → w:tab, CR or LF → w:br, else w:t."""
    for n, line in enumerate(text.replace("\r", "\n").split("\n")):
        if n:
            etree.SubElement(run, BR)
        for m, chunk in enumerate(line.split("\t")):
            if m:
                etree.SubElement(run, TAB)
            if chunk:
                t = etree.SubElement(run, T)
                t.text = chunk
                if len(chunk.strip()) < len(chunk):
                    t.set(_XML_SPACE, "preserve")


class Table:
    """A fixed-layout table; each row is a copy of a prototype row (cheaper than building it)."""

    def __init__(self, element: Any, widths: list[str]) -> None:
        self.element = element
        self._widths = widths
        self._prototypes: dict[tuple[tuple[str, ...], bool], Any] = {}

    def row(self, fills: Sequence[str] = (), *, header: bool = False) -> list[Any]:
        """Append a row and return its cells, each holding one empty paragraph.

        ``fills``: the shading of each cell (hex RGB, "" for none); ``header``: repeat the
        row at the top of every page. No row is ever split across pages (w:cantSplit): a
        segment, its draft and its notes stay together.
        """
        key = (tuple(fills), header)
        prototype = self._prototypes.get(key)
        if prototype is None:
            prototype = self._prototypes[key] = self._prototype(key[0], header)
        tr = copy.deepcopy(prototype)
        self.element.append(tr)
        return tr.findall(TC)

    def _prototype(self, fills: tuple[str, ...], header: bool) -> Any:
        tr = etree.Element(TR)
        tr_pr = _sub(tr, "trPr")
        _sub(tr_pr, "cantSplit", val="true")
        if header:
            _sub(tr_pr, "tblHeader", val="true")
        for n, width in enumerate(self._widths):
            tc = etree.SubElement(tr, TC)
            _sub(etree.SubElement(tc, TCPR), "tcW", type="dxa", w=width)
            if n < len(fills) and fills[n]:
                shade(tc, fills[n])
            etree.SubElement(tc, P)
        return tr


class DocxBuilder:
    """One document under construction: body elements in order, comments, then ``to_bytes``."""

    def __init__(self, *, landscape: bool, font_size: float) -> None:
        self._layout = {"landscape": landscape, "font_size": font_size}
        base = template(**self._layout, comments=False)
        self._style_ids = base.style_ids
        self.width_cm = base.width_cm
        self._root = etree.fromstring(base.document)
        self.body = self._root[0]
        # Content goes before the section properties, which must stay the body's last child.
        self._sect_pr = self.body[-1]
        self.body.remove(self._sect_pr)
        self._comments: Any = None
        self._comment_date = ""

    def paragraph(self, parent: Any = None, style: str = "", *, compact: bool = False,
                  space_before_pt: float | None = None) -> Any:
        """A new paragraph at the end of ``parent`` (default: the body); ``compact``: no spacing."""
        p = etree.SubElement(self.body if parent is None else parent, P)
        style_id = self._style_ids[style] if style else None
        if style_id or compact or space_before_pt is not None:
            ppr = etree.SubElement(p, PPR)
            if style_id:
                _sub(ppr, "pStyle", val=style_id)
            if compact:
                _sub(ppr, "spacing", after="0", before="0")
            elif space_before_pt is not None:
                _sub(ppr, "spacing", before=str(round(space_before_pt * 20)))
        return p

    def heading(self, text: str, style: str) -> Any:
        """A paragraph in a heading style holding ``text`` (like python-docx's add_heading)."""
        p = self.paragraph(style=style)
        if text:
            self.run(p, text)
        return p

    def table(self, widths_cm: list[float], *, style: str = "Table Grid") -> Table:
        """A fixed-layout table with these column widths (grid for LibreOffice, cells for Word)."""
        tbl = etree.SubElement(self.body, _w("tbl"))
        tbl_pr = etree.SubElement(tbl, _w("tblPr"))
        _sub(tbl_pr, "tblStyle", val=self._style_ids[style] or "")
        _sub(tbl_pr, "tblW", type="auto", w="0")
        _sub(tbl_pr, "tblLayout", type="fixed")
        _sub(tbl_pr, "tblLook", **_TABLE_LOOK)
        grid = etree.SubElement(tbl, _w("tblGrid"))
        widths = [_twips(w) for w in widths_cm]
        for width in widths:
            _sub(grid, "gridCol", w=width)
        return Table(tbl, widths)

    def run(self, paragraph: Any, text: str, *, classes: frozenset[str] = frozenset(), lang: str = "",
            bold: bool = False, italic: bool = False, color: str | None = None, size: float | None = None) -> Any:
        """Add one run of ``text`` with the highlight its classes call for (rPr in schema order)."""
        r = etree.SubElement(paragraph, R)
        highlight = underline = None
        if classes:
            highlight = next((value for cls, value in HIGHLIGHTS if cls in classes), None)
            underline = "wave" if "term-check" in classes else "single" if "term" in classes else None
        tag = LANG_TAGS.get(lang) if lang else None
        if bold or italic or color or size or highlight or underline or tag:
            rpr = etree.SubElement(r, RPR)
            if bold:
                etree.SubElement(rpr, B)
            if italic:
                etree.SubElement(rpr, I)
            if color:
                etree.SubElement(rpr, COLOR, {VAL: color})
            if size:
                etree.SubElement(rpr, SZ, {VAL: str(int(size * 2))})  # half-points
            if underline:
                etree.SubElement(rpr, U, {VAL: underline})
            if highlight:  # w:shd comes after w:u in the rPr sequence
                etree.SubElement(rpr, SHD, {VAL: "clear", _w("color"): "auto", _w("fill"): highlight})
            if tag:  # spell checkers pick the right dictionary
                etree.SubElement(rpr, LANG, {VAL: tag})
        if text:
            append_text(r, cell_text(text))
        return r

    def comment(self, runs: list[Any], text: str, *, author: str, initials: str) -> None:
        """A Word comment by ``author`` on the runs from ``runs[0]`` to ``runs[-1]``."""
        if self._comments is None:
            self._comments = etree.fromstring(template(**self._layout, comments=True).comments)
            self._comment_date = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        cid = str(len(self._comments))
        comment = _sub(self._comments, "comment", id=cid, author=author, initials=initials, date=self._comment_date)
        for n, line in enumerate(text.split("\n")):  # one paragraph per line, as python-docx does
            p = etree.SubElement(comment, P)
            _sub(_sub(p, "pPr"), "pStyle", val="CommentText")
            if n == 0:
                ref = etree.SubElement(p, R)
                _sub(_sub(ref, "rPr"), "rStyle", val="CommentReference")
                etree.SubElement(ref, _w("annotationRef"))
            if n == 0 or line:
                run = etree.SubElement(p, R)
                if line:
                    append_text(run, line)
        # Same placement as python-docx: start before the first run; end and reference after the last.
        runs[0].addprevious(etree.Element(_w("commentRangeStart"), {ID: cid}))
        ref_run = etree.Element(R)
        _sub(_sub(ref_run, "rPr"), "rStyle", val="CommentReference")
        _sub(ref_run, "commentReference", id=cid)
        runs[-1].addnext(ref_run)
        runs[-1].addnext(etree.Element(_w("commentRangeEnd"), {ID: cid}))

    def to_bytes(self, **core: str) -> bytes:
        """The finished DOCX with these core properties (python-docx names; see core_xml)."""
        self.body.append(self._sect_pr)
        try:
            document = etree.tostring(self._root, encoding="UTF-8", standalone=True)
        finally:
            self.body.remove(self._sect_pr)
        base = template(**self._layout, comments=self._comments is not None)
        parts = {DOCUMENT: document, CORE: core_xml(base.core, core)}
        if self._comments is not None:
            parts[COMMENTS] = etree.tostring(self._comments, encoding="UTF-8", standalone=True)
        return package(base, parts)


def shade(cell: Any, fill: str) -> None:
    """Fill a table cell with a solid colour (hex RGB)."""
    etree.SubElement(cell[0], SHD, {VAL: "clear", _w("color"): "auto", _w("fill"): fill})


def compact(paragraph: Any) -> Any:
    """No space before or after a paragraph that has no properties yet (dense table cells)."""
    ppr = etree.Element(PPR)
    _sub(ppr, "spacing", after="0", before="0")
    paragraph.insert(0, ppr)
    return paragraph


def cell_paragraph(cell: Any) -> Any:
    """The first paragraph of a cell (every cell is made with tcPr and one paragraph)."""
    return cell[1]


#: The Status drop-down's choices (finalize's approval table reads them, and typed words too).
STATUS_CHOICES = ("approved", "rejected", "query")
#: What an untouched Status drop-down shows; finalize reads it as "not marked".
STATUS_PLACEHOLDER = "Choose an item."
PLACEHOLDER_GREY = "808080"


def dropdown(paragraph: Any, choices: Sequence[str], *, placeholder: str, tag: str = "",
             size: float | None = None) -> Any:
    """Append a drop-down content control (``w:sdt`` + ``w:dropDownList``) showing ``placeholder``.

    Run-level, inside ``paragraph``: Word shows it as a drop-down, and LibreOffice (7.4 and
    later) imports it as a drop-down content control and writes it back as the same
    ``w:sdt`` with the chosen item as the content's text (tested), so a reader only needs
    the paragraph's text. A block-level sdt (around the paragraph) LibreOffice turns into a
    legacy drop-down field that adds the placeholder as a list item, so it is not used.
    ``w:alias``/``w:tag`` are for Word (LibreOffice drops them). Returns the content's run.
    """
    sdt = etree.SubElement(paragraph, _w("sdt"))
    pr = etree.SubElement(sdt, _w("sdtPr"))  # CT_SdtPr order: alias, tag, showingPlcHdr, choice
    if tag:
        _sub(pr, "alias", val=tag)
        _sub(pr, "tag", val=tag)
    etree.SubElement(pr, _w("showingPlcHdr"))
    items = etree.SubElement(pr, _w("dropDownList"))
    for choice in choices:
        _sub(items, "listItem", displayText=choice, value=choice)
    content = etree.SubElement(sdt, _w("sdtContent"))
    run = etree.SubElement(content, R)
    rpr = etree.SubElement(run, RPR)
    etree.SubElement(rpr, COLOR, {VAL: PLACEHOLDER_GREY})  # as Word shows placeholder text
    if size:
        etree.SubElement(rpr, SZ, {VAL: str(int(size * 2))})
    append_text(run, placeholder)
    return run
