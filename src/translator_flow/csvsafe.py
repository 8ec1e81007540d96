"""CSV cells safe to open in a spreadsheet: the OWASP CSV-injection escape, in one place.

Every CSV translator-flow writes (batch report, glossary export) passes its cells through
:func:`escape_cell`, so a document name or term starting with ``=`` cannot run as a formula
when an editor opens the file in Excel or LibreOffice Calc.
"""

from __future__ import annotations

#: Leading characters a spreadsheet may treat as the start of a formula (OWASP list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value: object) -> object:
    """A string starting with a formula character gets a leading apostrophe; others unchanged.

    Non-strings (counts, seconds) are returned as they are: a number is never a formula.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def escape_row(row: dict[str, object]) -> dict[str, object]:
    """:func:`escape_cell` applied to every value of a ``csv.DictWriter`` row."""
    return {key: escape_cell(value) for key, value in row.items()}
