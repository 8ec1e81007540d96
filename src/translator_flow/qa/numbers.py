"""Locale-aware parsing of numbers and dates in Russian, Belarusian and English text.

The QA checks compare what a source and a draft *say*, not how they write it: «1 000,5»
(space, no-break space or narrow no-break space for thousands, comma decimals) and
«1,000.5» are one value; «10 тысяч», «10 тыс.» and «10 thousand» are 10000; «2,5 млн» and
«2.5 million» are 2500000; «14.00»/«14:00» and «2 p.m.» are the hour 14. Values are
:class:`~decimal.Decimal` so equality is exact (``Decimal("2.50") == Decimal("2.5")`` and
their hashes agree, so they work in a Counter).

Known limits (kept on purpose, see docs/checks.md): slash dates (03/12/2025) are read as
three plain numbers; signs are ignored (−5 and 5 are one value); a thousands group written
with spaces is joined greedily («из 15 200 участников» is 15200).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from ..model import msg
from functools import lru_cache

#: Languages that write decimal commas and space-grouped thousands.
COMMA_DECIMAL_LANGS = frozenset({"ru", "be", "uk"})

_SP = " \u00a0\u202f\u2009"  # space, no-break space, narrow no-break space, thin space

# --- scale words --------------------------------------------------------------------------
# Russian and Belarusian forms are listed ending by ending (not a loose \w*) so that
# «тысячелетие» or «миллионный» never reads as a multiplier.
_SCALES: tuple[tuple[str, int], ...] = (
    (r"тыс\.?|тысяч(?:а|и|у|ей|ею|ы|ай|аю|ам|ами|амі|ах)?", 10**3),
    (r"млн\.?|миллион(?:а|у|ом|е|ы|ов|ам|ами|ах)?|мільён(?:а|у|ам|е|ы|аў|амі|ах)?", 10**6),
    (r"млрд\.?|миллиард(?:а|у|ом|е|ы|ов|ам|ами|ах)?|мільярд(?:а|у|ам|зе|ы|аў|амі|ах)?", 10**9),
    (r"трлн\.?|триллион(?:а|у|ом|е|ы|ов|ам|ами|ах)?|трыльён(?:а|у|ам|е|ы|аў|амі|ах)?", 10**12),
    (r"thousands?|k(?![a-z])", 10**3),
    (r"millions?|mln\.?|mn(?![a-z])", 10**6),
    (r"billions?|bn(?![a-z])|bln\.?", 10**9),
    (r"trillions?", 10**12),
)
_SCALE_WORD = "|".join(f"(?:{p})" for p, _ in _SCALES)
_SCALE_RES = tuple((re.compile(f"(?:{p})$", re.IGNORECASE), v) for p, v in _SCALES)

# One pass finds every number: a space-grouped number («1 000 000,5»), or a run of digits
# joined by '.' / ',' («1,000.5», «2,5», «12.03.2025»), then an optional scale word.
_NUMBER_RE = re.compile(
    rf"""(?=[0-9])(?<![0-9])  # the lookahead first lets the engine skip to digits fast
    (?P<num>[0-9]{{1,3}}(?:[{_SP}][0-9]{{3}})+(?![0-9])(?:[.,][0-9]+)?
           |[0-9]+(?:[.,][0-9]+)*)
    (?:[{_SP}-]?(?P<scale>{_SCALE_WORD})(?![^\W\d_]))?""",
    re.VERBOSE | re.IGNORECASE,
)
# Numeric dates: dd.mm.yyyy (dd.mm.yy) and ISO yyyy-mm-dd.
_NUMERIC_DATE_RE = re.compile(
    r"(?=[0-9])(?<![0-9.,])(?:(?P<d>[0-3]?[0-9])\.(?P<m>[01]?[0-9])\.(?P<y>[0-9]{4}|[0-9]{2})"
    r"|(?P<iy>[12][0-9]{3})-(?P<im>[01][0-9])-(?P<id>[0-3][0-9]))(?![0-9]|[.,][0-9])"
)
# Times: «14:30» everywhere; «14.30» in Russian/Belarusian after «в/с/до/к/по/у/ад/да/а/ў»
# or before «ч»/«час»/«гадз», where a dot-decimal would be unusual anyway.
_TIME_COLON_RE = re.compile(r"(?=[0-9])(?<![0-9.,:])([01]?[0-9]|2[0-3]):([0-5][0-9])(?![0-9]|[.,:][0-9])")
_TIME_DOT_RE = re.compile(r"(?=[0-9])(?<![0-9.,])([01]?[0-9]|2[0-3])\.([0-5][0-9])(?![0-9]|[.,][0-9])")
_TIME_BEFORE = frozenset(["в", "во", "с", "со", "до", "к", "по", "у", "ў", "ад", "да", "а", "з", "са", "із"])
_TIME_AFTER_RE = re.compile(r"[\s\u00a0]*(?:ч\b|час|гадз)", re.IGNORECASE)
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)[\s\u00a0]+$")
_RANGE_BEFORE_RE = re.compile(r"[0-9]{1,2}[.:][0-5][0-9][\s\u00a0]*[–—-][\s\u00a0]*$")


def _dot_time(text: str, m: re.Match[str]) -> bool:
    """Whether «14.30» at ``m`` is a time: after «в/с/з/до/…», before «ч/час/гадз», or
    ending a range that starts with a time («16.00 – 18.00»)."""
    window = text[max(0, m.start() - 12):m.start()]
    before = _WORD_BEFORE_RE.search(window)
    return (bool(before and before[1].lower() in _TIME_BEFORE)
            or bool(_RANGE_BEFORE_RE.search(window))
            or bool(_TIME_AFTER_RE.match(text, m.end())))


_AMPM_RE = re.compile(
    r"(?=[0-9])(?<![0-9.,:])(1[0-2]|0?[0-9])(?:[:.]([0-5][0-9]))?[\s\u00a0]?([ap])\.?[\s\u00a0]?m\b\.?",
    re.IGNORECASE,
)


_DIGIT_RE = re.compile("[0-9]")


@dataclass(frozen=True, slots=True)
class Number:
    """One numeric value found in a text, with the characters it came from."""

    value: Decimal
    text: str
    start: int
    end: int
    hint: str = ""  # a format remark, e.g. a decimal comma in an English draft


def _interpret(raw: str, lang: str) -> tuple[list[Decimal], str]:
    """Turn one digit run into value(s) for ``lang``; returns (values, format hint)."""
    compact = re.sub(f"[{_SP}]", "", raw)
    if compact.isdigit():
        return [Decimal(compact)], ""
    if compact != raw:  # space-grouped with a fractional part
        return [Decimal(compact.replace(",", "."))], ""
    groups = re.split(r"[.,]", raw)
    seps = set(re.findall(r"[.,]", raw))
    comma_lang = lang in COMMA_DECIMAL_LANGS
    thousands = len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
    if len(seps) == 1 and len(groups) > 2:
        # «1,000,000» (en) or «1.000.000»: grouping when every group has 3 digits,
        # otherwise a version-like run «1.2.3»: its parts separately.
        if thousands:
            return [Decimal("".join(groups))], ""
        return [Decimal(g) for g in groups], ""
    if len(seps) == 2:  # «1,000.5» (en) or «1.000,5»: the last separator is the decimal
        last = raw[-len(groups[-1]) - 1]
        whole = "".join(groups[:-1])
        if all(len(g) == 3 for g in groups[1:-1]) and len(groups[0]) <= 3:
            hint = ""
            if comma_lang and last == ".":
                hint = msg("uses a decimal point; write a decimal comma and spaces for thousands")
            elif not comma_lang and last == ",":
                hint = msg("uses a decimal comma; English writes a decimal point")
            return [Decimal(f"{whole}.{groups[-1]}")], hint
        return [Decimal(g) for g in groups], ""
    sep = seps.pop()
    if comma_lang:
        if sep == ".":
            # «2.5» in a Russian/Belarusian text: read as a decimal, but say it.
            return [Decimal(raw)], "uses a decimal point; write a decimal comma"
        return [Decimal(raw.replace(",", "."))], ""
    if sep == ",":
        if thousands:
            return [Decimal("".join(groups))], ""
        return [Decimal(raw.replace(",", "."))], "uses a decimal comma; English writes a decimal point"
    return [Decimal(raw)], ""


def _scale_of(word: str) -> int:
    for rx, value in _SCALE_RES:
        if rx.match(word):
            return value
    return 1


@lru_cache(maxsize=8192)
def parse_numbers(text: str, lang: str) -> tuple[Number, ...]:
    """Every number in ``text`` read with ``lang``'s conventions, in text order.

    Numeric dates give their day and year (the month is the dates check's business, and
    «12.03.2025» must equal «12 March 2025»); times give the hour and the minutes when not
    zero; «2 p.m.» gives 14. Cached: the same source is parsed for every target language.
    """
    if not _DIGIT_RE.search(text):  # most sentences: nothing to parse
        return ()
    found: list[Number] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for m in _NUMERIC_DATE_RE.finditer(text):
        day, month, year = (m["d"], m["m"], m["y"]) if m["d"] else (m["id"], m["im"], m["iy"])
        if 1 <= int(day) <= 31 and 1 <= int(month) <= 12:
            full_year = int(year) + (2000 if len(year) == 2 else 0)  # «12.03.25» is 2025
            found += [Number(Decimal(int(day)), m[0], m.start(), m.end()),
                      Number(Decimal(full_year), m[0], m.start(), m.end())]
            taken.append(m.span())
    if lang not in COMMA_DECIMAL_LANGS:
        for m in _AMPM_RE.finditer(text):
            if free(*m.span()):
                twelve_hour = int(m[1]) % 12 + (12 if m[3].lower() == "p" else 0)
                found.append(Number(Decimal(twelve_hour), m[0], m.start(), m.end()))
                if m[2] and int(m[2]):
                    found.append(Number(Decimal(int(m[2])), m[0], m.start(), m.end()))
                taken.append(m.span())
    time_res = [_TIME_COLON_RE] + ([_TIME_DOT_RE] if lang in COMMA_DECIMAL_LANGS else [])
    for rx in time_res:
        for m in rx.finditer(text):
            if not free(*m.span()) or (rx is _TIME_DOT_RE and not _dot_time(text, m)):
                continue
            hour, minute = m[1], m[2]
            found.append(Number(Decimal(int(hour)), m[0], m.start(), m.end()))
            if int(minute):
                found.append(Number(Decimal(int(minute)), m[0], m.start(), m.end()))
            taken.append(m.span())
    for m in _NUMBER_RE.finditer(text):
        if not free(*m.span("num")):
            continue
        try:
            values, hint = _interpret(m["num"], lang)
        except InvalidOperation:  # pragma: no cover - the regex only yields digits
            continue
        scale = _scale_of(m["scale"]) if m["scale"] else 1
        for value in values:
            found.append(Number(value * scale, m[0].strip(), m.start(), m.end(), hint))
    found.sort(key=lambda n: n.start)
    return tuple(found)


# --- numbers written as words -------------------------------------------------------------
# Only what a sentence plausibly spells out instead of digits: 1-12, tens, ordinals to
# tenth, «twice»/«у 2 разы» style multipliers, «паўтара»/«полтора». Used only to excuse a
# digit that is missing on the other side, never to raise an issue.
_WORD_VALUES: dict[str, Decimal] = {}


def _add_words(value: float, *words: str) -> None:
    for w in words:
        _WORD_VALUES[w] = Decimal(str(value))


for _v, _words in {
    1: "one first один одна одно одного одной одному одним одном адзін адна адно аднаго адной аднаму адным",
    2: "two second twice double doubled два две двух двум двумя дзве двума",
    3: "three third thrice triple tripled три трёх трех трём трем тремя тры трох тром трыма",
    4: "four fourth четыре четырёх четырех четырём четырем четырьмя чатыры чатырох чатыром чатырма",
    5: "five fifth пять пяти пятью пяць пяці пяццю",
    6: "six sixth шесть шести шестью шэсць шасці",
    7: "seven seventh семь семи семью сем сямі",
    8: "eight eighth восемь восьми восемью восем васьмі",
    9: "nine ninth девять девяти девятью дзевяць дзевяці",
    10: "ten tenth десять десяти десятью дзесяць дзесяці",
    11: "eleven", 12: "twelve dozen", 20: "twenty", 30: "thirty", 40: "forty", 50: "fifty",
    60: "sixty", 70: "seventy", 80: "eighty", 90: "ninety", 100: "hundred",
    1.5: "полтора полтары полутора паўтара паўтары",
}.items():
    _add_words(_v, *_words.split())

_WORD_NUMBER_RE = re.compile(
    rf"(?<![^\W\d_])(?P<word>[^\W\d_]+)(?:[{_SP}-]+(?P<scale>{_SCALE_WORD})(?![^\W\d_]))?",
    re.IGNORECASE,
)


def spelled_values(text: str) -> list[Decimal]:
    """Values of numbers spelled as words («five», «пяць», «two million»), in text order."""
    values = []
    for m in _WORD_NUMBER_RE.finditer(text):
        word = m["word"].lower()
        # «a»/«an» count only before a scale word («a million»), never as an article.
        value = _WORD_VALUES.get(word) or (Decimal(1) if m["scale"] and word in ("a", "an") else None)
        if value is None:
            continue
        values.append(value * (_scale_of(m["scale"]) if m["scale"] else 1))
    return values
