"""Protecting terms for the engines and the ``terminology`` check.

Properties: every placed form sits between PROTECT delimiters, the text outside the spans
is the source unchanged, flags say why a reviewer should look; the check accepts any
inflection of the approved term and blocks a missing term or a forbidden variant.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from translator_flow.glossary import Glossary, check_terminology, load_glossary, verify
from translator_flow.glossary.entries import Entry
from translator_flow.morph.belarusian import LtToolbox
from translator_flow.model import PROTECT_CLOSE as C
from translator_flow.model import PROTECT_OPEN as O

ROOT = Path(__file__).resolve().parents[1]
SPAN = re.compile(f"{O}([^{C}]*){C}")


@pytest.fixture(scope="module")
def starter() -> Glossary:
    return load_glossary(ROOT / "glossary")


def _restore(protected: str, hits) -> str:
    """Put the Russian occurrences back in place of the protected spans."""
    forms = iter(h.source_text for h in sorted(hits, key=lambda h: h.start) if h.target_form)
    return SPAN.sub(lambda m: next(forms), protected)


def test_protect_wraps_each_form_in_delimiters(starter: Glossary) -> None:
    text = "Губернатор Смоленской области встретился с Президентом Республики Беларусь в Минске."
    hits = starter.find(text)
    protected, placed = starter.protect(text, hits, "be")
    assert SPAN.findall(protected) == ["Губернатар Смаленскай вобласці", "Прэзідэнтам Рэспублікі Беларусь", "Мінску"]
    assert _restore(protected, placed) == text
    protected, placed = starter.protect(text, hits, "en")
    assert SPAN.findall(protected) == ["Governor of Smolensk Region", "President of the Republic of Belarus", "Minsk"]
    assert [h.approved for h in placed] == ["Governor of Smolensk Region", "President of the Republic of Belarus", "Minsk"]


def test_english_keeps_sentence_initial_capitals_and_names_shapes(starter: Glossary) -> None:
    text = "Товарооборот растёт, сообщил В. Анохин; Анохин В.Ю. и Путин подтвердили."
    _, placed = starter.protect(text, starter.find(text), "en")
    assert [h.target_form for h in placed] == ["Trade turnover", "V. Anokhin", "Anokhin V.Yu.", "Putin"]
    text = "«Агропромышленный комплекс — основа», — сказал он."
    _, placed = starter.protect(text, starter.find(text), "en")
    assert placed[0].target_form == "Agro-industrial complex"


def test_word_unknown_to_the_generator_gets_base_form_and_a_flag() -> None:
    # «Кукуевск» / «Кукуеўск»: no dictionary, no model word for its ending → base form, flagged.
    g = Glossary([Entry("k", "Кукуевск", "Кукуеўскъ", "Kukuevsk")])
    text = "Делегация прибыла из Кукуевска."
    protected, placed = g.protect(text, g.find(text), "be")
    assert SPAN.findall(protected) == ["Кукуеўскъ"]
    assert "base form «Кукуеўскъ» placed" in placed[0].flagged and "be_forms" in placed[0].flagged


def test_pinned_forms_win_over_the_generator() -> None:
    g = Glossary([Entry("s", "Смоленская область", "Смаленская вобласць", "Smolensk Region",
                        be_forms=(("ins", "Смаленшчынай"),))])
    text = "Сотрудничество со Смоленской областью растёт."
    _, placed = g.protect(text, g.find(text), "be")
    assert placed[0].target_form == "Смаленшчынай"


def test_without_the_generator_only_pinned_forms_are_placed(tmp_path: Path) -> None:
    missing = LtToolbox(data_dir=tmp_path)  # no transducers there
    g = Glossary([Entry("s", "Смоленская область", "Смаленская вобласць", "Smolensk Region",
                        be_forms=(("gen", "Смаленскай вобласці"),))], toolbox=missing)
    _, placed = g.protect("Губернатор Смоленской области", g.find("Губернатор Смоленской области"), "be")
    assert placed[0].target_form == "Смаленскай вобласці" and not placed[0].flagged
    _, placed = g.protect("В Смоленской области", g.find("В Смоленской области"), "be")
    assert placed[0].target_form == "Смаленская вобласць"
    assert "apertium-bel-rus" in placed[0].flagged


def test_entry_without_a_translation_is_left_to_the_engine() -> None:
    g = Glossary([Entry("m", "Минск", "", "Minsk")])
    protected, placed = g.protect("Мы в Минске.", g.find("Мы в Минске."), "be")
    assert protected == "Мы в Минске." and placed[0].target_form == ""
    assert "no Belarusian form" in placed[0].flagged


def test_draft_entries_are_placed_and_flagged() -> None:
    g = Glossary([Entry("m", "Минск", "Мінск", "Minsk", status="draft")])
    _, placed = g.protect("Мы в Минске.", g.find("Мы в Минске."), "be")
    assert placed[0].target_form == "Мінску" and "draft" in placed[0].flagged


def test_protect_batch_matches_protect_and_runs_the_generator_once(tmp_path: Path) -> None:
    toolbox = LtToolbox()
    g = Glossary(load_glossary(ROOT / "glossary").entries, toolbox=toolbox)
    texts = ["Губернатор Смоленской области прибыл в Минск.", "Товарооборот с Беларусью вырос.", "Ничего."]
    hits = [g.find(t) for t in texts]
    batch = g.protect_batch(texts, hits, "be")
    calls = toolbox.calls
    assert calls <= 4  # analyse, endings, homonyms, generate — for the whole glossary at once
    assert batch == [g.protect(t, h, "be") for t, h in zip(texts, hits)]
    assert toolbox.calls == calls  # everything cached


FILLER = ["Сегодня", "в", "рамках", "визита", "и", "стороны", "обсудили", "вопросы", ",", "—", "с", "для"]
TERMS = ["Смоленской области", "Минском автомобильном заводе", "Президентом Республики Беларусь",
         "Александра Лукашенко", "товарооборота", "АПК", "Союзному государству", "В. Анохин"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(FILLER + TERMS), min_size=1, max_size=12), st.sampled_from(["be", "en"]))
def test_protect_then_restore_gives_the_source_back(starter: Glossary, words, lang) -> None:
    text = " ".join(words)
    hits = starter.find(text)
    protected, placed = starter.protect(text, hits, lang)
    spans = SPAN.findall(protected)
    assert spans == [h.target_form for h in placed if h.target_form]
    assert all(spans) and protected.count(O) == protected.count(C) == len(spans)
    assert _restore(protected, placed) == text
    assert [h.source_text for h in hits] == [w for w in words if w in TERMS]


# -- the terminology check -----------------------------------------------------------

CHECKS = [
    # (source, draft, expected severities)
    ("Губернатор Смоленской области прибыл.", "Губернатар Смаленскай вобласці прыбыў.", []),
    # any inflection of the approved term counts
    ("Губернатор Смоленской области прибыл.", "Губернатар прыбыў у Смаленскую вобласць.", ["blocking"]),
    ("В Смоленской области тепло.", "У Смаленскіх абласцях цёпла.", []),
    ("В Смоленской области тепло.", "У вобласці цёпла.", ["blocking"]),
    ("Товарооборот с Белоруссией вырос.", "Тавараабарот з Беларуссю вырас.", []),
    ("Товарооборот с Белоруссией вырос.", "Тавараабарот з Белоруссией вырас.", ["blocking", "blocking"]),
    # a forbidden variant is an issue even without a source hit
    ("Погода хорошая.", "Надвор'е ў Беларусіі добрае.", ["blocking"]),
    ("Министерство иностранных дел сообщило.", "Міністэрства замежных дзей паведаміла.", ["blocking", "blocking"]),
    # two occurrences in the source need two in the draft
    ("Минск и снова Минск.", "Мінск і зноў горад.", ["blocking"]),
    ("Минск и снова Минск.", "Мінск і зноў Мінск.", []),
]


@pytest.mark.parametrize("source,draft,expected", CHECKS)
def test_terminology_check(starter: Glossary, source: str, draft: str, expected: list[str]) -> None:
    _, hits = starter.protect(source, starter.find(source), "be")
    findings = check_terminology(source, draft, hits, "be", starter)
    assert sorted(f[0] for f in findings) == sorted(expected), findings
    for _severity, message, span in findings:
        assert "entry " in message
        if span is not None:
            assert 0 <= span[0] < span[1] <= len(draft)


def test_terminology_check_english_and_qaissues(starter: Glossary) -> None:
    source = "Президент Белоруссии прибыл в Смоленск."
    _, hits = starter.protect(source, starter.find(source), "en")
    assert check_terminology(source, "The President of Belarus arrived in Smolensk.", hits, "en", starter) == []
    issues = verify(source, "The President of Byelorussia arrived in Smolensk.", hits, "en", starter)
    assert sorted((i.check, i.severity, i.lang) for i in issues) == [("terminology", "blocking", "en")] * 2
    forbidden = next(i for i in issues if "forbidden" in i.message)
    assert forbidden.span == (17, 28)
    assert "use «Belarus»" in forbidden.message


def test_flagged_placement_is_a_warning(starter: Glossary) -> None:
    source = "Благодарю Александра Лукашенко за встречу."
    _, hits = starter.protect(source, starter.find(source), "be")
    draft = f"Дзякую {hits[0].target_form} за сустрэчу."
    findings = check_terminology(source, draft, hits, "be", starter)
    assert [f[0] for f in findings] == ["warning"]
    assert findings[0][2] == (7, 7 + len(hits[0].target_form))
