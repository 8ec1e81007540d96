"""The whole loop with the real Belarusian engine: translate → edit → finalize → translate again.

After finalize, every approved segment comes back from the translation memory
(``origin: tm``) with the editor's text; a release sharing half its sentences gets ``tm``
for exactly those, and near matches only as suggestions.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from review_helpers import edit_docx
from translator_flow.cli import cli
from translator_flow.pipeline import translate_document
from translator_flow.review import finalize

# Written for this test (not taken from any real release).
FIRST = """Новый мост построят в Гродно

В Гродно начали строительство нового моста через Неман. Работы планируют завершить в 2026 году.

Длина моста составит 420 метров. На строительство направят 35 млн рублей.

«Мост соединит два новых микрорайона», — сообщили в горисполкоме.
"""
SHARED = [
    "Работы планируют завершить в 2026 году.",
    "Длина моста составит 420 метров.",
    "«Мост соединит два новых микрорайона», — сообщили в горисполкоме.",
]
SECOND = """Дорогу отремонтируют в Лиде

В Лиде начали ремонт дороги на улице Советской. Работы планируют завершить в 2026 году.

Длина моста составит 420 метров. На строительство дороги направят 12 млн рублей.

«Мост соединит два новых микрорайона», — сообщили в горисполкоме.
"""
EDITS = {
    "b1s0": "У Гродне пачалі будаўніцтва новага моста праз Нёман.",
    "b2s1": "На будаўніцтва накіруюць 35 млн рублёў.",
}


@pytest.fixture()
def first_release(tmp_path: Path) -> Path:
    path = tmp_path / "bridge.ru.txt"
    path.write_text(FIRST, encoding="utf-8")
    return path


def _origins(report) -> dict[str, tuple[str, str]]:
    sources = {s.id: s.source for s in report.segments}
    return {sources[t.segment_id]: (t.origin, t.text) for t in report.translations["be"].targets}


def test_translating_again_after_finalize_gives_tm_for_every_approved_segment(
        first_release: Path, tmp_path: Path) -> None:
    tm = tmp_path / "tm"
    runner = CliRunner()
    first = runner.invoke(cli, ["translate", str(first_release), "--to", "be", "--out", str(tmp_path / "out1"),
                                "--tm", str(tm), "--glossary", str(tmp_path)])
    assert first.exit_code == 0, first.output
    review = tmp_path / "out1" / "bridge.be.review.docx"
    edit_docx(review, EDITS, status="approved")
    done = runner.invoke(cli, ["finalize", str(review), "--tm", str(tm)])
    assert done.exit_code == 0, done.output
    final = json.loads((tmp_path / "out1" / "bridge.final.json").read_text(encoding="utf-8"))
    approved = {s["source"]: s["targets"]["be"]["text"] for s in final["segments"]}

    again = runner.invoke(cli, ["translate", str(first_release), "--to", "be", "--out", str(tmp_path / "out2"),
                                "--tm", str(tm), "--glossary", str(tmp_path)])
    assert again.exit_code == 0, again.output
    data = json.loads((tmp_path / "out2" / "bridge.json").read_text(encoding="utf-8"))
    assert len(data["segments"]) == len(approved)
    for segment in data["segments"]:
        target = segment["targets"]["be"]
        assert target["origin"] == "tm", segment["id"]
        assert target["text"] == approved[segment["source"]]
    texts = {s["id"]: s["targets"]["be"]["text"] for s in data["segments"]}
    assert {sid: texts[sid] for sid in EDITS} == EDITS


def test_a_release_sharing_half_its_sentences_gets_tm_for_exactly_those(first_release: Path, tmp_path: Path) -> None:
    tm = tmp_path / "tm"
    translate_document(first_release, ("be",), out_dir=tmp_path / "out1", tm_dir=tm, glossary=())
    review = tmp_path / "out1" / "bridge.be.review.docx"
    edit_docx(review, EDITS, status="approved")
    finalize(review, tm_dir=tm)

    second = tmp_path / "road.ru.txt"
    second.write_text(SECOND, encoding="utf-8")
    report = translate_document(second, ("be",), tm_dir=tm, glossary=())
    origins = _origins(report)
    assert {source for source, (origin, _) in origins.items() if origin == "tm"} == set(SHARED)
    # «На строительство дороги направят 12 млн рублей.» is close to an approved sentence (87%):
    # machine-translated, with the memory's translation offered to the reviewer.
    near = "На строительство дороги направят 12 млн рублей."
    assert origins[near][0] in ("mt", "glossary")
    target = next(t for s, t in zip(report.segments, report.translations["be"].targets) if s.source == near)
    assert any(EDITS["b2s1"] in suggestion for suggestion in target.suggestions)
