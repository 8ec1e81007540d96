"""The Apertium ru→be engine against the real Apertium rus-bel installation.

Properties, not golden strings: every segment back, in order, non-empty; numbers and
Latin tokens kept; marks structured and never in the text; protected spans verbatim;
stream syntax never leaking; processes gone after close().
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from translator_flow.engines.apertium import ApertiumEngine, plain_stages_command, translate_plain
from translator_flow.engines.apertium_pipeline import _mb_read, fix_tagger, read_mode, write_hmm_prob
from translator_flow.engines.apertium_stream import deformat, reformat, split_tail
from translator_flow.engines.base import Engine
from translator_flow.errors import EngineError
from translator_flow.model import PROTECT_CLOSE as C
from translator_flow.model import PROTECT_OPEN as O

MODE = Path("/usr/share/apertium/modes/rus-bel.mode")
# «Дальнейшее» keeps two readings after the constraint grammar, which crashes the stock tagger.
CRASHER = "Дальнейшее укрепление сотрудничества между нашими регионами остаётся главной задачей."
# Characters lt-proc treats as blanks: each must come out exactly as often as it went in.
BLANK_SPECIALS = ["[", "]", "\\", "^", "$", "<", ">", "{", "}", "/", "@", "*", "#", "~", "|", "\n", "\t", "😀"]
# Our segment ids or Apertium tags in a draft would mean stream syntax leaked.
STREAM_SYNTAX = re.compile(r"\[tf:|<(?:n|np|adj|vblex|num|pr|det|sg|pl|nom|gen|dat|acc|ins|prp|sent|cm|f|m|nt)>")


@pytest.fixture(scope="module")
def engine():
    # A short timeout: a healthy pipeline answers in milliseconds, a regression that
    # hangs it should fail fast rather than stall the suite.
    with ApertiumEngine(timeout=5) as eng:
        yield eng


def _children() -> set[int]:
    """Process ids whose parent is this test process."""
    me, out = os.getpid(), set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == me:
                out.add(int(entry))
    return out


def _ok(out) -> None:
    assert out.error is None, out.error
    assert out.text.strip(), "empty translation without an error"
    for m in out.marks:
        assert out.text[m.start:m.end] == m.word


def test_engine_satisfies_protocol(engine):
    assert isinstance(engine, Engine)
    assert engine.pairs() == {("ru", "be")}
    assert "apertium" in engine.version()
    assert "apertium-bel-rus" in engine.model_id() and "tagger=first" in engine.model_id()


def test_shipped_wrapper_loses_the_sentence_and_the_engine_does_not(engine):
    shipped = subprocess.run(["apertium", "rus-bel"], input=CRASHER, capture_output=True, text=True, timeout=60)
    assert shipped.returncode == 0 and shipped.stdout.strip() == "", "premise: the stock tagger crashes silently"
    [out] = engine.translate_batch([CRASHER], "ru", "be")
    _ok(out)
    assert out.text != CRASHER and re.search("[іў]", out.text), "not a Belarusian translation"


def test_hmm_tagger_also_survives_the_crasher():
    with ApertiumEngine(tagger="hmm") as eng:
        outs = eng.translate_batch([CRASHER, "Бывший глава данной области выступил."], "ru", "be")
        assert "tagger=hmm" in eng.model_id()
    for out in outs:
        _ok(out)


def test_hmm_model_copy_decodes_to_the_same_numbers(tmp_path):
    src = Path("/usr/share/apertium/apertium-bel-rus/rus-bel.prob")
    dst = write_hmm_prob(src, tmp_path / "rus-bel.prob")

    def values(data: bytes) -> tuple[list[int], bytes]:
        count, i = _mb_read(data, 0)
        vals = [count]
        for _ in range(count):
            v, i = _mb_read(data, i)
            vals.append(v)
        return vals, data[i:]

    assert values(src.read_bytes()) == values(dst.read_bytes())
    assert src.read_bytes() != dst.read_bytes()


def test_batch_keeps_count_and_order(engine):
    templates = [
        "В {a} году жители области получили {b} новых квартир.",
        "На данной встрече присутствовали {a} делегатов из {b} районов.",
        "Дальнейшее развитие региона обсудили {a} участников и {b} экспертов.",
    ]
    texts = [templates[n % 3].format(a=1000 + n, b=5000 + n) for n in range(300)]
    outs = engine.translate_batch(texts, "ru", "be")
    assert len(outs) == len(texts)
    for n, out in enumerate(outs):
        _ok(out)
        assert re.findall(r"\d+", out.text) == [str(1000 + n), str(5000 + n)]


def test_unknown_words_become_marks_not_text(engine):
    [out] = engine.translate_batch(["Глокая куздра штеко будланула бокренка."], "ru", "be")
    _ok(out)
    assert {m.word for m in out.marks if m.kind == "unknown"} >= {"куздра", "будланула"}
    assert not set("*#@") & set(out.text)


def test_literal_mark_characters_are_text_not_marks(engine):
    text = "Пишите на press@gov.by, тег #новости, сноска 5* и формула 2*3#4@5."
    [out] = engine.translate_batch([text], "ru", "be")
    _ok(out)
    for ch in "*#@":
        assert out.text.count(ch) == text.count(ch)
    assert "press@gov.by" in out.text and "2*3#4@5" in out.text
    for m in out.marks:
        assert m.word and m.word.isalpha()


def test_protected_span_passes_verbatim(engine):
    span = "Смаленскай [вобласці] \\ *#@~ ^$ <b> {x}"
    texts = [
        f"Губернатор {O}{span}{C} провёл совещание.",
        f"{O}Иван Петров{C}, министр, выступил.",
        f"Министр выступил: {O}итог{C}",
        f"Министр{O}X{C}выступил.",
    ]
    outs = engine.translate_batch(texts, "ru", "be")
    for out in outs:
        _ok(out)
        assert O not in out.text and C not in out.text
    first = outs[0]
    at = first.text.index(span)
    assert first.text[at - 1] == " " and first.text[at + len(span)] == " ", "spaces around the span are kept"
    assert not [m for m in first.marks if m.start < at + len(span) and m.end > at], "no marks inside a span"
    assert outs[1].text.startswith("Иван Петров,")
    assert outs[2].text.endswith(" итог")
    assert re.search(r"\wX\w", outs[3].text), "no spaces are added around a span"


@pytest.mark.parametrize("ch", BLANK_SPECIALS)
def test_special_characters_survive_and_do_not_leak(engine, ch):
    texts = [f"Слово {ch} между словами и {ch}{ch} рядом{ch}концом.", "Второе предложение осталось целым."]
    outs = engine.translate_batch(texts, "ru", "be")
    for out in outs:
        _ok(out)
        assert not STREAM_SYNTAX.search(out.text)
    assert outs[0].text.count(ch) == texts[0].count(ch)


def test_leaked_generator_tags_are_not_text(engine):
    # apertium-bel-rus 0.2.1 generates «%<num><percent>» for a noun glued to «2025%».
    [out] = engine.translate_batch(["Сотрудничество%2025% выросло."], "ru", "be")
    _ok(out)
    assert "<" not in out.text and ">" not in out.text


def test_nul_blank_and_delimiter_only_inputs(engine):
    outs = engine.translate_batch(["Нулевой\0 символ.", "", "   ", f"{O}{C}", "\0"], "ru", "be")
    _ok(outs[0])
    assert "\0" not in outs[0].text
    assert [o.text for o in outs[1:]] == ["", "   ", "", ""]
    assert all(o.error is None for o in outs)


def test_multiline_and_long_text(engine):
    para = " ".join(f"В {n} году область получила {n + 10} новых автобусов." for n in range(2000, 2300))
    text = f"{para}\n\n{para}\nПоследняя строка."
    [out] = engine.translate_batch([text], "ru", "be")
    _ok(out)
    assert out.text.count("\n") == 3
    assert re.findall(r"\d+", out.text) == re.findall(r"\d+", text)


WORDS = ["область", "Дальнейшее", "данной", "встреча", "Минск", "press", "2025", "сотрудничество"]
OTHERS = [" ", ".", "%", "\0", "\r", "\x14", "\u00a0", O + "Ёж" + C, O + "^<" + C, O, C]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.sampled_from(WORDS + BLANK_SPECIALS + OTHERS), min_size=1, max_size=12)
                .map("".join), min_size=1, max_size=6))
def test_random_texts_keep_count_specials_and_latin(engine, texts):
    outs = engine.translate_batch(texts, "ru", "be")
    assert len(outs) == len(texts)
    for text, out in zip(texts, outs):
        visible = text.replace(O, "").replace(C, "").replace("\0", "")
        if not visible.strip():
            assert out.text == visible and out.error is None
            continue
        _ok(out)
        assert not STREAM_SYNTAX.search(out.text)
        for ch in BLANK_SPECIALS:
            assert out.text.count(ch) == visible.count(ch), ch
        assert out.text.count("press") == visible.count("press")
        assert out.text.count("Ёж") == visible.count("Ёж")


def test_stream_roundtrip_without_engine():
    text = f"a*b #c @d ~e [f] \\g ^h$ <i> {{j}} /k\nl {O}m]n\\o{C}"
    clean, marks = reformat(deformat(text))
    assert clean == text.replace(O, "").replace(C, "") and marks == ()
    clean, marks = reformat("рост%2025%\\<num\\>\\<percent\\> *зусім")
    assert clean == "рост%2025% зусім"
    assert [(m.kind, m.word, m.start) for m in marks] == [("generation", "рост%2025%", 0), ("unknown", "зусім", 11)]
    clean, marks = reformat("Яна *заглядывает пад #стол і @Вани.")
    assert clean == "Яна заглядывает пад стол і Вани."
    assert [(m.kind, m.word, clean[m.start:m.end]) for m in marks] == [
        ("unknown", "заглядывает", "заглядывает"), ("generation", "стол", "стол"), ("bilingual", "Вани", "Вани")]


def test_trailing_caret_is_kept_out_of_the_stream():
    # lrx-proc stalls on a "^" after the last word of a segment (measured, lex-tools 0.4.2).
    assert split_tail("Итог ^^") == ("Итог ", "^^")
    assert split_tail("a ^ b") == ("a ^ b", "")
    assert split_tail(f"Итог {O}x^{C}.") == ("Итог ", f"{O}x^{C}.")
    assert split_tail("Без крышки.") == ("Без крышки.", "")


def test_mode_parsing_and_tagger_fix():
    stages = read_mode(MODE)
    assert any(s[0] == "apertium-tagger" for s in stages)
    fixed = fix_tagger(stages, "first")
    assert not any(s[0] == "apertium-tagger" for s in fixed)
    cg = next(s for s in fixed if s[0] == "cg-proc")
    assert "-1" in cg and "-n" in cg
    assert not any(a.startswith("$") for s in fixed for a in s)


def test_generator_prints_one_form_per_word():
    from translator_flow.engines.apertium_pipeline import one_form_per_word

    stages = one_form_per_word(fix_tagger(read_mode(MODE), "first"))
    generator = next(s for s in stages if s[0].endswith("lt-proc") and "-g" in s)
    assert generator[generator.index("-g") + 1:generator.index("-g") + 3] == ["-N", "1"]
    assert sum("-N" in s for s in stages) == 1  # the analyser, bidix and post-generators are untouched


@pytest.mark.parametrize(("text", "present"), [
    ("Захватив город, войска ушли.", "Захапіўшы горад"),  # apertium-bel: «Захапіўшы/Захоплеўшы»
    ("Обнаруженные источники изучают.", "Выяўленыя крыніцы"),  # «Выяўленыя/Выяялененыя»
])
def test_free_variants_of_the_generator_give_one_word(engine, text, present):
    out = engine.translate_batch([text], "ru", "be")[0].text
    assert present in out and "/" not in out


def test_plain_stages_baseline_agrees_with_engine(engine):
    cmd = plain_stages_command()
    assert cmd.startswith("apertium-destxt |") and cmd.endswith("| apertium-retxt")
    assert "apertium-tagger" not in cmd and " -z" not in cmd
    texts = [CRASHER, "Губернатор провёл совещание в Минске."]
    plain = translate_plain(texts)
    mine = engine.translate_batch(texts, "ru", "be")
    assert [re.sub(r"(?<!\w)[*#@](?=\w)", "", p) for p in plain] == [o.text for o in mine]


def test_wrong_pair_is_refused(engine):
    with pytest.raises(EngineError, match="ru→be"):
        engine.translate_batch(["x"], "ru", "en")


def test_close_terminates_every_process():
    before = _children()
    eng = ApertiumEngine()
    _ok(eng.translate_batch(["Проверка."], "ru", "be")[0])
    mine = _children() - before
    assert len(mine) >= 10, "one process per stage"
    eng.close()
    assert not [pid for pid in mine if Path(f"/proc/{pid}").exists()]
    with pytest.raises(EngineError, match="closed"):
        eng.translate_batch(["Проверка."], "ru", "be")
