"""``finalize``: the edited review file becomes the final release and feeds the memory.

Order of work, so that an error leaves nothing behind: read and validate the reviewed
file, rebuild the report, re-run QA on the edited text, check that no output exists
(unless ``force``) and that the memory's files load, render everything, then write the
final DOCX/HTML per language and the JSON, and only then add the approved pairs to the
translation memory.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, UTC
from pathlib import Path
from typing import Any

from ..errors import ReviewImportError
from ..model import RunReport, Translation
from ..tm import TMUnit, TranslationMemory
from .merge import merge_earlier_final
from .rebuild import baselines, load_json_report, rebuild_report
from .reviewed import Baseline, ReviewedFile

DOCX_SUFFIXES = (".docx",)
XLIFF_SUFFIXES = (".xliff", ".xlf")


def read_review(path: Path) -> ReviewedFile:
    """Read and validate a reviewed ``.docx`` or ``.xliff``/``.xlf`` file."""
    path = Path(path)
    if not path.is_file():
        raise ReviewImportError(f"{path} does not exist; give the path of the edited *.review.docx "
                                "(or .xliff) that `translate` wrote.")
    suffix = path.suffix.lower()
    if suffix in DOCX_SUFFIXES:
        from .docx_import import read_review_docx

        return read_review_docx(path)
    if suffix in XLIFF_SUFFIXES:
        from .xliff_import import read_review_xliff

        return read_review_xliff(path)
    raise ReviewImportError(
        f"{path} is not a translator-flow review file (unknown extension {suffix or '(none)'}); "
        "finalize takes the *.review.docx that `translate` wrote, or an .xliff/.xlf export."
    )


def _qa(report: RunReport, glossary: Any) -> RunReport:
    from ..qa import run_document_checks

    translations = {}
    for lang, translation in report.translations.items():
        issues = run_document_checks(report.segments, translation.targets, lang, glossary=glossary)
        translations[lang] = replace(translation, issues=tuple(issues))
    return replace(report, translations=translations)


def review_report(path: Path, *, glossary: Any = None, qa: bool = True) -> tuple[ReviewedFile, RunReport]:
    """Read, validate and rebuild a reviewed file as a report (QA re-run); writes nothing."""
    reviewed = read_review(path)
    report = rebuild_report(reviewed, load_json_report(reviewed))
    return reviewed, (_qa(report, glossary) if qa else report)


def output_paths(stem: str, langs: tuple[str, ...], out_dir: Path) -> dict[str, Path]:
    """Where finalize writes: ``<stem>.<lang>.final.docx/.html`` and ``<stem>.final.json``.

    The JSON is shared by the languages of one release (see :mod:`.merge`).
    """
    paths = {}
    for lang in langs:
        paths[f"{lang}.docx"] = out_dir / f"{stem}.{lang}.final.docx"
        paths[f"{lang}.html"] = out_dir / f"{stem}.{lang}.final.html"
    paths["json"] = out_dir / f"{stem}.final.json"
    return paths


def tm_units(base: Mapping[tuple[str, str], Baseline], report: RunReport, release: str,
             date: datetime) -> list[TMUnit]:
    """The approved pairs of a finalized report, with the machine draft each one replaced.

    Every non-empty draft counts as approved: running finalize is the editors' sign-off
    (the Status column is informative only).
    """
    sources = {s.id: s.source for s in report.segments}
    units = []
    for lang, translation in report.translations.items():
        for target in translation.targets:
            if not target.text.strip():
                continue
            before = base.get((target.segment_id, lang))
            # Only a machine draft is evidence for glossary suggestions (a TM draft was
            # already a person's choice; "none" had no text).
            mt = before.text if before is not None and before.origin in ("mt", "glossary") else ""
            units.append(TMUnit(sources[target.segment_id], target.text, lang, date, release, mt))
    return units


def finalize(
    path: Path,
    out_dir: Path | None = None,
    *,
    tm_dir: Path | None = Path("tm"),
    force: bool = False,
    release: str | None = None,
    glossary: Any = None,
) -> RunReport:
    """Write the final release from an edited review file and remember the approved pairs.

    ``out_dir`` defaults to the reviewed file's folder; ``tm_dir`` None skips the memory;
    ``release`` names the release in the memory (default: the file's stem). Returns the
    final report (``outputs`` lists the files written). Raises ReviewImportError (nothing
    written) for a tampered or foreign file and OutputError when an output exists.
    """
    from ..writers.atomic import atomic_write_bytes, check_targets, ensure_out_dir

    reviewed = read_review(path)
    baseline_json = load_json_report(reviewed)  # read once: the rebuild and the TM both need it
    report = _qa(rebuild_report(reviewed, baseline_json), glossary)
    out_dir = Path(out_dir) if out_dir is not None else reviewed.path.parent
    paths = output_paths(reviewed.stem, reviewed.langs, out_dir)
    # The JSON lists output names (as translate's JSON does); the caller gets full paths.
    names = replace(report, outputs=tuple(p.name for p in paths.values()))
    json_report, merged = merge_earlier_final(names, paths["json"], force=force)
    check_targets([p for key, p in paths.items() if not (key == "json" and merged)], force=force)
    memory = None
    if tm_dir is not None:
        memory = TranslationMemory(Path(tm_dir))
        for lang in reviewed.langs:
            memory.units(lang)  # a broken TMX file stops us here, before any output exists
    rendered = _render(names, json_report, paths)  # everything, before the first write
    ensure_out_dir(out_dir)
    for target, data in rendered.items():
        atomic_write_bytes(target, data, force=force or (target == paths["json"] and merged))
    report = replace(report, outputs=tuple(str(p) for p in paths.values()))
    if memory is not None:
        memory.add(tm_units(baselines(reviewed, baseline_json), report, release or reviewed.stem,
                            datetime.now(UTC).replace(microsecond=0)))
        memory.save()
    return report


def _render(report: RunReport, json_report: RunReport, paths: dict[str, Path]) -> dict[Path, bytes]:
    from ..writers.json_report import report_to_json
    from ..writers.publish import render_publish_docx, render_publish_html

    rendered = {}
    for lang in report.translations:
        rendered[paths[f"{lang}.docx"]] = render_publish_docx(report, lang)
        rendered[paths[f"{lang}.html"]] = render_publish_html(report, lang).encode("utf-8", errors="replace")
    rendered[paths["json"]] = report_to_json(json_report)
    return rendered


def language_summary(translation: Translation) -> dict[str, int]:
    """Counts for the CLI line: segments, human edits, issues by severity."""
    return {"segments": len(translation.targets),
            "edited": sum(1 for t in translation.targets if t.origin == "human"),
            "untranslated": translation.untranslated_count(),
            **translation.severity_counts()}
