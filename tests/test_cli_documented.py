"""Every command and option of the click tree is documented (README.md or docs/*.md), and
the exit codes the README lists are the one table in errors.py."""

from __future__ import annotations

import re
from pathlib import Path

import click

from translator_flow import errors
from translator_flow.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def _docs() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])


def _walk(command: click.Command, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], click.Command]]:
    found = [(path, command)]
    for name, sub in getattr(command, "commands", {}).items():
        found += _walk(sub, (*path, name))
    return found


def test_every_command_and_option_is_documented() -> None:
    docs = _docs()
    missing = []
    for path, command in _walk(cli):
        if path and not re.search(rf"\b{re.escape(' '.join(path))}\b", docs):
            missing.append(f"command `{' '.join(path)}`")
        for param in command.params:
            if not isinstance(param, click.Option) or param.hidden:
                continue
            names = [n for n in param.opts + param.secondary_opts if n.startswith("--")]
            if names and not any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", docs) for n in names):
                missing.append(f"option {names[0]} of `{' '.join(path) or 'translator-flow'}`")
    assert not missing, "undocumented in README.md/docs: " + ", ".join(missing)


def test_readme_exit_codes_are_the_errors_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = re.search(r"Exit codes:(.*?)\n\n", readme, re.S)
    assert line, "README lists no exit codes"
    listed = {int(n) for n in re.findall(r"\b(\d+) ", line.group(1))}
    assert listed == set(errors.EXIT_CODES.values())
    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, errors.TranslatorFlowError)]
    assert len(classes) >= 7
    for cls in classes:
        assert cls.exit_code in errors.EXIT_CODES.values(), cls
        assert errors.exit_code_for(cls("x")) == cls.exit_code
    assert errors.exit_code_for(KeyboardInterrupt()) == 130
    assert errors.exit_code_for(ValueError()) == 1
