"""Bidi controls (U+202A–202E, U+2066–2069): a blocking QA finding, and visible in the review HTML."""

from __future__ import annotations

import pytest

from qa_helpers import issues
from translator_flow.writers.common import Piece
from translator_flow.writers.review_html import pieces_html

BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]

CASES = [
    *[("Делегация прибыла в Минск.", f"Дэлегацыя {c}прыбыла ў Мінск.", 1) for c in BIDI],
    *[(f"Делегация {c}прибыла.", f"Дэлегацыя {c}прыбыла.", 1) for c in BIDI],  # even from the source
    ("Делегация прибыла в Минск.", "Дэлегацыя \u2066прыбыла\u2069 ў Мінск.", 2),
    ("Делегация прибыла в Минск.", "Дэлегацыя прыбыла ў Мінск.", 0),
    ("Делегация прибыла в Минск.", "Дэлегацыя прыбыла ў Мінск (\u05e9\u05dc\u05d5\u05dd).", 0),  # Hebrew letters
    ("Цена 5 \u200e%.", "Цана 5 \u200e%.", 0),  # a left-to-right mark copied from the source is not a control
]


@pytest.mark.parametrize(("source", "draft", "expected"), CASES)
def test_bidi_controls_are_blocking(source: str, draft: str, expected: int) -> None:
    stray = issues(source, draft, "be", "stray_characters")
    assert len(stray) == expected, stray
    for issue in stray:
        assert issue.severity == "blocking"
        start, end = issue.span
        assert draft[start:end] in BIDI
        assert "direction control" in issue.message


@pytest.mark.parametrize("char", BIDI)
def test_review_html_shows_bidi_controls_visibly(char: str) -> None:
    html = str(pieces_html([Piece(f"abc{char}def<"), Piece(f"x{char}", frozenset({"issue"}), titles=("t",))]))
    code = f"U+{ord(char):04X}"
    assert char not in html, "the invisible control must not reach the page"
    assert html.count(f"\u27e6{code}\u27e7") == 2
    assert "&lt;" in html and "<span" in html  # still escaped, spans intact


def test_review_docx_shows_bidi_controls_visibly_and_reads_them_back(tmp_path) -> None:
    """Source and Draft cells show ⟦U+202E⟧ (red, bold); the import restores the control,
    so an untouched row is unchanged and finalize's QA still blocks the draft."""
    import zipfile

    from report_factory import build_report
    from review_helpers import write_package
    from translator_flow.review import read_review_docx
    from translator_flow.review.finalize import review_report
    from translator_flow.writers.docx_util import RED

    source = "Цена \u202eвыросла\u202c на 5 %."
    draft = "Кошт \u2067вырас\u2069 на 5 %."
    write_package(tmp_path, build_report([("paragraph", [source])], {"be": [draft]}))
    path = tmp_path / "release.be.review.docx"
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert not any(c in xml for c in BIDI), "no invisible control may reach the review DOCX"
    for code in ("202E", "202C", "2067", "2069"):
        token = f"\u27e6U+{code}\u27e7"
        assert xml.count(token) == 1
        run_start = xml.rfind("<w:r>", 0, xml.index(token))
        assert f'w:val="{RED}"' in xml[run_start:xml.index(token)] and "<w:b/>" in xml[run_start:xml.index(token)]
    row = read_review_docx(path).rows[0]
    assert row.source == source and row.drafts["be"] == draft
    _, report = review_report(path)
    stray = [i for i in report.translations["be"].issues if i.check == "stray_characters"]
    assert len(stray) == 2 and all(i.severity == "blocking" for i in stray)


def test_source_with_bidi_controls_gets_a_reader_warning(tmp_path) -> None:
    from translator_flow.readers import read_document

    path = tmp_path / "r.txt"
    path.write_text("Заголовок новости\n\nЦена \u202eвыросла\u202c на пять процентов за год.\n", encoding="utf-8")
    doc = read_document(path)
    warning = " ".join(doc.meta.warnings)
    assert "2 invisible text-direction controls" in warning and "U+202E" in warning
