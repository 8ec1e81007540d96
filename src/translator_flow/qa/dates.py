"""Dates in Russian, Belarusian and English text: «12 марта 2025 года», «12 сакавіка
2025 г.», «12 March 2025», «March 12, 2025», «12.03.2025», «2025-03-12», «в марте 2025».

Belarusian month names follow the standard calendar names of literary Belarusian
(nominative студзень … снежань; genitive, the form used in dates, студзеня, лютага,
сакавіка, красавіка, мая/траўня, чэрвеня, ліпеня, жніўня, верасня, кастрычніка, лістапада,
снежня; locative у студзені … у снежні) as given in «Тлумачальны слоўнік беларускай мовы»
(ed. K. Krapiva, 1977–84) and the 2008 orthography rules' spelling of ў after a vowel.
«мая» is the usual date form of May in official Belarusian texts («9 мая»); «траўня» is
accepted too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# (month, case) -> forms. Cases: "gen" (in dates), "nom", "loc" («в марте», «у сакавіку»).
_RU = {
    "gen": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "nom": "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
    "loc": "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре",
}
_BE = {
    "gen": "студзеня лютага сакавіка красавіка мая чэрвеня ліпеня жніўня верасня кастрычніка "
           "лістапада снежня",
    "nom": "студзень люты сакавік красавік травень чэрвень ліпень жнівень верасень кастрычнік "
           "лістапад снежань",
    "loc": "студзені лютым сакавіку красавіку траўні чэрвені ліпені жніўні верасні кастрычніку "
           "лістападзе снежні",
}
_BE_EXTRA = {"траўня": 5, "май": 5, "маі": 5}
_EN_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
_EN_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
            "sept": 9, "oct": 10, "nov": 11, "dec": 12}

#: form -> (month number, case), per language.
RU_MONTHS: dict[str, tuple[int, str]] = {
    w: (i + 1, case) for case, forms in _RU.items() for i, w in enumerate(forms.split())
}
BE_MONTHS: dict[str, tuple[int, str]] = {
    w: (i + 1, case) for case, forms in _BE.items() for i, w in enumerate(forms.split())
}
BE_MONTHS.update({w: (m, "gen" if w != "маі" else "loc") for w, m in _BE_EXTRA.items()})
EN_MONTHS: dict[str, tuple[int, str]] = {w: (i + 1, "nom") for i, w in enumerate(_EN_NAMES)}
EN_MONTHS.update({w: (m, "nom") for w, m in _EN_ABBR.items()})

#: Russian month forms that are not Belarusian («марта»), with the Belarusian form of the
#: same month and case, to tell an editor what to write.
RU_ONLY_MONTHS: dict[str, str] = {
    w: _BE[case].split()[month - 1]
    for w, (month, case) in RU_MONTHS.items()
    if w not in BE_MONTHS
}


@dataclass(frozen=True, slots=True)
class DateRef:
    """One date (day and/or year may be unknown) found in a text."""

    day: int | None
    month: int
    year: int | None
    text: str
    start: int
    end: int

    @property
    def key(self) -> tuple[int | None, int, int | None]:
        """(day, month, year): what two dates must share to be the same date."""
        return (self.day, self.month, self.year)


# Every pattern starts on a digit, which lets the regex engine skip to digits quickly;
# a month written before the number («March 12», «в марте 2025») is looked up in the few
# characters before it. Month words are matched as any word and looked up afterwards.
_SP = r"[\s\u00a0]"
_ORD = r"(?:st|nd|rd|th)?"
_DAY_FIRST_RE = re.compile(
    rf"(?=[0-9])(?<![0-9.,])(?P<d1>[0-3]?[0-9]){_ORD}(?:{_SP}*[–—-]{_SP}*(?P<d2>[0-3]?[0-9]){_ORD})?"
    rf"(?:{_SP}+of)?{_SP}+(?P<mon>[^\W\d_]+)\.?"
    rf"(?:[\s\u00a0,]+(?:of{_SP}+)?(?P<y>[12][0-9]{{3}})(?![0-9]))?",
    re.IGNORECASE,
)
_NUMBER_FIRST_RE = re.compile(
    rf"(?=[0-9])(?<![0-9.,])(?P<n>[0-9]{{1,4}}){_ORD}(?:{_SP}*[–—-]{_SP}*(?P<d2>[0-3]?[0-9]){_ORD})?(?![0-9])"
    rf"(?:,?{_SP}+(?P<y>[12][0-9]{{3}})(?![0-9]))?",
    re.IGNORECASE,
)
_NUMERIC_RE = re.compile(
    r"(?=[0-9])(?<![0-9.,])(?:(?P<d>[0-3]?[0-9])\.(?P<m>[01]?[0-9])\.(?P<y>[0-9]{4}|[0-9]{2})"
    r"|(?P<iy>[12][0-9]{3})-(?P<im>[01][0-9])-(?P<id>[0-3][0-9]))(?![0-9]|[.,][0-9])"
)
# A Belarusian draft may keep Russian month names: read them so the date still compares,
# and let the check name the wrong month word separately.
_MONTHS = {"ru": RU_MONTHS, "be": {**RU_MONTHS, **BE_MONTHS}, "en": EN_MONTHS}
_DIGIT_RE = re.compile("[0-9]")


def _month(word: str, months: dict[str, tuple[int, str]], english: bool) -> int | None:
    entry = months.get(word.lower())
    if entry is None or (english and word == "may"):  # lower-case «may» is the verb
        return None
    return entry[0]


def _days(*values: str | None) -> list[int | None] | None:
    days = [int(v) for v in values if v]
    if any(not 1 <= d <= 31 for d in days):
        return None
    return days or [None]  # type: ignore[return-value]


@lru_cache(maxsize=8192)
def parse_dates(text: str, lang: str) -> tuple[DateRef, ...]:
    """Every date in ``text`` for ``lang`` ("ru", "be", "en"; others read as English).

    A day range «12–14 марта» gives two dates. Order: as in the text.
    """
    if not _DIGIT_RE.search(text):  # every date form here has a day or a year
        return ()
    english = lang not in ("ru", "be")
    months = _MONTHS.get(lang, EN_MONTHS)
    found: list[DateRef] = []
    taken: list[tuple[int, int]] = []

    def add(days: list[int | None], month: int, year: int | None, s: int, e: int) -> None:
        taken.append((s, e))
        found.extend(DateRef(d, month, year, text[s:e], s, e) for d in days)

    def free(s: int, e: int) -> bool:
        return not any(s < te and e > ts for ts, te in taken)

    for m in _NUMERIC_RE.finditer(text):
        d, mo, y = (m["d"], m["m"], m["y"]) if m["d"] else (m["id"], m["im"], m["iy"])
        if 1 <= int(d) <= 31 and 1 <= int(mo) <= 12:
            add([int(d)], int(mo), int(y) + (2000 if len(y) == 2 else 0), *m.span())  # «.25» is 2025
    for m in _DAY_FIRST_RE.finditer(text):
        month, days = _month(m["mon"], months, english), _days(m["d1"], m["d2"])
        if month and days and free(*m.span()):
            add(days, month, int(m["y"]) if m["y"] else None, *m.span())
    for m in _NUMBER_FIRST_RE.finditer(text):
        if not free(*m.span()):
            continue
        # The word just before the number (string methods: cheaper than a regex here).
        window = text[max(0, m.start() - 16):m.start()]
        if not window or not window[-1].isspace():
            continue
        head = window.rstrip().rstrip(".")
        word = (head.rsplit(None, 1)[-1] if head.strip() else "").lstrip("(«„\"“‘[")
        month = _month(word, months, english) if word.isalpha() else None
        if not month:
            continue
        start = m.start() - len(window) + len(head) - len(word)
        n = m["n"]
        if len(n) == 4 and not m["d2"] and not m["y"] and n[0] in "12":  # «в марте 2025»
            add([None], month, int(n), start, m.end())
        elif english and len(n) <= 2 and (days := _days(n, m["d2"])):  # «March 12, 2025»
            add(days, month, int(m["y"]) if m["y"] else None, start, m.end())
    found.sort(key=lambda d: d.start)
    return tuple(found)


# Lower case only: month names are written lower case in both languages, and «Марта»,
# «Августа» capitalised are more often personal names. «мае» is also a common Belarusian
# word («мае» = has, my): only before a year is it the Russian «в мае 2025».
_RU_ONLY_RE = re.compile(
    rf"(?<![^\W\d_])(?:{'|'.join(w for w in RU_ONLY_MONTHS if w != 'мае')}"
    r"|мае(?=[\s\u00a0]+[12][0-9]{3}(?![0-9])))(?![^\W\d_])"
)


_RU_STEMS = ("январ", "феврал", "март", "апрел", "июн", "июл", "август", "сентябр", "октябр",
             "ноябр", "декабр", "мае")


def russian_month_words(text: str) -> list[tuple[str, str, int, int]]:
    """Russian month names in a Belarusian text: (word, Belarusian form, start, end)."""
    if not any(stem in text for stem in _RU_STEMS):  # cheap: most drafts have none
        return []
    return [(m[0], RU_ONLY_MONTHS[m[0]], m.start(), m.end()) for m in _RU_ONLY_RE.finditer(text)]
