"""Nothing lost, nothing run: generated releases through the JSON, review DOCX and review HTML.

Every source segment must appear exactly once, in order, with its draft or an explicit
untranslated state; no generated text may become markup.
"""

from __future__ import annotations

import io
import json

import docx
import lxml.html
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from report_factory import build_report

from translator_flow.model import BLOCK_KINDS
from translator_flow.writers.common import UNTRANSLATED_MARK, cell_text
from translator_flow.writers.json_report import report_to_json
from translator_flow.writers.manifest import source_hash
from translator_flow.writers.review_docx import main_table_header, render_review_docx
from translator_flow.writers.review_html import render_review_html

ALPHABET = st.sampled_from(list("абвгдеёжзыюяўіАБВ abcXYZ 0123456789 ,.«»„“—-<>&\"'/=:;()\t\n\r\x00\x0b\u00a0😀\ue000"))
TEXT = st.text(ALPHABET, min_size=1, max_size=40).filter(lambda s: s.strip())
BLOCKS = st.lists(st.tuples(st.sampled_from(BLOCK_KINDS), st.lists(TEXT, min_size=1, max_size=3)), min_size=1, max_size=6)


@st.composite
def releases(draw):
    blocks = draw(BLOCKS)
    n = sum(len(sentences) for _, sentences in blocks)
    drafts = draw(st.lists(st.one_of(st.none(), TEXT), min_size=n, max_size=n))
    return build_report(blocks, {"be": drafts}, source_path=draw(TEXT) + ".ru.txt")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(releases())
def test_every_segment_once_in_order_everywhere(report) -> None:
    ids = [s.id for s in report.segments]
    drafts = {t.segment_id: t for t in report.translations["be"].targets}

    data = json.loads(report_to_json(report))
    assert [s["id"] for s in data["segments"]] == ids
    assert all(s["targets"]["be"]["text"] or s["targets"]["be"]["status"] == "untranslated" for s in data["segments"])

    doc = docx.Document(io.BytesIO(render_review_docx(report, ["be"], stem="p")))
    (table,) = [t for t in doc.tables if [c.text for c in t.rows[0].cells] == main_table_header(["be"])]
    rows = table.rows[1:]
    assert [r.cells[1].text.split()[0] for r in rows] == ids
    for row, seg in zip(rows, report.segments):
        assert row.cells[3].text == cell_text(seg.source)
        target = drafts[seg.id]
        draft = row.cells[4].text
        if target.status == "untranslated" or not target.text.strip():
            assert draft.startswith(UNTRANSLATED_MARK)
        else:
            assert draft == cell_text(target.text)
    manifest = json.loads(doc.core_properties.comments)
    assert [s[3] for s in manifest["segments"]] == [source_hash(r.cells[3].text) for r in rows]

    root = lxml.html.document_fromstring(render_review_html(report, ["be"], stem="p"))
    html_rows = root.xpath("//table[@class='segs']/tbody/tr")
    assert [r.xpath("string(td[@class='sid']/a)") for r in html_rows] == ids
    assert not root.xpath("//script | //img | //iframe | //a[not(starts-with(@href, '#'))]")
    assert not [a for el in root.iter() if isinstance(el.tag, str) for a in el.attrib if a.startswith("on")]
