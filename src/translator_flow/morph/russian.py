"""Russian morphology: pymorphy3 analyses, cached, in a compact form.

pymorphy3 is imported on first use (it loads its dictionaries in ~0.1 s), never at import
time. Every word is parsed at most once per process (``lru_cache``); matching itself looks
surface forms up in a dict and only parses the words of a candidate match.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .tables import APERTIUM_NUMBER, PYMORPHY_CASE, PYMORPHY_NUMBER, RU_CASE

__all__ = ["PYMORPHY_CASE", "PYMORPHY_NUMBER", "RU_CASE", "Analysis", "analog", "analyse", "analyzer",
           "is_person_part", "lexeme_forms"]

@dataclass(frozen=True)
class Analysis:
    """One pymorphy3 reading of a word, reduced to what the glossary and fallback need."""

    lemma: str  # normal form, lower case, ё→е
    pos: str  # NOUN, ADJF, PRTF, PREP, VERB, … ("" when unknown)
    case: str  # Apertium name (nom, gen, …) or ""
    number: str  # "sg", "pl" or ""
    gender: str  # masc, femn, neut, ms-f or ""
    grammemes: frozenset[str]
    score: float

    @property
    def fixed(self) -> bool:
        """Indeclinable (pymorphy's ``Fixd``): the case must come from the context."""
        return "Fixd" in self.grammemes


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """The process-wide pymorphy3 analyser (loaded on first use)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _norm(word: str) -> str:
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=262_144)
def analyse(word: str) -> tuple[Analysis, ...]:
    """All readings of ``word`` (already lower-cased), best first."""
    result = []
    for p in analyzer().parse(word):
        tag = p.tag
        result.append(
            Analysis(
                lemma=_norm(p.normal_form),
                pos=str(tag.POS or ""),
                case=RU_CASE.get(str(tag.case or ""), ""),
                number=APERTIUM_NUMBER.get(str(tag.number or ""), ""),
                gender=str(tag.gender or ""),
                grammemes=frozenset(tag.grammemes),
                score=float(p.score),
            )
        )
    return tuple(result)


@lru_cache(maxsize=65_536)
def lexeme_forms(word: str, lemma: str, pos: str) -> frozenset[str]:
    """Every surface form (lower case, ё→е) of the lexemes of ``word`` with this lemma and POS."""
    forms: set[str] = {word}
    for p in analyzer().parse(word):
        if _norm(p.normal_form) != lemma or str(p.tag.POS or "") != pos:
            continue
        for form in p.lexeme:
            forms.add(_norm(form.word))
    return frozenset(forms)


def is_person_part(analysis: Analysis) -> str:
    """"name", "surname", "patronymic" or "" for a reading of a word in a person's name."""
    g = analysis.grammemes
    if "Surn" in g:
        return "surname"
    if "Name" in g:
        return "name"
    if "Patr" in g:
        return "patronymic"
    return ""


@lru_cache(maxsize=16_384)
def analog(word: str, pos: str) -> tuple[int, str] | None:
    """For a word pymorphy3 cannot read as a nominative ``pos`` («беларуськалий»): the
    longest known dictionary word it ends with that can («калий»), as (letters before it,
    its lemma). The word then inflects like that ending."""
    morph = analyzer()
    for k in range(1, len(word) - 2):
        tail = word[k:]
        if not morph.word_is_known(tail):
            continue
        for a in analyse(tail):
            if a.pos == pos and a.case == "nom" and a.lemma == tail:
                return k, tail
    return None
