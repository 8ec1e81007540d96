"""People's and place names in Belarusian drafts that the rus-bel pair gets wrong (issue 14 item 4).

Three narrow rules, each leaving the word marked for review:

* **Surnames that are also common words** («Сергей Волков» → «Сяргей Ваўкоў», 'wolves';
  «Игорь Бойко» → 'lively'): a capitalised word of surname shape (-ов/-ев/-ин, -ова/-ева/-ина,
  -ко, -ец) right after a first name or patronymic, whose every analyser reading is a common
  noun, adjective or adverb, is a surname.
  :func:`surname_guard_stage` (an engine stage on the analyser's output, where the surface
  form is still in the stream) puts a superblank ``[\ue0b0Волков\ue0b1]`` before it; every
  stage copies superblanks verbatim, so it reaches the draft right before the engine's
  word. :func:`resolve_surname_flags` (a repair of the raw outputs) then keeps the engine's
  word when it is the same name in Belarusian letters («Арлоў», «Зайцаў», «Вераб’ёў»: same
  consonants as the respelled Russian), respells the Russian one otherwise («Ваўкоў» →
  «Волкоў»), and marks it either way. :func:`guard_surnames` is the stage in Python.
* **Place adjectives the pair lacks** («Курской области»): the lemma is respelled
  («Курскі», Правілы 2008, -ский → -скі) and inflected like an adjective, so «Курскай
  вобласці» agrees with its noun (:func:`place_adjective`; used by the fallback).
* **Men's -енко surnames decline** in Belarusian like «бацька» (Лукашэнка, з Лукашэнкам;
  «Беларуская граматыка», ч. 1, 1985; Качан), while Russian -енко never changes, so the
  case can only come from the context: :func:`decline_surnames` takes it from the first
  name right before the surname («з Пятром Шэўчэнкам»), which shows both the case and the
  gender. Without a man's first name showing its case the surname is left as it is.

Not covered: surnames of another shape («Петр Мороз» → «Мароз», «Иван Жук»: the shape is
what tells a surname from an epithet such as «Вильгельм Завоеватель»), a surname before the
first name, and a first name the analyser does not know («Игорем»).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..model import EngineOutput, Mark
from ..morph import belarusian
from ..morph.surnames import belarusian_surname
from ._edits import Edit, apply_edits
from .be_corrections import sed_stage
from .be_lexicon import LexEntry
from .be_translit import match_case, transfer

FLAG_OPEN, FLAG_CLOSE = "\ue0b0", "\ue0b1"
_SHAPE = "(ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ко|ец)"
#: A first name or patronymic unit, then a capitalised surname-shaped word whose readings
#: are all common nouns (``/lemma<n>…`` each). ``sed -E`` in a UTF-8 locale (where the POSIX
#: classes know Cyrillic); the Python twin checks the capital letter apart.
_SED_GUARD = (rf"(<np><ant>[^$]*\$[[:space:]]+)\^([[:upper:]][[:alpha:]]*{_SHAPE})"
              r"((/[^/$<]*<(n|adj|adv)>[^/$]*)+)\$")
_PY_GUARD = re.compile(rf"(<np><ant>[^$]*\$\s+)\^([^\W\d_]+{_SHAPE})((?:/[^/$<]*<(?:n|adj|adv)>[^/$]*)+)\$")
_FLAGGED = re.compile(f"{FLAG_OPEN}([^{FLAG_OPEN}{FLAG_CLOSE}]*){FLAG_CLOSE}")
_CONSONANTS = frozenset("бвгґджзйклмнпрстўфхцчшщ")


def guard_surnames(stream: str) -> str:
    """The analyser stream with surname look-alikes after a first name flagged."""

    def flag(m: re.Match[str]) -> str:
        return f"{m[1]}[{FLAG_OPEN}{m[2]}{FLAG_CLOSE}]^{m[2]}{m[4]}$" if m[2][0].isupper() else m[0]

    return _PY_GUARD.sub(flag, stream)


def surname_guard_stage() -> list[str]:
    """argv of the guard as a null-flush engine stage (runs on the analyser's output)."""
    script = f"s/{_SED_GUARD.replace('/', chr(92) + '/')}/\\1[{FLAG_OPEN}\\2{FLAG_CLOSE}]^\\2\\4$/g"
    return sed_stage(script)


def resolve_surname_flags(outputs: Sequence[EngineOutput]) -> list[EngineOutput]:
    """Outputs with every surname flag removed and the flagged word chosen and marked."""
    return [_resolve(o) if FLAG_OPEN in o.text or FLAG_CLOSE in o.text else o for o in outputs]


def _resolve(output: EngineOutput) -> EngineOutput:
    text = output.text
    edits: list[Edit] = []
    names: list[tuple[int, int, str]] = []  # the engine's word (start, end) and the Russian surname
    for m in _FLAGGED.finditer(text):
        word = re.match(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*", text[m.end():])
        marked = any(k.start == m.end() for k in output.marks)
        edits.append(Edit(m.start(), m.end(), ""))
        if word is None or marked:
            continue  # the flag did not land before a plain word: drop it, the engine's mark stays
        respelled = transfer(m[1])
        same = _skeleton(word[0]) == _skeleton(respelled)
        chosen = word[0] if same else match_case(word[0], respelled)
        edits.append(Edit(m.end(), m.end() + len(word[0]), chosen))
        names.append((m.end(), m.end() + len(word[0]), m[1]))
    for stray in re.finditer(f"[{FLAG_OPEN}{FLAG_CLOSE}]", text):
        if not any(e.start <= stray.start() < e.end for e in edits):
            edits.append(Edit(stray.start(), stray.end(), ""))
    new_text, moved = apply_edits(text, edits, output.marks)
    probe = [Mark("fallback", "", start, end) for start, end, _ in names]  # snaps to the replacements
    _, placed = apply_edits(text, edits, probe)
    marks = [*moved, *(Mark("fallback", new_text[p.start:p.end], p.start, p.end, "surname", original)
                       for p, (_, _, original) in zip(placed, names))]
    return replace(output, text=new_text, marks=tuple(sorted(marks, key=lambda k: (k.start, k.end))))


def _skeleton(word: str) -> tuple[str, ...]:
    return tuple(c for c in word.lower() if c in _CONSONANTS)


_PLACE_ENDINGS = ("ский", "цкий")


def place_adjective(parses: Sequence[Any], word: str) -> LexEntry | None:
    """A respelled adjective lemma for an unknown capitalised place adjective («Курской»)."""
    if not word[:1].isupper() or not parses:
        return None
    p = parses[0]
    lemma = str(p.normal_form)
    if p.tag.POS != "ADJF" or not lemma.endswith(_PLACE_ENDINGS) or "Surn" in p.tag:
        return None
    return LexEntry(lemma, transfer(lemma.capitalize()), "adj", "respelled place adjective (be_names.py)")


def decline_surnames(outputs: Sequence[EngineOutput]) -> list[EngineOutput]:
    """Respelled men's -енко surnames put in the case of the man's first name before them."""
    todo = [(i, m, _before(o.text, m.start)) for i, o in enumerate(outputs) if not o.error for m in o.marks
            if m.kind == "fallback" and m.via == "name" and m.original.lower().endswith("енко")]
    todo = [t for t in todo if t[2]]
    if not todo:
        return list(outputs)
    readings = belarusian.analyse([t[2] for t in todo])
    results = list(outputs)
    for (i, mark, _), found in zip(todo, readings):
        cases = {r.tags[-1] for r in found if r.tags[:3] == ("np", "ant", "m") and r.tags[-2] == "sg"}
        declined = belarusian_surname(mark.word, "m")
        if not cases or "nom" in cases or declined is None or cases & declined[1]:
            continue  # no man's first name, a nominative one, or a stress-dependent ending
        chosen = {declined[0].get(case) for case in cases}
        form = chosen.pop() if len(chosen) == 1 else None  # «Пятра» (gen|acc): Шэўчэнкі or -ку
        if form and form != mark.word:
            results[i] = _replace_word(results[i], mark, form)
    return results


def _before(text: str, start: int) -> str:
    """The word right before ``start`` when only a space separates it ('' otherwise)."""
    m = re.search(r"([^\W\d_]+)[ \u00a0]$", text[:start])
    return m[1] if m else ""


def _replace_word(output: EngineOutput, mark: Mark, form: str) -> EngineOutput:
    """``output`` with the marked word replaced by ``form``, later marks shifted."""
    text, moved = apply_edits(output.text, [Edit(mark.start, mark.end, form)], output.marks)
    marks = tuple(replace(m, word=form) if old == mark else m for old, m in zip(output.marks, moved))
    return replace(output, text=text, marks=marks)


def next_word(output: EngineOutput, mark: Mark) -> str:
    """The Belarusian word right after ``mark`` ('' when none, or when it is still Russian)."""
    rest = output.text[mark.end:]
    stripped = rest.lstrip(" \u00a0")
    if len(rest) - len(stripped) == 0 and rest:
        return ""
    word = ""
    for ch in stripped:
        if not ch.isalpha() and ch not in "'’":
            break
        word += ch
    at = mark.end + len(rest) - len(stripped)
    if any(m.start == at and m.kind in ("unknown", "bilingual") for m in output.marks):
        return ""  # a Russian word: the Belarusian analyser cannot read it
    return word


def prev_word(output: EngineOutput, mark: Mark) -> str:
    """The word right before ``mark`` (letters only; '' at the start)."""
    before = output.text[: mark.start].rstrip(" \u00a0")
    word = ""
    for ch in reversed(before):
        if not ch.isalpha():
            break
        word = ch + word
    return word
