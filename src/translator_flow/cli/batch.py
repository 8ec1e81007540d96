"""`batch`: a folder of releases, a progress bar, a report, resumable."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import EXIT_INTERRUPTED
from .translate import _settings, common_options


@click.command()
@click.argument("indir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@common_options
@click.option("--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes (each runs its own engines).")
def batch(indir, targets, out_dir, glossary, tm_dir, force, combined, xliff, force_language, config,
          ui_lang, jobs) -> None:
    """Translate every release under INDIR (recursive) into --out.

    Documents whose outputs exist and whose source, options and glossary are unchanged
    are skipped, so an interrupted batch resumes. Writes OUT/batch-report.json and .csv;
    exits non-zero when any document failed.
    """
    from ..batch import BatchTerminated, run_batch, scan_inputs

    if out_dir is None:
        raise click.UsageError("batch needs --out DIR.")
    settings = _settings(config, targets=targets, out_dir=out_dir, glossary=tuple(glossary) or None,
                         tm_dir=tm_dir, force=force, combined=combined, xliff=xliff,
                         force_language=force_language, ui_lang=ui_lang)
    inputs, unsupported = scan_inputs(indir, exclude=out_dir)
    for path in unsupported:  # nothing silent: a file under INDIR that is not translated says so
        click.echo(f"Skipped {path}: not a release format (supported: "
                   f"{', '.join(_supported())}).", err=True)
    total = len(inputs)
    segments = [0]
    with click.progressbar(length=total, label=f"Translating {total} releases", show_eta=True,
                           show_pos=True, file=sys.stderr,
                           item_show_func=lambda r: r) as bar:
        def on_result(result, done: int, total: int) -> None:
            segments[0] += result.segments
            name = Path(result.document).name
            bar.label = f"{segments[0]} segments"
            bar.update(1, f"{result.status}: {name}")

        try:
            report = run_batch(indir, settings, jobs=jobs, on_result=on_result, inputs=inputs,
                               unsupported=unsupported)
        except BatchTerminated as exc:
            click.echo(f"\nBatch {exc}; workers and engines stopped. Finished documents are kept; "
                       "run the same command again to resume.", err=True)
            raise SystemExit(exc.exit_code) from None
        except KeyboardInterrupt:
            click.echo("\nInterrupted. Finished documents are kept; run the same command again to "
                       "resume.", err=True)
            raise SystemExit(EXIT_INTERRUPTED) from None
    counts: dict[str, int] = {}
    for result in report.results:
        counts[result.status] = counts.get(result.status, 0) + 1
    click.echo(", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "No releases found.")
    for result in report.results:
        if result.status in ("failed", "incomplete"):
            click.echo(f"{result.status}: {result.document}: {result.error}", err=True)
    click.echo(f"Report: {report.report_json} and {report.report_csv}")
    raise SystemExit(report.exit_code)


def _supported() -> tuple[str, ...]:
    from ..readers import supported_extensions

    return supported_extensions()
