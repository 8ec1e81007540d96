"""Cyrillic names left in an English draft: the glossary's official form, else romanised.

An NMT model sometimes passes a rare name through in Cyrillic («met with Кушниренко»).
Such a word is replaced by, in this order:

1. the official English form from the glossary, when the Cyrillic word (or phrase) is one
   of an entry's Russian or Belarusian forms ("names" built by the pipeline from the
   glossary; the same mapping turns an ``en_forbidden`` spelling such as "Byelorussia"
   into the approved "Belarus");
2. a romanisation by one documented system per language:

   * **Belarusian** spelling (the word has і, ў or the apostrophe ’): the Belarusian
     national system of 2007 ("Instruction on the transliteration of geographical names of
     the Republic of Belarus", State Committee on Property, 2007), adopted by the UN
     Conference on the Standardization of Geographical Names, resolution IX/7 (2007); tables
     in the UNGEGN Working Group on Romanization Systems report, "Belarusian". Мінск →
     Minsk, Магілёў → Mahilioŭ, Віцебск → Viciebsk, Гомель → Homieĺ;
   * **Russian** spelling (everything else, the source being Russian): BGN/PCGN 1947
     (US Board on Geographic Names and UK Permanent Committee on Geographical Names,
     "Romanization of Russian"; UNGEGN WGRS report, "Russian"). Смоленск → Smolensk,
     Ульяновск → Ul’yanovsk, Кушниренко → Kushnirenko. The optional middle dot (t·s) is
     not written.

Only capitalised words are names: a lower-case Cyrillic word is an untranslated word and
stays for the QA checks to report, as does a draft with more Cyrillic words than Latin
ones (an untranslated sentence). Nothing is silent: every replaced word carries a
``fallback`` mark, so the review shows it as a guess to check.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..model import EngineOutput, Mark
from ._edits import Edit, apply_edits
from .be_translit import match_case

_RU_VOWELS = set("аеёиоуыэюя")
#: BGN/PCGN 1947 (е/ё become ye/yë at the start and after a vowel, й, ъ or ь).
_BGN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "ë", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "”", "ы": "y", "ь": "’", "э": "e", "ю": "yu", "я": "ya",
}

_BY_VOWELS = set("аеёіоуыэюя")
#: Belarusian national system 2007 (е ё ю я and ь: see romanise_be).
_BY = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "ж": "ž", "з": "z", "і": "i",
    "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ў": "ŭ", "ф": "f", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "ы": "y",
    "э": "e",
}
_BY_IOTATED = {"е": "e", "ё": "o", "ю": "u", "я": "a"}  # je / ie, jo / io, ju / iu, ja / ia
_BY_SOFT = {"з": "ź", "л": "ĺ", "н": "ń", "с": "ś", "ц": "ć"}  # consonant + ь

_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁёІіЎўҐґ][А-Яа-яЁёІіЎўҐґ’'\-]*[А-Яа-яЁёІіЎўҐґ]|[А-Яа-яЁёІіЎўҐґ]")


def romanise_ru(word: str) -> str:
    """Russian spelling → BGN/PCGN: ye/yë at the start and after a vowel, й, ъ or ь."""
    out = []
    lower = word.lower()
    for i, ch in enumerate(lower):
        prev = lower[i - 1] if i else ""
        if ch in "её" and (not prev or prev in _RU_VOWELS or prev in "йъь" or not prev.isalpha()):
            out.append("y" + _BGN[ch])
        else:
            out.append(_BGN.get(ch, ch))
    return _case("".join(out), word)


def romanise_be(word: str) -> str:
    """Belarusian spelling → national system 2007: je/ja… after a vowel, ’, ў, ь or at the
    start, ie/ia… after a consonant; зь, ль, нь, сь, ць → ź, ĺ, ń, ś, ć; г → h, х → ch."""
    out: list[str] = []
    lower = word.lower().replace("'", "’")
    for i, ch in enumerate(lower):
        prev = lower[i - 1] if i else ""
        if ch in _BY_IOTATED:
            glide = "j" if (not prev or prev in _BY_VOWELS or prev in "’ўь" or not prev.isalpha()) else "i"
            out.append(glide + _BY_IOTATED[ch])
        elif ch == "ь":
            if out and prev in _BY_SOFT and out[-1].endswith(_BY[prev]):
                out[-1] = out[-1][: -len(_BY[prev])] + _BY_SOFT[prev]
        elif ch == "’":
            continue  # the apostrophe is not written
        else:
            out.append(_BY.get(ch, ch))
    return _case("".join(out), word)


_BY_MARKS = re.compile(r"[бвгджзклмнпрстфхцчшў]э|дз", re.IGNORECASE)


def is_belarusian(word: str) -> bool:
    """Belarusian spelling: і, ў or the apostrophe (letters Russian does not have), or —
    without the Russian-only и, щ, ъ — э after a consonant or дз («Лукашэнка», «Маладзечна»)."""
    if any(c in "іІўЎ’'" for c in word):
        return True
    return not any(c in "иИщЩъЪ" for c in word) and bool(_BY_MARKS.search(word))


def romanise(word: str) -> str:
    """A Cyrillic name in Latin letters by the system of its spelling (see the module)."""
    return romanise_be(word) if is_belarusian(word) else romanise_ru(word)


def _case(latin: str, original: str) -> str:
    if original.isupper() and len(original) > 1:
        return latin.upper()
    return match_case(original, latin)


_LATIN_WORD = re.compile(r"[A-Za-z]+")


def is_english(text: str) -> bool:
    """More Latin words than Cyrillic ones: the Cyrillic words are leftovers in an English
    draft, not an untranslated (Russian) draft, which the QA checks report instead."""
    return len(_LATIN_WORD.findall(text)) > len(_CYRILLIC_WORD.findall(text))


def name_edits(text: str, names: Mapping[str, str] = {}) -> list[Edit]:
    """Official forms for glossary names (Cyrillic or forbidden spellings), then a
    romanisation of any Cyrillic word left, in an English draft."""
    edits: list[Edit] = []
    taken: list[tuple[int, int]] = []
    if not is_english(text):
        return edits  # an untranslated (Russian) draft: the QA checks report it
    if names:
        folded = {k.casefold(): v for k, v in names.items()}
        pattern = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(k) for k in sorted(names, key=len, reverse=True)) + r")(?![\w-])",
            re.IGNORECASE,
        )
        for m in pattern.finditer(text):
            edits.append(Edit(m.start(), m.end(), folded[m.group(1).casefold()]))
            taken.append((m.start(), m.end()))
    for m in _CYRILLIC_WORD.finditer(text):
        if not m.group()[0].isupper():
            continue  # a lower-case word is an untranslated word, not a name: left for QA
        if not any(s < m.end() and m.start() < e for s, e in taken):
            edits.append(Edit(m.start(), m.end(), romanise(m.group())))
    return edits


def repair(outputs: Sequence[EngineOutput], names: Mapping[str, str] = {}) -> list[EngineOutput]:
    """English drafts with :func:`name_edits` applied; each replaced word gets a
    ``fallback`` mark (kept marks move with the text)."""
    repaired = []
    for output in outputs:
        if output.error or not output.text:
            repaired.append(output)
            continue
        edits = sorted((e for e in name_edits(output.text, names) if output.text[e.start:e.end] != e.new),
                       key=lambda e: e.start)
        if not edits:
            repaired.append(output)
            continue
        text, marks = apply_edits(output.text, edits, output.marks)
        new_marks, delta = [], 0
        for e in edits:
            start = e.start + delta
            new_marks.append(Mark("fallback", e.new, start, start + len(e.new)))
            delta += len(e.new) - (e.end - e.start)
        repaired.append(replace(output, text=text, marks=tuple(sorted((*marks, *new_marks), key=lambda m: m.start))))
    return repaired
