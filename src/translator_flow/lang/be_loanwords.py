"""Belarusian spellings of international words the pair and the lexicon do not know.

Medical, technical and scientific terms («гастроэнтерология», «томографии»,
«кардиохирургический») are loanwords with regular Russian→Belarusian correspondences,
so the unknown-word fallback can derive a Belarusian lemma («гастраэнтэралогія»,
«тамаграфія», «кардыяхірургічны») and inflect it with the generator like a lexicon entry.
Rules (Закон Рэспублікі Беларусь № 420-З «Аб правілах беларускай арфаграфіі і
пунктуацыі», 2008, §§ on loanwords; examples checked against skarnik.by):

* аканне: an unstressed о is written а (§ 4); the stress is read off the suffix: -логия,
  -скопия, -номия, -томия carry it on their own о («гастраэнтэралогія»); -лог, -граф, -тор
  on the vowel before («гематолаг»); elsewhere (-ический, -графия, -ция, -ия …) it is in
  the suffix, so every о becomes а («тамаграфія», «кардыяхірургічны»);
* д, т, р and the always-hard ж, ш, ч, ц are hard in loanwords: е → э, и → ы after them
  («тэрапія», «дыягностыка», «рэанімацыя»), і elsewhere;
* after і/ы an unstressed а/о is written я and у is ю («дыягнастычны», «кардыя-»);
* doubled consonants of the source language are written single («каледж», «клас»);
* в after a vowel before a consonant is ў («рэўматолаг», «інфарматыўны»);
* -ический → -ічны, -ционный → -цыйны, -ый/-ий → -ы/-і.

Only nouns and adjectives with one of the suffixes in :data:`NOUN_SUFFIXES` /
:data:`ADJ_SUFFIXES` are respelled, and every result stays marked "fallback" for review:
the stress guess and е/э after з, с, л, н are the known weak points.
"""

from __future__ import annotations

from typing import Any

NOUN_SUFFIXES = ("логия", "графия", "скопия", "номия", "томия", "метрия", "патия", "терапия", "хирургия", "ция",
                 "ия", "изм", "ист", "лог", "граф", "тор")
ADJ_SUFFIXES = ("ический", "ческий", "альный", "ивный", "ционный", "ийный", "ентный", "опный", "идный")
_STRESS_OWN = ("логия", "скопия", "номия", "томия")  # the suffix's о is stressed
_STRESS_BEFORE = ("лог", "граф", "тор")  # the vowel before the suffix is stressed
_VOWELS = set("аеёиоуыэюяі")
_HARD = set("дтржшчц")
_DOUBLES = set("бвгджзклмнпрстфх")


def respell(lemma: str) -> str:
    """The Belarusian spelling of a Russian loanword lemma (lower case in, lower case out)."""
    return "-".join(_respell_part(part, last=(i == lemma.count("-"))) for i, part in enumerate(lemma.split("-")))


def _stress(word: str) -> int | None:
    for suffix in _STRESS_OWN:
        if word.endswith(suffix):
            return len(word) - len(suffix) + suffix.index("о")
    for suffix in _STRESS_BEFORE:
        if word.endswith(suffix):
            before = [i for i, c in enumerate(word[: len(word) - len(suffix)]) if c in _VOWELS]
            return before[-1] if before else None
    return None


def _respell_part(word: str, *, last: bool) -> str:
    if last:
        for ru, be in (("ический", "ичны"), ("ческий", "чны"), ("ционный", "цыйны"), ("ийный", "ійны"), ("ый", "ы"),
                       ("ий", "і")):
            if word.endswith(ru):
                word = word[: -len(ru)] + be
                break
    stress = _stress(word) if last else None
    out: list[str] = []
    for i, ch in enumerate(word):
        prev = out[-1] if out else ""
        nxt = word[i + 1] if i + 1 < len(word) else ""
        if ch == "о" and i != stress:
            ch = "я" if prev in ("і", "ы") else "а"
        elif ch == "а" and prev in ("і", "ы"):
            ch = "я"
        elif ch == "у" and prev in ("і", "ы"):
            ch = "ю"
        elif ch == "е":
            ch = "э" if prev in _HARD else "е"
        elif ch == "и":
            ch = "ы" if prev in _HARD else "і"
        elif ch == "щ":
            ch = "шч"
        elif ch == "ъ":
            ch = "'"
        elif ch == "ь" and prev in _HARD:
            ch = ""
        elif ch == "в" and prev in _VOWELS and (not nxt or nxt not in _VOWELS):
            ch = "ў"
        elif ch in _DOUBLES and prev == ch:
            ch = ""
        out.append(ch)
    return "".join(out)


def candidate(parse: Any) -> tuple[str, str] | None:
    """(Belarusian lemma, lexicon POS) for a pymorphy3 parse of an unknown loanword, or None."""
    lemma = str(parse.normal_form)
    pos = parse.tag.POS
    if pos == "NOUN" and lemma.endswith(NOUN_SUFFIXES) and len(lemma) >= 6:
        return respell(lemma), "n"
    if pos in ("ADJF", "ADJS") and lemma.endswith(ADJ_SUFFIXES) and len(lemma) >= 7:
        return respell(lemma), "adj"
    return None
