"""XLIFF 2.0 export: valid against the XLIFF 2.0 core schema, re-imports, and finalizes."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from report_factory import sample_report
from review_helpers import edit_docx, files_in, write_package
from translator_flow.cli import cli
from translator_flow.errors import ReviewImportError
from translator_flow.review import finalize, read_review_xliff
from translator_flow.writers.xliff import MDA_NS, XLIFF_NS, write_xliff

SCHEMA_DIR = Path(__file__).parent / "data" / "xliff"
X = f"{{{XLIFF_NS}}}"
NS = {"x": XLIFF_NS, "mda": MDA_NS}


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "xliff-core-2.0-subset.xsd")))


def _units(path: Path) -> dict[str, etree._Element]:
    root = etree.parse(str(path)).getroot()
    return {u.get("id"): u for u in root.iter(X + "unit")}


@pytest.mark.parametrize("hostile", [False, True])
@pytest.mark.parametrize("lang", ["be", "en"])
def test_export_validates_against_the_xliff_2_schema(tmp_path: Path, schema, lang: str, hostile: bool) -> None:
    report = sample_report(hostile=hostile)
    path = tmp_path / f"release.{lang}.xlf"
    write_xliff(report, lang, path)
    document = etree.parse(str(path))
    assert schema.validate(document), schema.error_log
    root = document.getroot()
    assert (root.get("version"), root.get("srcLang"), root.get("trgLang")) == ("2.0", "ru", lang)
    # one unit per segment, in order, keyed by the segment id
    assert [u.get("id") for u in root.iter(X + "unit")] == [s.id for s in report.segments]


def test_the_schema_has_teeth(tmp_path: Path, schema) -> None:
    path = tmp_path / "release.be.xlf"
    write_xliff(sample_report(), "be", path)
    good = etree.parse(str(path))
    for breakage in (
        lambda r: r.find("x:file/x:unit/x:segment", NS).set("state", "done"),
        lambda r: r.find("x:file/x:unit", NS).attrib.pop("id"),
        lambda r: r.find("x:file", NS).append(copy.deepcopy(r.find("x:file/x:unit", NS))),  # duplicate id
        lambda r: r.find("x:file/x:unit/x:segment", NS).insert(0, etree.Element(X + "target")),  # order
        lambda r: r.attrib.pop("srcLang"),
        lambda r: r.find("x:file/x:unit/x:notes/x:note", NS).set("priority", "11")
        if r.find("x:file/x:unit/x:notes/x:note", NS) is not None else r.set("version", "1.2"),
        lambda r: r.find("x:file/x:unit/mda:metadata/mda:metaGroup/mda:meta", NS).attrib.pop("type"),
    ):
        broken = copy.deepcopy(good)
        breakage(broken.getroot())
        assert not schema.validate(broken)


def test_units_carry_notes_states_and_block_metadata(tmp_path: Path) -> None:
    report = sample_report()
    path = tmp_path / "release.be.xlf"
    write_xliff(report, "be", path)
    units = _units(path)
    lead = units["b1s0"]
    notes = [(n.get("category"), n.text) for n in lead.iterfind("x:notes/x:note", NS)]
    assert ("qa", "warning [typography] Use a no-break space in «25 тыс.».") in notes
    assert any(cat == "term" and "Смалявіцкім раёне" in text for cat, text in notes)
    meta = {m.get("type"): m.text for m in lead.iterfind("mda:metadata/mda:metaGroup/mda:meta", NS)}
    assert meta["block"] == "1" and meta["block-kind"] == "lead" and meta["origin"] == "glossary"
    failed = units["b3s0"]  # the engine failed: no target, state initial, the error as a note
    segment = failed.find("x:segment", NS)
    assert segment.get("state") == "initial" and segment.find("x:target", NS) is None
    assert any(n.get("category") == "error" for n in failed.iterfind("x:notes/x:note", NS))
    # raw MT is a draft nobody vouched for (initial); a TM draft was approved before (reviewed)
    assert units["b1s1"].find("x:segment", NS).get("state") == "initial"
    assert next(t for t in report.translations["be"].targets if t.segment_id == "b6s0").origin == "tm"
    assert units["b6s0"].find("x:segment", NS).get("state") == "reviewed"


def test_reimport_gives_the_same_segments(tmp_path: Path) -> None:
    report = sample_report(hostile=True)
    path = tmp_path / "release.be.xlf"
    write_xliff(report, "be", path, stem="release")
    reviewed = read_review_xliff(path)
    drafts = {t.segment_id: t.text for t in report.translations["be"].targets}
    assert reviewed.langs == ("be",) and reviewed.stem == "release"
    assert [r.id for r in reviewed.rows] == [s.id for s in report.segments]
    for row, segment in zip(reviewed.rows, report.segments):
        clean = segment.source.replace("\x0b", "\ufffd").replace("\x00", "\ufffd")  # XML cannot carry them
        assert (row.block, row.source) == (segment.block, clean)
        assert row.drafts["be"] == drafts[segment.id].replace("\x0b", "\ufffd")


def test_translate_toolkit_reads_the_export(tmp_path: Path) -> None:
    from translate.storage.xliff2 import Xliff2File

    report = sample_report()
    path = tmp_path / "release.en.xlf"
    write_xliff(report, "en", path)
    with open(path, "rb") as handle:
        store = Xliff2File(handle)
    drafts = {t.segment_id: t.text for t in report.translations["en"].targets}
    assert [(u.getid(), u.source, u.target) for u in store.units] == [
        (s.id, s.source, drafts[s.id]) for s in report.segments]


def _cat_tool_edit(path: Path, targets: dict[str, str]) -> None:
    """What a CAT tool does: rewrite <target>s, mark the segments reviewed."""
    tree = etree.parse(str(path))
    for unit in tree.getroot().iter(X + "unit"):
        if unit.get("id") in targets:
            segment = unit.find("x:segment", NS)
            target = segment.find("x:target", NS)
            if target is None:
                target = etree.SubElement(segment, X + "target")
            target.text = targets[unit.get("id")]
            segment.set("state", "reviewed")
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


def _confirm_all(path: Path, state: str = "reviewed") -> None:
    """What confirming every segment in a CAT tool does: each segment with a target gets ``state``."""
    tree = etree.parse(str(path))
    for segment in tree.getroot().iter(X + "segment"):
        if segment.find("x:target", NS) is not None:
            segment.set("state", state)
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


EDITS = {"b1s1": "Investment in the project reached 48.5 million Belarusian roubles.",
         "b4s0": "Services of the centre"}


@pytest.mark.parametrize("keep_json", [True, False])
def test_finalize_from_an_edited_xliff(tmp_path: Path, keep_json: bool) -> None:
    out = tmp_path / "out"
    report = sample_report(langs=("en",))
    write_package(out, report, xliff=True)
    xlf = out / "release.en.xlf"
    if not keep_json:
        (out / "release.json").unlink()  # the XLIFF's own metadata tells edits apart
    _cat_tool_edit(xlf, EDITS)
    _confirm_all(xlf)  # the translator confirms every unit (state reviewed)
    result = finalize(xlf, tm_dir=tmp_path / "tm", allow_unapproved=True)  # b3s0 has no draft
    before = {t.segment_id: t for t in report.translations["en"].targets}
    after = {t.segment_id: t for t in result.translations["en"].targets}
    assert {sid for sid, t in after.items() if t.origin == "human"} == set(EDITS)
    assert {sid: after[sid].text for sid in EDITS} == EDITS
    assert all(after[s].text == before[s].text and after[s].origin == before[s].origin
               for s in after if s not in EDITS)
    data = json.loads((out / "release.final.json").read_text(encoding="utf-8"))
    assert {s["id"]: s["targets"]["en"]["origin"] for s in data["segments"]}["b4s0"] == "human"
    page = (out / "release.en.final.html").read_text(encoding="utf-8")
    assert all(text in page for text in EDITS.values())


def test_a_unit_a_cat_tool_split_is_joined_back(tmp_path: Path) -> None:
    report = sample_report(langs=("en",))
    path = tmp_path / "release.en.xlf"
    write_xliff(report, "en", path)
    tree = etree.parse(str(path))
    unit = next(u for u in tree.getroot().iter(X + "unit") if u.get("id") == "b1s0")
    segment = unit.find("x:segment", NS)
    source, target = segment.find("x:source", NS), segment.find("x:target", NS)
    cut = source.text.index(" в Смолевичском")
    second = etree.SubElement(unit, X + "segment", state="translated")
    space = etree.Element(X + "ignorable")
    etree.SubElement(space, X + "source").text = " "
    segment.addnext(space)
    etree.SubElement(second, X + "source").text = source.text[cut + 1:]
    etree.SubElement(second, X + "target").text = "a logistics centre opened."
    source.text, target.text = source.text[:cut], "On 12 March 2025,"
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    row = next(r for r in read_review_xliff(path).rows if r.id == "b1s0")
    assert row.source == report.segments[1].source
    # the ignorable has no target: its source (the space) stands for it
    assert row.drafts["en"] == "On 12 March 2025, a logistics centre opened."


def _tampered(path: Path, change) -> None:
    tree = etree.parse(str(path))
    change(tree.getroot())
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


@pytest.mark.parametrize("change, message", [
    (lambda r: r.find("x:file", NS).remove(r.find("x:file/x:unit[@id='b2s1']", NS)),
     "segment b2s1 (block 2) is missing: its unit was deleted"),
    (lambda r: setattr(r.find("x:file/x:unit[@id='b2s0']/x:segment/x:source", NS), "text", "Другой текст."),
     "unit 4 (b2s0): the source text was edited"),
    (lambda r: r.find("x:file", NS).append(copy.deepcopy(r.find("x:file/x:unit[@id='b0s0']", NS))),
     "unit 12: ID b0s0 is duplicated (unit 1 has it too)"),
])
def test_tampered_xliff_is_refused(tmp_path: Path, change, message: str) -> None:
    path = tmp_path / "release.en.xlf"
    write_xliff(sample_report(langs=("en",)), "en", path)
    _tampered(path, change)
    before = files_in(tmp_path)
    with pytest.raises(ReviewImportError) as raised:
        finalize(path, tm_dir=tmp_path / "tm")
    assert message in str(raised.value) and "Nothing was written" in str(raised.value)
    assert files_in(tmp_path) == before


@pytest.mark.parametrize("content, why", [
    ('<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"/>', "not XLIFF 2.0"),
    ('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="be">'
     '<file id="f"><unit id="u"><segment><source>Текст.</source></segment></unit></file></xliff>',
     "no <file> carries translator-flow's metadata"),
])
def test_foreign_xliff_is_not_a_review_file(tmp_path: Path, content: str, why: str) -> None:
    path = tmp_path / "other.xlf"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ReviewImportError, match=r"other.xlf is not a translator-flow review file") as raised:
        finalize(path, tm_dir=None)
    assert why in str(raised.value)


def test_cli_export_xliff_from_a_review_docx_then_finalize(tmp_path: Path, schema) -> None:
    out = tmp_path / "out"
    report = write_package(out)
    edit_docx(out / "release.be.review.docx", {"b0s0": "Новы цэнтр"}, status={"b0s0": "approved"})  # started in Word
    result = CliRunner().invoke(cli, ["export-xliff", str(out / "release.be.review.docx")])
    assert result.exit_code == 0, result.output
    xlf = out / "release.be.xlf"
    assert result.output.strip() == str(xlf)
    assert schema.validate(etree.parse(str(xlf)))
    units = _units(xlf)
    assert units["b0s0"].find("x:segment", NS).get("state") == "reviewed"  # the Word edit, approved
    assert units["b0s0"].find("x:segment/x:target", NS).text == "Новы цэнтр"
    again = CliRunner().invoke(cli, ["export-xliff", str(out / "release.be.review.docx")])
    assert again.exit_code == 4 and "--force" in again.output
    _cat_tool_edit(xlf, {"b4s0": "Паслугі лагістычнага цэнтра"})
    final = finalize(xlf, tmp_path / "final", tm_dir=None, allow_unapproved=True)
    origins = {t.segment_id: t.origin for t in final.translations["be"].targets}
    assert origins["b0s0"] == origins["b4s0"] == "human"
    assert origins["b1s1"] == report.translations["be"].targets[2].origin


# Sentences as editors and engines produce them: Cyrillic and Latin letters, digits,
# quotes, dashes, no-break and thin spaces, markup-like characters.
_ALPHABET = "абвгдеёжзіўыэюя АБВГДІЎ abcxyz 0123456789 «»„“”\"'—–-.,:;!?()&<>\u00a0\u2009\u202f"
_sentences = st.text(alphabet=_ALPHABET, min_size=1, max_size=80).map(str.strip).filter(bool)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_sentences, _sentences | st.just("")), min_size=1, max_size=6))
def test_xliff_write_then_read_keeps_every_source_and_draft(tmp_path: Path, pairs) -> None:
    from report_factory import build_report

    blocks = [("paragraph", [source]) for source, _ in pairs]
    report = build_report(blocks, {"be": [draft or None for _, draft in pairs]})
    path = tmp_path / "release.be.xlf"
    write_xliff(report, "be", path)
    rows = read_review_xliff(path).rows
    assert [(r.source, r.drafts["be"]) for r in rows] == [(s, d) for s, d in pairs]


@pytest.mark.parametrize("attribute, value", [("trgLang", "../../evil"), ("trgLang", "be/x")])
def test_names_from_the_file_cannot_escape_the_output_folder(tmp_path: Path, attribute: str, value: str) -> None:
    path = tmp_path / "in" / "release.be.xlf"
    path.parent.mkdir()
    write_xliff(sample_report(), "be", path)
    _tampered(path, lambda r: r.set(attribute, value))
    with pytest.raises(ReviewImportError, match=r"no valid target language"):
        finalize(path, tmp_path / "out", tm_dir=tmp_path / "tm")
    assert not (tmp_path / "out").exists() and not (tmp_path / "tm").exists()


def test_a_stem_with_a_path_in_the_manifest_is_made_safe(tmp_path: Path) -> None:
    path = tmp_path / "in" / "release.be.xlf"
    path.parent.mkdir()
    write_xliff(sample_report(), "be", path, stem="../../escape")
    result = finalize(path, tmp_path / "out", tm_dir=None, allow_unapproved=True)
    assert all(Path(p).parent == tmp_path / "out" for p in result.outputs)
    assert {Path(p).name for p in result.outputs} == {"escape.be.final.docx", "escape.be.final.html",
                                                       "escape.final.json"}
