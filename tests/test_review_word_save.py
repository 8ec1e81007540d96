"""A review DOCX saved by desktop Word, which cuts document properties to 255 characters.

Word keeps at most 255 UTF-16 units of a document property, so the manifest JSON in core
property ``comments`` (dc:description) comes back cut, or an editor's tool drops it. The
file still carries what finalize needs (the facts line in ``keywords``, each row's source
hash hidden in its ID cell): finalize must give the same final release, and refuse every
tampered table as it does with the full manifest.
"""

from __future__ import annotations

import copy
import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from report_factory import build_report, sample_report
from review_helpers import edit_docx, files_in, main_table, row_id, set_cell, through_libreoffice, write_package
from translator_flow.writers.atomic import safe_stem
from translator_flow.errors import ReviewImportError
from translator_flow.review import export_xliff, finalize, read_review, read_review_docx
from translator_flow.tm import TranslationMemory
from translator_flow.writers.manifest import parse_review_facts, read_core_properties, source_hash
from translator_flow.writers.review_docx import write_review_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DC = "{http://purl.org/dc/elements/1.1/}"

# Our own sample: a title, a two-sentence lead, a three-sentence paragraph (so a row can be
# deleted from the middle of a block), a one-sentence quote and a closing paragraph.
BLOCKS = [
    ("title", ["В Гродно открыли новый мост через Неман"]),
    ("lead", ["Мост длиной 420 метров соединил два района города.", "Строительство заняло два года."]),
    ("paragraph", ["Работы вела компания «Мостострой».", "Стоимость составила 96 млн рублей.",
                   "По мосту пойдут четыре маршрута автобусов."]),
    ("quote", ["«Мост снимет пробки в центре», — сказал мэр."]),
    ("paragraph", ["Движение открыто с 1 сентября.", "Подробности на сайте горисполкома."]),
]
DRAFTS = ["У Гродне адкрылі новы мост праз Нёман", "Мост даўжынёй 420 метраў злучыў два раёны горада.",
          "Будаўніцтва заняло два гады.", "Працы вяла кампанія «Мостбуд».", "Кошт склаў 96 млн рублёў.",
          "Па мосце пойдуць чатыры маршруты аўтобусаў.", None, "Рух адкрыты з 1 верасня.",
          "Падрабязнасці на сайце гарвыканкама."]
EDITS = {
    "b2s0": "Працы вяла кампанія «Мостабуд».",
    "b3s0": "«Мост зніме заторы ў цэнтры», — сказаў мэр.",  # the untranslated one
    "b4s1": "Падрабязнасці — на сайце гарвыканкама.",
}


def _report():
    return build_report(BLOCKS, {"be": DRAFTS})


def word_cut(path: Path, *, keep: int | None = 255) -> None:
    """Do to ``path`` what a Word save does to a long property: dc:description cut to ``keep``
    characters (``None``: the element removed, as a tool that drops it would)."""
    with zipfile.ZipFile(path) as package:
        items = [(info, package.read(info)) for info in package.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            if info.filename == "docProps/core.xml":
                root = etree.fromstring(data)
                description = root.find(f"{DC}description")
                assert description is not None and len(description.text) > 255  # the manifest is long
                if keep is None:
                    root.remove(description)
                else:
                    description.text = description.text[:keep]
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(info, data)
    path.write_bytes(buffer.getvalue())


DAMAGE = {"cut": 255, "removed": None}


def _finals(out: Path) -> tuple[dict, list[tuple[str, str]], str]:
    data = json.loads((out / "release.final.json").read_text(encoding="utf-8"))
    paragraphs = [(p.style.name, p.text) for p in docx.Document(str(out / "release.be.final.docx")).paragraphs]
    return data, paragraphs, (out / "release.be.final.html").read_text(encoding="utf-8")


def test_the_id_cell_shows_the_id_and_hides_the_source_hash(tmp_path: Path) -> None:
    report = write_package(tmp_path, _report())
    path = tmp_path / "release.be.review.docx"
    table = main_table(docx.Document(str(path)))
    for row, seg in zip(table.rows[1:], report.segments, strict=True):
        cell = row.cells[1]
        assert cell.text.startswith(seg.id)
        runs = cell.paragraphs[0].runs
        assert runs[0].text == seg.id and runs[0]._r.find(f"{W}rPr/{W}vanish") is None  # what editors see
        assert runs[1].text == f" #{source_hash(row.cells[3].text)}"
        assert runs[1]._r.find(f"{W}rPr/{W}vanish") is not None and runs[1].font.hidden
    keywords = read_core_properties(path)["keywords"]
    assert len(keywords.encode("utf-16-le")) // 2 <= 255
    assert parse_review_facts(keywords) == {"langs": ["be"], "stem": "release", "segments": 9, "blocks": 5}


@pytest.mark.parametrize("damage", DAMAGE)
def test_finalize_after_a_word_save_gives_the_same_release(tmp_path: Path, damage: str) -> None:
    intact, saved = tmp_path / "intact", tmp_path / "saved"
    report = write_package(intact, _report())
    shutil.copytree(intact, saved)
    for folder in (intact, saved):
        edit_docx(folder / "release.be.review.docx", EDITS, status="approved")
    word_cut(saved / "release.be.review.docx", keep=DAMAGE[damage])
    with pytest.raises(json.JSONDecodeError):
        json.loads(read_core_properties(saved / "release.be.review.docx").get("comments", ""))
    finalize(intact / "release.be.review.docx", tm_dir=intact / "tm")
    finalize(saved / "release.be.review.docx", tm_dir=saved / "tm")
    assert _finals(saved) == _finals(intact)
    data = _finals(saved)[0]
    assert [s["id"] for s in data["segments"]] == [s.id for s in report.segments]
    for sid, text in EDITS.items():
        assert next(s for s in data["segments"] if s["id"] == sid)["targets"]["be"]["text"] == text
    tm_saved = [(u.source, u.target) for u in TranslationMemory(saved / "tm").units("be")]
    tm_intact = [(u.source, u.target) for u in TranslationMemory(intact / "tm").units("be")]
    assert tm_saved == tm_intact and len(tm_saved) == len(report.segments)


def test_without_the_json_beside_it_the_blocks_come_from_the_table(tmp_path: Path) -> None:
    report = write_package(tmp_path, _report())
    (tmp_path / "release.json").unlink()
    word_cut(tmp_path / "release.be.review.docx")
    result = finalize(tmp_path / "release.be.review.docx", tm_dir=None, allow_unapproved=True)
    assert [(b.index, b.kind) for b in result.document.blocks] == [(b.index, b.kind) for b in report.document.blocks]
    assert [s.id for s in result.segments] == [s.id for s in report.segments]


def test_export_xliff_reads_a_file_word_cut(tmp_path: Path) -> None:
    report = write_package(tmp_path, _report())
    word_cut(tmp_path / "release.be.review.docx")
    (xlf,) = export_xliff(tmp_path / "release.be.review.docx", tmp_path / "x")
    assert [row.id for row in read_review(xlf).rows] == [s.id for s in report.segments]


def test_a_combined_review_cut_by_word_still_finalizes_both_languages(tmp_path: Path) -> None:
    report = sample_report(langs=("be", "en"))
    from translator_flow.writers import write_outputs

    write_outputs(report, tmp_path, stem="release", combined=True)
    path = tmp_path / "release.combined.review.docx"
    edit_docx(path, {}, status="approved")
    word_cut(path)
    result = finalize(path, tm_dir=None, allow_unapproved=True)  # the sample's b3s0 has no draft
    assert set(result.translations) == {"be", "en"} and len(result.segments) == len(report.segments)


def test_a_stem_too_long_for_the_facts_is_hashed_and_taken_from_the_file_name(tmp_path: Path) -> None:
    stem = "s" * 215  # longer than translate's stems (200 bytes): only a direct writer call makes one
    path = tmp_path / f"{stem}.be.review.docx"
    write_review_docx(_report(), ["be"], path, stem=stem)
    facts = parse_review_facts(read_core_properties(path)["keywords"])
    assert facts is not None and "stem" not in facts and re.fullmatch(r"[0-9a-f]{12}", facts["stem_sha1"])
    intact = read_review_docx(path).stem
    word_cut(path)
    assert read_review_docx(path).stem == intact == safe_stem(stem)  # both made safe the same way


@pytest.mark.slow
def test_word_then_libreoffice_still_finalizes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_package(out, _report())
    review = out / "release.be.review.docx"
    edit_docx(review, EDITS, status="approved")
    word_cut(review)
    shutil.copyfile(through_libreoffice(review, tmp_path), review)  # LibreOffice rewrites keywords
    assert ";" not in read_core_properties(review)["keywords"]
    result = finalize(review, tm_dir=None)
    assert {t.segment_id: t.text for t in result.translations["be"].targets if t.segment_id in EDITS} == EDITS


# --- tampering is still refused --------------------------------------------------------------

def _row(table, seg_id: str):
    return next(r for r in table.rows[1:] if row_id(r) == seg_id)


def _delete(seg_id: str):
    def change(table) -> None:
        row = _row(table, seg_id)
        row._tr.getparent().remove(row._tr)
    change.__name__ = f"delete_{seg_id}"
    return change


def _duplicate(table) -> None:
    row = _row(table, "b2s1")
    row._tr.addnext(copy.deepcopy(row._tr))


def _edit_source(table) -> None:
    set_cell(_row(table, "b2s1").cells[3], "Стоимость составила 69 млн рублей.")


def _move(table) -> None:
    _row(table, "b0s0")._tr.addnext(_row(table, "b4s0")._tr)


def _retype_id(table) -> None:  # the hidden hash goes with the old cell content
    set_cell(_row(table, "b1s1").cells[1], "b1s1")


def _edit_block_kind(table) -> None:
    set_cell(_row(table, "b2s2").cells[2], "quote")


TAMPER = [
    (_edit_source, [r"row 5 \(b2s1\): the source text was edited \(now «Стоимость составила 69"]),
    (_duplicate, [r"row 6: ID b2s1 is duplicated \(row 5 has it too\)"]),
    (_move, [r"row 2 \(b4s0\) was moved"]),
    (_delete("b2s1"), [r"segment b2s1 \(block 2\) is missing: its row was deleted"]),  # middle of a block
    (_delete("b2s2"), [r"1 segment row\(s\) are missing: translate wrote 9 segments, the table has 8: "
                       r"the row\(s\) numbered #6 \(after row 5, b2s1\) were deleted"]),  # last row of a block
    (_delete("b3s0"), [r"1 segment row\(s\) are missing.*#7 \(after row 6, b2s2\)"]),  # a whole block
    (_delete("b4s1"), [r"1 segment row\(s\) are missing.*#9 \(after row 8, b4s0\)"]),  # the last row
    (_retype_id, [r"row 3 \(b1s1\): the ID cell lost its hidden source check"]),
    (_edit_block_kind, [r"row 6 \(b2s2\): the Block cell says quote but row 4 of the same block says paragraph"]),
]


@pytest.mark.parametrize("damage", DAMAGE)
@pytest.mark.parametrize("change, messages", TAMPER, ids=[c[0].__name__.strip("_") for c in TAMPER])
def test_tampering_is_refused_after_a_word_save(tmp_path: Path, damage: str, change, messages) -> None:
    write_package(tmp_path / "out", _report())
    path = tmp_path / "out" / "release.be.review.docx"
    document = docx.Document(str(path))
    change(main_table(document))
    document.save(str(path))
    word_cut(path, keep=DAMAGE[damage])
    before = files_in(tmp_path)
    with pytest.raises(ReviewImportError) as raised:
        finalize(path, tm_dir=tmp_path / "tm")
    text = str(raised.value)
    assert str(path) in text and "Nothing was written" in text
    for message in messages:
        assert re.search(message, text), text
    assert files_in(tmp_path) == before


def test_a_review_that_lost_both_manifest_and_facts_is_refused(tmp_path: Path) -> None:
    write_package(tmp_path, _report())
    path = tmp_path / "release.be.review.docx"
    word_cut(path)
    document = docx.Document(str(path))
    document.core_properties.keywords = ""
    document.save(str(path))
    with pytest.raises(ReviewImportError, match=r"is not a translator-flow review file \(its manifest .* is missing"):
        finalize(path, tm_dir=None)


def test_a_plain_docx_with_the_review_header_is_not_a_review_file(tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    document = docx.Document()
    table = document.add_table(rows=2, cols=7)
    for cell, text in zip(table.rows[0].cells, ["#", "ID", "Block", "Source (ru)", "Draft (be)", "Notes", "Status"]):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["1", "b0s0 #0123456789ab", "title", "Привет", "Прывітанне", "", ""]):
        cell.text = text
    document.core_properties.comments = '{"tool": "translator-flow", "schema'  # a cut-looking value
    document.save(str(path))
    with pytest.raises(ReviewImportError, match=r"letter.docx is not a translator-flow review file \(its document "
                       r"properties carry no translator-flow review marker\)"):
        finalize(path, tm_dir=tmp_path / "tm")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.docx"]
