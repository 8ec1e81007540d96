"""The ``terminology`` QA check: approved terms present, forbidden variants absent.

For every term found in the source, the draft must contain an accepted form of the
approved term: any case or number of it (the generated Belarusian paradigm, pinned
``be_forms``, ``*_variants``), or, when no paradigm is known, a word sequence with the same
stems. A forbidden variant (``be_forbidden``/``en_forbidden``, in any of its forms) is an
issue wherever it appears, whether or not the source had the term.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING
from collections.abc import Sequence

from ..model import QAIssue, TermHit, msg
from .gaps import gap_regex, signature, split_term

if TYPE_CHECKING:
    from .core import Glossary

CHECK_NAME = "terminology"
Finding = tuple[str, str, "tuple[int, int] | None"]  # (severity, message, span in the draft)

_RUSSIAN_ONLY = re.compile(r"[иИщЩъЪ]")  # letters Belarusian does not use
_VOWEL_END = re.compile(r"[аяоуюыіэеёьйaeiouy]{1,2}$", re.IGNORECASE)


def check_terminology(
    segment_source: str,
    target_text: str,
    hits: Sequence[TermHit],
    lang: str,
    glossary: Glossary,
) -> list[Finding]:
    """Terminology findings for one segment's draft in ``lang``: (severity, message, span).

    "blocking": an approved term of a source hit is missing, or a forbidden variant is
    present; "warning": a term placed but flagged for the reviewer (base form, uncertain
    case, draft entry).
    """
    del segment_source  # the hits carry what is needed; kept for the QA check signature
    findings: list[Finding] = []
    if lang == "be":
        glossary.prepare_be({h.entry_id for h in hits} or None)
    per_entry = Counter(h.entry_id for h in hits if glossary.get(h.entry_id).target(lang))
    for entry_id, wanted in per_entry.items():
        entry = glossary.get(entry_id)
        spans = _occurrences(accepted_forms(glossary, entry_id, lang), target_text)
        if not spans:
            spans = _occurrences_by_stem(entry.target(lang), target_text, lang)
        if len(spans) < wanted:
            source_forms = ", ".join(f"«{h.source_text}»" for h in hits if h.entry_id == entry_id)
            example = next((h.target_form for h in hits if h.entry_id == entry_id and h.target_form), entry.target(lang))
            count = msg(" ({found} of {wanted} found)", found=str(len(spans)), wanted=str(wanted)) if spans else ""
            findings.append((
                "blocking",
                msg("approved term «{term}» (entry {entry}) missing{count}: the source has {forms}; "
                    "expected e.g. «{example}»", term=entry.target(lang), entry=entry_id, count=count,
                    forms=source_forms, example=example),
                None,
            ))
    for hit in hits:
        if hit.flagged and glossary.get(hit.entry_id).target(lang):
            span = _first_span(hit.target_form, target_text)
            findings.append(("warning", msg("{reason} (entry {entry})", reason=hit.flagged, entry=hit.entry_id), span))
    forbidden = []
    for entry_id, item, pattern in _forbidden_patterns(glossary, lang):
        forbidden += [(m.start(), m.end(), entry_id, item, m.group(0)) for m in pattern.finditer(target_text)]
    reported: list[tuple[int, int]] = []
    # Longest first: «Рэспублікі Беларусія» is one finding, not also «Беларусія» inside it.
    for start, end, entry_id, item, found in sorted(forbidden, key=lambda f: (f[0] - f[1], f[0])):
        if any(s <= start and end <= e for s, e in reported):
            continue
        reported.append((start, end))
        approved = glossary.get(entry_id).target(lang)
        findings.append(("blocking", msg("forbidden variant «{found}» ({item}, entry {entry}): use «{approved}»",
                                         found=found, item=item, entry=entry_id, approved=approved), (start, end)))
    return findings


def verify(source: str, target: str, hits: Sequence[TermHit], lang: str, glossary: Glossary) -> list[QAIssue]:
    """:func:`check_terminology` as QAIssues (``segment_id`` left empty for the caller)."""
    return [
        QAIssue(check=CHECK_NAME, severity=sev, segment_id="", lang=lang, message=text, span=span)  # type: ignore[arg-type]
        for sev, text, span in check_terminology(source, target, hits, lang, glossary)
    ]


def accepted_forms(glossary: Glossary, entry_id: str, lang: str) -> set[str]:
    """Every form of an entry's approved term that counts as present in a ``lang`` draft."""
    entry = glossary.get(entry_id)
    approved = entry.target(lang)
    forms = {approved, *entry.variants(lang)} - {""}
    if lang == "be":
        forms |= {v for _, v in entry.be_forms}
        paradigm = glossary.paradigm(entry_id)
        if paradigm is not None:
            forms |= paradigm.all_phrases()
    if glossary.matcher.structure(entry)[1]:
        # A person may be named by the surname alone (and initials).
        forms |= {f.split()[-1] for f in list(forms) if f.split()}
    return forms


def _form_regex(form: str, lang: str = "") -> str:
    """A regex for ``form`` in a draft: spaces free, quotes and dashes of any style
    (the typography rules may have changed them), other punctuation as written."""
    words, gaps = split_term(form)
    if not words:
        return re.escape(form)
    parts = [gap_regex(signature(gaps[0]), edge="before")]
    for k, word in enumerate(words):
        parts.append(_word_regex(word))
        parts.append(gap_regex(signature(gaps[k + 1]), edge="after" if k + 1 == len(words) else ""))
    return "".join(parts)


def _word_regex(word: str) -> str:
    out = []
    for ch in word:
        low = ch.lower()
        if low in "её":
            out.append("[её]")
        elif low in "'’ʼ":
            out.append("['’ʼ]")
        elif low == "-":
            out.append("[-‐‑]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


@lru_cache(maxsize=4096)
def _compiled(forms: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(_form_regex(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def _occurrences(forms: set[str], text: str) -> list[tuple[int, int]]:
    if not forms:
        return []
    return [m.span() for m in _compiled(tuple(sorted(forms))).finditer(text)]


def _occurrences_by_stem(approved: str, text: str, lang: str) -> list[tuple[int, int]]:
    """Occurrences of ``approved`` in any inflection, by stems (when no paradigm is known)."""
    words, gaps = split_term(approved)
    parts = [gap_regex(signature(gaps[0]), edge="before")] if words else [re.escape(approved)]
    for k, word in enumerate(words):
        stem = _VOWEL_END.sub("", word) if len(word) > 4 else word
        if lang == "be" and stem != word and stem[-1:].lower() in "кгх":
            stem = stem[:-1]  # к/г/х alternate with ц/з/с (чыгунка → чыгунцы)
        tail = r"\w{0,4}" if lang == "be" else r"(?:s|es|'s|’s)?"
        parts.append(_word_regex(stem) + tail)
        parts.append(gap_regex(signature(gaps[k + 1]), edge="after" if k + 1 == len(words) else ""))
    body = "".join(parts)
    pattern = re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)
    return [m.span() for m in pattern.finditer(text)]


def _first_span(form: str, text: str) -> tuple[int, int] | None:
    if not form:
        return None
    spans = _occurrences({form}, text)
    return spans[0] if spans else None


def _forbidden_patterns(glossary: Glossary, lang: str) -> list[tuple[str, str, re.Pattern[str]]]:
    """One regex per forbidden variant (all its forms), cached on the glossary."""
    cache = glossary.__dict__.setdefault("_forbidden_cache", {})
    if lang in cache:
        return cache[lang]
    items = [(e.id, item) for e in glossary.entries if e.active for item in e.forbidden(lang)]
    forms_of: dict[str, set[str]] = {item: {item} for _, item in items}
    if lang == "be" and items and glossary.generator_available():
        from .belarusian import BelarusianForms

        # A forbidden variant inflects like the approved term it replaces.
        specs = []
        for entry_id, item in items:
            roles, person, head = glossary.matcher.structure(glossary.get(entry_id))
            specs.append((item, roles, person, head))
        for (_, item), paradigm in zip(items, BelarusianForms(glossary.toolbox).build(specs)):
            forms_of[item] |= paradigm.all_phrases()
    if lang == "be":
        # A forbidden variant in Russian spelling («Белоруссия», left untranslated) inflects
        # the Russian way: take its forms from the Russian matcher.
        from .matcher import term_patterns

        for _, item in items:
            if _RUSSIAN_ONLY.search(item):
                for pattern in term_patterns(item, -1)[:1]:
                    if len(pattern.words) == 1:
                        forms_of[item] |= set(pattern.words[0].forms)
    if lang == "en":
        for _, item in items:
            forms_of[item] |= {item + "s", item + "n", item + "ns", item + "'s"}
    accepted = set()
    for e in glossary.entries:
        if e.target(lang):
            accepted |= {f.lower().replace("ё", "е") for f in accepted_forms(glossary, e.id, lang)}
    out = []
    for entry_id, item in items:
        forms = {f for f in forms_of[item] if f.lower().replace("ё", "е") not in accepted}
        if forms:
            out.append((entry_id, item, _compiled(tuple(sorted(forms)))))
    cache[lang] = out
    return out
