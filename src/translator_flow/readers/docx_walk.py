"""WordprocessingML in reading order: body, table cells, notes, into raw blocks.

python-docx's ``iter_inner_content`` skips text inside content controls (w:sdt), custom
XML (w:customXml), tracked insertions, smart tags, simple fields, bidi containers (w:dir,
w:bdo) and equations (m:oMath): a sentence there would be silently lost, so the XML is
walked here. Content controls and custom XML are entered at every level Word allows them:
around paragraphs and tables, around table rows (Word's repeating sections), around
cells, and around runs. Hidden text (w:vanish, directly or through a style) is left out
and counted; a content control still showing its placeholder is left out and quoted;
text boxes follow their paragraph. Everything left out lands in :class:`Findings`, which
the reader turns into source warnings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..model import msg
from .omml import MATH_TAGS, linear
from .removed import Removed
from .structure import InlineBuilder, RawBlock, safe_href

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_HYPERLINK_FIELD = re.compile(r'HYPERLINK\s+"([^"]+)"')


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML tag."""
    return f"{{{W_NS}}}{tag}"


_ALTERNATE = f"{{{_MC}}}AlternateContent"
_CHOICE = f"{{{_MC}}}Choice"
_FALLBACK = f"{{{_MC}}}Fallback"
#: Containers whose children are read as if they stood in the parent (block or run level).
_BLOCK_WRAPPERS = frozenset({w("customXml"), w("ins"), w("moveTo"), w("smartTag")})
_INLINE_WRAPPERS = frozenset({w("ins"), w("moveTo"), w("smartTag"), w("customXml"), w("dir"), w("bdo")})
_IMAGES = (w("drawing"), w("pict"), w("object"))


def kind_for_style(name: str) -> tuple[str, bool]:
    """Map a paragraph style name (English, as python-docx reports built-ins, or a
    Russian custom name) to a block kind and whether that is explicit markup."""
    n = name.strip().casefold()
    if n in ("title", "название", "заголовок"):
        return "title", True
    if n.startswith(("heading", "заголовок")) or n in ("subtitle", "подзаголовок"):
        return "heading", True
    if "quote" in n or "цитата" in n:
        return "quote", True
    if n.startswith(("list", "список", "абзац списка")):
        return "list_item", True
    return "paragraph", False


def _toggle(rpr: Any, tag: str) -> bool | None:
    """A w:b / w:i / w:vanish toggle in run properties: True, False, or None when not set."""
    if rpr is None:
        return None
    el = rpr.find(w(tag))
    if el is None:
        return None
    return el.get(w("val"), "true").lower() not in ("0", "false", "off")


class Styles:
    """Style table read once from styles.xml: python-docx's per-call lookup scans every
    style for the default and made a 20,000-paragraph file take a minute."""

    def __init__(self, styles_element: Any) -> None:
        self._by_id: dict[str, tuple[str, str | None, Any]] = {}
        self.default_paragraph = ""
        self.default_rpr = None
        if styles_element is None:
            return
        self.default_rpr = styles_element.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        for st in styles_element.iterchildren(w("style")):
            sid = st.get(w("styleId"), "")
            name_el = st.find(w("name"))
            based = st.find(w("basedOn"))
            self._by_id[sid] = (
                name_el.get(w("val"), "") if name_el is not None else sid,
                based.get(w("val")) if based is not None else None,
                st.find(w("rPr")),
            )
            if st.get(w("type")) == "paragraph" and st.get(w("default")) in ("1", "true"):
                self.default_paragraph = sid

    def name(self, style_id: str | None) -> str:
        entry = self._by_id.get(style_id or self.default_paragraph)
        return entry[0] if entry else ""

    def flag(self, style_id: str | None, tag: str) -> bool | None:
        """A run toggle (bold, italic, hidden) inherited through a style's basedOn chain."""
        seen = set()
        while style_id and style_id in self._by_id and style_id not in seen:
            seen.add(style_id)
            _, based, rpr = self._by_id[style_id]
            value = _toggle(rpr, tag)
            if value is not None:
                return value
            style_id = based
        return None


def _val(parent: Any, path: str) -> str | None:
    if parent is None:
        return None
    el = parent.find(path)
    return el.get(w("val")) if el is not None else None


def _plain_text(el: Any) -> str:
    return " ".join("".join(t.text or "" for t in el.iter(w("t"))).split())


def showing_placeholder(sdt: Any) -> bool:
    """True when a content control shows its placeholder («Click here to enter text»)."""
    pr = sdt.find(w("sdtPr"))
    return pr is not None and _toggle(pr, "showingPlcHdr") is True


def sdt_content(sdt: Any, found: Findings) -> Any | None:
    """The content of a content control, or None: a control still showing its placeholder
    text is reported as removed (never translated), and one without content has nothing."""
    if showing_placeholder(sdt):
        found.removed.add(msg("content-control placeholder text"), _plain_text(sdt))
        return None
    return sdt.find(w("sdtContent"))


def children_through_wrappers(parent: Any, tag: str, found: Findings) -> Iterator[Any]:
    """The ``tag`` children of ``parent`` (rows of a table, cells of a row), entering
    content controls, custom XML and the chosen alternate content on the way."""
    for child in parent.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag == w("sdt"):
            content = sdt_content(child, found)
            if content is not None:
                yield from children_through_wrappers(content, tag, found)
        elif child.tag == w("customXml"):
            yield from children_through_wrappers(child, tag, found)
        elif child.tag == _ALTERNATE:
            choice = child.find(_CHOICE)
            if choice is not None:
                yield from children_through_wrappers(choice, tag, found)


@dataclass
class Findings:
    """What the walk met besides release text, for the source warnings."""

    removed: Removed = field(default_factory=lambda: Removed(hidden_how=msg("Word hidden text, w:vanish")))
    equations: int = 0
    insertions: int = 0
    deletions: int = 0
    note_refs: dict[str, list[str]] = field(default_factory=lambda: {"footnote": [], "endnote": []})


#: Called with an w:altChunk's relationship id; returns the blocks of the embedded part.
AltChunkReader = Callable[[str], list[RawBlock]]


class Walker:
    """Collects raw blocks from one part's XML (body, a footnote) in reading order."""

    def __init__(self, rels: Any, styles: Styles, found: Findings, alt_chunk: AltChunkReader | None = None) -> None:
        self._rels = rels
        self._styles = styles
        self._found = found
        self._alt_chunk = alt_chunk
        self._para_style: str | None = None
        self.blocks: list[RawBlock] = []

    def walk(self, parent: Any, in_table: bool = False) -> None:
        for child in parent.iterchildren():
            tag = child.tag
            if tag == w("p"):
                self._paragraph(child, in_table)
            elif tag == w("tbl"):
                self._table(child)
            elif tag == w("sdt"):
                content = sdt_content(child, self._found)
                if content is not None:
                    self.walk(content, in_table)
            elif tag in _BLOCK_WRAPPERS:
                self._count_revision(tag)
                self.walk(child, in_table)
            elif tag == _ALTERNATE:
                choice = child.find(_CHOICE)
                if choice is not None:
                    self.walk(choice, in_table)
            elif tag == w("altChunk"):
                rid = child.get(f"{{{R_NS}}}id")
                if rid and self._alt_chunk is not None:
                    self.blocks.extend(self._alt_chunk(rid))
            elif tag in MATH_TAGS:  # a display equation outside any paragraph
                text = linear(child).strip()
                if text:
                    self._found.equations += 1
                    self.blocks.append(RawBlock("paragraph", " ".join(text.split()), explicit=True))
            elif tag in (w("del"), w("moveFrom")):
                self._found.deletions += 1
            elif tag == w("subDoc"):  # a master document's link to another file
                self._found.removed.add(msg("linked subdocument (w:subDoc, not read: open and save it separately)"),
                                        child.get(f"{{{R_NS}}}id", "subdocument"))

    def _count_revision(self, tag: str) -> None:
        if tag in (w("ins"), w("moveTo")):
            self._found.insertions += 1

    def _table(self, tbl: Any) -> None:
        for tr in children_through_wrappers(tbl, w("tr"), self._found):
            for tc in children_through_wrappers(tr, w("tc"), self._found):
                # a vertically merged cell continues as an (empty) copy marked <w:vMerge/>
                tcpr = tc.find(w("tcPr"))
                vmerge = tcpr.find(w("vMerge")) if tcpr is not None else None
                if vmerge is not None and vmerge.get(w("val")) != "restart":
                    continue
                self.walk(tc, in_table=True)

    def _paragraph(self, p: Any, in_table: bool) -> None:
        ppr = p.find(w("pPr"))
        self._para_style = _val(ppr, w("pStyle")) or self._styles.default_paragraph
        kind, explicit = kind_for_style(self._styles.name(self._para_style))
        if kind == "paragraph" and ppr is not None and ppr.find(w("numPr")) is not None:
            kind, explicit = "list_item", True
        if in_table and kind in ("title", "heading"):
            kind, explicit = "paragraph", False
        builder = InlineBuilder()
        boxes: list[Any] = []
        hidden: list[str] = []
        self._inline(p, builder, None, boxes, hidden)
        if hidden:
            self._found.removed.hidden(" ".join(hidden))
        if builder:
            text, spans = builder.build()
            self.blocks.append(RawBlock(kind, text, spans, explicit=explicit))
        for box in boxes:  # text boxes anchored in this paragraph follow it
            self.walk(box, in_table=True)

    def _inline(self, el: Any, builder: InlineBuilder, href: str | None, boxes: list[Any], hidden: list[str],
                field: list[Any] | None = None) -> None:
        """Runs in order; ``field`` tracks a complex HYPERLINK field (begin/separate/end)."""
        field = field if field is not None else [None, False]  # [url, showing result]
        for child in el.iterchildren():
            tag = child.tag
            if tag == w("r"):
                self._run(child, builder, href or (field[0] if field[1] else None), boxes, hidden, field)
            elif tag == w("hyperlink"):
                rid = child.get(f"{{{R_NS}}}id")
                url = None
                if rid and rid in self._rels and self._rels[rid].is_external:
                    url = self._rels[rid].target_ref
                self._inline(child, builder, safe_href(url) or href, boxes, hidden, field)
            elif tag == w("fldSimple"):
                m = _HYPERLINK_FIELD.search(child.get(w("instr"), ""))
                self._inline(child, builder, safe_href(m.group(1)) if m else href, boxes, hidden, field)
            elif tag == w("sdt"):
                content = sdt_content(child, self._found)
                if content is not None:
                    self._inline(content, builder, href, boxes, hidden, field)
            elif tag in _INLINE_WRAPPERS:
                self._count_revision(tag)
                self._inline(child, builder, href, boxes, hidden, field)
            elif tag in MATH_TAGS:
                text = linear(child)
                if text.strip():
                    self._found.equations += 1
                    builder.add(text)
            elif tag == _ALTERNATE:
                choice = child.find(_CHOICE)
                if choice is not None:
                    self._inline(choice, builder, href, boxes, hidden, field)
            elif tag in (w("del"), w("moveFrom")):
                self._found.deletions += 1  # deleted text: not part of the document any more
            elif tag == w("ruby"):  # phonetic guide: the base text is the text, the guide is not
                base = child.find(w("rubyBase"))
                if base is not None:
                    self._inline(base, builder, href, boxes, hidden, field)
            # bookmarks, proofing marks, comment ranges: no visible text

    def _is_hidden(self, rpr: Any, char_style: str | None) -> bool:
        """w:vanish on the run, else its character style, paragraph style, document default."""
        for value in (_toggle(rpr, "vanish"), self._styles.flag(char_style, "vanish"),
                      self._styles.flag(self._para_style, "vanish"), _toggle(self._styles.default_rpr, "vanish")):
            if value is not None:
                return value
        return False

    def _run(self, r: Any, builder: InlineBuilder, href: str | None, boxes: list[Any], hidden: list[str],
             field: list[Any]) -> None:
        fld = r.find(w("fldChar"))
        if fld is not None:
            kind = fld.get(w("fldCharType"))
            if kind == "begin":
                field[0], field[1] = None, False
            elif kind == "separate":
                field[1] = True
            elif kind == "end":
                field[0], field[1] = None, False
        instr = r.find(w("instrText"))
        if instr is not None and instr.text:
            m = _HYPERLINK_FIELD.search(instr.text)
            if m:
                field[0] = safe_href(m.group(1))
        for note in ("footnote", "endnote"):
            ref = r.find(w(f"{note}Reference"))
            if ref is not None and ref.get(w("id")):
                self._found.note_refs[note].append(ref.get(w("id")))
        rpr = r.find(w("rPr"))
        char_style = _val(rpr, w("rStyle"))
        text = r.text  # python-docx's CT_R.text: w:t, w:tab, w:br, w:cr, w:noBreakHyphen
        if self._is_hidden(rpr, char_style):
            hidden.append(text or "")
            hidden.extend(_plain_text(box) for box in r.iter(w("txbxContent")))
            return
        for sym in r.iterchildren(w("sym")):  # a symbol-font character (Wingdings, Symbol)
            self._found.removed.add(msg("symbol-font character (w:sym)"), f"{sym.get(w('font'), '?')} {sym.get(w('char'), '?')}")
        for obj in r.iter(*_IMAGES):
            if obj.find(f".//{w('txbxContent')}") is None and not any(a.tag == _FALLBACK for a in obj.iterancestors()):
                self._found.removed.images += 1
        for box in r.iter(w("txbxContent")):
            if not any(a.tag == _FALLBACK for a in box.iterancestors()):
                boxes.append(box)
        if not text:
            return
        styles: list[tuple[str, str | None]] = []
        for tag, name in (("b", "bold"), ("i", "italic")):
            value = _toggle(rpr, tag)
            if value is None:
                value = self._styles.flag(char_style, tag)
            if value:
                styles.append((name, None))
        if href:
            styles.append(("link", href))
        builder.add(text, tuple(styles))
