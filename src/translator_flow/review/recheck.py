"""QA of the edited text with today's glossary: no finding in a final release is stale.

translate's term hits describe the machine draft and the glossary of that day. Before the
checks run again, each segment's hits are found afresh in its source with the current
glossary; a hit that translate also had, on a draft nobody changed, keeps what translate
recorded (the form it placed, its flag); on an edited draft the editor's text stands, so
the placement flag of the machine draft is dropped. Without a glossary, the saved hits
stay (nothing is checked against them; the final JSON warns "no glossary").
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..model import RunReport, TargetSegment, TermHit


def current_hits(target: TargetSegment, source: str, glossary: Any) -> tuple[TermHit, ...]:
    """The hits of ``source`` in the current glossary, as they apply to ``target``'s text."""
    saved = {(h.entry_id, h.start, h.end): h for h in target.term_hits}
    unchanged = target.origin in ("mt", "glossary", "tm")
    hits = []
    for hit in glossary.find(source):
        old = saved.get((hit.entry_id, hit.start, hit.end))
        if unchanged and old is not None and old.approved == hit.approved:
            hits.append(old)
        else:
            hits.append(replace(hit, target_form="", flagged=""))
    return tuple(hits)


def recheck(report: RunReport, glossary: Any) -> RunReport:
    """``report`` with term hits from ``glossary`` (when given) and QA re-run on every draft."""
    from ..qa import run_document_checks

    sources = {s.id: s.source for s in report.segments}
    translations = {}
    for lang, translation in report.translations.items():
        targets = translation.targets
        if glossary is not None:
            targets = tuple(replace(t, term_hits=current_hits(t, sources[t.segment_id], glossary))
                            for t in targets)
        issues = run_document_checks(report.segments, targets, lang, glossary=glossary)
        translations[lang] = replace(translation, targets=targets, issues=tuple(issues))
    return replace(report, translations=translations)
