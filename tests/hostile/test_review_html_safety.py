"""Markup from a release never becomes markup in the review HTML (real reader, engine, writer).

A copied page may carry scripts, handlers and javascript: links, and its *text* may spell out
tags (`&lt;script&gt;`). The reader drops the former; the latter must reach the review only as
escaped text, whatever the engine does with it.
"""

from __future__ import annotations

from pathlib import Path

from lxml import html as lxml_html

from translator_flow.config import Settings
from translator_flow.pipeline import Pipeline

PAGE = """<!DOCTYPE html><html><head><title>Визит</title><base href="http://evil.example/">
<script>alert('head')</script></head><body onload="alert(1)">
<article><h1>Визит делегации</h1>
<p>Делегация прибыла в Минск <img src=x onerror="alert(2)">утром.</p>
<p>В тексте письма было &lt;script&gt;alert(3)&lt;/script&gt; и ссылка
<a href="javascript:alert(4)">сюда</a>.</p>
<p>Атрибут &lt;img src=x onerror=alert(5)&gt; тоже остался текстом.</p>
<iframe src="http://evil.example/"></iframe></article></body></html>"""


def test_no_markup_from_the_release_survives_in_the_review(tmp_path: Path) -> None:
    source = tmp_path / "visit.ru.html"
    source.write_text(PAGE, encoding="utf-8")
    settings = Settings(targets=("be",), glossary=(), tm_dir=None, out_dir=tmp_path / "out")
    with Pipeline(settings) as pipeline:
        report = pipeline.translate_and_write(source)
    assert any("<script>" in s.source for s in report.segments)  # the text kept its words
    for name in ("visit.be.review.html", "visit.be.html"):
        page = lxml_html.fromstring((tmp_path / "out" / name).read_bytes())
        assert not page.xpath("//script | //iframe | //base | //img | //object | //embed")
        for element in page.iter():
            if not isinstance(element.tag, str):
                continue
            assert not [a for a in element.attrib if a.lower().startswith("on")], element.tag
            for attribute in ("href", "src", "action"):
                assert not element.get(attribute, "").strip().lower().startswith("javascript:")
        assert "alert(3)" in page.text_content()  # shown as text, not run
        policy = page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
        if name.endswith("review.html"):
            assert policy and "default-src 'none'" in policy[0]
