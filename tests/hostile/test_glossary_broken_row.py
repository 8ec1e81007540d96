"""A glossary with a broken row stops the run with file:line and exit code 4."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from translator_flow.cli import cli


def test_broken_glossary_row_names_file_and_line(tmp_path: Path) -> None:
    glossary = tmp_path / "terms.csv"
    glossary.write_text(
        "id,ru,be,en,note,source\n"
        "minsk,Минск,Мінск,Minsk,,president.gov.by\n"
        'broken,"Гомель,Гомель,Gomel,,\n',  # an unclosed quote swallows the rest of the file
        encoding="utf-8",
    )
    release = tmp_path / "r.ru.txt"
    release.write_text("Визит\n\nДелегация прибыла в Минск.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["translate", str(release), "--to", "be", "--glossary", str(glossary),
                                      "--out", str(tmp_path / "out")])
    assert result.exit_code == 4, result.output
    assert f"{glossary}:3" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
