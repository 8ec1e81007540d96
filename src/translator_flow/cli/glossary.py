"""``translator-flow glossary …``: the editors' commands (lint, add, show, export, import).

Thin: each command calls one function of ``translator_flow.glossary`` and prints.
The glossary package (and pymorphy3, lxml) are imported inside the commands only.
"""

from __future__ import annotations

from pathlib import Path

import click

GLOSSARY_OPTION = click.option(
    "--glossary",
    "glossary_paths",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Glossary file or folder (repeatable). Default: ./glossary",
)


@click.group("glossary")
def glossary() -> None:
    """Maintain and inspect the official-terms glossary."""


@glossary.command("lint")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def lint(paths: tuple[Path, ...]) -> None:
    """Check glossary files (default: ./glossary); exit 4 when translate would refuse them, 1 for other problems."""
    from ..glossary.core import DEFAULT_GLOSSARY_DIR
    from ..glossary.lint import lint_paths

    count, problems = lint_paths(list(paths) or [DEFAULT_GLOSSARY_DIR])
    for p in problems:
        click.echo(str(p))
    errors = [p for p in problems if not p.warning]
    if errors:
        click.echo(f"{len(errors)} problem(s); {count} entries readable", err=True)
        # Fatal problems stop translate with a GlossaryError (exit 4); lint says the same.
        raise SystemExit(4 if any(p.fatal for p in errors) else 1)
    warnings = len(problems) - len(errors)
    click.echo(f"OK: {count} entries" + (f" ({warnings} warning(s))" if warnings else ""))


@glossary.command("add")
@click.option("--ru", required=True, help="Russian dictionary form, e.g. «Смоленская область».")
@click.option("--be", default="", help="Approved Belarusian form.")
@click.option("--en", default="", help="Approved English form.")
@click.option("--note", default="", help="Note for editors.")
@click.option("--source", default="", help="Where the official form comes from (site, law).")
@click.option("--id", "entry_id", default=None, help="Entry id (default: made from the English term).")
@click.option("--file", "file", type=click.Path(path_type=Path), default=None,
              help="CSV file to append to. Default: glossary/custom.csv")
@click.option("--new", "new", is_flag=True, default=False,
              help="Start a new glossary in ./glossary when the current folder has none.")
@click.option("--gender", type=click.Choice(["m", "f"], case_sensitive=False), default=None,
              help="A person's gender (the gender column): their names are matched and placed in its forms.")
@GLOSSARY_OPTION
def add(ru: str, be: str, en: str, note: str, source: str, entry_id: str | None,
        file: Path | None, new: bool, gender: str | None, glossary_paths: tuple[Path, ...]) -> None:
    """Add a term (refuses one the glossary already has)."""
    from ..errors import GlossaryError
    from ..glossary.core import DEFAULT_GLOSSARY_DIR
    from ..glossary.maintenance import DEFAULT_ADD_FILE, add_entry, glossary_for

    if file is None and not glossary_paths and not new and not DEFAULT_GLOSSARY_DIR.is_dir():
        # A one-entry ./glossary would silently replace the office glossary in later runs.
        raise GlossaryError(
            "no ./glossary here: give --file PATH.csv of the office glossary, or --new to start one"
        )

    entry = add_entry(glossary_for(glossary_paths), file or DEFAULT_ADD_FILE, ru=ru, be=be, en=en,
                      note=note, source=source, entry_id=entry_id, gender=gender or "")
    click.echo(f"Added {entry.id}: {entry.ru} → {entry.be or '—'} / {entry.en or '—'} ({entry.file})")
    if not source:
        click.echo("Tip: give --source (the site or law the official form comes from).")


@glossary.command("show")
@click.argument("phrase")
@GLOSSARY_OPTION
def show(phrase: str, glossary_paths: tuple[Path, ...]) -> None:
    """Show which entries match a Russian phrase, why, and the forms that would be placed."""
    from ..glossary.explain import explain_phrase

    result = explain_phrase(phrase, glossary_paths)
    if not result.matches:
        click.echo(f"No glossary entry matches «{phrase}» ({result.entry_count} entries).")
        return
    for match in result.matches:
        entry, be_hit, en_hit = match.entry, match.be_hit, match.en_hit
        click.echo(f"«{be_hit.source_text}» [{be_hit.start}:{be_hit.end}] → entry {entry.id} «{entry.ru}» ({entry.where})")
        click.echo(f"  lemmas: {be_hit.lemmas}")
        click.echo(f"  grammar: {be_hit.grammar or '—'}")
        click.echo(f"  be: {be_hit.target_form or '—'}   (approved: {entry.be or '—'})")
        click.echo(f"  en: {en_hit.target_form or '—'}   (approved: {entry.en or '—'})")
        if match.person:
            click.echo(f"  person: {match.person}")
        if match.analogies:
            click.echo(f"  be forms made by analogy: {'; '.join(match.analogies)}")
        if entry.be_forms:
            click.echo(f"  be forms pinned: {', '.join(k for k, _ in entry.be_forms)}")
        for hit in (be_hit, en_hit):
            if hit.flagged:
                click.echo(f"  check: {hit.flagged}")


@glossary.command("export")
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["tbx", "csv"]), default="tbx", show_default=True)
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
@GLOSSARY_OPTION
def export(out: Path, fmt: str, force: bool, glossary_paths: tuple[Path, ...]) -> None:
    """Export the glossary as TBX (for CAT tools) or as one CSV."""
    from ..glossary.maintenance import export_glossary, glossary_for

    n = export_glossary(glossary_for(glossary_paths), out, fmt, force=force)
    click.echo(f"Wrote {n} entries to {out}")


@glossary.command("import")
@click.argument("src", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--to", "dest", type=click.Path(path_type=Path), default=None,
              help="CSV file to write. Default: glossary/<name>.csv")
@click.option("--force", is_flag=True, help="Overwrite the target CSV if it exists.")
@GLOSSARY_OPTION
def import_(src: Path, dest: Path | None, force: bool, glossary_paths: tuple[Path, ...]) -> None:
    """Import a TBX or CSV file into the glossary folder (terms already present are skipped)."""
    from ..glossary.core import DEFAULT_GLOSSARY_DIR
    from ..glossary.maintenance import glossary_for, import_glossary

    target = dest or DEFAULT_GLOSSARY_DIR / (src.stem + ".csv")
    written, skipped = import_glossary(glossary_for(glossary_paths), src, target, force=force)
    for p in skipped:
        click.echo(str(p))
    click.echo(f"Imported {len(written)} entries into {target}" + (f" ({len(skipped)} skipped)" if skipped else ""))


import_.name = "import"


# `glossary suggest` reads the translation memory, so it lives with the review commands.
from .review import glossary_suggest  # noqa: E402

glossary.add_command(glossary_suggest)
