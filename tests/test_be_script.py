"""Latin look-alikes in Belarusian drafts: replaced letter for letter, marked, graded info."""

from __future__ import annotations

import pytest

from qa_helpers import make
from translator_flow.lang import REPAIRS
from translator_flow.lang.be_script import fix_output, fix_word
from translator_flow.model import EngineOutput, Mark
from translator_flow.qa import run_checks

WORDS = [
    ("Мiнск", "Мінск"),  # Latin i, the pair's usual one
    ("бeларускі", "беларускі"),  # Latin e
    ("сaмы", "самы"),  # Latin a
    ("вoбласць", "вобласць"),  # Latin o
    ("Рэспублiкi", "Рэспублікі"),  # two Latin i
    ("кoмпанiя", "компанія"),  # o and i
    ("HАЦЫЯНАЛЬНЫ", "НАЦЫЯНАЛЬНЫ"),  # Latin capital H
    ("Cавет", "Савет"),  # Latin capital C
    ("пpаграма", "праграма"),  # Latin p
    ("xата", "хата"),  # Latin x
    # Not look-alike words: left as they are.
    ("Windows", None),
    ("iPhone", None),
    ("Мінск", None),
    ("ГАЗ-3302", None),
    ("Tesla", None),
]


@pytest.mark.parametrize(("word", "expected"), WORDS)
def test_fix_word(word: str, expected: str | None) -> None:
    assert fix_word(word) == expected


def test_a_word_with_a_latin_letter_that_has_no_look_alike_is_left() -> None:
    assert fix_word("Мiнскq") is None  # «q» has no Cyrillic twin: not a look-alike accident


def test_a_replaced_word_is_marked_and_offsets_stay() -> None:
    text = "У Мiнску адбыўся форум."
    unknown = Mark("unknown", "форум", text.index("форум"), text.index("форум") + 5)
    out = fix_output(EngineOutput(text, (unknown,)))
    assert out.text == "У Мінску адбыўся форум." and len(out.text) == len(text)
    assert out.marks == (Mark("fallback", "Мінску", 2, 8, "script", "Мiнску"), unknown)


def test_a_word_already_marked_is_fixed_without_a_second_mark() -> None:
    text = "сустрэча ў Мiнскe"
    mark = Mark("unknown", "Мiнскe", 11, 17)
    out = fix_output(EngineOutput(text, (mark,)))
    assert out.text == "сустрэча ў Мінске"
    assert out.marks == (Mark("unknown", "Мінске", 11, 17),)


def test_the_belarusian_repair_runs_it_and_qa_grades_it_info() -> None:
    (out,) = REPAIRS["be"]([EngineOutput("Фестываль прайшоў у Мiнску.")], {})
    assert out.text == "Фестываль прайшоў у Мінску."
    seg, target = make("Фестиваль прошёл в Минске.", out.text, "be", marks=out.marks)
    found = [(i.check, i.severity) for i in run_checks(seg, target, "be")]
    assert ("untranslated", "info") in found
    assert not [c for c, _ in found if c == "mixed_script"]
