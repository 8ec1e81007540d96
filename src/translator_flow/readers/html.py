"""HTML releases: find the article, drop the page around it, keep structure and spans.

Parsing is text extraction only: libxml2's HTML parser with network access off; a
DOCTYPE (and any entity declarations in it) is removed before parsing and never
resolved; scripts, frames, forms, event handlers, ``<base>`` and unsafe link schemes
never reach the document model. Main content: ``<article>`` (the longest one), else
``<main>``/``role=main``, else the element holding most of the page's prose (text outside
links, so ``<div>`` and ``<br><br>`` bodies count and menus do not); then the smallest
ancestor of the ``<h1>`` still holding 80% of it. An article's ``<header>`` (lead) and a
fact-box ``<aside>`` are kept. Everything dropped is listed in the warnings (removed.py).
Chosen by measurement against trafilatura and jusText: benchmarks/html_content.py.
"""

from __future__ import annotations

import re

from ..errors import ReaderError
from ..model import msg
from .chrome import CHROME_CLASS
from .removed import Removed
from .source import check_not_binary, decode_text
from .structure import InlineBuilder, Parsed, RawBlock, clean_inline, safe_href

#: Elements whose whole subtree is never release text.
DROP_TAGS = frozenset(
    ["script", "style", "nav", "header", "footer", "form", "iframe", "frame", "frameset", "noscript", "aside", "button", "svg", "math", "template", "object", "embed", "applet", "canvas", "select", "option", "input", "textarea", "label", "link", "meta", "base", "head", "title", "audio", "video", "source", "track", "map", "area", "dialog", "menu", "img", "picture"]
)
#: Elements that start a new block.
BLOCK_TAGS = frozenset(
    ["p", "div", "section", "article", "main", "body", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "ul", "ol", "dl", "dt", "dd", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "figure", "figcaption", "address", "center", "hr", "details", "summary", "header", "aside"]
)
#: Drop tags that _strip_chrome keeps when they hold release text (see _is_chrome).
_KEPT_DROP_TAGS = frozenset(["header", "aside"])
_BOLD = frozenset({"b", "strong"})
_ITALIC = frozenset({"i", "em"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_DOCTYPE = re.compile(r"^\s*(<\?xml[^>]*\?>)?\s*(<!--.*?-->\s*)*<!DOCTYPE[^\[>]*(\[.*?\])?\s*>", re.I | re.S)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_CHROME_MAX_TEXT = 500  # characters of paragraph text a chrome-classed element may hold
_TITLE_SEP = re.compile(r"\s+(?:\||::|//)\s+")


def _is_hidden(el) -> bool:
    return (
        el.get("hidden") is not None
        or el.get("aria-hidden", "").lower() == "true"
        or bool(_HIDDEN_STYLE.search(el.get("style", "")))
    )


_FACT_BOX = re.compile(r"fact|note|info|spravka|sprav|quote|box|inset|callout", re.I)


def _holds_headline(el) -> bool:
    return el.find(".//h1") is not None


def _is_chrome(el) -> bool:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in DROP_TAGS:
        # an article's own <header> holds its headline, date and often the lead; the page
        # header is chrome. An <aside> fact box («Справка») is part of the release.
        if tag == "header":
            return not (_holds_headline(el) or any(a.tag in ("article", "main") for a in el.iterancestors()))
        if tag == "aside":
            return not _FACT_BOX.search(f"{el.get('class', '')} {el.get('id', '')}")
        return True
    if el.get("role", "").lower() in ("navigation", "banner", "contentinfo", "complementary", "search"):
        return True
    if _is_hidden(el):
        return True
    cls = f"{el.get('class', '')} {el.get('id', '')}"
    if not cls.strip() or not CHROME_CLASS.search(cls):
        return False
    # a class like "content-with-sidebar" or <article class="post social"> must not take
    # the release with it: chrome never holds the page's headline or paragraphs of text
    return tag not in ("article", "main") and not _holds_headline(el) and _text_len(el, ("p", "blockquote")) < _CHROME_MAX_TEXT


#: HTML5 void elements that libxml2's HTML 4 parser may treat as containers (it wraps
#: everything after an <embed> into it): remove the tag only, keep what it "contains".
_VOID_UNWRAP = frozenset(["area", "base", "col", "embed", "img", "input", "link", "meta", "param", "source", "track", "wbr"])


#: Dropped tags whose text a reader sees on the page and the warning may quote.
_QUOTED_DROPS = frozenset(["nav", "header", "footer", "aside", "menu"])
_IMAGES = frozenset(["img", "picture", "svg", "canvas", "object", "embed"])


def _strip_chrome(root, removed: Removed) -> None:
    """Remove chrome, hidden and non-text elements in document order, recording each in
    ``removed``; an explicit stack, so a deeply nested page cannot exhaust the C stack."""
    stack = list(reversed(root))
    while stack:
        el = stack.pop()
        children = list(el)
        if not isinstance(el.tag, str):  # comments, processing instructions
            _drop(el)
            continue
        if el.tag in _VOID_UNWRAP:
            if el.tag == "img":
                removed.images += 1
            el.drop_tag()
        elif _is_chrome(el):
            # active and form content (frames, objects, controls, templates) and hidden
            # text are never quoted: what a page hides must not reach the review either
            if el.tag in _IMAGES:
                removed.images += 1
            elif _is_hidden(el):
                removed.hidden(_words(el))
            elif el.tag in _QUOTED_DROPS or el.tag not in DROP_TAGS:
                removed.add(msg("page chrome (menus, share bars, teasers, footers, banners)"), _words(el), _prose_len(el))
            _drop(el)
            continue
        stack.extend(reversed(children))


def _words(el) -> str:
    # itertext, not text_content: menu items in separate elements must not run together
    return " ".join(" ".join(el.itertext()).split())


def _record_outside(main, body, removed: Removed) -> None:
    """Record the text of every element beside the main container's ancestor line."""
    node = main
    while node is not body and node.getparent() is not None:
        parent = node.getparent()
        for sib in parent.iterchildren():
            if sib is not node and isinstance(sib.tag, str):
                removed.add(msg("text outside the release's container"), _words(sib), _prose_len(sib))
        node = parent


def _drop(el) -> None:
    """Remove an element but keep its tail text (the text after it belongs to the parent)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _text_len(el, tags: tuple[str, ...] = ("p", "blockquote", "li")) -> int:
    return sum(len(" ".join(p.text_content().split())) for p in el.iter(*tags))


def _prose_len(el) -> int:
    """Characters of text outside links: release text in <p>, <div> or <br>-separated
    runs counts, menus and teaser headlines (all links) do not."""
    links = sum(len(" ".join(a.text_content().split())) for a in el.iter("a"))
    return max(0, len(" ".join(el.text_content().split())) - links)


def _main_container(body):
    """The element holding the release: a semantic container when it holds at least
    half of the page's prose, else the deepest element holding 80% of it; then, when the
    <h1> is inside, the smallest ancestor of the <h1> that still holds 80% of that prose."""
    main = _main_by_text(body)
    h1 = main.find(".//h1")
    if h1 is not None:
        main = _beside_link_lists(main, h1)
    if h1 is not None and h1 is not main:
        total = _prose_len(main)
        for anc in h1.iterancestors():
            if anc is main:
                break
            if total and _prose_len(anc) >= 0.8 * total:
                return anc
    return main


def _beside_link_lists(node, h1):
    """Descend toward the <h1> while the child holding it has most of the prose and every
    other child with text is a list of links (teasers, related news: two links or more);
    a sibling with one link or none (contacts, a second part of the release) stops it."""
    while True:
        total = _prose_len(node)
        child = next((c for c in node.iterchildren() if isinstance(c.tag, str) and h1 in c.iter()), None)
        if child is None or child is h1 or not total or _prose_len(child) < 0.5 * total:
            return node
        others = [c for c in node.iterchildren() if c is not child and isinstance(c.tag, str) and _prose_len(c)]
        if not others or any(len(c.findall(".//a")) < 2 for c in others):
            return node
        node = child


def _main_by_text(body):
    """The semantic container or the deepest element holding most of the page's prose."""
    total = _prose_len(body)
    candidates = body.findall(".//article") or [
        el for el in body.iter() if el.tag == "main" or el.get("role", "").lower() == "main" or el.get("itemprop") == "articleBody"
    ]
    if candidates:
        best = max(candidates, key=_prose_len)
        if _prose_len(best) >= 0.5 * total and total:
            return best
    # descend into the child holding most (80%) of the paragraph text; stop where the
    # text is spread over several children, so no paragraph of the release is cut off
    node = body
    while total:
        child = next((c for c in node.iterchildren() if isinstance(c.tag, str) and _prose_len(c) >= 0.8 * total), None)
        if child is None:
            break
        node, total = child, _prose_len(child)
    return node


class _Collector:
    """Walks block and inline elements, emitting one RawBlock per block of text."""

    def __init__(self) -> None:
        self.blocks: list[RawBlock] = []
        self._builder = InlineBuilder()
        self._kind = "paragraph"
        self._explicit = False
        self._last_br = False

    def flush(self) -> None:
        if self._builder:
            text, spans = self._builder.build()
            self.blocks.append(RawBlock(self._kind, text, spans, explicit=self._explicit))
        self._builder = InlineBuilder()
        self._last_br = False

    def _add(self, text: str | None, kind: str, explicit: bool, styles: tuple) -> None:
        if not text:
            return
        if not self._builder:
            self._kind, self._explicit = kind, explicit
        if text.strip():
            self._last_br = False
        self._builder.add(text, styles)

    def walk(self, el, kind: str, explicit: bool, styles: tuple) -> None:
        self._add(el.text, kind, explicit, styles)
        for child in el.iterchildren():
            tag = child.tag if isinstance(child.tag, str) else ""
            # an article's <header> and a fact-box <aside> survive _strip_chrome: walk them
            if tag and (tag not in DROP_TAGS or tag in _KEPT_DROP_TAGS):
                if tag in BLOCK_TAGS:
                    self.flush()
                    ckind, cexplicit = _block_kind(tag, kind, explicit)
                    self.walk(child, ckind, cexplicit, ())
                    self.flush()
                elif tag == "br":
                    if self._last_br:  # <br><br> separates paragraphs in copied CMS text
                        self.flush()
                    else:
                        self._add("\n", kind, explicit, ())
                        self._last_br = True
                else:
                    self.walk(child, kind, explicit, styles + _inline_styles(child))
            self._add(child.tail, kind, explicit, styles)


def _block_kind(tag: str, ctx: str, ctx_explicit: bool) -> tuple[str, bool]:
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return "heading", True
    if tag == "blockquote":
        return "quote", True
    if tag in ("li", "dd"):
        return "list_item", True
    if tag in ("td", "th", "caption", "figcaption"):
        return "paragraph", False
    if ctx in ("quote", "list_item"):
        return ctx, ctx_explicit
    return "paragraph", False


def _inline_styles(el) -> tuple:
    tag = el.tag
    if tag in _BOLD:
        return (("bold", None),)
    if tag in _ITALIC:
        return (("italic", None),)
    if tag == "a":
        href = safe_href(el.get("href"), allow_relative=True)
        return (("link", href),) if href else ()
    return ()


def _decode(data: bytes, label: str) -> tuple[str, str, list[str]]:
    m = _META_CHARSET.search(data[:4096])
    declared = m.group(1).decode("ascii", "replace") if m else None
    # one charset order for every format (source.decode_text): BOM, valid UTF-8, the
    # declared charset, detection; each overridden declaration is warned
    text, encoding, warnings = decode_text(data, label, declared=declared)
    d = _DOCTYPE.match(text)
    if d:
        if d.group(3):
            warnings.append(msg("{label}: ignored a DOCTYPE with entity declarations (never resolved or fetched).",
                                label=label))
        text = text[d.end():]
    else:
        text = _XML_DECL.sub("", text, count=1)
    return text, encoding, warnings


def read(data: bytes, label: str) -> Parsed:
    """Read an .html/.htm release into raw blocks; the <h1> (else <title>) is the title."""
    import lxml.html
    from lxml import etree

    text, encoding, warnings = _decode(data, label)
    check_not_binary(text, label)
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, default_doctype=False)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        raise ReaderError(f"{label} has no readable HTML content. Check that you picked the right file.") from None
    title_el = root.find(".//head/title")
    page_title = clean_inline(title_el.text_content()).strip() if title_el is not None else ""
    page_title = _TITLE_SEP.split(page_title)[0] if page_title else ""
    body = root.find("body")
    if body is None:
        body = root
    removed = Removed()
    _strip_chrome(body, removed)
    main = _main_container(body)

    blocks: list[RawBlock] = []  # the <h1> first: it may sit outside the main container
    h1 = main.find(".//h1")
    if h1 is None:
        h1 = body.find(".//h1")
    if h1 is not None:
        c = _Collector()
        c.walk(h1, "title", True, ())
        c.flush()
        if c.blocks:
            blocks.append(RawBlock("title", " ".join(b.text for b in c.blocks), c.blocks[0].spans, explicit=True))
        if h1 is not main:
            _drop(h1)
    collector = _Collector()
    collector.walk(main, "paragraph", False, ())
    collector.flush()
    blocks.extend(collector.blocks)
    if not blocks:
        raise ReaderError(f"{label} has no text in its page body. Check that you picked the right file.")
    _record_outside(main, body, removed)
    kept = sum(len(" ".join(b.text.split())) for b in blocks)
    warnings.extend(removed.warnings(label, kept + removed.chars, kept))
    has_title = bool(blocks) and blocks[0].kind == "title"
    return Parsed(blocks, encoding=encoding, warnings=warnings, title_hint=None if has_title else page_title or None)
