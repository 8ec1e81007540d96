"""Format-independent structure: inline text building, block kinds, title and lead.

Each reader turns its format into a list of :class:`RawBlock` (what the markup says);
:func:`finish_blocks` then applies the rules every format shares, so a release reads the
same whether it came as .txt, .docx or .html: site chrome dropped (chrome.py), the title
found once, quoted speech recognised, the first body paragraph marked as the lead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Block, Span, msg
from . import chrome
from .removed import Removed

#: Invisible characters that only get in the way of matching and MT (soft hyphen,
#: zero-width space/joiner, word joiner, BOM). No-break spaces are kept: typography.
_INVISIBLE = re.compile("[\u00ad\u200b\u200d\u2060\ufeff]")
#: Whitespace collapsed to one space; NBSP (U+00A0) and narrow NBSP (U+202F) are kept.
_SPACE_RUN = re.compile("[ \t\n\r\f\v\u2028\u2029\u1680\u2000-\u200a\u205f\u3000]+")


def clean_inline(text: str) -> str:
    """Drop invisible characters and collapse ordinary whitespace to single spaces."""
    return _SPACE_RUN.sub(" ", _INVISIBLE.sub("", text))


_SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel", "ftp"})
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_URL_JUNK = re.compile(r"[\x00-\x20\x7f]")


def safe_href(url: str | None, allow_relative: bool = False) -> str | None:
    """A link target worth keeping, or None: web, mail and phone links only.

    ``javascript:``, ``data:``, ``vbscript:``, ``file:`` and unknown schemes are dropped;
    control characters and spaces are removed first because browsers ignore them inside
    a scheme ("java<TAB>script:"). Relative links are kept only when asked (HTML), and
    stay relative: ``<base>`` is ignored on purpose. Fragment-only links are dropped.
    """
    if not url:
        return None
    u = _URL_JUNK.sub("", url)
    m = _SCHEME.match(u)
    if m:
        return u if m.group(1).lower() in _SAFE_SCHEMES else None
    if not allow_relative or not u or u.startswith("#"):
        return None
    return u


@dataclass
class RawBlock:
    """A block as one reader saw it, before the shared rules decide its final kind."""

    kind: str  # title | heading | paragraph | quote | list_item
    text: str
    spans: tuple[Span, ...] = ()
    explicit: bool = False  # the kind came from markup (style, tag), not a guess
    blank_after: bool = False  # .txt: followed by an empty line


@dataclass
class Parsed:
    """What a format reader returns: raw blocks plus what it learnt about the file."""

    blocks: list[RawBlock]
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    title_hint: str | None = None  # e.g. HTML <title>, used when no headline is marked


@dataclass
class InlineBuilder:
    """Concatenates styled text pieces into one clean string with remapped spans.

    Pieces are cleaned one at a time (whitespace collapsed across piece borders), so
    a sentence split over bold/italic/link runs comes out as one text plus spans.
    """

    _parts: list[str] = field(default_factory=list)
    _spans: list[tuple[int, int, str, str | None]] = field(default_factory=list)
    _len: int = 0

    def add(self, text: str, styles: tuple[tuple[str, str | None], ...] = ()) -> None:
        """Append ``text`` carrying ``styles`` (pairs of style name and href)."""
        piece = clean_inline(text)
        if not piece:
            return
        if piece.startswith(" ") and (self._len == 0 or self._parts[-1].endswith(" ")):
            piece = piece[1:]
            if not piece:
                return
        start = self._len
        self._parts.append(piece)
        self._len += len(piece)
        for style, href in styles:
            self._spans.append((start, self._len, style, href))

    def __bool__(self) -> bool:
        # add() never stores a leading space, so any stored text is visible text
        return self._len > 0

    def build(self) -> tuple[str, tuple[Span, ...]]:
        """The stripped text and its spans, trimmed to non-space and merged when adjacent."""
        raw = "".join(self._parts)
        text = raw.strip(" ")
        shift = len(raw) - len(raw.lstrip(" "))
        merged: dict[tuple[str, str | None], list[list[int]]] = {}
        for start, end, style, href in sorted(self._spans):
            s, e = max(start - shift, 0), min(end - shift, len(text))
            while s < e and text[s] == " ":
                s += 1
            while e > s and text[e - 1] == " ":
                e -= 1
            if s >= e:
                continue
            runs = merged.setdefault((style, href), [])
            if runs and s <= runs[-1][1] + 1 and not text[runs[-1][1]:s].strip():
                runs[-1][1] = max(runs[-1][1], e)
            else:
                runs.append([s, e])
        spans = [Span(s, e, style, href) for (style, href), runs in merged.items() for s, e in runs]  # type: ignore[arg-type]
        spans.sort(key=lambda sp: (sp.start, sp.end, sp.style))
        return text, tuple(spans)


# --- kinds ------------------------------------------------------------------------------

_PAIRS = {"«": "»", "„": "“", "“": "”", '"': '"'}
# after the closing quote: «…», — подчеркнул X.  /  «…!» — сказал X.
_ATTRIBUTION = re.compile(r"\s*[,.]?\s*[—–-]\s*[а-яё]")
_SPEECH_VERBS = (
    "сказал|сказала|сказали|подчеркнул|подчеркнула|подчеркнули|отметил|отметила|отметили|"
    "заявил|заявила|заявили|добавил|добавила|пояснил|пояснила|рассказал|рассказала|"
    "сообщил|сообщила|уверен|уверена|считает|убежден|убеждён|убеждена|констатировал|"
    "резюмировал|обратился|обратилась|призвал|призвала"
)
# X подчеркнул: «…».
_COLON_QUOTE = re.compile(rf"^[^«]{{1,160}}\b(?:{_SPEECH_VERBS})\b[^«]{{0,80}}:\s*«.+»\s*[.!?…]?$", re.S)
# — Мы готовы, — сказал X.   (dialogue dash)
_DIALOGUE = re.compile(r"^[—–]\s*\S.*?[,!?…]\s*[—–]\s*[а-яё]", re.S)


def _quote_balance(text: str) -> int:
    return text.count("«") - text.count("»")


def _quote_end(t: str) -> int | None:
    """Index of the quote mark closing the quotation that opens at ``t[0]``."""
    close = _PAIRS.get(t[:1])
    if close is None:
        return None
    if t[0] != "«":  # „…“ and “…” do not nest in Russian typography
        pos = t.find(close, 1)
        return pos if pos > 0 else None
    depth = 0
    for i, ch in enumerate(t):
        if ch == "«":
            depth += 1
        elif ch == "»":
            depth -= 1
            if depth == 0:
                return i
    return None


def is_quote(text: str) -> bool:
    """True if a paragraph is quoted speech: «…», — said X. / «…». / X said: «…»."""
    t = text.strip()
    if not t:
        return False
    end = _quote_end(t)
    if end is not None:
        rest = t[end + 1:]
        if _ATTRIBUTION.match(rest):
            return end >= 0.4 * len(t)
        return not rest.strip(" .!?…")
    if _DIALOGUE.match(t):
        return True
    return bool(_COLON_QUOTE.match(t)) and (len(t) - t.index("«")) >= 0.5 * len(t)


def _mark_quotes(blocks: list[RawBlock]) -> None:
    """Mark quoted-speech paragraphs, including a quote continued over paragraphs.

    Russian convention: each continued paragraph opens with «, only the last closes.
    """
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind == "paragraph" and is_quote(b.text):
            b.kind = "quote"
        elif b.kind == "paragraph" and b.text.startswith("«") and _quote_balance(b.text) > 0:
            run = [i]
            j = i + 1
            while j < len(blocks) and j - i <= 6 and blocks[j].kind == "paragraph" and blocks[j].text.startswith("«"):
                run.append(j)
                if _quote_balance(blocks[j].text) <= 0:
                    if _ends_quote(blocks[j].text):
                        for k in run:
                            blocks[k].kind = "quote"
                    break
                j += 1
        i += 1


def _ends_quote(text: str) -> bool:
    """True if the paragraph closes a quotation: ends at » or » plus an attribution."""
    pos = text.rfind("»")
    rest = text[pos + 1:]
    return pos >= 0 and (not rest.strip(" .!?…") or bool(_ATTRIBUTION.match(rest)))


_TERMINAL = ".!?…;:,"


def looks_like_title(text: str, blank_after: bool = False) -> bool:
    """True if a first line reads as a headline: short and without a final period
    (or, in .txt, a short single sentence standing alone before a blank line)."""
    t = text.strip()
    if not t or len(t) > 220 or len(t.split()) > 32:
        return False
    if t[-1] not in _TERMINAL or t.endswith(("?", "!", "...", "…")):
        return True
    return blank_after and t.endswith(".") and not re.search(r"[.!?…]\s+[А-ЯЁA-Z«]", t[:-1])


_MONTHS = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
_DATELINE = re.compile(
    rf"[\d\s.,:/–—-]*(?:(?:{_MONTHS})[\d\s.,:/–—-]*(?:года|г\.)?)?[\d\s.,:/–—-]*", re.I
)


def is_dateline(text: str) -> bool:
    """True for a block that is only a date (and time): «12 марта 2025 года, 14:30»."""
    t = text.strip()
    return len(t) <= 40 and any(c.isdigit() for c in t) and bool(_DATELINE.fullmatch(t))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def finish_blocks(raw: list[RawBlock], title_hint: str | None = None,
                  removed: Removed | None = None) -> tuple[list[Block], str | None]:
    """Apply the shared rules and index the blocks; returns ``(blocks, title)``.

    Each block the rules drop (share/print lines, a breadcrumb trail, a headline repeated
    next to itself) is recorded in ``removed``, so the reader can say so.
    """
    removed = removed if removed is not None else Removed()
    nonempty = [b for b in raw if b.text.strip()]
    blocks = chrome.drop_chrome_blocks(nonempty)
    kept_ids = {id(b) for b in blocks}
    for b in nonempty:
        if id(b) not in kept_ids:
            removed.add(msg("page furniture (share, print, views, tags or breadcrumb lines)"), b.text)
    before_crumbs = blocks
    blocks, crumb_title = chrome.drop_breadcrumbs(blocks)
    for b in before_crumbs[:len(before_crumbs) - len(blocks)]:
        removed.add(msg("breadcrumb trail"), b.text)

    title_pos = next((i for i, b in enumerate(blocks) if b.kind == "title" and b.explicit), None)
    if title_pos is not None:
        for b in blocks[title_pos + 1:]:
            if b.kind == "title":
                b.kind = "heading"
    elif blocks and crumb_title and _norm(blocks[0].text) == _norm(crumb_title):
        title_pos = 0
    elif title_hint and title_hint.strip():
        if blocks and _norm(blocks[0].text) == _norm(title_hint):
            title_pos = 0
        else:
            blocks.insert(0, RawBlock("title", clean_inline(title_hint).strip(), explicit=True))
            title_pos = 0
    elif blocks and (
        (blocks[0].kind == "heading" and blocks[0].explicit)
        or (blocks[0].kind == "paragraph" and looks_like_title(blocks[0].text, blocks[0].blank_after))
    ):
        title_pos = 0
    if title_pos is None and crumb_title:
        blocks.insert(0, RawBlock("title", crumb_title, explicit=True))
        title_pos = 0

    title: str | None = None
    if title_pos is not None:
        tb = blocks[title_pos]
        tb.kind = "title"
        title = tb.text
        # a web copy repeats the headline next to itself (page title, then the <h1>);
        # only adjacent repeats go, a body paragraph equal to the title elsewhere stays
        key = _norm(title)
        while title_pos + 1 < len(blocks) and _norm(blocks[title_pos + 1].text) == key:
            removed.add(msg("headline repeated next to itself"), blocks[title_pos + 1].text)
            del blocks[title_pos + 1]
        while title_pos > 0 and _norm(blocks[title_pos - 1].text) == key:
            removed.add(msg("headline repeated next to itself"), blocks[title_pos - 1].text)
            del blocks[title_pos - 1]
            title_pos -= 1

    _mark_quotes(blocks)
    body_start = 0 if title_pos is None else title_pos + 1
    while body_start < len(blocks) and blocks[body_start].kind == "paragraph" and is_dateline(blocks[body_start].text):
        body_start += 1  # «12 марта 2025 года» under the headline is not the lead
    if body_start < len(blocks) and blocks[body_start].kind == "paragraph":
        blocks[body_start].kind = "lead"
    out = [Block(index=i, kind=b.kind, text=b.text, spans=b.spans) for i, b in enumerate(blocks)]  # type: ignore[arg-type]
    return out, title
