"""`finalize`, `export-xliff` and `glossary suggest`: the editors' side of the round trip."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import EXIT_QA_BLOCKING


@click.command()
@click.argument("reviewed", type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(path_type=Path),
              help="Output folder (default: the reviewed file's folder).")
@click.option("--tm", "tm_dir", type=click.Path(path_type=Path), default=Path("tm"), show_default=True,
              help="Translation-memory folder that receives the approved pairs.")
@click.option("--no-tm", is_flag=True, help="Do not add the approved pairs to the translation memory.")
@click.option("--release", help="Release name recorded in the memory (default: the file's stem).")
@click.option("--glossary", "glossary", type=click.Path(exists=True, path_type=Path), multiple=True,
              help="Glossary CSV/TBX file or folder for the terminology check. Repeatable.")
@click.option("--force", is_flag=True, help="Overwrite existing final outputs.")
@click.option("--fail-on", type=click.Choice(["blocking", "warning"]),
              help="Exit with code 1 when QA finds issues of this severity or worse in the edited text.")
@click.option("--allow-unapproved", is_flag=True,
              help="Write the final release even with rows not approved or with blocking findings "
                   "(they are marked needs-review and kept out of the memory).")
@click.option("--approve-translated", is_flag=True,
              help="XLIFF: count state \"translated\" as approved too (default: only reviewed/final).")
def finalize(reviewed: Path, out_dir: Path | None, tm_dir: Path, no_tm: bool, release: str | None,
             glossary: tuple[Path, ...], force: bool, fail_on: str | None, allow_unapproved: bool,
             approve_translated: bool) -> None:
    """Turn an edited REVIEWED file (*.review.docx or .xliff) into the final release.

    Checks that only Draft and Status cells were edited (ids, sources and row order intact;
    nothing is written otherwise), re-runs QA on the edited text with the current glossary,
    and refuses (exit 5, listing the rows) rows whose Status is not approved or that have
    blocking findings, unless --allow-unapproved. Writes OUT/<stem>.<lang>.final.docx/.html
    and OUT/<stem>.final.json, and adds the approved pairs to the translation memory.
    """
    from ..model import LOUD_WARNING_PREFIXES
    from ..review import finalize as run_finalize
    from ..review import language_summary
    from ..review.finalize import FINALIZE_WARNING

    from ..glossary import Glossary, load_glossary

    loaded: Glossary | None
    if glossary:
        loaded = load_glossary(tuple(glossary))
    else:  # the same order as translate (glossary/locate.py); none found: finalize warns
        from ..glossary.locate import default_glossary_dir

        found = default_glossary_dir()
        loaded = load_glossary([found]) if found is not None else None
    report = run_finalize(reviewed, out_dir, tm_dir=None if no_tm else tm_dir, force=force,
                          release=release, glossary=loaded, allow_unapproved=allow_unapproved,
                          approve_translated=approve_translated)
    for warning in report.document.meta.warnings:
        if warning.startswith((FINALIZE_WARNING, *LOUD_WARNING_PREFIXES)):
            click.echo(f"Warning: {warning}", err=True)
    for lang, translation in report.translations.items():
        c = language_summary(translation)
        click.echo(f"{lang}: {c['segments']} segments, {c['edited']} edited by editors, "
                   f"{c['untranslated']} without a draft; QA {c['blocking']} blocking / {c['warning']} warnings")
        click.echo(f"    approved {c['approved']}, rejected {c['rejected']}, query {c['query']}, "
                   f"not marked {c['unmarked'] + c['unknown']}; {c['needs_review']} written as needs-review; "
                   f"{c['notes']} editor note(s)")
    if report.review_notes:
        click.echo(f"Editors' notes on the whole release: {len(report.review_notes)}")
    for output in report.outputs:
        click.echo(f"    {output}")
    if not no_tm:
        click.echo(f"Approved pairs added to the translation memory in {tm_dir}/")
    order = {"info": 0, "warning": 1, "blocking": 2}
    if fail_on and any(order[i.severity] >= order[fail_on] for i in report.issues()):
        raise SystemExit(EXIT_QA_BLOCKING)


@click.command(name="export-xliff")
@click.argument("reviewed", type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(path_type=Path),
              help="Output folder (default: the review file's folder).")
@click.option("--force", is_flag=True, help="Overwrite an existing XLIFF file.")
def export_xliff(reviewed: Path, out_dir: Path | None, force: bool) -> None:
    """Export a review DOCX as XLIFF 2.0 (one file per language) for a CAT tool.

    Writes OUT/<stem>.<lang>.xlf with segment ids, notes (QA issues, terms) and states;
    the translated file goes back through `translator-flow finalize`.
    """
    from ..review import export_xliff as run_export

    for path in run_export(reviewed, out_dir, force=force):
        click.echo(str(path))


@click.command(name="suggest")
@click.option("--tm", "tm_dir", type=click.Path(path_type=Path), default=Path("tm"), show_default=True,
              help="Translation-memory folder written by finalize.")
@click.option("--to", "langs", default=None, metavar="LANGS",
              help="Target languages, comma-separated (default: every ru-*.tmx in the folder).")
@click.option("--min-releases", type=click.IntRange(min=1), default=2, show_default=True,
              help="How many releases must show the same edit.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV (ru, lang, target, replaces, releases).")
def glossary_suggest(tm_dir: Path, langs: str | None, min_releases: int, as_csv: bool) -> None:
    """List glossary candidates: phrases editors corrected the same way in several releases.

    Nothing is added to the glossary: a terminologist decides, using the evidence shown.
    """
    from ..tm import TranslationMemory
    from ..tm.suggest import suggest_glossary_entries

    memory = TranslationMemory(tm_dir)
    wanted = [x.strip() for x in langs.split(",") if x.strip()] if langs else memory.langs()
    found = [s for lang in wanted for s in suggest_glossary_entries(memory, lang, min_releases)]
    if as_csv:
        import csv
        import sys

        writer = csv.writer(sys.stdout)
        writer.writerow(["ru", "lang", "target", "replaces", "releases"])
        for s in found:
            writer.writerow([s.ru, s.lang, s.target, s.mt, " ".join(s.releases)])
        return
    if not found:
        click.echo(f"No edit repeated in {min_releases}+ releases in {tm_dir}/ "
                   f"({', '.join(wanted) or 'no memory yet'}).")
        return
    for s in found:
        click.echo(f"{s.ru or '(Russian phrase unclear)'} → [{s.lang}] {s.target}"
                   f"   (replaces «{s.mt}»; releases: {', '.join(r or '?' for r in s.releases)})")
        for ev in s.evidence[:3]:
            click.echo(f"    {ev.release or '?'}: {ev.source}")
