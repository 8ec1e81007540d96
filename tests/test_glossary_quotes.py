"""An unterminated quote in a glossary CSV is refused with file:line, even when the
swallowed rows leave the field count right (the case that used to lint OK)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from translator_flow.cli import cli
from translator_flow.glossary.csvio import read_csv


HEADER = "id,ru,be,en,note,source\n"
GOOD = "minsk,Минск,Мінск,Minsk,,\nbrest,Брест,Брэст,Brest,,\n"


def test_quote_open_in_last_column_is_fatal_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text(HEADER + 'gomel,Гомель,Гомель,Gomel,"city\n' + GOOD, encoding="utf-8")
    entries, problems = read_csv(path)
    fatal = [p for p in problems if p.fatal]
    assert len(fatal) == 1 and fatal[0].line == 2
    assert "not closed" in fatal[0].message and "lines 3-4" in fatal[0].message
    assert not any(e.id == "gomel" for e in entries)


def test_a_quoted_multiline_note_is_still_accepted(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text(HEADER + 'gomel,Гомель,Гомель,Gomel,"two\nlines",\n' + GOOD, encoding="utf-8")
    entries, problems = read_csv(path)
    assert not [p for p in problems if p.fatal]
    assert [e.id for e in entries] == ["gomel", "minsk", "brest"]


def test_lint_refuses_the_unterminated_quote_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text(HEADER + 'gomel,Гомель,Гомель,Gomel,"city\n' + GOOD, encoding="utf-8")
    result = CliRunner().invoke(cli, ["glossary", "lint", str(path)], catch_exceptions=False)
    assert result.exit_code == 4
    flagged = [ln for ln in result.output.splitlines() if ln.startswith(f"{path}:2: ")]
    assert len(flagged) == 1 and "not closed" in flagged[0]
