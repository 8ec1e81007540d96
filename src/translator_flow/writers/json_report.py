"""The JSON report: the machine contract other tools build on (docs/output-format.md).

Keys come out in a fixed, documented order; text is written as UTF-8 (``ensure_ascii=False``)
with two-space indentation, so diffs of two runs stay readable.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..model import Mark, QAIssue, RunReport, TargetSegment, TermHit
from .atomic import atomic_write_bytes
from .common import SEVERITY_ORDER, locate_terms, missing_target, signature_dict, targets_by_id

JSON_FORMAT = "translator-flow-report"
#: Bumped on any incompatible change of the keys below; additions keep the version.
JSON_FORMAT_VERSION = 1


def report_to_dict(report: RunReport) -> dict[str, Any]:
    """The JSON contract as plain data: source, signatures, blocks, segments, issues."""
    meta = report.document.meta
    langs = list(report.translations)
    drafts = {lang: targets_by_id(t) for lang, t in report.translations.items()}
    segments = []
    for seg in report.segments:
        targets: dict[str, Any] = {}
        for lang in langs:
            if report.translations[lang].error:
                continue  # the language was not produced: languages.<lang>.error says why
            target = drafts[lang].get(seg.id) or missing_target(seg, lang)
            targets[lang] = _target(target)
        segments.append({
            "id": seg.id,
            "block": seg.block,
            "index": seg.index,
            "start": seg.start,
            "end": seg.end,
            "source": seg.source,
            "targets": targets,
        })
    return {
        "format": JSON_FORMAT,
        "format_version": JSON_FORMAT_VERSION,
        "source": {
            "path": meta.source_path,
            "format": meta.format,
            "sha256": meta.source_sha256,
            "encoding": meta.encoding,
            "title": meta.title,
            "warnings": list(meta.warnings),
        },
        "signature": {lang: signature_dict(t) for lang, t in report.translations.items()},
        "languages": {lang: _language(report, lang) for lang in langs},
        "blocks": [{"index": b.index, "kind": b.kind, "text": b.text} for b in report.document.blocks],
        "segments": segments,
        "issues": [_issue(i) for i in report.issues()],
        "outputs": list(report.outputs),
    }


def report_to_json(report: RunReport) -> bytes:
    """The JSON report as UTF-8 bytes (lone surrogates become ``\\udXXX`` escapes, still JSON)."""
    text = json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"
    return text.encode("utf-8", errors="backslashreplace")


def write_json(report: RunReport, path: Path, *, force: bool = False) -> Path:
    """Write the JSON report atomically; an existing file is replaced only with ``force``."""
    atomic_write_bytes(Path(path), report_to_json(report), force=force)
    return Path(path)


def _language(report: RunReport, lang: str) -> dict[str, Any]:
    translation = report.translations[lang]
    counts = {sev: 0 for sev in SEVERITY_ORDER}
    for issue in translation.issues:
        counts[issue.severity] = counts.get(issue.severity, 0) + 1
    return {
        "error": translation.error,
        "segments": len(translation.targets),
        "untranslated": sum(1 for t in translation.targets if t.status == "untranslated"),
        "issues": counts,
    }


def _target(target: TargetSegment) -> dict[str, Any]:
    return {
        "text": target.text,
        "origin": target.origin,
        "status": target.status,
        "marks": [_mark(m) for m in target.marks],
        "terms": [_term(h, span) for h, span in locate_terms(target.text, target.term_hits)],
        "error": target.error,
        "suggestions": list(target.suggestions),
    }


def _mark(mark: Mark) -> dict[str, Any]:
    return {"kind": mark.kind, "word": mark.word, "start": mark.start, "end": mark.end}


def _term(hit: TermHit, target_span: tuple[int, int] | None) -> dict[str, Any]:
    return {
        "entry_id": hit.entry_id,
        "source_text": hit.source_text,
        "start": hit.start,
        "end": hit.end,
        "approved": hit.approved,
        "target_form": hit.target_form,
        "target_span": list(target_span) if target_span else None,
        "grammar": hit.grammar,
        "lemmas": hit.lemmas,
        "flagged": hit.flagged,
    }


def _issue(issue: QAIssue) -> dict[str, Any]:
    return {
        "check": issue.check,
        "severity": issue.severity,
        "segment_id": issue.segment_id,
        "lang": issue.lang,
        "message": issue.message,
        "span": list(issue.span) if issue.span else None,
    }
