"""The JSON report: the machine contract other tools build on (docs/output-format.md).

One codec: :func:`report_to_dict` writes it and :func:`report_from_dict` reads it back
(finalize, the merge of final reports), side by side so the two cannot drift apart; a
round-trip test holds them equal. Keys come out in a fixed, documented order; text is
written as UTF-8 (``ensure_ascii=False``) with two-space indentation, so diffs of two runs
stay readable.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..model import (
    Block,
    Document,
    DocumentMeta,
    Mark,
    QAIssue,
    RunReport,
    RunSignature,
    Segment,
    TargetSegment,
    TermHit,
    Translation,
)
from .atomic import atomic_write_bytes
from .common import locate_terms

JSON_FORMAT = "translator-flow-report"
#: Bumped on any incompatible change of the keys below; additions keep the version.
JSON_FORMAT_VERSION = 1


def report_to_dict(report: RunReport) -> dict[str, Any]:
    """The JSON contract as plain data: source, signatures, blocks, segments, issues."""
    meta = report.document.meta
    langs = list(report.translations)
    drafts = {lang: t.targets_by_id() for lang, t in report.translations.items()}
    segments = []
    for seg in report.segments:
        targets: dict[str, Any] = {}
        for lang in langs:
            if report.translations[lang].error:
                continue  # the language was not produced: languages.<lang>.error says why
            target = report.translations[lang].target_for(seg.id, drafts[lang])
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
        "signature": {lang: t.signature.as_dict() for lang, t in report.translations.items()},
        "languages": {lang: _language(report, lang) for lang in langs},
        "blocks": [{"index": b.index, "kind": b.kind, "text": b.text} for b in report.document.blocks],
        "segments": segments,
        "issues": [_issue(i) for i in report.issues()],
        "outputs": list(report.outputs),
        "review_notes": list(report.review_notes),
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
    return {
        "error": translation.error,
        "segments": len(translation.targets),
        "untranslated": translation.untranslated_count(),
        "issues": translation.severity_counts(),
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
        "approval": target.approval,
        "review_notes": list(target.review_notes),
    }


def _mark(mark: Mark) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": mark.kind, "word": mark.word, "start": mark.start, "end": mark.end}
    if mark.via:
        out |= {"via": mark.via, "original": mark.original, "lemma": mark.lemma}
    return out


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


# -- reading back -------------------------------------------------------------------------


def read_report_dict(path: Path) -> dict[str, Any] | None:
    """The JSON report at ``path`` as data, or None when it is missing, unreadable or not ours."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != JSON_FORMAT:
        return None
    return data


def report_from_dict(data: dict[str, Any]) -> RunReport:
    """The :class:`RunReport` that :func:`report_to_dict` wrote (``KeyError`` on a broken file).

    Term hits come back with their source offsets; the ``target_span`` written for tools is
    derived data and recomputed by writers.
    """
    src = data.get("source") or {}
    meta = DocumentMeta(str(src.get("path", "")), str(src.get("format", "")), str(src.get("sha256", "")),
                        src.get("encoding"), src.get("title"), tuple(str(w) for w in src.get("warnings") or ()))
    blocks = tuple(Block(int(b["index"]), b["kind"], str(b.get("text", ""))) for b in data.get("blocks", []))
    segments = tuple(
        Segment(str(s["id"]), int(s["block"]), int(s.get("index", 0)), str(s["source"]),
                int(s.get("start", 0)), int(s.get("end", len(str(s["source"])))))
        for s in data["segments"]
    )
    langs = list(data.get("languages") or data.get("signature") or {})
    translations = {lang: translation_from_dict(data, lang) for lang in langs}
    return RunReport(Document(meta, blocks), segments, translations, tuple(str(o) for o in data.get("outputs") or ()),
                     tuple(str(n) for n in data.get("review_notes") or ()))


def translation_from_dict(data: dict[str, Any], lang: str) -> Translation:
    """One language of a JSON report as a Translation (targets, issues, signature, error)."""
    targets = []
    for seg in data["segments"]:
        t = (seg.get("targets") or {}).get(lang)
        if t is None:
            targets.append(TargetSegment(seg["id"], lang, "", "none", "untranslated",
                                         error="no draft was produced for this segment"))
            continue
        targets.append(TargetSegment(
            seg["id"], lang, str(t.get("text", "")), t.get("origin", "mt"), t.get("status", "translated"),
            marks=marks_from_dicts(t.get("marks") or []), term_hits=hits_from_dicts(t.get("terms") or []),
            error=t.get("error"), suggestions=tuple(str(s) for s in t.get("suggestions") or ()),
            approval=t.get("approval") or "", review_notes=tuple(str(n) for n in t.get("review_notes") or ())))
    issues = tuple(
        QAIssue(i["check"], i["severity"], i["segment_id"], i["lang"], i["message"],
                (int(i["span"][0]), int(i["span"][1])) if i.get("span") else None)
        for i in data.get("issues", []) if i.get("lang") == lang)
    error = ((data.get("languages") or {}).get(lang) or {}).get("error")
    signature = RunSignature.from_dict((data.get("signature") or {}).get(lang))
    return Translation(lang, signature, tuple(targets), issues, error)


def hits_from_dicts(terms: list[dict[str, Any]]) -> tuple[TermHit, ...]:
    """Term hits from a report's ``terms`` (malformed entries are skipped)."""
    hits = []
    for t in terms:
        try:
            hits.append(TermHit(str(t["entry_id"]), str(t["source_text"]), int(t["start"]), int(t["end"]),
                                str(t.get("approved", "")), str(t.get("target_form", "")),
                                str(t.get("lemmas", "")), str(t.get("grammar", "")), str(t.get("flagged", ""))))
        except (KeyError, TypeError, ValueError):
            continue
    return tuple(hits)


def marks_from_dicts(marks: list[dict[str, Any]]) -> tuple[Mark, ...]:
    """Engine marks from a report's ``marks`` (malformed entries are skipped)."""
    out = []
    for m in marks:
        try:
            out.append(Mark(m["kind"], str(m["word"]), int(m["start"]), int(m["end"]),
                            str(m.get("via", "")), str(m.get("original", "")), str(m.get("lemma", ""))))
        except (KeyError, TypeError, ValueError):
            continue
    return tuple(out)
