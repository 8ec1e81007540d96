"""RunReport.severity_counts: counts by severity, per chosen languages."""

from __future__ import annotations

from dataclasses import replace

from translator_flow.model import QAIssue

from report_factory import sample_report


def test_severity_counts_by_language() -> None:
    report = sample_report()
    be = replace(report.translations["be"], issues=(
        QAIssue("numbers", "blocking", "s1", "be", "m"),
        QAIssue("unknown", "warning", "s1", "be", "m"),
        QAIssue("unknown", "warning", "s2", "be", "m"),
    ))
    en = replace(report.translations["en"], issues=(QAIssue("x", "info", "s1", "en", "m"),))
    report = replace(report, translations={"be": be, "en": en})
    assert report.severity_counts(["be"]) == {"blocking": 1, "warning": 2, "info": 0}
    assert report.severity_counts() == {"blocking": 1, "warning": 2, "info": 1}
    assert report.severity_counts([]) == {"blocking": 0, "warning": 0, "info": 0}
