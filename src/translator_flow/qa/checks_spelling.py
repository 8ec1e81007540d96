"""The ``spelling`` check: words of a Belarusian draft the Belarusian dictionary rejects.

hunspell-be (qa/spell.py) rejects Russian words left in a draft («встречу», «покой») and
many malformed engine forms («паверхавага»), but it also lacks many medical and official
terms and most names (measured on the dev set's human translations: 36 of 439 distinct
words rejected, e.g. «гематалогіі», «распавёў», «Мінгарвыканкама»). So the grade needs a
second piece of evidence:

* rejected, and pymorphy3's Russian dictionary knows the word → **warning**, "a Russian
  word, not a Belarusian one": the draft still holds Russian;
* rejected, nothing else known → **info**, "not in the Belarusian dictionary".

Not checked: words under an engine mark or with и/щ/ъ (``untranslated`` reports those,
one finding per word), words a ``risky_rendering`` row flags, glossary terms, ordinal endings («5-ы»; «9-паверхавага» is
checked), letters glued to a number («5км»), web addresses, Roman numerals, initials,
abbreviations, Latin words, and capitalised words inside a sentence (names: the
dictionary has few; respelled names carry their own mark).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import msg
from ..morph.tokens import is_abbreviation, not_a_word
from . import spell
from .checks_risky import risky_findings
from .base import CheckContext, Finding

_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")
_RU_LETTERS = re.compile(r"[иИщЩъЪ]")
_OPENERS = frozenset(" \t\n\u00a0\"«„“(—–-")


def _sentence_start(text: str, i: int) -> bool:
    """True when only spaces, quotes or dashes stand between the text start or . ! ? … and ``i``."""
    while i > 0 and text[i - 1] in _OPENERS:
        i -= 1
    if i >= 2 and text[i - 1] == "." and text[i - 2].isupper() and (i == 2 or not text[i - 3].isalpha()):
        return False  # after an initial: «В. Гурко»
    return i == 0 or text[i - 1] in ".!?…"


_NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


def _russian_known(word: str) -> bool:
    """A word of pymorphy3's Russian dictionary; a capitalised name («Гурко») does not count."""
    from ..morph.russian import analyzer

    morph = analyzer()
    if not morph.word_is_known(word.lower()):
        return False
    return not (word[0].isupper() and any(_NAME_TAGS & set(p.tag.grammemes) for p in morph.parse(word)[:3]))


def _term_words(ctx: CheckContext) -> set[str]:
    words: set[str] = set()
    for hit in ctx.target.term_hits:
        for text in (hit.target_form, hit.approved):
            words.update(w.lower() for w in _WORD.findall(text or ""))
    return words


def unavailable(lang: str) -> str:
    """Why the check cannot run for ``lang`` ("" when it can, or when ``lang`` is not Belarusian)."""
    return spell.unavailable_reason() if lang == "be" else ""


def check_spelling(ctx: CheckContext) -> Iterator[Finding]:
    """Words of a Belarusian draft that hunspell-be rejects, graded by whether they are Russian."""
    if ctx.lang != "be" or ctx.identical or spell.unavailable_reason():
        return
    draft = ctx.draft
    rejected = [m for m in _WORD.finditer(draft)  # most words pass here (a cached lookup)
                if not spell.accepts(m.group()) and not (m.group()[0].isupper() and spell.accepts(m.group().lower()))]
    if not rejected:
        return
    # One finding per word: marked words are `untranslated`'s, risky renderings have their fix.
    marked = [(m.start, m.end) for m in ctx.target.marks]
    marked += [span for span, _ in risky_findings(ctx.source, draft)]
    terms = _term_words(ctx)
    for m in rejected:
        word, start, end = m.group(), m.start(), m.end()
        if any(start < e and end > s for s, e in marked) or _RU_LETTERS.search(word):
            continue
        if word.lower() in terms or is_abbreviation(word) or not_a_word(draft, start, end):
            continue
        if (start > 0 and draft[start - 1].isdigit()) or draft[end:end + 1].isdigit():
            continue  # «5км», «А1»: a code or unit glued to a number
        at_sentence_start = _sentence_start(draft, start)
        if word[0].isupper() and not at_sentence_start:
            continue  # a name inside a sentence
        if _russian_known(word):
            yield Finding(msg("«{word}» is a Russian word, not a Belarusian one (the Belarusian dictionary "
                              "does not know it): translate it", word=word), (start, end), "warning")
        elif not word[0].isupper():
            yield Finding(msg("«{word}» is not in the Belarusian dictionary: check the spelling and the "
                              "ending (the dictionary lacks many terms)", word=word), (start, end), "info")
