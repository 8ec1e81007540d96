"""The review DOCX through LibreOffice: it converts, shows the comments, keeps the contract.

Needs ``soffice`` (Debian libreoffice-writer-nogui, installed by ``make``) and ``pdftotext``
(poppler-utils); skipped only when those programs are genuinely absent.
"""

from __future__ import annotations

import binascii
import json
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from report_factory import sample_report

from translator_flow.writers import write_outputs
from translator_flow.writers.manifest import read_review_manifest
from translator_flow.writers.review_docx import main_table_header

SOFFICE = shutil.which("soffice")
pytestmark = [pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed"), pytest.mark.slow]
PDF_WITH_COMMENTS = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'


def _convert(files: list[Path], target: str, out: Path, profile: Path) -> None:
    # A private profile: parallel LibreOffice runs (other tests, other users) never share a lock.
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--convert-to", target, "--outdir", str(out), *map(str, files)],
                   check=True, capture_output=True, timeout=240)


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    root = tmp_path_factory.mktemp("lo")
    report = sample_report()
    write_outputs(report, root / "out", combined=True)
    reviews = [root / "out/release.be.review.docx", root / "out/release.combined.review.docx"]
    _convert(reviews, PDF_WITH_COMMENTS, root / "pdf", root / "profile")
    _convert(reviews, "docx", root / "docx", root / "profile")
    return report, root


def _annotation_texts(pdf: bytes) -> list[str]:
    texts = []
    for hexed in re.findall(rb"/Contents\s*<([0-9A-Fa-f\s]+)>", pdf):
        raw = binascii.unhexlify(re.sub(rb"\s", b"", hexed))
        texts.append(raw[2:].decode("utf-16-be") if raw.startswith(b"\xfe\xff") else raw.decode("latin-1"))
    return texts


def test_pdf_conversion_shows_every_segment(converted) -> None:
    report, root = converted
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    for name in ("release.be.review.pdf", "release.combined.review.pdf"):
        text = subprocess.run(["pdftotext", "-layout", str(root / "pdf" / name), "-"], check=True,
                              capture_output=True, text=True).stdout
        for seg in report.segments:
            assert seg.id in text
            assert seg.source.split()[0] in text


def test_pdf_conversion_carries_the_qa_comments(converted) -> None:
    report, root = converted
    texts = _annotation_texts((root / "pdf/release.be.review.pdf").read_bytes())
    for issue in report.translations["be"].issues:
        assert any(issue.message in t for t in texts), issue.message
    assert any("Белтрансэкспедиция" in t and "Unknown word" in t for t in texts)


def test_libreoffice_resave_keeps_table_comments_and_manifest(converted) -> None:
    report, root = converted
    for name, langs in (("release.be.review.docx", ["be"]), ("release.combined.review.docx", ["be", "en"])):
        original = read_review_manifest(root / "out" / name)
        resaved_path = root / "docx" / name
        assert read_review_manifest(resaved_path) == original
        resaved = docx.Document(str(resaved_path))
        (table,) = [t for t in resaved.tables if [c.text for c in t.rows[0].cells] == main_table_header(langs)]
        assert [r.cells[1].text.split()[0] for r in table.rows[1:]] == [s.id for s in report.segments]
        assert [r.cells[3].text for r in table.rows[1:]] == [s.source for s in report.segments]
        comments = " ".join(c.text for c in resaved.comments)
        for lang in langs:
            for issue in report.translations[lang].issues:
                assert issue.message in comments


def test_manifest_is_compact_json(converted) -> None:
    _, root = converted
    manifest = read_review_manifest(root / "out/release.combined.review.docx")
    assert manifest["langs"] == ["be", "en"] and json.dumps(manifest)
