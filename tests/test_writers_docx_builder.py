"""The lxml DOCX builder writes what python-docx would write for the same calls.

The writers build WordprocessingML directly for speed (issue 7); the review round trip and
every DOCX consumer read it with python-docx, so python-docx's own API is the oracle here:
run text (tabs, line breaks, spaces), run formatting, comments, and the package itself.
"""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.enum.text import WD_UNDERLINE
from docx.shared import Pt, RGBColor
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from report_factory import build_report

from translator_flow.writers import docx_package
from translator_flow.writers.common import QA_AUTHOR, cell_text
from translator_flow.writers.docx_util import HIGHLIGHTS, DocxBuilder, append_text
from translator_flow.writers.publish import render_publish_docx
from translator_flow.writers.review_docx import render_review_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
texts = st.text(alphabet=st.sampled_from(list("аб c\t\n\r\u00a0ў.«»")), max_size=12)


def _c14n(element) -> tuple:
    """Tag, attributes, text and children: the XML without namespace declarations."""
    # Re-parsed plainly: python-docx's element classes redefine ``.text``.
    return _shape(etree.fromstring(etree.tostring(element)))


def _shape(e) -> tuple:
    return (e.tag, sorted(e.attrib.items()), e.text, [_shape(child) for child in e])


def _oracle_run(text: str, **fmt):
    """A run made with python-docx's API, the way the writers used to make it."""
    run = docx.Document().add_paragraph().add_run(cell_text(text) if text else "")
    classes = fmt.get("classes", frozenset())
    if "term-check" in classes:
        run.font.underline = WD_UNDERLINE.WAVY
    elif "term" in classes:
        run.font.underline = WD_UNDERLINE.SINGLE
    fill = next((value for cls, value in HIGHLIGHTS if cls in classes), None)
    if fill:  # python-docx has no run-shading API: the element as Word writes it, after w:u
        rpr = run._r.get_or_add_rPr()
        rpr.append(rpr.makeelement(f"{W}shd", {f"{W}val": "clear", f"{W}color": "auto", f"{W}fill": fill}))
    if fmt.get("bold"):
        run.bold = True
    if fmt.get("italic"):
        run.italic = True
    if fmt.get("color"):
        run.font.color.rgb = RGBColor.from_string(fmt["color"])
    if fmt.get("size"):
        run.font.size = Pt(fmt["size"])
    if fmt.get("lang"):
        lang = run._r.get_or_add_rPr().makeelement(f"{W}lang", {f"{W}val": {"be": "be-BY", "ru": "ru-RU"}[fmt["lang"]]})
        run._r.get_or_add_rPr().append(lang)
    return run._r


@settings(max_examples=150, deadline=None)
@given(texts)
def test_run_text_is_what_python_docx_writes(text: str) -> None:
    ours = etree.Element(f"{W}r")
    append_text(ours, text)
    theirs = docx.Document().add_paragraph().add_run()
    theirs.text = text
    assert _c14n(ours) == _c14n(theirs._r)


@settings(max_examples=60, deadline=None)
@given(text=texts, classes=st.sets(st.sampled_from([c for c, _ in HIGHLIGHTS] + ["issue"])),
       bold=st.booleans(), italic=st.booleans(), color=st.sampled_from([None, "C00000", "9C4F00"]),
       size=st.sampled_from([None, 8, 16]), lang=st.sampled_from(["", "be", "ru"]))
def test_run_formatting_is_what_python_docx_writes(text, classes, bold, italic, color, size, lang) -> None:
    fmt = {"classes": frozenset(classes), "bold": bold, "italic": italic, "color": color, "size": size, "lang": lang}
    builder = DocxBuilder(landscape=False, font_size=11)
    ours = builder.run(builder.paragraph(), text, **fmt)
    assert _c14n(ours) == _c14n(_oracle_run(text, **fmt))


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \t\n\r")), min_size=1, max_size=10))
def test_comment_is_what_python_docx_writes(text: str) -> None:
    builder = DocxBuilder(landscape=True, font_size=9.5)
    ours_p = builder.paragraph()
    builder.comment([builder.run(ours_p, "x")], text, author=QA_AUTHOR, initials="QA")
    oracle = docx.Document()
    theirs_p = oracle.add_paragraph()
    oracle.add_comment([theirs_p.add_run("x")], text=text, author=QA_AUTHOR, initials="QA")
    theirs_comment = oracle.comments.get(0)._comment_elm
    ours_comment = builder._comments[0]
    for element in (ours_comment, theirs_comment):
        element.attrib.pop(f"{W}date")
    assert _c14n(ours_comment) == _c14n(theirs_comment)
    assert _c14n(ours_p) == _c14n(theirs_p._p)  # range start, run, range end, reference


def test_review_without_findings_has_no_comments_part_and_opens() -> None:
    report = build_report([("title", ["Заголовок"]), ("paragraph", ["Первое.", "Второе."])],
                          {"be": ["Загаловак", "Першае.", "Другое."]})
    data = render_review_docx(report, ["be"], stem="clean")
    assert "word/comments.xml" not in zipfile.ZipFile(io.BytesIO(data)).namelist()
    document = docx.Document(io.BytesIO(data))
    assert not any(rel.reltype.endswith("/comments") for rel in document.part.rels.values())
    assert document.core_properties.identifier == "translator-flow-review"
    assert [c.text.split()[0] for c in document.tables[-1].rows[2].cells[:2]] == ["2", "b1s0"]


def test_the_template_is_built_once_per_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = docx.Document
    monkeypatch.setattr(docx, "Document", lambda *a, **k: calls.append(a) or real(*a, **k))
    docx_package.template.cache_clear()
    report = build_report([("title", ["Заголовок"]), ("paragraph", ["Текст."])], {"be": ["Загаловак", None]})
    for _ in range(5):
        render_review_docx(report, ["be"], stem="r")
        render_publish_docx(report, "be")
    assert len(calls) == 3  # review, review with comments, publish: never one per document
