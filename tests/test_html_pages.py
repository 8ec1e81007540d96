"""The HTML reader on the page-template corpus: every release sentence kept, all chrome gone.

Each tests/data/pages/NAME.html has a sidecar NAME.json listing its release sentences and
its chrome strings; the reader sees only the HTML.
"""

from __future__ import annotations

import json
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
