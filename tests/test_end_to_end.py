"""End to end with the real engines: the shared web-copied release, the samples, the Argos path.

The Smolensk release lives in ../shared (present on developer machines and in CI, not in a
user's clone); those tests skip when it is absent. Everything else uses our own samples.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from lxml import html as lxml_html
from review_helpers import docx_text

from translator_flow.cli import cli
from translator_flow.config import Settings
from translator_flow.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SMOLENSK = ROOT.parent / "shared" / "corpus" / "smolensk-belarus-cooperation.ru.txt"
needs_shared = pytest.mark.skipif(not SMOLENSK.exists(), reason="../shared corpus absent (user clone)")


def _html_text(path: Path) -> str:
    return lxml_html.fromstring(path.read_bytes()).text_content()


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


@pytest.fixture(scope="module")
def smolensk_run(tmp_path_factory: pytest.TempPathFactory):
    if not SMOLENSK.exists():
        pytest.skip("../shared corpus absent (user clone)")
    out = tmp_path_factory.mktemp("smolensk")
    settings = Settings(targets=("be",), glossary=(ROOT / "glossary",), tm_dir=None, out_dir=out)
    with Pipeline(settings) as pipeline:
        report = pipeline.translate_and_write(SMOLENSK)
    return report, out


@needs_shared
def test_every_body_sentence_has_a_belarusian_draft(smolensk_run) -> None:
    report, _ = smolensk_run
    targets = report.translations["be"].targets
    assert len(targets) == len(report.segments) >= 20
    empty = [t.segment_id for t in targets if not t.text.strip() or t.status != "translated"]
    assert not empty, f"segments without a Belarusian draft: {empty}"


@needs_shared
def test_site_chrome_is_in_no_output_and_the_title_appears_once(smolensk_run) -> None:
    report, out = smolensk_run
    # The page repeats its title right after the breadcrumbs: the first line that is not one.
    lines = [line.strip() for line in SMOLENSK.read_text(encoding="utf-8").splitlines() if line.strip()]
    title = next(line for line in lines if not line.startswith("- "))
    kinds = [b.kind for b in report.document.blocks]
    assert kinds.count("title") == 1 and report.document.blocks[0].text == title
    assert sum(b.text == title for b in report.document.blocks) == 1
    data = json.loads((out / "smolensk-belarus-cooperation.json").read_text(encoding="utf-8"))
    sources = [s["source"] for s in data["segments"]]
    for crumb in ("Главная", "Все новости"):
        assert crumb not in sources
    for path in out.iterdir():
        text = docx_text(path) if path.suffix == ".docx" else path.read_text(encoding="utf-8")
        # the reader's own list of what it removed quotes the chrome by design (issue 13)
        text = "\n".join(line for line in text.splitlines() if ": removed " not in line)
        assert "- Главная" not in text and "Все новости" not in text, path.name
    # One title row in the review table, one <h1> in the publishable draft.
    review = docx.Document(str(out / "smolensk-belarus-cooperation.be.review.docx"))
    main = next(t for t in review.tables if [c.text for c in t.rows[0].cells][:3] == ["#", "ID", "Block"])
    assert [r.cells[2].text for r in main.rows[1:]].count("title") == len(
        [s for s in report.segments if s.block == 0])
    published = lxml_html.fromstring((out / "smolensk-belarus-cooperation.be.html").read_bytes())
    assert len(published.xpath("//h1")) == 1
    title_draft = " ".join(t.text for t in report.translations["be"].targets if t.segment_id.startswith("b0s"))
    assert _squash(published.body.text_content()).count(_squash(title_draft)) == 1


@needs_shared
def test_review_files_hold_every_source_segment_and_open_cleanly(smolensk_run) -> None:
    report, out = smolensk_run
    review_docx = out / "smolensk-belarus-cooperation.be.review.docx"
    review_html = out / "smolensk-belarus-cooperation.be.review.html"
    docx_seen, html_seen = _squash(docx_text(review_docx)), _squash(_html_text(review_html))
    for segment in report.segments:
        assert _squash(segment.source) in docx_seen, segment.id
        assert _squash(segment.source) in html_seen, segment.id


@needs_shared
def test_glossary_terms_are_placed_in_the_belarusian_draft(smolensk_run) -> None:
    report, out = smolensk_run
    hits = [(t.segment_id, h) for t in report.translations["be"].targets for h in t.term_hits]
    ids = {h.entry_id for _, h in hits}
    assert len(ids) >= 6, ids
    drafts = {t.segment_id: t.text for t in report.translations["be"].targets}
    for segment_id, hit in hits:
        assert hit.target_form, f"{hit.entry_id} has no Belarusian form"
        assert hit.target_form in drafts[segment_id], (segment_id, hit.entry_id, hit.target_form)
    terminology = [i for i in report.translations["be"].issues
                   if i.check == "terminology" and i.severity == "blocking"]
    assert not terminology, terminology
    html_source = (out / "smolensk-belarus-cooperation.be.review.html").read_text(encoding="utf-8")
    for _, hit in hits:
        assert hit.entry_id in html_source  # the review names the entry


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is installed by `make test`")
def test_review_docx_converts_with_libreoffice(tmp_path: Path) -> None:
    sample = ROOT / "samples" / "trade-fair.ru.txt"
    settings = Settings(targets=("be",), glossary=(ROOT / "glossary",), tm_dir=None, out_dir=tmp_path)
    with Pipeline(settings) as pipeline:
        pipeline.translate_and_write(sample)
    review = tmp_path / "trade-fair.be.review.docx"
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(review)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "trade-fair.be.review.pdf"
    assert pdf.exists() and pdf.stat().st_size > 5000


def test_demo_translates_every_sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "argos"
    empty.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(empty))
    monkeypatch.chdir(ROOT)
    out = tmp_path / "demo"
    result = CliRunner().invoke(cli, ["demo", "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    samples = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".txt", ".docx", ".html"))
    assert len(samples) >= 3
    for sample in samples:
        stem = sample.name.split(".")[0]
        assert (out / f"{stem}.be.review.docx").exists() and (out / f"{stem}.json").exists()
    assert "models install ru-en" in result.output


@needs_shared
def test_every_json_issue_is_in_both_review_files(smolensk_run) -> None:
    _report, out = smolensk_run
    data = json.loads((out / "smolensk-belarus-cooperation.json").read_text(encoding="utf-8"))
    assert data["issues"], "the seed release should raise QA findings"
    review = docx.Document(str(out / "smolensk-belarus-cooperation.be.review.docx"))
    comments = [c.text for c in review.comments]
    html_text = _squash(_html_text(out / "smolensk-belarus-cooperation.be.review.html"))
    for issue in data["issues"]:
        message = _squash(issue["message"])
        assert any(message in _squash(c) for c in comments), issue
        assert message in html_text, issue


@pytest.mark.slow
@needs_shared
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is installed by `make test`")
def test_unknown_words_are_word_comments_that_libreoffice_shows(smolensk_run, tmp_path: Path) -> None:
    import binascii

    report, out = smolensk_run
    marked = [t for t in report.translations["be"].targets if t.marks]
    assert marked, "the seed release has words Apertium does not know"
    review = out / "smolensk-belarus-cooperation.be.review.docx"
    words = {m.word for t in marked for m in t.marks}
    comments = " ".join(c.text for c in docx.Document(str(review)).comments)
    assert all(w in comments for w in words), words - {w for w in words if w in comments}
    export = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", export, "--outdir", str(tmp_path), str(review)],
                   check=True, capture_output=True, timeout=240)
    pdf = (tmp_path / "smolensk-belarus-cooperation.be.review.pdf").read_bytes()
    notes = []
    for hexed in re.findall(rb"/Contents\s*<([0-9A-Fa-f\s]+)>", pdf):
        raw = binascii.unhexlify(re.sub(rb"\s", b"", hexed))
        notes.append(raw[2:].decode("utf-16-be") if raw.startswith(b"\xfe\xff") else raw.decode("latin-1"))
    assert all(any(w in n for n in notes) for w in words)


@needs_shared
def test_english_glossary_forms_survive_the_argos_path(tmp_path: Path, argos_env, no_network) -> None:
    settings = Settings(targets=("en",), glossary=(ROOT / "glossary",), tm_dir=None, out_dir=tmp_path)
    with Pipeline(settings) as pipeline:
        report = pipeline.translate_document(SMOLENSK)
    targets = report.translations["en"].targets
    assert all(t.status == "translated" and t.text for t in targets)
    hits = [(t, h) for t in targets for h in t.term_hits]
    assert len({h.entry_id for _, h in hits}) >= 6
    for target, hit in hits:
        assert hit.target_form and hit.target_form in target.text, (hit.entry_id, target.text)
