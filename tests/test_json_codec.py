"""The JSON report's one codec: what report_to_dict writes, report_from_dict reads back equal.

Run on a real translation (Apertium, glossary, QA) of a shipped sample, so every kind of
field — marks, term hits, issues with spans, signatures — is exercised with real values.
Block inline spans (bold/links) are not part of the JSON contract and are compared without.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from translator_flow import translate_document
from translator_flow.model import RunSignature
from translator_flow.writers.json_report import read_report_dict, report_from_dict, report_to_dict, report_to_json

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "trade-fair.ru.txt"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("codec")
    return translate_document(SAMPLE, targets=("be",), out_dir=out)


def test_write_then_read_gives_the_same_report(report, tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_bytes(report_to_json(report))
    data = read_report_dict(path)
    assert data is not None
    back = report_from_dict(data)
    blocks = tuple(replace(b, spans=()) for b in report.document.blocks)
    assert back.document == replace(report.document, blocks=blocks)
    assert back.segments == report.segments
    assert back.translations == report.translations
    assert back.outputs == report.outputs
    # And the dict is a fixed point: reading and writing again changes nothing.
    assert report_to_dict(back) == json.loads(path.read_text(encoding="utf-8"))


def test_the_real_run_has_something_to_compare(report) -> None:
    be = report.translations["be"]
    assert be.targets and (be.issues or any(t.marks for t in be.targets))
    assert any(t.term_hits for t in be.targets), "the sample should hit glossary terms"
    assert be.signature.tm_hash and be.signature.glossary_hash != "none"


def test_signature_round_trip_and_old_files() -> None:
    sig = RunSignature("1", "apertium", "3.8", "rus-bel", "abc", "s1", tm_hash="t1", overlay_hash="o1")
    assert RunSignature.from_dict(sig.as_dict()) == sig
    # A report written before tm/overlay hashes existed still reads: those fields are empty.
    old = {k: v for k, v in sig.as_dict().items() if k not in ("tm_hash", "overlay_hash")}
    assert RunSignature.from_dict(old) == replace(sig, tm_hash="", overlay_hash="")
    assert RunSignature.from_dict({}).engine == "unknown"


def test_not_a_report_reads_as_none(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text('{"format": "something-else"}', encoding="utf-8")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    assert read_report_dict(tmp_path / "x.json") is None
    assert read_report_dict(tmp_path / "bad.json") is None
    assert read_report_dict(tmp_path / "missing.json") is None
