"""The HTML reader on the page-template corpus: every release sentence kept, all chrome gone.

Each tests/data/pages/NAME.html has a sidecar NAME.json listing its release sentences and
its chrome strings; the reader sees only the HTML.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from translator_flow.readers.html import read

PAGES = Path(__file__).parent / "data" / "pages"
TEMPLATES = sorted(p.stem for p in PAGES.glob("*.html"))


def _norm(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def test_corpus_has_enough_templates() -> None:
    assert len(TEMPLATES) >= 25


@pytest.mark.parametrize("name", TEMPLATES)
def test_release_kept_chrome_dropped(name: str) -> None:
    spec = json.loads((PAGES / f"{name}.json").read_text(encoding="utf-8"))
    parsed = read((PAGES / f"{name}.html").read_bytes(), name)
    out = _norm("\n".join(b.text for b in parsed.blocks))
    missing = [s for s in spec["release"] if _norm(s) not in out]
    leaked = [c for c in spec["chrome"] if _norm(c) in out]
    assert not missing, f"release sentences lost: {missing}"
    assert not leaked, f"chrome kept: {leaked}"


_RU = "Министерство сообщило о завершении ремонта моста через реку."


def _page(charset: str | None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<html><head>{meta}<title>t</title></head><body><article><p>{_RU}</p></article></body></html>"


@pytest.mark.parametrize(
    ("declared", "codec", "expect_encoding", "warns"),
    [
        ("windows-1251", "utf-8", "utf-8", True),  # valid UTF-8 wins over a wrong declaration
        ("koi8-r", "utf-8", "utf-8", True),
        ("utf-8", "utf-8", "utf-8", False),
        ("windows-1251", "cp1251", "windows-1251", False),  # then the declared charset
        ("koi8-r", "koi8-r", "koi8-r", False),
        ("utf-8", "cp1251", "cp1251", True),  # a declaration that fails: detection, with a warning
        (None, "cp1251", "cp1251", False),  # no declaration: detection
        (None, "koi8-r", "koi8-r", False),
        (None, "utf-8", "utf-8", False),
    ],
)
def test_charset_order(declared: str | None, codec: str, expect_encoding: str, warns: bool) -> None:
    parsed = read(_page(declared).encode(codec), "page.html")
    assert _RU in " ".join(b.text for b in parsed.blocks)
    assert parsed.encoding.replace("_", "-").lower() in (expect_encoding, codec)
    assert any("charset" in w for w in parsed.warnings) == warns


# --- what the reader removed reaches source.warnings, the JSON and both review headers ---

_PARA = ("Делегация района обсудила с партнёрами строительство новой школы, сроки работ и "
         "порядок финансирования из областного бюджета на ближайшие три года.")


def _warnings_page(paragraphs: int, sidebar: str = "") -> bytes:
    body = "".join(f"<p>{_PARA} Абзац {n}.</p>" for n in range(paragraphs))
    return (f'<html><body><nav><a href="/">Главная</a><a href="/n">Новости</a></nav>'
            f'<div class="content"><article><h1>Итоги встречи</h1>{body}'
            f'<p style="display:none">Скрытый текст для поисковых роботов</p></article>{sidebar}</div>'
            f'<footer><p>Адрес: 220030, г. Минск, ул. Примерная, 11.</p></footer></body></html>').encode()


def test_reader_lists_removed_blocks_with_first_words() -> None:
    warnings = read(_warnings_page(6), "p.html").warnings
    chrome = [w for w in warnings if "page chrome" in w]
    assert len(chrome) == 1 and "«Главная Новости»" in chrome[0] and "«Адрес: 220030, г. Минск," in chrome[0]
    hidden = [w for w in warnings if "hidden" in w]
    assert len(hidden) == 1 and "Скрытый" not in hidden[0] and "1 hidden element" in hidden[0]
    assert not any(w.startswith("MOST OF THE SOURCE WAS DROPPED") for w in warnings)


def _comments(n: int) -> str:
    # a comments thread in <div>s: chrome by its class, and longer than the release
    return "<div class='comments'>" + "".join(f"<div>{_PARA} Отзыв {k}.</div>" for k in range(n)) + "</div>"


def test_reader_warns_loudly_when_most_text_is_dropped() -> None:
    warnings = read(_warnings_page(1, _comments(4)), "p.html").warnings
    assert [w for w in warnings if w.startswith("MOST OF THE SOURCE WAS DROPPED")] != []
    quiet = read(_warnings_page(6, _comments(1)), "p.html").warnings
    assert not any(w.startswith("MOST OF THE SOURCE WAS DROPPED") for w in quiet)


def test_reader_reports_text_outside_the_container() -> None:
    sidebar = f"<div class='col'><p>Колонка редактора: {_PARA}</p></div>"
    warnings = read(_warnings_page(6, sidebar), "p.html").warnings
    outside = [w for w in warnings if "outside the release's container" in w]
    assert len(outside) == 1 and "«Колонка редактора: Делегация района обсудила" in outside[0]


def test_warnings_reach_json_and_both_review_headers() -> None:
    import dataclasses
    import zipfile
    from io import BytesIO

    import lxml.html
    from report_factory import sample_report

    from translator_flow.writers.json_report import report_to_dict
    from translator_flow.writers.review_docx import render_review_docx
    from translator_flow.writers.review_html import render_review_html

    warnings = tuple(read(_warnings_page(1, _comments(4)), "p.html").warnings)
    report = sample_report(langs=("be",))
    meta = dataclasses.replace(report.document.meta, warnings=warnings)
    report = dataclasses.replace(report, document=dataclasses.replace(report.document, meta=meta))
    assert report_to_dict(report)["source"]["warnings"] == list(warnings)

    page = lxml.html.fromstring(render_review_html(report, ["be"], stem="x"))
    loud = [" ".join(e.text_content().split()) for e in page.find_class("source-loud")]
    quiet = [" ".join(e.text_content().split()) for e in page.find_class("source-warning")]
    assert len(loud) == 1 and "MOST OF THE SOURCE WAS DROPPED" in loud[0]
    assert len(quiet) == len(warnings) - 1 and all(any(w in q for q in quiet) for w in warnings if w not in loud[0])

    with zipfile.ZipFile(BytesIO(render_review_docx(report, ["be"], stem="x"))) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    texts = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml))
    for w in warnings:
        assert w.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in texts
    assert "⚠ MOST OF THE SOURCE WAS DROPPED" in texts
