"""Plain-text releases: encodings, paragraphs, lists, headings, web copies.

Two layouts occur: one paragraph per line (copied from a web page or a word processor)
and hard-wrapped paragraphs separated by blank lines (mail, old tools). The file decides
which (:func:`is_hard_wrapped`: most line breaks fall mid-sentence, at a similar width).
In a hard-wrapped file a break joins two lines unless the first can end a paragraph; in a
line-per-paragraph file every line is a paragraph, a line without a final full stop
included, and only a line that starts in lower case continues the one before (a sentence
broken by a stray line break).
Known limit: in a hard-wrapped file, a line shorter than 60 characters that ends without
punctuation and is followed by a capitalised line is kept as its own paragraph.
"""

from __future__ import annotations

import re

from ..errors import ReaderError
from .source import check_not_binary, decode_text
from .structure import Parsed, RawBlock, clean_inline

# Bullets are stripped from the text (the writers render list items themselves);
# enumerators ("1.", "2)", "а)") stay, they carry information.
_BULLET = re.compile(r"^[-•·▪◦‣*]\s+(?=\S)")
_ENUM = re.compile(r"^(\d{1,2}[.)]|[а-яa-z]\))\s+(?=\S)")
_EM_DASH_ITEM = re.compile(r"^[—–]\s+(?=\S)")
# a dialogue line: — Мы готовы, — сказал он.
_DIALOGUE = re.compile(r"[,!?…]\s+[—–-]\s+[а-яё]")
# a whole sentence: capital first letter, sentence punctuation last (speech, not a list item)
_SENTENCE = re.compile(r"^[«„\"]?[A-ZА-ЯЁ].*[.!?…][»“\"]?$")
_ENDS_PARAGRAPH = ".!?…:;»\"”)"
_SOFT_WRAP_MIN = 60
# A file is hard-wrapped when at least this share of its inner line breaks fall mid-sentence
# and those lines are of a similar width (within this fraction of the longest).
_WRAPPED_SHARE = 0.6
_WIDTH_SPREAD = 0.35


def is_hard_wrapped(groups: list[list[str]]) -> bool:
    """True when the file's lines were broken at a fixed width inside paragraphs."""
    inner = [line for lines in groups for line in lines[:-1]]  # lines followed by another
    if len(inner) < 2:
        return False
    mid = [line for line in inner if line[-1] not in _ENDS_PARAGRAPH]
    if len(mid) < _WRAPPED_SHARE * len(inner):
        return False
    width = max(len(line) for line in mid)
    similar = [line for line in mid if len(line) >= (1 - _WIDTH_SPREAD) * width]
    return 40 <= width <= 120 and len(similar) >= _WRAPPED_SHARE * len(mid)  # mail/tool widths


def _list_marker(line: str, prev: str | None, nxt: str | None) -> str | None:
    """Return the list item's text if ``line`` is a list item, else None."""
    m = _BULLET.match(line)
    if m and not (line.startswith("-") and _DIALOGUE.search(line)):
        return line[m.end():]
    if _ENUM.match(line):
        return line
    m = _EM_DASH_ITEM.match(line)
    if m and not _DIALOGUE.search(line) and not _SENTENCE.match(line[m.end():]):
        # A dash (em or en) opens direct speech in Russian prose, which keeps its dash: a
        # whole sentence after the dash is speech. Otherwise it is a list item in a run of
        # such lines or when the item ends like one («— посещение завода;»).
        neighbours = [x for x in (prev, nxt) if x and _EM_DASH_ITEM.match(x)]
        if neighbours or line.rstrip().endswith((";", ",")):
            return line[m.end():]
    return None


def parse_text(text: str) -> list[RawBlock]:
    """Split decoded text into raw blocks (paragraphs, list items, headings)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    groups: list[list[str]] = [[]]
    for line in text.split("\n"):
        line = clean_inline(line).strip()
        if line:
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    if not groups[-1]:
        groups.pop()

    wrapped = is_hard_wrapped(groups)
    blocks: list[RawBlock] = []
    first_para: RawBlock | None = None  # the headline candidate wraps by stricter rules
    for g, lines in enumerate(groups):
        group_blocks: list[RawBlock] = []
        for i, line in enumerate(lines):
            prev = lines[i - 1] if i else None
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            item = _list_marker(line, prev, nxt)
            if item is not None:
                group_blocks.append(RawBlock("list_item", item, explicit=True))
                continue
            last = group_blocks[-1] if group_blocks else None
            if last is not None and last.kind == "paragraph" and _soft_wrapped(last.text, line, last is first_para, wrapped):
                last.text = f"{last.text} {line}"
                continue
            block = RawBlock("paragraph", line)
            group_blocks.append(block)
            if first_para is None:
                first_para = block
        if group_blocks:
            group_blocks[-1].blank_after = g + 1 < len(groups)
            if len(group_blocks) == 1 and group_blocks[0] is not first_para and g + 1 < len(groups):
                _maybe_heading(group_blocks[0])
        blocks.extend(group_blocks)
    return blocks


def _soft_wrapped(prev: str, line: str, first_line: bool, wrapped: bool) -> bool:
    """True if the break between ``prev`` and ``line`` is a hard wrap inside a paragraph."""
    if prev[-1] in _ENDS_PARAGRAPH:
        return False
    if not wrapped:  # one paragraph per line: only a broken sentence continues
        return line[0].islower()
    starts_low = line[0].islower() or line[0].isdigit() or line[0] in "(«„\"-–—,"
    if first_line:  # a headline wraps only into a lower-case continuation
        return line[0].islower()
    return starts_low or len(prev) >= _SOFT_WRAP_MIN


def _maybe_heading(block: RawBlock) -> None:
    """A short unpunctuated line standing alone between blank lines is a subheading."""
    t = block.text
    if block.kind == "paragraph" and len(t) <= 80 and len(t.split()) <= 12 and t[-1] not in ".!?…;:," and (t[0].isupper() or t[0].isdigit()):
        block.kind = "heading"


def read(data: bytes, label: str) -> Parsed:
    """Read a .txt release: raw blocks and the detected encoding."""
    text, encoding, warnings = decode_text(data, label)  # BOM, valid UTF-8, then detection
    check_not_binary(text, label)
    blocks = parse_text(text)
    if not blocks:
        raise ReaderError(f"{label} has no text (empty or only whitespace). Check that you picked the right file.")
    return Parsed(blocks, encoding=encoding, warnings=warnings)
