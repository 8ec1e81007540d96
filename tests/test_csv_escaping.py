"""OWASP CSV-injection escaping in every CSV the tool writes, and a lossless glossary round trip.

OWASP "CSV Injection": a cell starting with = + - @ TAB or CR is prefixed with an apostrophe
so a spreadsheet shows it as text instead of running it. The glossary is also read back,
so its reader removes exactly the apostrophe the writer added.
"""

from __future__ import annotations

import ast
import csv
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from translator_flow.csvsafe import FORMULA_STARTS, escape_cell, unescape_cell
from translator_flow.glossary.csvio import append_csv, read_csv, write_csv
from translator_flow.glossary.entries import Entry

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "translator_flow"

TABLE = [  # (value, escaped)
    ("=1+1", "'=1+1"), ("+375 17 222", "'+375 17 222"), ("-5 %", "'-5 %"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("'=x", "''=x"), ("''+x", "'''+x"),
    ("Минск", "Минск"), ("'апостроф", "'апостроф"), ("a=b", "a=b"), ("", ""), ("—тире", "—тире"), ("'", "'"),
]


@pytest.mark.parametrize(("value", "escaped"), TABLE)
def test_escape_table_and_its_inverse(value: str, escaped: str) -> None:
    assert escape_cell(value) == escaped
    assert unescape_cell(escaped) == value
    assert not str(escape_cell(value)).startswith(FORMULA_STARTS)


@given(st.text(alphabet=st.sampled_from(list("=+-@\t\r'aб ;,\"")), max_size=8) | st.text(max_size=12))
def test_escape_round_trip_is_lossless(value: str) -> None:
    escaped = escape_cell(value)
    assert isinstance(escaped, str) and not escaped.startswith(FORMULA_STARTS)
    assert unescape_cell(escaped) == value


FORMULA_ENTRIES = [
    Entry("t1", "Министерство финансов", "Міністэрства фінансаў", "Ministry of Finance",
          note="=HYPERLINK(\"http://evil.example\")", source="@портал", en_variants=("-Finance Ministry",)),
    Entry("t2", "областная администрация", "абласная адміністрацыя", "+regional administration",
          note="'=already quoted", source="-"),
    Entry("=t3", "горисполком", "гарвыканкам", "city executive committee", note="\tтабуляция"),
]


def test_glossary_export_escapes_and_import_restores_exactly(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    write_csv(path, FORMULA_ENTRIES)
    with path.open(encoding="utf-8", newline="") as fh:
        cells = [c for row in csv.reader(fh) for c in row]
    assert not any(c.startswith(FORMULA_STARTS) for c in cells), cells
    assert "'=HYPERLINK(\"http://evil.example\")" in cells and "''=already quoted" in cells
    entries, problems = read_csv(path)
    assert not [p for p in problems if p.fatal], problems
    assert [e.content_key() for e in entries] == [e.content_key() for e in FORMULA_ENTRIES]


def test_glossary_cli_export_import_round_trip(tmp_path: Path) -> None:
    from translator_flow.cli import cli

    src = tmp_path / "glossary.csv"
    write_csv(src, FORMULA_ENTRIES)
    exported, imported = tmp_path / "export.csv", tmp_path / "imported.csv"
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(cli, ["glossary", "export", "--glossary", str(src), "--format", "csv", str(exported)])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, ["glossary", "import", str(exported), "--to", str(imported),
                                      "--glossary", str(tmp_path / "empty")])
    assert result.exit_code == 0, result.output
    back, _ = read_csv(imported)
    assert [e.content_key() for e in back] == [e.content_key() for e in FORMULA_ENTRIES]


def test_glossary_append_escapes(tmp_path: Path) -> None:
    path = tmp_path / "custom.csv"
    write_csv(path, FORMULA_ENTRIES[:1])
    append_csv(path, Entry("t9", "сельсовет", "сельсавет", "village council", note="=1+1"))
    assert "'=1+1" in path.read_text(encoding="utf-8")
    assert read_csv(path)[0][-1].note == "=1+1"


def test_evaluation_tsv_escapes_formula_cells(tmp_path: Path) -> None:
    from translator_flow.evaluate import EvalResult, SegmentRow, write_tsv

    row = SegmentRow(id="=1", source="-5 градусов", reference="-5 градусаў", hypothesis="@мінус 5", chrf=12.5,
                     unresolved=(), fallback=())
    path = write_tsv(EvalResult("dev", 12.5, 3.0, (row,)), tmp_path / "rows.tsv")
    with path.open(encoding="utf-8", newline="") as fh:
        cells = [c for r in csv.reader(fh, delimiter="\t") for c in r]
    assert "'=1" in cells and "'-5 градусов" in cells and "'-5 градусаў" in cells and "'@мінус 5" in cells


def test_glossary_suggest_csv_escapes_formula_cells(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from translator_flow.cli import cli
    from translator_flow.tm import suggest

    class Found:
        ru, lang, target, mt, releases = "=СУММ(1)", "be", "+плюс", "-мінус", ("a.docx",)

    monkeypatch.setattr(suggest, "suggest_glossary_entries", lambda memory, lang, n: [Found()])
    result = CliRunner().invoke(cli, ["glossary", "suggest", "--tm", str(tmp_path), "--to", "be", "--csv"])
    assert result.exit_code == 0, result.output
    cells = [c for r in csv.reader(result.output.splitlines()) for c in r]
    assert {"'=СУММ(1)", "'+плюс", "'-мінус"} <= set(cells)


def _csv_writing_modules() -> list[Path]:
    found = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("writer", "DictWriter") and \
                    isinstance(node.value, ast.Name) and node.value.id == "csv":
                found.append(path)
                break
    return found


def test_every_module_writing_csv_escapes_its_cells() -> None:
    modules = _csv_writing_modules()
    assert len(modules) >= 4  # batch report, glossary files, glossary suggest, evaluation TSV
    for path in modules:
        text = path.read_text(encoding="utf-8")
        assert "escape_cells(" in text or "escape_row(" in text, f"{path} writes CSV without the OWASP escape"
