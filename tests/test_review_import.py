"""Reading a review DOCX back gives exactly what the writer put in (Hypothesis round trip)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from report_factory import build_report
from translator_flow.review import read_review_docx
from translator_flow.writers.review_docx import write_review_docx


_ALPHABET = "абвгдеёжзіўыэюя АБВГДІЎ abcxyz 0123456789 «»„“”\"'—–-.,:;!?()&<>\u00a0\u2009\t"
_sentences = st.text(alphabet=_ALPHABET, min_size=1, max_size=60).map(str.strip).filter(bool)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_sentences, _sentences), min_size=1, max_size=4))
def test_review_docx_write_then_read_keeps_every_source_and_draft(tmp_path: Path, pairs) -> None:
    report = build_report([("paragraph", [s]) for s, _ in pairs], {"be": [d for _, d in pairs]})
    path = tmp_path / "release.be.review.docx"
    write_review_docx(report, ["be"], path, stem="release", force=True)
    rows = read_review_docx(path).rows
    assert [(r.source, r.drafts["be"]) for r in rows] == [(s, d) for s, d in pairs]
