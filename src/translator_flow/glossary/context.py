"""Choosing the case and number of a term occurrence from its readings and its context.

pymorphy3 gives every reading of a word; «области» alone may be genitive, dative or
locative singular or nominative/accusative plural. Agreement inside the term narrows that
(«Смоленской области» is singular), and a few context rules narrow it further: the
preposition before the term, a person's title before a person (apposition, the title's
case: «Президент Лукашенко», «Глава государства Лукашенко»), a noun before it (a genitive complement: «губернатор
Смоленской области»), the start of a clause (nominative). What remains ambiguous is kept
as alternatives so that the Belarusian placement can be flagged when they differ.

Known limits: no verb government («благодарить» + acc), no coordination beyond
«Брянская и Смоленская области» (number from the noun).
"""

from __future__ import annotations

import re

from ..morph.russian import PYMORPHY_CASE, PYMORPHY_NUMBER, analyse

#: Cases governed by Russian prepositions (Apertium case names), the usual one first.
PREPOSITIONS: dict[str, tuple[str, ...]] = {}
for _words, _cases in (
    ("в во на", "loc acc"),
    ("о об обо", "loc acc"),
    ("при", "loc"),
    ("по", "dat loc acc"),
    ("с со", "ins gen acc"),
    ("к ко", "dat"),
    ("за под подо", "ins acc"),
    ("над надо перед передо", "ins"),
    ("между", "ins gen"),
    ("через про сквозь", "acc"),
    ("благодаря согласно вопреки навстречу", "dat"),
    (
        "у от ото до из изо без безо для около возле после среди кроме вокруг ради против "
        "вместо вне внутри мимо напротив вдоль вблизи из-за из-под посредством путем "
        "накануне относительно",
        "gen",
    ),
):
    for _w in _words.split():
        PREPOSITIONS[_w] = tuple(_cases.split())

#: What may stand between a preposition or noun and the term: spaces, quotes, a bracket.
_GAP = re.compile(r"[\s«»\"„“”'(]*")
#: Text before a term that ends a clause: the term starts a clause (nominative likely).
_CLAUSE_END = re.compile(r"([.!?:;,—–(\-]|\s-)$")
#: How much preceding text the rules look at (a preposition, a noun, a clause boundary).
WINDOW = 80
_PREV_WORD = re.compile(r"(\w+(?:-\w+)*)([\s«»\"„“”'(]*)$")

Reading = tuple[str, str, float]  # (case, number, score)


def choose(
    readings: list[Reading],
    before: str,
    *,
    prefer_singular: bool,
    indeclinable: bool = False,
    person: bool = False,
    at_start: bool = True,
) -> list[Reading]:
    """Order the plausible readings of an occurrence, best first, using ``before`` (the
    text just before it; callers pass at most the last :data:`WINDOW` characters and say
    with ``at_start`` whether that reaches the start of the text). Returns one reading
    when the context decides.

    ``indeclinable``: the words do not show their case («Лукашенко», «АПК»), so after a
    preposition its usual case is taken (с Лукашенко → instrumental). ``person``: a name
    right after a verb is taken as its subject sooner than as its object."""
    if not readings:
        return []
    cands = sorted(readings, key=lambda r: -r[2])
    if prefer_singular and any(r[1] == "sg" for r in cands):
        cands = [r for r in cands if r[1] == "sg"]
    prev = _PREV_WORD.search(before)
    prev_word = prev.group(1).lower().replace("ё", "е") if prev else ""
    stripped = before.rstrip(" \t\u00a0«»\"„“”'")
    governed = PREPOSITIONS.get(prev_word) if prev_word else None
    if governed:
        narrowed = [r for r in cands if r[0] in governed]
        if narrowed:
            # The preposition's usual case first (в/на + locative of place is far more
            # frequent in press releases than + accusative of direction).
            cands = sorted(narrowed, key=lambda r: (governed.index(r[0]), -r[2]))
            if indeclinable:
                cands = cands[:1]
        return _dedupe(cands)
    title = _apposition_cases(before) if person else ()
    if title and any(r[0] in title for r in cands):
        # A person after a title is in apposition and takes its case («Президент Лукашенко
        # подписал», «Глава государства Лукашенко подписал»: the title's genitive complement
        # between them does not count).
        return _dedupe(sorted((r for r in cands if r[0] in title), key=lambda r: title.index(r[0])))
    clause_start = _CLAUSE_END.search(stripped) or (at_start and not stripped)
    if clause_start and any(r[0] == "nom" for r in cands):
        return _dedupe([r for r in cands if r[0] == "nom"])
    if prev_word and any(r[0] == "gen" for r in cands) and _is_noun(prev_word):
        return _dedupe([r for r in cands if r[0] == "gen"])
    if prev_word and _is_transitive_verb(prev_word) and not (person and any(r[0] == "nom" for r in cands)):
        # A direct object is likely, not certain (верить + dat): reorder, keep the rest.
        # A person after a verb is often the inverted subject («сообщил Лукашенко»).
        cands.sort(key=lambda r: r[0] != "acc")
    return _dedupe(cands)


def _is_transitive_verb(word: str) -> bool:
    readings = analyse(word)
    return bool(readings) and readings[0].pos in ("VERB", "INFN") and "tran" in readings[0].grammemes


_LAST_TWO = re.compile(r"(?:(\w+)[ \u00a0]+)?(\w+)[ \u00a0]+$")


def _apposition_cases(before: str) -> tuple[str, ...]:
    """The cases of the title right before a person: the last word when it is a title
    («Президент»), or the word before a genitive complement («Глава государства»)."""
    m = _LAST_TWO.search(before)
    if m is None:
        return ()
    last = m[2].lower().replace("ё", "е")
    cases = _title_cases(last)
    if cases or not m[1] or not any(r.pos == "NOUN" and r.case == "gen" for r in analyse(last)):
        return cases
    return _title_cases(m[1].lower().replace("ё", "е"))


def _title_cases(word: str) -> tuple[str, ...]:
    """The cases of ``word`` read as an animate noun (a title: президент, министр), likeliest first."""
    cases = [r.case for r in analyse(word) if r.pos == "NOUN" and "anim" in r.grammemes and r.case]
    return tuple(dict.fromkeys(cases))


def _is_noun(word: str) -> bool:
    readings = analyse(word)
    return bool(readings) and readings[0].pos == "NOUN" and word not in PREPOSITIONS


def _dedupe(cands: list[Reading]) -> list[Reading]:
    seen: set[tuple[str, str]] = set()
    out = []
    for c in cands:
        if (c[0], c[1]) not in seen:
            seen.add((c[0], c[1]))
            out.append(c)
    return out


def grammar_string(readings: list[Reading]) -> str:
    """``"gent,sing"`` for one reading; alternatives follow after ``|`` (first = chosen)."""
    return "|".join(f"{PYMORPHY_CASE[c]},{PYMORPHY_NUMBER[n]}" for c, n, _ in readings)


def parse_grammar(grammar: str) -> list[tuple[str, str]]:
    """The inverse of :func:`grammar_string`: ``[(case, number), …]`` in Apertium names."""
    inv_case = {v: k for k, v in PYMORPHY_CASE.items()}
    inv_num = {v: k for k, v in PYMORPHY_NUMBER.items()}
    out = []
    for part in grammar.split("|"):
        case, _, number = part.partition(",")
        if case in inv_case:
            out.append((inv_case[case], inv_num.get(number, "sg")))
    return out


_COORDINATION = re.compile(r"\s*(?:,|и|или|а также)\s*", re.IGNORECASE)


def coordinate(previous: list[Reading], between: str, current: list[Reading]) -> list[Reading]:
    """«встреча Анохина и Лукашенко»: a term coordinated with the previous one takes its
    case when that is one of its own readings."""
    if len(current) < 2 or not previous or not _COORDINATION.fullmatch(between):
        return current
    case = previous[0][0]
    same = [r for r in current if r[0] == case]
    return same[:1] if same else current
