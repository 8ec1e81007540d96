"""`glossary show` as one library call: which entries match a phrase, why, and the forms placed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class PhraseMatch:
    """One glossary entry found in a phrase, with the Belarusian and English placements."""

    entry: Any  # glossary.entries.Entry
    be_hit: Any  # TermHit placed for Belarusian
    en_hit: Any  # TermHit placed for English
    analogies: tuple[str, ...]  # Belarusian forms the paradigm made by analogy (say so: a guess)
    person: str = ""  # a person's gender and where it comes from, e.g. "f (the first name «Наталья»)"


@dataclass(frozen=True)
class PhraseExplanation:
    """Everything `glossary show PHRASE` prints."""

    phrase: str
    entry_count: int
    matches: tuple[PhraseMatch, ...]


def explain_phrase(phrase: str, paths: Sequence[Path | str] | None) -> PhraseExplanation:
    """Load the glossary at ``paths`` (default ./glossary) and explain every match in ``phrase``."""
    from .maintenance import glossary_for

    g = glossary_for(paths)
    hits = g.find(phrase)
    if not hits:
        return PhraseExplanation(phrase, len(g), ())
    _, be_hits = g.protect(phrase, hits, "be")
    _, en_hits = g.protect(phrase, hits, "en")
    matches = []
    for be_hit, en_hit in zip(be_hits, en_hits):
        entry = g.get(be_hit.entry_id)
        paradigm = g.paradigm(entry.id) if entry.be else None
        analogies = tuple(paradigm.analogies) if paradigm is not None and paradigm.analogies else ()
        gender, why = g.matcher.person(entry)
        person = f"{ {'m': 'man', 'f': 'woman'}.get(gender, 'gender unknown')} ({why})" if why else ""
        matches.append(PhraseMatch(entry, be_hit, en_hit, analogies, person))
    return PhraseExplanation(phrase, len(g), tuple(matches))
