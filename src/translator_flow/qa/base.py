"""What every QA check receives (:class:`CheckContext`) and returns (:class:`Finding`).

Kept apart from the registry so check modules never import the registry (no cycles).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from collections.abc import Callable, Iterable

from ..model import Segment, Severity, TargetSegment

#: Cyrillic letters (the whole block: Russian, Belarusian і/ў, Ukrainian …).
CYR = "\u0400-\u04ff"
#: Latin letters, basic and Latin-1/Extended-A/B, without × and ÷.
LAT = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
#: Languages written in Cyrillic; a draft in any other language should hold no Cyrillic.
CYRILLIC_LANGS = frozenset({"ru", "be", "uk"})

_CYR_WORD_RE = re.compile(rf"(?<![{CYR}{LAT}])[{CYR}]{{2,}}(?![{CYR}{LAT}])")
_WS_RE = re.compile(r"\s+")


def norm_lang(lang: str) -> str:
    """The primary language subtag, lower case: "be-BY" → "be", "EN_gb" → "en"."""
    return lang.replace("_", "-").split("-", 1)[0].lower()


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a check found: a reviewer-readable message, where, and how serious.

    ``severity`` None means the check's default severity.
    """

    message: str
    span: tuple[int, int] | None = None
    severity: Severity | None = None


class CheckContext:
    """One source segment and its draft in one language, with facts several checks share."""

    __slots__ = ("_identical", "draft", "glossary", "lang", "segment", "source", "target")

    def __init__(self, segment: Segment, target: TargetSegment, lang: str, glossary: Any = None):
        self.segment = segment
        self.target = target
        self.source = segment.source or ""
        self.draft = target.text or ""
        self.lang = norm_lang(lang)
        self.glossary = glossary
        self._identical: bool | None = None

    @property
    def identical(self) -> bool:
        """True when the draft is the source again (whitespace aside) for a real sentence:
        at least three Cyrillic words, so «ОАО «Гомсельмаш»» kept as is does not count."""
        if self._identical is None:
            same = _WS_RE.sub(" ", self.draft).strip() == _WS_RE.sub(" ", self.source).strip()
            self._identical = same and len(_CYR_WORD_RE.findall(self.source)) >= 3
        return self._identical


CheckFunc = Callable[[CheckContext], Iterable[Finding]]
