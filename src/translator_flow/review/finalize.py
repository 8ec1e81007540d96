"""``finalize``: the edited review file becomes the final release and feeds the memory.

Order of work, so that an error leaves nothing behind: read and validate the reviewed
file, rebuild the report, re-run QA on the edited text with the current glossary, read
each row's approval (review/approval.py) and refuse rows not approved or with blocking
findings (unless ``allow_unapproved``), check that no output exists (unless ``force``)
and that the memory's files load, render everything, then write the final DOCX/HTML per
language and the JSON, and only then add the approved pairs to the translation memory.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, UTC
from pathlib import Path
from typing import Any

from ..errors import NotApprovedError, ReviewImportError
from ..model import NO_GLOSSARY_WARNING, RunReport, Translation
from ..tm import TMUnit, TranslationMemory
from .approval import RowApproval, apply_approvals, approval_problems, refusal, row_approvals
from .merge import merge_earlier_final
from .rebuild import baselines, load_json_report, rebuild_report
from .recheck import recheck
from .reviewed import Baseline, ReviewedFile

DOCX_SUFFIXES = (".docx",)
XLIFF_SUFFIXES = (".xliff", ".xlf")
#: Files editors may hand in by mistake, refused with what to do instead.
ODF_SUFFIXES = (".odt", ".fodt")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
#: Prefix of the warnings finalize adds to the final JSON's ``source.warnings`` (CLI: stderr).
FINALIZE_WARNING = "finalize: "


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
    if suffix in ODF_SUFFIXES:
        # LibreOffice's default save. Reading ODF tables and metadata is a second importer
        # for the same contract; saving as .docx keeps everything finalize checks (tested).
        raise ReviewImportError(f"{path} is an OpenDocument file: in LibreOffice use File > Save As, "
                                "save as Word (.docx) (Keep current format), then finalize the .docx.")
    if suffix in HTML_SUFFIXES:
        raise ReviewImportError(f"{path} is a review HTML page, which is for reading only: edit the review "
                                "DOCX (<stem>.<lang>.review.docx) or the XLIFF and finalize that file.")
    raise ReviewImportError(
        f"{path} is not a translator-flow review file (unknown extension {suffix or '(none)'}); "
        "finalize takes the *.review.docx that `translate` wrote, or an .xliff/.xlf export."
    )


def _warned(report: RunReport, warnings: list[str], *, checked_terms: bool) -> RunReport:
    """``report`` with ``warnings`` added (once) to the source warnings the JSON carries.

    translate's "no glossary" warning is dropped when finalize checked the terms itself.
    """
    meta = report.document.meta
    kept = tuple(w for w in meta.warnings if not (checked_terms and w == NO_GLOSSARY_WARNING))
    added = tuple(w for w in warnings if w not in kept)
    return replace(report, document=replace(report.document, meta=replace(meta, warnings=(*kept, *added))))


def _prepare(reviewed: ReviewedFile, baseline_json: dict[str, Any] | None, glossary: Any, *,
             approve_translated: bool) -> tuple[RunReport, dict[str, RowApproval]]:
    """The rebuilt report: current-glossary QA, approvals, notes and finalize's warnings."""
    report = recheck(rebuild_report(reviewed, baseline_json), glossary)
    approvals = row_approvals(reviewed, approve_translated=approve_translated)
    report = apply_approvals(report, approvals, {r.id: r.notes for r in reviewed.rows})
    warnings = []
    if baseline_json is None and reviewed.format == "docx":
        warnings.append(f"{FINALIZE_WARNING}no matching {reviewed.stem}.json beside {reviewed.path.name}: "
                        "edits cannot be told from machine drafts, so every draft counts as edited "
                        "(origin human) and no machine draft is recorded in the memory; keep the JSON "
                        "translate wrote next to the review file.")
    if glossary is None:
        warnings.append(NO_GLOSSARY_WARNING)
    report = _warned(report, warnings, checked_terms=glossary is not None)
    return replace(report, review_notes=reviewed.notes), approvals


def review_report(path: Path, *, glossary: Any = None, qa: bool = True) -> tuple[ReviewedFile, RunReport]:
    """Read, validate and rebuild a reviewed file as a report (QA re-run, approvals read); writes nothing."""
    reviewed = read_review(path)
    if not qa:
        return reviewed, rebuild_report(reviewed, load_json_report(reviewed))
    return reviewed, _prepare(reviewed, load_json_report(reviewed), glossary, approve_translated=False)[0]


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
             date: datetime, approvals: Mapping[str, RowApproval], where: str) -> list[TMUnit]:
    """The approved pairs of a finalized report, with the machine draft each one replaced.

    Only drafts the editor approved (Status, or XLIFF state) and that have no blocking
    finding enter the memory, each carrying its approval (what approved it, in which file,
    when): raw MT never becomes approved memory.
    """
    sources = {s.id: s.source for s in report.segments}
    units = []
    for lang, translation in report.translations.items():
        for target in translation.targets:
            if not target.text.strip() or target.approval != "approved" or target.status == "needs-review":
                continue
            before = base.get((target.segment_id, lang))
            # Only a machine draft is evidence for glossary suggestions (a TM draft was
            # already a person's choice; "none" had no text).
            mt = before.text if before is not None and before.origin in ("mt", "glossary") else ""
            approval = f"{approvals[target.segment_id].evidence} in {where}, {date.strftime('%Y-%m-%d')}"
            units.append(TMUnit(sources[target.segment_id], target.text, lang, date, release, mt, approval))
    return units


def finalize(
    path: Path,
    out_dir: Path | None = None,
    *,
    tm_dir: Path | None = Path("tm"),
    force: bool = False,
    release: str | None = None,
    glossary: Any = None,
    allow_unapproved: bool = False,
    approve_translated: bool = False,
) -> RunReport:
    """Write the final release from an edited review file and remember the approved pairs.

    ``out_dir`` defaults to the reviewed file's folder; ``tm_dir`` None skips the memory;
    ``release`` names the release in the memory (default: the file's stem). Rows not
    approved, or with a blocking finding, raise NotApprovedError listing them (nothing
    written) unless ``allow_unapproved``: they are then written ``needs-review`` and kept
    out of the memory. ``approve_translated``: XLIFF state ``translated`` approves too.
    Returns the final report (``outputs`` lists the files written). Raises
    ReviewImportError (nothing written) for a tampered or foreign file and OutputError
    when an output exists.
    """
    from ..writers.atomic import atomic_write_bytes, check_targets, ensure_out_dir

    reviewed = read_review(path)
    baseline_json = load_json_report(reviewed)  # read once: the rebuild and the TM both need it
    report, approvals = _prepare(reviewed, baseline_json, glossary, approve_translated=approve_translated)
    problems = approval_problems(report, reviewed, approvals)
    if problems and not allow_unapproved:
        raise NotApprovedError(refusal(reviewed.path, problems))
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
    rendered = _render(names, json_report, paths, reviewed.ui_lang)  # everything, before the first write
    ensure_out_dir(out_dir)
    for target, data in rendered.items():
        atomic_write_bytes(target, data, force=force or (target == paths["json"] and merged))
    report = replace(report, outputs=tuple(str(p) for p in paths.values()))
    if memory is not None:
        memory.add(tm_units(baselines(reviewed, baseline_json), report, release or reviewed.stem,
                            datetime.now(UTC).replace(microsecond=0), approvals, reviewed.path.name))
        memory.save()
    return report


def _render(report: RunReport, json_report: RunReport, paths: dict[str, Path], ui_lang: str) -> dict[Path, bytes]:
    from ..writers.json_report import report_to_json
    from ..writers.publish import render_publish_docx, render_publish_html

    rendered = {}
    for lang in report.translations:
        rendered[paths[f"{lang}.docx"]] = render_publish_docx(report, lang, ui_lang)
        rendered[paths[f"{lang}.html"]] = render_publish_html(report, lang, ui_lang).encode("utf-8", errors="replace")
    rendered[paths["json"]] = report_to_json(json_report)
    return rendered


def language_summary(translation: Translation) -> dict[str, int]:
    """Counts for the CLI line: segments, human edits, approvals, editors' notes, issues by severity."""
    approvals = {a: sum(1 for t in translation.targets if t.approval == a)
                 for a in ("approved", "rejected", "query", "unmarked", "unknown")}
    return {"segments": len(translation.targets),
            "edited": sum(1 for t in translation.targets if t.origin == "human"),
            "untranslated": translation.untranslated_count(),
            "needs_review": sum(1 for t in translation.targets if t.status == "needs-review"),
            "notes": sum(len(t.review_notes) for t in translation.targets),
            **approvals,
            **translation.severity_counts()}
