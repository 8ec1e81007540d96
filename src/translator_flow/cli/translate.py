"""`translate` and `demo`: one or more releases in, review packages out."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import EXIT_ENGINE_UNAVAILABLE



def _settings(config: Path | None, **options: object):
    from ..config import load_settings

    return load_settings(config).with_options(**options)


def _targets(ctx: click.Context, param: click.Parameter, value: str | None):
    if value is None:
        return None
    from ..config import parse_targets

    return parse_targets(value)


def _summary(report) -> str:
    parts = []
    for lang, translation in report.translations.items():
        if translation.error:
            parts.append(f"{lang}: not produced")
            continue
        counts = translation.severity_counts()
        untranslated = translation.untranslated_count()
        extra = f", {untranslated} untranslated" if untranslated else ""
        parts.append(
            f"{lang}: {len(translation.targets)} segments{extra}, "
            f"{counts['blocking']} blocking / {counts['warning']} warnings"
        )
    return "; ".join(parts)


def run_translate(inputs: list[Path], settings, fail_on: str | None, echo=click.echo) -> int:
    """Translate ``inputs`` (library: runs.translate_files), printing a line each; the exit code."""
    from ..model import LOUD_WARNING_PREFIXES
    from ..runs import run_exit_code, translate_files

    outcomes = []
    unavailable: dict[str, str] = {}
    start = lambda number, path: echo(f"[{number}/{len(inputs)}] {path} …", nl=False)  # noqa: E731
    said: set[str] = set()
    for outcome in translate_files(inputs, settings, on_start=start):
        outcomes.append(outcome)
        loud = [w for w in (outcome.report.document.meta.warnings if outcome.report else ())
                if w.startswith(LOUD_WARNING_PREFIXES) and w not in said]
        said.update(loud)
        if outcome.error is not None:
            echo(" failed")
            echo(f"Error: {outcome.error}", err=True)
            continue
        echo(f" done in {outcome.seconds:.1f} s — {_summary(outcome.report)}")
        for warning in loud:
            echo(f"Warning: {warning}", err=True)
        assert outcome.report is not None  # no error: a report
        for output in outcome.report.outputs:
            echo(f"    {output}")
        unavailable.update(outcome.unavailable)
    for lang, error in unavailable.items():
        echo(f"Error: {lang} drafts were not written: {error}", err=True)
    return run_exit_code(outcomes, fail_on)


def ui_lang_option():
    """``--ui-lang``: the language of the review files' labels, legend and notes."""
    from ..model import UI_LANGUAGES

    return click.option("--ui-lang", "ui_lang", type=click.Choice(UI_LANGUAGES),
                        help="Language of the review DOCX/HTML labels, legend and notes "
                             "(default: ui_lang in --config, else en).")


def common_options(func):
    """Options shared by `translate` and `batch`."""
    options = [
        click.option("--to", "targets", callback=_targets, metavar="LANGS",
                     help="Target languages, comma-separated (default: be,en)."),
        click.option("--out", "out_dir", type=click.Path(path_type=Path), help="Output folder (default: out)."),
        click.option("--glossary", "glossary", type=click.Path(exists=True, path_type=Path), multiple=True,
                     help="Glossary CSV/TBX file or folder (default: ./glossary). Repeatable."),
        click.option("--tm", "tm_dir", type=click.Path(path_type=Path),
                     help="Translation-memory folder (default: ./tm)."),
        click.option("--force", is_flag=True, default=None, help="Overwrite existing outputs."),
        click.option("--combined", is_flag=True, default=None,
                     help="Also write one ru | be | en review DOCX and HTML."),
        click.option("--xliff", is_flag=True, default=None, help="Also write XLIFF 2.0 per language."),
        click.option("--force-language", is_flag=True, default=None,
                     help="Translate even when the input does not look Russian."),
        click.option("--config", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                     help="TOML settings file."),
        ui_lang_option(),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@common_options
@click.option("--fail-on", type=click.Choice(["blocking", "warning"]),
              help="Exit with code 1 when QA finds issues of this severity or worse.")
def translate(inputs, targets, out_dir, glossary, tm_dir, force, combined, xliff, force_language,
              config, ui_lang, fail_on) -> None:
    """Translate Russian releases (.txt, .docx, .html) into review drafts.

    For each INPUT and language writes OUT/<stem>.<lang>.review.docx/.html (for editors),
    OUT/<stem>.<lang>.docx/.html (publishable drafts) and OUT/<stem>.json.
    Exit codes: 0 ok, 1 QA issues (--fail-on), 2 usage, 3 engine unavailable, 4 bad input.
    """
    settings = _settings(config, targets=targets, out_dir=out_dir, glossary=tuple(glossary) or None,
                         tm_dir=tm_dir, force=force, combined=combined, xliff=xliff,
                         force_language=force_language, ui_lang=ui_lang)
    raise SystemExit(run_translate(list(inputs), settings, fail_on))


@click.command()
@click.option("--samples", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=Path("samples"), show_default=True, help="Folder of sample releases.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("out/demo"),
              show_default=True, help="Where to write the outputs (overwritten).")
@ui_lang_option()
@click.option("--install-model/--no-install-model", default=True, show_default=True,
              help="When no ru→en Argos model is installed, first try to install it from the Argos index.")
@click.option("--install-timeout", type=click.FloatRange(min=0.1), default=5.0, show_default=True,
              help="Seconds to wait for the Argos index before going on without English.")
def demo(samples: Path, out_dir: Path, install_model: bool, install_timeout: float,
         ui_lang: str | None) -> None:
    """Translate the shipped sample releases into OUT (be and en) and list the outputs.

    A networked machine without the English model gets it first (bounded by a short
    timeout); offline, the demo prints the `--from-file` command and goes on."""
    from ..readers import supported_extensions

    suffixes = supported_extensions()  # the readers' registry: one list for translate, batch, demo
    inputs = sorted(p for p in samples.iterdir() if p.suffix.lower() in suffixes)
    if not inputs:
        raise click.UsageError(f"No sample releases ({', '.join(suffixes)}) in {samples}.")
    settings = _settings(None, out_dir=out_dir, force=True, combined=True, ui_lang=ui_lang)
    if install_model and "en" in settings.targets:
        from ..engines.models import ensure_model

        info, attempted, message = ensure_model("ru-en", settings.argos_packages_dir, install_timeout)
        if attempted:
            click.echo(message, err=info is None)
    code = run_translate(inputs, settings, None)
    click.echo(f"\nOutputs are in {out_dir.resolve()}/ — open the *.review.html files in a browser,")
    click.echo("the *.review.docx files in Word or LibreOffice.")
    if code == EXIT_ENGINE_UNAVAILABLE:
        click.echo("English drafts need an Argos ru→en model (see the message above); "
                   "the Belarusian outputs are complete.")
        code = 0
    raise SystemExit(code)
