"""The document model at the centre: frozen dataclasses every stage reads and returns.

Readers produce a :class:`Document`; segmentation adds :class:`Segment`s; each target
language yields a :class:`Translation` of :class:`TargetSegment`s with :class:`QAIssue`s;
the pipeline returns a :class:`RunReport` that every writer (and the JSON contract) uses.
Stages never mutate these objects; they build new ones (``dataclasses.replace``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, Literal

BlockKind = Literal["title", "lead", "paragraph", "quote", "list_item", "heading"]
BLOCK_KINDS: tuple[str, ...] = ("title", "lead", "paragraph", "quote", "list_item", "heading")

#: Where a draft came from: translation memory, machine translation, MT with glossary
#: terms placed, a human edit, or nothing (the segment could not be translated).
Origin = Literal["tm", "mt", "glossary", "human", "none"]

#: What an engine mark means. Apertium writes ``*`` for a word its analyser does not
#: know, ``#`` for a failed generation and ``@`` for a missing bilingual entry.
MarkKind = Literal["unknown", "generation", "bilingual", "fallback"]

#: Languages of the review interface (labels, legend, notes): English, Belarusian, Russian.
#: writers/locale holds a gettext catalog for each but English, the language of the messages.
UI_LANGUAGES: tuple[str, ...] = ("en", "be", "ru")

#: An editor's decision on a draft, set by ``finalize`` ("" before review): approved by the
#: Status cell or XLIFF state, rejected, queried, not marked, or a Status word not understood.
Approval = Literal["", "approved", "rejected", "query", "unmarked", "unknown"]

Severity = Literal["blocking", "warning", "info"]
SEVERITIES: tuple[str, ...] = ("blocking", "warning", "info")


@dataclass(frozen=True)
class Span:
    """Inline formatting over ``[start, end)`` of a block's text (bold, italic, link)."""

    start: int
    end: int
    style: Literal["bold", "italic", "link"]
    href: str | None = None


@dataclass(frozen=True)
class Block:
    """One structural unit of a release: title, lead, paragraph, quote, list item, heading."""

    index: int
    kind: BlockKind
    text: str
    spans: tuple[Span, ...] = ()


#: Start of a reader warning that most of the source did not reach the document; review
#: headers show it as a distinct loud line (readers.removed writes it).
LOUD_WARNING_PREFIX = "MOST OF THE SOURCE WAS DROPPED:"
#: Start of a reader warning that a part of the source could not be read at all (a Word
#: file embedding an RTF or MHT chunk): its text is missing from every draft.
NOT_READ_WARNING_PREFIX = "PART OF THE SOURCE WAS NOT READ:"
#: Warnings shown first and in red in review headers, and printed on stderr by the CLI.
LOUD_WARNING_PREFIXES: tuple[str, ...] = (LOUD_WARNING_PREFIX, "NO GLOSSARY:", NOT_READ_WARNING_PREFIX)


@dataclass(frozen=True)
class DocumentMeta:
    """Where a document came from, so outputs can name and sign it."""

    source_path: str
    format: str  # "txt" | "docx" | "html"
    source_sha256: str
    encoding: str | None = None
    title: str | None = None
    warnings: tuple[str, ...] = ()  # what the reader removed, skipped or guessed


@dataclass(frozen=True)
class Document:
    """A parsed release: metadata and blocks in reading order, site chrome removed."""

    meta: DocumentMeta
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Segment:
    """One source sentence with a stable id (``b{block}s{n}``) and its place in the block."""

    id: str
    block: int
    index: int  # position of the sentence inside its block, from 0
    source: str
    start: int  # character offsets into ``Block.text``
    end: int


@dataclass(frozen=True)
class Mark:
    """Something the engine (or a fallback) could not translate cleanly, at ``[start, end)``
    of the clean draft text. Reviewer information, never part of the publishable text."""

    kind: MarkKind
    word: str
    start: int
    end: int
    #: for "fallback": how the word was made — "lexicon" (a reviewed lexicon row), "name"
    #: (a proper name respelled letter by letter), "agreement" (a "#" form re-inflected),
    #: "script" (Latin look-alike letters replaced by Cyrillic), "surname" (a surname that is also
    #: a common word, kept as a name: lang/be_names.py), "participle" (a Russian participle
    #: made a relative clause; ``original`` = the Russian verb), "participle-prepositive" (a
    #: participle before its noun, left for the editor; ``original`` = the clause to write),
    #: "government"/"gender"/"predicative" (lang/be_government.py).
    via: str = ""
    original: str = ""  # for "fallback": the word the engine left («обсудили»)
    lemma: str = ""  # for "fallback" via "lexicon": the reviewed row's Belarusian lemma («абмеркаваць»)


@dataclass(frozen=True)
class TermHit:
    """A glossary entry found in a source segment and the target form it should take."""

    entry_id: str
    source_text: str  # the form found in the source
    start: int  # offsets in the segment's source
    end: int
    approved: str  # the entry's approved (dictionary) target form
    target_form: str  # the inflected form placed in the draft ("" when not placed)
    lemmas: str = ""  # how it matched, for `glossary show` and review notes
    grammar: str = ""  # case/number taken from the source, e.g. "gent,sing"
    flagged: str = ""  # why the reviewer should check this placement, "" if fine


class Message(str):
    """A message's English text that keeps its gettext template and values, so a review in
    another interface language can show it translated (writers/i18n.message_text).

    It *is* the English string everywhere else (JSON, CLI, comparisons). Values may be
    Messages themselves (translated too) or words from the text (shown as they are). After a
    JSON round trip only the English text is left. ``plural``/``number``: the English plural
    template and the count that picks the form (:func:`nmsg`); ``given``: translations that
    come with data rather than from a catalog (:func:`given_msg`).
    """

    template: str
    params: dict[str, str]
    plural: str = ""
    number: int | None = None
    given: dict[str, str] = {}  # noqa: RUF012 - read only; instances set their own

    def __new__(cls, template: str, **params: str) -> Message:
        self = super().__new__(cls, template.format(**params) if params else template)
        self.template = template
        self.params = params
        return self


def msg(template: str, **params: str) -> Message:
    """A translatable message: ``msg("Number {number} is missing", number=...)``."""
    return Message(template, **params)


def nmsg(singular: str, plural: str, n: int, **params: str) -> Message:
    """A translatable message with a plural form picked by ``n`` (``{n}`` in the text):
    ``nmsg("removed {n} image", "removed {n} images", 3)``; Belarusian and Russian have three forms."""
    self = Message.__new__(Message, (singular if n == 1 else plural).format(n=n, **params))
    self.template, self.params, self.plural, self.number = singular, params, plural, n
    return self


def given_msg(english: str, **translations: str) -> Message:
    """Data text with its own translations (a TSV's ``why_be``/``why_ru``), shown in the
    interface language when one is given for it, else in English."""
    self = Message.__new__(Message, english)
    self.given = {lang: text for lang, text in translations.items() if text}
    return self


def join_msgs(parts: list[str], sep: str = "; ") -> str:
    """Messages joined «a; b», each still translatable ("" for none; ``sep`` other than "; " is plain)."""
    if not parts:
        return ""
    joined = parts[0]
    for part in parts[1:]:
        joined = msg("{first}; {second}", first=joined, second=part) if sep == "; " else joined + sep + part
    return joined


#: A run without any glossary: said loudly in the JSON, both review headers and on stderr.
NO_GLOSSARY_WARNING = msg("NO GLOSSARY: official terms were not checked. Give --glossary PATH, or keep the office "
                          "glossary in ./glossary or in ~/.local/share/translator-flow/glossary.")
#: How an untranslated segment's placeholder opens in each interface language, in the review
#: («[NOT TRANSLATED]») and in the publishable draft («[NOT TRANSLATED: source]»): QA's ``empty``
#: check finds one left in a draft. tests/test_ui_catalogs.py ties them to the catalogs.
UNTRANSLATED_OPENINGS: tuple[str, ...] = ("[NOT TRANSLATED", "[НЕ ПЕРАКЛАДЗЕНА", "[НЕ ПЕРЕВЕДЕНО")


@dataclass(frozen=True)
class QAIssue:
    """One QA finding on one segment in one target language."""

    check: str
    severity: Severity
    segment_id: str
    lang: str
    message: str
    span: tuple[int, int] | None = None  # offsets in the draft text, when known


@dataclass(frozen=True)
class EngineOutput:
    """What an engine returns for one text: the clean text, its marks, or an error.

    ``text`` never carries engine marks. When ``error`` is set the engine could not
    translate this text; ``text`` is then empty and the segment is "not translated".
    """

    text: str
    marks: tuple[Mark, ...] = ()
    error: str | None = None


@dataclass(frozen=True)
class TargetSegment:
    """The draft for one segment in one language."""

    segment_id: str
    lang: str
    text: str
    origin: Origin
    # "needs-review": finalize found the draft not approved (or with a blocking finding).
    status: Literal["translated", "untranslated", "needs-review"] = "translated"
    marks: tuple[Mark, ...] = ()
    term_hits: tuple[TermHit, ...] = ()
    error: str | None = None
    suggestions: tuple[str, ...] = ()  # near TM matches etc., shown to the reviewer
    approval: Approval = ""
    review_notes: tuple[str, ...] = ()  # editors' comments and typed notes on this row

    def is_untranslated(self) -> bool:
        """True when the draft cannot be shown as a translation (no text, or marked untranslated)."""
        return self.status == "untranslated" or not self.text.strip()

    @classmethod
    def missing(cls, segment_id: str, lang: str) -> TargetSegment:
        """The explicit state of a segment a language has no draft for (never a silent blank)."""
        return cls(segment_id, lang, "", "none", status="untranslated",
                   error=msg("no draft was produced for this segment"))


@dataclass(frozen=True)
class RunSignature:
    """What produced an output (sacreBLEU's idea): written into every output file."""

    tool_version: str
    engine: str
    engine_version: str
    model_id: str
    glossary_hash: str
    segmenter_version: str
    tm_hash: str = ""  # the translation memory the drafts could draw on ("" none)
    overlay_hash: str = ""  # the project's Apertium data overlay ("" none)

    def as_dict(self) -> dict[str, str]:
        """The signature as an ordered dict (JSON report, review manifest)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, values: Mapping[str, Any] | None) -> RunSignature:
        """A signature from :meth:`as_dict` output; fields a file lacks read "unknown"."""
        values = values or {}
        return cls(**{f.name: str(values.get(f.name, "unknown" if f.default is MISSING else f.default))
                      for f in fields(cls)})

    def as_text(self) -> str:
        """One line for headers and ``<meta>`` tags."""
        text = (
            f"translator-flow {self.tool_version} | engine {self.engine} {self.engine_version}"
            f" | model {self.model_id} | glossary {self.glossary_hash} | segmenter {self.segmenter_version}"
        )
        if self.tm_hash:
            text += f" | tm {self.tm_hash}"
        if self.overlay_hash:
            text += f" | overlay {self.overlay_hash}"
        return text


@dataclass(frozen=True)
class Translation:
    """All drafts of one document in one target language, with QA findings."""

    lang: str
    signature: RunSignature
    targets: tuple[TargetSegment, ...]
    issues: tuple[QAIssue, ...] = ()
    error: str | None = None  # set when the language could not be produced at all

    def severity_counts(self) -> dict[str, int]:
        """Number of this language's issues per severity, every severity present (0 when none)."""
        counts = dict.fromkeys(SEVERITIES, 0)
        for issue in self.issues:
            counts[issue.severity] += 1
        return counts

    def untranslated_count(self) -> int:
        """Segments with no draft at all (status ``untranslated``)."""
        return sum(1 for t in self.targets if t.status == "untranslated")

    def targets_by_id(self) -> dict[str, TargetSegment]:
        """Drafts keyed by segment id."""
        return {t.segment_id: t for t in self.targets}

    def target_for(self, segment_id: str, drafts: Mapping[str, TargetSegment] | None = None) -> TargetSegment:
        """The draft of ``segment_id``, or :meth:`TargetSegment.missing` when there is none.

        ``drafts``: a :meth:`targets_by_id` the caller keeps, so a loop over segments stays linear.
        """
        found = (drafts if drafts is not None else self.targets_by_id()).get(segment_id)
        return found if found is not None else TargetSegment.missing(segment_id, self.lang)

    def check_counts(self) -> dict[str, dict[str, int]]:
        """check → {severity: count} for every check that found something, in first-seen order."""
        table: dict[str, dict[str, int]] = {}
        for issue in self.issues:
            row = table.setdefault(issue.check, dict.fromkeys(SEVERITIES, 0))
            row[issue.severity] = row.get(issue.severity, 0) + 1
        return table


@dataclass(frozen=True)
class RunReport:
    """The result of translating one document: the object the JSON report is written from."""

    document: Document
    segments: tuple[Segment, ...]
    translations: dict[str, Translation] = field(default_factory=dict)
    outputs: tuple[str, ...] = ()  # paths written
    review_notes: tuple[str, ...] = ()  # editors' comments outside the segment rows (finalize)

    def issues(self) -> tuple[QAIssue, ...]:
        """Every QA issue of every language, in language then segment order."""
        return tuple(i for t in self.translations.values() for i in t.issues)

    def severity_counts(self, langs: list[str] | None = None) -> dict[str, int]:
        """Number of issues per severity (blocking, warning, info) over the given languages (all when None)."""
        counts = dict.fromkeys(SEVERITIES, 0)
        for lang, translation in self.translations.items():
            if langs is None or lang in langs:
                for severity, n in translation.severity_counts().items():
                    counts[severity] += n
        return counts

    def needs_attention(self, langs: list[str]) -> dict[str, str]:
        """segment id → worst severity of every segment an editor must look at, in document order.

        A segment needs attention when it has a blocking or warning issue in one of ``langs``,
        is not translated or has an engine error (counted as blocking), or carries engine
        marks no QA issue graded (counted as a warning; a graded mark counts at QA's severity).
        Info findings alone do not make a segment need attention.
        """
        rank = {severity: n for n, severity in enumerate(SEVERITIES)}
        worst: dict[str, int] = {}
        for lang in langs:
            translation = self.translations[lang]
            drafts = translation.targets_by_id()
            graded = {(i.segment_id, i.span) for i in translation.issues}
            for seg in self.segments:
                target = translation.target_for(seg.id, drafts)
                ungraded = any((seg.id, (m.start, m.end)) not in graded for m in target.marks)
                level = 0 if target.is_untranslated() or target.error else 1 if ungraded else 9
                worst[seg.id] = min(worst.get(seg.id, 9), level)
            for issue in translation.issues:
                if issue.segment_id in worst:
                    worst[issue.segment_id] = min(worst[issue.segment_id], rank.get(issue.severity, 9))
        return {seg.id: SEVERITIES[worst[seg.id]] for seg in self.segments if worst.get(seg.id, 9) <= 1}


#: A protected span inside a text handed to an engine: the engine must pass the text
#: between these private-use characters through verbatim (Apertium: a superblank).
#: The glossary layer wraps approved target forms in them before MT.
PROTECT_OPEN = "\ue000"
PROTECT_CLOSE = "\ue001"
