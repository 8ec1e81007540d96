"""Glossary suggestions: phrases editors keep correcting the same way, release after release.

Each memory unit written by ``finalize`` keeps the machine draft the editor started from
(``x-mt-draft``). A word-level diff of draft and approved text gives the replaced phrases
(«Смаленскай абласці» → «Смаленскай вобласці»). The same replacement in two or more
releases is a candidate glossary entry; the Russian phrase is the word n-gram that all
the evidence sources share near the replaced spot. Candidates are for a terminologist
to judge (evidence is attached); nothing is ever added to the glossary automatically.

Known limits: without a word alignment the Russian phrase is a heuristic (position +
shared n-grams + spelling similarity for Belarusian); edits longer than six words are
treated as rewrites, not term fixes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from .memory import TMUnit, TranslationMemory

_TOKEN = re.compile(r"\w+(?:[-’']\w+)*|[^\w\s]")
MAX_PHRASE = 6  # words; a longer replacement is a rewrite, not a term correction


@dataclass(frozen=True)
class Evidence:
    """One approved segment where the replacement happened."""

    release: str
    source: str
    mt_draft: str
    target: str


@dataclass(frozen=True)
class Suggestion:
    """A candidate glossary entry: Russian phrase, the editors' rendering, the MT one replaced."""

    ru: str  # "" when no Russian phrase could be singled out (see the evidence)
    target: str
    lang: str
    mt: str
    releases: tuple[str, ...]
    evidence: tuple[Evidence, ...]


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _is_word(token: str) -> bool:
    return any(ch.isalpha() for ch in token)


def _replacements(mt: str, target: str) -> list[tuple[str, str, float]]:
    """(MT phrase, edited phrase, relative position 0..1) of each replaced word run."""
    a, b = _tokens(mt), _tokens(target)
    matcher = SequenceMatcher(None, [t.lower() for t in a], [t.lower() for t in b], autojunk=False)
    found = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace":
            continue
        old, new = a[i1:i2], b[j1:j2]
        words_old, words_new = [t for t in old if _is_word(t)], [t for t in new if _is_word(t)]
        if not words_old or not words_new or max(len(words_old), len(words_new)) > MAX_PHRASE:
            continue
        position = (i1 + i2) / 2 / max(len(a), 1)
        found.append((" ".join(old), " ".join(new), position))
    return found


def _ngrams(source: str, position: float, max_n: int) -> dict[str, tuple[str, float]]:
    """Lower-cased word n-grams near ``position`` → (original form, distance from it)."""
    words = [t for t in _tokens(source) if _is_word(t)]
    centre = position * len(words)
    window = max(3.0, 0.3 * len(words))
    grams: dict[str, tuple[str, float]] = {}
    for n in range(1, max_n + 1):
        for i in range(len(words) - n + 1):
            distance = abs(i + n / 2 - centre)
            if distance > window:
                continue
            key = " ".join(w.lower() for w in words[i:i + n])
            if key not in grams or distance < grams[key][1]:
                grams[key] = (" ".join(words[i:i + n]), distance)
    return grams


def _russian_phrase(mt: str, evidence: list[tuple[Evidence, float]]) -> str:
    """The n-gram every evidence source shares near the edit, most like the MT phrase."""
    n_mt = sum(1 for t in _tokens(mt) if _is_word(t))
    common: dict[str, tuple[str, float]] | None = None
    for ev, position in evidence:
        grams = _ngrams(ev.source, position, n_mt + 1)
        if common is None:
            common = grams
        else:
            common = {k: (v[0], v[1] + grams[k][1]) for k, v in common.items() if k in grams}
    if not common:
        return ""
    # Short function words shared by chance («в», «и») are never the term.
    candidates = {k: v for k, v in common.items() if any(len(w) > 2 for w in k.split())}
    if not candidates:
        return ""

    def score(item: tuple[str, tuple[str, float]]) -> tuple[float, float, float]:
        key, (_, distance) = item
        length_gap = abs(len(key.split()) - n_mt)
        # Belarusian MT keeps Russian stems («области» → «абласці»): spelling similarity
        # points at the source words; for English it is ~0 for every candidate.
        similarity = SequenceMatcher(None, key, mt.lower()).ratio()
        return (length_gap, -similarity, distance)

    return min(candidates.items(), key=score)[1][0]


def suggest_glossary_entries(tm: TranslationMemory, lang: str, min_releases: int = 2) -> list[Suggestion]:
    """Candidate glossary entries for ``lang``: the same edit in ≥ ``min_releases`` releases."""
    groups: dict[tuple[str, str], list[tuple[Evidence, float, str, str]]] = {}
    for unit in tm.units(lang):
        if not _edited(unit):
            continue
        evidence = Evidence(unit.release, unit.source, unit.mt_draft, unit.target)
        for old, new, position in _replacements(unit.mt_draft, unit.target):
            groups.setdefault((old.lower(), new.lower()), []).append((evidence, position, old, new))
    suggestions = []
    for items in groups.values():
        releases = tuple(dict.fromkeys(ev.release for ev, _, _, _ in items))
        if len(releases) < min_releases:
            continue
        _, _, old, new = items[0]
        ru = _russian_phrase(old, [(ev, pos) for ev, pos, _, _ in items])
        suggestions.append(Suggestion(ru, new, lang, old, releases, tuple(ev for ev, _, _, _ in items)))
    suggestions.sort(key=lambda s: (-len(s.releases), -len(s.evidence), s.ru.lower(), s.target))
    return suggestions


def _edited(unit: TMUnit) -> bool:
    return bool(unit.mt_draft) and " ".join(unit.mt_draft.split()) != " ".join(unit.target.split())
