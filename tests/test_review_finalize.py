"""finalize: an edited review DOCX (Word-style edit, then LibreOffice) becomes the final release."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

from review_helpers import edit_docx, main_table, through_libreoffice, write_package
from translator_flow.cli import cli
from translator_flow.errors import OutputError
from translator_flow.review import finalize, read_review_docx
from translator_flow.tm import TranslationMemory
from translator_flow.writers import UNTRANSLATED_MARK

EDITS = {
    # an MT draft corrected
    "b1s1": "Інвестыцыі ў праект склалі 48,5 млн беларускіх рублёў.",
    # the segment the engine failed on, translated by the editor
    "b3s0": "«Мы разлічваем, што ўжо ў гэтым годзе грузаабарот вырасце на 15 %», — адзначыў дырэктар цэнтра І. Пятроў.",
    # a translation-memory draft changed
    "b6s0": "Мытнае афармленне грузаў.",
}


def _final_texts(out: Path) -> tuple[dict, str, str]:
    data = json.loads((out / "release.final.json").read_text(encoding="utf-8"))
    final_docx = "\n".join(p.text for p in docx.Document(str(out / "release.be.final.docx")).paragraphs)
    page = lxml_html.fromstring((out / "release.be.final.html").read_text(encoding="utf-8"))
    return data, final_docx, page.text_content()


def _assert_exactly_the_edits(out: Path, report) -> None:
    data, final_docx, final_html = _final_texts(out)
    before = {t.segment_id: t for t in report.translations["be"].targets}
    after = {s["id"]: s["targets"]["be"] for s in data["segments"]}
    assert list(after) == [s.id for s in report.segments]  # every segment, in order
    changed = {sid for sid, t in after.items() if t["text"] != before[sid].text}
    assert changed == set(EDITS)
    for sid, target in after.items():
        if sid in EDITS:
            assert (target["text"], target["origin"], target["status"]) == (EDITS[sid], "human", "translated")
        else:
            assert target["origin"] == before[sid].origin  # untouched drafts keep their origin
    for text in EDITS.values():
        assert text in final_docx and text in final_html
    for sid in EDITS:
        old = before[sid].text
        if old:
            assert old not in final_docx and old not in final_html
    assert "NOT TRANSLATED" not in final_docx + final_html
    # the release structure survives: title first, the two lead sentences in one paragraph
    first = docx.Document(str(out / "release.be.final.docx")).paragraphs[0]
    assert first.style.name == "Title" and first.text == before["b0s0"].text
    assert f"{before['b1s0'].text} {EDITS['b1s1']}" in final_docx


def test_python_docx_edits_reach_final_docx_html_and_json(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = write_package(out)
    edit_docx(out / "release.be.review.docx", EDITS, status="approved")
    result = finalize(out / "release.be.review.docx", tm_dir=tmp_path / "tm")
    assert sorted(Path(p).name for p in result.outputs) == [
        "release.be.final.docx", "release.be.final.html", "release.final.json"]
    _assert_exactly_the_edits(out, report)
    # QA ran again on the edited text: the failed quote is no longer an "empty" finding
    issues = json.loads((out / "release.final.json").read_text(encoding="utf-8"))["issues"]
    assert not any(i["segment_id"] == "b3s0" and i["check"] == "empty" for i in issues)


@pytest.mark.slow
def test_the_same_after_libreoffice_saved_the_edited_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = write_package(out)
    review = out / "release.be.review.docx"
    edit_docx(review, EDITS, status="approved")
    saved = through_libreoffice(review, tmp_path)
    shutil.copyfile(saved, review)  # the editor saved it in place
    finalize(review, tm_dir=tmp_path / "tm")
    _assert_exactly_the_edits(out, report)


def test_qa_runs_on_the_edited_text(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_package(out)
    edit_docx(out / "release.be.review.docx", {"b1s1": "Інвестыцыі ў праект склалі 45,8 млн рублёў."},
              status="approved")
    # the blocking finding would stop the release: written only with allow_unapproved
    result = finalize(out / "release.be.review.docx", tm_dir=None, allow_unapproved=True)
    found = [i for i in result.translations["be"].issues if i.segment_id == "b1s1"]
    assert any(i.check == "numbers" and i.severity == "blocking" for i in found)


def test_without_the_json_every_draft_is_marked_human(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = write_package(out)
    (out / "release.json").unlink()
    edit_docx(out / "release.be.review.docx", {}, status="approved")
    result = finalize(out / "release.be.review.docx", tm_dir=None, allow_unapproved=True)  # b3s0 has no draft
    targets = result.translations["be"].targets
    translated = [t for t in report.translations["be"].targets if t.text]
    assert {t.origin for t in targets if t.text} == {"human"}
    assert len([t for t in targets if t.text]) == len(translated)
    # blocks are rebuilt from the segments: the lead is its two sentences joined by a space
    lead = next(b for b in result.document.blocks if b.index == 1)
    assert lead.kind == "lead" and lead.text == " ".join(s.source for s in report.segments if s.block == 1)


def test_text_typed_after_the_placeholder_counts_and_tracked_changes_are_accepted(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_package(out)
    review = out / "release.be.review.docx"
    document = docx.Document(str(review))
    table = main_table(document)
    rows = {r.cells[1].text.split()[0]: r for r in table.rows[1:]}
    quote_cell = rows["b3s0"].cells[4]
    assert quote_cell.text.startswith(UNTRANSLATED_MARK)
    quote_cell.paragraphs[0].add_run(" " + EDITS["b3s0"])
    # Track Changes in Word: "рублёў" deleted, "долараў" inserted
    paragraph = rows["b1s1"].cells[4].paragraphs[0]
    paragraph.text = "Інвестыцыі ў праект склалі 48,5 млн "
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    change = {f"{{{w}}}id": "1", f"{{{w}}}author": "Editor", f"{{{w}}}date": "2025-03-12T10:00:00Z"}
    from lxml import etree
    deleted = etree.SubElement(paragraph._p, f"{{{w}}}del", change)
    etree.SubElement(etree.SubElement(deleted, f"{{{w}}}r"), f"{{{w}}}delText").text = "рублёў"
    inserted = etree.SubElement(paragraph._p, f"{{{w}}}ins", {**change, f"{{{w}}}id": "2"})
    etree.SubElement(etree.SubElement(inserted, f"{{{w}}}r"), f"{{{w}}}t").text = "долараў."
    document.save(str(review))
    edit_docx(review, {}, status="approved")
    drafts = {row.id: row.drafts["be"] for row in read_review_docx(review).rows}
    assert drafts["b1s1"] == "Інвестыцыі ў праект склалі 48,5 млн долараў."
    result = finalize(review, tm_dir=None)
    texts = {t.segment_id: t.text for t in result.translations["be"].targets}
    assert texts["b3s0"] == EDITS["b3s0"]
    assert texts["b1s1"] == "Інвестыцыі ў праект склалі 48,5 млн долараў."


def test_outputs_are_never_overwritten_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_package(out)
    review = out / "release.be.review.docx"
    edit_docx(review, {"b3s0": EDITS["b3s0"]}, status="approved")
    finalize(review, tm_dir=None)
    before = (out / "release.final.json").read_bytes()
    edit_docx(review, {"b0s0": "Новы загаловак"})
    with pytest.raises(OutputError, match=r"already exists.*--force"):
        finalize(review, tm_dir=tmp_path / "tm")
    assert (out / "release.final.json").read_bytes() == before
    assert not (tmp_path / "tm").exists()
    finalize(review, tm_dir=None, force=True)
    assert "Новы загаловак" in (out / "release.final.json").read_text(encoding="utf-8")


def test_out_dir_and_combined_review(tmp_path: Path) -> None:
    from report_factory import sample_report
    from translator_flow.writers import write_outputs

    out = tmp_path / "out"
    report = sample_report(langs=("be", "en"))
    write_outputs(report, out, stem="release", combined=True)
    review = out / "release.combined.review.docx"
    edit_docx(review, {"b0s0": "Новы лагістычны цэнтр у Мінскай вобласці"}, column=4)
    edit_docx(review, {"b0s0": "A new logistics centre in Minsk Region"}, column=5, status="approved")
    final = tmp_path / "final"
    result = finalize(review, final, tm_dir=tmp_path / "tm", allow_unapproved=True)  # b3s0 has no draft
    assert sorted(p.name for p in final.iterdir()) == [
        "release.be.final.docx", "release.be.final.html", "release.en.final.docx", "release.en.final.html",
        "release.final.json"]
    by_lang = {lang: {t.segment_id: t for t in tr.targets} for lang, tr in result.translations.items()}
    assert by_lang["be"]["b0s0"].origin == by_lang["en"]["b0s0"].origin == "human"
    memory = TranslationMemory(tmp_path / "tm")
    assert memory.lookup(report.segments[0].source, "en").target == "A new logistics centre in Minsk Region"


def test_finalize_adds_approved_pairs_to_the_memory(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = write_package(out)
    edit_docx(out / "release.be.review.docx", EDITS, status="✔")
    finalize(out / "release.be.review.docx", tm_dir=tmp_path / "tm", release="2025-03-12-logistics")
    memory = TranslationMemory(tmp_path / "tm")
    sources = {s.id: s.source for s in report.segments}
    drafts = {t.segment_id: t for t in report.translations["be"].targets}
    for sid, source in sources.items():
        match = memory.lookup(source, "be")
        assert match is not None, sid  # every segment has a draft after the edits
        assert match.target == EDITS.get(sid, drafts[sid].text)
        assert match.unit.release == "2025-03-12-logistics"
        # the MT draft is kept for glossary suggestions; TM or empty drafts are no MT evidence
        expected_mt = drafts[sid].text if drafts[sid].origin in ("mt", "glossary") else ""
        assert match.unit.mt_draft == expected_mt
    near = sources["b1s1"].replace("48,5", "52,1")
    assert memory.lookup(near, "be") is None
    assert [m.target for m in memory.suggest(near, "be")] == [EDITS["b1s1"]]


def test_cli_finalize_reports_counts_and_paths(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_package(out)
    edit_docx(out / "release.be.review.docx", EDITS, status="approved")
    result = CliRunner().invoke(cli, ["finalize", str(out / "release.be.review.docx"), "--tm", str(tmp_path / "tm")])
    assert result.exit_code == 0, result.output
    assert "be: 11 segments, 3 edited by editors, 0 without a draft" in result.output
    assert "release.be.final.docx" in result.output and "translation memory" in result.output
    again = CliRunner().invoke(cli, ["finalize", str(out / "release.be.review.docx"), "--no-tm"])
    assert again.exit_code == 4 and "already exists" in again.output and "--force" in again.output


def test_languages_finalized_from_separate_review_files_share_one_final_json(tmp_path: Path) -> None:
    from report_factory import sample_report
    from translator_flow.writers import write_outputs

    out = tmp_path / "out"
    write_outputs(sample_report(langs=("be", "en")), out, stem="release")
    edit_docx(out / "release.be.review.docx", {"b0s0": "Новы цэнтр"}, status="approved")
    edit_docx(out / "release.en.review.docx", {"b0s0": "New centre"}, status="approved")
    finalize(out / "release.be.review.docx", tm_dir=None, allow_unapproved=True)  # b3s0 has no draft
    finalize(out / "release.en.review.docx", tm_dir=None, allow_unapproved=True)
    data = json.loads((out / "release.final.json").read_text(encoding="utf-8"))
    assert list(data["languages"]) == ["be", "en"]
    first = data["segments"][0]["targets"]
    assert (first["be"]["text"], first["en"]["text"]) == ("Новы цэнтр", "New centre")
    assert {"release.be.final.docx", "release.en.final.html", "release.final.json"} <= set(data["outputs"])
    assert {i["lang"] for i in data["issues"]} == {"be", "en"}  # the earlier language's QA is kept
    # finalizing a language again replaces only that language, and only with --force
    edit_docx(out / "release.be.review.docx", {"b0s0": "Зусім новы цэнтр"})
    with pytest.raises(OutputError, match=r"already exists"):
        finalize(out / "release.be.review.docx", tm_dir=None, allow_unapproved=True)
    finalize(out / "release.be.review.docx", tm_dir=None, force=True, allow_unapproved=True)
    again = json.loads((out / "release.final.json").read_text(encoding="utf-8"))["segments"][0]["targets"]
    assert (again["be"]["text"], again["en"]["text"]) == ("Зусім новы цэнтр", "New centre")
    assert list(json.loads((out / "release.final.json").read_text(encoding="utf-8"))["languages"]) == ["be", "en"]
