"""Russian → Belarusian spelling transfer for names (be_translit.transfer)."""

from __future__ import annotations

import pytest

from translator_flow.lang.be_translit import transfer

# (Russian, expected) — regular correspondences only; stress-dependent vowels (аканне)
# are deliberately left as in Russian, so e.g. «Толкачева» → «Толкачэва», not «Талкачова».
NAMES = [
    ("Путиным", "Пуціным"),  # цеканне, и → і, the case ending kept
    ("Кушниренко", "Кушнірэнка"),  # р is hard: е → э; the final -о of -енко is never stressed → а
    ("Лукашенко", "Лукашэнка"),  # ш is hard; the official spelling is «Лукашэнка»
    ("Михайленко", "Міхайленка"),  # л stays soft: е kept
    ("Гурко", "Гурко"),  # not an -енко surname: a final о may be stressed (Гурко́), left
    ("Кристина", "Крысціна"),  # р + и → ры, т + и → ці
    ("Галина", "Галіна"),
    ("Валерий", "Валерый"),
    ("Андрей", "Андрэй"),
    ("Устинович", "Усціновіч"),
    ("Белявская", "Беляўская"),  # в after a vowel before a consonant → ў
    ("Иванов", "Іваноў"),  # final в after a vowel → ў
    ("Жириновский", "Жырыноўскі"),  # ж hard; -ский → -скі
    ("Щёкин", "Шчокін"),  # щ → шч, ё after a hard consonant → о
    ("Горький", "Горкі"),  # no soft sign after р; -кий → -кі
    ("Марья", "Мар’я"),  # separating ь after р → apostrophe
    ("Григорьев", "Грыгор’еў"),
    ("Подъячев", "Под’ячэў"),  # ъ → apostrophe
    ("Ильин", "Ільін"),  # separating ь after л stays
    ("Тюмень", "Цюмень"),
    ("Дятлово", "Дзятлово"),  # дзеканне
    ("Шилов", "Шылоў"),
    ("Цой", "Цой"),
    ("ЛУКАШЕНКО", "ЛУКАШЭНКА"),  # capitalisation kept
    ("РНПЦ", "РНПЦ"),  # an abbreviation: nothing to respell
    ("Smith", "Smith"),  # not Cyrillic
]


@pytest.mark.parametrize(("russian", "expected"), NAMES)
def test_transfer(russian: str, expected: str) -> None:
    assert transfer(russian) == expected


def test_output_uses_belarusian_letters_only() -> None:
    for russian, _ in NAMES:
        out = transfer(russian)
        assert not set(out.lower()) & set("иъщ"), out
