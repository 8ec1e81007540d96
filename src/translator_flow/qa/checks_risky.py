"""The ``risky_rendering`` check: engine outputs that are often wrong in press texts.

Data, not code: ``qa/data/be_risky.tsv`` lists each risky rendering (a pattern of the
Belarusian draft and the Russian words it comes from), the likely fix and why, with its
source. Noun/verb homographs («встречу» → «спаткаю» for the noun), the adjective «мінулая»
for the verb «прошла», «наўкола» for «около» before a number, the «-еце» form for a
request, … Reviewed by the team; editors extend the file, tests keep one row per entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import given_msg, msg
from .base import CheckContext, Finding

_EDGE_L, _EDGE_R = r"(?<![^\W\d_])", r"(?![^\W\d_])"


@dataclass(frozen=True)
class Risky:
    """One row of be_risky.tsv, with its patterns compiled."""

    id: str
    draft: re.Pattern[str]
    source: re.Pattern[str] | None
    unless: re.Pattern[str] | None  # a source pattern that rules the row out («я встречу»)
    fix: str
    why: str
    ref: str
    hint: str = ""  # letters every source match contains (lower case): a cheap test before the regex
    why_be: str = ""  # ``why`` for a review in Belarusian / Russian ("" shows the English)
    why_ru: str = ""


def parse_risky(text: str) -> tuple[Risky, ...]:
    """Rows of a risky-renderings TSV (``id draft source unless fix why ref [why_be why_ru]``; # comments;
    a header). Rows of the older 7 columns (no translations of ``why``) still load."""
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("id\t"):
            continue
        cols = line.split("\t")
        if len(cols) not in (7, 9) or not all(cols[i] for i in (0, 1, 4, 5, 6)):
            raise ValueError(f"be_risky.tsv:{n}: expected id, draft, source, unless, fix, why, ref and optionally "
                             "why_be, why_ru (only source, unless, why_be and why_ru may be empty)")
        try:
            # A pattern that does not anchor itself gets word edges: «мінулая» never matches inside a word.
            draft = cols[1] if cols[1].startswith(("^", "(?")) else _EDGE_L + cols[1] + _EDGE_R
            compiled = re.compile(draft, re.IGNORECASE | re.MULTILINE)
            source, unless = (re.compile(c, re.IGNORECASE | re.MULTILINE) if c else None for c in cols[2:4])
        except re.error as exc:
            raise ValueError(f"be_risky.tsv:{n}: bad pattern ({exc})") from exc
        why_be, why_ru = cols[7:9] if len(cols) == 9 else ("", "")
        rows.append(Risky(cols[0], compiled, source, unless, cols[4], cols[5], cols[6], required_letters(cols[2]),
                          why_be, why_ru))
    return tuple(rows)


def required_letters(pattern: str) -> str:
    """The longest run of plain letters (3+) that every match of ``pattern`` contains, or "".

    Only letters outside groups, classes and escapes count, and none followed by a
    quantifier; a top-level ``|`` means nothing is required.
    """
    runs, run, depth, i = [], "", 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            runs.append(run)
            run, i = "", i + 2
            continue
        if ch == "[":
            runs.append(run)
            run = ""
            i = pattern.index("]", i + 2 if pattern[i + 1:i + 2] == "]" else i + 1) + 1
            continue
        if ch in "()":
            depth += 1 if ch == "(" else -1
            runs.append(run)
            run = ""
        elif ch == "|" and depth == 0:
            return ""
        elif ch in "?*{" and run:
            run = run[:-1]
            runs.append(run)
            run = ""
        elif ch.isalpha() and depth == 0:
            run += ch
        else:
            runs.append(run)
            run = ""
        i += 1
    runs.append(run)
    best = max(runs, key=len)
    return best.lower() if len(best) >= 3 else ""


@lru_cache(maxsize=1)
def load_risky() -> tuple[Risky, ...]:
    """The shipped risky renderings (read once)."""
    text = resources.files(__package__).joinpath("data", "be_risky.tsv").read_text(encoding="utf-8")
    return parse_risky(text)


def check_risky_rendering(ctx: CheckContext) -> Iterator[Finding]:
    """Draft words listed in be_risky.tsv whose Russian source makes them likely wrong."""
    if ctx.lang != "be" or ctx.identical:
        return
    for span, message in risky_findings(ctx.source, ctx.draft):
        yield Finding(message, span)


@lru_cache(maxsize=512)
def risky_findings(source: str, draft: str) -> tuple[tuple[tuple[int, int], str], ...]:
    """(span, message) of every risky rendering in ``draft`` (cached: ``spelling`` asks again).

    Source patterns are tried first: each is a few µs, and most rows fail there.
    """
    found = []
    lowered = source.lower()
    for row in load_risky():
        if row.hint and row.hint not in lowered:
            continue
        if (row.source is not None and not row.source.search(source)) or (
                row.unless is not None and row.unless.search(source)):
            continue
        for m in row.draft.finditer(draft):
            if m.end() > m.start():
                found.append(((m.start(), m.end()),
                              msg("«{word}» is often wrong here: {why} — likely «{fix}»", word=m.group().strip(),
                                  why=given_msg(row.why, be=row.why_be, ru=row.why_ru), fix=row.fix)))
    return tuple(found)
