"""Review DOCX ergonomics: findings first, links to row bookmarks, unsplittable rows, a legend
that explains every colour, short term notes — in every interface language."""

from __future__ import annotations

import io

import docx
import lxml.html
import pytest
from report_factory import sample_report

from translator_flow.model import UI_LANGUAGES
from translator_flow.writers.common import PALETTE
from translator_flow.writers.docx_nav import bookmark_name
from translator_flow.writers.docx_util import READ_ONLY_FILL
from translator_flow.writers.i18n import ui_text
from translator_flow.writers.labels import check_label, term_note
from translator_flow.writers.review_docx import main_table_header, render_review_docx
from translator_flow.writers.review_html import render_review_html

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def report():
    return sample_report()


def _doc(report, ui_lang: str):
    return docx.Document(io.BytesIO(render_review_docx(report, ["be"], stem="x", ui_lang=ui_lang)))


def _main_table(doc, ui_lang: str):
    header = main_table_header(["be"], ui_lang)
    (table,) = [t for t in doc.tables if [c.text for c in t.rows[0].cells] == header]
    return table


@pytest.mark.parametrize("ui_lang", UI_LANGUAGES)
def test_attention_links_jump_to_bookmarks_on_their_rows(report, ui_lang: str) -> None:
    doc = _doc(report, ui_lang)
    body = doc.element.body
    anchors = [h.get(f"{W}anchor") for h in body.iter(f"{W}hyperlink")]
    assert anchors == [bookmark_name(s) for s in report.needs_attention(["be"])]
    table = _main_table(doc, ui_lang)
    for row, seg in zip(table.rows[1:], report.segments):
        names = [b.get(f"{W}name") for b in row._tr.iter(f"{W}bookmarkStart")]
        assert names == [bookmark_name(seg.id)]
    for anchor in anchors:  # each link text is its segment id
        link = next(h for h in body.iter(f"{W}hyperlink") if h.get(f"{W}anchor") == anchor)
        assert bookmark_name("".join(t.text for t in link.iter(f"{W}t"))) == anchor


def test_findings_summary_comes_before_the_table_with_counts_by_kind(report) -> None:
    doc = _doc(report, "be")
    _ = ui_text("be")
    summary, main = doc.tables[0], _main_table(doc, "be")
    blocks = list(doc.element.body.iterchildren())
    assert blocks.index(summary._tbl) < blocks.index(main._tbl)
    kinds = [r.cells[0].text for r in summary.rows[1:]]
    checks = list(report.translations["be"].check_counts())
    assert kinds == [check_label(_, c) for c in checks]
    totals = [int(r.cells[-1].text) for r in summary.rows[1:]]
    assert totals == [sum(v.values()) for v in report.translations["be"].check_counts().values()]


def test_no_row_splits_across_pages(report) -> None:
    for table in _doc(report, "en").tables:
        for row in table.rows:
            assert row._tr.find(f"{W}trPr/{W}cantSplit") is not None


def _shaded_runs(paragraph) -> dict[str, str]:
    out = {}
    for run in paragraph.runs:
        shd = run._r.find(f"{W}rPr/{W}shd")
        if shd is not None:
            out[shd.get(f"{W}fill")] = run.text
    return out


@pytest.mark.parametrize("ui_lang", UI_LANGUAGES)
def test_the_legend_explains_every_colour(report, ui_lang: str) -> None:
    doc = _doc(report, ui_lang)
    shown: dict[str, str] = {}
    for paragraph in doc.paragraphs:
        shown.update(_shaded_runs(paragraph))
    assert set(PALETTE.values()) | {READ_ONLY_FILL} <= set(shown)  # every highlight and the grey columns
    assert READ_ONLY_FILL not in PALETTE.values()  # "from the lexicon" is no longer read-only grey
    page = lxml.html.fromstring(render_review_html(report, ["be"], stem="x", ui_lang=ui_lang))
    legend = {cls for span in page.xpath("//section[@class='legend']//span") for cls in span.get("class").split()}
    assert {f"hl-{cls}" for cls in PALETTE} <= legend


def test_term_notes_are_short(report) -> None:
    for lang in UI_LANGUAGES:
        _ = ui_text(lang)
        for target in report.translations["be"].targets:
            for hit in target.term_hits:
                note = term_note(_, hit)
                if hit.target_form and not hit.flagged:
                    assert note.startswith(f"✓ {hit.target_form} — ") and hit.entry_id not in note
                assert len(note) - len(hit.flagged) < len(hit.target_form or hit.approved) + 60  # the reason aside
