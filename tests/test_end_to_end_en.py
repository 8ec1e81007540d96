"""English through the CLI's own code path with the real Argos engine, offline.

The copy test model (tests/copymodel.py) outputs its input, so these tests can assert the
plumbing exactly: every segment translated, order kept, nothing dropped, glossary forms
placed — never that the words are good English.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from translator_flow.cli import cli

ROOT = Path(__file__).resolve().parents[1]
RELEASE = (
    "Визит в Минск\n\n"
    "Губернатор Смоленской области Василий Анохин провёл встречу в Минске.\n\n"
    "Стороны обсудили 12 проектов. Товарооборот вырос на 25 %. Первый проект запустят в 2026 году.\n\n"
    "«Мы продолжим работу», — подчеркнул губернатор.\n"
)


def _norm(text: str) -> str:
    """Whitespace folded and quotes/dashes unified: English post-editing changes only those."""
    text = re.sub("[«»“”„\"]", '"', text).replace("—", "-").replace("–", "-")
    return re.sub(r"\s+", " ", text).strip()


def test_translate_to_english_offline_keeps_every_segment_in_order(tmp_path, argos_env, no_network) -> None:
    source = tmp_path / "visit.ru.txt"
    source.write_text(RELEASE, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["translate", str(source), "--to", "en", "--out", str(out),
                                      "--glossary", str(ROOT / "glossary")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads((out / "visit.json").read_text(encoding="utf-8"))
    segments = data["segments"]
    assert len(segments) >= 6
    for segment in segments:
        target = segment["targets"]["en"]
        assert target["status"] == "translated" and target["text"].strip(), segment["id"]
        # The copy model returns its input: outside glossary terms the draft is the source.
        expected = segment["source"]
        for term in sorted(target["terms"], key=lambda t: -t["start"]):
            expected = expected[:term["start"]] + term["target_form"] + expected[term["end"]:]
        assert _norm(target["text"]) == _norm(expected), segment["id"]
    terms = {t["entry_id"]: t["target_form"] for s in segments for t in s["targets"]["en"]["terms"]}
    assert any("Smolensk" in form for form in terms.values()), terms
    assert (out / "visit.en.review.docx").exists() and (out / "visit.en.html").exists()


def test_combined_review_has_ru_be_en_columns(tmp_path, argos_env, no_network) -> None:
    import docx
    from lxml import html as lxml_html

    source = tmp_path / "visit.ru.txt"
    source.write_text(RELEASE, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["translate", str(source), "--to", "be,en", "--combined",
                                      "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    review = docx.Document(str(out / "visit.combined.review.docx"))
    header = next([c.text for c in t.rows[0].cells] for t in review.tables
                  if t.rows[0].cells[0].text == "#" and len(t.rows[0].cells) > 3)
    assert header[3:6] == ["Source (ru)", "Draft (be)", "Draft (en)"]
    data = json.loads((out / "visit.json").read_text(encoding="utf-8"))
    page = lxml_html.fromstring((out / "visit.combined.review.html").read_bytes())
    assert len(page.xpath("//td[@class='src']")) == len(data["segments"])
    assert {td.get("lang") for td in page.xpath("//td[contains(@class,'draft')]")} == {"be", "en"}
