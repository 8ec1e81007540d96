"""Read an edited review DOCX (Word or LibreOffice) back into a :class:`ReviewedFile`.

The round-trip contract (docs/output-format.md): core property ``identifier`` marks the
file, ``comments`` (dc:description) holds the manifest JSON, and the main table is the one
whose header row is exactly ``# | ID | Block | Source (ru) | Draft (<lang>)… | Notes |
Status`` in one of the interface languages (``--ui-lang``; Block cells are read back
into block kinds the same way). When Word cut the manifest (it keeps 255 characters of a property), the manifest
is rebuilt from the table's ID cells and the facts line in ``keywords``
(:mod:`.table_manifest`). Cell text is read from the XML with tracked changes taken as
accepted (insertions in, deletions out), because python-docx's ``cell.text`` skips text
inside ``<w:ins>``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..errors import ReviewImportError
from ..writers.common import restore_bidi
from ..writers.labels import block_kind, review_header_variants
from ..writers.manifest import REVIEW_IDENTIFIER, parse_id_cell, parse_review_facts, read_core_properties
from .reviewed import (
    ReviewedFile,
    ReviewedRow,
    checked_langs,
    checked_stem,
    manifest_blocks,
    not_a_review_file,
    validate,
)
from .docx_notes import editor_comments
from .table_manifest import TableRow, rebuild_manifest

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DELETED = {_W + "del", _W + "moveFrom"}


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
    """The text of a table cell as the editor sees it with all tracked changes accepted.

    Paragraphs directly in the cell and inside a block-level content control (``w:sdt``
    around them, which some editors produce instead of our run-level Status drop-down);
    a run-level control's text is read with its paragraph. The review shows each bidi
    control as a visible ``⟦U+202E⟧`` token; the token is read back as the control, so an
    untouched cell is unchanged and QA still flags it.
    """
    paragraphs = cell._tc.xpath("./w:p | ./w:sdt/w:sdtContent/w:p")
    return restore_bidi("\n".join(_paragraph_text(p) for p in paragraphs))


def _header_langs(cells: list[str]) -> tuple[str, list[str]] | None:
    """(interface language, draft languages) if ``cells`` is the main table's header row (in
    any interface language the review can be written in), else None."""
    if len(cells) < 7:
        return None
    for ui_lang, head, draft, tail in review_header_variants():
        if cells[:4] != head or cells[-2:] != tail:
            continue
        prefix, suffix = draft.split("{lang}")
        pattern = re.compile(f"^{re.escape(prefix)}([A-Za-z-]+){re.escape(suffix)}$")
        langs = []
        for text in cells[4:-2]:
            match = pattern.match(text)
            if not match:
                break
            langs.append(match.group(1))
        else:
            return ui_lang, langs
    return None


def _manifest(path: Path) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """(manifest JSON from core property ``comments``, None) or (None, the keywords facts).

    Properties are read from the package by :func:`writers.manifest.read_core_properties`,
    because python-docx sees none in a file LibreOffice saved (it writes another
    relationship type for them). The manifest is the decisive marker; when Word cut or
    dropped it, the facts line in ``keywords`` marks the file and the table carries the
    rest. The ``identifier``/``category`` properties only tell a damaged review file from
    a stranger.
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
        return manifest, None
    facts = parse_review_facts(props.get("keywords", ""))
    if facts is not None:
        return None, facts
    if props.get("identifier") == REVIEW_IDENTIFIER or props.get("category", "").startswith("review:"):
        raise not_a_review_file(path, "its manifest (document properties Comments and Keywords) is missing "
                                "or was edited")
    raise not_a_review_file(path, "its document properties carry no translator-flow review marker")


def read_review_docx(path: Path) -> ReviewedFile:
    """Read and validate an edited review DOCX; raise ReviewImportError naming problems."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    path = Path(path)
    manifest, facts = _manifest(path)
    try:
        doc = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise not_a_review_file(path, f"it cannot be opened as DOCX: {exc}") from None
    except Exception as exc:  # zipfile.BadZipFile, lxml errors on a damaged package
        raise not_a_review_file(path, f"it cannot be opened as DOCX: {exc}") from None
    table = langs = None
    ui_lang = "en"
    for candidate in doc.tables:
        if not candidate.rows:
            continue
        found = _header_langs([cell_text(c).strip() for c in candidate.rows[0].cells])
        if found is not None:
            table, (ui_lang, langs) = candidate, found
            break
    if table is None or langs is None:
        raise not_a_review_file(path, "it has no table with the header "
                                "«# | ID | Block | Source (ru) | Draft (…) | Notes | Status»")
    expected = [str(lang) for lang in (manifest or facts or {}).get("langs", [])]
    if expected and expected != langs:
        raise not_a_review_file(path, f"its table has drafts for {', '.join(langs)} but the file was "
                                f"written for {', '.join(expected)}; were Draft columns added or removed?")
    found_rows: list[tuple[TableRow, dict[str, str], str, tuple[str, ...]]] = []  # (row, drafts, status, notes)
    width = 6 + len(langs)
    row_notes, doc_notes = editor_comments(path, doc.element.body, [r._tr for r in table.rows[1:]])
    for number, row in enumerate(table.rows[1:], 1):
        cells = row.cells
        notes = row_notes.get(number - 1, ())
        if len(cells) < width:
            texts = [cell_text(c) for c in cells]
            if any(t.strip() for t in texts):
                found_rows.append((TableRow(number, "", "", "", "", " ".join(texts)), {}, "", notes))
            continue
        texts = [cell_text(c) for c in cells[:width]]
        (seg_id, seg_hash), source = parse_id_cell(texts[1]), texts[3]
        drafts = {lang: texts[4 + n] for n, lang in enumerate(langs)}
        if not seg_id and not source.strip() and not any(d.strip() for d in drafts.values()):
            doc_notes += notes  # a blank row an editor added changes nothing (its comments are kept)
            continue
        # The Status cell holds the drop-down's chosen text (LibreOffice writes it back the
        # same way) or whatever the editor typed instead; review/approval.py reads it.
        found_rows.append((TableRow(number, texts[0], seg_id, seg_hash, block_kind(texts[2].strip()), source),
                           drafts, texts[width - 1].strip(), notes))
    problems: list[str] = []
    if manifest is None:
        assert facts is not None
        manifest, problems = rebuild_manifest(facts, [r for r, _, _, _ in found_rows], path)
    try:
        blocks = {str(s[0]): int(s[1]) for s in manifest["segments"]}
    except (KeyError, TypeError, ValueError, IndexError):
        raise not_a_review_file(path, "its segment manifest is missing or damaged") from None
    rows = [ReviewedRow(r.id, blocks.get(r.id, -1), r.kind, r.source, drafts, status=status, row=r.row, notes=notes)
            for r, drafts, status, notes in found_rows]
    validate(path, manifest, rows, problems=problems)
    return ReviewedFile(
        path=path,
        format="docx",
        langs=checked_langs(path, langs),
        stem=checked_stem(manifest, path),
        rows=tuple(rows),
        blocks=manifest_blocks(manifest),
        signature=manifest.get("signature") or {},
        notes=doc_notes,
        ui_lang=ui_lang,
    )
