"""Navigation inside a DOCX: bookmarks on table rows and links that jump to them.

The review's "needs attention" list links every entry to a bookmark on its row, so an
editor clicks (Word: Ctrl+click) from the summary to the segment. Bookmark names must
start with a letter and hold at most 40 letters, digits or underscores (Word drops others).
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from .docx_util import W_NS, DocxBuilder

_NAME_BAD = re.compile(r"[^A-Za-z0-9_]")
LINK_COLOR = "1F4E79"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def bookmark_name(segment_id: str) -> str:
    """The bookmark of a segment row: ``seg_<id>`` with characters Word refuses as ``_``."""
    return ("seg_" + _NAME_BAD.sub("_", segment_id))[:40]


class Bookmarks:
    """Bookmark ids of one document (unique, counted from 0) and the names already used."""

    def __init__(self) -> None:
        self._names: set[str] = set()

    def add(self, paragraph: Any, name: str) -> str:
        """Put an empty bookmark ``name`` at the start of ``paragraph``; a name already used
        gets a ``_2``… suffix. Returns the name given."""
        base, n = name, 1
        while name in self._names:
            n += 1
            name = f"{base[:36]}_{n}"
        bid = str(len(self._names))
        self._names.add(name)
        start = etree.Element(_w("bookmarkStart"), {_w("id"): bid, _w("name"): name})
        end = etree.Element(_w("bookmarkEnd"), {_w("id"): bid})
        ppr = paragraph.find(_w("pPr"))
        at = 0 if ppr is None else 1  # after the paragraph properties, which come first
        paragraph.insert(at, start)
        paragraph.insert(at + 1, end)
        return name


def internal_link(doc: DocxBuilder, paragraph: Any, text: str, anchor: str, *, color: str = LINK_COLOR,
                  bold: bool = False) -> Any:
    """A run of ``text`` in a ``w:hyperlink`` that jumps to bookmark ``anchor``; returns the link."""
    link = etree.SubElement(paragraph, _w("hyperlink"), {_w("anchor"): anchor, _w("history"): "1"})
    run = doc.run(paragraph, text, bold=bold, color=color)
    link.append(run)  # moved from the paragraph into the hyperlink
    # doc.run wrote b and color only: w:u belongs after them in the rPr sequence.
    etree.SubElement(run.find(_w("rPr")), _w("u"), {_w("val"): "single"})
    return link
