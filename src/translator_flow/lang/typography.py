"""Typography shared by the target languages: pairing straight quotes into real ones."""

from __future__ import annotations

from ._edits import Edit

_OPENERS = {"«": 0, "„": 1}
_CLOSERS = {"»": 0}
_AMBIGUOUS = set('"“”')  # “ opens in English, closes in Russian; decided by context
_OPEN_BEFORE = set(" \t\n\u00a0([{/—–-«„") | {""}


def quote_edits(text: str, *, outer: tuple[str, str], inner: tuple[str, str]) -> list[Edit]:
    """Quotes rewritten as ``outer`` pairs, and ``inner`` pairs when nested.

    Straight and curly double quotes are paired by context (an opening quote follows a
    space or an opening bracket and precedes a non-space). When the quotes of a text do
    not pair up, nothing is changed: a wrong guess would be worse than straight quotes.
    """
    depth = 0
    plan: list[tuple[int, bool, int]] = []  # (index, opening, depth)
    for i, ch in enumerate(text):
        if ch in _OPENERS:
            opening = True
        elif ch in _CLOSERS:
            opening = False
        elif ch in _AMBIGUOUS:
            before = text[i - 1] if i else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            opening = before in _OPEN_BEFORE and after not in ("", " ", "\u00a0", "\n")
            if ch == "“" and depth and not opening:
                opening = False
        else:
            continue
        if opening:
            plan.append((i, True, depth))
            depth += 1
        else:
            if depth == 0:
                return []
            depth -= 1
            plan.append((i, False, depth))
    if depth != 0:
        return []
    edits = []
    for i, opening, level in plan:
        pair = outer if level == 0 else inner
        new = pair[0] if opening else pair[1]
        if text[i] != new:
            edits.append(Edit(i, i + 1, new))
    return edits
