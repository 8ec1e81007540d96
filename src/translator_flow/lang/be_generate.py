"""Apertium's Belarusian generator and analyser, one process call per batch.

The unknown-word fallback asks for many forms at once (``^вобласць<n><f><nn><sg><ins>$``
→ «вобласцю»): starting ``lt-proc`` costs ~66 ms and 2,400 forms cost ~81 ms in one call
(engines-facts.md), so every caller collects its requests and makes one call. The
analyser (``bel-rus.automorf.bin``, the reverse pair's Belarusian morphology) reads
neighbouring words of the draft so an inserted form can agree with them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from typing import Sequence

PAIR_DIR = "/usr/share/apertium/apertium-bel-rus"
GENERATOR = f"{PAIR_DIR}/rus-bel.autogen.bin"
ANALYSER = f"{PAIR_DIR}/bel-rus.automorf.bin"
_TAG = re.compile(r"<([^<>]+)>")
_SPECIAL = re.compile(r"[\^$/<>@\[\]\\{}*#]")


@dataclass(frozen=True)
class Reading:
    """One analysis of a Belarusian word: lemma and tags, e.g. ("вобласць", ("n","f","nn","sg","gen"))."""

    lemma: str
    tags: tuple[str, ...]


def available(path: str = GENERATOR) -> bool:
    """True when ``lt-proc`` and the compiled file are installed."""
    return shutil.which("lt-proc") is not None and os.path.isfile(path)


def _run(args: Sequence[str], lines: Sequence[str], timeout: float) -> list[str] | None:
    if not lines:
        return []
    try:
        proc = subprocess.run(
            ["lt-proc", *args],
            input=("\n".join(lines) + "\n").encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    out = proc.stdout.decode("utf-8", "replace").split("\n")
    if proc.returncode != 0 or len(out) < len(lines):
        return None
    return out[: len(lines)]


def generate(requests: Sequence[str], *, path: str = GENERATOR, timeout: float = 20.0) -> list[str | None]:
    """Forms for ``lemma<tag><tag>…`` requests; None where the generator has no such form.

    Returns all None when ``lt-proc`` or the generator is not installed (the fallback
    then leaves words as they are, still marked).
    """
    if not requests:
        return []
    if not available(path):
        return [None] * len(requests)
    safe = [r if not _SPECIAL.search(r.split("<", 1)[0]) else "" for r in requests]
    out = _run(["-g", path], [f"^{r}$" if r else "" for r in safe], timeout)
    if out is None:
        return [None] * len(requests)
    forms: list[str | None] = []
    for req, line in zip(safe, out):
        line = line.strip()
        forms.append(None if not req or not line or line[0] in "#@*" or "<" in line else line)
    return forms


def analyse(words: Sequence[str], *, path: str = ANALYSER, timeout: float = 20.0) -> list[tuple[Reading, ...]]:
    """All readings of each Belarusian word (empty for unknown words or no analyser)."""
    if not words or not available(path):
        return [() for _ in words]
    safe = [w if w and not _SPECIAL.search(w) and " " not in w else "" for w in words]
    out = _run(["-w", path], safe, timeout)
    if out is None:
        return [() for _ in words]
    result: list[tuple[Reading, ...]] = []
    for word, line in zip(safe, out):
        line = line.strip()
        if not word or not line.startswith("^") or "/*" in line:
            result.append(())
            continue
        readings = []
        for part in line.strip("^$").split("/")[1:]:
            lemma = part.split("<", 1)[0]
            readings.append(Reading(lemma, tuple(_TAG.findall(part))))
        result.append(tuple(readings))
    return result
