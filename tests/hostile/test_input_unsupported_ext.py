"""Hostile input: unsupported formats, missing or unreadable files, oversized files."""

from __future__ import annotations

import pathlib
import zipfile
from pathlib import Path

import pytest

from translator_flow.errors import ReaderError
from translator_flow.readers import read_document

SUPPORTED = ".docx, .htm, .html, .text, .txt, .xhtml"


def _error(path: Path, **kwargs) -> str:
    with pytest.raises(ReaderError) as err:
        read_document(path, **kwargs)
    assert err.value.exit_code == 4
    assert "\n" not in str(err.value)
    return str(err.value)


@pytest.mark.parametrize("name", ["release.md", "release.odt", "release", "release.xml", "release.TXT.bak"])
def test_unknown_extension_lists_supported_formats(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name.endswith(".odt"):
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("content.xml", "<office:document/>")
    else:
        path.write_text("Губернатор провёл встречу.", encoding="utf-8")
    ext = path.suffix.lower() or "(no extension)"
    assert _error(path) == (
        f"{path}: unsupported file type {ext}. Supported: {SUPPORTED}; save the release in one of these formats."
    )


def test_uppercase_extension_is_supported(tmp_path: Path) -> None:
    path = tmp_path / "RELEASE.TXT"
    path.write_text("Губернатор провёл встречу.", encoding="utf-8")
    assert read_document(path).blocks[0].text == "Губернатор провёл встречу."


def test_pdf_and_rtf_get_specific_advice(tmp_path: Path) -> None:
    pdf = tmp_path / "release.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert _error(pdf) == f"{pdf} is a PDF. Copy its text into a .txt file or export it to .docx, then run again."
    rtf = tmp_path / "release.rtf"
    rtf.write_bytes(b"{\\rtf1\\ansi\\ansicpg1251 \\'cf\\'f0\\'e8}")
    assert _error(rtf) == f"{rtf} is an RTF file. Open it in Word or LibreOffice and save it as .docx."


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    assert _error(path) == f"Input file not found: {path}. Check the path and the file name."


def test_dangling_symlink(tmp_path: Path) -> None:
    path = tmp_path / "link.txt"
    path.symlink_to(tmp_path / "gone.txt")
    assert _error(path) == f"Input file not found: {path}. Check the path and the file name."


def test_directory(tmp_path: Path) -> None:
    path = tmp_path / "folder.txt"
    path.mkdir()
    assert _error(path) == (f"{path} is a folder, not a file. Give the path of a .txt, .docx or .html release, "
                            f"or translate the whole folder with `translator-flow batch {path} --out DIR`.")


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Текст.", encoding="utf-8")
    real_open = pathlib.Path.open

    def deny(self, *args, **kwargs):  # chmod 000 does not stop root, so deny at the call
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", deny)
    assert _error(path) == f"Cannot read {path}: permission denied. Check the file's permissions."


def test_special_file_is_refused() -> None:
    path = Path("/dev/zero")
    if not path.exists():  # pragma: no cover - every Linux CI has it
        pytest.skip("/dev/zero absent")
    assert _error(path) == f"{path} is not a regular file. Give the path of a .txt, .docx or .html release."
