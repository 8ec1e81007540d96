"""Word (.docx) releases: styles to block kinds, runs to one text with spans.

The package is checked before python-docx sees it (:func:`unpack_package`): sizes from
the ZIP central directory, bounded inflation (zip bombs), no DTD or entity declaration in
any XML part (Office Open XML never has one, so one means a crafted file; python-docx's
parser already has ``resolve_entities=False``, and we refuse such files outright rather
than rely on that).

The body is walked in XML order (:mod:`.docx_walk`: content controls at every level,
custom XML, bidi containers, equations, hidden text left out); footnotes, endnotes and
embedded ``w:altChunk`` parts are read by :mod:`.docx_parts`. Whatever is left out
(hidden text, placeholders, images, headers, footers, comments, deleted revisions)
becomes a source warning, so nothing disappears without a word.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from typing import Any

from ..errors import ReaderError
from ..model import msg, nmsg
from .structure import Parsed

#: Limits on the uncompressed package, from the ZIP central directory. A long release
#: with photos is a few MB.
MAX_DOCUMENT_XML = 50 * 1024 * 1024
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
MAX_MEMBERS = 10_000
_CHUNK = 1 << 16

_STAND_IN = b"<stand-in/>"
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.I)

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
    verified XML parts only; other parts (images) become a tiny XML stand-in, as text needs none.
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
                # a tiny XML stand-in: python-docx parses a part by its content type, and a
                # Word file embedded as w:altChunk has an XML one (docx_parts reads the
                # original bytes of such parts from ``data``)
                clean.writestr(info.filename, _STAND_IN)
                continue
            body = inflate_member(zf, info, label)
            if _DTD.search(body if not body.startswith((b"\xff\xfe", b"\xfe\xff")) else body.decode("utf-16", "replace").encode()):
                raise ReaderError(
                    f"{label} contains an XML DTD/entity declaration in {info.filename}; Word never writes one, so the file "
                    "was crafted or damaged. It was not processed: open it in Word or LibreOffice and save it again as .docx."
                )
            clean.writestr(info.filename, body)
    return out.getvalue()


def inflate_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> bytes:
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


def read(data: bytes, label: str, _depth: int = 0) -> Parsed:
    """Read a .docx release into raw blocks and the warnings about what was left out.

    ``_depth`` counts Word files embedded in Word files (w:altChunk), which are read
    with this same function up to :data:`.docx_parts.MAX_CHUNK_DEPTH`.
    """
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
    try:
        return _read_document(document, data, label, _depth)
    except etree.LxmlError as exc:  # malformed XML in a note or header part
        raise ReaderError(
            f"{label} has malformed XML inside ({exc.__class__.__name__}). Open it in Word or LibreOffice and save it again as .docx."
        ) from None


def _read_document(document: Any, data: bytes, label: str, depth: int) -> Parsed:
    from .docx_parts import AltChunks, other_parts_warnings, read_notes
    from .docx_walk import Findings, Styles, Walker

    try:
        styles = Styles(document.part.styles.element)
    except (KeyError, AttributeError, ValueError):
        styles = Styles(None)
    warnings: list[str] = []
    found = Findings()
    walker = Walker(document.part.rels, styles, found, AltChunks(document.part, data, label, depth, warnings).read)
    walker.walk(document.element.body)
    notes, note_warnings = read_notes(document.part, styles, found, label)
    blocks = walker.blocks + notes
    if not blocks:
        if found.removed.hidden_blocks or found.removed.items or warnings:
            raise ReaderError(f"{label} has no visible text to translate (only hidden text, placeholders or parts "
                              "translator-flow cannot read). Check that you picked the right file.")
        raise ReaderError(f"{label} has no text (the Word document is empty). Check that you picked the right file.")
    warnings.extend(note_warnings)
    warnings.extend(other_parts_warnings(document.part, label))
    warnings.extend(_finding_warnings(found, label, sum(len(b.text) for b in blocks)))
    return Parsed(blocks, encoding=None, warnings=warnings)


def _finding_warnings(found: Any, label: str, kept: int) -> list[str]:
    out = found.removed.warnings(label, kept + found.removed.chars, kept)
    if found.equations:
        out.append(nmsg("{label}: {n} equation is kept as linear text (a fraction as (a)/(b), a power as x^2); check "
                        "its layout in the final.",
                        "{label}: {n} equations are kept as linear text (a fraction as (a)/(b), a power as x^2); check "
                        "their layout in the final.", found.equations, label=label))
    if found.insertions or found.deletions:
        out.append(msg("{label}: the document has tracked changes; read as if all were accepted ({insertions} kept, "
                       "{deletions} left out). Accept or reject them in Word first if that is not what you want "
                       "translated.", label=label,
                       insertions=nmsg("{n} insertion", "{n} insertions", found.insertions),
                       deletions=nmsg("{n} deletion", "{n} deletions", found.deletions)))
    return out
