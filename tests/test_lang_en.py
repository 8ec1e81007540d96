"""English post-editing on English strings: numbers and dates in English style, official
names from the glossary, other Cyrillic names romanised (BGN/PCGN for Russian spelling,
the Belarusian national system of 2007 for Belarusian spelling), quotes and dashes.

The sentences are written for these tests. Romanisation rows follow the systems' tables
(UNGEGN Working Group on Romanization Systems reports "Russian" and "Belarusian").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from translator_flow.lang import REPAIRS, postedit
from translator_flow.lang.en_names import is_belarusian, name_edits, repair, romanise, romanise_be, romanise_ru
from translator_flow.model import EngineOutput, Mark
from translator_flow.qa.numbers import parse_numbers

ROOT = Path(__file__).resolve().parents[1]

# (English draft as an engine may give it, after the English rules)
RULE_ROWS = [
    # numbers: decimal point, comma thousands, no space before %
    ("Revenue rose by 12,5 %.", "Revenue rose by 12.5%."),
    ("A loan of 1 500 000 roubles was granted.", "A loan of 1,500,000 roubles was granted."),
    ("The plant hired 2\u00a0300 people.", "The plant hired 2,300 people."),
    ("Exports grew by 3,14 points.", "Exports grew by 3.14 points."),
    ("Output reached 12\u202f450,75 tonnes.", "Output reached 12,450.75 tonnes."),
    ("About 1,500 tractors were sold.", "About 1,500 tractors were sold."),  # English already
    ("In 2025 the farm sold 1500 tonnes.", "In 2025 the farm sold 1500 tonnes."),  # 4 digits stay
    ("Товарооборот вырос на 12,5 %.", "Товарооборот вырос на 12,5 %."),  # untranslated: left for QA
    # dates and times
    ("The agreement was signed on 12.03.2025.", "The agreement was signed on 12 March 2025."),
    ("Classes start on 01.09.2024 in every school.", "Classes start on 1 September 2024 in every school."),
    ("The fair opens on 12 марта 2025 года in Minsk.", "The fair opens on 12 March 2025 in Minsk."),
    ("The forum ends on 5 мая.", "The forum ends on 5 May."),
    ("The exhibition opens at 10.00 on Monday.", "The exhibition opens at 10:00 on Monday."),
    ("Open from 9.30 to 18.00 daily.", "Open from 9:30 to 18:00 daily."),
    ("Prices rose by 10.50 roubles.", "Prices rose by 10.50 roubles."),  # not a time
    # quotes, dashes, apostrophes, ellipsis
    ("The «Smolensk Region» fair opened.", "The “Smolensk Region” fair opened."),
    ("He praised the «Plant «MTZ» brand».", "He praised the “Plant ‘MTZ’ brand”."),
    ('"We are ready", the ambassador said.', "“We are ready”, the ambassador said."),
    ("Minsk - the capital - hosted the talks.", "Minsk — the capital — hosted the talks."),
    ("- We are ready, he said.", "— We are ready, he said."),
    ("See pages 10 - 12 of the report.", "See pages 10 - 12 of the report."),  # a range stays
    ("Minsk's factories don't stop.", "Minsk’s factories don’t stop."),
    ("And so on...", "And so on…"),
]


@pytest.mark.parametrize(("draft", "expected"), RULE_ROWS, ids=[r[0][:40] for r in RULE_ROWS])
def test_english_rules(draft: str, expected: str) -> None:
    assert postedit(draft, "en") == expected
    assert postedit(expected, "en") == expected  # idempotent


# (Russian source, English draft): the QA numbers check reads the same values after editing.
NUMBER_PAIRS = [
    ("Выручка выросла на 12,5 % и составила 1 500 000 рублей.", "Revenue rose by 12,5 % to 1 500 000 roubles."),
    ("Соглашение подписано 12.03.2025 в 10.00.", "The agreement was signed on 12.03.2025 at 10.00."),
    ("Заводы выпустили 12 450,75 тонны.", "The plants produced 12 450,75 tonnes."),
]


@pytest.mark.parametrize(("source", "draft"), NUMBER_PAIRS)
def test_number_rules_keep_the_values_the_qa_check_compares(source: str, draft: str) -> None:
    edited = postedit(draft, "en")
    assert edited != draft
    assert sorted(n.value for n in parse_numbers(edited, "en")) == sorted(n.value for n in parse_numbers(source, "ru"))


# (word, system, romanisation) — BGN/PCGN for Russian spelling; 2007 national system for Belarusian.
ROMANISATION_ROWS = [
    ("Смоленск", "ru", "Smolensk"),
    ("Кушниренко", "ru", "Kushnirenko"),
    ("Ульяновск", "ru", "Ul’yanovsk"),  # ь → ’ ; я after ь → ya
    ("Ельня", "ru", "Yel’nya"),  # е at the start → ye
    ("Щёлково", "ru", "Shchëlkovo"),  # щ → shch, ё → ë
    ("Подъячев", "ru", "Pod”yachev"),  # ъ → ”
    ("Хабаровск", "ru", "Khabarovsk"),  # х → kh
    ("Цивильск", "ru", "Tsivil’sk"),  # ц → ts
    ("Дзержинский", "ru", "Dzerzhinskiy"),  # и is Russian-only: BGN/PCGN, й → y
    ("Мінск", "be", "Minsk"),
    ("Магілёў", "be", "Mahilioŭ"),  # г → h, ё after a consonant → io, ў → ŭ
    ("Віцебск", "be", "Viciebsk"),  # ц → c, е after a consonant → ie
    ("Гомель", "be", "Homieĺ"),  # ль → ĺ
    ("Маладзечна", "be", "Maladziečna"),  # ч → č
    ("Нясвіж", "be", "Niasviž"),
    ("Баранавічы", "be", "Baranavičy"),
    ("Салігорск", "be", "Salihorsk"),
    ("Жодзіна", "be", "Žodzina"),
    ("Ясельда", "be", "Jasieĺda"),  # я at the start → ja
    ("Зьміцер", "be", "Źmicier"),  # зь → ź
    ("Вілейка", "be", "Viliejka"),  # й → j
    ("Лукашэнка", "be", "Lukašenka"),
    ("Аб’яднанне", "be", "Abjadnannie"),  # after the apostrophe → ja; the apostrophe is not written
]


@pytest.mark.parametrize(("word", "system", "latin"), ROMANISATION_ROWS, ids=[r[0] for r in ROMANISATION_ROWS])
def test_romanisation_tables(word: str, system: str, latin: str) -> None:
    by_system = romanise_ru(word) if system == "ru" else romanise_be(word)
    assert by_system == latin
    assert romanise(word.upper()) == romanise(word).upper()
    if system == "ru" or is_belarusian(word):  # spelling decides the system
        assert romanise(word) == latin


@pytest.fixture(scope="module")
def names() -> dict[str, str]:
    from translator_flow.glossary import load_glossary
    from translator_flow.glossary.names import official_names

    return official_names(load_glossary(ROOT / "glossary"), "en")


# (English draft, draft after the repair, words that must carry a fallback mark)
NAME_ROWS = [
    ("He met Кушниренко in Smolensk.", "He met Kushnirenko in Smolensk.", ["Kushnirenko"]),
    ("The delegation visited Нясвіж and Маладзечна.", "The delegation visited Niasviž and Maladziečna.",
     ["Niasviž", "Maladziečna"]),
    # official names from the glossary win over romanisation (Mogilev, not Mahilioŭ)
    ("The delegation visited Магілёў and Віцебск.", "The delegation visited Mogilev and Vitebsk.",
     ["Mogilev", "Vitebsk"]),
    ("Workers of the Минский тракторный завод met the governor.",
     "Workers of the Minsk Tractor Works met the governor.", ["Minsk Tractor Works"]),
    ("Trade with Byelorussia grew.", "Trade with Belarus grew.", ["Belarus"]),
    ("Trade with the Republic of Byelorussia grew.", "Trade with the Republic of Belarus grew.",
     ["Republic of Belarus"]),
    ("The talks in Беларусь went well.", "The talks in Belarus went well.", ["Belarus"]),
    # an untranslated (Russian) draft, or a lower-case word, is not romanised: QA reports it
    ("Governor Vasily Anokhin провёл встречу in Minsk.", "Governor Vasily Anokhin провёл встречу in Minsk.", []),
    ("Губернатор провёл совещание в Смоленске.", "Губернатор провёл совещание в Смоленске.", []),
    ("The governor of the region opened the fair.", "The governor of the region opened the fair.", []),
]


@pytest.mark.parametrize(("draft", "expected", "marked"), NAME_ROWS, ids=[r[0][:40] for r in NAME_ROWS])
def test_names_official_or_romanised_and_marked(names, draft: str, expected: str, marked: list[str]) -> None:
    [out] = REPAIRS["en"]([EngineOutput(text=draft)], names)
    assert out.text == expected
    fallback = [m for m in out.marks if m.kind == "fallback"]
    assert [m.word for m in fallback] == marked
    assert all(out.text[m.start:m.end] == m.word for m in fallback)


def test_repair_keeps_existing_marks_on_their_words() -> None:
    text = "Кушниренко met the minister of Хабаровск."
    mark = Mark("unknown", "minister", text.index("minister"), text.index("minister") + len("minister"))
    [out] = repair([EngineOutput(text=text, marks=(mark,))])
    kept = [m for m in out.marks if m.kind == "unknown"]
    assert kept and out.text[kept[0].start:kept[0].end] == "minister"
    assert out.text == "Kushnirenko met the minister of Khabarovsk."


def test_failed_outputs_pass_unchanged() -> None:
    failed = EngineOutput(text="", error="Argos failed")
    assert repair([failed]) == [failed]
    assert name_edits("Just English text.") == []
