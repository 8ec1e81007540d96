"""Read an edited review DOCX (Word or LibreOffice) back into a :class:`ReviewedFile`.

The round-trip contract (docs/output-format.md): core property ``identifier`` marks the
file, ``comments`` (dc:description) holds the manifest JSON, and the main table is the one
whose header row is exactly ``# | ID | Block | Source (ru) | Draft (<lang>)… | Notes |
Status``. Cell text is read from the XML with tracked changes taken as accepted (insertions
in, deletions out), because python-docx's ``cell.text`` skips text inside ``<w:ins>``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..errors import ReviewImportError
from ..writers.manifest import REVIEW_IDENTIFIER, read_core_properties
from .reviewed import (
    ReviewedFile,
    ReviewedRow,
    checked_langs,
    checked_stem,
    manifest_blocks,
    not_a_review_file,
    validate,
)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DELETED = {_W + "del", _W + "moveFrom"}
_DRAFT = re.compile(r"^Draft \(([A-Za-z-]+)\)$")
_FIXED_HEAD = ["#", "ID", "Block", "Source (ru)"]
_FIXED_TAIL = ["Notes", "Status"]


def _paragraph_text(p: Any) -> str:
    parts: list[str] = []
    for el in p.iter(_W + "t", _W + "tab", _W + "br", _W + "cr", _W + "noBreakHyphen"):
        if el.getparent() is None or el.getparent().tag != _W + "r":
            continue  # e.g. <w:tab> inside <w:tabs> is a tab stop, not a character
        if any(a.tag in _DELETED for a in el.iterancestors()):
            continue
        tag = el.tag
        if tag == _W + "t":
            parts.append(el.text or "")
        elif tag == _W + "tab":
            parts.append("\t")
        elif tag == _W + "noBreakHyphen":
            parts.append("\u2011")
        else:
            parts.append("\n")
    return "".join(parts)


def cell_text(cell: Any) -> str:
    """The text of a table cell as the editor sees it with all tracked changes accepted."""
    return "\n".join(_paragraph_text(p) for p in cell._tc.iterchildren(_W + "p"))


def _header_langs(cells: list[str]) -> list[str] | None:
    """The draft languages if ``cells`` is the main table's header row, else None."""
    n = len(cells)
    if n < 7 or cells[:4] != _FIXED_HEAD or cells[-2:] != _FIXED_TAIL:
        return None
    langs = []
    for text in cells[4:-2]:
        match = _DRAFT.match(text)
        if not match:
            return None
        langs.append(match.group(1))
    return langs


def _manifest(path: Path) -> dict[str, Any]:
    """The manifest JSON in core property ``comments`` (dc:description).

    Properties are read from the package by :func:`writers.manifest.read_core_properties`,
    because python-docx sees none in a file LibreOffice saved (it writes another
    relationship type for them). The manifest itself is the decisive marker; the
    ``identifier``/``category`` properties only tell a damaged review file from a stranger.
    """
    try:
        props = read_core_properties(path)
    except ReviewImportError:
        raise not_a_review_file(path, "it cannot be opened as DOCX") from None
    try:
        manifest = json.loads(props.get("comments", ""))
    except ValueError:
        manifest = None
    if isinstance(manifest, dict) and manifest.get("tool") == "translator-flow":
        return manifest
    if props.get("identifier") == REVIEW_IDENTIFIER or props.get("category", "").startswith("review:"):
        raise not_a_review_file(path, "its manifest (document property Comments) is missing or was edited")
    raise not_a_review_file(path, "its document properties carry no translator-flow review marker")


def read_review_docx(path: Path) -> ReviewedFile:
    """Read and validate an edited review DOCX; raise ReviewImportError naming problems."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    path = Path(path)
    manifest = _manifest(path)
    try:
        doc = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise not_a_review_file(path, f"it cannot be opened as DOCX: {exc}") from None
    except Exception as exc:  # zipfile.BadZipFile, lxml errors on a damaged package
        raise not_a_review_file(path, f"it cannot be opened as DOCX: {exc}") from None
    table = langs = None
    for candidate in doc.tables:
        if not candidate.rows:
            continue
        found = _header_langs([cell_text(c).strip() for c in candidate.rows[0].cells])
        if found is not None:
            table, langs = candidate, found
            break
    if table is None or langs is None:
        raise not_a_review_file(path, "it has no table with the header "
                                "«# | ID | Block | Source (ru) | Draft (…) | Notes | Status»")
    expected = [str(lang) for lang in manifest.get("langs", [])]
    if expected and expected != langs:
        raise not_a_review_file(path, f"its table has drafts for {', '.join(langs)} but the file was "
                                f"written for {', '.join(expected)}; were Draft columns added or removed?")
    try:
        blocks = {str(s[0]): int(s[1]) for s in manifest["segments"]}
    except (KeyError, TypeError, ValueError, IndexError):
        raise not_a_review_file(path, "its segment manifest is missing or damaged") from None
    rows: list[ReviewedRow] = []
    width = 6 + len(langs)
    status_col = width - 1
    for number, row in enumerate(table.rows[1:], 1):
        cells = row.cells
        if len(cells) < width:
            texts = [cell_text(c) for c in cells]
            if any(t.strip() for t in texts):
                rows.append(ReviewedRow("", -1, "", " ".join(texts), {}, row=number))
            continue
        texts = [cell_text(c) for c in cells[:width]]
        seg_id, source = texts[1].strip(), texts[3]
        drafts = {lang: texts[4 + n] for n, lang in enumerate(langs)}
        if not seg_id and not source.strip() and not any(d.strip() for d in drafts.values()):
            continue  # a blank row an editor added changes nothing
        rows.append(ReviewedRow(seg_id, blocks.get(seg_id, -1), texts[2].strip(), source, drafts,
                                status=texts[status_col].strip(), row=number))
    validate(path, manifest, rows)
    return ReviewedFile(
        path=path,
        format="docx",
        langs=checked_langs(path, langs),
        stem=checked_stem(manifest, path),
        rows=tuple(rows),
        blocks=manifest_blocks(manifest),
        signature=manifest.get("signature") or {},
    )
