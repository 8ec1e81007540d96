"""Unknown-word fallback: Russian words the engine left → reviewed Belarusian forms, still marked.

Uses the real Apertium Belarusian generator and analyser (installed with apertium-bel-rus,
a dependency of the Belarusian engine); one batch call per test module.
"""

from __future__ import annotations

import pytest

from translator_flow.morph import belarusian as be_generate
from translator_flow.lang.be_fallback import apply
from translator_flow.lang.be_lexicon import load_lexicon, parse_lexicon
from translator_flow.model import EngineOutput, Mark

pytestmark = pytest.mark.skipif(
    not be_generate.available(), reason="Apertium rus-bel (lt-proc, rus-bel.autogen.bin) is not installed"
)

# Russian word as the engine left it → the Belarusian form a reviewer accepts.
# (Reviewed against the official orthography; forms with the same ending as Russian,
# «актуальных», are still listed: the mark must change to "fallback".)
WORDS = [
    ("обсудили", "абмеркавалі"),
    ("обсудил", "абмеркаваў"),
    ("обсудить", "абмеркаваць"),
    ("обсуждается", "абмяркоўваецца"),
    ("состоялся", "адбыўся"),
    ("состоялась", "адбылася"),
    ("состоится", "адбудзецца"),
    ("актуальных", "актуальных"),
    ("актуальные", "актуальныя"),
    ("актуальной", "актуальнай"),
    ("увеличивать", "павялічваць"),
    ("увеличилось", "павялічылася"),
    ("активизировать", "актывізаваць"),  # generator lacks the lemma: model «арганізаваць»
    ("активизировали", "актывізавалі"),
    ("проинформировал", "праінфармаваў"),
    ("госпитализирован", "шпіталізаваны"),
    ("востребована", "запатрабавана"),  # short participle, f
    ("востребованы", "запатрабаваны"),  # short participle, pl
    ("сообщил", "паведаміў"),
    ("является", "з'яўляецца"),
    ("являются", "з'яўляюцца"),
    ("имеет", "мае"),
    ("работают", "працуюць"),
    ("сотрудничает", "супрацоўнічае"),
    ("рассказал", "расказаў"),
    ("здравоохранения", "аховы здароўя"),  # a two-word lemma: the head inflects
    ("смоленскими", "смаленскімі"),  # model «беларускі»
    ("Смоленской", "Смаленскай"),
    ("Смоленске", "Смаленску"),
    ("Лукашенко", "Лукашэнка"),
    ("инновационных", "інавацыйных"),
    ("огромный", "велізарны"),
    ("медучреждений", "медустаноў"),
    ("довольны", "задаволеныя"),  # short adjective → full form
    ("сделано", "зроблена"),
    ("расположены", "размешчаны"),
    ("отремонтированной", "адрамантаванай"),
    ("ремонта", "рамонту"),
    ("учёных", "навукоўцаў"),
    ("инвестиций", "інвестыцый"),
    ("существует", "існуе"),
    ("касается", "тычыцца"),
    ("Итак", "Такім чынам"),
    ("разработали", "распрацавалі"),  # general press vocabulary (issue 14 item 3)
    ("оплачивают", "аплачваюць"),
    ("навестил", "наведаў"),
    ("ликвидировали", "ліквідавалі"),
    ("стимулирует", "стымулюе"),  # model «маляваць»: -яваць → -юе, not «стымулявае»
    ("киберпреступлений", "кіберзлачынстваў"),  # neuter model «таварыства», not feminine «карта»
    ("госбюджета", "дзяржбюджэту"),  # model «бюджэт»: genitive -у
    ("кибератак", "кібератак"),  # model «атака»: no inserted vowel («рэчка» → «рэчак»)
    ("истцом", "істцом"),  # model «купец»: fleeting е
    ("следователями", "следчымі"),  # an adj row for a Russian noun (be_lexicon.CROSS_POS)
    ("Госслужащие", "Дзяржслужачыя"),
    ("телеканалов", "тэлеканалаў"),  # model «канал» (second sweep)
    ("наркоторговцев", "наркагандляроў"),  # model «гандляр», animate
    ("МВД", "МУС"),  # an abbreviation row: the official Belarusian abbreviation, indeclinable
    ("электрокотлом", "электракатлом"),  # model «кацёл»: fleeting ё
    ("Путиным", "Пуціным"),  # no entry: a name, respelled
]

# (draft, marked word, expected draft): the neighbour decides case or gender.
IN_CONTEXT = [
    ("з Аляксандрам Лукашенко", "Лукашенко", "з Аляксандрам Лукашэнкам"),
    ("у отремонтированной часці", "отремонтированной", "у адрамантаванай часці"),
    ("актуальных пытанняў", "актуальных", "актуальных пытанняў"),
]


def _unknown(text: str, word: str, kind: str = "unknown") -> EngineOutput:
    start = text.index(word)
    return EngineOutput(text, (Mark(kind, word, start, start + len(word)),))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def results() -> dict[str, EngineOutput]:
    outputs = [_unknown(w, w) for w, _ in WORDS] + [_unknown(t, w) for t, w, _ in IN_CONTEXT]
    outputs.append(_unknown("Далейшы умацаванне супрацоўніцтва", "Далейшы", "generation"))
    outputs.append(_unknown("у РНПЦ", "РНПЦ"))
    outputs.append(_unknown("з кашалотами", "кашалотами"))
    done = apply(outputs)  # one batch: one analyser call, one generator call
    return {o.text: d for o, d in zip(outputs, done)}


@pytest.mark.parametrize(("russian", "expected"), WORDS)
def test_word_becomes_belarusian_and_stays_marked(results: dict[str, EngineOutput], russian: str, expected: str) -> None:
    out = results[russian]
    assert out.text == expected
    via = "lexicon" if russian.lower() != "путиным" else "name"  # no lexicon row: respelled
    (mark,) = out.marks
    assert (mark.kind, mark.word, mark.start, mark.end, mark.via, mark.original) == (
        "fallback", expected, 0, len(expected), via, russian)
    assert bool(mark.lemma) == (via == "lexicon")  # the reviewed row's Belarusian lemma, for QA


@pytest.mark.parametrize(("draft", "word", "expected"), IN_CONTEXT)
def test_agreement_with_neighbour(results: dict[str, EngineOutput], draft: str, word: str, expected: str) -> None:
    out = results[draft]
    assert out.text == expected
    (mark,) = out.marks
    assert mark.kind == "fallback" and out.text[mark.start:mark.end] == mark.word


def test_generation_mark_agrees_with_next_noun(results: dict[str, EngineOutput]) -> None:
    out = results["Далейшы умацаванне супрацоўніцтва"]
    assert out.text == "Далейшае умацаванне супрацоўніцтва"
    assert out.marks == (Mark("fallback", "Далейшае", 0, 8, "agreement", "Далейшы"),)


def test_words_without_a_form_keep_their_unknown_mark(results: dict[str, EngineOutput]) -> None:
    assert results["у РНПЦ"].marks == (Mark("unknown", "РНПЦ", 2, 6),)
    assert results["з кашалотами"].text == "з кашалотами"
    assert results["з кашалотами"].marks[0].kind == "unknown"


def test_offsets_of_later_marks_move_with_longer_replacements() -> None:
    text = "Яны обсудили з Путиным пытанні і актуальные задачы."
    marks = tuple(
        Mark("unknown", w, text.index(w), text.index(w) + len(w)) for w in ("обсудили", "Путиным", "актуальные")
    )
    out = apply([EngineOutput(text, marks)])[0]
    assert out.text == "Яны абмеркавалі з Пуціным пытанні і актуальныя задачы."
    assert [(m.kind, out.text[m.start:m.end]) for m in out.marks] == [
        ("fallback", "абмеркавалі"), ("fallback", "Пуціным"), ("fallback", "актуальныя")
    ]
    assert all(m.word == out.text[m.start:m.end] for m in out.marks)


def test_errors_and_clean_outputs_pass_through() -> None:
    failed = EngineOutput("", error="engine crashed")
    clean = EngineOutput("Добры дзень.")
    assert apply([failed, clean]) == [failed, clean]


def test_every_lexicon_row_yields_a_belarusian_form() -> None:
    """Each row's Russian lemma, left unknown, comes back as a form (direct or via a model)."""
    lex = load_lexicon()
    entries = {e.ru: e for e in lex.values()}
    outputs = [_unknown(ru, ru) for ru in entries]
    done = apply(outputs)
    failed = [o.text for o, d in zip(outputs, done) if not d.marks or d.marks[0].kind != "fallback"]
    assert not failed, f"lexicon rows that produce no form: {failed}"


def test_lexicon_rows_are_well_formed() -> None:
    lex = load_lexicon()
    assert len({e.ru for e in lex.values()}) >= 200
    for entry in lex.values():
        assert entry.source.strip(), entry
        assert not set(entry.be) & set("иъщ"), f"Russian letters in a Belarusian lemma: {entry}"


def test_bad_lexicon_row_names_its_line() -> None:
    with pytest.raises(ValueError, match=":2:"):
        parse_lexicon("ru\tbe\tpos\tsource\nобсудить\tабмеркаваць\tverb\n")


@pytest.mark.slow
def test_every_model_lemma_is_inflected_by_the_generator() -> None:
    """be_paradigm.MODELS are lemmas the installed generator has, with their own tags."""
    from translator_flow.lang.be_paradigm import MODELS

    tails = {"n": "<sg><gen>", "name": "<sg><gen>", "adj": "<m><an><sg><gen>", "v": "<inf>"}
    requests = [f"{lemma}{tags}{tails[pos]}" for pos, lemma, tags in MODELS]
    forms = be_generate.generate(requests)
    missing = [r for r, f in zip(requests, forms) if not f or "#" in f]
    assert not missing, f"model lemmas the generator cannot inflect: {missing}"
