"""Apertium's Belarusian analyser, generator and bilingual dictionary for glossary forms.

The glossary builds every case form of a Belarusian term at once: it analyses the
term's words (``bel-rus.automorf.bin``), generates forms from ``lemma<tags>``
(``rus-bel.autogen.bin``, engines-facts.md "Generating Belarusian forms") and picks
between homonyms with the rus→bel dictionary (``rus-bel.autobil.bin``). The processes
and their caches are the shared ones of :mod:`translator_flow.lttoolbox`; this wrapper
names the files, parses answers and turns "no answer" into a :class:`GlossaryError`,
which the glossary catches to flag placements instead of failing a run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from collections.abc import Iterable

from .. import lttoolbox
from ..errors import GlossaryError
from ..lttoolbox import Mode, Reading

__all__ = ["DEFAULT_DATA_DIR", "LtToolbox", "Reading", "default_toolbox"]

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
