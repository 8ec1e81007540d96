"""Surname paradigms by rule (morph/surnames.py), checked against pymorphy3's dictionary.

For surnames pymorphy3 *knows* (OpenCorpora lexemes), every singular form of the person's
gender must be among the forms the rules produce: the rules are what the matcher uses for
the surnames it does not know, so they must agree where a reference exists. Belarusian
rows are the reviewed truth (rules cited in the module).
"""

from __future__ import annotations

import pytest

from translator_flow.morph.russian import analyzer
from translator_flow.morph.surnames import belarusian_given_name, belarusian_surname, russian_surname
from translator_flow.morph.tables import RU_CASE

KNOWN = ["Иванов", "Петров", "Смирнов", "Кузнецов", "Соловьёв", "Васильев", "Никитин", "Ильин", "Сорокин", "Фомин", "Толстой", "Достоевский", "Чайковский", "Шевченко", "Гоголь", "Кравец", "Жук", "Лукашенко", "Черных", "Белых", "Глинка", "Шмидт", "Пушкин", "Лермонтов", "Крылов", "Горький", "Трубецкой", "Гайдай", "Цой", "Бондаренко", "Короленко", "Лихачёв", "Мицкевич", "Песков", "Мишустин", "Лавров", "Алиев", "Куприн"]


def _pymorphy_forms(word: str, gender: str) -> dict[str, set[str]]:
    wanted = {"m": "masc", "f": "femn"}[gender]
    out: dict[str, set[str]] = {}
    for p in analyzer().parse(word):
        if "Surn" in p.tag and p.tag.case == "nomn" and p.tag.gender in (wanted, None):
            for f in p.lexeme:
                if f.tag.number == "sing" and f.tag.gender in (wanted, None) and str(f.tag.case) in RU_CASE:
                    out.setdefault(f.word.replace("ё", "е"), set()).add(RU_CASE[str(f.tag.case)])
            break
    return out


@pytest.mark.parametrize("surname", KNOWN)
def test_rules_cover_the_dictionary_forms_of_known_surnames(surname: str) -> None:
    word = surname.lower().replace("ё", "е")
    checked = 0
    for gender in ("m", "f"):
        reference = _pymorphy_forms(word, gender)
        ours = russian_surname(word, gender) or {}
        for form, cases in reference.items():
            assert cases <= set(ours.get(form, ())), (gender, form, cases, ours.get(form))
            checked += 1
    assert checked, f"pymorphy3 no longer knows {surname}"


@pytest.mark.parametrize("surname,gender,case,form", [
    ("кочанова", "f", "acc", "кочанову"), ("кочанова", "f", "ins", "кочановой"),
    ("снопков", "m", "ins", "снопковым"), ("кравец", "m", "gen", "кравца"), ("кравец", "m", "gen", "кравеца"),
    ("кравец", "f", "ins", "кравец"), ("петренко", "f", "dat", "петренко"), ("черных", "m", "loc", "черных"),
    ("тихановская", "f", "acc", "тихановскую"), ("римский-корсаков", "m", "gen", "римского-корсакова"),
    ("зайчик", "m", "ins", "зайчиком"), ("мясникович", "m", "ins", "мясниковичем"),
])
def test_russian_forms_of_unknown_surnames(surname: str, gender: str, case: str, form: str) -> None:
    table = russian_surname(surname, gender)
    assert table is not None and case in table.get(form, ())


@pytest.mark.parametrize("surname,gender,forms,unsure", [
    ("Іваноў", "m", ("Іванова", "Іванову", "Іванова", "Івановым", "Іванове"), set()),
    ("Іванова", "f", ("Івановай", "Івановай", "Іванову", "Івановай", "Івановай"), set()),
    ("Навіцкі", "m", ("Навіцкага", "Навіцкаму", "Навіцкага", "Навіцкім", "Навіцкім"), set()),
    ("Палчэўская", "f", ("Палчэўскай", "Палчэўскай", "Палчэўскую", "Палчэўскай", "Палчэўскай"), set()),
    ("Лукашэнка", "m", ("Лукашэнкі", "Лукашэнку", "Лукашэнку", "Лукашэнкам", "Лукашэнку"), set()),
    ("Пятрэнка", "f", ("Пятрэнкі", "Пятрэнцы", "Пятрэнку", "Пятрэнкай", "Пятрэнцы"), set()),
    ("Лучанок", "m", ("Лучанка", "Лучанку", "Лучанка", "Лучанком", "Лучанку"), {"ins"}),
    ("Кравец", "m", ("Краўца", "Краўцу", "Краўца", "Краўцом", "Краўцу"), {"ins", "loc"}),
    ("Іванец", "f", ("Іванец",) * 5, set()),
    ("Чарных", "f", ("Чарных",) * 5, set()),
    ("Крыўко", "m", ("Крыўко",) * 5, set()),
    ("Мясніковіч", "m", ("Мясніковіча", "Мясніковічу", "Мясніковіча", "Мясніковічам", "Мясніковічу"), set()),
])
def test_belarusian_surname_forms(surname: str, gender: str, forms: tuple[str, ...], unsure: set[str]) -> None:
    got = belarusian_surname(surname, gender)
    assert got is not None
    assert tuple(got[0][c] for c in ("gen", "dat", "acc", "ins", "loc")) == forms
    assert got[1] == unsure


@pytest.mark.parametrize("name,gender,dat", [
    ("Наталля", "f", "Наталлі"), ("Вольга", "f", "Вользе"), ("Вераніка", "f", "Вераніцы"), ("Марта", "f", "Марце"),
    ("Вера", "f", "Веры"), ("Марыя", "f", "Марыі"), ("Ірына", "f", "Ірыне"), ("Ігар", "m", "Ігару"),
])
def test_belarusian_first_names_the_dictionary_lacks(name: str, gender: str, dat: str) -> None:
    got = belarusian_given_name(name, gender)
    assert got is not None and got[0]["dat"] == dat


def test_no_rule_means_none_not_a_guess() -> None:
    assert belarusian_surname("Кукуйъ", "m") is None
    assert belarusian_surname("Кукуйъ", "f") is None
    assert belarusian_surname("Іваноў", "") is None  # gender unknown: the caller decides and flags
