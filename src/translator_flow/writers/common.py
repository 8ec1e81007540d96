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

from ..model import LOUD_WARNING_PREFIXES, Block, Document, DocumentMeta, QAIssue, RunReport, Segment, TargetSegment, TermHit, Translation

#: What the review shows in the Draft cell of a segment that has no draft. A fixed string so
#: that ``finalize`` can tell an untouched placeholder from an editor's translation.
UNTRANSLATED_MARK = "[NOT TRANSLATED]"
#: The publishable draft keeps the source visibly wrapped, e.g. ``[NOT TRANSLATED: Текст.]``,
#: so that Russian text can never go out unnoticed in a Belarusian or English release.
UNTRANSLATED_PUBLISH = "[NOT TRANSLATED: {source}]"
#: Author of every Word comment translator-flow adds (finalize can tell ours from editors').
QA_AUTHOR = "translator-flow QA"
QA_INITIALS = "QA"
SOURCE_LANG = "ru"

ORIGIN_LABELS = {
    "tm": "translation memory",
    "mt": "MT",
    "glossary": "MT + glossary terms",
    "human": "human edit",
    "none": "none",
}
MARK_LABELS = {
    "unknown": "unknown word",
    "generation": "generation error",
    "bilingual": "missing bilingual entry",
    "fallback": "fallback, not translated by the engine",
}
SEVERITY_ORDER = {"blocking": 0, "warning": 1, "info": 2}
#: BCP 47 tags for the language of runs/elements (spell checkers pick the right dictionary).
LANG_TAGS = {"ru": "ru-RU", "be": "be-BY", "en": "en-GB"}

# XML 1.0 forbids most C0 controls and lone surrogates; lxml refuses them and browsers show
# garbage. One-for-one replacement keeps every offset (marks, spans) valid.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Replace characters XML cannot carry with U+FFFD, keeping the length (offsets stay valid)."""
    return _NOT_XML.sub("\ufffd", text)


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


def term_title(hit: TermHit) -> str:
    """Tooltip and note text for a glossary hit: «entry: source → placed form»."""
    placed = hit.target_form or "(not placed)"
    text = f"term {hit.entry_id}: {hit.source_text} → {placed}"
    if hit.approved and hit.approved != hit.target_form:
        text += f" (approved: {hit.approved})"
    if hit.flagged:
        text += f"; check: {hit.flagged}"
    return text


def _term_cls(hit: TermHit) -> str:
    return "term-check" if hit.flagged or not hit.target_form else "term"


def source_ranges(segment: Segment, targets: list[TargetSegment]) -> list[Range]:
    """Term highlights in the source text, from the hits of every shown language."""
    seen: set[tuple[int, int]] = set()
    ranges = []
    for target in targets:
        for hit in target.term_hits:
            span = locate(segment.source, hit.source_text, hit.start, hit.end)
            if span and span not in seen:
                seen.add(span)
                ranges.append(Range(span[0], span[1], _term_cls(hit), title=term_title(hit)))
    return ranges


def draft_ranges(target: TargetSegment, issues: list[tuple[str, QAIssue]]) -> list[Range]:
    """Mark, term and issue-span highlights in a draft text."""
    ranges = []
    for mark in target.marks:
        span = locate(target.text, mark.word, mark.start, mark.end)
        if span:
            label = MARK_LABELS.get(mark.kind, mark.kind)
            ranges.append(Range(span[0], span[1], f"mark-{mark.kind}", title=f"{label}: {mark.word}"))
    for hit, span in locate_terms(target.text, target.term_hits):
        if span:
            ranges.append(Range(span[0], span[1], _term_cls(hit), title=term_title(hit)))
    for key, issue in issues:
        if issue.span and 0 <= issue.span[0] < issue.span[1] <= len(target.text):
            ranges.append(Range(issue.span[0], issue.span[1], "issue", key=key, title=issue_text(issue)))
    return ranges


def issue_text(issue: QAIssue) -> str:
    """How an issue reads in a comment or a note: «warning · numbers: message»."""
    return f"{issue.severity} · {issue.check}: {issue.message}"


def target_notes(target: TargetSegment, issues: list[tuple[str, QAIssue]]) -> list[Note]:
    """The Notes column for one draft: origin, engine error, QA findings, terms, marks, TM."""
    notes = [Note("origin", f"origin: {ORIGIN_LABELS.get(target.origin, target.origin)}")]
    if target.error:
        notes.append(Note("error", f"engine error: {target.error}", "blocking"))
    elif target.is_untranslated():
        notes.append(Note("error", "not translated: no draft was produced", "blocking"))
    for _, issue in sorted(issues, key=lambda ki: SEVERITY_ORDER.get(ki[1].severity, 9)):
        notes.append(Note("issue", issue_text(issue), issue.severity))
    for hit in target.term_hits:
        notes.append(Note("term", term_title(hit)))
    for mark in target.marks:
        notes.append(Note("mark", f"{MARK_LABELS.get(mark.kind, mark.kind)}: {mark.word}"))
    for suggestion in target.suggestions:
        notes.append(Note("suggestion", f"suggestion: {suggestion}"))
    return notes


def targets_by_id(translation: Translation) -> dict[str, TargetSegment]:
    """Drafts of one language keyed by segment id (:meth:`Translation.targets_by_id`)."""
    return translation.targets_by_id()


def source_warning_lines(meta: DocumentMeta) -> list[tuple[str, bool]]:
    """The reader's warnings for a review header, each with whether it is the loud one.

    Loud: most of the source's visible text was dropped, or no glossary checked the terms
    (``LOUD_WARNING_PREFIXES``); they come first so an editor sees it before anything else in the header.
    """
    lines = [(clean_text(w), w.startswith(LOUD_WARNING_PREFIXES)) for w in meta.warnings]
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


def publish_block_parts(block: Block, segments: list[Segment], drafts: dict[str, TargetSegment]) -> list[tuple[str, bool]]:
    """A block's publishable text as (text, untranslated) parts, drafts joined by the source's
    own inter-sentence whitespace.

    A segment without a draft is written as ``[NOT TRANSLATED: source]``; a block that has
    text but no segments at all is kept the same way, so nothing disappears silently.
    """
    if not segments:
        text = block.text.strip()
        return [(UNTRANSLATED_PUBLISH.format(source=text), True)] if text else []
    parts: list[tuple[str, bool]] = []
    previous_end: int | None = None
    for seg in segments:
        if previous_end is not None:
            gap = block.text[previous_end:seg.start] if 0 <= previous_end <= seg.start else " "
            parts.append((gap if gap and gap.isspace() else " ", False))
        target = drafts.get(seg.id)
        if target is None or target.is_untranslated():
            parts.append((UNTRANSLATED_PUBLISH.format(source=seg.source), True))
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
