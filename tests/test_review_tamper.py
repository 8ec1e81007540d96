"""Tampered or foreign review files are refused, naming the problem, and nothing is written."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from review_helpers import edit_docx, files_in, main_table, row_id, set_cell, write_package
from translator_flow.cli import cli
from translator_flow.errors import ReviewImportError
from translator_flow.review import finalize


@pytest.fixture()
def package(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    write_package(out)
    return out / "release.be.review.docx"


def _tamper(path: Path, change) -> None:
    document = docx.Document(str(path))
    change(main_table(document))
    document.save(str(path))


def _row(table, seg_id: str):
    return next(r for r in table.rows[1:] if row_id(r) == seg_id)


def _delete(table, seg_id: str = "b2s1") -> None:
    row = _row(table, seg_id)
    row._tr.getparent().remove(row._tr)


def _duplicate(table) -> None:
    row = _row(table, "b1s1")
    row._tr.addnext(copy.deepcopy(row._tr))


def _edit_source(table) -> None:
    set_cell(_row(table, "b2s0").cells[3], "Центр построила компания «Другая» за 14 месяцев.")


def _move(table) -> None:
    row = _row(table, "b4s0")
    _row(table, "b1s0")._tr.addprevious(row._tr)


def _clear_id(table) -> None:
    set_cell(_row(table, "b7s0").cells[1], "")


def _rename_id(table) -> None:
    set_cell(_row(table, "b7s1").cells[1], "b9s9")


CASES = [
    (_delete, [r"segment b2s1 \(block 2\) is missing: its row was deleted"]),
    (_duplicate, [r"row 4: ID b1s1 is duplicated \(row 3 has it too\)"]),
    (_edit_source, [r"row 4 \(b2s0\): the source text was edited \(now «Центр построила компания «Другая»"]),
    (_move, [r"row 2 \(b4s0\) was moved"]),
    (_clear_id, [r"row 10: the ID cell is empty \(source «Подробности опубликованы",
                 r"segment b7s0 \(block 7\) is missing"]),
    (_rename_id, [r"row 11: ID b9s9 is not a segment of this release"]),
]


@pytest.mark.parametrize("change, messages", CASES, ids=[c[0].__name__.strip("_") for c in CASES])
def test_tampered_table_is_refused_and_nothing_written(package: Path, tmp_path: Path, change, messages) -> None:
    _tamper(package, change)
    before = files_in(tmp_path)
    with pytest.raises(ReviewImportError) as raised:
        finalize(package, tm_dir=tmp_path / "tm")
    text = str(raised.value)
    assert str(package) in text and "Nothing was written" in text
    for message in messages:
        assert re.search(message, text), text
    assert files_in(tmp_path) == before  # no final file, no TM folder, nothing touched


def test_several_problems_are_listed_together(package: Path) -> None:
    _tamper(package, lambda t: (_delete(t, "b0s0"), _edit_source(t)))
    with pytest.raises(ReviewImportError) as raised:
        finalize(package, tm_dir=None)
    assert "b0s0" in str(raised.value) and "b2s0" in str(raised.value)


def test_a_blank_row_added_by_an_editor_is_harmless(package: Path) -> None:
    edit_docx(package, {"b3s0": "«Мы разлічваем на рост на 15 %», — адзначыў дырэктар."}, status="approved")
    _tamper(package, lambda t: t.add_row())
    report = finalize(package, tm_dir=None)
    assert len(report.segments) == 11


def test_a_plain_docx_is_not_a_review_file(tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    document = docx.Document()
    document.add_paragraph("Уважаемые коллеги!")
    table = document.add_table(rows=2, cols=3)
    table.rows[0].cells[0].text = "ID"
    document.save(str(path))
    with pytest.raises(ReviewImportError, match=r"letter.docx is not a translator-flow review file .*"
                       r"finalize takes the \*\.review\.docx"):
        finalize(path, tm_dir=tmp_path / "tm")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.docx"]


def test_a_review_file_whose_table_lost_its_header_is_refused(package: Path) -> None:
    _tamper(package, lambda t: set_cell(t.rows[0].cells[3], "Исходный текст"))
    with pytest.raises(ReviewImportError, match=r"has no table with the header"):
        finalize(package, tm_dir=None)


def test_a_publishable_draft_is_not_a_review_file(package: Path) -> None:
    with pytest.raises(ReviewImportError, match=r"release.be.docx is not a translator-flow review file"):
        finalize(package.with_name("release.be.docx"), tm_dir=None)


@pytest.mark.parametrize("name, content", [
    ("notes.txt", b"plain text"),
    ("broken.docx", b"PK\x03\x04 not really a zip"),
    ("broken.xliff", b"<xliff"),
])
def test_other_files_are_refused_with_the_fix(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReviewImportError, match=f"{name} is not a translator-flow review file"):
        finalize(path, tm_dir=None)


def test_cli_names_the_problem_with_exit_code_4(package: Path, tmp_path: Path) -> None:
    _tamper(package, _delete)
    result = CliRunner().invoke(cli, ["finalize", str(package), "--tm", str(tmp_path / "tm")])
    assert result.exit_code == 4
    assert "segment b2s1 (block 2) is missing: its row was deleted" in result.output
    missing = CliRunner().invoke(cli, ["finalize", str(tmp_path / "nope.review.docx")])
    assert missing.exit_code == 4 and "does not exist" in missing.output

