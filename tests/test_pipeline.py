"""Pipeline plumbing with fake engines: order, completeness, dedupe, errors, unavailable languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fakes import MissingModelEngine, TaggingEngine
from translator_flow.config import Settings
from translator_flow.pipeline import Pipeline, translate_document

RELEASE = """Губернатор провёл совещание

Губернатор провёл совещание с коллегами. Обсуждали 3 вопроса.

Совещание прошло в Смоленске. Обсуждали 3 вопроса.

Решение примут 12 марта 2025 года.
"""


@pytest.fixture()
def release(tmp_path: Path) -> Path:
    path = tmp_path / "meeting.ru.txt"
    path.write_text(RELEASE, encoding="utf-8")
    return path


def _settings(tmp_path: Path, **kw) -> Settings:
    return Settings(targets=("en",), glossary=(), tm_dir=None, out_dir=tmp_path / "out", **kw)


def test_every_segment_in_order_and_duplicates_translated_once(release: Path, tmp_path: Path) -> None:
    engine = TaggingEngine("en")
    with Pipeline(_settings(tmp_path), engines={"en": engine}) as pipeline:
        report = pipeline.translate_document(release)
    targets = report.translations["en"].targets
    assert [t.segment_id for t in targets] == [s.id for s in report.segments]
    for segment, target in zip(report.segments, targets):
        assert target.status == "translated"
        assert segment.source.rstrip(".") in target.text  # the fake keeps the text
    sent = [text for call in engine.calls for text in call]
    assert len(sent) == len(set(sent)), "an identical sentence went to the engine twice"
    assert sent.count("Обсуждали 3 вопроса.") == 1
    assert engine.closed


def test_engine_error_keeps_the_segment_untranslated_with_its_reason(release: Path, tmp_path: Path) -> None:
    engine = TaggingEngine("en", fail_on="Смоленске")
    with Pipeline(_settings(tmp_path), engines={"en": engine}) as pipeline:
        report = pipeline.translate_document(release)
    by_source = {s.source: t for s, t in zip(report.segments, report.translations["en"].targets)}
    failed = by_source["Совещание прошло в Смоленске."]
    assert failed.status == "untranslated" and failed.text == "" and "crashed" in failed.error
    assert any(i.segment_id == failed.segment_id and i.severity == "blocking"
               for i in report.translations["en"].issues)
    assert sum(t.status == "translated" for t in report.translations["en"].targets) == len(report.segments) - 1


def test_unavailable_language_is_reported_and_others_still_written(release: Path, tmp_path: Path) -> None:
    settings = _settings(tmp_path).with_options(targets=("be", "en"))
    engines = {"be": TaggingEngine("be"), "en": MissingModelEngine("en")}
    report = translate_document(release, ("be", "en"), out_dir=tmp_path / "out", settings=settings,
                                engines=engines)
    assert report.translations["en"].error and "models install" in report.translations["en"].error
    assert report.translations["be"].error is None
    names = {Path(p).name for p in report.outputs}
    assert {"meeting.be.review.docx", "meeting.be.review.html", "meeting.be.docx", "meeting.be.html",
            "meeting.json"} <= names
    assert not any(".en." in n for n in names)
    data = json.loads((tmp_path / "out" / "meeting.json").read_text(encoding="utf-8"))
    assert len(data["segments"]) == len(report.segments)


def test_signature_names_engine_and_glossary(release: Path, tmp_path: Path) -> None:
    with Pipeline(_settings(tmp_path), engines={"en": TaggingEngine("en")}) as pipeline:
        report = pipeline.translate_document(release)
    signature = report.translations["en"].signature
    assert signature.engine == "tagging-fake" and signature.model_id == "fake"
    assert signature.glossary_hash == "none"
