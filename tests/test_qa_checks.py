"""Table-driven tests of the text and typography QA checks: each row is (source, draft,
language, expected (check, severity) set), with rows that must produce no issue."""

from __future__ import annotations

import pytest

from qa_helpers import issues, kinds, mark
from translator_flow.qa.checks_typography import end_punctuation

NONE: set = set()
SRC = "Губернатор провёл встречу с делегацией Минской области."

# --- empty --------------------------------------------------------------------------------
EMPTY_CASES = [
    (SRC, "", "be", {}, {("empty", "blocking")}),
    (SRC, "  \n ", "en", {}, {("empty", "blocking")}),
    (SRC, SRC, "be", {}, {("empty", "blocking")}),
    (SRC, SRC, "en", {}, {("empty", "blocking")}),
    (SRC, "Губернатор  провёл встречу с делегацией\nМинской области.", "be", {}, {("empty", "blocking")}),
    (SRC, "", "be", {"status": "untranslated", "error": "apertium: stage crashed", "origin": "none"},
     {("empty", "blocking")}),
    (SRC, "Губернатар правёў сустрэчу з дэлегацыяй Мінскай вобласці.", "be", {}, NONE),
    ("ОАО «Гомсельмаш»", "ОАО «Гомсельмаш»", "be", {}, NONE),
    ("2025", "2025", "en", {}, NONE),
    ("", "", "be", {}, NONE),
]


@pytest.mark.parametrize("source,draft,lang,fields,expected", EMPTY_CASES)
def test_empty_table(source: str, draft: str, lang: str, fields: dict, expected: set) -> None:
    assert kinds(source, draft, lang, "empty", **fields) == expected


def test_engine_error_is_quoted() -> None:
    (issue,) = issues(SRC, "", "be", "empty", status="untranslated", error="apertium: stage crashed")
    assert issue.message == "Not translated: apertium: stage crashed"


def test_blank_draft_runs_no_other_check() -> None:
    # A missing draft is one blocking issue, not a pile of "number missing" findings.
    assert kinds("В 2025 году открыто 5 школ?", "", "en") == {("empty", "blocking")}


# --- untranslated ------------------------------------------------------------------------
BE_UNKNOWN = "Дэлегацыя наведала Бобруйскагромаш."
UNTRANSLATED_CASES = [
    ("Делегация посетила «Бобруйскагромаш».", BE_UNKNOWN, "be",
     {"marks": (mark("unknown", BE_UNKNOWN, "Бобруйскагромаш"),)}, {("untranslated", "warning")}),
    ("Делегация посетила Бобруйск.", "Дэлегацыя наведала Бабруйск.", "be",
     {"marks": (mark("bilingual", "Дэлегацыя наведала Бабруйск.", "Бабруйск"),)}, {("untranslated", "warning")}),
    ("Делегация посетила Минск.", "The delegation visited Minsk.", "en", {}, NONE),
    ("Делегация посетила Минск.", "The delegation visited Минск.", "en", {}, {("untranslated", "warning")}),
    ("Делегация посетила Минск.", "Дэлегацыя наведала Мінск.", "be", {}, NONE),
    ("Делегация посетила Минск.", "Делегация посетила Мінск.", "be", {}, {("untranslated", "warning")}),
    ("Съезд прошёл успешно.", "Съезд прайшоў паспяхова.", "be", {}, {("untranslated", "warning")}),
    ("Съезд прошёл успешно.", "З’езд прайшоў паспяхова.", "be", {}, NONE),
    ("Ещё одна встреча.", "Ещё адна сустрэча.", "be", {}, {("untranslated", "warning")}),
    ("Мы это сделали.", "Мы гэта зрабілі.", "be", {}, NONE),
    ("Мы это сделали.", "We did it: ОАО «МАЗ».", "en", {}, {("untranslated", "warning")}),
]


@pytest.mark.parametrize("source,draft,lang,fields,expected", UNTRANSLATED_CASES)
def test_untranslated_table(source: str, draft: str, lang: str, fields: dict, expected: set) -> None:
    assert kinds(source, draft, lang, "untranslated", **fields) == expected


def test_mark_issue_names_the_word_with_its_span() -> None:
    (issue,) = issues("Делегация посетила «Бобруйскагромаш».", BE_UNKNOWN, "be", "untranslated",
                      marks=(mark("unknown", BE_UNKNOWN, "Бобруйскагромаш"),))
    assert "«Бобруйскагромаш»" in issue.message
    assert BE_UNKNOWN[issue.span[0]:issue.span[1]] == "Бобруйскагромаш"


def test_marked_word_is_not_reported_twice() -> None:
    draft = "The delegation visited Бобруйскагромаш."
    found = issues("x", draft, "en", "untranslated", marks=(mark("unknown", draft, "Бобруйскагромаш"),))
    assert len(found) == 1


def test_one_issue_per_word_and_per_cyrillic_run() -> None:
    assert len(issues(SRC, "Делегация посетила Мінск.", "be", "untranslated")) == 2
    found = issues(SRC, "The governor met в рамках форума delegates.", "en", "untranslated")
    assert len(found) == 1 and "«в рамках форума»" in found[0].message


# --- repeated_word -----------------------------------------------------------------------
REPEAT = {("repeated_word", "warning")}
REPEATED_CASES = [
    ("Соглашение подписано.", "The the agreement was signed.", "en", REPEAT),
    ("Соглашение подписано в Минске.", "Пагадненне падпісана у у Мінску.", "be", REPEAT),
    ("Соглашение подписано в Минске.", "Пагадненне падпісана ў у Мінску.", "be", NONE),
    ("Это очень хорошо.", "It is very VERY good.", "en", REPEAT),
    ("Доставлено 10 10-тонных грузов.", "10 10-tonne loads were delivered.", "en", NONE),
    ("Он сказал, что этот план работает.", "He said that that plan works.", "en", NONE),
    ("Сотрудничество, сотрудничество.", "Супрацоўніцтва, супрацоўніцтва.", "be", NONE),
    ("Театр открыт.", "The theatre is open.", "en", NONE),
    ("Минск-Минск.", "Мінск-Мінск.", "be", NONE),
]


@pytest.mark.parametrize("source,draft,lang,expected", REPEATED_CASES)
def test_repeated_word_table(source: str, draft: str, lang: str, expected: set) -> None:
    assert kinds(source, draft, lang, "repeated_word") == expected


# --- mixed_script ------------------------------------------------------------------------
MIXED = {("mixed_script", "warning")}
MIXED_CASES = [
    ("Совещание прошло в Минске.", "Нарада прайшла ў Мiнску.", "be", MIXED),  # Latin i
    ("Совещание прошло в Минске.", "The meeting was held in Minsк.", "en", MIXED),  # Cyrillic к
    ("Совещание прошло в Минске.", "The meeting was held in Mіnsk.", "en", MIXED),  # Belarusian і
    ("СОВЕТ", "СOВЕТ", "be", MIXED),  # Latin O
    ("Совещание прошло в Минске.", "Нарада прайшла ў Мінску.", "be", NONE),
    ("Купили iPhone и Wi-Fi.", "Купілі iPhone і Wi-Fi.", "be", NONE),
    ("Wi-Fi-сеть работает.", "Wi-Fi-сетка працуе.", "be", NONE),
    ("Автомобиль МАЗ-6312.", "The MAZ-6312 truck.", "en", NONE),
    ("Слово Минск.", "The word Мінск stays.", "en", NONE),
]


@pytest.mark.parametrize("source,draft,lang,expected", MIXED_CASES)
def test_mixed_script_table(source: str, draft: str, lang: str, expected: set) -> None:
    assert kinds(source, draft, lang, "mixed_script") == expected


def test_mixed_script_names_the_odd_letter() -> None:
    (issue,) = issues("x", "Нарада ў Мiнску.", "be", "mixed_script")
    assert "«Мiнску»" in issue.message and "Latin i" in issue.message


# --- quotes_brackets ---------------------------------------------------------------------
Q_W, Q_I = {("quotes_brackets", "warning")}, {("quotes_brackets", "info")}
COMPANY = "Делегация посетила ОАО «Гомсельмаш»."
QUOTE_CASES = [
    (COMPANY, "Дэлегацыя наведала ААТ «Гомсельмаш».", "be", NONE),
    (COMPANY, "Дэлегацыя наведала ААТ «Гомсельмаш.", "be", Q_W),
    (COMPANY, "Дэлегацыя наведала ААТ Гомсельмаш».", "be", Q_W),
    (COMPANY, "Дэлегацыя наведала ААТ Гомсельмаш.", "be", Q_W),
    (COMPANY, "Дэлегацыя наведала ААТ \"Гомсельмаш\".", "be", Q_I),
    (COMPANY, "The delegation visited “Gomselmash” OJSC.", "en", NONE),
    (COMPANY, "The delegation visited Gomselmash OJSC.", "en", Q_I),
    (COMPANY, "The delegation visited «Gomselmash» OJSC.", "en", Q_I),
    (COMPANY, "The delegation visited “Gomselmash OJSC.", "en", Q_W),
    ("Он сказал: «Завод „Атлант“ работает».", "Ён сказаў: «Завод „Атлант“ працуе».", "be", NONE),
    ("Он сказал: «Завод „Атлант“ работает».", "He said: “The ‘Atlant’ plant works.”", "en", NONE),
    ("«Мы рады сотрудничеству.", "«Мы рады супрацоўніцтву.", "be", NONE),
    ("«Мы рады сотрудничеству.", "“We welcome the cooperation.”", "en", Q_W),
    ("Рост (по данным ведомства) продолжился.", "Рост (паводле звестак ведамства працягнуўся.", "be", Q_W),
    ("См. таблицу [1].", "Гл. табліцу [1].", "be", NONE),
    ("Сказано: «это».", "It’s Belarus’s “plan”.", "en", NONE),
]


@pytest.mark.parametrize("source,draft,lang,expected", QUOTE_CASES)
def test_quotes_brackets_table(source: str, draft: str, lang: str, expected: set) -> None:
    assert kinds(source, draft, lang, "quotes_brackets") == expected


def test_unbalanced_quote_points_at_it() -> None:
    draft = "Дэлегацыя наведала ААТ «Гомсельмаш."
    (issue,) = issues(COMPANY, draft, "be", "quotes_brackets")
    assert draft[issue.span[0]:issue.span[1]] == "«" and "closing" in issue.message


# --- punctuation_end ---------------------------------------------------------------------
P_W, P_I = {("punctuation_end", "warning")}, {("punctuation_end", "info")}
PUNCT_CASES = [
    ("Когда начнётся строительство?", "Калі пачнецца будаўніцтва.", "be", P_W),
    ("Когда начнётся строительство?", "When will construction start?", "en", NONE),
    ("Строительство началось.", "Будаўніцтва пачалося", "be", P_W),
    ("Строительство началось.", "Будаўніцтва пачалося.", "be", NONE),
    ("Строительство началось!", "Construction has begun!", "en", NONE),
    ("Итоги года", "Results of the year.", "en", P_I),
    ("Итоги года", "Вынікі года", "be", NONE),
    ("И так далее…", "And so on...", "en", NONE),
    ("Он сказал: «Мы готовы».", "He said: “We are ready.”", "en", NONE),
    ("Участники обсудили:", "Удзельнікі абмеркавалі.", "be", P_W),
    ("Пункт первый;", "Item one;", "en", NONE),
]


@pytest.mark.parametrize("source,draft,lang,expected", PUNCT_CASES)
def test_punctuation_end_table(source: str, draft: str, lang: str, expected: set) -> None:
    assert kinds(source, draft, lang, "punctuation_end") == expected


@pytest.mark.parametrize(
    "text,mark_",
    [("Да.", "."), ("Да?»", "?"), ("«Да».", "."), ("Итак...", "…"), ("Заголовок", ""), ("", ""), ("(см. выше)", "")],
)
def test_end_punctuation(text: str, mark_: str) -> None:
    assert end_punctuation(text) == mark_


# --- length_ratio ------------------------------------------------------------------------
L_W, L_I = {("length_ratio", "warning")}, {("length_ratio", "info")}
LONG = "Стороны обсудили вопросы сотрудничества в области образования и культуры."  # 74 chars
LENGTH_CASES = [
    (LONG, "Бакі абмеркавалі пытанні супрацоўніцтва ў галіне адукацыі і культуры.", "be", NONE),
    (LONG, "Бакі абмеркавалі пытанні.", "be", L_W),
    (LONG, "Бакі абмеркавалі пытанні супрацоўніцтва ў адукацыі.", "be", L_I),
    (LONG, "The parties discussed cooperation in education and culture.", "en", NONE),
    (LONG, "The parties discussed cooperation in education and culture, and then they discussed it again in detail.", "en", L_I),
    (LONG, LONG + " " + LONG + " " + LONG, "en", L_W),
    (LONG, LONG, "be", NONE),
    ("Итоги года.", "Вынікі.", "be", NONE),  # under 20 characters: no opinion
    ("Итоги прошедшего года.", "Results of the past year.", "en", NONE),
]


@pytest.mark.parametrize("source,draft,lang,expected", LENGTH_CASES)
def test_length_ratio_table(source: str, draft: str, lang: str, expected: set) -> None:
    assert kinds(source, draft, lang, "length_ratio") == expected


# --- whole runs: good drafts raise nothing at all ----------------------------------------
CLEAN = [
    ("Товарооборот между Смоленской областью и Беларусью в 2024 году вырос на 12,5 % и составил 1 250,5 млн долларов.",
     "Тавараабарот паміж Смаленскай вобласцю і Беларуссю ў 2024 годзе вырас на 12,5 % і склаў 1 250,5 млн долараў.",
     "be"),
    ("Товарооборот между Смоленской областью и Беларусью в 2024 году вырос на 12,5 % и составил 1 250,5 млн долларов.",
     "Trade between the Smolensk Region and Belarus grew by 12.5% in 2024 to $1,250.5 million.",
     "en"),
    ("Форум пройдёт 12–14 марта 2025 года в Минске, в нём примут участие около 10 тысяч человек.",
     "Форум пройдзе 12–14 сакавіка 2025 года ў Мінску, у ім возьмуць удзел каля 10 тыс. чалавек.",
     "be"),
    ("Форум пройдёт 12–14 марта 2025 года в Минске, в нём примут участие около 10 тысяч человек.",
     "The forum will take place in Minsk on 12–14 March 2025 with about 10,000 participants.",
     "en"),
    ("Губернатор отметил: «Предприятие „Атлант“ выпустило 9-й миллион холодильников».",
     "Губернатар адзначыў: «Прадпрыемства „Атлант“ выпусціла 9-ы мільён халадзільнікаў».",
     "be"),
    ("Губернатор отметил: «Предприятие „Атлант“ выпустило 9-й миллион холодильников».",
     "The governor noted: “The ‘Atlant’ company has produced its 9th million refrigerators.”",
     "en"),
    ("Приём граждан пройдёт 9 ноября с 16.00 до 18.00 (по предварительной записи).",
     "Прыём грамадзян пройдзе 9 лістапада з 16.00 да 18.00 (па папярэднім запісе).",
     "be"),
    ("Приём граждан пройдёт 9 ноября с 16.00 до 18.00 (по предварительной записи).",
     "Citizens will be received on November 9 from 4 p.m. to 6 p.m. (by appointment).",
     "en"),
    ("Когда начнётся строительство второй очереди завода?",
     "Калі пачнецца будаўніцтва другой чаргі завода?", "be"),
    ("Итоги визита", "Вынікі візіту", "be"),
    ("Итоги визита", "Results of the visit", "en"),
]


@pytest.mark.parametrize("source,draft,lang", CLEAN)
def test_good_drafts_raise_no_issue(source: str, draft: str, lang: str) -> None:
    assert issues(source, draft, lang) == ()
