"""Argos engine text handling (pure functions): protected spans, cuts of long sentences,
reassembly, and restoring the exact form of protected terms (see :mod:`.argos`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from ..model import PROTECT_CLOSE, PROTECT_OPEN, EngineOutput, msg

_PROTECTED = re.compile(f"{PROTECT_OPEN}([^{PROTECT_OPEN}{PROTECT_CLOSE}]*){PROTECT_CLOSE}")
_CUTS = (re.compile(r"(?<=;)\s+"), re.compile(r"(?<=,)\s+"), re.compile(r"\s+"))



def _plan(text: str, fits: Callable[[str], bool]) -> tuple[str, list[str], list[str]]:
    """(model text without delimiters, protected terms, chunks to translate)."""
    terms: list[str] = []
    spans: list[tuple[int, int]] = []
    plain_parts: list[str] = []
    length = 0
    last = 0
    for match in _PROTECTED.finditer(text):
        before = _clean(text[last : match.start()])
        term = match.group(1)
        plain_parts += [before, term]
        length += len(before)
        spans.append((length, length + len(term)))
        length += len(term)
        terms.append(term)
        last = match.end()
    plain_parts.append(_clean(text[last:]))
    plain = "".join(plain_parts)
    stripped = plain.strip()
    offset = len(plain) - len(plain.lstrip())
    spans = [(s - offset, e - offset) for s, e in spans]
    return plain, terms, _chunks(stripped, spans, fits, 0) if stripped else []


def _clean(text: str) -> str:
    # Stray delimiters (unbalanced) are dropped; newlines would make Argos split paragraphs.
    return re.sub(r"\s*\n\s*", " ", text.replace(PROTECT_OPEN, "").replace(PROTECT_CLOSE, ""))


def _chunks(text: str, spans: list[tuple[int, int]], fits: Callable[[str], bool], level: int) -> list[str]:
    """Cut ``text`` into pieces that fit, at ``;`` then ``,`` then spaces, outside spans."""
    if level >= len(_CUTS) or fits(text):
        return [text]
    cuts = [
        m.end() for m in _CUTS[level].finditer(text) if not any(m.start() < e and s < m.end() for s, e in spans)
    ]
    bounds = [0, *cuts, len(text)]
    clauses = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]
    pieces: list[tuple[int, int]] = []
    for start, end in clauses:
        if pieces and fits(text[pieces[-1][0] : end]):
            pieces[-1] = (pieces[-1][0], end)
        else:
            pieces.append((start, end))
    out = []
    for start, end in pieces:
        inner = [(s - start, e - start) for s, e in spans if start <= s and e <= end]
        out += _chunks(text[start:end].strip(), inner, fits, level + 1)
    return out


def _assemble(terms: list[str], chunks: list[str], results: list[str | Exception]) -> EngineOutput:
    """One sentence's output from its chunks' translations; any failed chunk fails it."""
    if not chunks:
        return EngineOutput(text="")  # nothing to translate
    failed = [(c, r) for c, r in zip(chunks, results) if isinstance(r, Exception) or not r.strip()]
    if failed:
        chunk, result = failed[0]
        reason = msg("failed ({error})", error=str(result)) if isinstance(result, Exception) else msg("returned nothing")
        error = (msg("Argos {reason}; the sentence is not translated.", reason=reason) if len(chunks) == 1 else
                 msg("Argos {reason} for part «{part}»; the sentence is not translated.", reason=reason, part=chunk[:60]))
        return EngineOutput(text="", error=error)
    joined = " ".join(str(r).strip() for r in results)
    return EngineOutput(text=_restore_terms(joined, terms))


def _restore_terms(output: str, terms: list[str]) -> str:
    """Put back the exact form of terms the model changed only in case, spacing or NFKC."""
    for term in dict.fromkeys(terms):
        if not term.strip() or term in output:
            continue
        output = _loose_pattern(term).sub(lambda _m, t=term: t, output)  # type: ignore[misc]
    return output


def _loose_pattern(term: str) -> re.Pattern[str]:
    norm = unicodedata.normalize("NFKC", term).strip()
    parts = [r"(?<!\w)" if norm[:1].isalnum() else ""]  # whole words only: "MAZ" not in "maze"
    for ch in norm:
        if ch.isspace() or ch == "_":  # Argos's decoder turns "_" into a space
            if parts[-1] != r"[\s_]+":
                parts.append(r"[\s_]+")
        else:
            parts.append(re.escape(ch))
    parts.append(r"(?!\w)" if norm[-1:].isalnum() else "")
    return re.compile("".join(parts), re.IGNORECASE)
