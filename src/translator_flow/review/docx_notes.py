"""Editors' Word/LibreOffice comments in a review DOCX, by the table row they are on.

Comments live in ``word/comments.xml`` (id, author, paragraphs); the document marks where
each sits with ``w:commentRangeStart`` / ``w:commentReference`` carrying the same id. Word
and LibreOffice both write these (LibreOffice's DOCX export tested). Comments by
translator-flow's own QA author are the findings translate wrote, not editors' remarks,
and are skipped (docs/output-format.md, "Comments").
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..writers.common import QA_AUTHOR

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ID = _W + "id"
_COMMENTS_PART = "word/comments.xml"


def _comments(path: Path) -> dict[str, str]:
    """Comment id → "author: text" for every comment not written by translator-flow QA."""
    from lxml import etree

    try:
        with zipfile.ZipFile(path) as package:
            if _COMMENTS_PART not in package.namelist():
                return {}
            data = package.read(_COMMENTS_PART)
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except (OSError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return {}  # the document itself was readable; a damaged comments part loses only comments
    found = {}
    for comment in root.iterchildren(_W + "comment"):
        author = comment.get(_W + "author", "").strip()
        if author == QA_AUTHOR:
            continue
        paragraphs = ["".join(t.text or "" for t in p.iter(_W + "t")) for p in comment.iter(_W + "p")]
        text = " ".join(" ".join(p.split()) for p in paragraphs if p.strip())
        if text:
            found[comment.get(_ID, "")] = f"{author or 'comment'}: {text}"
    return found


def _ids(element: Any) -> list[str]:
    ids = [el.get(_ID, "") for el in element.iter(_W + "commentRangeStart", _W + "commentReference")]
    return list(dict.fromkeys(ids))


def editor_comments(path: Path, body: Any, rows: Sequence[Any]) -> tuple[dict[int, tuple[str, ...]], tuple[str, ...]]:
    """({index in ``rows``: notes}, notes elsewhere in the document) of editors' comments.

    ``rows`` are the main table's ``w:tr`` elements; a comment whose anchor starts in a row
    belongs to it, any other (summary, title, legend) is a note on the whole release.
    """
    comments = _comments(path)
    if not comments:
        return {}, ()
    per_row: dict[int, tuple[str, ...]] = {}
    placed: set[str] = set()
    for n, tr in enumerate(rows):
        ids = [i for i in _ids(tr) if i in comments and i not in placed]
        if ids:
            per_row[n] = tuple(comments[i] for i in ids)
            placed.update(ids)
    elsewhere = [i for i in _ids(body) if i in comments and i not in placed]
    # A comment the document no longer anchors (its text was deleted) is still the editor's.
    orphans = [i for i in comments if i not in placed and i not in elsewhere]
    return per_row, tuple(comments[i] for i in [*elsewhere, *orphans])
