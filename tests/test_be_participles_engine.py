"""The participle rewrite through the real Belarusian engine (overlay + stages + repairs).

Properties, not golden strings: a postposed participle comes out as «які …» + a finite
verb with a mark, no non-normative -учы form and no flag character reaches the draft, and
every segment comes back.
"""

from __future__ import annotations

import shutil

import pytest

from translator_flow.lang.be_participles import FLAGS

pytestmark = pytest.mark.slow

SOURCES = [
    "Компания, работающая в регионе, открыла завод.",
    "Мы пригласили специалистов, работающих в отрасли.",
    "Грант выдан предприятию, выпускающему продукцию.",
    "Это учреждение, занимающееся наукой.",
    "Работающая компания открыла завод.",
    "Ведущий специалист рассказал о следующем этапе.",
]


@pytest.fixture(scope="module")
def drafts():
    if shutil.which("lt-comp") is None or shutil.which("lt-proc") is None:
        pytest.skip("lttoolbox tools are not installed")
    from translator_flow.engines.apertium import ApertiumEngine
    from translator_flow.lang import REPAIRS, engine_extras, postedit_with_offsets

    options = engine_extras("be", "apertium")
    if "data_files" not in options:
        pytest.skip("the Apertium overlay could not be built")
    with ApertiumEngine(timeout=10, **options) as engine:
        raw = engine.translate_batch(SOURCES, "ru", "be")
    repaired = REPAIRS["be"](raw)
    return [postedit_with_offsets(o.text, "be", o.marks) for o in repaired]


def test_every_segment_comes_back_without_flags(drafts):
    assert len(drafts) == len(SOURCES)
    for text, marks in drafts:
        assert text.strip()
        assert not any(f in text for f in FLAGS)
        for m in marks:
            assert text[m.start : m.end] == m.word


def test_postposed_participles_become_relative_clauses(drafts):
    for i, clause in ((0, "якая працуе"), (1, "якія працуюць"), (2, "якое выпускае"), (3, "займаецца")):
        text, marks = drafts[i]
        assert clause in text, text
        assert "працуюч" not in text.lower() and "выпускаюч" not in text.lower()
        assert any(m.via == "participle" and clause in m.word for m in marks), marks


def test_prepositive_participle_is_flagged_for_the_editor(drafts):
    text, marks = drafts[4]
    assert "якая" not in text  # not rewritten
    mark = next(m for m in marks if m.via == "participle-prepositive")
    assert "якая працуе" in mark.original


def test_lexicalised_participles_stay_adjectives(drafts):
    text, marks = drafts[5]
    assert "які" not in text.lower().split()
    assert not any(m.via.startswith("participle") for m in marks)
