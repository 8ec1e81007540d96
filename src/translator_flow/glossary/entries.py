"""Glossary entries: one official term with its approved Belarusian and English forms.

An entry is what one CSV row (or one TBX ``termEntry``) holds. The columns are documented
for editors in ``glossary/README.md``; this module is the single place that knows them.
"""

from __future__ import annotations

from ..morph.tables import CASE_NAMES, NUMBER_NAMES

import re
import unicodedata
from dataclasses import dataclass

#: Columns every glossary file must have (issue 3).
REQUIRED_COLUMNS: tuple[str, ...] = ("id", "ru", "be", "en", "note", "source")
#: Columns the tool understands when present; any other column is kept as ``extra``.
OPTIONAL_COLUMNS: tuple[str, ...] = (
    "ru_variants",
    "be_forbidden",
    "en_forbidden",
    "be_variants",
    "en_variants",
    "be_forms",
    "status",
    "gender",
)
KNOWN_COLUMNS: tuple[str, ...] = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
#: Columns holding ``|``-separated lists.
LIST_COLUMNS: frozenset[str] = frozenset(
    {"ru_variants", "be_forbidden", "en_forbidden", "be_variants", "en_variants"}
)

#: ``status`` values: empty means approved; drafts are applied but flagged for the
#: reviewer; deprecated rows stay in the file for history and are not applied.
STATUSES: tuple[str, ...] = ("", "approved", "draft", "deprecated")

#: Grammatical cases in Apertium's names (the Belarusian generator's tags).
CASES: tuple[str, ...] = CASE_NAMES
NUMBERS: tuple[str, ...] = NUMBER_NAMES
#: Keys allowed in ``be_forms``: ``gen=…`` (singular) and ``pl_gen=…`` (plural).
FORM_KEYS: tuple[str, ...] = CASES + tuple(f"pl_{c}" for c in CASES)

#: ``gender`` values (case-insensitive) → "m" / "f"; empty: derived from the first name.
GENDERS: dict[str, str] = {
    "m": "m", "male": "m", "man": "m", "м": "m", "муж": "m", "мужской": "m", "мужчына": "m",
    "f": "f", "female": "f", "woman": "f", "ж": "f", "жен": "f", "женский": "f", "жанчына": "f",
}  # fmt: skip

TARGET_LANGS: tuple[str, ...] = ("be", "en")


@dataclass(frozen=True)
class Entry:
    """One official term: the Russian dictionary form and its approved translations."""

    id: str
    ru: str
    be: str
    en: str
    note: str = ""
    source: str = ""
    ru_variants: tuple[str, ...] = ()
    be_forbidden: tuple[str, ...] = ()
    en_forbidden: tuple[str, ...] = ()
    be_variants: tuple[str, ...] = ()
    en_variants: tuple[str, ...] = ()
    be_forms: tuple[tuple[str, str], ...] = ()  # (key, whole-term form), keys in FORM_KEYS
    status: str = ""
    extra: tuple[tuple[str, str], ...] = ()  # unknown columns, kept verbatim
    file: str = ""  # where the row was read, for messages (not part of the content)
    line: int = 0
    gender: str = ""  # a person's: "m" or "f"; "" = not a person, or derived from the name

    @property
    def where(self) -> str:
        """``file:line`` of the row, for messages."""
        return f"{self.file}:{self.line}" if self.file else f"entry {self.id}"

    @property
    def active(self) -> bool:
        """Whether the entry is applied to texts (deprecated rows are not)."""
        return self.status != "deprecated"

    def target(self, lang: str) -> str:
        """The approved dictionary form in ``lang`` ("be" or "en"); "" when absent."""
        return {"be": self.be, "en": self.en}.get(lang, "")

    def forbidden(self, lang: str) -> tuple[str, ...]:
        """Variants the office forbids in ``lang`` drafts."""
        return {"be": self.be_forbidden, "en": self.en_forbidden}.get(lang, ())

    def variants(self, lang: str) -> tuple[str, ...]:
        """Accepted alternatives to the approved form in ``lang``."""
        return {"be": self.be_variants, "en": self.en_variants}.get(lang, ())

    def pinned(self, case: str, number: str = "sg") -> str | None:
        """The Belarusian form an editor pinned in ``be_forms`` for case+number, if any."""
        key = case if number == "sg" else f"pl_{case}"
        for k, value in self.be_forms:
            if k == key:
                return value
        if key == "nom" and self.be:
            return self.be
        return None

    def to_row(self) -> dict[str, str]:
        """The CSV row (known columns first, then extras) for writing."""
        row = {
            "id": self.id,
            "ru": self.ru,
            "be": self.be,
            "en": self.en,
            "note": self.note,
            "source": self.source,
            "ru_variants": join_list(self.ru_variants),
            "be_forbidden": join_list(self.be_forbidden),
            "en_forbidden": join_list(self.en_forbidden),
            "be_variants": join_list(self.be_variants),
            "en_variants": join_list(self.en_variants),
            "be_forms": format_be_forms(self.be_forms),
            "status": self.status,
        }
        if self.gender:  # only when set, so glossaries without the column keep their hash
            row["gender"] = self.gender
        row.update(dict(self.extra))
        return row

    def content_key(self) -> tuple:
        """Everything an editor wrote (not where it was read): the basis of the hash."""
        return tuple(sorted(self.to_row().items()))


def split_list(text: str) -> tuple[str, ...]:
    """``"a | b||c"`` → ``("a", "b", "c")``: the ``|``-separated list columns."""
    return tuple(part.strip() for part in (text or "").split("|") if part.strip())


def join_list(items: tuple[str, ...]) -> str:
    """The inverse of :func:`split_list`."""
    return "|".join(items)


def parse_be_forms(text: str) -> tuple[tuple[str, str], ...]:
    """Parse ``gen=Смаленскай вобласці|ins=Смаленскай вобласцю``; ValueError says what's wrong."""
    pairs: list[tuple[str, str]] = []
    seen: set[str] = set()
    for part in (text or "").split("|"):
        part = part.strip()
        if not part:
            continue
        key, eq, value = part.partition("=")
        key, value = key.strip(), value.strip()
        if not eq:
            raise ValueError(f"be_forms item {part!r} has no '=': write it as case=form, e.g. gen=…")
        if key not in FORM_KEYS:
            raise ValueError(
                f"be_forms key {key!r} is not a case: use {', '.join(CASES)} "
                f"(plural: pl_gen, pl_dat, …)"
            )
        if not value:
            raise ValueError(f"be_forms item {part!r} has an empty form")
        if key in seen:
            raise ValueError(f"be_forms lists {key!r} twice; keep one")
        seen.add(key)
        pairs.append((key, value))
    return tuple(pairs)


def format_be_forms(pairs: tuple[tuple[str, str], ...]) -> str:
    """The inverse of :func:`parse_be_forms`."""
    return "|".join(f"{k}={v}" for k, v in pairs)


_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'"})
_DASHES = str.maketrans({"‐": "-", "‑": "-", "\u00ad": ""})
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Text as the matcher compares it: lower case, ё→е, one apostrophe, one hyphen, one space."""
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES).translate(_DASHES)
    text = _SPACES.sub(" ", text).strip().lower()
    return text.replace("ё", "е")


def slug(text: str) -> str:
    """An id-friendly ASCII slug of ``text`` (Cyrillic transliterated), e.g. for new ids."""
    table = {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
        "я": "ya", "і": "i", "ў": "u",
    }  # fmt: skip
    out = "".join(table.get(ch, ch) for ch in text.lower())
    out = re.sub(r"[^a-z0-9]+", "-", out.replace("-", " ")).strip("-")
    return out[:48].rstrip("-") or "term"
