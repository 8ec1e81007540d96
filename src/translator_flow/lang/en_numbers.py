"""English number and date style for machine drafts from Russian.

Argos often keeps the Russian source's conventions. House style for English releases
(Economist Style Guide and the EU Interinstitutional Style Guide, English section, "Dates"
and "Numbers"): a decimal point, thousands grouped with commas (1,500,000; four-digit
numbers and years stay 1500 / 2025), no space before % ("12.5%"), dates day-month-year
without a comma ("12 March 2025"), times with a colon ("at 10:00").

The rules edit English drafts only (more Latin words than Cyrillic ones,
:func:`.en_names.is_english`): a mostly Russian draft is untranslated, and the QA checks
report it as it is. Every rule is 1:1 with the meaning: the QA numbers check (qa/numbers.py, which reads
English with a decimal point) compares the same values before and after.
"""

from __future__ import annotations

import re

from collections.abc import Callable

from ._edits import Edit, Rule
from .en_names import is_english

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
#: Russian genitive month names (the form in dates) left in an English draft.
_RU_MONTHS = {m: i for i, m in enumerate(["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"])}
_SP = "[ \u00a0\u202f\u2009]"

# 12,5 -> 12.5: a comma between digits that is not a thousands group (exactly 3 digits).
_DECIMAL_COMMA = re.compile(r"(?<![\d,.])(\d+),(\d{1,2}|\d{4,})(?![\d,])")
# 1 500 000 -> 1,500,000 (space, no-break, narrow no-break or thin space between groups).
_GROUPED = re.compile(rf"(?<![\d.,])\d{{1,3}}(?:{_SP}\d{{3}})+(?![\d]|[.,]\d{{3}})")
# 12 % -> 12%
_PERCENT = re.compile(rf"(?<=\d){_SP}+(?=%)")
# 12.03.2025 -> 12 March 2025 (day.month.year, the Russian numeric order).
_NUMERIC_DATE = re.compile(r"(?<![\d.])(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.((?:19|20)\d\d)(?![\d]|\.\d)")
# 12 марта 2025 года / 12 марта 2025 г. / 12 марта -> 12 March 2025 / 12 March.
_RU_DATE = re.compile(
    rf"(?<!\d)(\d{{1,2}}){_SP}+({'|'.join(_RU_MONTHS)})(?:{_SP}+((?:19|20)\d\d)(?:{_SP}+(?:года|год|г\.))?)?(?![^\W\d_])",
    re.IGNORECASE,
)
# at 10.00 -> at 10:00; from 10.00 to 12.30 -> from 10:00 to 12:30 ("by"/"to" alone would
# catch "rose by 10.50", so a second time counts only after a first one).
_CLOCK = r"(?:[01]?\d|2[0-3])\.[0-5]\d(?!\d|\.\d)"
_TIME = re.compile(rf"\b(?:at|from|until|till) ({_CLOCK})(?:(\s*(?:to|till|until|and|[–-])\s*)({_CLOCK}))?",
                   re.IGNORECASE)


def decimal_edits(text: str) -> list[Edit]:
    """12,5 → 12.5 (a comma before 3 digits is a thousands separator and stays)."""
    return [Edit(m.start() + len(m.group(1)), m.start() + len(m.group(1)) + 1, ".")
            for m in _DECIMAL_COMMA.finditer(text)]


def grouping_edits(text: str) -> list[Edit]:
    """1 500 000 → 1,500,000: digit groups separated by spaces take commas."""
    edits = []
    for m in _GROUPED.finditer(text):
        for k in range(m.start(), m.end()):
            if not text[k].isdigit():
                edits.append(Edit(k, k + 1, ","))
    return edits


def percent_edits(text: str) -> list[Edit]:
    """12 % → 12%."""
    return [Edit(m.start(), m.end(), "") for m in _PERCENT.finditer(text)]


def date_edits(text: str) -> list[Edit]:
    """12.03.2025 and a leftover «12 марта 2025 года» → 12 March 2025."""
    edits = []
    for m in _NUMERIC_DATE.finditer(text):
        day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
        edits.append(Edit(m.start(), m.end(), f"{day} {_MONTHS[month - 1]} {year}"))
    for m in _RU_DATE.finditer(text):
        name = _MONTHS[_RU_MONTHS[m.group(2).lower()]]
        new = f"{int(m.group(1))} {name}" + (f" {m.group(3)}" if m.group(3) else "")
        edits.append(Edit(m.start(), m.end(), new))
    return edits


def time_edits(text: str) -> list[Edit]:
    """at 10.00 → at 10:00."""
    edits = []
    for m in _TIME.finditer(text):
        for group in (1, 3):
            if m.group(group):
                dot = m.start(group) + m.group(group).index(".")
                edits.append(Edit(dot, dot + 1, ":"))
    return edits


def _english_only(rule: Callable[[str], list[Edit]]) -> Rule:
    def edits(text: str) -> list[Edit]:
        return rule(text) if is_english(text) else []

    edits.__name__ = edits.__qualname__ = rule.__name__
    return edits


def rules() -> tuple[Rule, ...]:
    """Number and date rules, dates first (so 12.03.2025 is not read as decimals)."""
    return tuple(_english_only(r) for r in (date_edits, time_edits, decimal_edits, grouping_edits, percent_edits))
