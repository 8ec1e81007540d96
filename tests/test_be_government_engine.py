"""Government, agreement and predicatives through the real Apertium engine (slow).

Each row: a Russian sentence, forms the Belarusian draft must contain, forms it must not,
and the ``via`` of a mark the review must show. Properties, not golden sentences.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from overlay_helpers import belarusian_engine
from translator_flow.lang import REPAIRS, postedit_with_offsets
from translator_flow.lang.apertium_overlay import build as overlay_build
from translator_flow.lang.be_government import FLAGS

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        bool(overlay_build.missing_tools()) or not Path("/usr/share/apertium/modes/rus-bel.mode").exists(),
        reason="lttoolbox-dev / apertium-lex-tools-dev / cg3 or apertium-bel-rus missing",
    ),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    with belarusian_engine(tmp_path_factory.mktemp("xdg")) as eng:
        yield eng


ROWS = [
    # (sentence, must contain, must not contain, via of a mark)
    ("Он болеет гриппом.", ["хварэе на грып"], ["грыпам", "болеет"], "government"),
    ("Ребёнок заболел гриппом.", ["захварэла на грып"], ["забалеў", "грыпам"], "government"),
    ("Мы благодарим наших врачей.", ["дзякуем нашым урачам"], ["урачоў"], "government"),
    ("Благодарим вас за внимание.", ["Дзякуем вам"], ["вас"], "government"),
    ("Министр поблагодарил всех участников форума.", ["падзякаваў усім удзельнікам"], ["удзельнікаў"], "government"),
    ("Он заботится о своей семье.", ["пра сваю сям’ю"], ["аб"], "government"),
    ("Они смеялись над шуткой.", ["смяяліся з жарту"], ["над"], "government"),
    ("Он женился на девушке.", ["з дзяўчынай"], ["на дзяўчыне"], "government"),
    ("Он извинился перед коллегами.", ["перапрасіў калег"], ["перад"], "government"),
    ("Мы заботимся о детях.", ["клапоцімся пра дзяцей"], ["аб дзецях"], "government"),
    ("Разговор с министром прошёл в дружеской атмосфере.", ["Размова з міністрам прайшла"], ["прайшоў"], "gender"),
    ("Здравоохранение было важным направлением.", ["Ахова здароўя была"], ["было"], "gender"),
    ("Обращение граждан было рассмотрено.", ["Зварот грамадзян быў разгледжаны"], ["разгледжана"], "gender"),
    ("Совещание было проведено в Минске.", ["Нарада была праведзена"], ["было"], "gender"),
    ("Это было непросто.", ["няпроста"], ["няпростае"], "predicative"),
    ("В работе участвовали 20 специалистов.", ["спецыялістаў"], ["спецыялістак"], None),
    ("У него болит голова.", [], ["хварэе"], None),  # болеть 'hurt' is not хварэць
]


def _draft(engine, text: str):
    out = REPAIRS["be"](engine.translate_batch([text], "ru", "be"), {})[0]
    assert out.error is None
    return postedit_with_offsets(out.text, "be", out.marks)


@pytest.mark.parametrize(("text", "present", "absent", "via"), ROWS, ids=[r[0] for r in ROWS])
def test_draft_has_the_belarusian_government(engine, text, present, absent, via):
    draft, marks = _draft(engine, text)
    for form in present:
        assert form in draft, (form, draft)
    for form in absent:
        assert form not in draft, (form, draft)
    assert not any(ch in draft for ch in FLAGS), "a flag character reached the draft"
    if via:
        assert any(m.kind == "fallback" and m.via == via and draft[m.start : m.end] == m.word for m in marks), marks


def test_no_flag_reaches_any_draft(engine):
    texts = [r[0] for r in ROWS] + [
        "Разговор был непростым, но полезным.",
        "Здравоохранение региона было модернизировано.",
    ]
    for out in engine.translate_batch(texts, "ru", "be"):
        assert out.error is None and not any(ch in out.text for ch in FLAGS), out.text
