"""Text keys for the translation memory: what counts as "the same sentence".

Press-office texts reach us through Word, web CMSs and e-mail, so the same sentence
arrives with «ёлочки» or "straight" quotes, an em dash or a hyphen, no-break or plain
spaces. None of that changes the translation, so the exact-match key ignores it.
"""

from __future__ import annotations

import re
import unicodedata

# Every quotation mark Russian, Belarusian and English typing produces → one ASCII form.
_QUOTES = str.maketrans(
    {
        "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
        # Dashes and the minus sign: an editor's hyphen where the site had an em dash
        # is the same sentence.
        "—": "-", "–": "-", "‒": "-", "―": "-", "−": "-", "‐": "-", "‑": "-",
        "…": "...",
        # Soft hyphen and zero-width characters are invisible: drop them.
        "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None,
    }
)
# \s covers NBSP (U+00A0), narrow NBSP (U+202F), thin space (U+2009) and friends in
# Python 3's Unicode-aware regex engine.
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r" (?=[,.;:!?)\]])")


def normalize(text: str) -> str:
    """The exact-match key of a sentence: same text once quotes, dashes and spaces agree.

    Case and letters are kept (a capital can matter), except that «ё» is folded to «е»:
    Russian writers use «ё» inconsistently and it never changes the translation.
    """
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    text = text.replace("ё", "е").replace("Ё", "Е")
    text = _SPACES.sub(" ", text).strip()
    return _SPACE_BEFORE_PUNCT.sub("", text)


_WORD = re.compile(r"\w+")


def fuzzy_key(text: str) -> str:
    """The key near matches are scored on: :func:`normalize` plus lower case."""
    return normalize(text).lower()


def stems(key: str, size: int = 5) -> set[str]:
    """Crude word stems (first ``size`` letters) of a fuzzy key, for candidate search.

    Russian inflects word endings («области» / «область»), so two near-identical
    sentences share word beginnings even where their endings differ. Words of one or
    two letters (prepositions, conjunctions) are too common to narrow anything down.
    """
    return {w[:size] for w in _WORD.findall(key) if len(w) > 2}
