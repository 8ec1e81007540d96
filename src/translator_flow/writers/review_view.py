"""The review view: what the review DOCX and the review HTML show, built once from the model.

Both review writers render a :class:`ReviewView`; neither looks anything up in the
:class:`~translator_flow.model.RunReport` itself. Rows, highlight pieces, notes, counts,
the "needs attention" list and document-level findings are computed here, so the two
views cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import DocumentMeta, QAIssue, RunReport, RunSignature, Segment, TargetSegment, TermHit
from .common import (
    SEVERITY_ORDER,
    Note,
    Piece,
    Range,
    block_kinds,
    clean_text,
    document_title,
    locate,
    locate_terms,
    signature_line,
    source_warning_lines,
    split_pieces,
)
from .i18n import UiText, message_text, ui_text
from .labels import block_label, issue_note, mark_note, target_notes, term_title

#: An issue with its stable key (``be-3``: language and position in Translation.issues);
#: the key anchors a DOCX comment on the highlighted span the issue points at.
KeyedIssue = tuple[str, QAIssue]


@dataclass(frozen=True)
class DraftView:
    """One language's draft of one segment, ready to render."""

    lang: str
    target: TargetSegment
    issues: tuple[KeyedIssue, ...]
    ranges: tuple[Range, ...]  # marks, terms and issue spans over target.text
    notes: tuple[Note, ...]

    @property
    def untranslated(self) -> bool:
        """True when the Draft cell shows the «not translated» placeholder."""
        return self.target.is_untranslated()

    @property
    def text(self) -> str:
        """The draft text shown (blank drafts show nothing but the placeholder)."""
        return self.target.text if self.target.text.strip() else ""

    def pieces(self, extra: tuple[Range, ...] = ()) -> list[Piece]:
        """The draft cut into highlight pieces (``extra``: more ranges, e.g. comment anchors)."""
        return split_pieces(self.text, [*self.ranges, *extra])


@dataclass(frozen=True)
class RowView:
    """One segment row: number, id, block kind, source pieces, a draft per language."""

    number: int
    segment: Segment
    kind: str
    source_pieces: tuple[Piece, ...]
    drafts: tuple[DraftView, ...]
    attention: str  # "blocking" | "warning" | "" (the segment needs no attention)


@dataclass(frozen=True)
class CheckCount:
    """How many findings one check made in one language, by severity."""

    lang: str
    check: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        """All findings of this check in this language."""
        return sum(self.counts.values())


@dataclass(frozen=True)
class ReviewView:
    """Everything a review writer shows for ``langs`` (one language, or several side by side),
    worded in the interface language ``ui``."""

    ui: UiText
    langs: tuple[str, ...]
    title: str
    meta: DocumentMeta
    signatures: tuple[tuple[str, RunSignature], ...]
    generator: str  # one line naming what produced the drafts
    unavailable: tuple[tuple[str, str], ...]  # (lang, error) of languages not produced
    source_warnings: tuple[tuple[str, bool], ...]  # (reader warning, loud?)
    counts: tuple[CheckCount, ...]
    attention: tuple[tuple[str, str], ...]  # (segment id, worst severity), document order
    orphans: tuple[KeyedIssue, ...]  # findings on no segment of this document
    rows: tuple[RowView, ...]

    @property
    def combined(self) -> bool:
        """True for a side-by-side view of several languages."""
        return len(self.langs) > 1

    @property
    def total_findings(self) -> int:
        """QA findings of every shown language."""
        return sum(c.total for c in self.counts)

    def lang_counts(self, lang: str) -> list[CheckCount]:
        """The per-check counts of one language."""
        return [c for c in self.counts if c.lang == lang]


def _term_cls(hit: TermHit) -> str:
    return "term-check" if hit.flagged or not hit.target_form else "term"


def source_ranges(_: UiText, segment: Segment, targets: list[TargetSegment]) -> list[Range]:
    """Term highlights in the source text, from the hits of every shown language."""
    seen: set[tuple[int, int]] = set()
    ranges = []
    for target in targets:
        for hit in target.term_hits:
            span = locate(segment.source, hit.source_text, hit.start, hit.end)
            if span and span not in seen:
                seen.add(span)
                ranges.append(Range(span[0], span[1], _term_cls(hit), title=term_title(_, hit)))
    return ranges


def draft_ranges(_: UiText, target: TargetSegment, issues: list[KeyedIssue]) -> list[Range]:
    """Mark, term and issue-span highlights in a draft text."""
    ranges = []
    for mark in target.marks:
        span = locate(target.text, mark.word, mark.start, mark.end)
        if span:
            ranges.append(Range(span[0], span[1], f"mark-{mark.kind}", title=mark_note(_, mark)))
    for hit, span in locate_terms(target.text, target.term_hits):
        if span:
            ranges.append(Range(span[0], span[1], _term_cls(hit), title=term_title(_, hit)))
    for key, issue in issues:
        if issue.span and 0 <= issue.span[0] < issue.span[1] <= len(target.text):
            ranges.append(Range(issue.span[0], issue.span[1], "issue", key=key, title=issue_note(_, issue)))
    return ranges


def build_review_view(report: RunReport, langs: list[str], ui_lang: str = "en") -> ReviewView:
    """The review view of ``report`` for ``langs`` in interface language ``ui_lang``."""
    _ = ui_text(ui_lang)
    ids = {s.id for s in report.segments}
    grouped: dict[tuple[str, str], list[KeyedIssue]] = {}
    orphans: list[KeyedIssue] = []
    for lang in langs:
        for n, issue in enumerate(report.translations[lang].issues):
            keyed = (f"{lang}-{n}", issue)
            if issue.segment_id in ids:
                grouped.setdefault((lang, issue.segment_id), []).append(keyed)
            else:
                orphans.append(keyed)
    kinds = block_kinds(report.document)
    drafts = {lang: report.translations[lang].targets_by_id() for lang in langs}
    need = report.needs_attention(langs)
    rows = []
    for number, seg in enumerate(report.segments, 1):
        targets = [report.translations[lang].target_for(seg.id, drafts[lang]) for lang in langs]
        cells = []
        for lang, target in zip(langs, targets):
            seg_issues = grouped.get((lang, seg.id), [])
            cells.append(DraftView(lang, target, tuple(seg_issues), tuple(draft_ranges(_, target, seg_issues)),
                                   tuple(target_notes(_, target, seg_issues))))
        rows.append(RowView(number, seg, block_label(_, kinds.get(seg.block, "")),
                            tuple(split_pieces(seg.source, source_ranges(_, seg, targets))), tuple(cells),
                            need.get(seg.id, "")))
    counts = [CheckCount(lang, check, {s: by_sev.get(s, 0) for s in SEVERITY_ORDER})
              for lang in langs for check, by_sev in report.translations[lang].check_counts().items()]
    return ReviewView(
        ui=_,
        langs=tuple(langs),
        title=clean_text(document_title(report.document)),
        meta=report.document.meta,
        signatures=tuple((lang, report.translations[lang].signature) for lang in langs),
        generator=clean_text(signature_line(report, langs)),
        unavailable=tuple((lang, message_text(_, t.error)) for lang, t in report.translations.items()
                          if t.error and lang not in langs),
        source_warnings=tuple(source_warning_lines(_, report.document.meta)),
        counts=tuple(counts),
        attention=tuple(need.items()),
        orphans=tuple(orphans),
        rows=tuple(rows),
    )


