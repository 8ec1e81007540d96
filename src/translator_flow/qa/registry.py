"""The QA check registry: one dict, ``CHECKS``, name → :class:`Check`.

Order matters: issues of one segment come out in this order (the most serious first).
docs/checks.md describes every check with its example; a test keeps the two in step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Severity
from .base import CheckFunc
from .checks_numbers import check_dates, check_numbers
from .checks_risky import check_risky_rendering
from .checks_spelling import check_spelling, unavailable
from .checks_terms import check_terminology
from .checks_text import (
    check_empty,
    check_length_ratio,
    check_mixed_script,
    check_repeated_word,
    check_stray_characters,
    check_untranslated,
)
from .checks_typography import check_punctuation_end, check_quotes_brackets


@dataclass(frozen=True)
class Check:
    """One QA check: its name, default severity, what it looks for, and an example that
    triggers it (source, draft, target language) for the docs and the tests."""

    name: str
    severity: Severity
    description: str
    example: tuple[str, str, str]
    func: CheckFunc
    needs_draft: bool = True  # skipped when the draft is blank (`empty` reports that)
    #: lang -> why the check cannot run ("" when it can); the runner reports it once per
    #: document as a warning instead of skipping silently (e.g. hunspell-be missing).
    unavailable: Callable[[str], str] | None = None


def _checks(*checks: Check) -> dict[str, Check]:
    return {c.name: c for c in checks}


#: Every QA check, by name. The pipeline runs them through :func:`run_checks`.
CHECKS: dict[str, Check] = _checks(
    Check(
        "empty", "blocking",
        "The draft is empty, the engine failed (its error is quoted), the draft is the "
        "Russian source unchanged (three or more Cyrillic words), or it still holds the "
        "«[NOT TRANSLATED…]» placeholder (in any interface language).",
        ("Губернатор провёл встречу с делегацией Минской области.", "", "be"),
        check_empty, needs_draft=False,
    ),
    Check(
        "stray_characters", "blocking",
        "Characters that must never be published: U+FFFD (text decoded with the wrong "
        "encoding), private-use code points (internal markers), control characters, and "
        "zero-width or direction characters the source does not have.",
        ("Делегация прибыла в Минск.", "Дэлегацыя прыбыла ў Мі\ufffdск.", "be"),
        check_stray_characters,
    ),
    Check(
        "untranslated", "warning",
        "Words the engine marked (unknown, no bilingual entry, failed generation, fallback); "
        "Cyrillic words in an English draft; words with и/щ/ъ (not Belarusian letters) in a "
        "Belarusian draft.",
        ("Делегация посетила завод «Бобруйскагромаш».",
         "The delegation visited the «Бобруйскагромаш» plant.", "en"),
        check_untranslated,
    ),
    Check(
        "spelling", "warning",
        "Belarusian drafts: words the Belarusian dictionary (hunspell-be) rejects. A rejected word "
        "that is a Russian dictionary word is a warning (Russian left in the draft); any other "
        "rejected word is an info hint (the dictionary lacks many terms). Marked words, glossary "
        "terms, numbers, names, abbreviations and web addresses are not checked.",
        ("Губернатор провёл встречу с жителями.", "Губернатар правёў встречу з жыхарамі.", "be"),
        check_spelling, unavailable=unavailable,
    ),
    Check(
        "risky_rendering", "warning",
        "Belarusian drafts: engine renderings that are often wrong in press texts, listed with "
        "the Russian words they come from and the likely fix in qa/data/be_risky.tsv (noun/verb "
        "homographs such as «встречу» → «спаткаю», «мінулая» for «прошла», «наўкола» for «около»).",
        ("Встреча прошла в Минске.", "Сустрэча мінулая ў Мінску.", "be"),
        check_risky_rendering,
    ),
    Check(
        "numbers", "blocking",
        "Every number of the source appears in the draft with the same value, read with each "
        "language's conventions (1 000,5 = 1,000.5; 10 тыс. = 10 thousand; 2,5 млн = 2.5 "
        "million; 14.00 = 2 p.m.), and the draft has no number the source lacks. Decimal "
        "separators wrong for the language are a warning.",
        ("Объём инвестиций составил 1 250,5 млн рублей.",
         "The volume of investment reached 1,205.5 million rubles.", "en"),
        check_numbers,
    ),
    Check(
        "dates", "warning",
        "Dates of the source (12 марта 2025 года, 12.03.2025, в марте 2025) are in the draft "
        "with the same day, month and year (12 сакавіка 2025 года; 12 March 2025 / March 12, "
        "2025); Russian month names in a Belarusian draft.",
        ("Форум пройдёт 12 марта 2025 года в Минске.",
         "The forum will be held in Minsk on 12 May 2025.", "en"),
        check_dates,
    ),
    Check(
        "terminology", "blocking",
        "Glossary terms found in the source are in the draft in an approved form (any "
        "inflection); no forbidden variant. Runs only when a glossary is given; the "
        "verification itself lives in translator_flow.glossary.",
        ("Министерство иностранных дел сообщило об этом.",
         "Міністэрства замежных дзей паведаміла пра гэта.", "be"),
        check_terminology,
    ),
    Check(
        "quotes_brackets", "warning",
        "Quotes « » „ “ “ ” \" and brackets ( ) [ ] balanced as in the source (a quote that "
        "continues into the next sentence is fine if the draft does the same); the number of "
        "quoted passages kept (info for English, which often drops quotes around company "
        "names); the language's quote style: « » and „ “ in Belarusian, “ ” in English (info).",
        ("Делегация посетила ОАО «Гомсельмаш».", "Дэлегацыя наведала ААТ «Гомсельмаш.", "be"),
        check_quotes_brackets,
    ),
    Check(
        "punctuation_end", "warning",
        "The draft ends with the source's final mark (. ! ? … : ;), looking through closing "
        "quotes; a draft that adds a full stop to a title is an info hint.",
        ("Когда начнётся строительство?", "Калі пачнецца будаўніцтва.", "be"),
        check_punctuation_end,
    ),
    Check(
        "mixed_script", "warning",
        "A word mixing Latin and Cyrillic letters (Мiнск with a Latin i, Minsк with a "
        "Cyrillic к): invisible to readers, breaks search and spell-checking.",
        ("Совещание прошло в Минске.", "Нарада прайшла ў Мiнску.", "be"),
        check_mixed_script,
    ),
    Check(
        "repeated_word", "warning",
        "The same word twice in a row, case-insensitive (the the, у у); numbers and English "
        "'that that' / 'had had' are not reported.",
        ("Соглашение подписано в Могилёве.", "The the agreement was signed in Mogilev.", "en"),
        check_repeated_word,
    ),
    Check(
        "length_ratio", "info",
        "For sources of 20+ characters, the draft/source character ratio is outside the "
        "pair's usual band (ru→be 80–125%, ru→en 70–130%); far outside (below 60% or above "
        "160% of the band's edges) it is a warning.",
        ("Стороны обсудили вопросы сотрудничества в области образования и культуры.",
         "Бакі абмеркавалі пытанні супрацоўніцтва ў адукацыі.", "be"),
        check_length_ratio,
    ),
)
