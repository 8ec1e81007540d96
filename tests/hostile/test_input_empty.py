"""Hostile input: empty files (or only whitespace / byte-order marks) in every format."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from translator_flow.errors import ReaderError
from translator_flow.readers import read_document


@pytest.mark.parametrize(
    "name, data",
    [
        ("empty.txt", b""),
        ("spaces.txt", b"  \n\t\r\n   \n"),
        ("bom-only.txt", b"\xef\xbb\xbf"),
        ("utf16-whitespace.txt", "\ufeff  \n ".encode("utf-16-le")),
        ("empty.docx", b""),
        ("empty.html", b""),
    ],
)
def test_empty_file_is_refused(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReaderError) as err:
        read_document(path)
    assert err.value.exit_code == 4
    assert str(err.value) == f"{path} is empty (no text). Check that you picked the right file."


def test_html_without_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "shell.html"
    path.write_text("<html><head><title></title><script>x()</script></head><body><nav>Меню</nav></body></html>")
    with pytest.raises(ReaderError) as err:
        read_document(path)
    assert err.value.exit_code == 4
    assert str(path) in str(err.value) and "no text" in str(err.value)


def test_docx_without_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "blank.docx"
    d = docx.Document()
    d.add_paragraph("   ")
    d.save(str(path))
    with pytest.raises(ReaderError) as err:
        read_document(path)
    assert err.value.exit_code == 4
    assert str(err.value) == f"{path} has no text (the Word document is empty). Check that you picked the right file."


def test_page_furniture_only_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "chrome.txt"
    path.write_text("Поделиться\nВерсия для печати\nПросмотров: 120\n", encoding="utf-8")
    with pytest.raises(ReaderError) as err:
        read_document(path)
    assert err.value.exit_code == 4
    assert "has no release text (only page furniture or nothing)" in str(err.value)
