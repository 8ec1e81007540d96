"""`stray_characters`: what must never be published, and what is fine (table-driven)."""

from __future__ import annotations

import pytest

from qa_helpers import issues

CASES = [
    # (source, draft, expected number of stray_characters issues)
    ("Делегация прибыла в Минск.", "Дэлегацыя прыбыла ў Мінск.", 0),
    ("Делегация прибыла в Минск.", "Дэлегацыя прыбыла ў Мі\ufffdск.", 1),
    ("Делегация прибыла в Минск.", "Дэлегацыя \ue000прыбыла\ue001 ў Мінск.", 2),
    ("Делегация прибыла в Минск.", "Дэлегацыя прыбыла\x07 ў Мінск.", 1),
    ("Делегация прибыла в Минск.", "Дэлегацыя\u200b прыбыла ў Мінск.", 1),
    ("Делега\u200bция прибыла.", "Дэлега\u200bцыя прыбыла.", 0),  # as in the source
    ("Делегация прибыла\ue000.", "Дэлегацыя прыбыла\ue000.", 1),  # internal markers never
    ("Строка\tс табуляцией.", "Радок\tз табуляцыяй.", 0),
    ("Две\nстроки.", "Два\nрадкі.", 0),
    ("Направление \u202eтекста.", "Кірунак тэксту\u202e.", 1),  # bidi: flagged even from the source
    ("Направление текста.", "Кірунак \u202eтэксту.", 1),
]


@pytest.mark.parametrize(("source", "draft", "expected"), CASES)
def test_stray_characters_table(source: str, draft: str, expected: int) -> None:
    stray = issues(source, draft, "be", "stray_characters")
    assert len(stray) == expected, stray
    for issue in stray:
        assert issue.severity == "blocking"
        start, end = issue.span
        assert end - start == 1 and "U+" in issue.message
