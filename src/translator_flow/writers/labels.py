"""What the review says in words: labels, notes, tooltips and the legend, in the UI language.

Every string here is an English gettext message (``N_`` marks the ones kept in tables) that
``locale/`` translates into Belarusian and Russian; the functions take the :class:`UiText`
of the editor's language. Words are chosen for an editor of a press office, not for the
people who built the engine: "left in Russian", not "unknown token"; "from the lexicon",
not "fallback".
"""

from __future__ import annotations

from ..model import UI_LANGUAGES, Mark, QAIssue, TargetSegment, TermHit
from .common import UNTRANSLATED_MARK, Note
from .i18n import N_, UiText, message_text, ui_text, variants

SEVERITY_LABELS = {"blocking": N_("must fix"), "warning": N_("check"), "info": N_("for information")}
#: How the draft was made (TargetSegment.origin).
ORIGIN_LABELS = {
    "tm": N_("from the translation memory"),
    "mt": N_("machine translation"),
    "glossary": N_("machine translation, glossary terms inserted"),
    "human": N_("edited by a person"),
    "none": N_("no draft"),
}
#: Engine marks: a short name (highlight tooltip, legend sample) and what it means.
MARK_LABELS = {
    "unknown": N_("left in Russian"),
    "generation": N_("word form not built"),
    "bilingual": N_("not in the engine's dictionary"),
    "fallback": N_("from the lexicon"),
}
#: Fallback marks not made from a lexicon row (``Mark.via``: a respelled name, a rewrite an
#: engine stage guessed, …): the tooltip says how the word was made, not "from the lexicon".
MARK_VIA_LABELS = {
    "name": N_("name respelled in Belarusian letters"),
    "surname": N_("surname that is also a common word"),
    "agreement": N_("ending chosen to agree with the next word"),
    "script": N_("Latin letters replaced by Cyrillic"),
    "participle": N_("relative clause made from a participle"),
    "participle-prepositive": N_("participle to rewrite as a relative clause"),
    "government": N_("case set by the Belarusian verb"),
    "gender": N_("gender of the Belarusian subject"),
    "predicative": N_("predicative form"),
}
MARK_MEANINGS = {
    "unknown": N_("the engine does not know the word and left it as it was"),
    "generation": N_("the engine could not put the word into the right form"),
    "bilingual": N_("the engine's dictionary has no translation for the word"),
    "fallback": N_("the project's word list, not the engine, gave this word: check it"),
}
#: QA checks (qa/registry.py) in plain words; a check missing here shows its own name.
CHECK_LABELS = {
    "empty": N_("no translation"),
    "stray_characters": N_("characters that must not be published"),
    "untranslated": N_("words not translated"),
    "numbers": N_("numbers"),
    "dates": N_("dates"),
    "terminology": N_("glossary terms"),
    "quotes_brackets": N_("quotes and brackets"),
    "punctuation_end": N_("punctuation at the end"),
    "mixed_script": N_("mixed alphabets in a word"),
    "repeated_word": N_("repeated word"),
    "length_ratio": N_("length unlike the source"),
    "spelling": N_("not in the Belarusian dictionary"),
    "risky_rendering": N_("often mistranslated"),
}
#: The Block column. The English labels are the model's kinds (the round-trip contract);
#: the review reader maps every language's label back to the kind (:func:`block_kind`).
BLOCK_LABELS = {
    "title": N_("title"),
    "lead": N_("lead"),
    "paragraph": N_("paragraph"),
    "quote": N_("quote"),
    "list_item": N_("list_item"),
    "heading": N_("heading"),
}


#: The Status drop-down, in the editor's language. Every translation must be a word of
#: review/approval.py's STATUS_WORDS (tests/test_ui_catalogs.py checks it), in the order of
#: docx_util.STATUS_CHOICES: approved, rejected, query.
STATUS_LABELS = (N_("approved"), N_("rejected"), N_("query"))
STATUS_PLACEHOLDER_LABEL = N_("Choose an item.")


def status_choices(_: UiText) -> tuple[str, ...]:
    """The Status drop-down's items: approved, rejected, query."""
    return tuple(_(label) for label in STATUS_LABELS)


def status_placeholder(_: UiText) -> str:
    """What an untouched Status drop-down shows."""
    return _(STATUS_PLACEHOLDER_LABEL)


def status_placeholders() -> tuple[str, ...]:
    """The untouched drop-down's text in every interface language (read as "not marked")."""
    return variants(STATUS_PLACEHOLDER_LABEL)


def severity_label(_: UiText, severity: str) -> str:
    """«must fix» / «check» / «for information» (the severity's own name if unknown)."""
    return _(SEVERITY_LABELS[severity]) if severity in SEVERITY_LABELS else severity


def check_label(_: UiText, check: str) -> str:
    """A QA check in plain words (its name when this module does not know it yet)."""
    return _(CHECK_LABELS[check]) if check in CHECK_LABELS else check


def block_label(_: UiText, kind: str) -> str:
    """The Block cell of a row."""
    return _(BLOCK_LABELS[kind]) if kind in BLOCK_LABELS else kind


def block_kind(label: str) -> str:
    """The block kind a Block cell names, in any interface language (the label itself if none)."""
    for kind, message in BLOCK_LABELS.items():
        if label in variants(message):
            return kind
    return label


def untranslated_mark(_: UiText) -> str:
    """The placeholder of a Draft cell without a draft, e.g. «[NOT TRANSLATED]»."""
    return _(UNTRANSLATED_MARK)


def untranslated_marks() -> tuple[str, ...]:
    """The placeholder in every interface language (finalize removes any of them)."""
    return variants(UNTRANSLATED_MARK)


def main_table_header(_: UiText, langs: list[str], source_lang: str = "ru") -> list[str]:
    """The header cells of the review table: ``# | ID | Block | Source (ru) | Draft (be)… | Notes | Status``."""
    return [_("#"), _("ID"), _("Block"), _("Source ({lang})", lang=source_lang),
            *(_("Draft ({lang})", lang=lang) for lang in langs), _("Notes"), _("Status")]


def review_header_variants() -> list[tuple[str, list[str], str, list[str]]]:
    """The review table header in every interface language: (the language, first four cells,
    the Draft cell with a ``{lang}`` slot, last two cells). The review reader accepts any of
    them, and so learns the language the review was written in (finalize words its files in it)."""
    out = []
    for lang in UI_LANGUAGES:
        _ = ui_text(lang)
        cells = main_table_header(_, [])
        out.append((lang, cells[:4], _("Draft ({lang})", lang="{lang}"), cells[4:]))
    return out


def issue_note(_: UiText, issue: QAIssue) -> str:
    """A finding as the Notes column shows it: «check · numbers: message»."""
    return _("{severity} · {check}: {message}", severity=severity_label(_, issue.severity),
             check=check_label(_, issue.check), message=message_text(_, issue.message))


def issue_comment(_: UiText, issue: QAIssue) -> str:
    """A finding as a Word comment or a document-level line: the note and the check's name,
    so the check can be looked up in docs/checks.md."""
    return f"{issue_note(_, issue)} [{issue.check}]"


def term_note(_: UiText, hit: TermHit) -> str:
    """A glossary hit in a few words: «✓ Міністэрства аховы здароўя — glossary»."""
    if not hit.target_form:
        return _("✗ {term} — glossary term not inserted: write it in", term=hit.approved or hit.source_text)
    if hit.flagged:
        return _("? {term} — glossary: check the form ({reason})", term=hit.target_form, reason=message_text(_, hit.flagged))
    return _("✓ {term} — glossary", term=hit.target_form)


def term_title(_: UiText, hit: TermHit) -> str:
    """The tooltip of a highlighted term: the source form, the placed form, the entry."""
    text = _("glossary: {source} → {form} (entry {entry})", source=hit.source_text,
             form=hit.target_form or _("not inserted"), entry=hit.entry_id)
    if hit.approved and hit.approved != hit.target_form:
        text += "; " + _("dictionary form: {form}", form=hit.approved)
    if hit.flagged:
        text += "; " + _("check: {reason}", reason=message_text(_, hit.flagged))
    return text


def mark_note(_: UiText, mark: Mark) -> str:
    """An engine mark as a note or tooltip: «left in Russian: Белтрансэкспедиция»."""
    label = _(MARK_LABELS[mark.kind]) if mark.kind in MARK_LABELS else mark.kind
    if mark.kind == "fallback" and mark.via in MARK_VIA_LABELS:
        label = _(MARK_VIA_LABELS[mark.via])
    return _("{label}: {word}", label=label, word=mark.word)


def error_note(_: UiText, target: TargetSegment) -> str:
    """Why a draft is missing: the engine's own error, or that nothing was produced."""
    if target.error:
        return _("engine error: {error}", error=message_text(_, target.error))
    return _("not translated: no draft was produced")


def target_notes(_: UiText, target: TargetSegment, issues: list[tuple[str, QAIssue]]) -> list[Note]:
    """The Notes column for one draft: how it was made, errors, findings, terms, marks, TM.

    One note per finding: an engine mark that a QA finding already points at (its span
    covers the word) is not repeated as a mark note.
    """
    notes = [Note("origin", _(ORIGIN_LABELS[target.origin]) if target.origin in ORIGIN_LABELS else target.origin)]
    if target.error or target.is_untranslated():
        notes.append(Note("error", error_note(_, target), "blocking"))
    order = {s: n for n, s in enumerate(SEVERITY_LABELS)}
    for _key, issue in sorted(issues, key=lambda ki: order.get(ki[1].severity, 9)):
        notes.append(Note("issue", issue_note(_, issue), issue.severity))
    for hit in target.term_hits:
        notes.append(Note("term", term_note(_, hit)))
    spans = [i.span for _key, i in issues if i.span]
    for mark in target.marks:
        if not any(s[0] < mark.end and mark.start < s[1] for s in spans):
            notes.append(Note("mark", mark_note(_, mark)))
    for suggestion in target.suggestions:
        notes.append(Note("suggestion", _("from the memory, similar: {text}", text=suggestion)))
    return notes


#: Legend lines: (highlight classes of the sample, sample words, meaning).
LEGEND = [
    (frozenset({"mark-unknown"}), MARK_LABELS["unknown"], MARK_MEANINGS["unknown"]),
    (frozenset({"mark-generation"}), MARK_LABELS["generation"], MARK_MEANINGS["generation"]),
    (frozenset({"mark-bilingual"}), MARK_LABELS["bilingual"], MARK_MEANINGS["bilingual"]),
    (frozenset({"mark-fallback"}), MARK_LABELS["fallback"], MARK_MEANINGS["fallback"]),
    (frozenset({"term"}), N_("glossary term"), N_("the approved term, in the source and in the draft")),
    (frozenset({"term-check"}), N_("term to check"), N_("inserted by rule or not inserted: check its form")),
]


def legend(_: UiText) -> list[tuple[frozenset[str], str, str]]:
    """The legend of highlight colours, translated: (classes, sample, meaning)."""
    return [(classes, _(sample), _(meaning)) for classes, sample, meaning in LEGEND]
