"""Hostile input: binary data behind a .txt name; real formats behind the wrong name."""

from __future__ import annotations

import io
import os
import random
from pathlib import Path

import docx
import pytest

from translator_flow.errors import ReaderError
from translator_flow.readers import read_document

rng = random.Random(8)


@pytest.mark.parametrize(
    "data",
    [
        bytes(rng.randrange(256) for _ in range(4096)),  # random bytes, NULs included
        bytes(rng.randrange(1, 32) for _ in range(2048)),  # control characters, no NUL
        b"\x89PNG\r\n\x1a\n" + bytes(200),
        b"\x7fELF\x02\x01\x01" + bytes(100),
        b"MZ\x90\x00" + bytes(100),
        b"\x1f\x8b\x08\x00" + bytes(50),
    ],
    ids=["random", "controls", "png", "elf", "exe", "gzip"],
)
def test_binary_named_txt_is_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "release.txt"
    path.write_bytes(data)
    with pytest.raises(ReaderError) as err:
        read_document(path)
    assert err.value.exit_code == 4
    msg = str(err.value)
    assert msg.startswith(f"{path} ") and "binary" in msg
    assert "\n" not in msg


def test_docx_named_txt_is_read_as_docx_with_a_warning(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Губернатор провёл встречу", style="Title")
    d.add_paragraph("Стороны обсудили сотрудничество.")
    buf = io.BytesIO()
    d.save(buf)
    path = tmp_path / "release.txt"
    path.write_bytes(buf.getvalue())
    doc = read_document(path)
    assert doc.meta.format == "docx"
    assert [b.text for b in doc.blocks] == ["Губернатор провёл встречу", "Стороны обсудили сотрудничество."]
    assert doc.meta.warnings == (f"{path} has a .txt name but is a Word (.docx) file; read it as DOCX.",)


def test_plain_zip_named_txt_is_refused(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "release.txt"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("notes.txt", "Текст")
    with pytest.raises(ReaderError) as err:
        read_document(path)
    assert err.value.exit_code == 4
    assert str(err.value) == f"{path} is a ZIP archive, not a txt file. Unpack it or give the release itself."


def test_html_named_txt_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("<!DOCTYPE html><html><body><h1>Заголовок</h1><p>Текст новости.</p><script>x()</script></body></html>")
    doc = read_document(path)
    assert doc.meta.format == "html"
    assert [b.text for b in doc.blocks] == ["Заголовок", "Текст новости."]
    assert "contains HTML" in doc.meta.warnings[0]


def test_urandom_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(os.urandom(1_000_000))
    with pytest.raises(ReaderError) as err:
        read_document(path)
    assert err.value.exit_code == 4 and "binary" in str(err.value)
