"""The contract every writer keeps, run against each of the six output kinds.

Every kind that ``write_outputs`` can produce (review DOCX, review HTML, publishable DOCX
and HTML, XLIFF, JSON) must: carry every translated draft, in source order; keep text
that looks like markup as text; carry the run signature; and never show an untranslated
segment as if it were translated (the review kinds, XLIFF and JSON name it; the
publishable drafts keep the source-language placeholder, never a blank).
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from review_helpers import docx_text
from report_factory import build_report

from translator_flow.writers import UNTRANSLATED_MARK, UNTRANSLATED_PUBLISH, output_plan, write_outputs

HOSTILE = "<b>Не разметка</b> & «кавычки»"
BLOCKS = [("title", ["Заголовок сообщения."]),
          ("paragraph", ["Первое предложение.", "Второе предложение.", "Третье предложение."]),
          ("paragraph", [f"Четвёртое {HOSTILE}."])]
DRAFTS = {"be": ["Загаловак паведамлення.", "Першы сказ.", None, "Трэці сказ.", f"Чацвёрты {HOSTILE}."]}
TRANSLATED = [d for d in DRAFTS["be"] if d]
KINDS = ["review_docx", "review_html", "publish_docx", "publish_html", "xliff", "json"]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    report = build_report(BLOCKS, DRAFTS, source_path="contract.ru.txt")
    out = tmp_path_factory.mktemp("contract")
    write_outputs(report, out, xliff=True)
    return {kind: path for kind, _, path in output_plan(report, out, xliff=True)}


def _text(kind: str, path: Path) -> str:
    """What a reader of the file sees, as plain text (markup decoded, not stripped by regex)."""
    if kind.endswith("docx"):
        return docx_text(path)
    if kind.endswith("html"):
        return lxml.html.fromstring(path.read_bytes()).text_content()
    if kind == "xliff":
        tree = lxml.etree.parse(str(path))
        return "\n".join(t.xpath("string()") for t in tree.iter("{*}target"))
    data = json.loads(path.read_text(encoding="utf-8"))
    return "\n".join(t["text"] for s in data["segments"] for t in s["targets"].values())


def _signature(kind: str, path: Path) -> str:
    if kind.endswith("docx"):
        with zipfile.ZipFile(path) as package:
            return package.read("docProps/core.xml").decode("utf-8")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", KINDS)
def test_every_draft_is_there_in_order(kind: str, written: dict[str, Path]) -> None:
    text = _text(kind, written[kind])
    positions = [text.find(draft) for draft in TRANSLATED]
    assert -1 not in positions, (kind, [d for d, p in zip(TRANSLATED, positions) if p < 0])
    assert positions == sorted(positions), kind


@pytest.mark.parametrize("kind", KINDS)
def test_markup_in_a_draft_stays_text(kind: str, written: dict[str, Path]) -> None:
    path = written[kind]
    if kind.endswith("html"):
        tree = lxml.html.fromstring(path.read_bytes())
        assert not [b for b in tree.iter("b") if b.text_content() == "Не разметка"], kind
    assert HOSTILE in _text(kind, path), kind


@pytest.mark.parametrize("kind", KINDS)
def test_the_run_signature_is_on_every_output(kind: str, written: dict[str, Path]) -> None:
    if kind == "json":
        assert json.loads(written[kind].read_text(encoding="utf-8"))["signature"]["be"]["engine"] == "apertium"
    else:
        assert "translator-flow" in _signature(kind, written[kind]), kind


@pytest.mark.parametrize("kind", KINDS)
def test_an_untranslated_segment_is_never_passed_off_as_translated(kind: str, written: dict[str, Path]) -> None:
    text = _text(kind, written[kind])
    if kind.startswith("publish"):  # the placeholder names it, in the reader's face
        assert UNTRANSLATED_PUBLISH.format(source="Второе предложение.") in text, kind
    elif kind.startswith("review"):  # the draft column says so where the draft would be
        assert UNTRANSLATED_MARK in text, kind
    else:  # XLIFF, JSON: no target text at all, never the source copied in
        assert "Второе предложение." not in text, kind
    if kind == "json":
        data = json.loads(written[kind].read_text(encoding="utf-8"))
        [target] = [s["targets"]["be"] for s in data["segments"] if s["source"] == "Второе предложение."]
        assert target["status"] == "untranslated" and target["text"] == ""


def test_outputs_are_well_formed_files(written: dict[str, Path]) -> None:
    for kind, path in written.items():
        if kind.endswith("docx"):
            with zipfile.ZipFile(path) as package:
                assert package.testzip() is None
                for name in package.namelist():
                    if name.endswith(".xml"):
                        lxml.etree.parse(io.BytesIO(package.read(name)))
        elif kind == "xliff":
            lxml.etree.parse(str(path))
