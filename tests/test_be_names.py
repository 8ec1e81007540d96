"""Names in Belarusian drafts (lang/be_names.py, issue 14 item 4): surnames that are common
words stay names, place adjectives the pair lacks inflect, men's -енко surnames decline."""

from __future__ import annotations

import subprocess

import pytest

from translator_flow.lang.be_names import (
    decline_surnames,
    guard_surnames,
    place_adjective,
    resolve_surname_flags,
    surname_guard_stage,
)
from translator_flow.model import EngineOutput, Mark
from translator_flow.morph import belarusian
from translator_flow.morph.russian import analyzer

NAME = "^Сергей/Сергей<np><ant><m><sg><nom>$ "
PATRONYMIC = "^Петрович/Петрович<np><ant><m><sg><nom>$ "
WOLVES = "^Волков/волк<n><m><aa><pl><gen>/волк<n><m><aa><pl><acc>$"

FLAG = "[\ue0b0{0}\ue0b1]"
# analyser stream → the guarded stream
GUARD = [
    (NAME + WOLVES, NAME + FLAG.format("Волков") + WOLVES),
    (NAME + PATRONYMIC + WOLVES, NAME + PATRONYMIC + FLAG.format("Волков") + WOLVES),
    (NAME + "^Орлов/орёл<n><m><aa><pl><gen>$ ^и/и<cnjcoo>$",
     NAME + FLAG.format("Орлов") + "^Орлов/орёл<n><m><aa><pl><gen>$ ^и/и<cnjcoo>$"),
    (NAME + "^Богослова/богослов<n><m><aa><sg><gen>$", NAME + FLAG.format("Богослова") + "^Богослова/богослов<n><m><aa><sg><gen>$"),
    (NAME + "^Кузнец/кузнец<n><m><aa><sg><nom>$", NAME + FLAG.format("Кузнец") + "^Кузнец/кузнец<n><m><aa><sg><nom>$"),
    # an adjective or adverb reading: «Бойко» is also 'briskly'
    (NAME + "^Бойко/бойкий<adj><sint><cmp>/бойкий<adj><sint><short><nt><sg>$",
     NAME + FLAG.format("Бойко") + "^Бойко/бойкий<adj><sint><cmp>/бойкий<adj><sint><short><nt><sg>$"),
    # not of a surname's shape: an epithet («Вильгельм Завоеватель») or a noun-like surname
    (NAME + "^Завоеватель/завоеватель<n><m><aa><sg><nom>$", None),
    (NAME + "^Мороз/мороз<n><m><nn><sg><nom>/мороз<n><m><nn><sg><acc>$", None),
    # a verb reading among them: not a surname look-alike
    (NAME + "^Знаков/знак<n><m><nn><pl><gen>/знаковать<vblex><impf><tv><past><m><sg>$", None),
    # not after a first name: the common noun stays
    ("^Стая/стая<n><f><nn><sg><nom>$ " + WOLVES, None),
    # lower case after a name
    (NAME + "^волков/волк<n><m><aa><pl><gen>$", None),
    # a reading that is not a common noun: the analyser knows it as a name or another word
    (NAME + "^Иванов/Иванов<np><cog><m><sg><nom>/иван<n><m><aa><pl><gen>$", None),
    # already unknown
    (NAME + "^Соколов/*Соколов$", None),
]


@pytest.mark.parametrize(("stream", "expected"), GUARD)
def test_surname_guard(stream: str, expected: str | None) -> None:
    assert guard_surnames(stream) == (expected or stream)


def test_the_sed_stage_does_what_the_python_twin_does() -> None:
    streams = "\0".join(s for s, _ in GUARD) + "\0"
    done = subprocess.run(surname_guard_stage(), input=streams.encode(), capture_output=True, check=True)
    assert done.stdout.decode().split("\0")[:-1] == [guard_surnames(s) for s, _ in GUARD]


def _flagged(before: str, russian: str, engine_word: str, after: str = " выступіў.") -> EngineOutput:
    text = f"{before}\ue0b0{russian}\ue0b1{engine_word}{after} слова"
    at = text.index("слова")
    return EngineOutput(text, (Mark("unknown", "слова", at, at + 5),))


@pytest.mark.parametrize(("russian", "engine_word", "expected"), [
    ("Волков", "Ваўкоў", "Волкоў"),     # the engine's word is 'wolves': the name is respelled
    ("Орлов", "Арлоў", "Арлоў"),        # the same name in Belarusian letters: kept
    ("Зайцев", "Зайцаў", "Зайцаў"),
    ("Воробьёв", "Вераб’ёў", "Вераб’ёў"),
])
def test_flagged_surname_is_resolved_and_marked(russian: str, engine_word: str, expected: str) -> None:
    (out,) = resolve_surname_flags([_flagged("Сяргей ", russian, engine_word)])
    assert out.text == f"Сяргей {expected} выступіў. слова"
    name, tail = out.marks
    assert (name.kind, name.via, name.original, name.word) == ("fallback", "surname", russian, expected)
    assert out.text[name.start:name.end] == expected
    assert out.text[tail.start:tail.end] == "слова"  # later marks moved with the text


def test_a_flag_before_a_marked_or_missing_word_is_only_removed() -> None:
    marked = EngineOutput("Сяргей \ue0b0Волков\ue0b1Ваўкоў", (Mark("generation", "Ваўкоў", 15, 21),))
    stray = EngineOutput("Сяргей \ue0b0Волков\ue0b1. Ліст\ue0b1", ())
    out_marked, out_stray = resolve_surname_flags([marked, stray])
    assert out_marked.text == "Сяргей Ваўкоў" and out_marked.marks == (Mark("generation", "Ваўкоў", 7, 13),)
    assert out_stray.text == "Сяргей . Ліст" and out_stray.marks == ()


@pytest.mark.parametrize(("word", "lemma"), [("Курской", "Курскі"), ("Курского", "Курскі"), ("Жлобинском", "Жлобінскі")])
def test_place_adjective_gets_a_respelled_adjective_lemma(word: str, lemma: str) -> None:
    entry = place_adjective(analyzer().parse(word), word)
    assert entry is not None and (entry.be, entry.pos) == (lemma, "adj")


@pytest.mark.parametrize("word", ["курской", "Новой", "Волков"])
def test_not_a_place_adjective(word: str) -> None:
    assert place_adjective(analyzer().parse(word), word) is None


needs_apertium = pytest.mark.skipif(not belarusian.available(), reason="Apertium rus-bel is not installed")


def _name_output(before: str, surname: str, original: str, after: str = " прайшла.") -> EngineOutput:
    start = len(before)
    mark = Mark("fallback", surname, start, start + len(surname), "name", original)
    tail = Mark("unknown", "слова", start + len(surname) + len(after) + 1, start + len(surname) + len(after) + 6)
    return EngineOutput(before + surname + after + " слова", (mark, tail))


@needs_apertium
@pytest.mark.parametrize(("before", "expected"), [
    ("Сустрэча з Пятром ", "Шэўчэнкам"),     # instrumental
    ("Ліст накіравалі Віктару ", "Шэўчэнку"),  # dative
    ("Выступіў Сяргей ", "Шэўчэнка"),          # nominative: unchanged
    ("Сустрэча з Ганнай ", "Шэўчэнка"),        # a woman: -енка does not decline
    ("Падарунак для Пятра ", "Шэўчэнка"),      # gen|acc: Шэўчэнкі or Шэўчэнку, not guessed
    ("Сустрэча з ", "Шэўчэнка"),               # no first name: the gender is unknown
])
def test_enka_surname_takes_the_case_of_a_mans_first_name(before: str, expected: str) -> None:
    (out,) = decline_surnames([_name_output(before, "Шэўчэнка", "Шевченко")])
    name, tail = out.marks
    assert out.text[name.start:name.end] == expected == name.word
    assert (name.kind, name.via, name.original) == ("fallback", "name", "Шевченко")
    assert out.text[tail.start:tail.end] == "слова"  # later marks moved with the text


@needs_apertium
def test_other_respelled_names_are_left_alone() -> None:
    output = _name_output("Сустрэча з Пятром ", "Іванчыкам", "Иванчиком")
    assert decline_surnames([output]) == [output]


@pytest.fixture(scope="module")
def pipeline():  # type: ignore[no-untyped-def]
    from translator_flow.pipeline import Pipeline

    with Pipeline() as p:
        yield p


@pytest.mark.slow
@needs_apertium
@pytest.mark.parametrize(("russian", "wrong", "marked"), [
    ("Выступил Сергей Волков, директор завода.", "Ваўкоў", "Волк"),      # not 'wolves'
    ("Награду получил Иван Орлов.", "Орлоў", "Арлоў"),                  # the engine's spelling kept
    ("Выступил Сергей Бойко.", "Шматлюдн", "Бойк"),  # not 'lively'

    ("Делегация Курской области прибыла в Минск.", "Курской", "Курскай"),
    ("Встреча с Петром Шевченко прошла в Минске.", "Шэўчэнка ", "Шэўчэнкам"),
])
def test_names_through_the_engine(pipeline, russian: str, wrong: str, marked: str) -> None:  # type: ignore[no-untyped-def]
    (target,) = pipeline.translate_texts([russian], "be")
    assert wrong not in target.text
    names = [m for m in target.marks if m.kind == "fallback" and m.via in ("name", "surname")]
    assert any(m.word.startswith(marked) and target.text[m.start:m.end] == m.word for m in names), target
