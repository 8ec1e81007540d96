"""The patterns the matcher looks for: words with their accepted forms, and the gaps between.

A :class:`Pattern` is one way an entry can appear in a text (the whole term, a person's
surname alone, «Витебск-Смоленск» written as one word); each :class:`TermWord` carries the
surface forms accepted at its place, and for a person's word the cases of each form.
"""

from __future__ import annotations

from dataclasses import dataclass

from .entries import normalise
from .people import Table

_INFLECTING = ("adj", "head", "name", "surname", "patronymic")


@dataclass(frozen=True)
class TermWord:
    """One word of a pattern and the surface forms accepted at its place."""

    text: str  # as written in the glossary
    lemma: str  # pymorphy normal form (inflecting words) or the normalised surface
    role: str  # adj | head | fixed | name | surname | patronymic
    pos: str
    gender: str
    forms: frozenset[str]
    strip: int = 0  # inflected like its known ending: letters to drop before analysing
    key: str = ""  # the lemma readings must have ("" = ``lemma``)
    table: Table = ()  # a person's word: every form → its cases (people.py)

    @property
    def inflects(self) -> bool:
        return self.role in _INFLECTING


@dataclass(frozen=True)
class Pattern:
    """A sequence of words that, found in a text, is an occurrence of one entry."""

    entry: int  # index into the matcher's entries
    words: tuple[TermWord, ...]
    kind: str  # "term", "person" (full name) or "surname"
    proper: bool  # a name (capitalised term): plural readings are unlikely
    gaps: tuple[str, ...] = ()  # signatures of the punctuation between words (gaps.py)
    gender: str = ""  # a person's: "m", "f" or "" (unknown)
    gender_why: str = ""  # where the gender comes from (the column, the first name, a guess)
    prefix: str = ""  # punctuation that opens the term («…»: a quote)
    suffix: str = ""  # punctuation that closes it

    def gap(self, k: int) -> str:
        """The signature of the gap before word ``k`` (1-based; "" = spaces only)."""
        return self.gaps[k - 1] if k - 1 < len(self.gaps) else ""

    @property
    def head(self) -> int:
        for i, w in enumerate(self.words):
            if w.role in ("head", "surname"):
                return i
        return 0


def hyphen_variant(pattern: Pattern) -> list[Pattern]:
    """«Витебск – Смоленск» written «Витебск-Смоленск» is one token: a pattern where the
    fixed words around each dash are one hyphenated word."""
    words, gaps = [pattern.words[0]], []
    for k in range(1, len(pattern.words)):
        w, prev = pattern.words[k], words[-1]
        if pattern.gap(k) == "-" and w.role == prev.role == "fixed":
            text = f"{prev.text}-{w.text}"
            words[-1] = TermWord(text, normalise(text), "fixed", "", "", frozenset({normalise(text)}))
        else:
            words.append(w)
            gaps.append(pattern.gap(k))
    if len(words) == len(pattern.words):
        return []
    return [Pattern(pattern.entry, tuple(words), pattern.kind, pattern.proper, tuple(gaps),
                    prefix=pattern.prefix, suffix=pattern.suffix)]
