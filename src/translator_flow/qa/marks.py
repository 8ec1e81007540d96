"""One finding per engine mark, graded by evidence and phrased for an editor (issue 15).

A mark says how a word got into the draft; how much an editor should worry depends on
what backs the word up:

| mark | evidence | severity |
| --- | --- | --- |
| unknown / bilingual | the word is still Russian | warning |
| unknown, an abbreviation or a Latin word | kept as in the source, usually right | info |
| fallback via a reviewed lexicon row | + the Belarusian dictionary knows the form | info |
| fallback via a reviewed lexicon row | the dictionary knows neither form nor lemma (a term it lacks) | info |
| fallback via a reviewed lexicon row | the dictionary knows the lemma but not this form | warning |
| fallback: a name respelled letter by letter | + the dictionary knows it | info |
| fallback: a name respelled letter by letter | no vowel that depends on stress (о, е, ё): the letter rules decide it | info |
| fallback: a name respelled letter by letter | no other evidence | warning |
| fallback: a surname that is also a common word (lang/be_names.py) | + the dictionary knows it | info |
| fallback: a surname that is also a common word | no other evidence | warning |
| fallback: an ending re-chosen for agreement | + the dictionary knows the form | info |
| fallback: Latin look-alike letters replaced by Cyrillic (lang/be_script.py) | — | info |
| fallback: case/preposition set by the Belarusian verb's government (lang/be_government.py) | — | info |
| fallback: gender set to agree with a Belarusian subject of another gender | — | info |
| fallback: a Russian short adjective made a predicative adverb («няпроста») | — | info |
| fallback: a postposed participle made a relative clause (lang/be_participles.py) | — | info |
| fallback: a participle before its noun, not rewritten (lang/be_participles.py) | — | warning |
| generation (the engine could not inflect) | — | warning |

hunspell-be lacks whole words rather than single forms (it rejects 36 of the 439 distinct
words of the dev set's human translations, mostly terms and compounds: «гематалогіі»,
«медустаноў»), so a reviewed word it does not know at all is no evidence against the row;
a lemma it knows with a form it rejects points at the ending («існуючаму»). Without the
spell-checker (hunspell-be missing) nothing counts as confirmed, so every fallback word
stays a warning; the ``spelling`` check says the dictionary is missing.
"""

from __future__ import annotations

from ..model import Mark, Severity, msg
from ..morph.tokens import is_abbreviation, not_a_word
from . import spell
from .base import Finding


def _known(text: str) -> bool:
    """True when the dictionary knows every word of ``text`` (False when it is missing)."""
    if spell.unavailable_reason():
        return False
    parts = [w for w in text.replace("-", " ").split() if any(c.isalpha() for c in w)]
    return bool(parts) and all(spell.accepts(w) or spell.accepts(w.lower()) for w in parts)


#: Russian vowels whose Belarusian letter depends on the stress (аканне and яканне: an
#: unstressed о is а, е is я or е — Правілы беларускай арфаграфіі і пунктуацыі, 2008, §§ 4–5);
#: every other letter of a Russian name has one Belarusian spelling (и → і/ы, щ → шч, ъ → ’).
_STRESS_DEPENDENT = frozenset("оеёОЕЁ")


def spelled_by_rule(russian: str) -> bool:
    """True when the letter rules alone give a Russian name's Belarusian spelling («Вильчук» →
    «Вільчук»), so nothing in it is a guess; False for «Кушниренко», «Петров» (stress)."""
    return bool(russian) and russian[:1].isupper() and not _STRESS_DEPENDENT & set(russian)


def mark_finding(mark: Mark, draft: str) -> Finding:
    """The one finding an engine or fallback mark produces in a Belarusian (or any) draft."""
    w, span = mark.word, (mark.start, mark.end)
    if mark.kind in ("unknown", "bilingual"):
        what = not_a_word(draft, mark.start, mark.end)
        if is_abbreviation(w):
            return Finding(msg("Abbreviation «{word}» is kept as in the Russian text: check whether Belarusian "
                               "uses another one (e.g. МВД → МУС)", word=w), span, "info")
        if what == "Latin":
            return Finding(msg("«{word}» is kept in Latin letters as in the source (a name or code)", word=w),
                           span, "info")
        why = (msg("the engine does not know this word") if mark.kind == "unknown"
               else msg("the engine's dictionary has no translation for it"))
        if w[:1].isupper() and mark.start > 0:
            return Finding(msg("«{word}» is still in Russian ({why}): if it is a name, write its Belarusian "
                               "spelling; otherwise translate it", word=w, why=why), span, "warning")
        return Finding(msg("«{word}» is still in Russian ({why}): translate it", word=w, why=why), span, "warning")
    if mark.kind == "generation":
        return Finding(msg("The engine could not give «{word}» its ending here: write the right form", word=w),
                       span, "warning")
    if mark.kind == "fallback":
        return _fallback_finding(mark, span)
    return Finding(msg("«{word}» is marked by the engine: check it", word=w), span, "warning")


def _fallback_finding(mark: Mark, span: tuple[int, int]) -> Finding:
    w, orig = mark.word, mark.original
    known = _known(w)
    sev: Severity = "info" if known else "warning"
    from_ru = msg(" (Russian «{original}»)", original=orig) if orig and orig != w else ""
    if mark.via == "lexicon":
        if known:
            return Finding(msg("«{word}» was translated from the reviewed word list{from_ru}; the Belarusian "
                               "dictionary knows this form", word=w, from_ru=from_ru), span, sev)
        if mark.lemma and not spell.unavailable_reason() and not _known(mark.lemma):
            return Finding(msg("«{word}» was translated from the reviewed word list{from_ru}; the Belarusian "
                               "dictionary does not have this word (it lacks many terms): check it if unsure",
                               word=w, from_ru=from_ru), span, "info")
        return Finding(msg("«{word}» was translated from the reviewed word list{from_ru}, but the Belarusian "
                           "dictionary does not know this form: check the ending", word=w, from_ru=from_ru),
                       span, sev)
    if mark.via == "name":
        if known:
            return Finding(msg("Name «{word}» was respelled in Belarusian letters{from_ru}; the Belarusian "
                               "dictionary knows it", word=w, from_ru=from_ru), span, sev)
        if spelled_by_rule(orig):
            return Finding(msg("Name «{word}» was respelled by the letter rules{from_ru}; none of its letters "
                               "depends on the stress: check it only if the person writes it otherwise",
                               word=w, from_ru=from_ru), span, "info")
        return Finding(msg("Name «{word}» was respelled letter by letter{from_ru}: check the official "
                           "Belarusian spelling", word=w, from_ru=from_ru), span, sev)
    if mark.via == "surname":
        return Finding(msg("«{word}» looks like a surname (Russian «{original}») that is also a common word; it is "
                           "kept as a name: check its official Belarusian spelling", word=w, original=orig), span,
                       "info" if known else "warning")
    if mark.via == "participle":  # lang/be_participles.py: a postposed participle rewritten
        return Finding(msg("«{word}» is a relative clause made from a Russian participle (of «{original}»): "
                           "Belarusian prefers «які …» to participles in -учы; check the sense", word=w,
                           original=orig), span, "info")
    if mark.via == "participle-prepositive":  # a participle before its noun: left to the editor
        if orig:
            return Finding(msg("Participle: Belarusian prefers a relative clause «{clause}» after the noun "
                               "(«кампанія, якая працуе»): rewrite this phrase", clause=orig), span, "warning")
        return Finding(msg("Participle: Belarusian prefers a relative clause with «які» after the noun "
                           "(«кампанія, якая працуе»): rewrite this phrase"), span, "warning")
    if mark.via == "script":
        return Finding(msg("«{word}» had Latin look-alike letters («{original}»); they were replaced by "
                           "Cyrillic ones: nothing to do unless the word is really Latin", word=w, original=orig),
                       span, "info")
    if mark.via == "government":
        return Finding(msg("«{word}»: the preposition and case were changed to what the Belarusian verb takes "
                           "(e.g. хварэць на + accusative): check the phrase", word=w), span, "info")
    if mark.via == "gender":
        return Finding(msg("«{word}» was put in the gender of the Belarusian subject, which differs from the "
                           "Russian one: check that it agrees with the right word", word=w), span, "info")
    if mark.via == "predicative":
        return Finding(msg("«{word}» replaces a Russian short adjective (Belarusian uses the predicative form "
                           "here): check it", word=w), span, "info")
    if mark.via == "agreement":
        if known:
            return Finding(msg("The ending of «{word}» was chosen to agree with the next word; the Belarusian "
                               "dictionary knows the form", word=w), span, sev)
        return Finding(msg("The ending of «{word}» was chosen to agree with the next word: check it", word=w),
                       span, sev)
    return Finding(msg("«{word}» was not translated by the engine but filled in afterwards: check it", word=w),
                   span, "warning")
