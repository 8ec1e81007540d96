"""The Glossary object the pipeline and QA use, and loading it from files and folders."""

from __future__ import annotations

import hashlib
import json
from functools import cached_property
from pathlib import Path
from collections.abc import Iterator, Sequence

from ..errors import GlossaryError
from ..model import TermHit
from .belarusian import BeParadigm, BelarusianForms
from .csvio import Problem, read_csv
from .entries import Entry
from ..morph.belarusian import LtToolbox, default_toolbox

#: Where ``load_glossary(None)`` looks: the editors' folder in the working directory.
DEFAULT_GLOSSARY_DIR = Path("glossary")
#: Up to this many entries, the first Belarusian placement prepares every entry's forms in
#: one batch (two or three lt-proc runs in all); bigger glossaries prepare what is hit.
PREPARE_ALL_LIMIT = 500


class Glossary:
    """Official terms: find them in Russian text, place approved forms, verify drafts.

    ``find`` is language-independent; ``protect`` places the Belarusian or English form
    between PROTECT delimiters for the engines; ``terminology.check_terminology`` verifies
    a draft. Belarusian forms come from ``be_forms`` or Apertium's generator, computed
    lazily in batches and cached.
    """

    def __init__(self, entries: Sequence[Entry], *, toolbox: LtToolbox | None = None) -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)
        self._by_id = {e.id: e for e in self.entries}
        self._toolbox = toolbox
        self._paradigms: dict[str, BeParadigm | None] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __repr__(self) -> str:
        return f"Glossary({len(self)} entries, hash {self.hash})"

    def get(self, entry_id: str) -> Entry:
        """The entry with this id (KeyError names the id)."""
        return self._by_id[entry_id]

    @cached_property
    def hash(self) -> str:
        """A short stable hash of the content (not of file names or row order): for the run signature."""
        data = json.dumps(sorted(e.content_key() for e in self.entries), ensure_ascii=False)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()[:12]

    @property
    def toolbox(self) -> LtToolbox:
        """The lt-proc runner for Belarusian forms (shared per process unless given)."""
        if self._toolbox is None:
            self._toolbox = default_toolbox()
        return self._toolbox

    @cached_property
    def matcher(self):  # -> Matcher (imported lazily: it pulls pymorphy3 in on first use)
        """The Russian matcher, built on first use."""
        from .matcher import Matcher

        return Matcher(self.entries)

    def find(self, text: str) -> tuple[TermHit, ...]:
        """Glossary terms in a Russian segment, in every inflected form; longest match wins."""
        return self.matcher.find(text)

    def protect(self, source: str, hits: Sequence[TermHit], lang: str) -> tuple[str, tuple[TermHit, ...]]:
        """Replace each hit by PROTECT_OPEN + its target form + PROTECT_CLOSE for the engine."""
        from .protect import protect

        return protect(self, source, hits, lang)

    def protect_batch(
        self, sources: Sequence[str], hits: Sequence[Sequence[TermHit]], lang: str
    ) -> list[tuple[str, tuple[TermHit, ...]]]:
        """:meth:`protect` for many segments, preparing all Belarusian forms in one batch."""
        if lang == "be":
            self.prepare_be({h.entry_id for hs in hits for h in hs})
        return [self.protect(s, h, lang) for s, h in zip(sources, hits)]

    # -- Belarusian forms -------------------------------------------------------------

    def prepare_be(self, entry_ids: set[str] | None = None) -> None:
        """Compute the Belarusian paradigms of these entries (all when None) in one batch."""
        if (entry_ids is not None and len(self.entries) <= PREPARE_ALL_LIMIT
                and any(i not in self._paradigms for i in entry_ids)):
            entry_ids = None  # small glossary: do everything in the same runs
        ids = [e.id for e in self.entries if e.be and e.active] if entry_ids is None else sorted(entry_ids)
        todo = [i for i in ids if i not in self._paradigms]
        if not todo:
            return
        if not self.toolbox.available():
            for i in todo:
                self._paradigms[i] = None
            return
        items, genders = [], []
        for i in todo:
            entry = self._by_id[i]
            roles, person, head = self.matcher.structure(entry)
            items.append((entry.be, roles, person, head))
            genders.append(self.matcher.gender(entry) if person else "")
        try:
            paradigms: list[BeParadigm | None] = list(BelarusianForms(self.toolbox).build(items, genders))
        except GlossaryError:
            # A broken installation must not stop a run: pinned forms are still placed and
            # every other placement is flagged for the reviewer.
            paradigms = [None] * len(todo)
        for i, paradigm in zip(todo, paradigms):
            self._paradigms[i] = paradigm

    def paradigm(self, entry_id: str) -> BeParadigm | None:
        """Belarusian forms of an entry (None when the generator is not installed)."""
        if entry_id not in self._paradigms:
            self.prepare_be({entry_id})
        return self._paradigms.get(entry_id)

    def generator_available(self) -> bool:
        """Whether Apertium's Belarusian generator can be used here."""
        return self.toolbox.available()


def load_glossary(paths: Sequence[Path | str] | Path | str | None = None, *, toolbox: LtToolbox | None = None) -> Glossary:
    """Load and merge glossary files (``*.csv``, ``*.tbx``) from files and folders.

    ``None`` means the ``glossary/`` folder of the working directory, or an empty glossary
    when there is none. Raises GlossaryError (``file:line: message``) on a file that
    cannot be applied safely; ``glossary lint`` lists every problem.
    """
    if paths is None:
        from .locate import default_glossary_dir

        found = default_glossary_dir()
        paths = [found] if found is not None else []
    elif isinstance(paths, (str, Path)):
        paths = [paths]
    entries, problems = read_paths(paths)
    from .lint import check_entries

    problems += check_entries(entries)
    fatal = sorted((p for p in problems if p.fatal), key=lambda p: (p.file, p.line))
    if fatal:
        shown = "\n".join(str(p) for p in fatal[:10])
        more = f"\n… and {len(fatal) - 10} more" if len(fatal) > 10 else ""
        raise GlossaryError(
            f"the glossary cannot be used:\n{shown}{more}\n"
            "Fix these rows (run `translator-flow glossary lint` for the full report)."
        )
    return Glossary([e for e in entries], toolbox=toolbox)


def glossary_files(paths: Sequence[Path | str]) -> list[Path]:
    """The glossary files named by ``paths`` (folders expand to their *.csv and *.tbx)."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(f for f in p.iterdir() if f.suffix.lower() in (".csv", ".tbx") and f.is_file())
        elif p.is_file():
            files.append(p)
        else:
            raise GlossaryError(f"{p}: no such glossary file or folder; check the --glossary path")
    return files


def read_paths(paths: Sequence[Path | str]) -> tuple[list[Entry], list[Problem]]:
    """Entries and problems of every glossary file under ``paths``, in file order."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    for f in glossary_files(paths):
        if f.suffix.lower() == ".tbx":
            from .tbx import read_tbx

            got, probs = read_tbx(f)
        else:
            got, probs = read_csv(f)
        entries += got
        problems += probs
    return entries, problems
