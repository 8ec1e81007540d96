"""Shared helpers for the table-driven QA tests (not a test module)."""

from __future__ import annotations

from translator_flow.model import Mark, QAIssue, Segment, TargetSegment
from translator_flow.qa import run_checks


def make(source: str, target: str, lang: str, **target_fields) -> tuple[Segment, TargetSegment]:
    """A segment and its draft, as the pipeline would hand them to QA."""
    seg = Segment("b0s0", 0, 0, source, 0, len(source))
    return seg, TargetSegment("b0s0", lang, target, target_fields.pop("origin", "mt"), **target_fields)


def issues(source: str, target: str, lang: str, check: str | None = None, **target_fields) -> tuple[QAIssue, ...]:
    """Issues of one draft, optionally from one check only."""
    seg, tgt = make(source, target, lang, **target_fields)
    return run_checks(seg, tgt, lang, enabled=None if check is None else [check])


def kinds(source: str, target: str, lang: str, check: str | None = None, **target_fields) -> set[tuple[str, str]]:
    """The (check, severity) set of one draft's issues."""
    return {(i.check, i.severity) for i in issues(source, target, lang, check, **target_fields)}


def mark(kind: str, text: str, word: str) -> Mark:
    """A mark on the first occurrence of ``word`` in ``text``."""
    start = text.index(word)
    return Mark(kind, word, start, start + len(word))
