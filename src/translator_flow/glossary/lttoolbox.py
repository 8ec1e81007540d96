"""Apertium's Belarusian analyser and generator (lttoolbox ``lt-proc``), batched and cached.

One ``lt-proc`` start costs ~25–66 ms and then thousands of words cost almost nothing, so
callers hand over every word (or every ``^lemma<tags>$`` unit) they need at once; results
are cached for the process. The transducers come with the Debian package
``apertium-bel-rus``: ``bel-rus.automorf.bin`` analyses Belarusian, ``rus-bel.autogen.bin``
generates Belarusian forms from ``lemma<tags>`` (engines-facts.md, "Generating Belarusian
forms"), ``rus-bel.autobil.bin`` maps Russian lemmas to Belarusian ones.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

DEFAULT_DATA_DIR = Path("/usr/share/apertium/apertium-bel-rus")
_UNIT = re.compile(r"\^([^/$]*)/([^$]*)\$")
_SPECIAL = re.compile(r"([\\$/<>@\[\]^{}])")


@dataclass(frozen=True)
class Reading:
    """One analysis of a Belarusian word: ``вобласць<n><f><nn><sg><nom>``."""

    lemma: str
    tags: tuple[str, ...]

    @property
    def pos(self) -> str:
        return self.tags[0] if self.tags else ""

    def has(self, *tags: str) -> bool:
        return all(t in self.tags for t in tags)


@dataclass
class LtToolbox:
    """Runs ``lt-proc`` on the Belarusian transducers; every answer is cached."""

    data_dir: Path = DEFAULT_DATA_DIR
    lt_proc: str = "lt-proc"
    timeout: float = 60.0
    _analyses: dict[str, tuple[Reading, ...]] = field(default_factory=dict, repr=False)
    _generated: dict[str, str | None] = field(default_factory=dict, repr=False)
    _bilingual: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    calls: int = 0  # lt-proc processes started, for tests and benchmarks

    def available(self) -> bool:
        """Whether lt-proc and the Belarusian transducers are installed."""
        return shutil.which(self.lt_proc) is not None and all(
            (self.data_dir / f).is_file()
            for f in ("bel-rus.automorf.bin", "rus-bel.autogen.bin", "rus-bel.autobil.bin")
        )

    def _run(self, args: list[str], lines: list[str]) -> list[str]:
        from ..errors import GlossaryError

        self.calls += 1
        try:
            proc = subprocess.run(
                [self.lt_proc, *args],
                input="\n".join(lines) + "\n",
                capture_output=True,
                text=True,
                timeout=self.timeout,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise GlossaryError(f"lt-proc could not run ({exc}); reinstall the Debian package apertium-bel-rus") from exc
        if proc.returncode != 0:
            raise GlossaryError(
                f"lt-proc failed ({proc.returncode}): {proc.stderr.strip()[:200]}; "
                "reinstall the Debian package apertium-bel-rus"
            )
        out = proc.stdout.split("\n")
        return out[: len(lines)] + [""] * (len(lines) - len(out))

    def analyse(self, words: Iterable[str]) -> dict[str, tuple[Reading, ...]]:
        """Readings of each Belarusian word (``()`` when the analyser does not know it)."""
        words = list(dict.fromkeys(w for w in words if w))
        todo = [w for w in words if w not in self._analyses]
        if todo:
            lines = [_SPECIAL.sub(r"\\\1", w) for w in todo]
            for word, line in zip(todo, self._run([str(self.data_dir / "bel-rus.automorf.bin")], lines)):
                self._analyses[word] = _readings(line)
        return {w: self._analyses[w] for w in words}

    def generate(self, units: Iterable[str]) -> dict[str, str | None]:
        """Surface form of each ``lemma<tag>…`` unit (None when the generator fails)."""
        units = list(dict.fromkeys(units))
        todo = [u for u in units if u not in self._generated]
        if todo:
            out = self._run(["-g", str(self.data_dir / "rus-bel.autogen.bin")], [f"^{u}$" for u in todo])
            for unit, form in zip(todo, out):
                form = form.strip().replace("~", "")
                ok = bool(form) and not form.startswith(("#", "*", "@")) and "<" not in form
                self._generated[unit] = form if ok else None
        return {u: self._generated[u] for u in units}

    def bilingual(self, units: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """Belarusian lemmas the rus-bel dictionary gives for each Russian ``lemma<tags>``."""
        units = list(dict.fromkeys(units))
        todo = [u for u in units if u not in self._bilingual]
        if todo:
            out = self._run(["-b", str(self.data_dir / "rus-bel.autobil.bin")], [f"^{u}$" for u in todo])
            for unit, line in zip(todo, out):
                m = _UNIT.search(line)
                parts = m.group(2).split("/") if m else []
                self._bilingual[unit] = tuple(
                    p.split("<", 1)[0] for p in parts if p and not p.startswith("@")
                )
        return {u: self._bilingual[u] for u in units}


def _readings(line: str) -> tuple[Reading, ...]:
    m = _UNIT.search(line)
    if not m:
        return ()
    out = []
    for part in m.group(2).split("/"):
        if not part or part.startswith("*"):
            continue
        lemma = part.split("<", 1)[0]
        out.append(Reading(lemma, tuple(re.findall(r"<([^>]+)>", part))))
    return tuple(out)


_DEFAULT: LtToolbox | None = None


def default_toolbox() -> LtToolbox:
    """The process-wide toolbox (so its caches are shared by every Glossary)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = LtToolbox()
    return _DEFAULT
