"""Punctuation inside glossary terms: what may stand between, before and after their words.

Official names carry punctuation: «Постоянная комиссия по образованию, науке и культуре»,
«ОАО «Беларуськалий»», a route «Витебск – Смоленск», «Организация Договора о коллективной
безопасности (ОДКБ)», «гимназия № 1 г. Минска». A term is its words (the matcher's tokens)
and the *gaps* between them; a gap is compared by its signature: spaces dropped, every
quote mark one class (« » „ “ ” " ‟ ‹ ›), every dash one class (hyphen between spaces,
en dash, em dash, minus), anything else (, . ( ) № : ; /) as written. So «Витебск—Смоленск»,
«Витебск - Смоленск» and «Витебск – Смоленск» are one term, and „Беларуськалий“ matches
«Беларуськалий», while «по образованию науке» (a comma missing) does not match.

Quote marks that open or close the term (``prefix``/``suffix``) must be in the text too.
The same classes make the terminology check accept a placed form whose quotes or dashes
the Belarusian typography rules changed.
"""

from __future__ import annotations

import re

QUOTES = "«»„“”\"‟‹›"
DASHES = "-‐‑‒–—―−"
_CLASS = {'"': "[" + re.escape(QUOTES) + "]", "-": "[" + re.escape(DASHES) + "]"}
#: A word of a Belarusian or Russian term: letters and digits, with inner hyphens and
#: apostrophes («Прэм'ер-міністр», «гандлёва-прамысловая» are one word).
WORD = re.compile(r"\w+(?:['’ʼ‐‑-]\w+)*")


def signature(gap: str) -> str:
    """The comparable form of the text between two words (see the module docstring)."""
    out = []
    for ch in gap:
        if ch.isspace():
            continue
        out.append('"' if ch in QUOTES else "-" if ch in DASHES else ch)
    return "".join(out)


def gap_regex(sig: str, *, edge: str = "") -> str:
    """A regex for any text with this signature (spaces free around punctuation).

    ``edge`` is "before" or "after" for the punctuation that opens or closes a term: no
    spaces are taken on its outer side."""
    if not sig:
        return "" if edge else r"\s+"
    inner = r"\s*".join(_CLASS.get(c, re.escape(c)) for c in sig)
    return {"before": inner + r"\s*", "after": r"\s*" + inner}.get(edge, r"\s*" + inner + r"\s*")


def split_term(text: str, word: re.Pattern[str] = WORD) -> tuple[list[str], list[str]]:
    """``(words, gaps)`` of a term; ``gaps`` has one more item: before, between…, after."""
    words, gaps, pos = [], [], 0
    for m in word.finditer(text):
        gaps.append(text[pos : m.start()])
        words.append(m.group(0))
        pos = m.end()
    gaps.append(text[pos:])
    if words:
        gaps[0], gaps[-1] = gaps[0].lstrip(), gaps[-1].rstrip()
    return words, gaps


def join_term(words: list[str], gaps: list[str]) -> str:
    """The inverse of :func:`split_term` (words may have been inflected meanwhile)."""
    out = [gaps[0]]
    for w, g in zip(words, gaps[1:]):
        out += [w, g]
    return "".join(out)


def prefix_start(text: str, start: int, sig: str) -> int | None:
    """Where the punctuation ``sig`` that must open a term at ``start`` begins, or None."""
    pos, need = start, list(sig)
    while need:
        pos -= 1
        if pos < 0:
            return None
        ch = text[pos]
        if ch.isspace():
            continue
        if signature(ch) != need[-1]:
            return None
        need.pop()
    return pos


def suffix_end(text: str, end: int, sig: str) -> int | None:
    """Where the punctuation ``sig`` that must close a term ending at ``end`` ends, or None."""
    pos, need = end, list(sig)
    while need:
        if pos >= len(text):
            return None
        ch = text[pos]
        pos += 1
        if ch.isspace():
            continue
        if signature(ch) != need[0]:
            return None
        need.pop(0)
    return pos


def restyle_quotes(form: str, source: str) -> str:
    """Give ``form`` the quote marks of ``source`` when both have the same number of them
    («ААТ «Беларуськалій»» placed for «ОАО „Беларуськалий“» keeps the inner „ “)."""
    theirs = [c for c in source if c in QUOTES]
    ours = [i for i, c in enumerate(form) if c in QUOTES]
    if not ours or len(theirs) != len(ours):
        return form
    chars = list(form)
    for i, c in zip(ours, theirs):
        chars[i] = c
    return "".join(chars)
