"""Shared fixtures' helpers for the Apertium overlay tests: the lexical units the engine chose.

A rule's effect is checked where it happens: the bilingual stream after lexical selection
(``^ru<tags>/be<tags>$``) gives the Russian reading the grammar kept and the Belarusian
lemma chosen, independent of how transfer and generation then spell the sentence.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from translator_flow.engines.apertium import ApertiumEngine
from translator_flow.engines.apertium_pipeline import program
from translator_flow.engines.apertium_stream import deformat

_UNIT = re.compile(r"\^([^$]*)\$")


def units_after_selection(engine: ApertiumEngine, text: str) -> list[tuple[str, str]]:
    """(Russian lemma<tags>, first Belarusian lemma<tags>) per unit, after the last lrx-proc stage."""
    stages: Sequence[Sequence[str]] = engine._run_stages()
    last = max(i for i, s in enumerate(stages) if program(s) == "lrx-proc")
    procs: list[subprocess.Popen[bytes]] = []
    for argv in stages[:last + 1]:
        procs.append(subprocess.Popen(list(argv), stdin=procs[-1].stdout if procs else subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=subprocess.DEVNULL))
        if len(procs) > 1:
            procs[-2].stdout.close()  # type: ignore[union-attr]
    assert procs[0].stdin is not None
    procs[0].stdin.write(deformat(text).encode() + b"\0")
    procs[0].stdin.close()
    out = procs[-1].stdout.read().decode()  # type: ignore[union-attr]
    procs[-1].stdout.close()  # type: ignore[union-attr]
    for p in procs:
        p.wait(timeout=10)
    units = []
    for body in _UNIT.findall(out):
        parts = body.split("/")
        units.append((parts[0], parts[1] if len(parts) > 1 else ""))
    return units


def lemma(unit: str) -> str:
    """``лицо`` from ``Лицо<n><nt>…`` (lower case)."""
    return unit.split("<", 1)[0].lower()


@contextmanager
def belarusian_engine(cache: Path) -> Iterator[ApertiumEngine]:
    """ApertiumEngine with every Belarusian stage (``lang.engine_extras``), its overlay built
    into ``cache`` (a fresh ``XDG_CACHE_HOME``) so that the tests see the data as committed."""
    import pytest

    from translator_flow.lang import engine_extras

    mp = pytest.MonkeyPatch()
    mp.setenv("XDG_CACHE_HOME", str(cache))
    try:
        options = engine_extras("be", "apertium")
    finally:
        mp.undo()
    assert options.get("overlay_hash"), "the overlay was not built"
    with ApertiumEngine(timeout=10, **options) as engine:
        yield engine
