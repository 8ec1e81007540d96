"""The review view and the model lookups it rests on: one place both review writers read."""

from __future__ import annotations

from dataclasses import replace

from report_factory import sample_report

from translator_flow.model import QAIssue, TargetSegment
from translator_flow.writers.review_view import build_review_view


def test_check_counts_are_per_check_in_first_seen_order() -> None:
    be = replace(sample_report().translations["be"], issues=(
        QAIssue("numbers", "blocking", "b1s0", "be", "m"),
        QAIssue("dates", "warning", "b1s0", "be", "m"),
        QAIssue("numbers", "info", "b2s0", "be", "m"),
    ))
    assert be.check_counts() == {"numbers": {"blocking": 1, "warning": 0, "info": 1},
                                 "dates": {"blocking": 0, "warning": 1, "info": 0}}


def test_target_for_names_a_missing_draft() -> None:
    translation = sample_report().translations["be"]
    missing = translation.target_for("b99s0")
    assert missing == TargetSegment.missing("b99s0", "be")
    assert missing.is_untranslated() and missing.error


def test_needs_attention_takes_the_worst_of_issues_marks_and_untranslated() -> None:
    report = sample_report()
    need = report.needs_attention(["be"])
    be = report.translations["be"]
    for seg in report.segments:
        target = be.target_for(seg.id)
        severities = {i.severity for i in be.issues if i.segment_id == seg.id}
        if target.is_untranslated() or target.error or "blocking" in severities:
            assert need.get(seg.id) == "blocking", seg.id
        elif target.marks or "warning" in severities:
            assert need.get(seg.id) == "warning", seg.id
        else:
            assert seg.id not in need, seg.id
    assert list(need) == [s.id for s in report.segments if s.id in need]  # document order


def test_the_view_has_every_segment_and_every_issue_once() -> None:
    report = sample_report()
    view = build_review_view(report, ["be", "en"])
    assert [r.segment.id for r in view.rows] == [s.id for s in report.segments]
    shown = [key for row in view.rows for d in row.drafts for key, _ in d.issues] + [k for k, _ in view.orphans]
    assert sorted(shown) == sorted(f"{lang}-{n}" for lang in ("be", "en")
                                   for n in range(len(report.translations[lang].issues)))
    assert view.total_findings == sum(report.severity_counts(["be", "en"]).values())
