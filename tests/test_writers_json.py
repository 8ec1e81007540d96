"""The JSON report contract (docs/output-format.md): keys, order, every segment and issue."""

from __future__ import annotations

import json
from dataclasses import replace

from report_factory import build_report, sample_report

from translator_flow.model import TargetSegment
from translator_flow.writers import report_to_dict, report_to_json, write_json

TOP_KEYS = ["format", "format_version", "source", "signature", "languages", "blocks", "segments", "issues", "outputs",
            "review_notes"]
SIGNATURE_KEYS = ["tool_version", "engine", "engine_version", "model_id", "glossary_hash", "segmenter_version",
                  "tm_hash", "overlay_hash"]
TARGET_KEYS = ["text", "origin", "status", "marks", "terms", "error", "suggestions", "approval", "review_notes"]


def test_top_level_keys_in_documented_order() -> None:
    data = json.loads(report_to_json(sample_report()))
    assert list(data) == TOP_KEYS
    assert data["format"] == "translator-flow-report" and data["format_version"] == 1
    assert list(data["source"]) == ["path", "format", "sha256", "encoding", "title", "warnings"]
    for lang in ("be", "en"):
        assert list(data["signature"][lang]) == SIGNATURE_KEYS


def test_every_segment_in_order_with_targets_per_language() -> None:
    report = sample_report()
    data = report_to_dict(report)
    assert [s["id"] for s in data["segments"]] == [s.id for s in report.segments]
    for seg, out in zip(report.segments, data["segments"]):
        assert out["source"] == seg.source and out["block"] == seg.block
        assert set(out["targets"]) == {"be", "en"}
        for target in out["targets"].values():
            assert list(target) == TARGET_KEYS
    kinds = [b["kind"] for b in data["blocks"]]
    assert kinds == [b.kind for b in report.document.blocks]


def test_marks_terms_and_untranslated_state() -> None:
    data = report_to_dict(sample_report())
    by_id = {s["id"]: s for s in data["segments"]}
    be = by_id["b2s0"]["targets"]["be"]
    assert be["marks"] == [{"kind": "unknown", "word": "Белтрансэкспедиция",
                            "start": be["text"].index("Белтрансэкспедиция"),
                            "end": be["text"].index("Белтрансэкспедиция") + len("Белтрансэкспедиция")}]
    quote = by_id["b3s0"]["targets"]["be"]
    assert quote["status"] == "untranslated" and quote["text"] == "" and quote["error"]
    term = by_id["b1s0"]["targets"]["be"]["terms"][1]
    text = by_id["b1s0"]["targets"]["be"]["text"]
    s, e = term["target_span"]
    assert text[s:e] == term["target_form"] == "Мінскай вобласці"
    assert by_id["b1s0"]["source"][term["start"]:term["end"]] == term["source_text"]


def test_issues_carry_the_contract_fields() -> None:
    report = sample_report()
    data = report_to_dict(report)
    assert len(data["issues"]) == len(report.issues())
    for issue in data["issues"]:
        assert list(issue) == ["check", "severity", "segment_id", "lang", "message", "span"]
    spans = [i["span"] for i in data["issues"] if i["span"]]
    assert spans and all(isinstance(s, list) and len(s) == 2 for s in spans)


def test_language_with_error_has_no_targets_but_records_the_error() -> None:
    data = report_to_dict(sample_report(en_error=True))
    assert data["languages"]["en"]["error"].startswith("No ru→en model")
    assert data["languages"]["be"]["error"] is None
    assert all(set(s["targets"]) == {"be"} for s in data["segments"])
    assert data["languages"]["be"]["issues"]["blocking"] == 1


def test_missing_draft_is_an_explicit_untranslated_target() -> None:
    report = build_report([("paragraph", ["Первое.", "Второе."])], {"be": ["Першае.", "Другое."]})
    be = report.translations["be"]
    report = replace(report, translations={"be": replace(be, targets=be.targets[:1])})
    target = report_to_dict(report)["segments"][1]["targets"]["be"]
    assert target["status"] == "untranslated" and target["origin"] == "none" and target["error"]


def test_utf8_not_escaped_and_hostile_text_kept_verbatim(tmp_path) -> None:
    report = sample_report(hostile=True)
    path = write_json(report, tmp_path / "r.json")
    raw = path.read_text(encoding="utf-8")
    assert "Мінскай" in raw and "\\u04" not in raw
    data = json.loads(raw)
    assert data["blocks"][0]["text"].startswith("<script>alert(1)</script>")
    assert data["source"]["path"] == report.document.meta.source_path


def test_lone_surrogate_still_gives_valid_json() -> None:
    report = build_report([("paragraph", ["Битый \udc80 символ."])], {"be": ["Бітый \udc80 сімвал."]})
    data = json.loads(report_to_json(report).decode("utf-8"))
    assert data["segments"][0]["source"] == "Битый \udc80 символ."


def test_same_report_gives_identical_bytes() -> None:
    assert report_to_json(sample_report()) == report_to_json(sample_report())


def test_target_segment_defaults_serialise() -> None:
    report = build_report([("title", ["Заголовок"])], {"be": ["Загаловак"]})
    tr = report.translations["be"]
    plain = TargetSegment("b0s0", "be", "Загаловак", "human")
    report = replace(report, translations={"be": replace(tr, targets=(plain,))})
    target = report_to_dict(report)["segments"][0]["targets"]["be"]
    assert target == {"text": "Загаловак", "origin": "human", "status": "translated", "marks": [], "terms": [],
                      "error": None, "suggestions": [], "approval": "", "review_notes": []}
