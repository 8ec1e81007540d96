"""Finding glossary terms in Russian text, in every inflected form.

Each Russian term (and each ``ru_variants`` item) becomes a pattern of words: agreeing
adjectives and the head noun accept every form of their lexeme (pymorphy3), the words
after the head (genitive complements such as «иностранных дел») must appear as written.
Person names («Василий Анохин») give two patterns, the full name and the surname alone,
and accept initials («В. Анохин», «Анохин В.Ю.»); their words match by gender-aware
form tables (people.py, morph/surnames.py). Punctuation between the words of a term is
compared by signature (gaps.py: any quote style, any dash), which roles the words play is
decided in roles.py.

Speed: an index maps every surface form of a pattern's first word to its patterns, so a
word costs one dict lookup; only the words of a candidate match are parsed, once per
process. Overlapping candidates resolve to the longest; words are whole tokens (hyphenated
compounds are one token), so a term never matches inside a longer word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from collections.abc import Sequence

from ..model import TermHit
from .pattern import Pattern, TermWord, hyphen_variant
from .people import person_bounds, person_gender, person_roles, person_table, table_options
from .roles import term_roles
from .context import WINDOW, Reading, choose, coordinate, grammar_string
from .entries import Entry, normalise
from .gaps import prefix_start, signature, split_term, suffix_end
from ..morph.russian import Analysis, analog, analyse, lexeme_forms

TOKEN = re.compile(r"\w+(?:[-‐‑]\w+)*")
_GAP_OK = re.compile(r"\s*")
_PYMORPHY = {"m": "masc", "f": "femn"}


def term_patterns(text: str, entry_index: int, gender: str = "") -> list[Pattern]:
    """The patterns of one Russian term (the entry's ``ru`` or a variant); ``gender`` is
    the entry's column (a person's: "m" or "f")."""
    tokens, between = split_term(text, TOKEN)
    if not tokens:
        return []
    sigs = tuple(signature(g) for g in between)
    gaps, prefix, suffix = sigs[1:-1], sigs[0], sigs[-1]
    norms = [normalise(t) for t in tokens]
    readings = [analyse(n) for n in norms]
    proper = text[:1].isupper()
    person = person_roles(tokens, readings, gender)
    if person:
        gender, why = person_gender(gender, tokens, readings, person)
        words = tuple(_person_word(t, n, r, role, gender) for t, n, r, role in zip(tokens, norms, readings, person))
        kind = "person" if len(words) > 1 else "surname"
        patterns = [Pattern(entry_index, words, kind, True, gaps, prefix=prefix, suffix=suffix, gender=gender,
                            gender_why=why)]
        surname = [w for w in words if w.role == "surname"]
        if len(words) == 3 and surname and "patronymic" in person:  # «Натальи Кочановой»
            short = tuple(w for w in words if w.role != "patronymic")
            patterns.append(Pattern(entry_index, short, "person", True, gender=gender))
        if len(words) > 1 and surname:
            patterns.append(Pattern(entry_index, (surname[0],), "surname", True, gender=gender))
        return patterns
    roles = term_roles(tokens, norms, readings, gaps)
    words = tuple(_word(t, n, r, role) for t, n, r, role in zip(tokens, norms, readings, roles))
    patterns = [Pattern(entry_index, words, "term", proper, gaps, prefix=prefix, suffix=suffix)]
    if "-" in gaps:
        patterns += hyphen_variant(patterns[0])
    return patterns


def _word(text: str, norm: str, readings: tuple[Analysis, ...], role: str) -> TermWord:
    if role == "fixed":
        return TermWord(text, norm, role, "", "", frozenset({norm}))
    wanted = {
        "adj": ("ADJF", "PRTF"),
        "head": ("NOUN",),
        "name": ("NOUN",),
        "surname": ("NOUN",),
        "patronymic": ("NOUN",),
    }[role]
    chosen = next((a for a in readings if a.pos in wanted and a.case == "nom"), None)
    if chosen is None and role in ("head", "adj"):
        found = analog(norm, wanted[0])
        if found is not None:
            k, tail = found
            forms = frozenset(norm[:k] + f for f in lexeme_forms(tail, tail, wanted[0]))
            return TermWord(text, norm, role, wanted[0], "", forms, strip=k, key=tail)
    if chosen is None:
        chosen = readings[0] if readings else None
    if chosen is None or chosen.fixed or not chosen.pos:
        lemma = chosen.lemma if chosen is not None else norm
        return TermWord(text, lemma, role, chosen.pos if chosen else "", "", frozenset({norm}))
    forms = lexeme_forms(norm, chosen.lemma, chosen.pos)
    gender = chosen.gender if role in ("surname", "name", "patronymic") else ""
    return TermWord(text, chosen.lemma, role, chosen.pos, gender, forms)


def _person_word(text: str, norm: str, readings: tuple[Analysis, ...], role: str, gender: str) -> TermWord:
    table = person_table(norm, role, gender)
    if table is None:
        word = _word(text, norm, readings, role)
        return word if word.gender or not gender else replace(word, gender=_PYMORPHY.get(gender, ""))
    return TermWord(text, norm, role, "NOUN", gender, frozenset(f for f, _ in table) | {norm}, table=table)


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    norm: str


class Matcher:
    """Finds the entries of a glossary in Russian sentences (see the module docstring)."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = list(entries)
        self.patterns: list[Pattern] = []
        self.index: dict[str, list[Pattern]] = {}
        self.first_names: dict[int, TermWord] = {}  # person entries: their first name
        self.primary: dict[str, Pattern] = {}  # entry id → the pattern of its ``ru``
        self.genders: dict[str, tuple[str, str]] = {}  # person entries: gender ("" unknown), why
        # (head lemma, number of adjectives) → adjective+noun patterns, for coordination
        self.by_head: dict[tuple[str, int], list[Pattern]] = {}
        for i, entry in enumerate(self.entries):
            if not entry.active:
                continue
            for text in (entry.ru, *entry.ru_variants):
                for pattern in term_patterns(text, i, entry.gender):
                    self.primary.setdefault(entry.id, pattern)
                    if pattern.kind != "term":
                        self.genders.setdefault(entry.id, (pattern.gender, pattern.gender_why))
                    n_adj = _adjective_count(pattern)
                    if n_adj:
                        key = (pattern.words[pattern.head].lemma, n_adj)
                        self.by_head.setdefault(key, []).append(pattern)
                    self.patterns.append(pattern)
                    for word in pattern.words:
                        if word.role == "name":
                            self.first_names.setdefault(i, word)
                    for form in pattern.words[0].forms:
                        self.index.setdefault(form, []).append(pattern)

    def structure(self, entry: Entry) -> tuple[list[str], bool, str]:
        """Roles of the words of the entry's Russian term, whether it is a person, and the
        head noun's lemma: what the Belarusian side needs to inflect the right words."""
        pattern = self.primary.get(entry.id)
        if pattern is None:  # a deprecated entry (not indexed) or a term without words
            pattern = next(iter(term_patterns(entry.ru, -1)), None)
        if pattern is None:
            return [], False, ""
        roles = [w.role for w in pattern.words]
        head = next((w.lemma for w in pattern.words if w.role == "head"), "")
        return roles, pattern.kind in ("person", "surname"), head

    def gender(self, entry: Entry) -> str:
        """A person entry's gender as matched: the column, or derived ("" unknown)."""
        return self.person(entry)[0]

    def person(self, entry: Entry) -> tuple[str, str]:
        """A person entry's gender and where it comes from (for `glossary show`); ("", "") for a term."""
        if entry.id not in self.genders:
            pattern = next(iter(term_patterns(entry.ru, -1, entry.gender)), None)
            if pattern is None or pattern.kind == "term":
                return entry.gender, ""
            return pattern.gender, pattern.gender_why
        return self.genders[entry.id]

    def find(self, text: str) -> tuple[TermHit, ...]:
        """Every glossary term in ``text``: longest match wins, left to right."""
        tokens = [_Token(m.start(), m.end(), normalise(m.group(0))) for m in TOKEN.finditer(text)]
        found: list[tuple[int, int, int, Pattern, list[Reading]]] = []
        for i, tok in enumerate(tokens):
            for pattern in self.index.get(tok.norm, ()):
                match = self._match_at(text, tokens, i, pattern)
                if match is not None:
                    found.append(match)
        found.sort(key=lambda m: (-(m[1] - m[0]), m[0], m[3].entry))
        taken = bytearray(len(text))  # characters already covered by a longer match
        chosen = []
        for m in found:
            if not any(taken[m[0] : m[1]]):
                taken[m[0] : m[1]] = b"\x01" * (m[1] - m[0])
                chosen.append(m)
        chosen += self._elliptical(text, tokens, chosen, taken)
        chosen.sort(key=lambda m: m[0])
        hits = []
        previous: list[Reading] = []
        previous_end = -1
        for start, end, _, pattern, readings in chosen:
            head_word = pattern.words[pattern.head]
            indeclinable = len(head_word.forms) == 1 and all(
                len(w.forms) == 1 for w in pattern.words if w.inflects
            )
            ordered = choose(
                readings,
                text[max(0, start - WINDOW) : start],
                at_start=start <= WINDOW,
                prefer_singular=pattern.proper,
                indeclinable=indeclinable,
                person=pattern.kind != "term",
            )
            if previous_end >= 0:
                ordered = coordinate(previous, text[previous_end:start], ordered)
            previous, previous_end = ordered, end
            hits.append(
                TermHit(
                    entry_id=self.entries[pattern.entry].id,
                    source_text=text[start:end],
                    start=start,
                    end=end,
                    approved="",
                    target_form="",
                    lemmas=_lemmas(pattern, len(TOKEN.findall(text, start, end))),
                    grammar=grammar_string(ordered),
                )
            )
        return tuple(hits)

    def _elliptical(self, text, tokens, chosen, taken):
        """«Брянской и Смоленской областей»: the adjectives before «и»/«,» name another
        entry with the same head noun («Брянская область»); they take the case of the
        full term and their own (singular) number."""
        extra = []
        for start, _end, i, pattern, readings in chosen:
            n_adj = _adjective_count(pattern)
            if not n_adj or i < 1:
                continue
            if tokens[i - 1].norm in ("и", "или") and i >= 2 and _GAP_OK.fullmatch(text, tokens[i - 1].end, start):
                last = i - 2
            elif text[tokens[i - 1].end : start].strip() == ",":
                last = i - 1
            else:
                continue
            first = last - n_adj + 1
            if first < 0 or any(taken[tokens[first].start : tokens[last].end]):
                continue
            head = pattern.words[pattern.head].lemma
            for other in self.by_head.get((head, n_adj), ()):
                if other.entry == pattern.entry:
                    continue
                span = tokens[first : last + 1]
                if all(t.norm in w.forms for t, w in zip(span, other.words)):
                    sg = [(c, "sg", sc) for c, _, sc in readings]
                    extra.append((span[0].start, span[-1].end, first, other, sg))
                    taken[span[0].start : span[-1].end] = b"\x01" * (span[-1].end - span[0].start)
                    break
        return extra

    def _match_at(self, text, tokens, i, pattern):
        n = len(pattern.words)
        if i + n > len(tokens):
            return None
        for k in range(1, n):
            if tokens[i + k].norm not in pattern.words[k].forms:
                return None
            if signature(text[tokens[i + k - 1].end : tokens[i + k].start]) != pattern.gap(k):
                return None
        span = tokens[i : i + n]
        readings = _readings(span, pattern)
        if readings is None:
            return None
        start, end = span[0].start, span[-1].end
        if pattern.prefix:
            start = prefix_start(text, start, pattern.prefix)
        if pattern.suffix:
            end = suffix_end(text, end, pattern.suffix)
        if start is None or end is None:
            return None
        if pattern.kind == "surname":
            first = self.first_names.get(pattern.entry)
            prev = tokens[i - 1] if i > 0 else None
            before = (prev.norm, text[prev.end : start]) if prev is not None else None
            bounds = person_bounds(text, start, end, first.text if first else "", first.lemma if first else "", before)
            if bounds is None:
                return None
            start, end = bounds
        return (start, end, i, pattern, readings)


def _lemmas(pattern: Pattern, n_tokens: int) -> str:
    """How the hit matched: the lemmas of its words (the elided noun in brackets)."""
    words = [w.lemma for w in pattern.words]
    if pattern.kind == "surname" or n_tokens >= len(words):
        return " ".join(words)
    return " ".join(words[:n_tokens]) + " (" + " ".join(words[n_tokens:]) + ")"


def _adjective_count(pattern: Pattern) -> int:
    """How many adjectives precede the head, for «adjectives + noun» terms only (else 0)."""
    roles = [w.role for w in pattern.words]
    if pattern.kind != "term" or len(roles) < 2 or roles[-1] != "head":
        return 0
    return len(roles) - 1 if all(r == "adj" for r in roles[:-1]) else 0


def _readings(span: list[_Token], pattern: Pattern) -> list[Reading] | None:
    """Case/number readings the inflecting words agree on (None: they cannot agree)."""
    per_word: list[dict[tuple[str, str], float]] = []
    head_readings: dict[tuple[str, str], float] = {}
    for k, (tok, word) in enumerate(zip(span, pattern.words)):
        if not word.inflects:
            continue
        options: dict[tuple[str, str], float] = {}
        if word.table:
            scored = table_options(word.table, tok.norm)
            if scored is None:
                return None
            per_word.append(dict(scored))
            if k == pattern.head:
                head_readings = per_word[-1]
            continue
        key = word.key or word.lemma
        analyses = [a for a in analyse(tok.norm[word.strip :]) if a.lemma == key and a.case]
        if word.gender and word.role in ("name", "surname", "patronymic"):
            same = [a for a in analyses if a.gender in (word.gender, "ms-f")]
            analyses = same or analyses
        if not analyses or all(a.fixed for a in analyses):
            # Indeclinable («Лукашенко», «АПК»): every case, the context decides.
            for case in ("nom", "gen", "dat", "acc", "ins", "loc"):
                options[(case, "sg")] = 1.0 / 6 if case != "nom" else 0.2
        for a in analyses:
            if a.fixed:
                continue
            reading = (a.case, a.number or "sg")
            options[reading] = max(options.get(reading, 0.0), a.score)
        if not options:
            return None
        per_word.append(options)
        if k == pattern.head:
            head_readings = options
    if not per_word:
        return [("nom", "sg", 1.0)]
    if not head_readings:
        head_readings = per_word[-1]
    common = set(head_readings)
    for options in per_word:
        common &= set(options)
    if not common:
        # Coordination («Брянская и Смоленская области»): agree on the case only.
        cases = set.intersection(*({c for c, _ in o} for o in per_word))
        common = {key for key in head_readings if key[0] in cases}
    if not common:
        return None
    return [(c, n, sum(o.get((c, n), 0.0) for o in per_word)) for c, n in common]
