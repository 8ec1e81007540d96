"""Raw input handling: load bytes safely, sniff what a file really is, decode text.

Everything here works on bytes and knows nothing about document structure, so each
reader (and the HTML reader's charset fallback) shares one set of answers to "is this
binary?", "which encoding?" and "is this really a Word file?".
"""

from __future__ import annotations

import codecs
import math
import os
import re
from collections import Counter
from pathlib import Path

from ..errors import ReaderError
from ..model import msg

#: Largest input read by default. A long press release is ~50 KB; 50 MB leaves room for
#: DOCX files with photos while refusing accidental multi-gigabyte inputs.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

# Magic numbers of formats people mistake for releases (or that hide inside a .txt name).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),  # empty archive
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),  # old .doc, or any password-protected Office file
    (b"%PDF-", "pdf"),
    (b"{\\rtf", "rtf"),
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF8", "image"),
    (b"\x7fELF", "binary"),
    (b"MZ", "binary"),
    (b"\x1f\x8b", "binary"),  # gzip
    (b"7z\xbc\xaf\x27\x1c", "binary"),
    (b"Rar!", "binary"),
)

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I | re.S)


def load_bytes(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Path, bytes]:
    """Read an input file whole, refusing missing, special, unreadable or oversized files."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise ReaderError(f"Input file not found: {p}. Check the path and the file name.") from None
    except OSError as exc:
        raise ReaderError(f"Cannot access input file {p}: {exc.strerror or exc}. Check the path and permissions.") from None
    if p.is_dir():
        raise ReaderError(f"{p} is a folder, not a file. Give the path of a .txt, .docx or .html release, "
                          f"or translate the whole folder with `translator-flow batch {p} --out DIR`.")
    if not p.is_file():
        raise ReaderError(f"{p} is not a regular file. Give the path of a .txt, .docx or .html release.")
    if st.st_size > max_bytes:
        raise ReaderError(
            f"{p} is {st.st_size / 2**20:.1f} MB, over the {max_bytes / 2**20:.0f} MB limit for one release. "
            "Split it into separate releases (or raise max_bytes if it really is one)."
        )
    try:
        with p.open("rb") as fh:
            # read what stat reported, plus one byte to notice a file still growing; asking
            # for max_bytes would make CPython allocate the whole limit up front
            data = fh.read(min(st.st_size, max_bytes) + 1)
    except PermissionError:
        raise ReaderError(f"Cannot read {p}: permission denied. Check the file's permissions.") from None
    except OSError as exc:
        raise ReaderError(f"Cannot read {p}: {exc.strerror or exc}. Check that the file is readable.") from None
    if len(data) > min(st.st_size, max_bytes):
        raise ReaderError(f"{p} changed while being read. Try again once the file is complete.")
    return p, data


def sniff(data: bytes) -> str | None:
    """Name the container format from the first bytes: zip, ole, pdf, rtf, image, binary, html."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    head = data[:4096]
    for bom in (codecs.BOM_UTF8,):
        if head.startswith(bom):
            head = head[len(bom):]
    if _HTML_START.match(head):
        return "html"
    return None


# --- text decoding ------------------------------------------------------------------

# Approximate Russian letter frequencies (share of all letters), as tabulated from the
# Russian National Corpus in ru.wikipedia.org/wiki/Частотность (section "Русский язык").
# Used only to tell single-byte Cyrillic encodings apart, where any sane table works.
_RU_FREQ = {
    "о": 0.1097, "е": 0.0845, "а": 0.0801, "и": 0.0735, "н": 0.067, "т": 0.0626, "с": 0.0547,
    "р": 0.0473, "в": 0.0454, "л": 0.044, "к": 0.0349, "м": 0.0321, "д": 0.0298, "п": 0.0281,
    "у": 0.0262, "я": 0.0201, "ы": 0.019, "ь": 0.0174, "г": 0.017, "з": 0.0165, "б": 0.0159,
    "ч": 0.0144, "й": 0.0121, "х": 0.0097, "ж": 0.0094, "ш": 0.0073, "ю": 0.0064, "ц": 0.0048,
    "щ": 0.0036, "э": 0.0032, "ф": 0.0026, "ъ": 0.0004, "ё": 0.0004,
}
_LOG_FREQ = {c: math.log(f) for c, f in _RU_FREQ.items()}
_LOG_UPPER_PENALTY = math.log(0.08)  # capitals are rare in running text
_LOG_FOREIGN = math.log(1e-5)  # box drawing, symbols, Latin-1 letters in a "Russian" text

# Single-byte encodings Russian text arrives in: Windows (cp1251), Unix mail/old web
# (KOI8-R), DOS (cp866). Order breaks ties towards the most common.
_SINGLE_BYTE = ("cp1251", "koi8-r", "cp866")


def _russian_score(text: str) -> tuple[float, float]:
    """Log-likelihood of the non-ASCII characters under Russian letter statistics, and
    the share of them that are Cyrillic letters."""
    score = 0.0
    total = cyr = 0
    for ch, n in Counter(text).items():
        if ch < "\x80":
            continue
        total += n
        low = ch.lower()
        lf = _LOG_FREQ.get(low)
        if lf is None:
            score += n * _LOG_FOREIGN
            continue
        cyr += n
        score += n * (lf if ch == low else lf + _LOG_UPPER_PENALTY)
    return score, (cyr / total if total else 0.0)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte is NUL (Latin) or 0x04 (Cyrillic)."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:8192]
    even, odd = sample[0::2], sample[1::2]
    for high, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if sum(1 for b in high if b in (0, 4)) > 0.9 * len(high):
            return codec
    return None


def _codec_name(label: str) -> str | None:
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _valid_utf8(data: bytes) -> bool:
    """Strict UTF-8 without NUL bytes (UTF-16 Latin text is NUL-laced "valid" UTF-8)."""
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_text(data: bytes, label: str, declared: str | None = None) -> tuple[str, str, list[str]]:
    """Decode bytes of a text-like file; returns ``(text, encoding, warnings)``.

    One order for every text format (issue 13), so .txt and .html answer alike:

    1. a byte-order mark (the file's own declaration, which also wins in HTML5);
    2. valid UTF-8: it wins over a declared charset, since a Cyrillic cp1251/KOI8-R text
       is practically never valid UTF-8 while copied pages often keep a stale
       ``<meta charset>``; a conflicting declaration is warned;
    3. UTF-16 without a BOM (every other byte NUL or 0x04);
    4. the ``declared`` charset (HTML ``<meta charset>``), if known and it decodes;
    5. detection: the Cyrillic single-byte encodings scored by Russian letter
       statistics, then charset-normalizer for non-Cyrillic legacy text. Measured with
       ``benchmarks/charset_detection.py`` on 48 short Russian samples (one word to one
       sentence, cp1251 / KOI8-R / CP866): letter statistics 48 correct, charset-normalizer
       3.5.3 26 (43 when limited to Cyrillic codecs), so it stays the last resort.
    Each step past 2 that overrides a declaration says so in a warning.
    """
    warnings: list[str] = []
    declared_name = _codec_name(declared) if declared else None
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            text = _strict(data, codec, label)
            family = codec.split("-")[1]  # "8", "16" or "32"
            if declared and not (declared_name or "").replace("_", "-").startswith(f"utf-{family}"):
                warnings.append(msg("{label}: the file declares charset {declared} but starts with a {bom} byte-order "
                                    "mark; read as {codec}.", label=label, declared=declared, bom=codec.upper(),
                                    codec=codec))
            return text, codec, warnings
    if _valid_utf8(data):
        if declared and declared_name != "utf-8" and any(b >= 0x80 for b in data):
            warnings.append(msg("{label}: the file declares charset {declared} but is valid UTF-8; read as UTF-8.",
                                label=label, declared=declared))
        return data.decode("utf-8"), "utf-8", warnings
    codec16 = _utf16_without_bom(data)
    if codec16:
        return _strict(data, codec16, label), codec16, warnings
    if b"\x00" in data:
        raise _binary(label)
    if declared and declared_name:
        try:
            return data.decode(declared), declared.lower(), warnings
        except UnicodeDecodeError:
            pass
    text, encoding = _detect(data, label)
    if declared:
        why = msg("is not a known charset") if declared_name is None else msg("does not decode it")
        warnings.append(msg("{label}: the file declares charset {declared}, which {why}; read as {encoding} (detected).",
                            label=label, declared=declared, why=why, encoding=encoding))
    return text, encoding, warnings


def _detect(data: bytes, label: str) -> tuple[str, str]:
    """Russian letter statistics over the Cyrillic single-byte codecs, then charset-normalizer."""
    sample = data[:65536]
    best: tuple[float, str] | None = None
    for codec in _SINGLE_BYTE:
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        score, share = _russian_score(text)
        if share >= 0.8 and (best is None or score > best[0]):
            best = (score, codec)
    if best is not None:
        try:
            return data.decode(best[1]), best[1]
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes  # last resort: non-Cyrillic legacy text

    match = from_bytes(data[:1_000_000]).best()
    if match is None or match.encoding is None:
        raise _binary(label)
    return data.decode(match.encoding, errors="replace"), match.encoding


def _strict(data: bytes, codec: str, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise ReaderError(
            f"{label} starts like {codec} text but has invalid bytes; it may be truncated or binary. "
            "Re-save it as UTF-8 text."
        ) from None


def _binary(label: str) -> ReaderError:
    return ReaderError(
        f"{label} looks like a binary file, not text. Give a .txt, .docx or .html release "
        "(if it is a document, open it and save it as .docx or UTF-8 text)."
    )


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


def check_not_binary(text: str, label: str) -> None:
    """Refuse decoded text that is mostly control characters (a binary file that decoded)."""
    sample = text[:200_000]
    if not sample:
        return
    if len(_CONTROL.findall(sample)) > max(2, 0.005 * len(sample)):
        raise _binary(label)
