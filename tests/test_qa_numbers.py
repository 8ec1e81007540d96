"""Table-driven tests of the `numbers` and `dates` checks and their locale-aware parsers:
Russian sources against Belarusian and English drafts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from qa_helpers import issues, kinds
from translator_flow.qa.dates import parse_dates
from translator_flow.qa.numbers import parse_numbers

NONE: set = set()
NUM_B = {("numbers", "blocking")}
NUM_W = {("numbers", "warning")}
DATE_W = {("dates", "warning")}

NBSP, NNBSP = "\u00a0", "\u202f"

# (source, draft, lang, expected (check, severity) set)
NUMBER_CASES = [
    # Belarusian drafts
    ("Товарооборот составил 1 250,5 млн долларов.", "Тавараабарот склаў 1 250,5 млн долараў.", "be", NONE),
    ("Товарооборот составил 1 250,5 млн долларов.", "Тавараабарот склаў 1 250,5 мільёна долараў.", "be", NONE),
    ("Товарооборот составил 1 250,5 млн долларов.", "Тавараабарот склаў 1 205,5 млн долараў.", "be", NUM_B),
    ("Создано 10 тысяч рабочих мест.", "Створана 10 тыс. працоўных месцаў.", "be", NONE),
    ("Создано 10 тысяч рабочих мест.", "Створана 10 тысяч працоўных месцаў.", "be", NONE),
    (f"Собрано 1{NBSP}000,5 тонны зерна.", f"Сабрана 1{NNBSP}000,5 тоны збожжа.", "be", NONE),
    ("Рост составил 25 %.", "Рост склаў 52 %.", "be", NUM_B),
    ("Рост составил 1,5 %.", "Рост склаў 1.5 %.", "be", NUM_W),
    ("Реконструкция 9-й больницы.", "Рэканструкцыя 9-й бальніцы.", "be", NONE),
    ("В 2024–2025 годах.", "У 2024–2025 гадах.", "be", NONE),
    ("Открыто 5 школ.", "Адкрыта пяць школ.", "be", NONE),
    ("Приём с 16.00 - 18.00.", "Прыём з 16.00 - 18.00.", "be", NONE),
    ("Приём с 16.00 - 18.00.", "Прыём з 16.00 - 19.00.", "be", NUM_B),
    ("Открыто 5 школ.", "Адкрыта школ.", "be", NUM_B),
    # English drafts
    ("Товарооборот составил 1 000,5 тонны.", "Trade reached 1,000.5 tonnes.", "en", NONE),
    ("Создано 10 тысяч рабочих мест.", "10 thousand jobs were created.", "en", NONE),
    ("Создано 10 тысяч рабочих мест.", "10,000 jobs were created.", "en", NONE),
    ("Создано 10 тысяч рабочих мест.", "10 million jobs were created.", "en", NUM_B),
    ("Инвестиции составили 2,5 млн рублей.", "Investment reached 2.5 million rubles.", "en", NONE),
    ("Инвестиции составили 2,5 млн рублей.", "Investment reached 2,5 million rubles.", "en", NUM_W),
    ("Инвестиции составили 2,5 млрд рублей.", "Investment reached 2.5bn rubles.", "en", NONE),
    ("Рост составил 25 %.", "Growth was 25%.", "en", NONE),
    ("Реконструкция 9-й больницы.", "Reconstruction of the 9th hospital.", "en", NONE),
    ("В 2024–2025 годах.", "In 2024-2025.", "en", NONE),
    ("В 2024–2025 годах.", "In 2024.", "en", NUM_B),
    ("В 2025 году открыто 5 школ.", "Five schools opened in 2025.", "en", NONE),
    ("В 2025 году открыто 5 школ.", "Six schools opened in 2025.", "en", NUM_B),
    ("Объём вырос в 2 раза.", "The volume doubled.", "en", NONE),
    ("Встреча начнётся в 14.00.", "The meeting starts at 2 p.m.", "en", NONE),
    ("Встреча начнётся в 14:30.", "The meeting starts at 2:30 p.m.", "en", NONE),
    ("Встреча начнётся в 14:30.", "The meeting starts at 4:30 p.m.", "en", NUM_B),
    ("Решение принято 12.03.2025.", "The decision was made on 12 March 2025.", "en", NONE),
    ("Решение принято 12.03.25.", "The decision was made on 12 March 2025.", "en", NONE),
    ("Решение принято.", "The decision was made in 2025.", "en", NUM_B),
    ("Решение принято единогласно.", "The decision was unanimous.", "en", NONE),
]


@pytest.mark.parametrize("source,draft,lang,expected", NUMBER_CASES)
def test_numbers_table(source: str, draft: str, lang: str, expected: set) -> None:
    assert kinds(source, draft, lang, "numbers") == expected


def test_number_message_names_the_number_and_points_at_the_draft() -> None:
    draft = "Тавараабарот склаў 1 205,5 млн долараў."
    (issue,) = issues("Товарооборот составил 1 250,5 млн долларов.", draft, "be", "numbers")
    assert "1 250,5" in issue.message and "1 205,5" in issue.message
    assert issue.span is not None and draft[issue.span[0]:issue.span[1]].startswith("1 205,5")


def test_missing_number_message_is_readable() -> None:
    (issue,) = issues(f"Собрано 1{NBSP}250,5 тонны.", "Collected tonnes.", "en", "numbers")
    assert issue.message == "Number 1 250,5 from the source is missing in the draft"
    assert issue.span is None


def test_each_missing_occurrence_counts() -> None:
    found = issues("Было 5 и ещё 5 заводов.", "There were 5 plants.", "en", "numbers")
    assert len(found) == 1 and "5" in found[0].message


@pytest.mark.parametrize(
    "text,lang,values",
    [
        ("1 000,5", "ru", ["1000.5"]),
        (f"1{NBSP}000{NBSP}000", "be", ["1000000"]),
        ("1,000.5", "en", ["1000.5"]),
        ("1,000,000", "en", ["1000000"]),
        ("10 тыс.", "be", ["10000"]),
        ("2,5 миллиона", "ru", ["2500000"]),
        ("2,5 мільярда", "be", ["2500000000"]),
        ("2.5 billion", "en", ["2500000000"]),
        ("2024–2025", "ru", ["2024", "2025"]),
        ("в 2024 году 150 предприятий", "ru", ["2024", "150"]),
        ("12.03.2025", "ru", ["12", "2025"]),
        ("2025-03-12", "en", ["2025", "12"]),
        ("в 9.30", "ru", ["9", "30"]),
        ("10 a.m.", "en", ["10"]),
        ("тысячелетие", "ru", []),
        ("миллионный посетитель", "ru", []),
    ],
)
def test_parse_numbers_values(text: str, lang: str, values: list[str]) -> None:
    assert sorted(n.value for n in parse_numbers(text, lang)) == sorted(Decimal(v) for v in values)


# (source, draft, lang, expected)
DATE_CASES = [
    ("Форум пройдёт 12 марта 2025 года.", "Форум пройдзе 12 сакавіка 2025 года.", "be", NONE),
    ("Форум пройдёт 12 марта 2025 года.", "Форум пройдзе 12 сакавіка 2025 г.", "be", NONE),
    ("Форум пройдёт 12 марта 2025 года.", "Форум пройдзе 12 марта 2025 года.", "be", DATE_W),
    ("Форум пройдёт 12 марта 2025 года.", "Форум пройдзе 13 сакавіка 2025 года.", "be", DATE_W),
    ("Форум пройдёт 12 марта 2025 года.", "Форум пройдзе 12 красавіка 2025 года.", "be", DATE_W),
    ("Выставка откроется 1 мая.", "Выстава адкрыецца 1 мая.", "be", NONE),
    ("Выставка откроется 1 мая.", "Выстава адкрыецца 1 траўня.", "be", NONE),
    ("Завод открыт в мае 2025 года.", "Завод адкрыты ў траўні 2025 года.", "be", NONE),
    ("Беларусь имеет большой потенциал.", "Беларусь мае вялікі патэнцыял.", "be", NONE),
    ("Решение принято 12.03.2025.", "Рашэнне прынята 12 сакавіка 2025 года.", "be", NONE),
    ("Решение принято 12.03.25.", "Рашэнне прынята 12 сакавіка 2025 года.", "be", NONE),
    ("Форум пройдёт 12 марта 2025 года.", "The forum will be held on 12 March 2025.", "en", NONE),
    ("Форум пройдёт 12 марта 2025 года.", "The forum will be held on March 12, 2025.", "en", NONE),
    ("Форум пройдёт 12 марта 2025 года.", "The forum will be held on 12 May 2025.", "en", DATE_W),
    ("Форум пройдёт 12 марта 2025 года.", "The forum will be held on March 12.", "en", NONE),
    ("Решение принято 12.03.2025.", "The decision was made on 12 March 2025.", "en", NONE),
    ("Форум пройдёт 12–14 марта.", "The forum runs March 12–14.", "en", NONE),
    ("Форум пройдёт весной.", "The forum will be held on 1 May.", "en", DATE_W),
    ("Форум пройдёт 1 июня.", "The forum will be held in spring.", "en", DATE_W),
    ("Вы можете прийти.", "You may come in 2025.", "en", NONE),
]


@pytest.mark.parametrize("source,draft,lang,expected", DATE_CASES)
def test_dates_table(source: str, draft: str, lang: str, expected: set) -> None:
    assert kinds(source, draft, lang, "dates") == expected


def test_russian_month_in_belarusian_names_the_fix() -> None:
    draft = "Форум пройдзе 12 марта 2025 года."
    (issue,) = issues("Форум пройдёт 12 марта 2025 года.", draft, "be", "dates")
    assert "марта" in issue.message and "сакавіка" in issue.message
    assert draft[issue.span[0]:issue.span[1]] == "марта"


def test_changed_date_message_shows_both() -> None:
    (issue,) = issues("Форум пройдёт 12 марта 2025 года.", "It is on 12 May 2025.", "en", "dates")
    assert "12 марта 2025" in issue.message and "12 May 2025" in issue.message


@pytest.mark.parametrize(
    "text,lang,keys",
    [
        ("12 марта 2025 года", "ru", [(12, 3, 2025)]),
        ("12 сакавіка 2025 года", "be", [(12, 3, 2025)]),
        ("студзеня лютага", "be", []),
        ("3 студзеня, 5 лютага, 7 ліпеня, 9 жніўня, 11 снежня", "be",
         [(3, 1, None), (5, 2, None), (7, 7, None), (9, 8, None), (11, 12, None)]),
        ("1 верасня і 2 кастрычніка, 3 лістапада, 4 чэрвеня, 5 красавіка", "be",
         [(1, 9, None), (2, 10, None), (3, 11, None), (4, 6, None), (5, 4, None)]),
        ("March 12, 2025 and 3rd of June", "en", [(12, 3, 2025), (3, 6, None)]),
        ("12–14 марта", "ru", [(12, 3, None), (14, 3, None)]),
        ("в марте 2025 года", "ru", [(None, 3, 2025)]),
        ("2025-03-12", "en", [(12, 3, 2025)]),
        ("32.13.2025", "ru", []),
    ],
)
def test_parse_dates_keys(text: str, lang: str, keys: list) -> None:
    assert [d.key for d in parse_dates(text, lang)] == keys
