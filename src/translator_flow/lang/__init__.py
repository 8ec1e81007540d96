"""Target-language post-editing: deterministic rules applied to every machine draft.

One registry, :data:`RULES`, maps a language code to its ordered rules. :func:`postedit`
returns the edited text; :func:`postedit_with_offsets` also moves the engine's marks,
since a few rules change the length of the text. Belarusian also has the unknown-word
fallback (:mod:`.be_fallback`), which runs on engine outputs before post-editing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..model import Mark
from ._edits import Rule, apply_rules


def _be() -> tuple[Rule, ...]:
    from . import be

    return be.rules()


def _en() -> tuple[Rule, ...]:
    from . import en

    return en.rules()


#: Rules per target language (the one registry); languages not listed pass unchanged.
RULES: dict[str, Callable[[], tuple[Rule, ...]]] = {"be": _be, "en": _en}


def postedit(text: str, lang: str) -> str:
    """``text`` post-edited by the rules of ``lang`` (unchanged for other languages)."""
    return postedit_with_offsets(text, lang, ())[0]


def postedit_with_offsets(text: str, lang: str, marks: Sequence[Mark]) -> tuple[str, tuple[Mark, ...]]:
    """Post-edit ``text`` and return it with ``marks`` moved to the same words.

    Text under "unknown"/"bilingual" marks (source-language words) is never edited.
    """
    factory = RULES.get(lang)
    if factory is None:
        return text, tuple(marks)
    return apply_rules(text, factory(), marks)
