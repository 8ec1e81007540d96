"""Explicit approval: a draft is approved only when the editor says so.

The review DOCX has a Status drop-down per row (approved / rejected / query); editors may
also type a word instead. :data:`STATUS_WORDS` is the one table of what counts (compared
case-insensitively, after trimming); anything typed after the word ("query: is this the
official name?") is kept as the editor's note. In XLIFF the segment ``state`` speaks:
``reviewed`` and ``final`` approve, ``translated`` only with ``approve_translated``.

A row whose draft was edited but whose Status was left empty is **not** approved: it is
listed as "edited but not marked approved" (docs/round-trip.md, "Approval"), because an
edit is work in progress until someone signs it off.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from ..model import Approval as Decision
from ..model import RunReport
from ..writers.docx_util import STATUS_CHOICES
from ..writers.labels import status_placeholders
from .reviewed import MAX_LISTED, ReviewedFile

#: Every Status word finalize understands → its decision. ONE table: docs/round-trip.md lists it.
STATUS_WORDS: dict[str, Decision] = {
    # approved
    "approved": "approved", "ok": "approved", "✔": "approved", "✓": "approved", "✅": "approved",
    "+": "approved", "зацверджана": "approved", "одобрено": "approved",
    # rejected
    "rejected": "rejected", "✘": "rejected", "✗": "rejected", "❌": "rejected",
    "адхілена": "rejected", "отклонено": "rejected",
    # query
    "query": "query", "?": "query", "пытанне": "query", "вопрос": "query",
}
assert all(STATUS_WORDS.get(c) == c for c in STATUS_CHOICES), "the drop-down's choices must be in the table"

#: XLIFF 2.0 segment states that approve a unit (``translated`` too with approve_translated).
APPROVING_STATES = ("reviewed", "final")
_NOTE_SEPARATORS = " \t\n:;,.—–-"


@dataclass(frozen=True)
class RowApproval:
    """What the editor decided for one segment: decision, the evidence, any typed note."""

    decision: Decision
    evidence: str = ""  # e.g. "Status «✔»", "XLIFF state «reviewed»"
    note: str = ""


def parse_status(text: str) -> RowApproval:
    """The decision a Status cell's text stands for, and the note typed after the word."""
    text = unicodedata.normalize("NFC", text.replace("\ufe0f", "")).strip()  # ✔️ is ✔ + VS16
    for placeholder in status_placeholders():  # typed after the untouched placeholder (any UI language)
        text = text.replace(placeholder, "")
    text = text.strip()
    if not text:
        return RowApproval("unmarked")
    folded = text.casefold()
    for word in sorted(STATUS_WORDS, key=len, reverse=True):
        if folded.startswith(word):
            rest = text[len(word):]
            if word[-1].isalnum() and rest[:1].isalnum():
                continue  # «okay» is not «ok» + «ay»
            return RowApproval(STATUS_WORDS[word], f"Status «{text[:len(word)]}»", rest.strip(_NOTE_SEPARATORS))
    return RowApproval("unknown", f"Status «{text}»", text)


def xliff_approval(state: str, *, approve_translated: bool) -> RowApproval:
    """The decision an XLIFF segment state stands for."""
    if state in APPROVING_STATES or (approve_translated and state == "translated"):
        return RowApproval("approved", f"XLIFF state «{state}»")
    return RowApproval("unmarked", f"XLIFF state «{state or 'initial'}»")


def row_approvals(reviewed: ReviewedFile, *, approve_translated: bool = False) -> dict[str, RowApproval]:
    """Segment id → the editor's decision, from the Status cells (DOCX) or states (XLIFF)."""
    if reviewed.format == "xliff":
        return {r.id: xliff_approval(r.status, approve_translated=approve_translated) for r in reviewed.rows}
    return {r.id: parse_status(r.status) for r in reviewed.rows}


def apply_approvals(report: RunReport, approvals: Mapping[str, RowApproval],
                    notes: Mapping[str, Sequence[str]] = {}) -> RunReport:
    """``report`` with each draft's approval and notes; not approved or blocking → needs-review.

    A draft counts as approved only when it has text; an approved draft with a blocking
    finding is written ``needs-review`` too (it must not be published or remembered unflagged).
    """
    translations = {}
    for lang, translation in report.translations.items():
        blocking = {i.segment_id for i in translation.issues if i.severity == "blocking"}
        targets = []
        for target in translation.targets:
            row = approvals.get(target.segment_id, RowApproval("unmarked"))
            typed = (f"Status note: {row.note}",) if row.note and row.decision != "unknown" else ()
            status = target.status
            if status != "untranslated" and (row.decision != "approved" or target.segment_id in blocking):
                status = "needs-review"
            decision: Decision = row.decision if target.text.strip() else "unmarked"
            targets.append(replace(target, approval=decision, status=status,
                                   review_notes=(*notes.get(target.segment_id, ()), *typed)))
        translations[lang] = replace(translation, targets=tuple(targets))
    return replace(report, translations=translations)


def approval_problems(report: RunReport, reviewed: ReviewedFile, approvals: Mapping[str, RowApproval]) -> list[str]:
    """One line per row that stops a final release: not approved, or a blocking finding."""
    where = {r.id: r.row for r in reviewed.rows}
    unit = "unit" if reviewed.format == "xliff" else "row"
    multi = len(report.translations) > 1
    problems: list[str] = []
    for lang, translation in report.translations.items():
        blocking: dict[str, str] = {}
        for issue in translation.issues:
            if issue.severity == "blocking":
                blocking.setdefault(issue.segment_id, issue.message)
        for target in translation.targets:
            sid = target.segment_id
            label = f"{unit} {where.get(sid, '?')} ({sid}{', ' + lang if multi else ''})"
            row = approvals.get(sid, RowApproval("unmarked"))
            if not target.text.strip():
                problems.append(f"{label}: no draft")
                continue
            if row.decision == "approved" and sid in blocking:
                problems.append(f"{label}: approved, but has a blocking finding: {blocking[sid]}")
            elif row.decision != "approved":
                problems.append(f"{label}: {describe(row, target.origin == 'human')}")
    return problems


def describe(row: RowApproval, edited: bool) -> str:
    """Why a row is not approved, in the editor's words."""
    if row.decision == "rejected":
        return "rejected" + (f" ({row.note})" if row.note else "")
    if row.decision == "query":
        return "query" + (f": {row.note}" if row.note else "")
    if row.decision == "unknown":
        return (f"{row.evidence} is not understood: choose approved / rejected / query, "
                "or type one of the words in docs/round-trip.md")
    if row.evidence.startswith("XLIFF"):
        return f"not approved ({row.evidence}; reviewed or final approves)"
    return "edited but not marked approved" if edited else "not marked approved"


def refusal(path: object, problems: Sequence[str]) -> str:
    """The error text for a release that is not approved: one line, then the rows."""
    listed = problems[:MAX_LISTED]
    more = f"\n  … and {len(problems) - MAX_LISTED} more" if len(problems) > MAX_LISTED else ""
    return (f"{path}: {len(problems)} row(s) are not approved or have blocking findings, so the release "
            "is not final; mark rows approved in Status (or fix them), or pass --allow-unapproved to "
            "write them as needs-review. Nothing was written.\n  - " + "\n  - ".join(listed) + more)
