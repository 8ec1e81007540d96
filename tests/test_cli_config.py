"""Config errors through the CLI: bad TOML, unknown keys, wrong types, timeouts <= 0 → one line, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from translator_flow.cli import cli


@pytest.mark.parametrize("toml, says", [
    ("targets = [be", "not valid TOML"),
    ('colour = "blue"', "unknown setting(s) colour"),
    ('force = "yes"', "force must be true or false"),
    ("apertium_timeout = 0", "apertium_timeout must be a number of seconds > 0"),
    ("apertium_timeout = -5", "apertium_timeout must be a number of seconds > 0"),
    ('apertium_timeout = "30"', "apertium_timeout must be"),
    ("apertium_timeout = true", "apertium_timeout must be"),
    ("apertium_timeout = nan", "apertium_timeout must be a number of seconds > 0"),
    ("argos_threads = 0", "argos_threads must be a whole number >= 1"),
    ("argos_threads = 1.5", "argos_threads must be a whole number"),
    ("targets = [1, 2]", "targets must be"),
    ('tm_dir = ["a"]', "tm_dir must be a string"),
    ('targets = "fr"', "Unsupported target language(s): fr"),
    ('"translator-flow" = 3', "must be a table"),
])
def test_a_bad_config_is_one_line_and_exit_2(tmp_path: Path, toml: str, says: str) -> None:
    config = tmp_path / "tf.toml"
    config.write_text(toml + "\n", encoding="utf-8")
    release = tmp_path / "r.ru.txt"
    release.write_text("Заголовок\n\nТекст релиза о встрече в Минске.\n", encoding="utf-8")
    for args in (["translate", str(release), "--config", str(config), "--out", str(tmp_path / "o")],
                 ["batch", str(tmp_path), "--config", str(config), "--out", str(tmp_path / "o")]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2, (args, result.output)
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and says in lines[0], result.stderr
        assert "Traceback" not in result.output


def test_a_good_config_is_accepted(tmp_path: Path) -> None:
    from translator_flow.config import load_settings

    config = tmp_path / "tf.toml"
    config.write_text('[translator-flow]\ntargets = "be"\napertium_timeout = 12\nforce = true\n',
                      encoding="utf-8")
    settings = load_settings(config)
    assert settings.targets == ("be",) and settings.apertium_timeout == 12 and settings.force is True
