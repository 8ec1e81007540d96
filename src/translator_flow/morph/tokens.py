"""Tokens that are not words of a language: why an engine's "unknown word" mark is false.

Apertium marks as unknown (``*``) whatever its Russian analyser does not know, including
pieces that are not Russian words at all: the ending of «9-й», a Roman numeral «XXI», an
initial «В.», the parts of «www.minzdrav.gov.by». None of them needs translating, so
reporting them as "left in Russian" only teaches editors to skip the warnings.
:func:`not_a_word` names what such a token is; abbreviations are told apart
(:func:`is_abbreviation`) because an editor may still want the Belarusian one (МВД → МУС).
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Case endings of Belarusian ordinal numbers written in figures, after a hyphen: «5-ы»,
#: «9-й», «2017-м», «6-ю», «1990-х», «3-га», «20-я», «5-е», «2-і», «3-му», «5-мі» (the last
#: letters of the case form: пяты, дзявятай, дзве тысячы сямнаццатым, шостую …; Правілы
#: беларускай арфаграфіі і пунктуацыі, 2008, on numerals written in figures).
#: Russian-only endings («-го», «-ой», «-ый») are not here: they are left in Russian.
ORDINAL_ENDINGS = frozenset({"ы", "і", "й", "я", "е", "ю", "м", "х", "га", "му", "мі", "ую", "ым", "ая", "ае"})
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# URLs, e-mail addresses and bare domains (a dot-separated name ending in a 2-6 letter TLD).
_URLISH = re.compile(
    r"(?:https?://|ftp://|www\.)\S+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w@.])[\w-]+(?:\.[\w-]+)*\.(?:[a-z]{2,6}|бел|рф)(?:/\S*)?(?![\w])",
    re.IGNORECASE,
)
_UPPER = re.compile(r"[A-ZА-ЯЁІЎ]")


@lru_cache(maxsize=256)
def url_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of URLs, e-mail addresses and domain names in ``text`` (cached: asked once per word)."""
    if "." not in text and "@" not in text:
        return ()
    return tuple(m.span() for m in _URLISH.finditer(text) if "." in m.group().strip(".") or "@" in m.group())


def is_roman_numeral(word: str) -> bool:
    """«XXI», «IV», «II» (Latin capitals forming a valid Roman numeral)."""
    return bool(word) and word.isupper() and _ROMAN.fullmatch(word) is not None


def is_abbreviation(word: str) -> bool:
    """An all-capitals letter abbreviation of 2–8 letters («РНПЦ», «МВД», «ЕАЭС», «НАН»),
    or a capitalised one with inner capitals («БелАЗ»)."""
    letters = word.replace("-", "")
    if not 2 <= len(letters) <= 8 or not letters.isalpha():
        return False
    return letters.isupper() or (letters[0].isupper() and len(_UPPER.findall(letters)) >= 2)


def not_a_word(text: str, start: int, end: int) -> str | None:
    """Why ``text[start:end]`` is no word to translate, or None when it is one.

    Returns "ordinal ending", "Roman numeral", "initial", "web address" or "Latin"
    (a Latin-script word: a brand or code, not Russian left in the draft).
    """
    word = text[start:end]
    if not word:
        return None
    if start >= 2 and text[start - 1] in "-‐–" and text[start - 2].isdigit() and word.lower() in ORDINAL_ENDINGS:
        return "ordinal ending"
    if any(s <= start and end <= e for s, e in url_spans(text)):
        return "web address"
    if is_roman_numeral(word):
        return "Roman numeral"
    if len(word) == 1 and word.isupper() and text[end:end + 1] == ".":
        return "initial"
    if word.isascii() and word.isalpha():
        return "Latin"
    return None
