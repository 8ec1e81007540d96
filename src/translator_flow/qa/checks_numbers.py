"""Checks that numbers and dates of the source say the same in the draft."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from collections.abc import Iterator

from ..model import msg
from .base import CheckContext, Finding
from .dates import DateRef, parse_dates, russian_month_words
from .numbers import Number, parse_numbers, spelled_values

SOURCE_LANG = "ru"


def _unmatched(numbers: tuple[Number, ...], other: Counter[Decimal]) -> list[Number]:
    """Numbers of one side left after taking away the other side's multiset."""
    left = Counter(other)
    out = []
    for n in numbers:
        if left[n.value] > 0:
            left[n.value] -= 1
        else:
            out.append(n)
    return out


def _excuse(numbers: list[Number], words: list) -> list[Number]:
    """Drop numbers the other side spells out in words («5» ↔ «five», «пяць»)."""
    if not numbers or not words:
        return numbers
    pool = Counter(words)
    kept = []
    for n in numbers:
        if pool[n.value] > 0:
            pool[n.value] -= 1
        else:
            kept.append(n)
    return kept


def _show(text: str) -> str:
    # No-break and narrow spaces are invisible in a message: show a plain space.
    return text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")


def check_numbers(ctx: CheckContext) -> Iterator[Finding]:
    """Every number of the source, by value, in the draft and no other (locale-aware)."""
    src = parse_numbers(ctx.source, SOURCE_LANG)
    tgt = parse_numbers(ctx.draft, ctx.lang)
    for n in tgt:
        if n.hint:
            yield Finding(msg("Number {number} {hint}", number=_show(n.text), hint=n.hint), (n.start, n.end), "warning")
    if not src and not tgt:
        return
    missing = _unmatched(src, Counter(n.value for n in tgt))
    extra = _unmatched(tgt, Counter(n.value for n in src))
    if missing:
        missing = _excuse(missing, spelled_values(ctx.draft))
    if extra:
        extra = _excuse(extra, spelled_values(ctx.source))
    # Pair them in text order: «1 250,5» became «1,250» reads better than two findings.
    for s, t in zip(missing, extra):
        yield Finding(msg("Number {number} in the source is {draft} in the draft", number=_show(s.text), draft=_show(t.text)), (t.start, t.end))
    for s in missing[len(extra):]:
        yield Finding(msg("Number {number} from the source is missing in the draft", number=_show(s.text)))
    for t in extra[len(missing):]:
        yield Finding(msg("Number {number} in the draft is not in the source", number=_show(t.text)), (t.start, t.end))


def _same(a: DateRef, b: DateRef) -> bool:
    """Same date, where a side that leaves the day or year out does not disagree."""
    return a.month == b.month and (a.day is None or b.day is None or a.day == b.day) and (
        a.year is None or b.year is None or a.year == b.year)


def _take(dates: tuple[DateRef, ...], others: tuple[DateRef, ...]) -> tuple[list[DateRef], list[DateRef]]:
    """Match dates exactly first, then loosely; returns (unmatched here, unmatched there)."""
    here, there = list(dates), list(others)
    for loose in (False, True):
        for d in list(here):
            for o in there:
                if (_same(d, o) if loose else d.key == o.key):
                    here.remove(d)
                    there.remove(o)
                    break
    return here, there


def _date_text(d: DateRef) -> str:
    return _show(d.text)


def check_dates(ctx: CheckContext) -> Iterator[Finding]:
    """Dates of the source in the draft: same day, month and year in any local format."""
    if ctx.lang == "be":
        for word, be_form, start, end in russian_month_words(ctx.draft):
            yield Finding(msg("Month «{word}» is Russian: Belarusian writes «{form}»", word=word, form=be_form), (start, end))
    src = parse_dates(ctx.source, SOURCE_LANG)
    tgt = parse_dates(ctx.draft, ctx.lang)
    if not src and not tgt:
        return
    missing, extra = _take(src, tgt)
    # A day range gives two dates with one text: report the text once.
    seen: set[tuple[str, int]] = set()
    for s, t in zip(missing, extra):
        if (s.text, t.start) not in seen:
            seen.add((s.text, t.start))
            yield Finding(msg("Date «{date}» in the source is «{draft}» in the draft", date=_date_text(s), draft=_date_text(t)),
                          (t.start, t.end))
    for s in missing[len(extra):]:
        if (s.text, -1) not in seen:
            seen.add((s.text, -1))
            yield Finding(msg("Date «{date}» from the source is missing in the draft", date=_date_text(s)))
    for t in extra[len(missing):]:
        if ("", t.start) not in seen:
            seen.add(("", t.start))
            yield Finding(msg("Date «{date}» in the draft is not in the source", date=_date_text(t)), (t.start, t.end))
