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
