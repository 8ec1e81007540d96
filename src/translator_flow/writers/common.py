"""What every writer shares: highlight pieces, reviewer notes, labels and safe text.

The review view (:mod:`.review_view`) builds what both review writers show from these
pieces; lookups and counts over the model are model methods (``Translation.targets_by_id``,
``RunReport.needs_attention``, ``Translation.check_counts``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

import itertools

from ..model import LOUD_WARNING_PREFIXES, Block, Document, DocumentMeta, RunReport, Segment, TargetSegment, TermHit, Translation
from .i18n import N_, UiText, message_text

#: What the review shows in the Draft cell of a segment that has no draft. Fixed strings (one
#: per interface language) so that ``finalize`` can tell an untouched placeholder from an
#: editor's translation.
UNTRANSLATED_MARK = N_("[NOT TRANSLATED]")  # in the editor's language: labels.untranslated_mark
#: The publishable draft keeps the source visibly wrapped, e.g. ``[NOT TRANSLATED: Текст.]``,
#: so that Russian text can never go out unnoticed in a Belarusian or English release. Shown
#: in the run's interface language («[НЕ ПЕРАКЛАДЗЕНА: Текст.]»); QA's ``empty`` check finds any
#: language's form left in a draft (model.UNTRANSLATED_OPENINGS).
UNTRANSLATED_PUBLISH = N_("[NOT TRANSLATED: {source}]")
#: Author of every Word comment translator-flow adds (finalize can tell ours from editors').
QA_AUTHOR = "translator-flow QA"
QA_INITIALS = "QA"
SOURCE_LANG = "ru"

SEVERITY_ORDER = {"blocking": 0, "warning": 1, "info": 2}
#: Highlight fills (hex RGB) of the review DOCX and HTML, the first class present winning
#: (marks over terms). Pale, and none of them the grey of the read-only columns (E8E8E8).
PALETTE: dict[str, str] = {
    "mark-unknown": "FFE699",  # left in Russian: the strongest of the set, a warning
    "mark-generation": "F8CBAD",
    "mark-bilingual": "E4D0F5",
    "mark-fallback": "C9E1F5",  # from the lexicon: a word to check, not an error
    "term-check": "E2EFDA",  # with a wavy underline
    "term": "E2EFDA",  # with a single underline
}
#: BCP 47 tags for the language of runs/elements (spell checkers pick the right dictionary).
LANG_TAGS = {"ru": "ru-RU", "be": "be-BY", "en": "en-GB"}

# XML 1.0 forbids most C0 controls and lone surrogates; lxml refuses them and browsers show
# garbage. One-for-one replacement keeps every offset (marks, spans) valid.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Replace characters XML cannot carry with U+FFFD, keeping the length (offsets stay valid)."""
    return _NOT_XML.sub("\ufffd", text)


#: Bidirectional embedding/override/isolate controls (U+202A–202E, U+2066–2069): invisible,
#: yet they reorder what the reviewer sees ("Trojan Source", CVE-2021-42574). Both reviews
#: show each as a visible token instead, and QA (stray_characters) flags one in a draft as
#: blocking.
BIDI_CONTROLS_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")
#: The visible stand-in, e.g. ``⟦U+202E⟧``; the review DOCX import turns it back into the
#: control, so an untouched cell reads back unchanged and QA still blocks it.
BIDI_TOKEN = "\u27e6U+{:04X}\u27e7"
_BIDI_TOKEN_RE = re.compile("\u27e6U\\+(202[A-E]|206[6-9])\u27e7", re.I)


def bidi_token(char: str) -> str:
    """The visible token for one bidi control: ``⟦U+202E⟧``."""
    return BIDI_TOKEN.format(ord(char))


def split_bidi(text: str) -> list[tuple[str, bool]]:
    """``text`` as pieces ``(text, is_control)``; each bidi control is a piece of its own."""
    out: list[tuple[str, bool]] = []
    last = 0
    for match in BIDI_CONTROLS_RE.finditer(text):
        if match.start() > last:
            out.append((text[last:match.start()], False))
        out.append((match.group(), True))
        last = match.end()
    if last < len(text) or not out:
        out.append((text[last:], False))
    return out


def restore_bidi(text: str) -> str:
    """Turn the review's visible ``⟦U+202E⟧`` tokens back into the controls they stand for."""
    return _BIDI_TOKEN_RE.sub(lambda m: chr(int(m.group(1), 16)), text)


def cell_text(text: str) -> str:
    """Text as a DOCX cell gives it back: XML-safe, and CR / CRLF as LF (Word line breaks)."""
    return clean_text(text).replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class Range:
    """A highlight request over ``[start, end)`` of a text: a class, an issue key, a tooltip."""

    start: int
    end: int
    cls: str
    key: str = ""
    title: str = ""


@dataclass(frozen=True)
class Piece:
    """A run of text with the same highlights: what becomes one DOCX run or one HTML span."""

    text: str
    classes: frozenset[str] = frozenset()
    keys: frozenset[str] = frozenset()
    titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Note:
    """One line of the Notes column; ``kind`` is origin, error, issue, term, mark or suggestion."""

    kind: str
    text: str
    severity: str = ""


def split_pieces(text: str, ranges: list[Range]) -> list[Piece]:
    """Cut ``text`` at every range boundary; ranges out of bounds are ignored, never fatal."""
    n = len(text)
    valid = [r for r in ranges if 0 <= r.start < r.end <= n]
    cuts = sorted({0, n, *(r.start for r in valid), *(r.end for r in valid)})
    pieces: list[Piece] = []
    for a, b in itertools.pairwise(cuts):
        cover = [r for r in valid if r.start <= a and b <= r.end]
        titles = tuple(dict.fromkeys(r.title for r in cover if r.title))
        piece = Piece(text[a:b], frozenset(r.cls for r in cover), frozenset(r.key for r in cover if r.key), titles)
        if pieces and (pieces[-1].classes, pieces[-1].keys, pieces[-1].titles) == (piece.classes, piece.keys, piece.titles):
            pieces[-1] = Piece(pieces[-1].text + piece.text, piece.classes, piece.keys, piece.titles)
        else:
            pieces.append(piece)
    return pieces


def locate(text: str, word: str, start: int, end: int) -> tuple[int, int] | None:
    """Trust the offsets when they point at ``word``; otherwise find the word (stale offsets)."""
    if 0 <= start < end <= len(text) and (not word or text[start:end] == word):
        return start, end
    if word:
        found = text.find(word)
        if found >= 0:
            return found, found + len(word)
    return None


def locate_terms(text: str, hits: tuple[TermHit, ...]) -> list[tuple[TermHit, tuple[int, int] | None]]:
    """Where each hit's ``target_form`` stands in the draft, in the order of ``hits``.

    The model keeps source offsets only, so the form is searched for in the draft.
    Repeated forms are searched left to right so that two hits of one term mark two places.
    Known limit: a form the language rules changed after placement is not found (None).
    """
    cursor: dict[str, int] = {}
    spans: dict[int, tuple[int, int] | None] = {}
    for n in sorted(range(len(hits)), key=lambda k: hits[k].start):
        hit = hits[n]
        form = hit.target_form
        span = None
        if form:
            at = text.find(form, cursor.get(form, 0))
            if at < 0:
                at = text.find(form)
            if at < 0 and len(text.lower()) == len(text):  # lower() may change lengths («İ»)
                at = text.lower().find(form.lower())
            if at >= 0:
                span = (at, at + len(form))
                cursor[form] = at + len(form)
        spans[n] = span
    return [(hit, spans[n]) for n, hit in enumerate(hits)]


def targets_by_id(translation: Translation) -> dict[str, TargetSegment]:
    """Drafts of one language keyed by segment id (:meth:`Translation.targets_by_id`)."""
    return translation.targets_by_id()


def source_warning_lines(_: UiText, meta: DocumentMeta) -> list[tuple[str, bool]]:
    """The reader's warnings for a review header in the interface language, each with whether
    it is the loud one.

    Loud: most of the source's visible text was dropped, or no glossary checked the terms
    (``LOUD_WARNING_PREFIXES``, told by the English text); they come first so an editor sees
    it before anything else in the header. Each warning is translated before ``clean_text``
    (which returns a plain string).
    """
    lines = [(clean_text(message_text(_, w)), w.startswith(LOUD_WARNING_PREFIXES)) for w in meta.warnings]
    return sorted(lines, key=lambda line: not line[1])


def document_title(document: Document) -> str:
    """The release title: reader metadata, else the title block, else the file name."""
    if document.meta.title:
        return document.meta.title
    for block in document.blocks:
        if block.kind == "title" and block.text.strip():
            return block.text.strip()
    return PurePath(document.meta.source_path.replace("\\", "/")).name or "release"


def block_kinds(document: Document) -> dict[int, str]:
    """Block index → kind, for the Block column."""
    return {b.index: b.kind for b in document.blocks}


def segments_by_block(report: RunReport) -> dict[int, list[Segment]]:
    """Segments of each block in sentence order."""
    grouped: dict[int, list[Segment]] = {}
    for seg in report.segments:
        grouped.setdefault(seg.block, []).append(seg)
    for segs in grouped.values():
        segs.sort(key=lambda s: (s.index, s.start))
    return grouped


def publish_block_parts(block: Block, segments: list[Segment], drafts: dict[str, TargetSegment],
                        placeholder: str = UNTRANSLATED_PUBLISH) -> list[tuple[str, bool]]:
    """A block's publishable text as (text, untranslated) parts, drafts joined by the source's
    own inter-sentence whitespace.

    A segment without a draft is written as ``placeholder`` (``[NOT TRANSLATED: source]``, or
    its translation in the interface language); a block that has text but no segments at all
    is kept the same way, so nothing disappears silently.
    """
    if not segments:
        text = block.text.strip()
        return [(placeholder.format(source=text), True)] if text else []
    parts: list[tuple[str, bool]] = []
    previous_end: int | None = None
    for seg in segments:
        if previous_end is not None:
            gap = block.text[previous_end:seg.start] if 0 <= previous_end <= seg.start else " "
            parts.append((gap if gap and gap.isspace() else " ", False))
        target = drafts.get(seg.id)
        if target is None or target.is_untranslated():
            parts.append((placeholder.format(source=seg.source), True))
        else:
            parts.append((target.text, False))
        previous_end = seg.end
    return parts


def publish_block_text(block: Block, segments: list[Segment], drafts: dict[str, TargetSegment]) -> str:
    """A block's publishable text as one string (see :func:`publish_block_parts`)."""
    return "".join(text for text, _ in publish_block_parts(block, segments, drafts))


def signature_line(report: RunReport, langs: list[str]) -> str:
    """One line naming what produced the drafts of ``langs`` (generator meta, DOCX subject)."""
    return " ; ".join(f"{lang}: {report.translations[lang].signature.as_text()}" for lang in langs)
