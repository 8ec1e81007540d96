"""Glossary files and the editors' CLI: CSV errors with file:line, lint, add, show, TBX.

CliRunner checks the exact messages and exit codes; the TBX round trip checks that an
export re-imports to the same entries (every column, unknown ones included).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from translator_flow.cli import cli
from translator_flow.errors import GlossaryError
from translator_flow.glossary import Glossary, load_glossary
from translator_flow.glossary.csvio import read_csv
from translator_flow.glossary.entries import Entry, parse_be_forms
from translator_flow.glossary.tbx import read_tbx, write_tbx

ROOT = Path(__file__).resolve().parents[1]
FAULTS = ROOT / "tests" / "data" / "glossary" / "faults.csv"
HEADER = "id,ru,be,en,note,source\n"

# Every seeded fault of faults.csv: (line, words the message must contain).
SEEDED = [
    (3, "duplicate id 'minsk' (first at"),
    (4, "empty ru"),
    (5, "has no '='"),
    (6, "'abl' is not a case"),
    (7, "two different approvals"),
    (8, "duplicate of entry 'minsk'"),
    (9, "empty be translation"),
    (10, "be_forbidden «Масква» is also an approved form"),
    (11, "row has 11 fields but the header has 10"),
    (12, "status 'maybe' is unknown"),
    (13, "empty id"),
]


def run(*args: str, cwd: Path | None = None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(cli, list(args), catch_exceptions=False)
    with runner.isolated_filesystem(temp_dir=cwd):
        return runner.invoke(cli, list(args), catch_exceptions=False)


def test_lint_reports_every_seeded_fault_with_file_and_line() -> None:
    result = run("glossary", "lint", str(FAULTS))
    assert result.exit_code == 4  # fatal rows: translate would refuse this glossary too
    lines = result.output.splitlines()
    for line, words in SEEDED:
        prefix = f"{FAULTS}:{line}: "
        assert any(out.startswith(prefix) and words in out for out in lines), (line, words, result.output)
    # Line 2 (the first «Минск») is correct: nothing is reported against it.
    assert not any(out.startswith(f"{FAULTS}:2:") for out in lines)


def test_lint_of_the_starter_glossary_is_clean() -> None:
    result = run("glossary", "lint", str(ROOT / "glossary"))
    assert result.exit_code == 0, result.output
    n = len(load_glossary(ROOT / "glossary"))
    assert result.output.strip().endswith(f"OK: {n} entries")
    assert n >= 40


def test_loading_a_broken_file_raises_with_file_and_line() -> None:
    with pytest.raises(GlossaryError) as err:
        load_glossary(FAULTS)
    assert f"{FAULTS}:3: duplicate id" in str(err.value)
    assert "glossary lint" in str(err.value)


def test_starter_entries_cite_a_source_and_have_both_translations() -> None:
    for e in load_glossary(ROOT / "glossary"):
        assert e.source and e.be and e.en, e.id


def test_csv_reading_keeps_unknown_columns_and_accepts_semicolons(tmp_path: Path) -> None:
    f = tmp_path / "g.csv"
    f.write_text("\ufeffid;ru;be;en;note;source;owner\nmaz;МАЗ;МАЗ;MAZ;;maz.by;desk-a\n", encoding="utf-8")
    entries, problems = read_csv(f)
    assert problems == []
    assert entries[0].extra == (("owner", "desk-a"),) and entries[0].line == 2


def test_missing_columns_and_non_utf8_are_reported(tmp_path: Path) -> None:
    f = tmp_path / "g.csv"
    f.write_text("id,ru,be\nx,Минск,Мінск\n", encoding="utf-8")
    _, problems = read_csv(f)
    assert str(problems[0]) == f"{f}:1: missing column(s) en, note, source: the header must contain id, ru, be, en, note, source"
    f.write_bytes((HEADER + "minsk,Минск,Мінск,Minsk,,\n").encode("cp1251"))
    _, problems = read_csv(f)
    assert problems[0].line == 2 and "save the file as UTF-8" in problems[0].message


def test_be_forms_syntax() -> None:
    assert parse_be_forms("gen=Смаленскай вобласці | pl_gen=Смаленскіх абласцей") == (
        ("gen", "Смаленскай вобласці"),
        ("pl_gen", "Смаленскіх абласцей"),
    )
    for bad in ("gen", "abl=x", "gen=", "gen=a|gen=b"):
        with pytest.raises(ValueError):
            parse_be_forms(bad)


def test_hash_depends_on_content_not_on_files(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "one.csv").write_text(HEADER + "m,Минск,Мінск,Minsk,,x\nv,Витебск,Віцебск,Vitebsk,,x\n", encoding="utf-8")
    (b / "x.csv").write_text(HEADER + "v,Витебск,Віцебск,Vitebsk,,x\n", encoding="utf-8")
    (b / "y.csv").write_text(HEADER + "m,Минск,Мінск,Minsk,,x\n", encoding="utf-8")
    assert load_glossary(a).hash == load_glossary(b).hash
    (b / "y.csv").write_text(HEADER + "m,Минск,Мінск,Minsk city,,x\n", encoding="utf-8")
    assert load_glossary(a).hash != load_glossary(b).hash
    assert len(load_glossary(b)) == 2


def test_tbx_export_reimports_to_the_same_entries(tmp_path: Path) -> None:
    starter = load_glossary(ROOT / "glossary")
    extra = Entry("x", "Орша", "Орша", "Orsha", note="two\nlines", source="belta.by", status="draft",
                  be_variants=("Ворша",), extra=(("owner", "desk-a"),))
    entries = [*starter.entries, extra]
    out = tmp_path / "g.tbx"
    write_tbx(out, entries)
    back, problems = read_tbx(out)
    assert problems == []
    assert [e.content_key() for e in back] == [e.content_key() for e in entries]


def test_cli_export_and_import_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "all.tbx"
    result = run("glossary", "export", "--format", "tbx", str(out), "--glossary", str(ROOT / "glossary"))
    assert result.exit_code == 0, result.output
    again = run("glossary", "export", "--format", "tbx", str(out), "--glossary", str(ROOT / "glossary"))
    assert again.exit_code == 4 and "exists; use --force" in again.output
    # Import into an empty glossary: every entry comes back into a CSV that loads.
    target = tmp_path / "imported.csv"
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("glossary", "import", str(out), "--to", str(target), "--glossary", str(empty))
    assert result.exit_code == 0, result.output
    original = load_glossary(ROOT / "glossary")
    imported = load_glossary(target)
    assert sorted(e.content_key() for e in imported) == sorted(e.content_key() for e in original)
    # Importing into the glossary that already has them skips every term.
    result = run("glossary", "import", str(out), "--to", str(tmp_path / "dup.csv"), "--glossary", str(ROOT / "glossary"))
    assert f"Imported 0 entries into {tmp_path / 'dup.csv'} ({len(original)} skipped)" in result.output


def test_cli_add_writes_a_valid_row_and_refuses_a_duplicate(tmp_path: Path) -> None:
    folder = tmp_path / "glossary"
    shutil.copytree(ROOT / "glossary", folder)
    args = ["glossary", "add", "--ru", "Гродненская область", "--be", "Гродзенская вобласць",
            "--en", "Grodno Oblast", "--source", "president.gov.by", "--glossary", str(folder),
            "--file", str(folder / "custom.csv")]
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Added grodno-oblast: Гродненская область → Гродзенская вобласць / Grodno Oblast")
    g = load_glossary(folder)
    assert g.get("grodno-oblast").source == "president.gov.by"
    assert [h.entry_id for h in g.find("В Гродненской области")] == ["grodno-oblast"]
    result = run(*args)
    assert result.exit_code == 4
    assert "«Гродненская область» is already in the glossary as entry 'grodno-oblast'" in result.output
    result = run("glossary", "add", "--ru", "Смоленск", "--be", "Смаленск", "--glossary", str(folder),
                 "--file", str(folder / "custom.csv"))
    assert result.exit_code == 4 and "already in the glossary as entry 'smolensk'" in result.output
    assert run("glossary", "lint", str(folder)).exit_code == 0


def test_cli_show_explains_the_match() -> None:
    result = run("glossary", "show", "Делегация прибыла в Смоленскую область", "--glossary", str(ROOT / "glossary"))
    assert result.exit_code == 0, result.output
    assert "«Смоленскую область» [20:38] → entry smolensk-region «Смоленская область»" in result.output
    assert "lemmas: смоленский область" in result.output
    assert "grammar: accs,sing" in result.output
    assert "be: Смаленскую вобласць" in result.output
    assert "en: Smolensk Region" in result.output
    result = run("glossary", "show", "Ничего официального", "--glossary", str(ROOT / "glossary"))
    assert result.output.startswith("No glossary entry matches «Ничего официального»")


def test_missing_glossary_path_says_so(tmp_path: Path) -> None:
    result = run("glossary", "show", "Минск", "--glossary", str(tmp_path / "nope"))
    assert result.exit_code == 4
    assert "no such glossary file or folder" in result.output


def test_empty_glossary_finds_nothing() -> None:
    g = Glossary([])
    assert g.find("Минск") == () and len(g) == 0 and len(g.hash) == 12


def test_explain_phrase_is_the_library_behind_glossary_show(tmp_path: Path) -> None:
    from translator_flow.glossary.explain import explain_phrase

    folder = tmp_path / "g"
    folder.mkdir()
    (folder / "t.csv").write_text("id,ru,be,en,note,source\nmfa,Министерство иностранных дел,"
                                  "Міністэрства замежных спраў,Ministry of Foreign Affairs,,test\n", encoding="utf-8")
    found = explain_phrase("заявление Министерства иностранных дел", [folder])
    assert found.entry_count == 1 and len(found.matches) == 1
    match = found.matches[0]
    assert match.entry.id == "mfa" and match.be_hit.target_form and match.en_hit.target_form
    assert not explain_phrase("погода", [folder]).matches
