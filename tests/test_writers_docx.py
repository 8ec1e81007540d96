"""Review and publishable DOCX: table contract, Word comments, highlights, properties."""

from __future__ import annotations

import io
import json

import docx
import pytest
from report_factory import HOSTILE, sample_report, synthetic_report

from translator_flow.writers.common import PALETTE, QA_AUTHOR, UNTRANSLATED_MARK, publish_block_text, segments_by_block, targets_by_id
from translator_flow.writers.manifest import read_review_manifest
from translator_flow.writers.publish import render_publish_docx
from translator_flow.writers.manifest import source_hash
from translator_flow.writers.review_docx import main_table_header, render_review_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _open(data: bytes):
    return docx.Document(io.BytesIO(data))


def _main_table(doc, langs):
    header = main_table_header(langs)
    tables = [t for t in doc.tables if [c.text for c in t.rows[0].cells] == header]
    assert len(tables) == 1, "exactly one table carries the main-table header"
    return tables[0]


def _comment_places(table) -> dict[int, tuple[int, int]]:
    """comment id → (row index among segment rows, cell index) of its anchor."""
    places = {}
    for r, row in enumerate(table.rows[1:]):
        for c, cell in enumerate(row.cells):
            for el in cell._tc.iter(f"{W}commentRangeStart"):
                places[int(el.get(f"{W}id"))] = (r, c)
    return places


def _highlighted(cell, cls) -> list[str]:
    """Texts of the runs shaded with the palette colour of highlight class ``cls``."""
    def fill(run):
        shd = run._r.find(f"{W}rPr/{W}shd")
        return None if shd is None else shd.get(f"{W}fill")
    return [run.text for p in cell.paragraphs for run in p.runs if fill(run) == PALETTE[cls]]


@pytest.fixture(scope="module")
def report():
    return sample_report()


@pytest.fixture(scope="module")
def be_doc(report):
    return _open(render_review_docx(report, ["be"], stem="release"))


def test_main_table_has_every_segment_in_order(report, be_doc) -> None:
    table = _main_table(be_doc, ["be"])
    rows = table.rows[1:]
    assert [r.cells[1].text.split()[0] for r in rows] == [s.id for s in report.segments]
    assert [r.cells[0].text for r in rows] == [str(n) for n in range(1, len(report.segments) + 1)]
    drafts = targets_by_id(report.translations["be"])
    kinds = {b.index: b.kind for b in report.document.blocks}
    for row, seg in zip(rows, report.segments):
        assert row.cells[2].text == kinds[seg.block]
        assert row.cells[3].text == seg.source
        target = drafts[seg.id]
        expected = UNTRANSLATED_MARK if target.status == "untranslated" else target.text
        assert row.cells[4].text == expected
        assert row.cells[6].text == ""  # Status: left for the editor


def test_every_issue_is_a_comment_anchored_in_its_row(report, be_doc) -> None:
    table = _main_table(be_doc, ["be"])
    places = _comment_places(table)
    comments = {c.comment_id: c for c in be_doc.comments}
    row_of = {s.id: n for n, s in enumerate(report.segments)}
    assert all(c.author == QA_AUTHOR for c in comments.values())
    for issue in report.translations["be"].issues:
        matching = [cid for cid, c in comments.items() if issue.message in c.text and issue.check in c.text]
        assert matching, f"no comment for {issue}"
        if issue.segment_id in row_of:
            assert any(places.get(cid) == (row_of[issue.segment_id], 4) for cid in matching)
        else:  # a document-level finding sits above the table
            assert all(cid not in places for cid in matching)


def test_comment_on_a_span_covers_exactly_that_span(be_doc) -> None:
    body = be_doc.element.body
    comments = {c.comment_id: c.text for c in be_doc.comments}
    (cid,) = [i for i, t in comments.items() if "Unknown word" in t]
    inside, text = False, []
    for el in body.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd", f"{W}t"):
        if el.tag.endswith("commentRangeStart") and int(el.get(f"{W}id")) == cid:
            inside = True
        elif el.tag.endswith("commentRangeEnd") and int(el.get(f"{W}id")) == cid:
            break
        elif inside and el.tag == f"{W}t":
            text.append(el.text)
    assert "".join(text) == "Белтрансэкспедиция"


def test_untranslated_segment_has_placeholder_and_engine_error_comment(report, be_doc) -> None:
    table = _main_table(be_doc, ["be"])
    places = _comment_places(table)
    row = [s.id for s in report.segments].index("b3s0")
    texts = [c.text for c in be_doc.comments if places.get(c.comment_id) == (row, 4)]
    assert any("engine error" in t and "signal 11" in t for t in texts)
    run = table.rows[1 + row].cells[4].paragraphs[0].runs[0]
    assert run.text == UNTRANSLATED_MARK and run.bold and run.font.color.rgb is not None


def test_unknown_words_and_terms_are_highlighted(report, be_doc) -> None:
    table = _main_table(be_doc, ["be"])
    drafts = targets_by_id(report.translations["be"])
    for row, seg in zip(table.rows[1:], report.segments):
        target = drafts[seg.id]
        assert _highlighted(row.cells[4], "mark-unknown") == [m.word for m in target.marks if m.kind == "unknown"]
        placed = [h for h in target.term_hits if h.target_form]
        assert sorted(_highlighted(row.cells[3], "term")) == sorted(h.source_text for h in placed)
        if target.text:
            assert sorted(_highlighted(row.cells[4], "term")) == sorted(h.target_form for h in placed)


def test_read_only_columns_are_shaded_and_draft_is_not(be_doc) -> None:
    row = _main_table(be_doc, ["be"]).rows[1]

    def fill(cell):
        shd = cell._tc.find(f"{W}tcPr/{W}shd")
        return None if shd is None else shd.get(f"{W}fill")

    assert all(fill(row.cells[i]) for i in (0, 1, 2, 3, 5))
    assert fill(row.cells[4]) is None and fill(row.cells[6]) is None


def test_core_properties_carry_signature_and_manifest(report, be_doc) -> None:
    props = be_doc.core_properties
    assert props.identifier == "translator-flow-review" and props.category == "review:be"
    assert "apertium 3.8.3" in props.subject and "g-3f2a9c1e" in props.subject
    manifest = json.loads(props.comments)
    assert manifest["tool"] == "translator-flow" and manifest["langs"] == ["be"] and manifest["stem"] == "release"
    assert manifest["segments"] == [[s.id, s.block, {b.index: b.kind for b in report.document.blocks}[s.block],
                                     source_hash(s.source)] for s in report.segments]
    assert manifest["blocks"] == [[b.index, b.kind] for b in report.document.blocks]
    assert manifest["signature"]["be"]["model_id"] == report.translations["be"].signature.model_id
    # the hash is over the Source cell as written, so finalize can detect an edited source
    table = _main_table(be_doc, ["be"])
    assert [source_hash(r.cells[3].text) for r in table.rows[1:]] == [s[3] for s in manifest["segments"]]


def test_manifest_reader_matches_python_docx(be_doc, report) -> None:
    buffer = io.BytesIO()
    be_doc.save(buffer)
    buffer.seek(0)
    assert read_review_manifest(buffer) == json.loads(be_doc.core_properties.comments)


def test_combined_view_has_ru_be_en_columns_and_per_language_comments(report) -> None:
    doc = _open(render_review_docx(report, ["be", "en"], stem="release"))
    table = _main_table(doc, ["be", "en"])
    assert [c.text for c in table.rows[0].cells] == ["#", "ID", "Block", "Source (ru)", "Draft (be)", "Draft (en)",
                                                     "Notes", "Status"]
    assert doc.core_properties.category == "review:be,en"
    places = _comment_places(table)
    for cid, (_row, col) in places.items():
        text = next(c.text for c in doc.comments if c.comment_id == cid)
        assert text.startswith("[be]" if col == 4 else "[en]") and col in (4, 5)
    en_row = table.rows[1 + [s.id for s in report.segments].index("b3s0")]
    assert en_row.cells[5].text == report.translations["en"].targets[5].text


def test_hostile_text_is_plain_text_in_the_docx() -> None:
    report = sample_report(hostile=True)
    doc = _open(render_review_docx(report, ["be", "en"], stem="x"))
    table = _main_table(doc, ["be", "en"])
    cells = "\n".join(c.text for r in table.rows for c in r.cells)
    for hostile in HOSTILE:
        assert hostile in cells
    assert "\x0b" not in cells and "\x00" not in cells and "\ufffd" in cells
    comments = " ".join(c.text for c in doc.comments)
    assert "<script>alert(1)</script>" in comments
    assert len(list(doc.comments)) >= len(report.issues())


def test_publishable_docx_keeps_structure_without_marks(report) -> None:
    doc = _open(render_publish_docx(report, "be"))
    by_block = segments_by_block(report)
    drafts = targets_by_id(report.translations["be"])
    expected = [(b.kind, publish_block_text(b, by_block[b.index], drafts)) for b in report.document.blocks]
    styles = {"title": "Title", "lead": "Normal", "paragraph": "Normal", "quote": "Quote", "heading": "Heading 2",
              "list_item": "List Bullet"}
    paragraphs = doc.paragraphs
    assert [(p.style.name, p.text) for p in paragraphs] == [(styles[k], t) for k, t in expected]
    lead = paragraphs[1]
    assert all(r.bold for r in lead.runs)
    quote = paragraphs[3].text
    assert quote.startswith("[NOT TRANSLATED: «Мы рассчитываем")
    assert not any(r.font.highlight_color for p in paragraphs for r in p.runs)
    assert not list(doc.comments)
    assert doc.core_properties.category == "draft:be" and "apertium" in doc.core_properties.subject


def test_publish_joins_sentences_with_the_source_whitespace() -> None:
    from report_factory import build_report

    report = build_report([("paragraph", ["Первое.", "Второе."])], {"be": ["Першае.", "Другое."]}, separator="\n")
    doc = _open(render_publish_docx(report, "be"))
    assert doc.paragraphs[0].text == "Першае.\nДругое."


def test_long_release_keeps_every_segment() -> None:
    report = synthetic_report(60)
    doc = _open(render_review_docx(report, ["be", "en"], stem="long"))
    table = _main_table(doc, ["be", "en"])
    assert [r.cells[1].text.split()[0] for r in table.rows[1:]] == [s.id for s in report.segments]
