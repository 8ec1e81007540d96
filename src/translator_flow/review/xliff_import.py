"""Read an XLIFF 2.0 file written by ``export-xliff`` (and edited in a CAT tool) back.

Units are matched by id; each unit's source must still hash to the manifest's value.
A CAT tool that split a unit into several ``<segment>``s (despite ``canResegment="no"``)
is tolerated: the unit's segments and ignorables are joined back in order.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..writers.xliff import CATEGORY, MARKER, MDA_NS, XLIFF_NS
from .reviewed import (
    Baseline,
    ReviewedFile,
    ReviewedRow,
    checked_langs,
    checked_stem,
    manifest_blocks,
    not_a_review_file,
    validate,
)

_X = f"{{{XLIFF_NS}}}"
_M = f"{{{MDA_NS}}}"


def _text(element) -> str:
    """Plain text of a <source>/<target>: text, inline codes' content, <cp> characters."""
    if element is None:
        return ""
    parts = [element.text or ""]
    for child in element:
        if child.tag == _X + "cp":
            try:
                parts.append(chr(int(child.get("hex", ""), 16)))
            except ValueError:
                pass
        else:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _meta(element) -> dict[str, str]:
    """Our ``mda:meta`` values directly under ``element`` (a file or a unit)."""
    values: dict[str, str] = {}
    for metadata in element.iterchildren(_M + "metadata"):
        for group in metadata.iter(_M + "metaGroup"):
            if group.get("category") == CATEGORY:
                for meta in group.iterchildren(_M + "meta"):
                    values[meta.get("type", "")] = meta.text or ""
    return values


def read_review_xliff(path: Path) -> ReviewedFile:
    """Read and validate a reviewed XLIFF 2.0 file; raise ReviewImportError naming problems."""
    from lxml import etree

    path = Path(path)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.parse(str(path), parser).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise not_a_review_file(path, f"it is not well-formed XML: {exc}") from None
    if root.tag != _X + "xliff":
        found = etree.QName(root).namespace or root.tag
        raise not_a_review_file(path, f"it is not XLIFF 2.0 (root element in {found})")
    lang = root.get("trgLang", "")
    for file_el in root.iterchildren(_X + "file"):
        info = _meta(file_el)
        if info.get("marker") == MARKER:
            break
    else:
        raise not_a_review_file(path, "no <file> carries translator-flow's metadata")
    try:
        manifest = json.loads(info.get("manifest", ""))
    except ValueError:
        manifest = None
    if not isinstance(manifest, dict):
        raise not_a_review_file(path, "its manifest metadata is damaged")
    lang = lang or str((manifest.get("langs") or [""])[0])
    checked_langs(path, [lang])

    rows: list[ReviewedRow] = []
    baseline: dict[tuple[str, str], Baseline] = {}
    for n, unit in enumerate(file_el.iter(_X + "unit"), 1):
        meta = _meta(unit)
        parts = [c for c in unit if c.tag in (_X + "segment", _X + "ignorable")]
        source = "".join(_text(c.find(_X + "source")) for c in parts)
        targets = [c.find(_X + "target") for c in parts]
        if any(t is not None for t in targets):
            # An <ignorable> without a target stands for its source (XLIFF 2.0 core).
            draft = "".join(_text(t) if t is not None else _text(c.find(_X + "source"))
                            if c.tag == _X + "ignorable" else "" for c, t in zip(parts, targets))
        else:
            draft = ""
        states = [c.get("state", "initial") for c in parts if c.tag == _X + "segment"]
        uid = unit.get("id", "")
        try:
            block = int(meta.get("block", "-1"))
        except ValueError:
            block = -1
        rows.append(ReviewedRow(uid, block, meta.get("block-kind", ""), source, {lang: draft},
                                status=min(states, key=lambda s: _STATE_ORDER.get(s, 0), default="initial"),
                                row=n))
        if "origin" in meta:
            baseline[(uid, lang)] = Baseline(meta.get("mt-draft", ""), meta["origin"])
    validate(path, manifest, rows, unit="unit")
    return ReviewedFile(
        path=path,
        format="xliff",
        langs=(lang,),
        stem=checked_stem(manifest, path),
        rows=tuple(rows),
        blocks=manifest_blocks(manifest),
        signature=manifest.get("signature") or {},
        baseline=baseline,
    )


# The least advanced segment state speaks for a split unit.
_STATE_ORDER = {"initial": 0, "translated": 1, "reviewed": 2, "final": 3}
