"""The ``terminology`` check: a thin wrapper over the glossary's own verification.

The glossary package owns term matching and knows every accepted inflected form; QA only
adapts its findings. It is imported when a glossary is given, not before, so QA stays
cheap to import and works without a glossary.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator

from ..model import SEVERITIES, msg
from .base import CheckContext, Finding

GLOSSARY_MODULE = "translator_flow.glossary"


def check_terminology(ctx: CheckContext) -> Iterator[Finding]:
    """Approved glossary terms present in the draft (any inflection); no forbidden variant.

    Delegates to ``translator_flow.glossary.check_terminology(segment_source, target_text,
    hits, lang, glossary) -> list[(severity, message, span)]``.
    """
    if ctx.glossary is None:
        return
    func = importlib.import_module(GLOSSARY_MODULE).check_terminology
    from_memory = ctx.target.origin == "tm"
    for severity, message, span in func(ctx.source, ctx.draft, ctx.target.term_hits, ctx.lang, ctx.glossary):
        if severity not in SEVERITIES:
            raise ValueError(f"glossary check returned severity {severity!r}, expected one of {SEVERITIES}")
        if from_memory and severity == "blocking":
            # An approved memory unit that disagrees with today's glossary: the glossary changed.
            message = msg("translation memory draft predates a glossary change: {message}", message=message)
        yield Finding(message, tuple(span) if span is not None else None, severity)
