"""People in the glossary: which words of an entry are a name, patronymic and surname,
the person's gender, and every Russian form of each (issue 12 item 4).

A person's gender comes from the entry's ``gender`` column, else from the first name or
patronymic as pymorphy3 knows them, else from the surname's ending (-ова, -ская: a woman);
it chooses the paradigm: «Кочанова» of a woman is matched as Кочановой/Кочанову, of a man
(«Кочанов») as Кочанова/Кочанову/Кочановым. Surnames are declined by rule
(:mod:`translator_flow.morph.surnames`) whether or not pymorphy3 knows them; first names and
patronymics come from pymorphy3's dictionary (singular forms of the person's gender) and
by the same rules when it lacks them. A word form → its cases table replaces pymorphy's
readings at match time, so an unknown surname matches in all six cases.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..morph.russian import Analysis, analyse, analyzer, is_person_part
from ..morph.surnames import russian_gender, russian_surname
from ..morph.tables import CASE_NAMES, RU_CASE

_INITIALS_BEFORE = re.compile(r"(?<!\w)([А-ЯЁ])\.\s?(?:([А-ЯЁ])\.\s?)?$")
_INITIALS_AFTER = re.compile(r"\s([А-ЯЁ])\.\s?(?:([А-ЯЁ])\.)?")  # used with .match(text, pos)
PERSON_ROLES = ("name", "surname", "patronymic")
_PYMORPHY_GENDER = {"m": "masc", "f": "femn"}
Table = tuple[tuple[str, tuple[str, ...]], ...]  # (form, cases) pairs, sorted


def person_roles(tokens: Sequence[str], readings: Sequence[tuple[Analysis, ...]], gender: str) -> list[str] | None:
    """Roles of the words of a person's name, or None when the term is not a person.

    pymorphy3's Name/Surn/Patr tags decide first; an entry with a ``gender`` is a person
    even when they do not (an unknown surname, «Мясникович» read as a patronymic): its
    words are then name + surname, name + patronymic + surname, or surname + name +
    patronymic (when the second word is the first name)."""
    roles = []
    for r in readings:
        parts = [is_person_part(a) for a in r if a.case == "nom"]
        roles.append(next((p for p in parts if p), ""))
    if roles and "" not in roles and "surname" in roles:
        if len(roles) == 1:
            # A lone word is a person only when its best reading says so (not «Минский»).
            if readings[0] and is_person_part(readings[0][0]) == "surname":
                return roles
        elif "name" in roles:
            return roles
    if not tokens or not all(t[:1].isupper() for t in tokens) or len(tokens) > 3:
        return None
    first_is_name = roles[0] == "name"
    second_is_name = len(roles) > 1 and roles[1] == "name" and not first_is_name
    surname_first = second_is_name and (len(roles) == 2 or roles[2] == "patronymic")
    surname = tokens[0] if surname_first else tokens[-1]
    if not gender and (not (first_is_name or surname_first) or len(tokens) == 1 or not _could_be_surname(surname)):
        return None
    if len(tokens) == 1:
        return ["surname"]
    if len(tokens) == 2:
        return ["surname", "name"] if surname_first else ["name", "surname"]
    return ["surname", "name", "patronymic"] if surname_first else ["name", "patronymic", "surname"]


def _could_be_surname(token: str) -> bool:
    """Without a gender column, a first name + X is a person only when X could be a
    nominative surname (not «Слава Беларуси»)."""
    norm = token.lower().replace("ё", "е")
    return not analyzer().word_is_known(norm) or any(p.tag.case == "nomn" for p in analyzer().parse(norm))


def person_gender(explicit: str, tokens: Sequence[str], readings: Sequence[tuple[Analysis, ...]],
                  roles: Sequence[str]) -> tuple[str, str]:
    """The person's gender ("m", "f" or "" unknown) and where it comes from: the column,
    else the first name or patronymic, else the endings of the name (a guess, so said)."""
    if explicit:
        return explicit, "the gender column"
    for token, r, role in zip(tokens, readings, roles):
        if role in ("name", "patronymic"):
            for a in r:
                if a.case == "nom" and is_person_part(a) == role and a.gender in ("masc", "femn"):
                    what = "first name" if role == "name" else "patronymic"
                    return ("m" if a.gender == "masc" else "f"), f"the {what} «{token}»"
    gender = russian_gender(list(tokens))
    return gender, ("the endings of the name (a guess: add the gender column)" if gender
                    else "unknown: add the gender column (m or f)")


def person_table(norm: str, role: str, gender: str) -> Table | None:
    """Every Russian form of one word of a person's name → its cases (None: none known
    beyond the word itself)."""
    if role == "surname":
        got = russian_surname(norm, gender)
    else:
        got = _dictionary_table(norm, "Name" if role == "name" else "Patr", gender)
        if got is None and role == "name":
            got = russian_surname(norm, gender)  # an unknown first name declines like a noun
    if not got:
        return None
    return tuple(sorted((form, tuple(sorted(cases))) for form, cases in got.items()))


@lru_cache(maxsize=4096)
def _dictionary_table(norm: str, grammeme: str, gender: str) -> dict[str, frozenset[str]] | None:
    wanted = _PYMORPHY_GENDER.get(gender)
    for p in analyzer().parse(norm):
        tag = p.tag
        if grammeme not in tag.grammemes or tag.case != "nomn" or (wanted and tag.gender != wanted):
            continue
        table: dict[str, set[str]] = {}
        for form in p.lexeme:
            ft = form.tag
            if ft.number == "sing" and ft.gender == tag.gender and str(ft.case) in RU_CASE:
                table.setdefault(form.word.replace("ё", "е"), set()).add(RU_CASE[str(ft.case)])
        return {k: frozenset(v) for k, v in table.items()}
    return None


@lru_cache(maxsize=4096)
def table_options(table: Table, norm: str) -> tuple[tuple[tuple[str, str], float], ...] | None:
    """The (case, number) readings of ``norm`` in a person's word table, scored (None: not a form)."""
    cases = dict(table).get(norm)
    if not cases:
        return None
    if len(cases) == len(CASE_NAMES):
        # Indeclinable («Лукашенко», «Анна Жук»): every case, the context decides.
        return tuple(((c, "sg"), 0.2 if c == "nom" else 1.0 / 6) for c in CASE_NAMES)
    return tuple(((c, "sg"), 1.0 / len(cases)) for c in cases)


def person_bounds(text: str, start: int, end: int, first_name: str, first_lemma: str,
                  before: tuple[str, str] | None) -> tuple[int, int] | None:
    """The span of a surname hit with its initials: accept «Анохин», «В. Анохин», «Анохин
    В.Ю.», «В. В. Иванова»; reject another person's surname («Виктор Лукашенко», «Е.
    Лукашенко»). ``before`` is the previous word (normalised) and the text between."""
    initial = first_name[:1].upper()
    m = _INITIALS_BEFORE.search(text, max(0, start - 8), start)
    if m:
        if initial and m.group(1) != initial:
            return None
        return m.start(), end
    m = _INITIALS_AFTER.match(text, end)
    if m and m.group(1).isupper():
        if initial and m.group(1) != initial:
            return None
        return start, m.end()
    if before is not None and not before[1].strip():
        prev = analyse(before[0])
        if prev and "Name" in prev[0].grammemes and first_name and prev[0].lemma != first_lemma:
            return None
    return start, end
