"""Word (.docx) releases: styles to block kinds, runs to one text with spans.

The package is checked before python-docx sees it (:func:`unpack_package`): sizes from
the ZIP central directory, bounded inflation (zip bombs), no DTD or entity declaration in
any XML part (Office Open XML never has one, so one means a crafted file; python-docx's
parser already has ``resolve_entities=False``, and we refuse such files outright rather
than rely on that).

The body is walked in XML order here because python-docx's ``iter_inner_content`` skips
text inside content controls (w:sdt), tracked insertions (w:ins), smart tags and simple
fields: a sentence there would be silently lost. Text boxes follow their paragraph.
Known limits: headers, footers, footnotes, endnotes and comments are not read.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from ..errors import ReaderError
from .structure import InlineBuilder, Parsed, RawBlock, safe_href

#: Limits on the uncompressed package, from the ZIP central directory. A long release
#: with photos is a few MB.
MAX_DOCUMENT_XML = 50 * 1024 * 1024
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
MAX_MEMBERS = 10_000
_CHUNK = 1 << 16

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_HYPERLINK_FIELD = re.compile(r'HYPERLINK\s+"([^"]+)"')
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.I)


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _damaged(label: str, part: str | None = None) -> ReaderError:
    what = f"a damaged Word file (part {part} cannot be unpacked)" if part else (
        "a damaged or truncated Word file (not a readable ZIP package)"
    )
    return ReaderError(f"{label} is {what}. Open it in Word or LibreOffice, save it again as .docx, and retry.")


def unpack_package(data: bytes, label: str) -> bytes:
    """Check a .docx package and return a clean copy for python-docx to open.

    Refuses corrupt archives, zip bombs and XML parts with DTDs. Each XML part is
    inflated in bounded chunks (zipfile's own ``read()`` inflates a whole compressed
    member at once, so a member lying about its size could take gigabytes before the
    size check), and its CRC is verified. The copy is stored uncompressed and holds the
    verified XML parts only; other parts (images) become empty, as text needs none.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise _damaged(label) from None
    out = io.BytesIO()
    with zf, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as clean:
        infos = zf.infolist()
        if "word/document.xml" not in {i.filename for i in infos}:
            raise ReaderError(f"{label} is a ZIP file without word/document.xml, so not a Word document. Save the release as .docx.")
        total = sum(i.file_size for i in infos)
        doc_size = max(i.file_size for i in infos if i.filename == "word/document.xml")
        if len(infos) > MAX_MEMBERS or total > MAX_TOTAL_UNCOMPRESSED or doc_size > MAX_DOCUMENT_XML:
            raise ReaderError(
                f"{label} would unpack to {total / 2**20:.0f} MB (document text {doc_size / 2**20:.0f} MB), over the "
                f"{MAX_TOTAL_UNCOMPRESSED // 2**20} MB / {MAX_DOCUMENT_XML // 2**20} MB limits: it is damaged or a zip bomb. "
                "Re-save the release from Word without embedded files."
            )
        for info in infos:
            if info.is_dir():
                continue
            if not info.filename.endswith((".xml", ".rels")):
                clean.writestr(info.filename, b"")
                continue
            body = _inflate(zf, info, label)
            if _DTD.search(body if not body.startswith((b"\xff\xfe", b"\xfe\xff")) else body.decode("utf-16", "replace").encode()):
                raise ReaderError(
                    f"{label} contains an XML DTD/entity declaration in {info.filename}; Word never writes one, so the file "
                    "was crafted or damaged. It was not processed: open it in Word or LibreOffice and save it again as .docx."
                )
            clean.writestr(info.filename, body)
    return out.getvalue()


def _inflate(zf: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> bytes:
    """One member, inflated 64 KB at a time, never past its declared size, CRC checked."""
    chunks: list[bytes] = []
    got = 0
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                got += len(chunk)
                if got > info.file_size:  # zipfile stops at the declared size; belt and braces
                    raise _damaged(label, info.filename)
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError, ValueError):
        raise _damaged(label, info.filename) from None
    return b"".join(chunks)


def _kind_for_style(name: str) -> tuple[str, bool]:
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


def _toggle(rpr, tag: str) -> bool | None:
    """A w:b / w:i toggle in run properties: True, False, or None when not set."""
    if rpr is None:
        return None
    el = rpr.find(_w(tag))
    if el is None:
        return None
    return el.get(_w("val"), "true").lower() not in ("0", "false", "off")


class _Styles:
    """Style table read once from styles.xml: python-docx's per-call lookup scans every
    style for the default and made a 20,000-paragraph file take a minute."""

    def __init__(self, styles_element) -> None:
        self._by_id: dict[str, tuple[str, str | None, object]] = {}
        self.default_paragraph = ""
        if styles_element is None:
            return
        for st in styles_element.iterchildren(_w("style")):
            sid = st.get(_w("styleId"), "")
            name_el = st.find(_w("name"))
            based = st.find(_w("basedOn"))
            self._by_id[sid] = (
                name_el.get(_w("val"), "") if name_el is not None else sid,
                based.get(_w("val")) if based is not None else None,
                st.find(_w("rPr")),
            )
            if st.get(_w("type")) == "paragraph" and st.get(_w("default")) in ("1", "true"):
                self.default_paragraph = sid

    def name(self, style_id: str | None) -> str:
        entry = self._by_id.get(style_id or self.default_paragraph)
        return entry[0] if entry else ""

    def flag(self, style_id: str | None, tag: str) -> bool | None:
        """A bold/italic toggle inherited through a character style's basedOn chain."""
        seen = set()
        while style_id and style_id in self._by_id and style_id not in seen:
            seen.add(style_id)
            _, based, rpr = self._by_id[style_id]
            value = _toggle(rpr, tag)
            if value is not None:
                return value
            style_id = based
        return None


def _val(parent, path: str) -> str | None:
    if parent is None:
        return None
    el = parent.find(path)
    return el.get(_w("val")) if el is not None else None


class _Walker:
    """Collects raw blocks from the body XML in reading order."""

    def __init__(self, document) -> None:  # a docx.document.Document
        self._rels = document.part.rels
        try:
            styles_el = document.part.styles.element
        except (KeyError, AttributeError, ValueError):
            styles_el = None
        self._styles = _Styles(styles_el)
        self.blocks: list[RawBlock] = []

    def walk(self, parent, in_table: bool = False) -> None:
        for child in parent.iterchildren():
            tag = child.tag
            if tag == _w("p"):
                self._paragraph(child, in_table)
            elif tag == _w("tbl"):
                self._table(child)
            elif tag in (_w("sdt"), _w("customXml"), _w("ins"), _w("moveTo"), _w("smartTag")):
                content = child.find(_w("sdtContent")) if tag == _w("sdt") else child
                if content is not None:
                    self.walk(content, in_table)
            elif tag == f"{{{_MC}}}AlternateContent":
                choice = child.find(f"{{{_MC}}}Choice")
                if choice is not None:
                    self.walk(choice, in_table)

    def _table(self, tbl) -> None:
        for tr in tbl.iterchildren(_w("tr")):
            for tc in tr.iterchildren(_w("tc")):
                # a vertically merged cell continues as an (empty) copy marked <w:vMerge/>
                tcpr = tc.find(_w("tcPr"))
                vmerge = tcpr.find(_w("vMerge")) if tcpr is not None else None
                if vmerge is not None and vmerge.get(_w("val")) != "restart":
                    continue
                self.walk(tc, in_table=True)

    def _paragraph(self, p, in_table: bool) -> None:
        ppr = p.find(_w("pPr"))
        kind, explicit = _kind_for_style(self._styles.name(_val(ppr, _w("pStyle"))))
        if kind == "paragraph" and ppr is not None and ppr.find(_w("numPr")) is not None:
            kind, explicit = "list_item", True
        if in_table and kind in ("title", "heading"):
            kind, explicit = "paragraph", False
        builder = InlineBuilder()
        boxes: list = []
        self._inline(p, builder, None, boxes)
        if builder:
            text, spans = builder.build()
            self.blocks.append(RawBlock(kind, text, spans, explicit=explicit))
        for box in boxes:  # text boxes anchored in this paragraph follow it
            self.walk(box, in_table=True)

    def _inline(self, el, builder: InlineBuilder, href: str | None, boxes: list, field: list | None = None) -> None:
        """Runs in order; ``field`` tracks a complex HYPERLINK field (begin/separate/end)."""
        field = field if field is not None else [None, False]  # [url, showing result]
        for child in el.iterchildren():
            tag = child.tag
            if tag == _w("r"):
                self._run(child, builder, href or (field[0] if field[1] else None), boxes, field)
            elif tag == _w("hyperlink"):
                rid = child.get(f"{{{_R}}}id")
                url = None
                if rid and rid in self._rels and self._rels[rid].is_external:
                    url = self._rels[rid].target_ref
                self._inline(child, builder, safe_href(url) or href, boxes, field)
            elif tag == _w("fldSimple"):
                m = _HYPERLINK_FIELD.search(child.get(_w("instr"), ""))
                self._inline(child, builder, safe_href(m.group(1)) if m else href, boxes, field)
            elif tag in (_w("ins"), _w("moveTo"), _w("smartTag"), _w("customXml"), _w("sdt"), _w("sdtContent")):
                self._inline(child, builder, href, boxes, field)
            elif tag == f"{{{_MC}}}AlternateContent":
                choice = child.find(f"{{{_MC}}}Choice")
                if choice is not None:
                    self._inline(choice, builder, href, boxes, field)
            # w:del, w:moveFrom (deleted text), bookmarks, proofing marks: no visible text

    def _run(self, r, builder: InlineBuilder, href: str | None, boxes: list, field: list) -> None:
        fld = r.find(_w("fldChar"))
        if fld is not None:
            kind = fld.get(_w("fldCharType"))
            if kind == "begin":
                field[0], field[1] = None, False
            elif kind == "separate":
                field[1] = True
            elif kind == "end":
                field[0], field[1] = None, False
        instr = r.find(_w("instrText"))
        if instr is not None and instr.text:
            m = _HYPERLINK_FIELD.search(instr.text)
            if m:
                field[0] = safe_href(m.group(1))
        for box in r.iter(_w("txbxContent")):
            if not any(a.tag == f"{{{_MC}}}Fallback" for a in box.iterancestors()):
                boxes.append(box)
        text = r.text  # python-docx's CT_R.text: w:t, w:tab, w:br, w:cr, w:noBreakHyphen
        if not text:
            return
        rpr = r.find(_w("rPr"))
        char_style = _val(rpr, _w("rStyle"))
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


def read(data: bytes, label: str) -> Parsed:
    """Read a .docx release into raw blocks."""
    package = unpack_package(data, label)
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    try:
        document = docx.Document(io.BytesIO(package))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
        raise ReaderError(
            f"{label} is a damaged Word file ({type(exc).__name__}). Open it in Word or LibreOffice, save it again as .docx, and retry."
        ) from None
    except etree.LxmlError as exc:  # malformed XML in a part
        raise ReaderError(
            f"{label} has malformed XML inside ({exc.__class__.__name__}). Open it in Word or LibreOffice and save it again as .docx."
        ) from None
    walker = _Walker(document)
    walker.walk(document.element.body)
    if not walker.blocks:
        raise ReaderError(f"{label} has no text (the Word document is empty). Check that you picked the right file.")
    return Parsed(walker.blocks, encoding=None)
