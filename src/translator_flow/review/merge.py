"""One final JSON per release: languages finalized from separate review files are merged.

``translate`` writes one review file per language by default, so editors finalize
``release.be.review.docx`` and ``release.en.review.docx`` separately. Both write
``release.final.json``; the second run keeps the languages the first one finalized
instead of refusing or dropping them. Replacing a language that is already final still
needs ``force``.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..model import QAIssue, RunReport, TargetSegment, Translation
from ..writers.json_report import JSON_FORMAT
from .rebuild import hits_from_json, marks_from_json, signature_from_json


def translation_from_json(data: dict[str, Any], lang: str) -> Translation:
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
            marks=marks_from_json(t.get("marks") or []), term_hits=hits_from_json(t.get("terms") or []),
            error=t.get("error"), suggestions=tuple(str(s) for s in t.get("suggestions") or ())))
    issues = tuple(
        QAIssue(i["check"], i["severity"], i["segment_id"], i["lang"], i["message"],
                tuple(i["span"]) if i.get("span") else None)
        for i in data.get("issues", []) if i.get("lang") == lang)
    error = ((data.get("languages") or {}).get(lang) or {}).get("error")
    return Translation(lang, signature_from_json((data.get("signature") or {}).get(lang)), tuple(targets), issues, error)


def merge_earlier_final(report: RunReport, path: Path, *, force: bool) -> tuple[RunReport, bool]:
    """``report`` plus the other languages of an existing final JSON of the same release.

    Returns (report to write, whether the existing file may be replaced by it). It may
    when the file is a final JSON of the same segments (ids and sources) and holds no
    language of ``report`` — or does, and ``force`` is set.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return report, False
    if not isinstance(data, dict) or data.get("format") != JSON_FORMAT:
        return report, False
    try:
        same = [(s["id"], s["source"]) for s in data["segments"]] == [(s.id, s.source) for s in report.segments]
        earlier = list(data.get("languages") or {})
    except (KeyError, TypeError):
        return report, False
    if not same or (set(earlier) & set(report.translations) and not force):
        return report, False
    order = [*earlier, *(lang for lang in report.translations if lang not in earlier)]
    translations = {lang: report.translations[lang] if lang in report.translations
                    else translation_from_json(data, lang) for lang in order}
    outputs = tuple(dict.fromkeys([*(str(o) for o in data.get("outputs") or ()), *report.outputs]))
    return replace(report, translations=translations, outputs=outputs), True
