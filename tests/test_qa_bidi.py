"""Bidi controls (U+202A–202E, U+2066–2069): a blocking QA finding, and visible in the review HTML."""

from __future__ import annotations

import pytest

from translator_flow.model import Segment, TargetSegment
from translator_flow.qa import run_checks
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
    segment = Segment("b0s0", 0, 0, source, 0, len(source))
    issues = run_checks(segment, TargetSegment("b0s0", "be", draft, "mt"), "be")
    stray = [i for i in issues if i.check == "stray_characters"]
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
    assert html.count(f"[{code}]") == 2
    assert "&lt;" in html and "<span" in html  # still escaped, spans intact
