"""Apertium stream format in and out: our own deformatter and reformatter.

``apertium-destxt``/``apertium-retxt`` do not flush on ``\\0``, so a null-flush pipeline
needs the text deformatted and reformatted here. What the details rest on (measured on
apertium 3.8.3, lttoolbox 3.7.1, apertium-lex-tools 0.4.2; fuzzed with ~40,000 random
texts of words, punctuation, control characters and protected spans):

* A superblank ``[...]`` is copied verbatim by every stage: it carries protected spans,
  newlines and the per-segment id that keeps outputs in step with inputs.
* Only ``\\ $ / < > @ [ ] ^ { }`` survive as backslash escapes. An escaped ``\\*`` or
  ``\\#`` comes out unescaped and a literal ``~`` is deleted (the post-generator uses
  it), so those source characters travel in superblanks (``[*]``): in the output an
  *unescaped* ``*``, ``#`` or ``@`` outside a superblank can only be an engine mark.
* Inside a superblank the special characters must be escaped too: an unescaped ``^``
  or ``<`` there can make a later stage lose the segment's ``\\0``.
* ``lrx-proc`` reads a ``^`` after the last word of a segment (escaped or not) as the
  start of a word and swallows the ``\\0``: :func:`split_tail` keeps such a tail out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from ..model import PROTECT_CLOSE, PROTECT_OPEN, Mark

#: Characters that are special in the stream format and survive a backslash escape.
_ESCAPED = frozenset("\\$/<>@[]^{}")
#: Characters the stages drop, unescape or use as marks or tags: passed inside a
#: superblank. (``<``/``>`` too, so that an escaped ``\<`` in the output can only be a
#: tag the generator leaked, e.g. ``%\<num\>\<percent\>`` for «сотрудничество%2025%».)
_SUPERBLANKED = frozenset("*#@~<>\n")
#: Engine marks in generated text and the kind each one means.
MARK_KINDS = {"*": "unknown", "#": "generation", "@": "bilingual"}
#: Characters inside a marked word besides letters, digits and combining marks
#: (Belarusian and Russian words carry apostrophes and hyphens: «сям'я», «кое-что»).
_WORD_INNER = frozenset("-'’ʼ")

_ID_RE = re.compile(r"\[tf:(\d+)\]")
_LEAKED_TAGS = re.compile(r"(?:\\<[^\\<>\[\]^$]*\\>)+")


def _escape_in_superblank(text: str) -> str:
    return "".join("\\" + ch if ch in _ESCAPED else ch for ch in text)


def deformat(text: str, segment_id: int | None = None) -> str:
    """Turn plain text into one Apertium stream segment (without the trailing ``\\0``).

    Protected spans (``PROTECT_OPEN``…``PROTECT_CLOSE``) become superblanks, so the
    stages copy them verbatim; an unclosed span is protected to the end of the text.
    ``segment_id`` prefixes the segment with ``[tf:N]`` so the reader can check that
    outputs come back in step. NUL characters are removed: ``\\0`` is the flush mark;
    a lone surrogate (undecodable input) becomes U+FFFD.
    The segment ends with an empty blank ``[]``: without it ``lt-proc -z`` waits for
    one more character and the pipeline stalls.
    """
    out: list[str] = [] if segment_id is None else [f"[tf:{segment_id}]"]
    protected: list[str] | None = None
    for ch in text:
        if ch == "\0":
            continue
        if "\ud800" <= ch <= "\udfff":
            ch = "\ufffd"  # a lone surrogate cannot be encoded; show the replacement mark
        if protected is not None:
            if ch == PROTECT_CLOSE:
                out.append("[" + _escape_in_superblank("".join(protected)) + "]")
                protected = None
            elif ch != PROTECT_OPEN:  # a nested opener is dropped, never shown
                protected.append(ch)
        elif ch == PROTECT_OPEN:
            protected = []
        elif ch == PROTECT_CLOSE:
            continue  # a stray closer: delimiters never reach the output
        elif ch in _SUPERBLANKED:
            out.append("[" + _escape_in_superblank(ch) + "]")
        elif ch in _ESCAPED:
            out.append("\\" + ch)
        else:
            out.append(ch)
    if protected is not None:
        out.append("[" + _escape_in_superblank("".join(protected)) + "]")
    out.append("[]")
    return "".join(out)


def split_tail(text: str) -> tuple[str, str]:
    """Split ``text`` into what goes to Apertium and a tail re-attached verbatim afterwards.

    The tail starts at the first ``^`` after the last letter or digit outside protected
    spans (at its span's opening if the ``^`` is protected); see the module note on
    ``lrx-proc``. The tail holds no words Apertium would translate. Most texts have no
    tail: ``(text, "")``.
    """
    if "^" not in text:
        return text, ""
    last_word, span_start = -1, None
    caret: int | None = None  # where the tail would start
    for i, ch in enumerate(text):
        if ch == PROTECT_OPEN and span_start is None:
            span_start = i
        elif ch == PROTECT_CLOSE:
            span_start = None
        elif span_start is None and ch.isalnum():
            last_word, caret = i, None
        elif ch == "^" and caret is None:
            caret = i if span_start is None else span_start
    if caret is None or caret < last_word:
        return text, ""
    return text[:caret], text[caret:]


def split_id(raw: str) -> tuple[int | None, str]:
    """Split a ``[tf:N]`` prefix off one output segment: ``(N, rest)``.

    ``(None, raw)`` when the prefix is missing or a second id appears inside (a stage
    lost a ``\\0`` and two segments ran together). Source text cannot forge an id: its
    brackets are escaped.
    """
    m = _ID_RE.match(raw)
    if m is None or "[tf:" in raw[m.end():]:
        return None, raw
    return int(m.group(1)), raw[m.end():]


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


def _word_end(raw: str, i: int) -> int:
    """End of the word that starts at ``raw[i]`` (letters, digits, inner ``-`` and ``'``)."""
    n = len(raw)
    j = i
    while j < n:
        ch = raw[j]
        if _is_word_char(ch) or (ch in _WORD_INNER and j > i and j + 1 < n and _is_word_char(raw[j + 1])):
            j += 1
        else:
            break
    return j


def reformat(raw: str) -> tuple[str, tuple[Mark, ...]]:
    """Turn one generated stream segment into clean text and its engine marks.

    Escapes are undone, superblanks are replaced by their (unescaped) content, and an
    unescaped ``*``/``#``/``@`` outside a superblank becomes a :class:`Mark` over the
    word it prefixes; mark offsets index the returned clean text. A mark character not
    followed by a word carries no information for a reviewer and is dropped. Tags the
    generator leaked (``\\<num\\>``) are removed, and the token they were glued to
    gets a ``generation`` mark.
    """
    parts: list[str] = []
    marks: list[Mark] = []
    length = 0
    i, n = 0, len(raw)
    while i < n:
        ch = raw[i]
        if ch == "\\" and i + 1 < n:
            tags = _LEAKED_TAGS.match(raw, i) if raw[i + 1] == "<" else None
            if tags:  # drop them; mark the token they were glued to
                so_far = "".join(parts)
                start = length
                while start > 0 and not so_far[start - 1].isspace():
                    start -= 1
                marks.append(Mark("generation", so_far[start:], start, length))
                i = tags.end()
                continue
            piece = raw[i + 1]
            i += 2
        elif ch == "[":
            buf: list[str] = []
            i += 1
            while i < n and raw[i] != "]":
                if raw[i] == "\\" and i + 1 < n:
                    i += 1
                buf.append(raw[i])
                i += 1
            i += 1  # the closing bracket (or the end of a truncated stream)
            piece = "".join(buf)
        elif ch in MARK_KINDS:
            end = _word_end(raw, i + 1)
            piece = raw[i + 1:end]
            if piece:
                marks.append(Mark(MARK_KINDS[ch], piece, length, length + len(piece)))  # type: ignore[arg-type]
            i = end
        else:
            # Copy a run of ordinary characters at once (the common case).
            j = i + 1
            while j < n and raw[j] not in "\\[*#@":
                j += 1
            piece = raw[i:j]
            i = j
        parts.append(piece)
        length += len(piece)
    return "".join(parts), tuple(marks)


def apply_flags(text: str, marks: tuple[Mark, ...], flags: Mapping[str, str]) -> tuple[str, tuple[Mark, ...]]:
    """Remove the flag characters ``flags`` names from ``text`` and mark the word after each.

    A language's stream stage puts a flag (a private-use character in a superblank) before
    a word it changed by a guess; each becomes ``Mark("fallback", word, via=flags[char])``
    over the next word (spaces and other private-use characters skipped), so the review
    shows it. A word that already carries a mark keeps only that one; a flag with no word
    after it is just removed. Offsets of ``marks`` are moved to the cleaned text.
    """
    if not flags or not any(ch in text for ch in flags):
        return text, marks
    out: list[str] = []
    shift: list[int] = []  # shift[i]: characters removed before text[i]
    pending: list[tuple[int, str]] = []  # (offset in the cleaned text, via)
    removed = 0
    for ch in text:
        shift.append(removed)
        if ch in flags:
            pending.append((len(out), flags[ch]))
            removed += 1
        else:
            out.append(ch)
    shift.append(removed)
    clean = "".join(out)
    moved = [Mark(m.kind, m.word, m.start - shift[m.start], m.end - shift[m.end], m.via, m.original, m.lemma)
             for m in marks]
    taken = {(m.start, m.end) for m in moved}
    for at, via in pending:
        i = at
        while i < len(clean) and (clean[i].isspace() or "\ue000" <= clean[i] <= "\uf8ff"):
            i += 1
        end = _word_end(clean, i)
        if end == i or any(m.start < end and i < m.end for m in moved) or (i, end) in taken:
            continue
        taken.add((i, end))
        moved.append(Mark("fallback", clean[i:end], i, end, via, clean[i:end]))
    return clean, tuple(sorted(moved, key=lambda m: (m.start, m.end)))
