"""Rebuild a review DOCX's manifest from its table when Word cut the manifest property.

Desktop Word keeps at most 255 UTF-16 units of a document property, so after an editor
saves the review in Word the JSON manifest in ``comments`` may be cut (or gone). What
``finalize`` checks is still in the file, in places Word keeps: the facts line in
``keywords`` (languages, stem, number of segments and blocks) and, in every row's ID cell,
the id followed by a hidden run with the source hash. From them this module rebuilds the
manifest :func:`reviewed.validate` checks against, so the same tamper checks apply:

- the order is the id order (translate writes ``b<block>s<sentence>`` ascending), so a
  moved row is out of order and a duplicated id is seen twice;
- an edited source no longer matches its row's hidden hash;
- a deleted row leaves a gap in its block's sentence numbers (named exactly), and any
  deletion, also of a block's last row or of a whole block, leaves fewer segments than the
  facts line counts (named by the ``#`` numbers missing from the table).

Known limit: an editor who edits a source cell *and* its hidden hash consistently is not
caught without the full manifest; that is deliberate forgery, not a slip.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from ..model import BlockKind
from ..writers.atomic import safe_stem
from ..writers.manifest import MANIFEST_SCHEMA, SEGMENT_ID, source_hash, stem_digest

_KINDS = frozenset(get_args(BlockKind))


@dataclass(frozen=True)
class TableRow:
    """What the main table says about one segment row, before validation."""

    row: int  # segment row, counted from 1 under the header
    number: str  # the ``#`` cell as written
    id: str
    hash: str  # the hidden source hash after the id, "" if missing
    kind: str
    source: str


def _key(seg_id: str) -> tuple[int, int]:
    match = SEGMENT_ID.fullmatch(seg_id)
    assert match is not None
    return int(match.group(1)), int(match.group(2))


def table_stem(facts: dict[str, Any], path: Path) -> str:
    """The release stem: from the facts, else (too long for them) from the file name.

    ``<stem>.<lang>.review.docx`` / ``<stem>.combined.review.docx`` minus its suffixes is
    taken when its digest matches the facts' ``stem-sha1``, and also when it does not (the
    file was renamed): the stem only names the outputs, it checks nothing.
    """
    if facts.get("stem"):
        return safe_stem(str(facts["stem"]))
    name = path.name
    for suffix in (".review.docx", ".docx"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    base, dot, last = name.rpartition(".")
    if dot and base and (last in facts.get("langs", ()) or last == "combined"):
        name = base
    if stem_digest(name) != facts.get("stem_sha1"):
        name = name.split(".")[0]
    return safe_stem(name)


def rebuild_manifest(facts: dict[str, Any], rows: list[TableRow], path: Path) -> tuple[dict[str, Any], list[str]]:
    """The manifest the table and the facts imply, and the problems only they reveal.

    Rows with an id that is not a segment of this release (block beyond the facts' count,
    or no segment id at all) are left out, so :func:`validate` names them.
    """
    problems: list[str] = []
    hashes: dict[str, str] = {}
    kinds: dict[int, tuple[str, int]] = {}  # block → (kind, row that gave it)
    for r in rows:
        if not SEGMENT_ID.fullmatch(r.id) or _key(r.id)[0] >= facts["blocks"] or r.id in hashes:
            continue
        block = _key(r.id)[0]
        if not r.hash:
            problems.append(f"row {r.row} ({r.id}): the ID cell lost its hidden source check; restore the ID cell "
                            "as translate wrote it (Undo), or re-run translate")
        hashes[r.id] = r.hash or source_hash(r.source)  # no second message for the same row
        if r.kind not in _KINDS:
            problems.append(f"row {r.row} ({r.id}): the Block cell was edited (now «{r.kind}»); restore it")
        elif block in kinds and kinds[block][0] != r.kind:
            problems.append(f"row {r.row} ({r.id}): the Block cell says {r.kind} but row {kinds[block][1]} "
                            f"of the same block says {kinds[block][0]}; restore it")
        kinds.setdefault(block, (r.kind, r.row))
    present = sorted(hashes, key=_key)
    expected: list[str] = []
    for seg_id in present:  # fill gaps in a block's sentence numbers: those rows were deleted
        block, sentence = _key(seg_id)
        last = _key(expected[-1]) if expected else (-1, -1)
        start = last[1] + 1 if last[0] == block else 0
        expected.extend(f"b{block}s{n}" for n in range(start, sentence))
        expected.append(seg_id)
    if len(expected) < facts["segments"]:
        problems.append(_count_problem(facts["segments"], len(expected), rows))
    elif len(expected) > facts["segments"]:
        problems.append(f"the table has {len(expected)} segment ids but translate wrote {facts['segments']}: "
                        "IDs were edited or rows added; restore the ID cells")
    manifest = {
        "tool": "translator-flow",
        "schema": MANIFEST_SCHEMA,
        "langs": list(facts["langs"]),
        "stem": table_stem(facts, path),
        "segments": [[s, _key(s)[0], kinds.get(_key(s)[0], ("", 0))[0], hashes.get(s, "")] for s in expected],
        "blocks": [[b, kind] for b, (kind, _) in sorted(kinds.items())],
        "signature": {},
    }
    return manifest, problems


def _count_problem(total: int, found: int, rows: list[TableRow]) -> str:
    """Fewer segments than translate wrote: name where, by the ``#`` numbers that are gone."""
    numbers = {int(r.number): r for r in rows if r.number.strip().isdigit()}
    gone = [n for n in range(1, total + 1) if n not in numbers]
    where = []
    for n in gone[:5]:
        before = max((k for k in numbers if k < n), default=0)
        where.append(f"#{n}" + (f" (after row {numbers[before].row}, {numbers[before].id})" if before else
                                " (the first row)"))
    more = f" and {len(gone) - 5} more" if len(gone) > 5 else ""
    hint = f": the row(s) numbered {', '.join(where)}{more} were deleted" if where else ": rows were deleted"
    return f"{total - found} segment row(s) are missing: translate wrote {total} segments, the table has {found}{hint}"
