"""`models list` and `models install`: the Argos models the English engine needs."""

from __future__ import annotations

from pathlib import Path

import click

from . import ErrorHandlingGroup

_PACKAGES_DIR = click.option(
    "--packages-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Argos packages folder (default: $ARGOS_PACKAGES_DIR or Argos's own).",
)


@click.group("models", cls=ErrorHandlingGroup)
def models() -> None:
    """List and install Argos Translate models (English drafts need ru-en)."""


@models.command("list")
@_PACKAGES_DIR
def list_command(packages_dir: Path | None) -> None:
    """Show the installed Argos models."""
    from ..engines.models import list_models, resolve_packages_dir

    folder = resolve_packages_dir(packages_dir)
    installed = list_models(folder)
    if not installed:
        click.echo(
            f"No Argos models are installed in {folder}.\n"
            "Install the English model: translator-flow models install ru-en "
            "(offline: add --from-file translate-ru_en.argosmodel)."
        )
        return
    for info in installed:
        if info.problem:
            click.echo(f"unusable  {info.path.name}: {info.problem}  ({info.path})")
        else:
            click.echo(f"{info.from_code} → {info.to_code}    {info.model_id}    {info.path}")


@models.command("install")
@click.argument("pair", default="ru-en")
@click.option(
    "--from-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Install from an .argosmodel file (no network needed).",
)
@_PACKAGES_DIR
def install_command(pair: str, from_file: Path | None, packages_dir: Path | None) -> None:
    """Install the Argos model for PAIR (default ru-en) from the Argos index or a file."""
    from ..engines.models import install_model, list_models, parse_pair, resolve_packages_dir

    src, tgt = parse_pair(pair)
    folder = resolve_packages_dir(packages_dir)
    before = [m for m in list_models(folder) if (m.from_code, m.to_code) == (src, tgt)]
    if from_file is None:
        click.echo(f"Fetching the Argos package index for {src}→{tgt} …", err=True)
    info = install_model(pair, from_file=from_file, packages_dir=folder)
    replaced = [m.model_id or m.path.name for m in before if m.path != info.path or m.version != info.version]
    note = f" (replaced {', '.join(replaced)})" if replaced else ""
    click.echo(f"Installed {info.from_code} → {info.to_code} {info.model_id} in {info.path}{note}.")
