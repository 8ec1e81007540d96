"""The click command line: a thin layer over the library.

This package is the only place that imports click. Each command group lives in its own
module; modules import heavy libraries inside the command functions only, so that
``translator-flow --help`` stays instant.
"""

from __future__ import annotations

from typing import Any

import click

from .. import __version__
from ..errors import EXIT_INTERRUPTED, TranslatorFlowError, exit_code_for


class ErrorHandlingGroup(click.Group):
    """Turns a TranslatorFlowError into one clear line on stderr and its exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TranslatorFlowError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exit_code_for(exc))
        except KeyboardInterrupt:  # Ctrl-C anywhere: the shell's 130, not a traceback
            click.echo("\nInterrupted.", err=True)
            ctx.exit(EXIT_INTERRUPTED)


@click.group(cls=ErrorHandlingGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="translator-flow")
def cli() -> None:
    """Translate Russian press releases into Belarusian and English review drafts."""


#: (module, command object name) of every command; helpers add one line each.
COMMANDS: list[tuple[str, str]] = [
    ("translate", "translate"),
    ("translate", "demo"),
    ("batch", "batch"),
    ("review", "finalize"),
    ("review", "export_xliff"),
    ("models", "models"),
    ("evaluate", "eval_cmd"),
    ("glossary", "glossary"),
]


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="translator-flow")


# Commands are registered when this package is imported (the modules hold only click
# declarations; each imports its heavy libraries inside the command function), so
# ``from translator_flow.cli import cli`` is the whole command tree, for tests too.
# At the bottom because the command modules import ErrorHandlingGroup from here.
from importlib import import_module  # noqa: E402

for _module_name, _attr in COMMANDS:
    cli.add_command(getattr(import_module(f"{__name__}.{_module_name}"), _attr))
del _module_name, _attr


if __name__ == "__main__":  # pragma: no cover
    main()
