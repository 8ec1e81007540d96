"""CliRunner tests of `translate`: messages and exit codes, with the real Apertium engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from translator_flow.cli import cli

RELEASE = (
    "Делегация посетила Минск\n\n"
    "Дальнейшее укрепление сотрудничества обсудили на встрече в Минске.\n\n"
    "Стороны подписали 3 соглашения.\n"
)
NO_MODEL = "No ru→en model is installed for Argos. Run `translator-flow models install ru-en`"


@pytest.fixture()
def release(tmp_path: Path) -> Path:
    path = tmp_path / "visit.ru.txt"
    path.write_text(RELEASE, encoding="utf-8")
    return path


@pytest.fixture()
def no_argos_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "argos-empty"
    empty.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(empty))


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_translate_be_writes_every_output(release: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("translate", str(release), "--to", "be", "--out", str(out), "--tm", str(tmp_path / "no-tm"))
    assert result.exit_code == 0, result.output
    assert "[1/1]" in result.output and "done" in result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == ["visit.be.docx", "visit.be.html", "visit.be.review.docx", "visit.be.review.html", "visit.json"]
    data = json.loads((out / "visit.json").read_text(encoding="utf-8"))
    assert all(seg["targets"]["be"]["text"] for seg in data["segments"])


def test_existing_outputs_are_not_overwritten_without_force(release: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("translate", str(release), "--to", "be", "--out", str(out)).exit_code == 0
    before = (out / "visit.json").stat().st_mtime_ns
    again = run("translate", str(release), "--to", "be", "--out", str(out))
    assert again.exit_code == 4
    assert "--force" in again.output and "visit" in again.output
    assert (out / "visit.json").stat().st_mtime_ns == before
    forced = run("translate", str(release), "--to", "be", "--out", str(out), "--force")
    assert forced.exit_code == 0, forced.output


def test_missing_english_model_exits_3_and_still_writes_belarusian(
    release: Path, tmp_path: Path, no_argos_model: None
) -> None:
    out = tmp_path / "out"
    result = run("translate", str(release), "--to", "be,en", "--out", str(out))
    assert result.exit_code == 3
    assert NO_MODEL in result.output
    assert (out / "visit.be.review.docx").exists() and not (out / "visit.en.review.docx").exists()
    data = json.loads((out / "visit.json").read_text(encoding="utf-8"))
    assert data["languages"]["en"]["error"].startswith("No ru→en model is installed")
    assert all("en" not in seg["targets"] and seg["targets"]["be"]["text"] for seg in data["segments"])


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["translate", "{missing}", "--to", "be"], 4, "missing.txt"),
        (["translate", "{release}", "--to", "de"], 2, "Use --to with any of: be, en"),
        (["translate"], 2, "Missing argument"),
    ],
)
def test_usage_and_input_errors(release: Path, tmp_path: Path, args: list[str], code: int, message: str) -> None:
    filled = [a.format(release=release, missing=tmp_path / "missing.txt") for a in args]
    result = run(*filled, "--out", str(tmp_path / "out")) if len(filled) > 1 else run(*filled)
    assert result.exit_code == code, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_fail_on_warning_exits_1_when_qa_warns(tmp_path: Path) -> None:
    # Invented words are unknown to Apertium, and unknown words always raise a warning.
    path = tmp_path / "names.ru.txt"
    path.write_text("Встреча\n\nКуздрявкин и Бямбасурэн обсудили глокую куздру.\n", encoding="utf-8")
    result = run("translate", str(path), "--to", "be", "--out", str(tmp_path / "out"), "--fail-on", "warning")
    assert result.exit_code == 1, result.output
