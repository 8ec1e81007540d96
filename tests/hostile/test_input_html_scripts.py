"""Hostile input: active HTML (scripts, frames, handlers, javascript: links, <base>) never
reaches the document model; the visible text around it is kept."""

from __future__ import annotations

from pathlib import Path

from translator_flow.readers import read_document

PAGE = """<!DOCTYPE html><html><head>
<base href="https://evil.example/">
<meta http-equiv="refresh" content="0; url=javascript:alert('meta')">
<script>alert('head-script')</script>
<style>p::after { content: "style-text"; }</style>
</head>
<body onload="alert('body-onload')">
<script type="text/javascript">document.write('written-by-script')</script>
<noscript>noscript-text</noscript>
<article>
<h1 onclick="alert('h1-handler')">Итоги встречи</h1>
<p onmouseover="alert('p-handler')">Первый абзац о <a href="javascript:alert('link')">переговорах</a> в Смоленске.</p>
<p>Второй абзац со <a href="JaVaScRiPt:alert(1)">ссылкой</a>, <a href=" java&#x09;script:alert(2)">ещё одной</a>,
<a href="vbscript:msgbox(3)">третьей</a> и <a href="/news/42">относительной</a>.</p>
<iframe src="https://evil.example/frame" srcdoc="&lt;p&gt;iframe-srcdoc&lt;/p&gt;">iframe-fallback</iframe>
<object data="x.swf">object-text</object><embed src="y.swf">
<svg onload="alert('svg')"><script>alert('svg-script')</script><text>svg-text</text></svg>
<form action="https://evil.example/steal"><input value="input-value"><button>button-text</button>
<textarea>textarea-text</textarea><select><option>option-text</option></select></form>
<template><p>template-text</p></template>
<p>Третий абзац <img src="x" onerror="alert('img')">с картинкой.</p>
<p style="display:none">hidden-text</p>
</article>
<script>alert('tail-script')</script>
</body></html>"""

FORBIDDEN = (
    "alert", "script", "style-text", "written-by-script", "noscript-text", "iframe-srcdoc", "iframe-fallback",
    "object-text", "svg-text", "input-value", "button-text", "textarea-text", "option-text", "template-text",
    "hidden-text", "evil.example", "onload", "onclick", "onerror", "onmouseover",
)


def test_active_content_is_dropped_and_text_kept(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = read_document(path)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("title", "Итоги встречи"),
        ("lead", "Первый абзац о переговорах в Смоленске."),
        ("paragraph", "Второй абзац со ссылкой, ещё одной, третьей и относительной."),
        ("paragraph", "Третий абзац с картинкой."),
    ]
    dump = repr(doc)
    for needle in FORBIDDEN:
        assert needle not in dump.lower(), needle


def test_only_safe_links_survive_and_base_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = read_document(path)
    links = [(b.text[s.start:s.end], s.href) for b in doc.blocks for s in b.spans if s.style == "link"]
    assert links == [("относительной", "/news/42")]  # relative, not resolved against <base>
