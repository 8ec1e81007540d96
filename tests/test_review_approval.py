"""Approval rules, the Status drop-down, finalize's refusals and its hygiene (one line, exit code each).

The end-to-end runs with the real engine are in test_review_approval_e2e.py; these use the
shared sample report (tests/report_factory.py) so each rule is checked on its own.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from lxml import etree

from report_factory import sample_report
from review_helpers import W_NS, edit_docx, main_table, write_package
from translator_flow.cli import cli
from translator_flow.errors import EXIT_CODES, NotApprovedError
from translator_flow.glossary import load_glossary
from translator_flow.review import finalize, read_review_docx
from translator_flow.review.approval import STATUS_WORDS, parse_status
from translator_flow.tm import TMUnit
from translator_flow.tm.tmx_io import read_tmx, write_tmx
from translator_flow.writers.docx_util import STATUS_CHOICES, STATUS_PLACEHOLDER

W = f"{{{W_NS}}}"


@pytest.mark.parametrize("typed, decision, note", [
    ("approved", "approved", ""), ("Approved", "approved", ""), ("OK", "approved", ""), ("ok.", "approved", ""),
    ("✔", "approved", ""), ("✔\ufe0f", "approved", ""), ("✓", "approved", ""), ("+", "approved", ""),
    ("ЗАЦВЕРДЖАНА", "approved", ""), ("Одобрено", "approved", ""), ("  approved  ", "approved", ""),
    ("rejected", "rejected", ""), ("Адхілена: стары тэрмін", "rejected", "стары тэрмін"),
    ("query: is this the official name?", "query", "is this the official name?"), ("?", "query", ""),
    ("", "unmarked", ""), (STATUS_PLACEHOLDER, "unmarked", ""), (f"{STATUS_PLACEHOLDER}ok", "approved", ""),
    ("okay", "unknown", "okay"), ("maybe", "unknown", "maybe"), ("approvedish", "unknown", "approvedish"),
])
def test_status_words(typed: str, decision: str, note: str) -> None:
    found = parse_status(typed)
    assert (found.decision, found.note) == (decision, note)


def test_the_drop_down_choices_are_in_the_one_table_and_documented() -> None:
    assert all(STATUS_WORDS[c] == c for c in STATUS_CHOICES)
    docs = (Path(__file__).resolve().parents[1] / "docs" / "round-trip.md").read_text(encoding="utf-8")
    assert all(f"`{word}`" in docs for word in STATUS_WORDS), "every accepted word is listed in round-trip.md"


def test_every_status_cell_is_a_drop_down_showing_the_placeholder(tmp_path: Path) -> None:
    write_package(tmp_path)
    review = tmp_path / "release.be.review.docx"
    rows = main_table(docx.Document(str(review))).rows[1:]
    for row in rows:
        sdt = row.cells[-1]._tc.find(f"{W}p/{W}sdt")
        assert sdt is not None
        items = [i.get(f"{W}value") for i in sdt.iterfind(f"{W}sdtPr/{W}dropDownList/{W}listItem")]
        assert items == list(STATUS_CHOICES)
        assert sdt.find(f"{W}sdtPr/{W}showingPlcHdr") is not None
        assert "".join(t.text for t in sdt.iter(f"{W}t")) == STATUS_PLACEHOLDER
    assert {parse_status(r.status).decision for r in read_review_docx(review).rows} == {"unmarked"}


def _one_line_error(result) -> str:
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    return lines[0]


@pytest.mark.parametrize("name, says", [
    ("release.be.review.odt", "save as Word (.docx)"),
    ("release.be.review.fodt", "save as Word (.docx)"),
    ("release.be.review.html", "edit the review DOCX"),
    ("release.combined.review.htm", "edit the review DOCX"),
])
def test_odt_and_html_reviews_are_refused_in_one_line(tmp_path: Path, name: str, says: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"PK\x03\x04 not really" if "odt" in name else b"<html></html>")
    result = CliRunner().invoke(cli, ["finalize", str(path), "--no-tm"])
    assert result.exit_code == EXIT_CODES["bad_input"] == 4
    assert says in _one_line_error(result)


def test_unapproved_rows_are_refused_with_exit_5_and_the_list(tmp_path: Path) -> None:
    write_package(tmp_path)
    review = tmp_path / "release.be.review.docx"
    edit_docx(review, {"b1s1": "Інвестыцыі склалі 48,5 млн рублёў."},
              status={"b0s0": "approved", "b2s0": "rejected", "b2s1": "query"})
    glossary = _glossary(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    result = CliRunner().invoke(cli, ["finalize", str(review), "--no-tm", "--glossary", str(glossary)])
    assert result.exit_code == EXIT_CODES["not_approved"] == 5
    first, *rows = result.output.strip().splitlines()
    assert first.startswith("Error: ") and "not approved" in first and "--allow-unapproved" in first
    assert "row 3 (b1s1): edited but not marked approved" in rows[1]
    assert any("(b2s0): rejected" in r for r in rows) and any("(b2s1): query" in r for r in rows)
    assert any("(b3s0): no draft" in r for r in rows) and not any("(b0s0)" in r for r in rows)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_an_unknown_status_word_is_named(tmp_path: Path) -> None:
    write_package(tmp_path)
    review = tmp_path / "release.be.review.docx"
    edit_docx(review, {}, status={"b0s0": "looks fine"}, typed=True)
    with pytest.raises(NotApprovedError, match=r"row 1 \(b0s0\): Status «looks fine» is not understood"):
        finalize(review, tm_dir=None)


def test_missing_baseline_json_and_missing_glossary_are_warned(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    write_package(out)
    (out / "release.json").unlink()
    review = out / "release.be.review.docx"
    edit_docx(review, {}, status="approved")
    monkeypatch.chdir(tmp_path)  # no ./glossary here, and no per-user glossary
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    result = CliRunner().invoke(cli, ["finalize", str(review), "--no-tm", "--allow-unapproved"])
    assert result.exit_code == 0, result.output
    assert "Warning: finalize: no matching release.json beside release.be.review.docx" in result.stderr
    assert "Warning: NO GLOSSARY: official terms were not checked" in result.stderr
    warnings = json.loads((out / "release.final.json").read_text(encoding="utf-8"))["source"]["warnings"]
    assert any(w.startswith("finalize: no matching release.json") for w in warnings)


def _glossary(tmp_path: Path, be: str = "Мінская вобласць") -> Path:
    folder = tmp_path / "glossary"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "places.csv").write_text(
        f"id,ru,be,en,note,source\nminsk-region,Минская область,{be},Minsk Region,,test\n", encoding="utf-8")
    return folder


def test_findings_are_recomputed_with_the_current_glossary(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_package(out)
    review = out / "release.be.review.docx"
    edit_docx(review, {"b3s0": "«Мы разлічваем на рост на 15 %», — адзначыў дырэктар цэнтра І. Пятроў."},
              status="approved")
    # translate's hits carry a flag on the Smolevichi district entry; today's glossary has no such entry
    today = load_glossary([_glossary(tmp_path)])
    report = finalize(review, tm_dir=None, glossary=today)
    messages = [i.message for i in report.issues()]
    assert not any("check the preposition" in m for m in messages), "a stale flag of the machine draft"
    hits = {t.segment_id: {h.entry_id for h in t.term_hits} for t in report.translations["be"].targets}
    assert hits["b1s0"] == {"minsk-region"} and hits["b0s0"] == {"minsk-region"}
    # the office changes the approved form: the same approved rows now have a blocking finding
    changed = load_glossary([_glossary(tmp_path / "new", be="Мінская акруга")])
    with pytest.raises(NotApprovedError) as raised:
        finalize(review, tm_dir=None, glossary=changed, force=True)
    text = str(raised.value)
    assert "row 1 (b0s0): approved, but has a blocking finding: approved term «Мінская акруга»" in text
    assert "(b1s0): approved, but has a blocking finding" in text


def test_xliff_machine_drafts_are_not_approved_unless_confirmed(tmp_path: Path) -> None:
    write_package(tmp_path, sample_report(langs=("en",)), xliff=True)
    xlf = tmp_path / "release.en.xlf"
    refused = CliRunner().invoke(cli, ["finalize", str(xlf), "--no-tm"])
    assert refused.exit_code == 5 and "unit 1 (b0s0): not approved (XLIFF state «initial»" in refused.output
    tree = etree.parse(str(xlf))
    for segment in tree.getroot().iter("{urn:oasis:names:tc:xliff:document:2.0}segment"):
        if segment.get("state") == "initial" and len(segment) > 1:  # has a target
            segment.set("state", "translated")
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")
    still = CliRunner().invoke(cli, ["finalize", str(xlf), "--no-tm"])
    assert still.exit_code == 5 and "XLIFF state «translated»" in still.output
    report = finalize(xlf, tm_dir=None, approve_translated=True, allow_unapproved=True)
    approvals = {t.segment_id: t.approval for t in report.translations["en"].targets}
    assert set(approvals.values()) == {"approved"}  # MT now "translated"; the TM draft (b6s0) was reviewed


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_tmx_files_follow_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    old = os.umask(umask)
    try:
        path = tmp_path / "tm" / "ru-be.tmx"
        write_tmx(path, [TMUnit("Текст.", "Тэкст.", "be", approval="Status «✔» in r.be.review.docx")], "be")
        write_tmx(path, [TMUnit("Текст.", "Тэкст.", "be")], "be")  # replacing keeps the umask's mode too
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert [p.name for p in path.parent.iterdir()] == ["ru-be.tmx"]  # no temporary file left


def test_the_approval_is_kept_in_the_tmx(tmp_path: Path) -> None:
    path = tmp_path / "ru-be.tmx"
    write_tmx(path, [TMUnit("Текст.", "Тэкст.", "be", approval="Status «✔» in r.be.review.docx, 2026-01-02")], "be")
    assert read_tmx(path, "be")[0].approval == "Status «✔» in r.be.review.docx, 2026-01-02"


def test_a_block_level_content_control_in_the_status_cell_is_read(tmp_path: Path) -> None:
    """Some tools wrap the cell's paragraph in a w:sdt instead of the run: its text still counts."""
    write_package(tmp_path)
    review = tmp_path / "release.be.review.docx"
    document = docx.Document(str(review))
    cell = main_table(document).rows[1].cells[-1]
    paragraph = cell._tc.find(f"{W}p")
    for sdt in paragraph.findall(f"{W}sdt"):
        paragraph.remove(sdt)
    outer = etree.SubElement(cell._tc, f"{W}sdt")
    etree.SubElement(etree.SubElement(outer, f"{W}sdtPr"), f"{W}dropDownList")
    content = etree.SubElement(outer, f"{W}sdtContent")
    cell._tc.remove(paragraph)
    content.append(paragraph)
    etree.SubElement(etree.SubElement(paragraph, f"{W}r"), f"{W}t").text = "approved"
    document.save(str(review))
    assert read_review_docx(review).rows[0].status == "approved"


def test_translates_no_glossary_warning_goes_when_finalize_checks_the_terms(tmp_path: Path) -> None:
    from dataclasses import replace

    from translator_flow.model import NO_GLOSSARY_WARNING

    report = sample_report(langs=("be",))
    meta = replace(report.document.meta, warnings=(NO_GLOSSARY_WARNING,))
    write_package(tmp_path, replace(report, document=replace(report.document, meta=meta)))
    review = tmp_path / "release.be.review.docx"
    edit_docx(review, {}, status="approved")
    checked = finalize(review, tm_dir=None, glossary=load_glossary([_glossary(tmp_path)]), allow_unapproved=True)
    assert NO_GLOSSARY_WARNING not in checked.document.meta.warnings
    unchecked = finalize(review, tm_dir=None, allow_unapproved=True, force=True)
    assert unchecked.document.meta.warnings.count(NO_GLOSSARY_WARNING) == 1
