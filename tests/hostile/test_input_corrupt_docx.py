"""Hostile input: truncated, damaged and fake .docx files get one clear line each."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from translator_flow.errors import ReaderError
from translator_flow.readers import read_document


def _good_docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("Губернатор провёл встречу", style="Title")
    d.add_paragraph("Стороны обсудили сотрудничество. " * 50)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _read_error(path: Path) -> ReaderError:
    with pytest.raises(ReaderError) as err:
        read_document(path)
    assert err.value.exit_code == 4
    assert "\n" not in str(err.value) and str(path) in str(err.value)
    return err.value


@pytest.mark.parametrize("keep", [0.2, 0.5, 0.9, 0.99])
def test_truncated_docx(tmp_path: Path, keep: float) -> None:
    data = _good_docx()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: int(len(data) * keep)])
    err = _read_error(path)
    assert str(err) == (
        f"{path} is a damaged or truncated Word file (not a readable ZIP package). "
        "Open it in Word or LibreOffice, save it again as .docx, and retry."
    )


def test_corrupted_member_data(tmp_path: Path) -> None:
    data = bytearray(_good_docx())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 10, start + min(info.compress_size, 200)):
        data[i] ^= 0x5A  # garble the compressed stream; the central directory stays intact
    path = tmp_path / "garbled.docx"
    path.write_bytes(bytes(data))
    assert "is a damaged Word file (part word/document.xml cannot be unpacked)" in str(_read_error(path))


def test_malformed_document_xml(tmp_path: Path) -> None:
    src = zipfile.ZipFile(io.BytesIO(_good_docx()))
    path = tmp_path / "badxml.docx"
    with zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            dst.writestr(info.filename, body[: len(body) // 2] if info.filename == "word/document.xml" else body)
    assert "has malformed XML inside" in str(_read_error(path))


def test_zip_without_document_part(tmp_path: Path) -> None:
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("content.xml", "<office:document/>")
    assert str(_read_error(path)) == (
        f"{path} is a ZIP file without word/document.xml, so not a Word document. Save the release as .docx."
    )


def test_text_renamed_to_docx(tmp_path: Path) -> None:
    path = tmp_path / "renamed.docx"
    path.write_text("Это обычный текст, а не документ Word.", encoding="utf-8")
    assert str(_read_error(path)) == (
        f"{path} has a .docx name but is not a Word file (no ZIP signature); it may be truncated or renamed. "
        "Open it in Word or LibreOffice and save it as .docx again."
    )
