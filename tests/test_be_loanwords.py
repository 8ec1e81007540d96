"""Respelled international words: one row per rule of be_loanwords, spellings from skarnik.by."""

from __future__ import annotations

import pytest

from translator_flow.lang.be_loanwords import candidate, respell

ROWS = [
    # (Russian lemma, Belarusian lemma, rule shown) — Belarusian spellings as in skarnik.by
    ("гастроэнтерология", "гастраэнтэралогія", "-логия keeps its о; аканне elsewhere; т+е → тэ"),
    ("томография", "тамаграфія", "-графия: stress in the suffix, every о → а"),
    ("анестезиология", "анестэзіялогія", "і + unstressed о → ія"),
    ("кардиохирургический", "кардыяхірургічны", "д+и → ды; -ический → -ічны"),
    ("реанимация", "рэанімацыя", "р+е → рэ; ц+и → цы"),
    ("информативный", "інфарматыўны", "в before a consonant → ў; т+и → ты"),
    ("гематолог", "гематолаг", "-лог: the vowel before it is stressed"),
    ("ревматологический", "рэўматалагічны", "е+в → эў"),
    ("колледж", "каледж", "doubled consonants single"),
    ("операционный", "аперацыйны", "-ционный → -цыйны"),
    ("клинико-диагностический", "клініка-дыягнастычны", "each part of a compound"),
]


@pytest.mark.parametrize(("ru", "be", "rule"), ROWS, ids=[r[0] for r in ROWS])
def test_respell(ru, be, rule):
    assert respell(ru) == be, rule


def test_only_loanword_suffixes_are_respelled():
    from translator_flow.morph.russian import analyzer

    assert candidate(analyzer().parse("томографии")[0]) == ("тамаграфія", "n")
    assert candidate(analyzer().parse("заместительной")[0]) is None  # a native word: left to the lexicon
    assert candidate(analyzer().parse("бежать")[0]) is None


def test_fallback_fills_in_a_loanword_and_keeps_it_marked():
    from translator_flow.lang.be_fallback import apply
    from translator_flow.model import EngineOutput, Mark
    from translator_flow.morph import belarusian

    if not belarusian.available():
        pytest.skip("apertium-bel-rus missing")
    text = "Кабінет камп'ютарнай томографии."
    start = text.index("томографии")
    out = apply([EngineOutput(text, (Mark("unknown", "томографии", start, start + 10),))])[0]
    assert "тамаграфіі" in out.text
    assert [m.kind for m in out.marks] == ["fallback"]
