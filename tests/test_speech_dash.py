"""Speech dashes stay speech: a paragraph opening with -, – or — before speech keeps its dash.

Only real lists become list items (a run of short items, items ending in «;» or «,»);
direct speech — a whole sentence after the dash, or a dash before the speaker's words —
stays a paragraph or quote with its dash, and every Belarusian draft keeps it (as «— »).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from translator_flow import translate_document
from translator_flow.readers.text import parse_text

# (text, [(kind, text)] of the blocks after the first line «Итоги встречи»)
CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # speech: kept as paragraphs (or quotes), dash and all
    ("– Уверен, что результаты будут.\n– Спасибо за приглашение.",
     [("paragraph", "– Уверен, что результаты будут."), ("paragraph", "– Спасибо за приглашение.")]),
    ("— Мы готовы к работе!\n— Планов много.",
     [("paragraph", "— Мы готовы к работе!"), ("paragraph", "— Планов много.")]),
    ("— Это важное решение?\n— Да, очень важное.",
     [("paragraph", "— Это важное решение?"), ("paragraph", "— Да, очень важное.")]),
    ("– Мы продолжим эту работу, – сказал губернатор.", [("quote", "– Мы продолжим эту работу, – сказал губернатор.")]),
    ("- Мы продолжим эту работу, - сказал губернатор.", [("quote", "- Мы продолжим эту работу, - сказал губернатор.")]),
    ("— «Смоленск» — наш партнёр.", [("paragraph", "— «Смоленск» — наш партнёр.")]),
    ("— Спасибо всем участникам…", [("paragraph", "— Спасибо всем участникам…")]),
    ("– Мы благодарны.\n– И мы тоже.\n– До встречи!",
     [("paragraph", "– Мы благодарны."), ("paragraph", "– И мы тоже."), ("paragraph", "– До встречи!")]),
    # real lists: still list items (negatives for speech)
    ("— посещение завода;\n— встреча с губернатором.",
     [("list_item", "посещение завода;"), ("list_item", "встреча с губернатором.")]),
    ("— Минск\n— Гомель\n— Брест", [("list_item", "Минск"), ("list_item", "Гомель"), ("list_item", "Брест")]),
    ("– машиностроение,\n– сельское хозяйство,\n– туризм",
     [("list_item", "машиностроение,"), ("list_item", "сельское хозяйство,"), ("list_item", "туризм")]),
    ("- посещение завода\n- встреча с губернатором", [("list_item", "посещение завода"), ("list_item", "встреча с губернатором")]),
    ("• первый пункт\n• второй пункт", [("list_item", "первый пункт"), ("list_item", "второй пункт")]),
    ("1. Рост экспорта.\n2. Новые проекты.", [("list_item", "1. Рост экспорта."), ("list_item", "2. Новые проекты.")]),
    ("— подписание соглашения;", [("list_item", "подписание соглашения;")]),
    # one dash line that is not a sentence and has no list neighbours: a paragraph, dash kept
    ("— итоги года", [("paragraph", "— итоги года")]),
]


@pytest.mark.parametrize(("body", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_speech_or_list(body: str, expected: list[tuple[str, str]]) -> None:
    blocks = parse_text("Итоги встречи\n\n" + body)[1:]
    kinds = [(b.kind, b.text) for b in blocks]
    # quotes are recognised after parsing (structure.finish_blocks); the raw kind is paragraph
    want = [("paragraph" if kind == "quote" else kind, text) for kind, text in expected]
    assert kinds == want


def test_enough_rows() -> None:
    assert len(CASES) >= 15


def test_the_belarusian_draft_keeps_the_speech_dash(tmp_path: Path) -> None:
    release = tmp_path / "speech.ru.txt"
    release.write_text("Итоги встречи\n\n– Уверен, что результаты будут.\n– Спасибо за приглашение.\n",
                       encoding="utf-8")
    report = translate_document(release, targets=("be",), out_dir=tmp_path / "out")
    kinds = [b.kind for b in report.document.blocks]
    assert "list_item" not in kinds
    drafts = [t.text for t in report.translations["be"].targets][1:]
    assert len(drafts) == 2 and all(d.startswith("— ") for d in drafts), drafts
