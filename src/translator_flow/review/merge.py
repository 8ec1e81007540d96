"""One final JSON per release: languages finalized from separate review files are merged.

``translate`` writes one review file per language by default, so editors finalize
``release.be.review.docx`` and ``release.en.review.docx`` separately. Both write
``release.final.json``; the second run keeps the languages the first one finalized
instead of refusing or dropping them. Replacing a language that is already final still
needs ``force``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..model import RunReport
from ..writers.json_report import read_report_dict, translation_from_dict


def merge_earlier_final(report: RunReport, path: Path, *, force: bool) -> tuple[RunReport, bool]:
    """``report`` plus the other languages of an existing final JSON of the same release.

    Returns (report to write, whether the existing file may be replaced by it). It may
    when the file is a final JSON of the same segments (ids and sources) and holds no
    language of ``report`` — or does, and ``force`` is set.
    """
    data = read_report_dict(path)
    if data is None:
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
                    else translation_from_dict(data, lang) for lang in order}
    outputs = tuple(dict.fromkeys([*(str(o) for o in data.get("outputs") or ()), *report.outputs]))
    return replace(report, translations=translations, outputs=outputs), True
