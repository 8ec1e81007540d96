"""The starter glossary on the real Smolensk release (../shared, skipped when absent).

Which entries it hits, the Belarusian case of each occurrence, and that the placed forms
survive both engines: Apertium for Belarusian, Argos with the copy test model for English
(the restore mechanics), with no blocking terminology finding.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from translator_flow.glossary import check_terminology, load_glossary

ROOT = Path(__file__).resolve().parents[1]
SMOLENSK = ROOT.parent / "shared" / "corpus" / "smolensk-belarus-cooperation.ru.txt"

pytestmark = pytest.mark.skipif(not SMOLENSK.exists(), reason="../shared corpus absent (user clone)")

EXPECTED_ENTRIES = {
    "anokhin", "belarus", "president-belarus", "lukashenko", "maz", "trade-turnover", "apk",
    "bobruiskagromash", "agricultural-machinery", "smolensk", "union-state", "russia",
    "extraleague", "republic-of-belarus", "smolensk-region",
}  # fmt: skip

# The occurrence in the release → the Belarusian form its case needs.
EXPECTED_FORMS = {
    "Василий Анохин": "Васіль Анохін",
    "Беларусью": "Беларуссю",
    "Беларуси": "Беларусі",
    "Президентом Республики Беларусь": "Прэзідэнтам Рэспублікі Беларусь",
    "Александром Лукашенко": "Аляксандрам Лукашэнкам",
    "Минского автомобильного завода": "Мінскага аўтамабільнага завода",
    "Товарооборот": "Тавараабарот",
    "торгового оборота": "тавараабароту",  # a ru_variant of «товарооборот»
    "АПК": "АПК",
    "Бобруйскагромашем": "Бабруйскаграмашам",
    "сельхозтехники": "сельгастэхнікі",
    "Смоленске": "Смаленску",
    "Союзного государства": "Саюзнай дзяржавы",
    "Россию": "Расію",
    "Экстралиге": "Экстралізе",
    "Республики Беларусь": "Рэспублікі Беларусь",
    "Смоленской области": "Смаленскай вобласці",
    # «Благодарю Александра Лукашенко»: genitive or accusative — placed, and flagged.
    "Александра Лукашенко": "Аляксандра Лукашэнку",
}


@pytest.fixture(scope="module")
def segments():
    from translator_flow.readers import read_document
    from translator_flow.segment import segment_document

    return [s.source for s in segment_document(read_document(SMOLENSK))]


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(ROOT / "glossary")


def test_the_release_hits_the_expected_entries_in_the_right_case(segments, glossary) -> None:
    found = {}
    for text in segments:
        _, hits = glossary.protect(text, glossary.find(text), "be")
        for hit in hits:
            found.setdefault(hit.entry_id, []).append(hit)
    assert set(found) == EXPECTED_ENTRIES
    for hits in found.values():
        for hit in hits:
            assert hit.target_form == EXPECTED_FORMS[hit.source_text], hit
    flagged = [h.source_text for hs in found.values() for h in hs if h.flagged]
    assert flagged == ["Александра Лукашенко"]


def _through_engine(engine, segments, glossary, lang):
    found = [glossary.find(s) for s in segments]
    protected = glossary.protect_batch(segments, found, lang)
    outputs = engine.translate_batch([text for text, _ in protected], "ru", lang)
    checked = 0
    for source, (_, hits), out in zip(segments, protected, outputs):
        assert out.error is None, out.error
        for hit in hits:
            assert hit.target_form in out.text, (hit.entry_id, hit.target_form, out.text)
            checked += 1
        blocking = [f for f in check_terminology(source, out.text, hits, lang, glossary) if f[0] == "blocking"]
        assert not blocking, (source, out.text, blocking)
    return checked


def test_belarusian_forms_survive_apertium(segments, glossary) -> None:
    from translator_flow.engines.apertium import ApertiumEngine

    with ApertiumEngine() as engine:
        assert _through_engine(engine, segments, glossary, "be") >= 20


def test_english_forms_survive_argos(segments, glossary, argos_home) -> None:
    from translator_flow.engines.argos import ArgosEngine

    engine = ArgosEngine(packages_dir=argos_home.packages_dir)
    try:
        assert _through_engine(engine, segments, glossary, "en") >= 20
    finally:
        engine.close()
