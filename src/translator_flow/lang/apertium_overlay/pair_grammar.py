"""The pair's constraint grammar with the overlay's rules in front, compiled as one grammar.

Why: run as a pass of its own, the overlay's grammar (``rus.rlx``, 8 rules) cost ~0.09 s CPU
per 852 benchmark sentences only to read and write the stream, 6-7% of the whole engine.
``cg-comp`` cannot add rules to a compiled grammar, so the installed ``rus-bel.rlx.bin`` is
written out as text (``vislcg3 --grammar-out``), repaired, given the overlay's rules as
``BEFORE-SECTIONS`` (run once before the pair's sections, as the separate pass did), and
compiled again. cg3 1.3.9 (Debian 12) writes two things wrongly, both restored here:

* ``DELIMITERS`` / ``SOFT-DELIMITERS`` come out as sets ``_S_DELIMITERS_`` /
  ``_S_SOFT_DELIMITERS_``;
* unification is lost: ``SELECT A + $$MFN IF (1C N + $$MFN)`` comes out with a plain copy
  ``SET S38 = S37`` in place of ``$$MFN``; the flag that made it unify lives only in the
  binary, which :func:`unifying_sets` reads (the layout of cg3's ``BinaryGrammar_read.cpp``).

cg3 fixed its writer in 2023 (commit ae52e9d1, issue #114). Whatever the version, the result is
used only when :func:`same_choices` finds that it chooses exactly the readings of the two
passes on ``grammar-check.ru.txt``; otherwise the build keeps the separate pass and says why
(:attr:`~translator_flow.lang.apertium_overlay.build.Overlay.cg_note`).
"""

from __future__ import annotations

import re
import struct
import subprocess
import tempfile
from pathlib import Path

#: cg3 binary grammar fields (BinaryGrammar.hpp) and set types (Set.hpp) read here.
_BINF_PREFIX, _BINF_TAGS, _BINF_REOPEN_MAP, _BINF_PREF_TARGETS = 1 << 1, 1 << 3, 1 << 4, 1 << 5
_BINF_ENCLS, _BINF_ANCHORS, _BINF_SETS = 1 << 6, 1 << 7, 1 << 8
_ST_TAG_UNIFY, _ST_SET_UNIFY = 1 << 2, 1 << 3
#: Binary grammar revisions whose layout this reader knows (cg3 1.3.x).
_KNOWN_REVISIONS = range(10298, 14000)


class GrammarMergeError(Exception):
    """The pair's grammar could not be merged with the overlay's (the message says why)."""


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def u32(self) -> int:
        if self.pos + 4 > len(self.data):
            raise GrammarMergeError("the binary grammar ends early")
        (value,) = struct.unpack_from(">I", self.data, self.pos)
        self.pos += 4
        return int(value)

    def u8(self) -> int:
        if self.pos >= len(self.data):
            raise GrammarMergeError("the binary grammar ends early")
        value = self.data[self.pos]
        self.pos += 1
        return value

    def skip(self, n: int) -> None:
        self.pos += n

    def trie(self, n: int) -> None:
        for _ in range(n):
            self.u32()  # tag number
            self.u8()  # terminal
            children = self.u32()
            if children:
                self.trie(children)


def unifying_sets(binary: bytes) -> dict[int, int]:
    """Set number → its type, for every set of a compiled cg3 grammar that unifies ($$ or &&)."""
    r = _Reader(binary)
    if binary[:4] != b"CG3B":
        raise GrammarMergeError("not a cg3 binary grammar")
    r.skip(4)
    revision, fields = r.u32(), r.u32()
    if revision not in _KNOWN_REVISIONS:
        raise GrammarMergeError(f"binary grammar revision {revision} is not one this reader knows")
    if fields & _BINF_PREFIX:
        r.skip(r.u32())
    for _ in range(r.u32() if fields & _BINF_TAGS else 0):
        tag_fields = r.u32()
        r.skip(4 * sum(1 for bit in range(8) if tag_fields & (1 << bit)))  # number … comparison value
        if tag_fields & (1 << 12):
            r.skip(12)  # a double comparison value
        for bit in (8, 9):  # the tag's text, its regular expression
            if tag_fields & (1 << bit):
                r.skip(r.u32())
        if tag_fields & (1 << 10):
            r.skip(4 * r.u32())
        if tag_fields & (1 << 11):
            for _ in range(r.u32()):
                r.skip(r.u32())
    for flag, width in ((_BINF_REOPEN_MAP, 4), (_BINF_PREF_TARGETS, 4), (_BINF_ENCLS, 8), (_BINF_ANCHORS, 8)):
        if fields & flag:
            r.skip(width * r.u32())
    unify: dict[int, int] = {}
    for _ in range(r.u32() if fields & _BINF_SETS else 0):
        set_fields = r.u32()
        number = r.u32() if set_fields & 1 else 0
        kind = r.u8() if set_fields & (1 << 2) else 0
        if set_fields & (1 << 3):
            for _ in range(2):  # the plain and the special tag tries
                n = r.u32()
                if n:
                    r.trie(n)
        for bit in (4, 5):  # set operators, member sets
            if set_fields & (1 << bit):
                r.skip(4 * r.u32())
        if set_fields & (1 << 6):
            r.skip(r.u32())
        if kind & (_ST_TAG_UNIFY | _ST_SET_UNIFY):
            unify[number] = kind
    return unify


def repair(text: str, unify: dict[int, int]) -> str:
    """cg3 1.3.9's ``--grammar-out`` text with its delimiters and unification sets restored."""
    text = re.sub(r"^# DELIMITERS and SOFT-DELIMITERS do not exist.*\n", "", text, flags=re.M)
    text, n = re.subn(r"^LIST _S_DELIMITERS_ = ", "DELIMITERS = ", text, flags=re.M)
    if n != 1:
        raise GrammarMergeError("the written grammar has no _S_DELIMITERS_ set")
    text = re.sub(r"^LIST _S_SOFT_DELIMITERS_ = ", "SOFT-DELIMITERS = ", text, flags=re.M)
    for number, kind in unify.items():
        copy = re.search(rf"^SET S{number} = (S\d+)\s*;\n", text, flags=re.M)
        if copy is None:
            raise GrammarMergeError(f"unifying set S{number} is not written as a copy of another set")
        text = text[:copy.start()] + text[copy.end():]
        prefix = "$$" if kind & _ST_TAG_UNIFY else "&&"
        text = re.sub(rf"\bS{number}\b", prefix + copy.group(1), text)
    return text


def merge(pair_text: str, overlay_text: str) -> str:
    """The repaired pair grammar with the overlay's sets and, as BEFORE-SECTIONS, its rules."""
    overlay = re.sub(r"^DELIMITERS\s*=[^;]*;\s*$", "", overlay_text, flags=re.M)
    sets, sep, rules = overlay.partition("\nSECTION\n")
    first = pair_text.find("\nSECTION\n")
    if not sep or first < 0:
        raise GrammarMergeError("a grammar without a SECTION")
    return pair_text[:first] + "\n" + sets + "\nBEFORE-SECTIONS\n" + rules + pair_text[first:]


def _run(argv: list[str], data: bytes = b"") -> bytes:
    proc = subprocess.run(argv, input=data, capture_output=True, timeout=120, check=False)
    if proc.returncode != 0:
        raise GrammarMergeError(f"{argv[0]} failed: {' '.join(proc.stderr.decode('utf-8', 'replace').split())[-200:]}")
    return proc.stdout


def compile_merged(pair_grammar: Path, overlay_rlx: Path, out: Path) -> Path:
    """Write, repair, merge and compile; ``out`` is the merged binary grammar."""
    with tempfile.TemporaryDirectory() as tmp:
        written = Path(tmp) / "pair.rlx"
        _run(["vislcg3", "-g", str(pair_grammar), "--grammar-out", str(written)])
        text = repair(written.read_text(encoding="utf-8"), unifying_sets(pair_grammar.read_bytes()))
        source = Path(tmp) / "merged.rlx"
        source.write_text(merge(text, overlay_rlx.read_text(encoding="utf-8")), encoding="utf-8")
        _run(["cg-comp", str(source), str(out)])
    return out


def same_choices(analysed: bytes, pair_grammar: Path, overlay_grammar: Path, merged: Path) -> bool:
    """Whether ``merged`` keeps exactly the readings of the overlay's pass then the pair's, on
    ``analysed`` (``lt-proc -z -w`` output). Every remaining reading is compared, not only the
    first, so a rule that stopped firing shows even where the first reading stays the same."""
    two_passes = _run(["cg-proc", "-z", "-w", str(pair_grammar)], _run(["cg-proc", "-z", str(overlay_grammar)], analysed))
    return _run(["cg-proc", "-z", "-w", str(merged)], analysed) == two_passes
