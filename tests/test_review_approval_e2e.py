"""Explicit approval end to end, with the real Belarusian engine: translate → Status per row → finalize.

An editor works in the review DOCX (python-docx here, then once more through LibreOffice's
own DOCX export): picks «approved» in some Status drop-downs, types ✔ or «query: …» in
others, rejects one row, edits one without marking it, leaves one alone, and comments in
Word. finalize must refuse (exit 5, the rows listed, nothing written), then with
--allow-unapproved write the release with the unapproved rows ``needs-review`` and put
exactly the approved rows into the translation memory, each with its approval.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from review_helpers import edit_docx, files_in, main_table, row_id, through_libreoffice
from translator_flow.cli import cli
from translator_flow.errors import EXIT_CODES
from translator_flow.tm import TranslationMemory

# Written for this test (not taken from any real release).
RELEASE = """Новая школа открылась в Бресте

В Бресте открылась новая школа на 1020 учеников. В ней работают 85 учителей.

Строительство обошлось в 30 млн рублей. Школа получила современные кабинеты.

«Мы ждали этого дня три года», — сказала директор школы.
"""
EDITS = {
    "b0s0": "Новая школа адкрылася ў Брэсце",
    "b1s0": "У Брэсце адкрылася новая школа на 1020 вучняў.",
    "b2s1": "У школе з’явіліся сучасныя кабінеты.",  # edited, Status left empty
}
PICKED = {"b0s0": "approved", "b1s1": "rejected"}  # chosen in the drop-down
TYPED = {"b1s0": "✔", "b2s0": "query: check the figure"}  # typed over the drop-down
APPROVED = {"b0s0", "b1s0"}
NOT_APPROVED = {
    "b1s1": "rejected",
    "b2s0": "query: check the figure",
    "b2s1": "edited but not marked approved",
    "b3s0": "not marked approved",
}
EDITOR = "Alena Editor"


@pytest.fixture(scope="module")
def translated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """translate's outputs for RELEASE (real Apertium), once for the module."""
    root = tmp_path_factory.mktemp("approval")
    source = root / "school.ru.txt"
    source.write_text(RELEASE, encoding="utf-8")
    glossary = root / "glossary"
    glossary.mkdir()
    (glossary / "places.csv").write_text("id,ru,be,en,note,source\nbrest,Брест,Брэст,Brest,,test\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["translate", str(source), "--to", "be", "--out", str(root / "out"),
                                      "--glossary", str(glossary), "--tm", str(root / "no-tm")])
    assert result.exit_code == 0, result.output
    return root


def _edited_copy(translated: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the outputs with the editor's work done in python-docx; (review, glossary)."""
    out = tmp_path / "out"
    shutil.copytree(translated / "out", out)
    review = out / "school.be.review.docx"
    ids = [row_id(r) for r in main_table(docx.Document(str(review))).rows[1:]]
    assert ids == ["b0s0", "b1s0", "b1s1", "b2s0", "b2s1", "b3s0"]
    edit_docx(review, EDITS, status=PICKED)
    edit_docx(review, {}, status=TYPED, typed=True)
    document = docx.Document(str(review))
    rows = {row_id(r): r for r in main_table(document).rows[1:]}
    document.add_comment(rows["b2s0"].cells[4].paragraphs[0].runs, "Is 30 million right?", author=EDITOR,
                         initials="AE")
    document.add_comment(document.paragraphs[0].runs, "Title agreed with the press office.", author=EDITOR,
                         initials="AE")
    document.save(str(review))
    return review, translated / "glossary"


def _finalize(review: Path, glossary: Path, tm: Path, *extra: str):
    return CliRunner().invoke(cli, ["finalize", str(review), "--tm", str(tm), "--glossary", str(glossary), *extra])


def _check_refused_then_allowed(review: Path, glossary: Path, tmp_path: Path) -> None:
    out, tm = review.parent, tmp_path / "tm"
    before = files_in(out)
    refused = _finalize(review, glossary, tm)
    assert refused.exit_code == EXIT_CODES["not_approved"] == 5, refused.output
    assert "4 row(s) are not approved" in refused.output and "--allow-unapproved" in refused.output
    listed = [line.strip()[2:] for line in refused.output.splitlines() if line.strip().startswith("- ")]
    assert {line.split(" ")[2].strip("():") for line in listed} == set(NOT_APPROVED)
    for sid, why in NOT_APPROVED.items():
        assert any(f"({sid}): {why}" in line for line in listed), (sid, listed)
    assert files_in(out) == before and not tm.exists()  # nothing written

    done = _finalize(review, glossary, tm, "--allow-unapproved")
    assert done.exit_code == 0, done.output
    assert "approved 2, rejected 1, query 1, not marked 2; 4 written as needs-review; 2 editor note(s)" in done.output
    assert "Editors' notes on the whole release: 1" in done.output
    data = json.loads((out / "school.final.json").read_text(encoding="utf-8"))
    targets = {s["id"]: s["targets"]["be"] for s in data["segments"]}
    assert {sid for sid, t in targets.items() if t["status"] == "needs-review"} == set(NOT_APPROVED)
    assert {sid for sid, t in targets.items() if t["approval"] == "approved"} == APPROVED
    assert targets["b1s1"]["approval"] == "rejected" and targets["b2s0"]["approval"] == "query"
    assert targets["b2s1"]["approval"] == "unmarked" and targets["b2s1"]["origin"] == "human"
    assert targets["b2s0"]["review_notes"] == [f"{EDITOR}: Is 30 million right?", "Status note: check the figure"]
    assert data["review_notes"] == [f"{EDITOR}: Title agreed with the press office."]
    assert not any("translator-flow QA" in n for t in targets.values() for n in t["review_notes"])

    # the publishable files say they are not final, on their first line
    first = docx.Document(str(out / "school.be.final.docx")).paragraphs[0].text
    assert first.startswith("NOT FINAL: 4 segments are not approved") and "b2s1" in first
    assert 'class="not-final" role="alert">NOT FINAL: 4 segments' in (out / "school.be.final.html").read_text("utf-8")

    sources = {s["id"]: s["source"] for s in data["segments"]}
    units = TranslationMemory(tm).units("be")
    assert {u.source for u in units} == {sources[sid] for sid in APPROVED}  # exactly the approved rows
    by_source = {u.source: u for u in units}
    for sid in APPROVED:
        unit = by_source[sources[sid]]
        assert unit.target == EDITS[sid]
        assert unit.approval.startswith(("Status «approved» in school.be.review.docx",
                                         "Status «✔» in school.be.review.docx"))
    assert by_source[sources["b0s0"]].approval.startswith("Status «approved»")
    assert by_source[sources["b1s0"]].approval.startswith("Status «✔»")


def test_python_docx_statuses_decide_what_is_final_and_remembered(translated: Path, tmp_path: Path) -> None:
    review, glossary = _edited_copy(translated, tmp_path)
    _check_refused_then_allowed(review, glossary, tmp_path)


def test_every_row_approved_finalizes_without_options(translated: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(translated / "out", out)
    review = out / "school.be.review.docx"
    edit_docx(review, EDITS, status="approved")
    done = _finalize(review, translated / "glossary", tmp_path / "tm")
    assert done.exit_code == 0, done.output  # this release's drafts have no blocking finding
    data = json.loads((out / "school.final.json").read_text(encoding="utf-8"))
    assert not [i for i in data["issues"] if i["severity"] == "blocking"]
    assert {s["targets"]["be"]["status"] for s in data["segments"]} == {"translated"}
    assert "NOT FINAL" not in (out / "school.be.final.html").read_text("utf-8")
    assert docx.Document(str(out / "school.be.final.docx")).paragraphs[0].style.name == "Title"
    assert len(TranslationMemory(tmp_path / "tm").units("be")) == len(data["segments"]) == 6


@pytest.mark.slow
def test_libreoffice_round_trip_keeps_the_drop_down_and_the_statuses(translated: Path, tmp_path: Path) -> None:
    review, glossary = _edited_copy(translated, tmp_path)
    shutil.copyfile(through_libreoffice(review, tmp_path), review)  # the editor saved in LibreOffice
    with zipfile.ZipFile(review) as package:
        body = package.read("word/document.xml").decode("utf-8")
    # LibreOffice writes the untouched drop-downs back as w:sdt with the same list items.
    assert body.count("<w:dropDownList>") >= 2 and 'w:displayText="query"' in body
    _check_refused_then_allowed(review, glossary, tmp_path)
