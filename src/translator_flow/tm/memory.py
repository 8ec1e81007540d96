"""The translation memory: approved segment pairs, one TMX file per language pair.

``translate`` asks it first: an exact match (same sentence once quotes, dashes and spaces
are normalised) is reused as the draft; near matches are shown to the reviewer only.
``finalize`` adds every pair an editor explicitly approved. Files load on first use, so a run that never asks
for English never parses ``ru-en.tmx``.
"""

from __future__ import annotations

import hashlib

import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, UTC
from difflib import SequenceMatcher
from pathlib import Path

from .normalize import fuzzy_key, normalize, stems


#: What a target-language code may look like (BCP 47 shape: ``be``, ``en-GB``).
LANG_TAG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True)
class TMUnit:
    """One approved pair: Russian source, target in ``lang``, when and in which release.

    ``mt_draft`` is the machine draft the editor started from (empty when unknown); it is
    what glossary suggestions compare the approved target with. ``approval`` says what
    approved it (``Status «✔» in release.be.review.docx, 2025-03-14``); empty in units
    written before approvals were recorded.
    """

    source: str
    target: str
    lang: str
    date: datetime = field(default_factory=_now)
    release: str = ""
    mt_draft: str = ""
    approval: str = ""


@dataclass(frozen=True)
class TMMatch:
    """A memory unit matching a query; ``score`` is 1.0 for an exact (normalised) match."""

    unit: TMUnit
    score: float

    @property
    def source(self) -> str:
        """The Russian sentence stored in the memory."""
        return self.unit.source

    @property
    def target(self) -> str:
        """The approved translation stored in the memory."""
        return self.unit.target

    def as_note(self) -> str:
        """One line for the reviewer: how close, the stored translation, where it came from."""
        where = f", release {self.unit.release}" if self.unit.release else ""
        return f"TM {round(self.score * 100)}%: {self.unit.target} (for «{self.unit.source}»{where})"


class _LangMemory:
    """The units of one language pair, indexed for exact and near lookups."""

    def __init__(self, units: Iterable[TMUnit] = ()) -> None:
        self.by_key: dict[str, TMUnit] = {}
        self.fuzzy: dict[str, str] = {}  # exact key → fuzzy key
        self.stem_count: dict[str, int] = {}
        self.postings: dict[str, list[str]] = {}  # stem → exact keys
        self.short: list[str] = []  # keys without stems (e.g. «Фото.»), scanned directly
        for unit in units:
            self.add(unit)

    def add(self, unit: TMUnit) -> bool:
        """Store ``unit``; newest wins. Returns whether anything changed."""
        if not unit.source.strip() or not unit.target.strip():
            return False
        key = normalize(unit.source)
        old = self.by_key.get(key)
        if old is not None:
            # The same approved text again adds nothing, and keeping the older unit keeps
            # the record of the edit that produced it (glossary suggestions need it).
            if old.target == unit.target or old.date > unit.date:
                return False
            self.by_key[key] = unit
            return True
        self.by_key[key] = unit
        fkey = fuzzy_key(unit.source)
        self.fuzzy[key] = fkey
        word_stems = stems(fkey)
        self.stem_count[key] = len(word_stems)
        if not word_stems:
            self.short.append(key)
        for stem in word_stems:
            self.postings.setdefault(stem, []).append(key)
        return True

    def near(self, source: str, threshold: float, limit: int) -> list[TMMatch]:
        query = fuzzy_key(source)
        if not query:
            return []
        query_stems = stems(query)
        if query_stems:
            # Candidates share at least half their word stems with the query; a char-level
            # ratio of 0.85 leaves most word beginnings intact, so this loses almost
            # nothing (measured: no loss on 300 perturbed real sentences) and avoids
            # scoring every unit (O(postings), not O(N) ratios).
            shared: Counter[str] = Counter()
            for stem in query_stems:
                shared.update(self.postings.get(stem, ()))
            need = math.ceil(len(query_stems) / 2)
            candidates = [k for k, n in shared.items() if n >= need and n * 2 >= self.stem_count[k]]
            candidates.sort(key=lambda k: -shared[k])  # likely best first: the floor rises early
        else:
            candidates = self.short
        # Keep the best ``limit``; once that many are found, a candidate must beat the worst
        # of them. quick_ratio() and the length bound are upper bounds of ratio(), so the
        # pruning never drops a match that belongs in the result.
        best: list[tuple[float, str]] = []  # min-heap of (score, key)
        floor = threshold
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(query)
        for key in candidates:
            other = self.fuzzy[key]
            if 2 * min(len(other), len(query)) < floor * (len(other) + len(query)):
                continue
            matcher.set_seq1(other)
            if matcher.quick_ratio() < floor:
                continue
            score = matcher.ratio()
            if score < floor:
                continue
            heapq.heappush(best, (score, key))
            if len(best) > limit:
                heapq.heappop(best)
            if len(best) == limit:
                floor = max(threshold, best[0][0])
        matches = [TMMatch(self.by_key[key], score) for score, key in best]
        matches.sort(key=lambda m: (-m.score, -m.unit.date.timestamp(), m.unit.source))
        return matches[:limit]


class TranslationMemory:
    """Approved ru→xx pairs under ``folder`` as ``ru-<lang>.tmx``, loaded on first use."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._langs: dict[str, _LangMemory] = {}
        self._dirty: set[str] = set()

    def path(self, lang: str) -> Path:
        """The TMX file of the ru→``lang`` pair (``lang`` must be a language tag like ``be``)."""
        if not LANG_TAG.fullmatch(lang):  # it becomes part of a file name
            raise ValueError(f"not a language tag: {lang!r}")
        return self.folder / f"ru-{lang}.tmx"

    def _memory(self, lang: str) -> _LangMemory:
        memory = self._langs.get(lang)
        if memory is None:
            path = self.path(lang)
            units: list[TMUnit] = []
            if path.exists():
                from .tmx_io import read_tmx

                units = read_tmx(path, lang)
            memory = self._langs[lang] = _LangMemory(units)
        return memory

    def lookup(self, source: str, lang: str) -> TMMatch | None:
        """The approved translation of exactly this sentence (normalised), if any."""
        unit = self._memory(lang).by_key.get(normalize(source))
        return TMMatch(unit, 1.0) if unit is not None else None

    def suggest(
        self, source: str, lang: str, threshold: float = 0.85, limit: int = 3
    ) -> list[TMMatch]:
        """Near matches (similarity ≥ ``threshold``), best first, for the reviewer's notes.

        Similarity is difflib's ratio on the normalised, lower-cased sentences. Exact
        matches are included with score 1.0.
        """
        return self._memory(lang).near(source, threshold, limit)

    def add(self, units: Iterable[TMUnit]) -> int:
        """Add approved pairs (deduplicated, newest wins); returns how many changed the memory."""
        changed = 0
        for unit in units:
            if self._memory(unit.lang).add(unit):
                changed += 1
                self._dirty.add(unit.lang)
        return changed

    def units(self, lang: str) -> list[TMUnit]:
        """Every unit of the ru→``lang`` pair, oldest first."""
        return sorted(self._memory(lang).by_key.values(), key=lambda u: (u.date, u.source))

    def langs(self) -> list[str]:
        """Target languages that have a TMX file on disk or units in memory."""
        on_disk = {p.stem.split("-", 1)[1] for p in self.folder.glob("ru-*.tmx")} if self.folder.is_dir() else set()
        return sorted(on_disk | set(self._langs))

    def save(self) -> list[Path]:
        """Write every changed language pair to its TMX file; returns the paths written."""
        from .tmx_io import write_tmx

        written = []
        for lang in sorted(self._dirty):
            write_tmx(self.path(lang), self.units(lang), lang)
            written.append(self.path(lang))
        self._dirty.clear()
        return written

    def __len__(self) -> int:
        return sum(len(m.by_key) for m in self._langs.values())


def tm_hash(folder: Path | None) -> str:
    """A hash of the translation-memory files (names and bytes): a changed TM changes the run
    signature and redoes batch documents ("none" without a TM folder)."""
    if folder is None or not Path(folder).is_dir():
        return "none"
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:12]
