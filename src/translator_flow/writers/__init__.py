"""Output writers: review DOCX/HTML, publishable DOCX/HTML, JSON report (and XLIFF via a hook).

:func:`write_outputs` is the one entry point the pipeline uses. It decides every file name
first, refuses before writing anything if one exists (unless ``force``), renders every
document in memory, then writes each file atomically, the JSON report last. python-docx
and jinja2 are imported only when something is rendered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import OutputError
from ..model import RunReport
from .atomic import TEMP_PREFIX, atomic_write, atomic_write_bytes, check_targets, default_stem, ensure_out_dir, safe_stem
from .common import QA_AUTHOR, UNTRANSLATED_MARK, UNTRANSLATED_PUBLISH
from .json_report import JSON_FORMAT_VERSION, report_to_dict, report_to_json, write_json

__all__ = [
    "JSON_FORMAT_VERSION",
    "QA_AUTHOR",
    "TEMP_PREFIX",
    "UNTRANSLATED_MARK",
    "UNTRANSLATED_PUBLISH",
    "default_stem",
    "output_plan",
    "report_to_dict",
    "report_to_json",
    "safe_stem",
    "write_json",
    "write_outputs",
]


def output_plan(report: RunReport, out_dir: Path, *, stem: str | None = None, combined: bool = False,
                xliff: bool = False) -> list[tuple[str, tuple[str, ...], Path]]:
    """Every file :func:`write_outputs` would write, as (kind, languages, path), JSON last.

    Languages whose ``Translation.error`` is set get no files of their own (the JSON report
    records the error). ``stem`` defaults to the input name without ``.ru`` and extension.
    """
    out_dir = Path(out_dir)
    stem = safe_stem(stem) if stem else default_stem(report.document.meta.source_path)
    langs = tuple(lang for lang, t in report.translations.items() if not t.error)
    plan: list[tuple[str, tuple[str, ...], Path]] = []
    for lang in langs:
        name = f"{stem}.{safe_stem(lang)}"
        plan += [
            ("review_docx", (lang,), out_dir / f"{name}.review.docx"),
            ("review_html", (lang,), out_dir / f"{name}.review.html"),
            ("publish_docx", (lang,), out_dir / f"{name}.docx"),
            ("publish_html", (lang,), out_dir / f"{name}.html"),
        ]
        if xliff:
            plan.append(("xliff", (lang,), out_dir / f"{name}.xlf"))
    if combined and len(langs) > 1:  # one language: its own review is the combined view
        plan += [
            ("review_docx", langs, out_dir / f"{stem}.combined.review.docx"),
            ("review_html", langs, out_dir / f"{stem}.combined.review.html"),
        ]
    plan.append(("json", langs, out_dir / f"{stem}.json"))
    return plan


def write_outputs(report: RunReport, out_dir: Path, *, stem: str | None = None, force: bool = False,
                  combined: bool = False, xliff: bool = False, ui_lang: str = "en") -> list[Path]:
    """Write every output of one translated document into ``out_dir``; returns the paths.

    Per language (without error): ``<stem>.<lang>.review.docx``, ``.review.html``, ``.docx``,
    ``.html`` (and ``.xlf`` with ``xliff``); ``<stem>.combined.review.docx/.html`` with
    ``combined``; one ``<stem>.json``. The review files are worded in ``ui_lang`` (en, be,
    ru: labels, legend, notes, headers). Raises OutputError — before writing anything — when a
    target exists and ``force`` is false, or when the folder cannot be created or written.
    """
    out_dir = Path(out_dir)
    stem = safe_stem(stem) if stem else default_stem(report.document.meta.source_path)
    plan = output_plan(report, out_dir, stem=stem, combined=combined, xliff=xliff)
    check_targets([path for _, _, path in plan], force=force)
    write_xliff = _xliff_writer() if xliff else None
    report = replace(report, outputs=tuple(path.name for _, _, path in plan))

    # Everything is rendered before the first write, so a failure leaves no partial set behind.
    rendered = {path: _render(kind, report, list(langs), stem, ui_lang) for kind, langs, path in plan if kind != "xliff"}
    ensure_out_dir(out_dir)
    written: list[Path] = []
    for kind, langs, path in plan:
        if kind == "xliff":
            lang = langs[0]
            # The temp name is not the final one, so the stem is passed explicitly.
            atomic_write(path, lambda tmp, lang=lang: write_xliff(report, lang, tmp, stem=stem), force=force)  # type: ignore[misc]
        else:
            atomic_write_bytes(path, rendered[path], force=force)
        written.append(path)
    return written


def _render(kind: str, report: RunReport, langs: list[str], stem: str, ui_lang: str) -> bytes:
    if kind == "json":
        return report_to_json(report)
    if kind == "review_docx":
        from .review_docx import render_review_docx

        return render_review_docx(report, langs, stem=stem, ui_lang=ui_lang)
    if kind == "review_html":
        from .review_html import render_review_html

        return render_review_html(report, langs, stem=stem, ui_lang=ui_lang).encode("utf-8", errors="replace")
    if kind == "publish_docx":
        from .publish import render_publish_docx

        return render_publish_docx(report, langs[0], ui_lang)
    if kind == "publish_html":
        from .publish import render_publish_html

        return render_publish_html(report, langs[0], ui_lang).encode("utf-8", errors="replace")
    raise ValueError(f"unknown output kind {kind!r}")


def _xliff_writer() -> Callable[..., Any]:
    try:
        from .xliff import write_xliff
    except ImportError as exc:
        raise OutputError(f"The XLIFF writer is not available ({exc}); run without --xliff.") from None
    return write_xliff
