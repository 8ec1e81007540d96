"""Review and publishable HTML: completeness, the issue panel, and that no input runs as markup."""

from __future__ import annotations

import re

import lxml.html
import pytest
from report_factory import HOSTILE, sample_report

from translator_flow.writers.common import UNTRANSLATED_MARK, clean_text
from translator_flow.writers.json_report import report_to_dict
from translator_flow.writers.publish import render_publish_html
from translator_flow.writers.review_html import css_token, render_review_html

ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "main", "section", "div", "h1", "h2",
                "p", "b", "i", "span", "a", "small", "table", "caption", "colgroup", "col", "thead", "tbody", "tr",
                "th", "td", "ul", "li", "article", "blockquote", "mark"}
ALLOWED_ATTRS = {"class", "id", "href", "title", "lang", "charset", "name", "content", "http-equiv", "style"}


def _parse(html: str):
    return lxml.html.document_fromstring(html)


def _assert_only_our_markup(root) -> None:
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue  # comments
        assert el.tag in ALLOWED_TAGS, f"unexpected element <{el.tag}>"
        for name, value in el.attrib.items():
            assert name in ALLOWED_ATTRS, f"unexpected attribute {name} on <{el.tag}>"
            assert not name.lower().startswith("on")
            assert "javascript:" not in value.lower() or name in ("title", "content")
            if name == "href":
                assert value.startswith("#"), value
            if name == "style":
                assert el.tag == "col" and re.fullmatch(r"width:[0-9.]+(rem|%)", value)
    style = root.xpath("//style")
    assert len(style) == 1 and "<" not in style[0].text and "url(" not in style[0].text and "@import" not in style[0].text


def _assert_csp(root, *, script_none: bool = True) -> None:
    (csp,) = root.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert "default-src 'none'" in csp and "http" not in csp and "connect-src" not in csp
    assert "script-src 'none'" in csp if script_none else True
    assert not root.xpath("//script | //link | //img | //iframe | //object | //embed | //form | //base")


@pytest.fixture(scope="module")
def report():
    return sample_report()


@pytest.fixture(scope="module")
def be_root(report):
    return _parse(render_review_html(report, ["be"], stem="release"))


def test_every_segment_row_in_order_with_source_and_draft(report, be_root) -> None:
    rows = be_root.xpath("//table[@class='segs']/tbody/tr")
    assert [r.get("id") for r in rows] == [f"seg-{s.id}" for s in report.segments]
    drafts = {t.segment_id: t for t in report.translations["be"].targets}
    for row, seg in zip(rows, report.segments):
        assert row.xpath("string(td[@class='src'])") == seg.source
        draft = row.xpath("string(td[@class='draft'])").strip()
        target = drafts[seg.id]
        assert draft == (UNTRANSLATED_MARK if target.status == "untranslated" else target.text)


def test_every_json_issue_appears_in_the_review(report) -> None:
    for langs in (["be"], ["en"], ["be", "en"]):
        root = _parse(render_review_html(report, langs, stem="release"))
        text = root.text_content()
        for issue in report_to_dict(report)["issues"]:
            if issue["lang"] in langs:
                assert issue["message"] in text and issue["check"] in text


def test_issue_panel_filters_and_jumps(report, be_root) -> None:
    style = be_root.xpath("string(//style)")
    anchors = set(be_root.xpath("//main/i[@class='fa']/@id"))
    ids = set(be_root.xpath("//@id"))
    for href in be_root.xpath("//a/@href"):
        assert href == "#all" or href[1:] in ids, href  # every link lands somewhere
    for issue in report.translations["be"].issues:
        if not issue.segment_id:
            continue
        cls = f"q-be-c-{css_token(issue.check)}"
        row = be_root.xpath(f"//tr[@id='seg-{issue.segment_id}']")[0]
        assert cls in row.get("class").split()
        fid = "f" + cls[1:]
        assert fid in anchors and f"#{fid}:target ~ table.segs > tbody > tr:not(.{cls})" in style
        assert be_root.xpath(f"//section[@id='panel']//a[@href='#{fid}']")
    attention = be_root.xpath("//p[@class='attention']/a[starts-with(@href, '#seg-')]/text()")
    assert attention == ["b1s0", "b2s0", "b3s0"]


def test_highlights_match_marks_and_terms(report, be_root) -> None:
    row = be_root.xpath("//tr[@id='seg-b2s0']")[0]
    assert row.xpath("td[@class='draft']//span[contains(@class,'hl-mark-unknown')]/text()") == ["Белтрансэкспедиция"]
    row = be_root.xpath("//tr[@id='seg-b1s0']")[0]
    assert "Мінскай вобласці" in row.xpath("td[@class='draft']//span[contains(@class,'hl-term')]/text()")
    assert "Минской области" in row.xpath("td[@class='src']//span[contains(@class,'hl-term')]/text()")


def test_meta_generator_and_csp(be_root, report) -> None:
    _assert_csp(be_root)
    (generator,) = be_root.xpath("//meta[@name='generator']/@content")
    assert report.translations["be"].signature.as_text() in generator


def test_hostile_input_never_becomes_markup() -> None:
    report = sample_report(hostile=True)
    for langs in (["be"], ["en"], ["be", "en"]):
        html = render_review_html(report, langs, stem="x")
        root = _parse(html)
        _assert_only_our_markup(root)
        _assert_csp(root)
        text = root.text_content()
        for hostile in HOSTILE:
            assert clean_text(hostile) in text
        assert "\x0b" not in html and "\x00" not in html
        for issue in report.issues():
            if issue.lang in langs:
                assert issue.message in text
        assert "alert(7)" in root.xpath("string(//title)")  # the hostile title is text inside <title>


def test_publishable_html_structure(report) -> None:
    root = _parse(render_publish_html(report, "be"))
    _assert_only_our_markup(root)
    _assert_csp(root)
    article = root.xpath("//article")[0]
    assert [el.tag for el in article] == ["h1", "p", "p", "blockquote", "h2", "ul", "p"]
    assert article[1].get("class") == "lead"
    assert len(article.xpath("ul/li")) == 2
    (untranslated,) = article.xpath("blockquote//mark[@class='untranslated']/text()")
    assert untranslated.startswith("[NOT TRANSLATED: «Мы рассчитываем")
    assert not root.xpath("//*[contains(@class,'hl-')]")
    assert root.get("lang") == "be"


def test_publishable_html_hostile() -> None:
    report = sample_report(hostile=True)
    for lang in ("be", "en"):
        root = _parse(render_publish_html(report, lang))
        _assert_only_our_markup(root)
        assert HOSTILE[1] in root.text_content()
