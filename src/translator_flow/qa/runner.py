"""Run the registered QA checks on one segment or a whole translation."""

from __future__ import annotations

from typing import Any
from collections.abc import Iterable, Sequence

from ..errors import ConfigError
from ..model import QAIssue, Segment, TargetSegment
from .base import CheckContext, norm_lang
from .registry import CHECKS, Check


def _selected(enabled: Iterable[str] | None) -> tuple[Check, ...]:
    if enabled is None:
        return tuple(CHECKS.values())
    names = {enabled} if isinstance(enabled, str) else set(enabled)  # "numbers" is one name
    unknown = sorted(names - CHECKS.keys())
    if unknown:
        raise ConfigError(
            f"Unknown QA check(s): {', '.join(unknown)}. Known checks: {', '.join(CHECKS)} "
            "(see docs/checks.md)."
        )
    return tuple(c for c in CHECKS.values() if c.name in names)


def _unavailable(checks: tuple[Check, ...], lang: str) -> list[tuple[Check, str]]:
    """Checks that cannot run for ``lang``, each with why (e.g. a missing dictionary)."""
    return [(c, why) for c in checks if c.unavailable is not None and (why := c.unavailable(norm_lang(lang)))]


def _not_run(check: Check, why: str, segment_id: str, lang: str) -> QAIssue:
    return QAIssue(check.name, "warning", segment_id, lang,
                   f"QA check '{check.name}' did not run: {why}", None)


def _run(checks: tuple[Check, ...], ctx: CheckContext, segment_id: str, lang: str,
         skip: frozenset[str] = frozenset()) -> list[QAIssue]:
    issues: list[QAIssue] = []
    blank = not ctx.draft.strip()
    for check in checks:
        if (blank and check.needs_draft) or check.name in skip:
            continue
        try:
            for f in check.func(ctx):
                issues.append(QAIssue(check.name, f.severity or check.severity, segment_id, lang, f.message, f.span))
        except Exception as exc:
            # Visible, not swallowed: the reviewer sees that this check did not run here.
            issues.append(QAIssue(
                check.name, "warning", segment_id, lang,
                f"QA check '{check.name}' could not run on this segment ({type(exc).__name__}: "
                f"{exc}); review it by hand and report the bug", None,
            ))
    return issues


def run_checks(
    segment: Segment,
    target: TargetSegment,
    lang: str,
    *,
    glossary: Any = None,
    enabled: Iterable[str] | None = None,
) -> tuple[QAIssue, ...]:
    """QA issues of one draft against its source segment, in registry order.

    ``enabled`` limits the run to those check names (an unknown name is a ConfigError);
    ``terminology`` runs only when ``glossary`` is given.
    """
    ctx = CheckContext(segment, target, lang, glossary)
    checks = _selected(enabled)
    missing = _unavailable(checks, lang)
    code = norm_lang(lang)
    not_run = [_not_run(c, why, segment.id, code) for c, why in missing]
    return tuple(not_run + _run(checks, ctx, segment.id, code, frozenset(c.name for c, _ in missing)))


def run_document_checks(
    segments: Sequence[Segment],
    targets: Sequence[TargetSegment],
    lang: str,
    glossary: Any = None,
    *,
    enabled: Iterable[str] | None = None,
) -> tuple[QAIssue, ...]:
    """QA issues of a whole translation, in segment order.

    Targets are matched to segments by ``segment_id``; a segment without a target is
    reported by ``empty`` (a lost sentence is never silent).
    """
    checks = _selected(enabled)
    by_id = {t.segment_id: t for t in targets}
    code = norm_lang(lang)
    missing = _unavailable(checks, lang)
    skip = frozenset(c.name for c, _ in missing)
    # Loud but once: a check that cannot run (hunspell-be missing) is one warning on the
    # document's first segment, not one per segment.
    issues: list[QAIssue] = [_not_run(c, why, segments[0].id, code) for c, why in missing] if segments else []
    for seg in segments:
        target = by_id.get(seg.id)
        if target is None:
            if "empty" in (c.name for c in checks):
                issues.append(QAIssue("empty", CHECKS["empty"].severity, seg.id, code,
                                      "No draft for this segment: it was lost before QA", None))
            continue
        issues.extend(_run(checks, CheckContext(seg, target, lang, glossary), seg.id, code, skip))
    return tuple(issues)
