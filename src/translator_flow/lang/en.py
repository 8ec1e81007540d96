"""English post-editing: numbers and dates (:mod:`.en_numbers`), “ ” quotes, ’ apostrophes,
spaced em dashes, the ellipsis. Cyrillic names left by the engine are a repair
(:mod:`.en_names`, registered in :data:`..lang.REPAIRS`), as they need the glossary.

House style for press releases follows the AP Stylebook (curly quotes, an em dash with a
space on both sides). Argos output keeps the Russian source's « » and hyphen-dashes,
which these rules turn into English typography.
"""

from __future__ import annotations

import re

from ._edits import Edit, Rule
from .typography import quote_edits

_APOSTROPHE = re.compile(r"(?<=[A-Za-z])'(?=[A-Za-z])|(?<=s)'(?=\s)")
_DASH = re.compile(r"(?<=\S) [-–] (?=\S)|^[-–] (?=\S)")
_ELLIPSIS = re.compile(r"(?<!\.)\.\.\.(?!\.)")


def apostrophe_edits(text: str) -> list[Edit]:
    """don't → don’t, Minsk's → Minsk’s, ministers' → ministers’."""
    return [Edit(m.start(), m.end(), "’") for m in _APOSTROPHE.finditer(text)]


def quote_edits_en(text: str) -> list[Edit]:
    """“ ” outside, ‘ ’ inside; « » and „ “ from the source become English quotes."""
    return quote_edits(text, outer=("“", "”"), inner=("‘", "’"))


def dash_edits(text: str) -> list[Edit]:
    """A hyphen or en dash standing alone between words becomes a spaced em dash (AP)."""
    edits = []
    for m in _DASH.finditer(text):
        k = m.start() + (1 if m.group()[0] == " " else 0)
        if k >= 2 and k + 2 < len(text) and text[k - 2].isdigit() and text[k + 2].isdigit():
            continue  # a number range is left alone
        edits.append(Edit(k, k + 1, "—"))
    return edits


def ellipsis_edits(text: str) -> list[Edit]:
    """Three dots become one ellipsis character (changes length: marks are remapped)."""
    return [Edit(m.start(), m.end(), "…") for m in _ELLIPSIS.finditer(text)]


def rules() -> tuple[Rule, ...]:
    """The English rules in order: dates and numbers first (lang/en_numbers.py), then
    apostrophes before quotes (so ' is not taken for one), dashes, the ellipsis."""
    from . import en_numbers

    return (*en_numbers.rules(), apostrophe_edits, quote_edits_en, dash_edits, ellipsis_edits)
