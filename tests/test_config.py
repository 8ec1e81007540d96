"""Settings from a TOML file: known keys converted, unknown keys and bad TOML refused with the fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from translator_flow.cli import cli
from translator_flow.config import Settings, load_settings, parse_targets
from translator_flow.errors import ConfigError


def test_toml_settings_are_converted(tmp_path: Path) -> None:
    path = tmp_path / "office.toml"
    path.write_text('[translator-flow]\ntargets = "be"\nglossary = ["terms", "more.csv"]\n'
                    'tm_dir = "memory"\ncombined = true\n', encoding="utf-8")
    settings = load_settings(path)
    assert settings.targets == ("be",)
    assert settings.glossary == (Path("terms"), Path("more.csv"))
    assert settings.tm_dir == Path("memory") and settings.combined is True


@pytest.mark.parametrize(("text", "message"), [
    ("colour = 'red'\n", "unknown setting(s) colour"),
    ("targets = [\n", "not valid TOML"),
    ("targets = 'de'\n", "Use --to with any of: be, en"),
])
def test_bad_settings_are_refused(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "office.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_settings(path)
    release = tmp_path / "r.ru.txt"
    release.write_text("Визит\n\nДелегация прибыла в Минск.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["translate", str(release), "--config", str(path)])
    assert result.exit_code == 2 and message in result.output


def test_command_line_options_override_the_file(tmp_path: Path) -> None:
    path = tmp_path / "office.toml"
    path.write_text("targets = 'be,en'\nforce = false\n", encoding="utf-8")
    settings = load_settings(path).with_options(targets=parse_targets("en"), force=True, glossary=None)
    assert settings.targets == ("en",) and settings.force is True


def test_targets_are_parsed_in_order_without_duplicates() -> None:
    assert parse_targets(" EN, be,en ") == ("en", "be")
    assert Settings().targets == ("be", "en")
