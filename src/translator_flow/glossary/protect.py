"""Placing approved target forms for the engines: protect a term, choose its form.

The engine must not render a glossary term (Apertium renders «Министерство иностранных
дел» as «Міністэрства замежных дзей»), so each hit is replaced by the approved form between
PROTECT_OPEN/PROTECT_CLOSE; engines pass that span through verbatim (Apertium: a
superblank its transfer rules cannot see), so the glossary chooses the Belarusian case
itself: the case and number of the Russian occurrence.

Known limits: the у/ў alternation at the edges of a span and the English article before
a term are left to the language rules (lang/) and the reviewer.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING
from collections.abc import Sequence

from ..model import PROTECT_CLOSE, PROTECT_OPEN, TermHit, msg
from .context import parse_grammar
from .gaps import restyle_quotes

if TYPE_CHECKING:
    from .core import Glossary

_INITIALS_BEFORE = re.compile(r"^([А-ЯЁ])\.\s?(?:([А-ЯЁ])\.\s?)?")
_INITIALS_AFTER = re.compile(r"\s([А-ЯЁ])\.\s?(?:([А-ЯЁ])\.)?$")
_SENTENCE_END = re.compile(r"[.!?…][\s«»\"„“”'(\-—–]*$")
_OPENERS = re.compile(r"[\s«»\"„“”'(\-—–]*")
#: Russian initials whose Belarusian patronymic often starts differently
#: (Григорьевич → Рыгоравіч, Владимирович → Уладзіміравіч, Евгеньевич → Яўгенавіч).
_UNSURE_INITIALS = set("ГВЕ")
_BE_INITIAL = {"И": "І", "Щ": "Ш", "Ъ": "", "Ы": "Ы"}
_EN_INITIAL = dict(
    zip(
        "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ",
        ["A", "B", "V", "G", "D", "Ye", "Yo", "Zh", "Z", "I", "Y", "K", "L", "M", "N", "O", "P", "R", "S", "T", "U", "F", "Kh", "Ts", "Ch", "Sh", "Shch", "E", "Yu", "Ya"],
    )
)
CASE_NAMES = {"nom": msg("nominative"), "gen": msg("genitive"), "dat": msg("dative"), "acc": msg("accusative"),
              "ins": msg("instrumental"), "loc": msg("locative")}
_NUMBER_NAMES = {"sg": msg("singular"), "pl": msg("plural")}  # fmt: skip


def protect(glossary: Glossary, source: str, hits: Sequence[TermHit], lang: str) -> tuple[str, tuple[TermHit, ...]]:
    """The text for the engine (each placeable hit wrapped in PROTECT delimiters) and the
    hits with ``approved``, ``target_form`` and, where the reviewer should look, ``flagged``."""
    if lang == "be":
        glossary.prepare_be({h.entry_id for h in hits})
    placed = [place(glossary, source, h, lang) for h in hits]
    out, pos = [], 0
    for hit in sorted(placed, key=lambda h: h.start):
        if not hit.target_form or hit.start < pos:
            continue
        out += [source[pos : hit.start], PROTECT_OPEN, hit.target_form, PROTECT_CLOSE]
        pos = hit.end
    out.append(source[pos:])
    return "".join(out), tuple(placed)


def join_flags(flags: list[str]) -> str:
    """The reviewer notes of one placement, «a; b», each still translatable in the review."""
    if not flags:
        return ""
    joined = flags[0]
    for flag in flags[1:]:
        joined = msg("{first}; {second}", first=joined, second=flag)
    return joined


def place(glossary: Glossary, source: str, hit: TermHit, lang: str) -> TermHit:
    """The hit with the target form it should take in ``lang`` (see :func:`protect`)."""
    entry = glossary.get(hit.entry_id)
    approved = entry.target(lang)
    if not approved:
        name = {"be": msg("Belarusian"), "en": msg("English")}.get(lang, lang)
        return replace(hit, approved="", target_form="",
                       flagged=msg("entry {entry} has no {language} form: left to the engine", entry=entry.id,
                                   language=name))
    flags: list[str] = []
    if lang == "be":
        form = restyle_quotes(_belarusian(glossary, entry, hit, flags), hit.source_text)
    else:
        form = _english(entry, hit, glossary.matcher.structure(entry)[1])
        if _elliptical(hit, glossary.matcher.structure(entry)[0]) and len(form.split()) > 1:
            form = form.rsplit(" ", 1)[0]  # «Bryansk [Region]» and Smolensk Region
    if hit.source_text.isupper() and len(hit.source_text) > 3 and not entry.ru.isupper():
        form = form.upper()
    elif _sentence_start(source, hit.start) and form[:1].islower():
        form = form[:1].upper() + form[1:]
    if entry.status == "draft":
        flags.append(msg("entry {entry} is a draft: check the term", entry=entry.id))
    return replace(hit, approved=approved, target_form=form, flagged=join_flags(flags))


def _sentence_start(source: str, start: int) -> bool:
    """Whether only quotes, dashes and spaces stand between a sentence end (or the start
    of the segment) and ``start``."""
    window = source[max(0, start - 40) : start]
    if start <= 40 and _OPENERS.fullmatch(window):
        return True
    return bool(_SENTENCE_END.search(window))


def _shape(text: str) -> tuple[str, str]:
    """How a person is named: ("before", initials), ("after", initials), ("surname", ""), ("full", "")."""
    m = _INITIALS_BEFORE.match(text)
    if m:
        return "before", "".join(g for g in m.groups() if g)
    m = _INITIALS_AFTER.search(text)
    if m:
        return "after", "".join(g for g in m.groups() if g)
    return ("surname", "") if len(text.split()) == 1 else ("full", "")


def _belarusian(glossary: Glossary, entry, hit: TermHit, flags: list[str]) -> str:
    paradigm = glossary.paradigm(entry.id)
    person = glossary.matcher.structure(entry)[1]
    readings = parse_grammar(hit.grammar) or [("nom", "sg")]
    shape, initials = _shape(hit.source_text) if person else ("full", "")

    roles = glossary.matcher.structure(entry)[0]
    adj_number = _coordinated_adjective(hit, roles, readings[0])
    if not person and _elliptical(hit, roles):
        shape = "adjectives"
    from .matcher import TOKEN

    if person and shape == "full" and "patronymic" in roles and len(TOKEN.findall(hit.source_text)) < len(roles):
        shape = "short"  # «Натальи Кочановой» for «Наталья Ивановна Кочанова»: no patronymic

    def form(case: str, number: str) -> str | None:
        if shape == "adjectives":
            pinned = entry.pinned(case, number)
            if pinned:
                return " ".join(pinned.split()[: roles.count("adj")])
            return paradigm.adjectives(case, number) if paradigm else None
        if shape == "short":
            whole = entry.pinned(case, number) or (paradigm.phrase(case, number) if paradigm else None)
            parts = whole.split() if whole else []
            if len(parts) != len(roles):
                return None
            return " ".join(w for w, role in zip(parts, roles) if role != "patronymic")
        if shape == "full":
            if adj_number and number == "pl":
                return paradigm.phrase(case, number, adj_number) if paradigm else None
            pinned = entry.pinned(case, number)
            return pinned or (paradigm.phrase(case, number) if paradigm else None)
        pinned = entry.pinned(case, "sg")
        if pinned and len(pinned.split()) == len(entry.be.split()):
            return pinned.split()[-1]  # the surname is the last word of a person's name
        return paradigm.surname(case) if paradigm else None

    case, number = readings[0]
    chosen = form(case, number)
    if person and chosen is not None and paradigm is not None and not entry.pinned(case, number):
        _person_flags(glossary, entry, paradigm, case, shape not in ("full", "short"), flags)
    if chosen is None:
        why = msg("Apertium's Belarusian generator is not available (apt install apertium-bel-rus)") \
            if paradigm is None else msg("no {case} {number} form is known", case=CASE_NAMES[case],
                                         number=_NUMBER_NAMES.get(number, number))
        flags.append(msg("{why}: base form «{form}» placed; pin the form in be_forms", why=why, form=entry.be))
        short = " ".join(w for w, role in zip(entry.be.split(), roles) if role != "patronymic")
        chosen = {"full": entry.be, "short": short, "adjectives": " ".join(entry.be.split()[:-1]) or entry.be}.get(
            shape, entry.be.split()[-1])
    alternatives = {form(c, n) for c, n in readings[1:]} - {None, chosen}
    if alternatives:
        others = ", ".join(f"{CASE_NAMES[c]} {n}" for c, n in readings[1:] if form(c, n) in alternatives)
        flags.append(msg("case uncertain: placed {case} {number} «{form}», could be {others}", case=CASE_NAMES[case],
                         number=_NUMBER_NAMES.get(number, number), form=chosen or "", others=others))
    if shape in ("before", "after"):
        # The first initial is the Belarusian first name's (Васіль → В.), the patronymic's
        # is carried over from Russian.
        letters = entry.be[:1] + _be_initial(initials[1:], flags)
        spaced = re.search(r"[А-ЯЁ]\.\s+[А-ЯЁ]\.", hit.source_text)  # «В. А.» or «В.А.», as the source
        initials_be = (" " if spaced else "").join(f"{c}." for c in letters)
        return f"{initials_be} {chosen}" if shape == "before" else f"{chosen} {initials_be}"
    return chosen


def _person_flags(glossary: Glossary, entry, paradigm, case: str, surname_only: bool, flags: list[str]) -> None:
    """Say when a person's form is a guess: derived by a stress-dependent rule, or the
    gender is unknown and a woman's form would differ (morph/surnames.py)."""
    doubtful = paradigm.doubtful(case, surname_only)
    if doubtful:
        flags.append(msg("{case} of «{words}» derived by rule (the ending depends on stress): check it and pin "
                         "the form in be_forms", case=CASE_NAMES[case], words="», «".join(doubtful)))
    if case != "nom" and not glossary.matcher.gender(entry):
        from ..morph.surnames import belarusian_gender, belarusian_surname

        surname = entry.be.split()[-1] if entry.be.split() else ""
        if not belarusian_gender(entry.be.split()):
            m, f = belarusian_surname(surname, "m"), belarusian_surname(surname, "f")
            if (m and m[0].get(case)) != (f and f[0].get(case)):
                flags.append(msg("gender of entry {entry} unknown: a man's {case} placed; add gender (m or f) "
                                 "to the entry", entry=entry.id, case=CASE_NAMES[case]))


def _elliptical(hit: TermHit, roles: list[str]) -> bool:
    """The hit is the adjectives of a term whose noun follows in coordination (the
    matcher writes the elided noun's lemma in brackets: «брянский (область)»)."""
    return "(" in hit.lemmas and "adj" in roles


def _coordinated_adjective(hit: TermHit, roles: list[str], reading: tuple[str, str]) -> str | None:
    """"sg" when a plural occurrence has singular adjectives («Брянской и Смоленской
    областей»: one region each), else None."""
    from .entries import normalise
    from .matcher import TOKEN
    from ..morph.russian import analyse

    case, number = reading
    tokens = TOKEN.findall(hit.source_text)
    if number != "pl" or "adj" not in roles or len(tokens) != len(roles):
        return None
    for token, role in zip(tokens, roles):
        if role == "adj":
            numbers = {a.number for a in analyse(normalise(token)) if a.case == case and a.pos in ("ADJF", "PRTF")}
            if numbers == {"sg"}:
                return "sg"
    return None


def _be_initial(letters: str, flags: list[str]) -> str:
    if letters and letters in _UNSURE_INITIALS:
        flags.append(msg("patronymic initial «{letters}.» kept from Russian: the Belarusian patronymic may start "
                         "differently", letters=letters))
    return "".join(_BE_INITIAL.get(c, c) for c in letters)


def _english(entry, hit: TermHit, person: bool) -> str:
    words = entry.en.split()
    shape, initials = _shape(hit.source_text) if person else ("full", "")
    if shape == "full" or len(words) < 2:
        return entry.en
    surname = words[-1]
    if shape == "surname":
        return surname
    letters = [words[0][:1]] + [_EN_INITIAL.get(c, c) for c in initials[1:]]
    if shape == "before":
        return "".join(f"{c}." for c in letters) + " " + surname
    return surname + " " + "".join(f"{c}." for c in letters)
