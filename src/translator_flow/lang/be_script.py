"""Latin look-alike letters inside Belarusian words: replaced by Cyrillic, and marked.

The rus-bel pair's own dictionaries carry a few Latin letters in Cyrillic words (a Latin
«i» for «і» is the usual one: it looks identical and a Belarusian keyboard layout puts
both within reach), and a web-copied source can bring more. Such a word breaks search,
spell-checking and sorting, and no reader can see why. A word whose letters are mostly
Cyrillic gets its Latin look-alikes (Unicode confusables, UTS #39 "confusables.txt",
Latin ↔ Cyrillic pairs) replaced; each replaced word carries a "fallback" mark with
``via="script"`` and the original spelling, so the review says what was changed.

Replacement is letter for letter, so text offsets (and every other mark) stay valid.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..model import EngineOutput, Mark

#: Latin letter → the Cyrillic letter it is confused with (Belarusian alphabet: і, not и).
LOOKALIKES: dict[str, str] = dict(zip("aceiopxyABCEHIKMOPTX", "асеіорхуАВСЕНІКМОРТХ"))
_WORD_RE = re.compile(r"[A-Za-z\u0400-\u04FF]+")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04FF]")
_LATIN_RE = re.compile(r"[A-Za-z]")


def fix_word(word: str) -> str | None:
    """``word`` with its Latin look-alikes in Cyrillic, or None when it is not such a word.

    Only a word with more Cyrillic than Latin letters, all of whose Latin letters have a
    look-alike, is changed: «Windows» or «iPhone» next to Cyrillic are left alone.
    """
    latin = [c for c in word if c.isascii() and c.isalpha()]
    if not latin or len(_CYRILLIC_RE.findall(word)) <= len(latin):
        return None
    if any(c not in LOOKALIKES for c in latin):
        return None
    return "".join(LOOKALIKES.get(c, c) for c in word)


def fix_output(output: EngineOutput) -> EngineOutput:
    """One engine output with look-alikes replaced and each replaced word marked."""
    if output.error or not _LATIN_RE.search(output.text):
        return output
    text, marks = output.text, list(output.marks)
    changed = False
    for m in _WORD_RE.finditer(output.text):
        fixed = fix_word(m[0])
        if fixed is None:
            continue
        text = text[:m.start()] + fixed + text[m.end():]
        marks = [replace(k, word=text[k.start:k.end]) if k.start < m.end() and m.start() < k.end else k
                 for k in marks]
        if not any(k.start < m.end() and m.start() < k.end for k in output.marks):
            marks.append(Mark("fallback", fixed, m.start(), m.end(), "script", m[0]))
        changed = True
    if not changed:
        return output
    return replace(output, text=text, marks=tuple(sorted(marks, key=lambda k: (k.start, k.end))))


def fix_outputs(outputs: Sequence[EngineOutput]) -> list[EngineOutput]:
    """Every output through :func:`fix_output` (one per input, in order)."""
    return [fix_output(o) for o in outputs]
