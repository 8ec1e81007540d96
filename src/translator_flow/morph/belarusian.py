"""Apertium's Belarusian analyser, generator and bilingual dictionary, asked in batches.

Two callers, one adapter. The glossary builds every case form of a Belarusian term at once: it analyses the
term's words (``bel-rus.automorf.bin``), generates forms from ``lemma<tags>``
(``rus-bel.autogen.bin``, engines-facts.md "Generating Belarusian forms") and picks
between homonyms with the rus→bel dictionary (``rus-bel.autobil.bin``). The processes
and their caches are the shared ones of :mod:`translator_flow.morph.ltproc`; this wrapper
names the files, parses answers and turns "no answer" into a :class:`GlossaryError`,
which the glossary catches to flag placements instead of failing a run. The unknown-word
fallback uses :func:`generate` and :func:`analyse`, which degrade to "no form" instead
(it then leaves words as they are, still marked).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from collections.abc import Iterable

import os
from collections.abc import Sequence

from . import ltproc as lttoolbox
from ..errors import GlossaryError
from .ltproc import Mode, Reading

__all__ = ["ANALYSER", "DEFAULT_DATA_DIR", "GENERATOR", "LtToolbox", "Reading", "analyse", "available", "default_toolbox",
           "generate"]

DEFAULT_DATA_DIR = lttoolbox.PAIR_DIR
_FILES = {"analyse": "bel-rus.automorf.bin", "generate": "rus-bel.autogen.bin", "bilingual": "rus-bel.autobil.bin"}


@dataclass
class LtToolbox:
    """The Belarusian transducers of one installation (``data_dir``), asked in batches."""

    data_dir: Path = DEFAULT_DATA_DIR
    lt_proc: str = "lt-proc"
    timeout: float = 60.0
    calls: int = 0  # batches asked of lt-proc (answered by a running process or the cache)

    def available(self) -> bool:
        """Whether lt-proc and the Belarusian transducers are installed."""
        return lttoolbox.available(*(self.data_dir / f for f in _FILES.values()), lt_proc=self.lt_proc)

    def _lookup(self, mode: Mode, items: list[str]) -> list[str]:
        self.calls += 1
        proc = lttoolbox.shared(self.data_dir / _FILES[mode], mode, lt_proc=self.lt_proc)
        lines = proc.lookup(items, timeout=self.timeout)
        if any(line is None for line in lines):
            raise GlossaryError(
                f"lt-proc gave no answer for {proc.path.name} (not installed, crashed or hung); "
                "reinstall the Debian package apertium-bel-rus"
            )
        return lines  # type: ignore[return-value]  # no None left

    def analyse(self, words: Iterable[str]) -> dict[str, tuple[Reading, ...]]:
        """Readings of each Belarusian word (``()`` when the analyser does not know it)."""
        words = list(dict.fromkeys(w for w in words if w))
        if not words:
            return {}
        return {w: lttoolbox.readings(line) for w, line in zip(words, self._lookup("analyse", words))}

    def generate(self, units: Iterable[str]) -> dict[str, str | None]:
        """Surface form of each ``lemma<tag>…`` unit (None when the generator fails)."""
        units = list(dict.fromkeys(units))
        if not units:
            return {}
        return {u: lttoolbox.form(line) for u, line in zip(units, self._lookup("generate", units))}

    def bilingual(self, units: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """Belarusian lemmas the rus-bel dictionary gives for each Russian ``lemma<tags>``."""
        units = list(dict.fromkeys(units))
        if not units:
            return {}
        return {u: lttoolbox.translations(line) for u, line in zip(units, self._lookup("bilingual", units))}


_DEFAULT: LtToolbox | None = None


def default_toolbox() -> LtToolbox:
    """The process-wide toolbox (its answers come from the shared lt-proc caches)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = LtToolbox()
    return _DEFAULT


GENERATOR = str(lttoolbox.BE_GENERATOR)
ANALYSER = str(lttoolbox.BE_ANALYSER)


def available(path: str | os.PathLike[str] = GENERATOR) -> bool:
    """True when ``lt-proc`` and the compiled file are installed."""
    return lttoolbox.available(path)


def generate(
    requests: Sequence[str], *, path: str | os.PathLike[str] = GENERATOR, timeout: float | None = None
) -> list[str | None]:
    """Forms for ``lemma<tag><tag>…`` requests; None where the generator has no such form.

    Returns all None when ``lt-proc`` or the generator is not installed or does not
    answer (the fallback then leaves words as they are, still marked).
    """
    if not requests or not available(path):
        return [None] * len(requests)
    lines = lttoolbox.shared(path, "generate").lookup(requests, timeout=timeout)
    return [_first_variant(lttoolbox.form(line)) for line in lines]


def _first_variant(form: str | None) -> str | None:
    """The first of free variants: apertium-bel gives some verbs two participle paradigms,
    «выяўлены/выяяленены», and only the first is a Belarusian word in those seen."""
    if form is None or "/" not in form:
        return form
    return form.split("/", 1)[0] or None


def analyse(
    words: Sequence[str], *, path: str | os.PathLike[str] = ANALYSER, timeout: float | None = None
) -> list[tuple[Reading, ...]]:
    """All readings of each Belarusian word (empty for unknown words, several words or no analyser)."""
    if not words or not available(path):
        return [() for _ in words]
    lines = lttoolbox.shared(path, "analyse-dictionary-case").lookup(words, timeout=timeout)
    return [lttoolbox.readings(line) for line in lines]
