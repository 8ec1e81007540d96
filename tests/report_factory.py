"""Realistic RunReport objects for writer tests (and any test that needs a translated release).

``sample_report()`` is a short press release written for these tests (not taken from any
real site): a title, a two-sentence lead, paragraphs, a quote, a heading and list items,
with Belarusian and English drafts, engine marks, glossary hits, QA issues of every
severity, one untranslated segment and one document-level issue. ``hostile=True`` adds
markup, script URLs, quotes, ampersands and XML-invalid control characters to every field.
``build_report()`` builds any other report from plain lists.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from translator_flow.model import (
    Block,
    Document,
    DocumentMeta,
    Mark,
    QAIssue,
    RunReport,
    RunSignature,
    Segment,
    TargetSegment,
    TermHit,
    Translation,
)

SIG_BE = RunSignature("0.1.0", "apertium", "3.8.3", "rus-bel 0.2.1 (cg first reading)", "g-3f2a9c1e", "razdel-0.5.0+tf1")
SIG_EN = RunSignature("0.1.0", "argos", "1.11.0", "translate-ru_en 1.9", "g-3f2a9c1e", "razdel-0.5.0+tf1")

BLOCKS: list[tuple[str, list[str]]] = [
    ("title", ["В Минской области открылся новый логистический центр"]),
    ("lead", ["12 марта 2025 года в Смолевичском районе Минской области открылся логистический центр площадью 25 тыс. кв. м.",
              "Инвестиции в проект составили 48,5 млн рублей."]),
    ("paragraph", ["Центр построила компания «Белтрансэкспедиция» за 14 месяцев.",
                   "На предприятии создано 120 рабочих мест."]),
    ("quote", ["«Мы рассчитываем, что уже в этом году грузооборот вырастет на 15 %», — отметил директор центра И. Петров."]),
    ("heading", ["Услуги центра"]),
    ("list_item", ["Хранение и обработка грузов."]),
    ("list_item", ["Таможенное оформление."]),
    ("paragraph", ["Подробности опубликованы на сайте Министерства транспорта и коммуникаций.",
                   "Телефон для справок: +375 17 123-45-67."]),
]
DRAFTS: dict[str, list[str | None]] = {
    "be": [
        "У Мінскай вобласці адкрыўся новы лагістычны цэнтр",
        "12 сакавіка 2025 года ў Смалявіцкім раёне Мінскай вобласці адкрыўся лагістычны цэнтр плошчай 25 тыс. кв. м.",
        "Інвестыцыі ў праект склалі 48,5 млн рублёў.",
        "Цэнтр пабудавала кампанія «Белтрансэкспедиция» за 14 месяцаў.",
        "На прадпрыемстве створана 120 працоўных месцаў.",
        None,  # the engine failed on the quote
        "Паслугі цэнтра",
        "Захоўванне і апрацоўка грузаў.",
        "Мытнае афармленне.",
        "Падрабязнасці апублікаваны на сайце Міністэрства транспарту і камунікацый.",
        "Тэлефон для даведак: +375 17 123-45-67.",
    ],
    "en": [
        "New logistics centre opens in Minsk Region",
        "On 12 March 2025, a logistics centre with an area of 25 thousand sq. m opened in the Smolevichi District of Minsk Region.",
        "Investment in the project amounted to 48.5 million roubles.",
        "The centre was built by Beltransekspeditsiya in 14 months.",
        "120 jobs have been created at the enterprise.",
        "“We expect cargo turnover to grow by 15% as early as this year,” said centre director I. Petrov.",
        "Centre services",
        "Storage and handling of goods.",
        "Customs clearance.",
        "Details are published on the website of the Ministry of Transport and Communications.",
        "Phone for inquiries: +375 17 123-45-67.",
    ],
}


@dataclass(frozen=True)
class TermSpec:
    """A glossary hit to place: found by ``source_text`` in the source segment."""

    entry_id: str
    source_text: str
    approved: str
    target_form: str
    grammar: str = ""
    flagged: str = ""


#: (lang, segment id) → glossary hits.
TERMS: dict[tuple[str, str], list[TermSpec]] = {
    ("be", "b0s0"): [TermSpec("minsk-region", "Минской области", "Мінская вобласць", "Мінскай вобласці", "loct,sing")],
    ("be", "b1s0"): [
        TermSpec("smolevichi-district", "Смолевичском районе", "Смалявіцкі раён", "Смалявіцкім раёне", "loct,sing",
                 flagged="case chosen by rule; check the preposition"),
        TermSpec("minsk-region", "Минской области", "Мінская вобласць", "Мінскай вобласці", "gent,sing"),
    ],
    ("be", "b7s0"): [TermSpec("mintrans", "Министерства транспорта и коммуникаций",
                              "Міністэрства транспарту і камунікацый", "Міністэрства транспарту і камунікацый")],
    ("en", "b0s0"): [TermSpec("minsk-region", "Минской области", "Minsk Region", "Minsk Region")],
    ("en", "b1s0"): [TermSpec("minsk-region", "Минской области", "Minsk Region", "Minsk Region")],
    ("en", "b7s0"): [TermSpec("mintrans", "Министерства транспорта и коммуникаций",
                              "Ministry of Transport and Communications", "Ministry of Transport and Communications")],
}
#: (lang, segment id) → engine marks (kind, word found in the draft).
MARKS: dict[tuple[str, str], list[tuple[str, str]]] = {
    ("be", "b2s0"): [("unknown", "Белтрансэкспедиция")],
}
#: (lang, segment id or "" for the whole document, check, severity, message, word the span covers).
ISSUES: list[tuple[str, str, str, str, str, str | None]] = [
    ("be", "b1s0", "typography", "warning", "Use a no-break space in «25 тыс.».", "25 тыс."),
    ("be", "b1s0", "terminology", "info", "Term «Минской области» placed as «Мінскай вобласці» (gent,sing).", "Мінскай вобласці"),
    ("be", "b2s0", "untranslated", "warning", "Unknown word «Белтрансэкспедиция» left in Russian (Apertium *).", "Белтрансэкспедиция"),
    ("be", "b3s0", "empty", "blocking", "No Belarusian draft: the engine failed on this sentence.", None),
    ("be", "", "consistency", "info", "«Минской области» is translated the same way in 2 segments.", None),
    ("en", "b1s0", "numbers", "info", "«25 тыс.» appears as «25 thousand»; check the unit.", "25 thousand"),
    ("en", "b2s0", "terminology", "warning", "Company name romanised as «Beltransekspeditsiya»; check its official English name.", "Beltransekspeditsiya"),
    ("en", "b3s0", "length_ratio", "info", "Draft is 1.4× the source length (typical ru→en 0.8–1.2).", None),
]
ORIGINS = {"b1s0": "glossary", "b0s0": "glossary", "b7s0": "glossary", "b6s0": "tm"}
SUGGESTIONS = {("be", "b2s1"): ("TM 92%: На прадпрыемстве створана 100 працоўных месцаў.",)}
SEGMENT_ERRORS = {("be", "b3s0"): "apertium stage cg-proc exited with signal 11; retried once"}

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "\"quotes\" & 'apostrophes' &amp; </td></tr></table><iframe src=javascript:alert(1)>",
]


def build_report(
    blocks: list[tuple[str, list[str]]],
    drafts: dict[str, list[str | None]],
    *,
    terms: dict[tuple[str, str], list[TermSpec]] | None = None,
    marks: dict[tuple[str, str], list[tuple[str, str]]] | None = None,
    issues: list[tuple[str, str, str, str, str, str | None]] | None = None,
    origins: dict[str, str] | None = None,
    suggestions: dict[tuple[str, str], tuple[str, ...]] | None = None,
    segment_errors: dict[tuple[str, str], str] | None = None,
    lang_errors: dict[str, str] | None = None,
    signatures: dict[str, RunSignature] | None = None,
    source_path: str = "release.ru.docx",
    title: str | None = None,
    separator: str = " ",
) -> RunReport:
    """A RunReport from plain lists; a draft of ``None`` is an untranslated segment."""
    terms, marks, issues = terms or {}, marks or {}, issues or []
    origins, suggestions, segment_errors = origins or {}, suggestions or {}, segment_errors or {}
    doc_blocks, segments = [], []
    for b, (kind, sentences) in enumerate(blocks):
        text = ""
        for s, sentence in enumerate(sentences):
            if s:
                text += separator
            start = len(text)
            text += sentence
            segments.append(Segment(f"b{b}s{s}", b, s, sentence, start, len(text)))
        doc_blocks.append(Block(b, kind, text))  # type: ignore[arg-type]
    first_text = "\n".join(b.text for b in doc_blocks).encode("utf-8", "surrogatepass")
    meta = DocumentMeta(source_path, source_path.rsplit(".", 1)[-1], hashlib.sha256(first_text).hexdigest(),
                        "utf-8", title)
    translations = {}
    for lang, texts in drafts.items():
        sig = (signatures or {}).get(lang) or (SIG_EN if lang == "en" else SIG_BE)
        if lang_errors and lang in lang_errors:
            translations[lang] = Translation(lang, sig, (), (), lang_errors[lang])
            continue
        targets = [_target(seg, lang, text, terms, marks, origins, suggestions, segment_errors)
                   for seg, text in zip(segments, texts)]
        by_id = {t.segment_id: t for t in targets}
        lang_issues = []
        for i_lang, seg_id, check, severity, message, word in issues:
            if i_lang != lang:
                continue
            span = None
            draft = by_id[seg_id].text if seg_id in by_id else ""
            if word and word in draft:
                span = (draft.index(word), draft.index(word) + len(word))
            lang_issues.append(QAIssue(check, severity, seg_id, lang, message, span))  # type: ignore[arg-type]
        translations[lang] = Translation(lang, sig, tuple(targets), tuple(lang_issues))
    return RunReport(Document(meta, tuple(doc_blocks)), tuple(segments), translations)


def _target(seg, lang, text, terms, marks, origins, suggestions, segment_errors) -> TargetSegment:
    hits = []
    for spec in terms.get((lang, seg.id), []):
        at = seg.source.find(spec.source_text)
        if at >= 0:
            hits.append(TermHit(spec.entry_id, spec.source_text, at, at + len(spec.source_text), spec.approved,
                                spec.target_form, lemmas="", grammar=spec.grammar, flagged=spec.flagged))
    if text is None:
        return TargetSegment(seg.id, lang, "", "none", status="untranslated", term_hits=tuple(hits),
                             error=segment_errors.get((lang, seg.id), "the engine returned nothing"))
    found = []
    for kind, word in marks.get((lang, seg.id), []):
        at = text.find(word)
        if at >= 0:
            found.append(Mark(kind, word, at, at + len(word)))  # type: ignore[arg-type]
    return TargetSegment(seg.id, lang, text, origins.get(seg.id, "mt"), marks=tuple(found),  # type: ignore[arg-type]
                         term_hits=tuple(hits), suggestions=suggestions.get((lang, seg.id), ()),
                         error=segment_errors.get((lang, seg.id)))


def sample_report(*, langs: tuple[str, ...] = ("be", "en"), en_error: bool = False, hostile: bool = False) -> RunReport:
    """The sample release translated into ``langs``; ``en_error`` makes English unavailable."""
    blocks = [(kind, list(sents)) for kind, sents in BLOCKS]
    drafts = {lang: list(DRAFTS[lang]) for lang in langs}
    issues = list(ISSUES)
    marks = dict(MARKS)
    suggestions = dict(SUGGESTIONS)
    segment_errors = dict(SEGMENT_ERRORS)
    terms = dict(TERMS)
    sigs = {"be": SIG_BE, "en": SIG_EN}
    title = None
    source_path = "release.ru.docx"
    if hostile:
        h = " ".join(HOSTILE)
        blocks[0] = ("title", [f"{HOSTILE[0]} Заголовок {HOSTILE[1]}"])
        blocks.append(("paragraph", [f"Текст {HOSTILE[1]} и {HOSTILE[3]}.", f"Ссылка {HOSTILE[2]} <a href=\"javascript:alert(1)\">клик</a>.\x0b\x00"]))
        blocks.append(("quote", [f"{HOSTILE[0]}"]))
        hostile_drafts = {
            "be": [f"Тэкст {HOSTILE[1]} і {HOSTILE[3]}.", f"Спасылка {HOSTILE[2]} <a href=\"javascript:alert(1)\">клік</a>.\x0b", None],
            "en": [f"Text {HOSTILE[1]} and {HOSTILE[3]}.", f"Link {HOSTILE[2]} <a href=\"javascript:alert(1)\">click</a>.", HOSTILE[0]],
        }
        for lang in langs:
            drafts[lang][0] = f"{HOSTILE[0]} {drafts[lang][0]}"
            drafts[lang] += hostile_drafts[lang]
        n = len(blocks)
        p, q = f"b{n - 2}", f"b{n - 1}"
        marks[("be", f"{p}s0")] = [("unknown", "onerror=alert(1)>")]
        marks[("en", f"{p}s1")] = [("bilingual", "javascript:alert(1)")]
        terms[("be", f"{p}s1")] = [TermSpec("<b>entry</b>", "<a href=\"javascript:alert(1)\">", HOSTILE[1], "<a href=\"javascript:alert(1)\">", flagged=HOSTILE[0])]
        issues += [
            (lang, f"{p}s0", "x\"><script>alert(3)</script>", "warning", f"Hostile {h}", HOSTILE[1].split()[0])
            for lang in langs
        ] + [(lang, f"{q}s0", "empty", "blocking", HOSTILE[0], None) for lang in langs]
        suggestions[("be", f"{p}s0")] = (f"TM 80%: {HOSTILE[3]}",)
        segment_errors[("be", f"{q}s0")] = f"</td></tr>{HOSTILE[0]}"
        sigs = {lang: RunSignature("0.1.0", "apertium", "3.8.3", f"\"><script>alert(6)</script> {HOSTILE[2]}", "g-<b>", "s")
                for lang in langs}
        title = f"</title><script>alert(7)</script> {HOSTILE[1]}"
        source_path = "../../<script>x</script>/release.ru.txt"
    return build_report(
        blocks, drafts, terms=terms, marks=marks, issues=issues, origins=ORIGINS, suggestions=suggestions,
        segment_errors=segment_errors, signatures=sigs, title=title, source_path=source_path,
        lang_errors={"en": "No ru→en model is installed for Argos. Run `translator-flow models install ru-en`."} if en_error else None,
    )


def synthetic_report(paragraphs: int, sentences: int = 3, langs: tuple[str, ...] = ("be", "en")) -> RunReport:
    """A long release (``paragraphs`` × ``sentences``) for speed measurements."""
    blocks = [("title", ["Итоги года"])] + [
        ("paragraph", [f"В {p}-м разделе отчёта {s + 1}-е предложение содержит число {p * 10 + s} и слово «Минск»."
                       for s in range(sentences)]) for p in range(paragraphs)]
    n = sum(len(s) for _, s in blocks)
    drafts = {lang: [f"{lang}: sentence {i} with number {i}." for i in range(n)] for lang in langs}
    issues = [(lang, f"b{1 + i}s0", "numbers", "warning", f"Number {i} check.", None) for lang in langs for i in range(0, paragraphs, 5)]
    return build_report(blocks, drafts, issues=issues)
