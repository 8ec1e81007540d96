"""CSV cells safe to open in a spreadsheet: the OWASP CSV-injection escape, in one place.

Every CSV (and TSV) translator-flow writes (batch report, glossary export and additions,
``glossary suggest --csv``, the evaluation TSV) passes its cells through
:func:`escape_cell`, so a document name or term starting with ``=`` cannot run as a formula
when an editor opens the file in Excel or LibreOffice Calc (OWASP "CSV Injection": prefix a
cell starting with ``= + - @`` TAB or CR with an apostrophe). A CSV the tool reads back
(the glossary) goes through :func:`unescape_cell`, so an export → import round trip is
lossless: a value that itself starts with apostrophes before a formula character gets one
apostrophe more on the way out and loses exactly one on the way in.
"""

from __future__ import annotations

#: Leading characters a spreadsheet may treat as the start of a formula (OWASP list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _needs_escape(value: str) -> bool:
    return value.lstrip("'").startswith(FORMULA_STARTS)


def escape_cell(value: object) -> object:
    """A string starting with a formula character (after any apostrophes) gets a leading
    apostrophe; other values are returned unchanged.

    Non-strings (counts, seconds) are returned as they are: a number is never a formula.
    """
    if isinstance(value, str) and _needs_escape(value):
        return "'" + value
    return value


def unescape_cell(value: str) -> str:
    """Undo :func:`escape_cell`: drop the one apostrophe it put before a formula character."""
    if value.startswith("'") and _needs_escape(value[1:]):
        return value[1:]
    return value


def escape_row(row: dict[str, object]) -> dict[str, object]:
    """:func:`escape_cell` applied to every value of a ``csv.DictWriter`` row."""
    return {key: escape_cell(value) for key, value in row.items()}


def escape_cells(cells: list[object]) -> list[object]:
    """:func:`escape_cell` applied to every cell of a ``csv.writer`` row."""
    return [escape_cell(cell) for cell in cells]
