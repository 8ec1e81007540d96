"""`glossary add` in a folder without ./glossary refuses (one line, exit 4) unless --file or --new."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from translator_flow.cli import cli


ADD = ["glossary", "add", "--ru", "Гродненская область", "--be", "Гродзенская вобласць", "--en", "Grodno Oblast"]


def test_add_without_a_glossary_is_refused_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(cli, ADD)
    assert result.exit_code == 4
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and "--file" in lines[0] and "--new" in lines[0]
    assert not Path("glossary").exists()


def test_add_with_new_starts_a_glossary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(cli, [*ADD, "--new"])
    assert result.exit_code == 0, result.output
    assert "Гродненская область" in Path("glossary/custom.csv").read_text(encoding="utf-8")
