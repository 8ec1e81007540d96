"""Apertium's Belarusian generator and analyser for the unknown-word fallback.

The fallback asks for many forms at once (``^вобласць<n><f><nn><sg><ins>$`` → «вобласцю»)
and reads neighbouring words of the draft with the analyser (``bel-rus.automorf.bin``,
the reverse pair's Belarusian morphology, lemmas in dictionary case) so an inserted form
can agree with them. Both run on the shared long-lived ``lt-proc`` processes of
:mod:`translator_flow.lttoolbox`, so a document costs no process start and words seen
in earlier documents cost nothing.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from .. import lttoolbox
from ..lttoolbox import Reading

__all__ = ["ANALYSER", "GENERATOR", "Reading", "analyse", "available", "generate"]

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
