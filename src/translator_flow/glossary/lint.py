"""``glossary lint``: every problem of the editors' files, as ``file:line: message``.

Row-level problems (broken CSV, empty id or Russian term, bad ``be_forms``) come from the
reader; this module adds the checks across rows: duplicates, one Russian term with two
different approvals, empty translations, a forbidden variant equal to an approved form.
"""

from __future__ import annotations

import re
from pathlib import Path
from collections.abc import Sequence

from .csvio import Problem
from .entries import Entry, normalise

_QUOTES = re.compile("[«»„“”\"]")


def check_entries(entries: Sequence[Entry]) -> list[Problem]:
    """Problems across the rows of one merged glossary (fatal ones stop loading)."""
    problems: list[Problem] = []
    by_id: dict[str, Entry] = {}
    by_ru: dict[str, Entry] = {}
    for e in entries:
        if e.id in by_id:
            first = by_id[e.id]
            problems.append(Problem(e.file, e.line, f"duplicate id {e.id!r} (first at {first.where}); ids must be unique", fatal=True))
        else:
            by_id[e.id] = e
        if not e.active:
            continue
        for term in (e.ru, *e.ru_variants):
            key = normalise(term)
            other = by_ru.get(key)
            if other is None:
                by_ru[key] = e
                continue
            if other.id == e.id:
                continue
            if _approvals(other) == _approvals(e):
                problems.append(Problem(e.file, e.line, f"duplicate of entry {other.id!r} at {other.where} (same Russian term «{term}»); delete one row"))
            else:
                problems.append(
                    Problem(
                        e.file,
                        e.line,
                        f"«{term}» has two different approvals: {_show(e)} here and {_show(other)} "
                        f"in entry {other.id!r} at {other.where}; keep one",
                        fatal=True,
                    )
                )
        for lang in ("be", "en"):
            approved = e.target(lang)
            if not approved:
                problems.append(Problem(e.file, e.line, f"empty {lang} translation for «{e.ru}»: fill it in or the term is left to the engine"))
                continue
            accepted = {normalise(approved), *(normalise(v) for v in e.variants(lang))}
            for bad in e.forbidden(lang):
                if normalise(bad) in accepted:
                    problems.append(
                        Problem(e.file, e.line, f"{lang}_forbidden «{bad}» is also an approved form of «{e.ru}»; remove it from one of the columns", fatal=True)
                    )
        if e.be_forms:
            nom = dict(e.be_forms).get("nom")
            if nom and e.be and normalise(nom) != normalise(e.be):
                problems.append(Problem(e.file, e.line, f"be_forms nom=«{nom}» differs from be «{e.be}»; the be column is the nominative"))
        for lang, term in (("ru", e.ru), ("be", e.be), ("en", e.en)):
            problem = _quote_problem(term)
            if problem:
                problems.append(Problem(e.file, e.line, f"{lang} «{term}» {problem}", warning=True))
        if not e.source:
            problems.append(Problem(e.file, e.line, f"no source for «{e.ru}»: say where the official form comes from", warning=True))
    return problems


def check_people(entries: Sequence[Entry]) -> list[Problem]:
    """Warnings for person entries whose gender is guessed from the endings or unknown:
    their Belarusian forms depend on it (``glossary lint`` only; it builds the matcher)."""
    from .matcher import Matcher

    matcher = Matcher([e for e in entries if e.active])
    out = []
    for e in entries:
        if not e.active or e.gender:
            continue
        gender, why = matcher.person(e)
        if why and (not gender or "guess" in why):
            out.append(Problem(e.file, e.line, f"person «{e.ru}»: gender {why}", warning=True))
    return out


def _quote_problem(term: str) -> str:
    """Quotes inside a name are part of it (ОАО «Беларуськалий»: matched and placed with any
    quote style); quotes around the whole term, or an odd number of them, are a slip."""
    marks = _QUOTES.findall(term)
    if not marks:
        return ""
    if len(marks) % 2:
        return "has an unbalanced quote mark: close it or remove it"
    inner = term.strip()
    if len(marks) == 2 and inner[:1] in "«„“\"" and inner[-1:] in "»“”\"":
        return "is wrapped in quotes: write the term without them (the text keeps its own)"
    return ""


def _approvals(e: Entry) -> tuple[str, str]:
    return normalise(e.be), normalise(e.en)


def _show(e: Entry) -> str:
    return f"«{e.be}» / «{e.en}»"


def lint_paths(paths: Sequence[Path | str]) -> tuple[int, list[Problem]]:
    """Read and check glossary files: (number of entries read, problems in file order)."""
    from .core import read_paths

    entries, problems = read_paths(paths)
    problems = problems + check_entries(entries) + check_people(entries)
    problems.sort(key=lambda p: (p.file, p.line))
    return len(entries), problems
