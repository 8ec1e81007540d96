"""Property: whatever a release looks like, every source segment reaches every output once.

Hypothesis generates documents (paragraphs, quotes, lists, bold/italic runs, odd whitespace,
emoji, Latin inserts, numbers) as DOCX or plain text; the real reader, segmenter, Apertium
engine and writers run on each. The JSON, the review DOCX and the review HTML must each hold
every segment exactly once, in order, with a draft or an explicit untranslated state.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from translator_flow.config import Settings
from translator_flow.pipeline import Pipeline

pytestmark = pytest.mark.slow  # seconds each: the quick loop (-m 'not slow') skips them

WORDS = ["губернатор", "область", "встреча", "сотрудничество", "Минск", "проект", "дальнейшее",
         "завод", "тонн", "года", "Smolensk", "IT-парк", "COVID-19", "🚜", "№", "т.е.", "г.", "тыс."]
NUMBERS = ["10", "1 250,5", "25 %", "2025", "12.03.2025", "3-й", "0,5"]

word = st.one_of(st.sampled_from(WORDS), st.sampled_from(NUMBERS),
                 st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяABCxyz", min_size=1, max_size=9))
space = st.sampled_from([" ", " ", " ", "  ", "\u00a0", "\t"])


@st.composite
def sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(word, min_size=1, max_size=9))
    text = words[0][:1].upper() + words[0][1:]
    for w in words[1:]:
        text += draw(space) + w
    if draw(st.booleans()):
        text = f"«{text}»"
    return text + draw(st.sampled_from([".", "!", "?", "…", "", ".»"]))


@st.composite
def release(draw: st.DrawFn) -> list[tuple[str, list[str]]]:
    """(kind, sentences) blocks; the first is the title."""
    blocks = [("title", [draw(sentence()).rstrip(".!?…")])]
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["paragraph", "paragraph", "quote", "list_item"]))
        blocks.append((kind, draw(st.lists(sentence(), min_size=1, max_size=4))))
    return blocks


def write_txt(blocks: list[tuple[str, list[str]]], path: Path) -> None:
    lines = []
    for kind, sentences in blocks:
        text = " ".join(sentences)
        lines.append(f"• {text}" if kind == "list_item" else text)
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")


def write_docx(blocks: list[tuple[str, list[str]]], path: Path, bold_every: int) -> None:
    document = docx.Document()
    for kind, sentences in blocks:
        style = {"title": "Title", "quote": "Quote", "list_item": "List Bullet"}.get(kind)
        paragraph = document.add_paragraph(style=style)
        for number, text in enumerate(" ".join(sentences).split(" ")):
            run = paragraph.add_run(text + " ")
            run.bold = number % bold_every == 0
            run.italic = number % (bold_every + 1) == 0
    document.save(str(path))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


@pytest.fixture(scope="module")
def pipeline():
    with Pipeline(Settings(targets=("be",), glossary=(), tm_dir=None, force=True)) as shared:
        yield shared


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(blocks=release(), as_docx=st.booleans(), bold_every=st.integers(2, 5))
def test_every_segment_reaches_every_output_once_in_order(pipeline, blocks, as_docx, bold_every) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / ("gen.ru.docx" if as_docx else "gen.ru.txt")
        if as_docx:
            write_docx(blocks, source, bold_every)
        else:
            write_txt(blocks, source)
        pipeline.settings = pipeline.settings.with_options(out_dir=folder / "out", force_language=True)
        report = pipeline.translate_and_write(source)
        ids = [s.id for s in report.segments]
        sources = [_norm(s.source) for s in report.segments]
        assert ids and len(set(ids)) == len(ids)
        # Nothing the generator wrote is missing from the segments.
        joined = _norm(" ".join(sources))
        for _, sentences in blocks:
            for text in sentences:
                for token in _norm(text).split(" "):
                    assert token.strip("«»") in joined, token

        data = json.loads((folder / "out" / "gen.json").read_text(encoding="utf-8"))
        assert [s["id"] for s in data["segments"]] == ids
        for seg in data["segments"]:
            target = seg["targets"]["be"]
            assert target["text"].strip() or target["status"] == "untranslated"

        review = docx.Document(str(folder / "out" / "gen.be.review.docx"))
        table = next(t for t in review.tables if [c.text for c in t.rows[0].cells][:2] == ["#", "ID"])
        assert [r.cells[1].text.split()[0] for r in table.rows[1:]] == ids
        assert [_norm(r.cells[3].text) for r in table.rows[1:]] == sources
        assert all(r.cells[4].text.strip() for r in table.rows[1:])  # draft or [NOT TRANSLATED]

        page = lxml_html.fromstring((folder / "out" / "gen.be.review.html").read_bytes())
        assert [_norm(td.text_content()) for td in page.xpath("//td[@class='src']")] == sources
        assert [_norm(a.text_content()) for a in page.xpath("//td[@class='sid']/a")] == ids
