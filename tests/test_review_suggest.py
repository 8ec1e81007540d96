"""Glossary suggestions from finalized releases: the same correction in two releases."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner

from report_factory import build_report
from review_helpers import edit_docx, write_package
from translator_flow.cli.review import glossary_suggest
from translator_flow.review import finalize

# Two releases written for this test; the "MT" drafts carry the same wrong rendering.
RELEASES = [
    ("2025-04-01-visit",
     [("title", ["Делегация Смоленской области посетила Минск"]),
      ("paragraph", ["Стороны обсудили поставки техники.", "Визит продлится три дня."])],
     ["Дэлегацыя Смаленскай абласці наведала Мінск", "Бакі абмеркавалі пастаўкі тэхнікі.", "Візіт працягнецца тры дні."],
     {"b0s0": "Дэлегацыя Смаленскай вобласці наведала Мінск"}),
    ("2025-04-09-forum",
     [("title", ["Форум регионов открылся в Могилёве"]),
      ("paragraph", ["На форум приехали представители Смоленской области.", "Подписано 12 соглашений."])],
     ["Форум рэгіёнаў адкрыўся ў Магілёве", "На форум прыехалі прадстаўнікі Смаленскай абласці.",
      "Падпісана 12 пагадненняў."],
     {"b1s0": "На форум прыехалі прадстаўнікі Смаленскай вобласці."}),
]


def _finalize_releases(tmp_path: Path, releases=RELEASES) -> Path:
    tm = tmp_path / "tm"
    for name, blocks, drafts, edits in releases:
        out = tmp_path / name
        write_package(out, build_report(blocks, {"be": drafts}, source_path=f"{name}.ru.txt"), stem=name)
        edit_docx(out / f"{name}.be.review.docx", edits, status="approved")
        finalize(out / f"{name}.be.review.docx", tm_dir=tm)
    return tm


def test_the_same_edit_in_two_releases_is_suggested(tmp_path: Path) -> None:
    tm = _finalize_releases(tmp_path)
    result = CliRunner().invoke(glossary_suggest, ["--tm", str(tm), "--csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows == [{"ru": "области", "lang": "be", "target": "вобласці", "replaces": "абласці",
                     "releases": "2025-04-01-visit 2025-04-09-forum"}]
    text = CliRunner().invoke(glossary_suggest, ["--tm", str(tm)])
    assert "области → [be] вобласці" in text.output
    assert "Делегация Смоленской области посетила Минск" in text.output  # the evidence


def test_one_release_is_not_enough(tmp_path: Path) -> None:
    tm = _finalize_releases(tmp_path, RELEASES[:1])
    result = CliRunner().invoke(glossary_suggest, ["--tm", str(tm), "--to", "be"])
    assert result.exit_code == 0
    assert "No edit repeated in 2+ releases" in result.output
    assert "области" in CliRunner().invoke(glossary_suggest, ["--tm", str(tm), "--min-releases", "1"]).output
