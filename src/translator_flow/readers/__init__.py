"""Readers: turn a release file (.txt, .docx, .html) into a :class:`~translator_flow.model.Document`.

One registry maps file extensions to reader modules, imported only when a file of that
kind is read. The extension is checked against the content: a Word file renamed to .txt
is read as Word, an old .doc or a PDF is refused with advice. Every failure is a
:class:`~translator_flow.errors.ReaderError` (exit code 4) whose one-line message names
the file and the fix.
"""

from __future__ import annotations

import hashlib
import os
import re
from importlib import import_module

from ..errors import ReaderError
from ..model import Document, DocumentMeta, msg, nmsg
from .source import DEFAULT_MAX_BYTES

#: Extension -> (format name, reader module). Each module has ``read(data, label) -> Parsed``.
READERS: dict[str, tuple[str, str]] = {
    ".txt": ("txt", "translator_flow.readers.text"),
    ".text": ("txt", "translator_flow.readers.text"),
    ".docx": ("docx", "translator_flow.readers.docx"),
    ".html": ("html", "translator_flow.readers.html"),
    ".htm": ("html", "translator_flow.readers.html"),
    ".xhtml": ("html", "translator_flow.readers.html"),
}
_MODULE_BY_FORMAT = {fmt: module for fmt, module in READERS.values()}

_SUPPORTED = ", ".join(sorted(READERS))


def supported_extensions() -> tuple[str, ...]:
    """The file extensions :func:`read_document` accepts."""
    return tuple(READERS)


def read_document(
    path: str | os.PathLike[str], *, force_language: bool = False, max_bytes: int = DEFAULT_MAX_BYTES
) -> Document:
    """Read one release file into a Document (site chrome removed, title/lead/quotes marked).

    ``force_language`` continues with a warning when the text does not look Russian;
    ``max_bytes`` bounds the file size read into memory.
    """
    from .language import language_problem
    from .source import load_bytes
    from .removed import Removed
    from .structure import finish_blocks

    p, data = load_bytes(path, max_bytes)
    label = str(p)
    # whitespace, NULs and byte-order marks only: empty in any encoding
    if not data.strip(b" \t\r\n\x0b\x0c\x00\xef\xbb\xbf\xff\xfe"):
        raise ReaderError(f"{label} is empty (no text). Check that you picked the right file.")
    fmt, warnings = _choose_format(p.suffix.lower(), data, label)
    parsed = import_module(_MODULE_BY_FORMAT[fmt]).read(data, label)
    removed = Removed()
    blocks, title = finish_blocks(parsed.blocks, parsed.title_hint, removed)
    if not blocks:
        raise ReaderError(f"{label} has no release text (only page furniture or nothing). Check that you picked the right file.")
    warnings.extend(parsed.warnings)
    warnings.extend(removed.warnings(label, 0, 0))  # what the shared rules dropped, by kind

    warnings.extend(_bidi_warning(blocks, label))
    problem = language_problem("\n".join(b.text for b in blocks))
    if problem:
        if not force_language:
            raise ReaderError(
                f"{label} does not look like Russian ({problem}); translator-flow translates from Russian. "
                "If it is Russian, run again with --force-language (Python: force_language=True)."
            )
        warnings.append(msg("The text does not look like Russian ({problem}); continued because of --force-language.",
                            problem=problem))

    meta = DocumentMeta(
        source_path=label,
        format=fmt,
        source_sha256=hashlib.sha256(data).hexdigest(),
        encoding=parsed.encoding,
        title=title,
        warnings=tuple(warnings),
    )
    return Document(meta=meta, blocks=tuple(blocks))


#: Bidi embedding/override/isolate controls: kept in the text (they are the author's), but
#: said, since they reorder what a reader sees ("Trojan Source"); reviews show them visibly.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _bidi_warning(blocks: list, label: str) -> list[str]:
    found = [m.group() for b in blocks for m in _BIDI_CONTROLS.finditer(b.text)]
    if not found:
        return []
    codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in found}))
    return [nmsg("{label}: the text holds {n} invisible text-direction control ({codes}); it can reorder what a reader "
                 "sees. The reviews show it as ⟦U+…⟧ and QA blocks it if left in a draft: remove it.",
                 "{label}: the text holds {n} invisible text-direction controls ({codes}); they can reorder what a "
                 "reader sees. The reviews show each as ⟦U+…⟧ and QA blocks any left in a draft: remove them.",
                 len(found), label=label, codes=codes)]


def _choose_format(ext: str, data: bytes, label: str) -> tuple[str, list[str]]:
    """Pick the reader from the content first, then the extension; returns (format, warnings)."""
    from .source import sniff

    kind = sniff(data)
    if kind == "ole":
        raise ReaderError(
            f"{label} is an old Word (.doc) file or a password-protected Office file. "
            "Open it in Word or LibreOffice and save it as .docx without a password."
        )
    if kind == "pdf":
        raise ReaderError(f"{label} is a PDF. Copy its text into a .txt file or export it to .docx, then run again.")
    if kind == "rtf":
        raise ReaderError(f"{label} is an RTF file. Open it in Word or LibreOffice and save it as .docx.")
    if kind in ("image", "binary"):
        raise ReaderError(f"{label} is a binary file ({kind}), not a release. Supported: {_SUPPORTED}.")
    if ext not in READERS:
        raise ReaderError(
            f"{label}: unsupported file type {ext or '(no extension)'}. "
            f"Supported: {_SUPPORTED}; save the release in one of these formats."
        )
    fmt = READERS[ext][0]
    if kind == "zip":
        if fmt != "docx":
            if not _is_docx_zip(data):
                raise ReaderError(f"{label} is a ZIP archive, not a {fmt} file. Unpack it or give the release itself.")
            return "docx", [msg("{label} has a {ext} name but is a Word (.docx) file; read it as DOCX.", label=label, ext=ext)]
        return "docx", []
    if fmt == "docx":
        raise ReaderError(
            f"{label} has a .docx name but is not a Word file (no ZIP signature); it may be truncated or renamed. "
            "Open it in Word or LibreOffice and save it as .docx again."
        )
    if kind == "html" and fmt == "txt":
        return "html", [msg("{label} has a {ext} name but contains HTML; read it as HTML.", label=label, ext=ext)]
    return fmt, []


def _is_docx_zip(data: bytes) -> bool:
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "word/document.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


__all__ = ["READERS", "ReaderError", "read_document", "supported_extensions"]
