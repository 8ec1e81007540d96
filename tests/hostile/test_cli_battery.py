"""Every hostile input through the command line: one line naming the file, exit code 4,
no traceback, nothing written. The per-case files beside this one test each reader's
behaviour in depth; this battery proves the CLI turns each into the documented exit."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from translator_flow.cli import cli


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("Губернатор провёл встречу", style="Title")
    document.add_paragraph("Стороны обсудили сотрудничество.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _bomb() -> bytes:
    src = zipfile.ZipFile(io.BytesIO(_docx_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info.filename, src.read(info))
        with dst.open("word/document.xml", "w") as handle:
            for _ in range(60):
                handle.write(b" " * (1 << 20))
    return buffer.getvalue()


def _entity_docx() -> bytes:
    src = zipfile.ZipFile(io.BytesIO(_docx_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1)
            dst.writestr(info.filename, data)
    return buffer.getvalue()


CASES = {
    "empty": ("empty.ru.txt", lambda: b"  \n\n "),
    "binary_txt": ("photo.ru.txt", lambda: bytes(range(256)) * 40),
    "truncated_docx": ("cut.ru.docx", lambda: _docx_bytes()[:900]),
    "old_doc": ("old.ru.doc", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000),
    "password_docx": ("locked.ru.docx", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000),
    "zip_bomb": ("bomb.ru.docx", _bomb),
    "external_entity": ("entity.ru.docx", _entity_docx),
    "not_russian": ("english.txt", lambda: b"The governor met the delegation. They discussed trade.\n" * 5),
    "unsupported": ("release.ru.pdf", lambda: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_input_exits_4_with_one_line(case: str, tmp_path: Path) -> None:
    name, make = CASES[case]
    path = tmp_path / name
    path.write_bytes(make())
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["translate", str(path), "--to", "be", "--out", str(out)])
    assert result.exit_code == 4, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and name in errors[0], result.output
    assert "Traceback" not in result.output
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r", "utf-16", "utf-8-sig"])
def test_legacy_encodings_are_read_not_refused(encoding: str, tmp_path: Path) -> None:
    import json

    text = "Визит губернатора\n\nГубернатор посетил завод 'Смена' и обсудил планы на 2026 год.\n"
    path = tmp_path / "visit.ru.txt"
    path.write_bytes(text.encode(encoding))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["translate", str(path), "--to", "be", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "visit.json").read_text(encoding="utf-8"))
    assert [s["source"] for s in data["segments"]] == [
        "Визит губернатора", "Губернатор посетил завод 'Смена' и обсудил планы на 2026 год."]
