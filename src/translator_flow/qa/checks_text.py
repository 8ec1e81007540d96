"""Text-level checks: empty or untranslated drafts, repeated words, mixed scripts, length."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import UNTRANSLATED_OPENINGS, msg
from .base import CYR, CYRILLIC_LANGS, LAT, CheckContext, Finding
from .marks import mark_finding

_ERROR_SHOWN = 200  # characters of an engine error quoted in a message
#: The review's «[NOT TRANSLATED]» or the publishable «[NOT TRANSLATED: source]» in any interface
#: language (model.UNTRANSLATED_OPENINGS), left in a draft: it must not be published.
_PLACEHOLDER_RE = re.compile("(?:" + "|".join(re.escape(o) for o in UNTRANSLATED_OPENINGS) + r")(?::[^\]]*)?\]?")

# --- empty ------------------------------------------------------------------------------


def check_empty(ctx: CheckContext) -> Iterator[Finding]:
    """No usable draft: the engine failed, the draft is blank, or it is the source again."""
    target = ctx.target
    if target.status == "untranslated" or target.error:
        reason = target.error or ""
        if reason != reason.strip():  # strip() returns a plain str: the Message (translatable) is kept when it can be
            reason = reason.strip()
        if len(reason) > _ERROR_SHOWN:
            reason = reason[: _ERROR_SHOWN - 1] + "…"
        yield Finding(msg("Not translated: {reason}", reason=reason) if reason
                      else msg("Not translated: the engine returned no draft"))
        return
    if not ctx.draft.strip():
        if ctx.source.strip():
            yield Finding(msg("The draft is empty"))
        return
    if ctx.identical:
        yield Finding(msg("The draft is the Russian source unchanged: it was not translated"))
        return
    placeholder = _PLACEHOLDER_RE.search(ctx.draft)
    if placeholder:
        yield Finding(msg("The draft still holds the «not translated» placeholder «{mark}»: write the translation "
                          "in its place", mark=placeholder.group()), placeholder.span())


# --- stray_characters -------------------------------------------------------------------

# Never publishable: the replacement character (text decoded with the wrong encoding),
# private-use code points (internal markers of the glossary and post-editing, which must
# never reach a draft), control characters other than tab and line breaks, and zero-width
# or direction characters the source does not have (they break search and copy-paste).
_STRAY_RE = re.compile("[\ufffd\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
                       "\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
# Bidi embedding, override and isolate controls reorder the text a reviewer sees without
# being visible ("Trojan Source", CVE-2021-42574): flagged even when the source has them.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def check_stray_characters(ctx: CheckContext) -> Iterator[Finding]:
    """Characters that must never be published: U+FFFD, private use, controls, stray zero-width."""
    for match in _STRAY_RE.finditer(ctx.draft):
        char = match.group()
        if char in ctx.source and not ("\ue000" <= char <= "\uf8ff" or char == "\ufffd"
                                       or char in _BIDI_CONTROLS):
            continue  # a zero-width or control character copied from the source
        what = msg("a replacement character (wrong text encoding)") if char == "\ufffd" else (
            msg("an internal marker") if "\ue000" <= char <= "\uf8ff" else
            msg("an invisible text-direction control (it reorders what readers see)") if char in _BIDI_CONTROLS
            else msg("an invisible control character"))
        code = f"{ord(char):04X}"
        yield Finding(msg("The draft contains {what} (U+{code}): remove it before publishing", what=what, code=code),
                      span=(match.start(), match.end()))


# --- untranslated -----------------------------------------------------------------------

# Words of a Belarusian draft that hold и, щ or ъ: letters Belarusian does not have (its
# alphabet writes і, шч and an apostrophe instead — Belarusian orthography rules, 2008 law
# «Аб Правілах беларускай арфаграфіі і пунктуацыі», §1 alphabet).
_RU_ONLY_WORD_RE = re.compile(rf"(?<![{CYR}{LAT}])[{CYR}]*[иИщЩъЪ][{CYR}]*(?![{CYR}{LAT}])")
# A run of Cyrillic words (separated by spaces, hyphens or apostrophes) in a Latin-script
# draft. Whole words only: a Cyrillic letter inside a Latin word is mixed_script's.
_CYR_RUN_RE = re.compile(
    rf"(?<![{CYR}{LAT}])[{CYR}]+(?:[-\s\u00a0’']+[{CYR}]+)*(?![{CYR}{LAT}])"
)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and end > s for s, e in spans)


def check_untranslated(ctx: CheckContext) -> Iterator[Finding]:
    """Engine marks, Cyrillic left in a Latin-script draft, Russian letters in Belarusian."""
    marked: list[tuple[int, int]] = []
    for mark in ctx.target.marks:  # one finding per mark, graded by evidence (qa/marks.py)
        marked.append((mark.start, mark.end))
        yield mark_finding(mark, ctx.draft)
    if ctx.identical:  # `empty` already says the whole segment is untranslated
        return
    draft = ctx.draft
    if ctx.lang == "be":
        for m in _RU_ONLY_WORD_RE.finditer(draft):
            if not _overlaps(m.start(), m.end(), marked):
                yield Finding(
                    msg("«{word}» has letters Belarusian does not use (и, щ, ъ): it is probably still "
                        "in Russian — translate it", word=m[0]),
                    m.span(),
                )
    elif ctx.lang not in CYRILLIC_LANGS:
        for m in _CYR_RUN_RE.finditer(draft):
            if not _overlaps(m.start(), m.end(), marked):
                what = msg("Cyrillic words") if any(c.isspace() for c in m[0]) else msg("Cyrillic word")
                yield Finding(msg("{what} «{word}» left in the draft: translate or transliterate",
                                  what=what, word=m[0]), m.span())


# --- repeated_word ----------------------------------------------------------------------

# A letter-only word, whitespace, the same word again (case-insensitive); not digits.
_REPEAT_RE = re.compile(r"(?<![\w’'-])([^\W\d_]+)\s+(\1)(?![\w’'-])", re.IGNORECASE)
# English repetitions that are grammatical often enough to not be worth a warning.
_REPEAT_OK = frozenset({"that", "had"})


def check_repeated_word(ctx: CheckContext) -> Iterator[Finding]:
    """The same word twice in a row («the the», «у у»): a typical MT or editing slip."""
    for m in _REPEAT_RE.finditer(ctx.draft):
        if m[1].lower() in _REPEAT_OK:
            continue
        yield Finding(msg("Word «{word}» is repeated: «{text}»", word=m[1], text=m[0]), m.span())


# --- mixed_script -----------------------------------------------------------------------

_MIXED_HINT_RE = re.compile(rf"[{LAT}][{CYR}]|[{CYR}][{LAT}]")
_LETTERS_RE = re.compile(rf"[{LAT}{CYR}]+")
_LAT_RE = re.compile(rf"[{LAT}]")
_CYR_RE = re.compile(rf"[{CYR}]")


def check_mixed_script(ctx: CheckContext) -> Iterator[Finding]:
    """A word mixing Latin and Cyrillic letters («Мiнск» with a Latin i): look-alike
    letters break search, spell-checking and sorting, and readers cannot see them."""
    draft = ctx.draft
    if not _MIXED_HINT_RE.search(draft):  # the common case: one cheap scan
        return
    for m in _LETTERS_RE.finditer(draft):
        word = m[0]
        lat = _LAT_RE.findall(word)
        cyr = _CYR_RE.findall(word)
        if not lat or not cyr:
            continue
        if len(lat) <= len(cyr):
            letters = ", ".join(dict.fromkeys(lat))
            message = msg("Word «{word}» mixes scripts: Latin {letters} among Cyrillic letters", word=word,
                          letters=letters)
        else:
            letters = ", ".join(dict.fromkeys(cyr))
            message = msg("Word «{word}» mixes scripts: Cyrillic {letters} among Latin letters", word=word,
                          letters=letters)
        yield Finding(message, m.span())


# --- length_ratio -----------------------------------------------------------------------

#: Typical draft/source character ratio per target language (source is Russian).
#: be: 54 human ru–be sentence pairs (../shared/eval) have ratio 0.83–1.15, mean 0.99,
#: sd 0.06; the band adds room for short sentences. en: no parallel data available here;
#: English usually runs 10–20% shorter than Russian, the band is wide on purpose.
LENGTH_BANDS: dict[str, tuple[float, float]] = {"be": (0.80, 1.25), "en": (0.70, 1.30)}
_DEFAULT_BAND = (0.60, 1.60)
LENGTH_MIN_SOURCE = 20  # shorter segments vary too much to say anything
_FAR = (0.6, 1.6)  # outside band×these factors it is a warning, not a hint


def check_length_ratio(ctx: CheckContext) -> Iterator[Finding]:
    """A draft much shorter or longer than the pair's typical ratio: dropped or added text."""
    src_len = len(ctx.source.strip())
    if src_len < LENGTH_MIN_SOURCE or ctx.identical:
        return
    ratio = len(ctx.draft.strip()) / src_len
    low, high = LENGTH_BANDS.get(ctx.lang, _DEFAULT_BAND)
    if low <= ratio <= high:
        return
    far = ratio < low * _FAR[0] or ratio > high * _FAR[1]
    values = {"ratio": f"{ratio:.0%}", "lang": ctx.lang, "low": f"{low:.0%}", "high": f"{high:.0%}"}
    message = (msg("The draft is {ratio} of the source's length (usual for ru→{lang}: {low}–{high}): shorter "
                   "than expected, check for a dropped passage", **values) if ratio < low else
               msg("The draft is {ratio} of the source's length (usual for ru→{lang}: {low}–{high}): longer "
                   "than expected, check for an added or repeated passage", **values))
    yield Finding(
        message,
        None,
        "warning" if far else "info",
    )
