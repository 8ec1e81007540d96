"""What an editor sent back, read from DOCX or XLIFF, and the checks it must pass.

Both readers produce a :class:`ReviewedFile`; :func:`validate` compares its rows with the
manifest ``translate`` wrote into the file (segment ids, blocks, source hashes) and
refuses, naming the rows, anything that would make the final release wrong: a missing
or duplicated id, an edited source, a deleted or moved row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ReviewImportError
from ..tm.memory import LANG_TAG
from ..writers.atomic import safe_stem
from ..writers.manifest import source_hash  # the one hash both review formats carry

#: How many problems one error message lists before "… and N more".
MAX_LISTED = 12


@dataclass(frozen=True)
class ReviewedRow:
    """One segment as the editor left it: id, block, source and the draft per language.

    ``row`` is where the editor finds it: in a DOCX, the segment row of the table counted
    from 1 under the header (the ``#`` of an untouched file); in XLIFF, the unit's position.
    """

    id: str
    block: int
    kind: str
    source: str
    drafts: Mapping[str, str]
    status: str = ""  # the Status cell's text (DOCX) or the least advanced segment state (XLIFF)
    row: int = 0
    notes: tuple[str, ...] = ()  # editors' comments anchored in the row


@dataclass(frozen=True)
class Baseline:
    """What ``translate`` wrote for one draft: its text and origin (to tell edits apart)."""

    text: str
    origin: str


@dataclass(frozen=True)
class ReviewedFile:
    """A reviewed DOCX or XLIFF file: languages, release stem, rows and the manifest."""

    path: Path
    format: str  # "docx" | "xliff"
    langs: tuple[str, ...]
    stem: str
    rows: tuple[ReviewedRow, ...]
    blocks: tuple[tuple[int, str], ...] = ()
    signature: Mapping[str, Any] = field(default_factory=dict)
    #: (segment id, lang) → the draft translate wrote, when the file itself carries it (XLIFF).
    baseline: Mapping[tuple[str, str], Baseline] = field(default_factory=dict)
    #: Editors' comments outside the segment rows (summary, title, legend).
    notes: tuple[str, ...] = ()
    #: The interface language the review was written in (read from its table header; XLIFF:
    #: "en"); finalize words the final files' placeholders and «NOT FINAL» line in it.
    ui_lang: str = "en"


def not_a_review_file(path: Path, why: str) -> ReviewImportError:
    """The error for a file translate did not write (or whose marker was removed)."""
    return ReviewImportError(
        f"{path} is not a translator-flow review file ({why}); finalize takes the "
        "*.review.docx (or the .xliff) that `translate` wrote, after editing its Draft column."
    )


def _manifest_segments(path: Path, manifest: Mapping[str, Any]) -> list[tuple[str, int, str, str]]:
    try:
        return [(str(s[0]), int(s[1]), str(s[2]), str(s[3])) for s in manifest["segments"]]
    except (KeyError, TypeError, ValueError, IndexError):
        raise not_a_review_file(path, "its segment manifest is missing or damaged") from None


def checked_langs(path: Path, langs: Sequence[str]) -> tuple[str, ...]:
    """The file's target languages, refused unless each looks like a language tag.

    They become parts of output and memory file names, so «../x» must never pass.
    """
    bad = [lang for lang in langs if not LANG_TAG.fullmatch(lang)]
    if bad or not langs:
        raise not_a_review_file(path, f"it names no valid target language ({', '.join(map(repr, bad)) or 'none'})")
    return tuple(langs)


def checked_stem(manifest: Mapping[str, Any], path: Path) -> str:
    """The release stem from the manifest, made safe as a file-name part."""
    return safe_stem(str(manifest.get("stem") or path.name.split(".")[0]))


def manifest_blocks(manifest: Mapping[str, Any]) -> tuple[tuple[int, str], ...]:
    """(block index, kind) pairs of a manifest; empty when missing or malformed."""
    try:
        return tuple((int(i), str(k)) for i, k in manifest.get("blocks", []))
    except (TypeError, ValueError):
        return ()


def _longest_increasing(positions: Sequence[int]) -> set[int]:
    """Indices (into ``positions``) of one longest strictly increasing subsequence."""
    import bisect

    tails: list[int] = []  # tails[k]: index of the smallest tail of a run of length k+1
    tail_values: list[int] = []
    previous = [-1] * len(positions)
    for i, value in enumerate(positions):
        k = bisect.bisect_left(tail_values, value)
        if k > 0:
            previous[i] = tails[k - 1]
        if k == len(tails):
            tails.append(i)
            tail_values.append(value)
        else:
            tails[k] = i
            tail_values[k] = value
    keep: set[int] = set()
    i = tails[-1] if tails else -1
    while i >= 0:
        keep.add(i)
        i = previous[i]
    return keep


def validate(path: Path, manifest: Mapping[str, Any], rows: Sequence[ReviewedRow],
             unit: str = "row", *, problems: Sequence[str] = ()) -> None:
    """Raise ReviewImportError naming every row that breaks the round trip; else return.

    ``unit`` is what the editor calls a row in this format ("row", "unit"); ``problems``
    are ones the reader already found (listed with the rest, in one error).
    """
    expected = _manifest_segments(path, manifest)
    order = {sid: n for n, (sid, _, _, _) in enumerate(expected)}
    hashes = {sid: h for sid, _, _, h in expected}
    problems = list(problems)
    seen: dict[str, int] = {}
    placed: list[tuple[int, ReviewedRow]] = []  # (manifest position, row) of valid rows
    for row in rows:
        where = f"{unit} {row.row}"
        if not row.id:
            what = "the ID cell is empty" if unit == "row" else "it has no id"
            problems.append(f"{where}: {what} (source «{_short(row.source)}»)")
            continue
        if row.id in seen:
            problems.append(f"{where}: ID {row.id} is duplicated ({unit} {seen[row.id]} has it too)")
            continue
        seen[row.id] = row.row
        if row.id not in order:
            problems.append(f"{where}: ID {row.id} is not a segment of this release (was the ID edited?)")
            continue
        if source_hash(row.source) != hashes[row.id]:
            problems.append(
                f"{where} ({row.id}): the source text was edited (now «{_short(row.source)}»); "
                "restore the original Russian text: finalize never changes the source"
            )
        placed.append((order[row.id], row))
    for sid, block, _, _ in expected:
        if sid not in seen:
            problems.append(f"segment {sid} (block {block}) is missing: its {unit} was deleted")
    in_order = _longest_increasing([pos for pos, _ in placed])
    for n, (_, row) in enumerate(placed):
        if n not in in_order:
            problems.append(f"{unit} {row.row} ({row.id}) was moved: keep the {unit}s in the order "
                            "translate wrote them")
    if problems:
        listed = problems[:MAX_LISTED]
        more = f"\n  … and {len(problems) - MAX_LISTED} more" if len(problems) > MAX_LISTED else ""
        raise ReviewImportError(
            f"{path}: the review table was changed in ways finalize cannot merge back:\n  - "
            + "\n  - ".join(listed) + more
            + "\nUndo these changes (only the Draft column may be edited) and run finalize again. "
            "Nothing was written."
        )


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
