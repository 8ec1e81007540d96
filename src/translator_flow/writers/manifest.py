"""The review DOCX's round-trip data: the manifest, the short facts, and reading them back.

The full manifest (JSON) sits in core property ``comments``; desktop Word cuts document
properties to 255 UTF-16 units when it saves, so the same file also carries what finalize
needs in places Word keeps: a short facts line in ``keywords`` (:func:`review_facts`) and,
in the table, each row's source hash in a hidden run after its id (see
``review/table_manifest.py``, which rebuilds the manifest from them).

LibreOffice writes the core-properties relationship with a non-standard type
(``…/officedocument/2006/relationships/metadata/core-properties``), which python-docx does
not recognise: ``Document(path).core_properties`` then returns empty defaults. Reading
``docProps/core.xml`` through the package relationships ourselves works for Word and
LibreOffice files alike. Used by ``finalize``; documented in docs/output-format.md.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import zipfile
from pathlib import Path
from typing import IO, Any

from ..errors import ReviewImportError
from ..model import RunReport
from .common import block_kinds, cell_text

REVIEW_IDENTIFIER = "translator-flow-review"
MANIFEST_SCHEMA = 1
#: First words of the facts line in core property ``keywords`` (its own schema version).
FACTS_MARK = "tf-review v1"
#: What Word keeps of a document property: 255 UTF-16 code units.
WORD_PROPERTY_LIMIT = 255
#: A segment id as it stands in the ID cell, and the hidden source hash after it.
SEGMENT_ID = re.compile(r"b(\d+)s(\d+)")
HIDDEN_HASH = re.compile(r"#([0-9a-f]{12})(?![0-9a-f])")
_FACT = re.compile(r"(langs|stem|stem-sha1|segments|blocks)=([^\s;]+)")
_MAX_PART = 8 * 1024 * 1024  # a core-properties part is a few KB; refuse anything huge
_NAMES = {
    "title": "title", "subject": "subject", "creator": "author", "keywords": "keywords",
    "description": "comments", "identifier": "identifier", "category": "category", "version": "version",
    "language": "language", "lastModifiedBy": "last_modified_by", "contentStatus": "content_status",
}


def read_core_properties(source: str | Path | IO[bytes]) -> dict[str, str]:
    """Core properties of a DOCX as {python-docx name: text} (``comments`` = dc:description)."""
    from lxml import etree

    try:
        with zipfile.ZipFile(source) as package:
            part = _core_part_name(package, etree)
            if part is None:
                return {}
            info = package.getinfo(part)
            if info.file_size > _MAX_PART:
                raise ReviewImportError(f"{source}: document properties are implausibly large; not a review file.")
            root = etree.fromstring(package.read(part), _parser(etree))
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as exc:
        raise ReviewImportError(f"{source} is not a readable DOCX ({exc}); export it again as .docx.") from None
    out = {}
    for child in root:
        if not isinstance(child.tag, str):
            continue
        local = etree.QName(child).localname
        if local in _NAMES:
            out[_NAMES[local]] = child.text or ""
    return out


def read_review_manifest(source: str | Path | IO[bytes]) -> dict[str, Any] | None:
    """The manifest a review DOCX carries in core property ``comments``; None if not a review."""
    props = read_core_properties(source)
    if props.get("identifier") != REVIEW_IDENTIFIER:
        return None
    try:
        manifest = json.loads(props.get("comments", ""))
    except json.JSONDecodeError:
        raise ReviewImportError(f"{source}: the review manifest in the document properties is damaged; "
                                "re-run `translator-flow translate` to get a fresh review file.") from None
    if not isinstance(manifest, dict) or manifest.get("tool") != "translator-flow":
        raise ReviewImportError(f"{source}: the document properties do not hold a translator-flow manifest.")
    return manifest


def _parser(etree: Any) -> Any:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _core_part_name(package: zipfile.ZipFile, etree: Any) -> str | None:
    names = set(package.namelist())
    if "_rels/.rels" in names and package.getinfo("_rels/.rels").file_size <= _MAX_PART:
        rels = etree.fromstring(package.read("_rels/.rels"), _parser(etree))
        for rel in rels:
            if str(rel.get("Type", "")).lower().endswith("/metadata/core-properties"):
                target = posixpath.normpath(str(rel.get("Target", "")).lstrip("/"))
                if target in names:
                    return target
    return "docProps/core.xml" if "docProps/core.xml" in names else None


def source_hash(source: str) -> str:
    """First 12 hex digits of SHA-1 over the source as a review gives it back (XML-safe, CR/CRLF
    as LF — what a DOCX cell and an XML parser both return), to detect edited sources."""
    return hashlib.sha1(cell_text(source).encode("utf-8")).hexdigest()[:12]


def review_manifest(report: RunReport, langs: list[str], stem: str) -> dict[str, Any]:
    """What finalize needs to check an edited review: segment order, blocks, source hashes."""
    kinds = block_kinds(report.document)
    first = report.translations[langs[0]].signature if langs else None
    return {
        "tool": "translator-flow",
        "schema": MANIFEST_SCHEMA,
        "version": first.tool_version if first else "",
        "langs": list(langs),
        "stem": stem,
        "source_sha256": report.document.meta.source_sha256,
        "segments": [[s.id, s.block, kinds.get(s.block, ""), source_hash(s.source)] for s in report.segments],
        "blocks": [[b.index, b.kind] for b in report.document.blocks],
        "signature": {lang: report.translations[lang].signature.as_dict() for lang in langs},
    }


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def review_facts(manifest: dict[str, Any]) -> str:
    """The short facts line (core property ``keywords``) that survives Word's 255-unit cut.

    ``tf-review v1; langs=be+en; stem=<stem>; segments=37; blocks=12``: separated by ``; ``
    and without commas, because LibreOffice rewrites keywords as a word list (``;`` and
    ``,`` become spaces). A stem that would not fit is replaced by ``stem-sha1=<12 hex>``.
    """
    tail = f"segments={len(manifest['segments'])}; blocks={len(manifest['blocks'])}"
    head = f"{FACTS_MARK}; langs={'+'.join(manifest['langs'])}"
    line = f"{head}; stem={manifest['stem']}; {tail}"
    if _utf16_len(line) > WORD_PROPERTY_LIMIT:
        line = f"{head}; stem-sha1={stem_digest(manifest['stem'])}; {tail}"
    return line


def stem_digest(stem: str) -> str:
    """First 12 hex digits of SHA-1 over a stem (stands for a stem too long for the facts)."""
    return hashlib.sha1(stem.encode("utf-8")).hexdigest()[:12]


def parse_review_facts(text: str) -> dict[str, Any] | None:
    """The facts line as {langs, stem | stem_sha1, segments, blocks}; None if it is not one.

    Accepts it as written and as LibreOffice rewrites keywords (separators as spaces).
    """
    if " ".join(text.replace(";", " ").split()[:2]) != FACTS_MARK:
        return None
    found = dict(_FACT.findall(text))
    try:
        facts: dict[str, Any] = {"langs": [x for x in found["langs"].split("+") if x],
                                 "segments": int(found["segments"]), "blocks": int(found["blocks"])}
    except (KeyError, ValueError):
        return None
    if "stem" in found:
        facts["stem"] = found["stem"]
    elif "stem-sha1" in found:
        facts["stem_sha1"] = found["stem-sha1"]
    return facts


def parse_id_cell(text: str) -> tuple[str, str]:
    """(segment id, hidden source hash) of an ID cell's text; "" for what is not there.

    The id is the first token that is a whole segment id; without one, the visible text
    stands in (so a message can quote what the editor typed).
    """
    tokens = text.split()
    seg_id = next((t for t in tokens if SEGMENT_ID.fullmatch(t)), "")
    if not seg_id:
        seg_id = " ".join(t for t in tokens if not HIDDEN_HASH.fullmatch(t))
    found = HIDDEN_HASH.search(text)
    return seg_id, found.group(1) if found else ""
