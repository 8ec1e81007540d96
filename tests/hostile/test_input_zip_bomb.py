"""Hostile input: DOCX zip bombs are refused from the ZIP directory, without unpacking."""

from __future__ import annotations

import io
import re
import struct
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import docx
import pytest

from translator_flow.errors import ReaderError
from translator_flow.readers import read_document
from translator_flow.readers.docx import MAX_DOCUMENT_XML


def _small_docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("Губернатор провёл встречу", style="Title")
    d.add_paragraph("Стороны обсудили сотрудничество.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _read_error_with_peak(path: Path) -> tuple[ReaderError, int]:
    tracemalloc.start()
    try:
        with pytest.raises(ReaderError) as err:
            read_document(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert err.value.exit_code == 4 and "\n" not in str(err.value)
    return err.value, peak


def test_huge_document_xml_is_refused_without_unpacking(tmp_path: Path) -> None:
    src = zipfile.ZipFile(io.BytesIO(_small_docx()))
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info.filename, src.read(info))
        with dst.open("word/document.xml", "w") as fh:  # streamed: the test stays small too
            chunk = b" " * (1 << 20)
            for _ in range(MAX_DOCUMENT_XML // len(chunk) + 1):
                fh.write(chunk)
    assert path.stat().st_size < 1_000_000  # ~1000:1 compression
    err, peak = _read_error_with_peak(path)
    assert re.match(rf"{re.escape(str(path))} would unpack to 5\d MB \(document text 51 MB\), over the 200 MB / 50 MB limits", str(err))
    assert str(err).endswith("it is damaged or a zip bomb. Re-save the release from Word without embedded files.")
    assert peak < 10 * 2**20


def _patch_declared_size(data: bytes, member: bytes, size: int, crc: int | None = None) -> bytes:
    """Rewrite a member's uncompressed size (and CRC) in the central directory and local header."""
    out = bytearray(data)
    pos = 0
    while True:
        central = out.find(b"PK\x01\x02", pos)
        assert central != -1, "member not found"
        name_len = struct.unpack_from("<H", out, central + 28)[0]
        if bytes(out[central + 46: central + 46 + name_len]) == member:
            struct.pack_into("<I", out, central + 24, size)
            local = struct.unpack_from("<I", out, central + 42)[0]
            struct.pack_into("<I", out, local + 22, size)
            if crc is not None:
                struct.pack_into("<I", out, central + 16, crc)
                struct.pack_into("<I", out, local + 14, crc)
            return bytes(out)
        pos = central + 4


def test_declared_total_size_over_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "claims-4gb.docx"
    path.write_bytes(_patch_declared_size(_small_docx(), b"word/styles.xml", 0xFFFF0000))
    err, peak = _read_error_with_peak(path)
    assert "over the 200 MB / 50 MB limits: it is damaged or a zip bomb" in str(err)
    assert peak < 10 * 2**20


@pytest.mark.parametrize("forge_crc", [False, True], ids=["crc-mismatch", "crc-forged"])
def test_member_lying_small_cannot_inflate(tmp_path: Path, forge_crc: bool) -> None:
    # the directory claims 1000 bytes but the stream inflates to 30 MB. zipfile's read()
    # would inflate it all at once; the reader inflates 64 KB at a time and stops at the
    # declared size. With a bad CRC the part is damaged; with a CRC forged to match the
    # first 1000 bytes the part is cut there and its XML is malformed.
    src = zipfile.ZipFile(io.BytesIO(_small_docx()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "word/document.xml":
                body = body + b" " * (30 << 20)
            dst.writestr(info.filename, body)
    first = src.read("word/document.xml")[:1000]
    crc = zlib.crc32(first) if forge_crc else None
    path = tmp_path / "liar.docx"
    path.write_bytes(_patch_declared_size(buf.getvalue(), b"word/document.xml", 1000, crc))
    err, peak = _read_error_with_peak(path)
    if forge_crc:
        assert "has malformed XML inside" in str(err)
    else:
        assert "is a damaged Word file (part word/document.xml cannot be unpacked)" in str(err)
    assert peak < 10 * 2**20
