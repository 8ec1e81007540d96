"""Edits over a text and the remapping of engine marks through them.

Post-editing rules return :class:`Edit` lists instead of new strings so that one place
(:func:`apply_rules`) applies them and moves every :class:`~translator_flow.model.Mark`
with the text: marks carry character offsets, and most rules are 1:1 (у→ў, quote swaps,
space→NBSP) but some are not (a correction «дзей»→«спраў», "..."→"…").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from collections.abc import Callable, Iterable, Sequence

from ..model import Mark


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``new``."""

    start: int
    end: int
    new: str


Rule = Callable[[str], Iterable[Edit]]


#: Marks over text the engine left in the source language: rules must not edit it
#: (the ў rule would otherwise turn a Russian «уехала» into «ўехала»).
FROZEN_KINDS = frozenset({"unknown", "bilingual"})


def apply_edits(
    text: str,
    edits: Iterable[Edit],
    marks: Sequence[Mark] = (),
    *,
    frozen: Sequence[tuple[int, int]] = (),
) -> tuple[str, tuple[Mark, ...]]:
    """Apply non-overlapping ``edits`` (overlaps: the later one is dropped) and remap ``marks``.

    Edits touching a ``frozen`` span are dropped. A mark boundary inside a replaced span
    snaps to the replacement's edges, so a mark over a replaced word covers its replacement.
    """
    ordered: list[Edit] = []
    last_end = -1
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < last_end or text[e.start:e.end] == e.new:
            continue
        if any(e.start < f_end and f_start < max(e.end, e.start + 1) for f_start, f_end in frozen):
            continue
        ordered.append(e)
        last_end = e.end
    if not ordered:
        return text, tuple(marks)
    pieces: list[str] = []
    pos = 0
    for e in ordered:
        pieces.append(text[pos:e.start])
        pieces.append(e.new)
        pos = e.end
    pieces.append(text[pos:])

    def move(p: int, is_end: bool) -> int:
        delta = 0
        for e in ordered:
            # An insertion exactly at p lands before a mark's start and after its end.
            if e.end < p or (e.end == p and (e.start < e.end or not is_end)):
                delta += len(e.new) - (e.end - e.start)
            elif e.start < p < e.end:  # inside a replaced span: snap to its edge
                return e.start + delta + (len(e.new) if is_end else 0)
            else:
                break
        return p + delta

    moved = tuple(replace(m, start=move(m.start, False), end=move(m.end, True)) for m in marks)
    return "".join(pieces), moved


def apply_rules(text: str, rules: Sequence[Rule], marks: Sequence[Mark] = ()) -> tuple[str, tuple[Mark, ...]]:
    """Run ``rules`` in order, each on the previous rule's output, remapping ``marks``.

    Text under marks of :data:`FROZEN_KINDS` is left alone; other marks get ``word``
    updated to the text they now cover.
    """
    out_marks = tuple(marks)
    for rule in rules:
        frozen = [(m.start, m.end) for m in out_marks if m.kind in FROZEN_KINDS]
        text, out_marks = apply_edits(text, rule(text), out_marks, frozen=frozen)
    out_marks = tuple(
        m if m.kind in FROZEN_KINDS or text[m.start:m.end] == m.word else replace(m, word=text[m.start:m.end])
        for m in out_marks
    )
    return text, out_marks
