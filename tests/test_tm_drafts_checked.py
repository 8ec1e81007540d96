"""A draft from the translation memory is a draft: today's glossary and QA check it like MT.

The memory holds an approved Belarusian sentence with the agency's old name; the office
then changes the approved form in its glossary. Re-translating the same source takes the
draft from the memory (origin ``tm``) and must flag it as blocking, naming the glossary
change — not publish the old name with 0 findings.
"""

from __future__ import annotations

from pathlib import Path

from translator_flow.config import Settings
from translator_flow.pipeline import Pipeline
from translator_flow.tm import TMUnit, TranslationMemory

SOURCE = "Делегация посетила Министерство спорта и туризма."
OLD = "Дэлегацыя наведала Міністэрства спорту і турызму."
HEADER = "id,ru,be,en,note,source\n"


def _glossary(folder: Path, be: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "bodies.csv").write_text(
        HEADER + f"sport,Министерство спорта и туризма,{be},Ministry of Sports and Tourism,,test\n", encoding="utf-8")
    return folder


def _translate(tmp_path: Path, be: str):
    settings = Settings(targets=("be",), glossary=(_glossary(tmp_path / "glossary", be),), tm_dir=tmp_path / "tm")
    with Pipeline(settings) as pipeline:
        translation = pipeline.translate_segments(pipeline.read(_release(tmp_path))[1], "be")
    return translation


def _release(tmp_path: Path) -> Path:
    path = tmp_path / "r.ru.txt"
    path.write_text(SOURCE + "\n", encoding="utf-8")
    return path


def _remember(tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path / "tm")
    memory.add([TMUnit(SOURCE, OLD, "be")])
    memory.save()


def test_a_tm_draft_that_matches_the_glossary_passes(tmp_path: Path) -> None:
    _remember(tmp_path)
    translation = _translate(tmp_path, "Міністэрства спорту і турызму")
    [target] = translation.targets
    assert (target.origin, target.text) == ("tm", OLD)
    assert [h.entry_id for h in target.term_hits] == ["sport"]
    assert not [i for i in translation.issues if i.check == "terminology" and i.severity == "blocking"]


def test_a_tm_draft_after_a_glossary_change_is_blocking_and_says_why(tmp_path: Path) -> None:
    _remember(tmp_path)
    translation = _translate(tmp_path, "Міністэрства па справах спорту і турызму")
    [target] = translation.targets
    assert target.origin == "tm"
    blocking = [i for i in translation.issues if i.check == "terminology" and i.severity == "blocking"]
    assert len(blocking) == 1, translation.issues
    assert "glossary change" in blocking[0].message
    assert "Міністэрства па справах спорту і турызму" in blocking[0].message
