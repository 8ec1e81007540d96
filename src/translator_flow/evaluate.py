"""Evaluation harness: score machine drafts against human translations, segment by segment.

``evaluate(src_lines, ref_lines, lang, translate)`` translates the source lines with any
callable, scores the drafts with sacreBLEU (corpus chrF and BLEU, default settings) and
keeps one row per segment for inspection (:func:`write_tsv`). It also counts what a
reviewer would care about: segments that came back empty ("lost") and segments that
still carry marks of words the engine did not know.

Typography is normalised on both sides before scoring (« » „ “ ” → ", ’ → ', — – → -,
no-break space → space, … → ...): drafts follow press typography while reference sets
are often typographically flattened (the dev set is), and a metric should not reward
or punish a quote style. ``normalize=False`` scores the raw strings.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from collections.abc import Callable, Sequence

from .csvsafe import escape_cells
from .errors import ReaderError

#: Mark kinds that mean "the engine did not know this word and nothing replaced it".
UNRESOLVED = frozenset({"unknown", "generation", "bilingual"})
_TYPOGRAPHY = str.maketrans({"«": '"', "»": '"', "„": '"', "“": '"', "”": '"', "’": "'", "‘": "'",
                             "ʼ": "'", "—": "-", "–": "-", "\u00a0": " ", "\u202f": " "})

Translate = Callable[[Sequence[str]], Sequence[Any]]


@dataclass(frozen=True)
class SegmentRow:
    """One evaluated segment: source, reference, draft, sentence chrF and its marks."""

    id: str
    source: str
    reference: str
    hypothesis: str
    chrf: float
    unresolved: tuple[str, ...]  # words still marked unknown/generation/bilingual
    fallback: tuple[str, ...]  # words the fallback replaced (still marked for review)

    @property
    def lost(self) -> bool:
        """True when the draft is empty: the segment was lost."""
        return not self.hypothesis.strip()


@dataclass(frozen=True)
class EvalResult:
    """Corpus scores and per-segment rows of one evaluation run."""

    label: str
    chrf: float
    bleu: float
    rows: tuple[SegmentRow, ...]

    @property
    def lost(self) -> int:
        """Number of segments with an empty draft."""
        return sum(r.lost for r in self.rows)

    @property
    def unknown_share(self) -> float:
        """Share of segments (0–1) that still contain a word the engine did not know."""
        return sum(bool(r.unresolved) for r in self.rows) / len(self.rows) if self.rows else 0.0

    @property
    def flagged_share(self) -> float:
        """Share of segments with any reviewer mark (unknown or replaced by the fallback)."""
        return sum(bool(r.unresolved or r.fallback) for r in self.rows) / len(self.rows) if self.rows else 0.0

    def summary(self) -> str:
        """One line: label, chrF, BLEU, lost segments, share with unknown words."""
        return (
            f"{self.label or 'drafts'}: chrF {self.chrf:.2f}  BLEU {self.bleu:.2f}  "
            f"lost {self.lost}/{len(self.rows)}  segments with unknown words {100 * self.unknown_share:.1f}%"
        )


def normalize_typography(text: str) -> str:
    """Flatten quotes, apostrophes, dashes, no-break spaces and the ellipsis for scoring."""
    return text.translate(_TYPOGRAPHY).replace("…", "...")


def _draft(item: Any) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """Text, unresolved words and fallback words of a TargetSegment, EngineOutput or str."""
    if isinstance(item, str):
        return item, (), ()
    text = getattr(item, "text", "") or ""
    marks = getattr(item, "marks", ()) or ()
    unresolved = tuple(m.word for m in marks if m.kind in UNRESOLVED)
    fallback = tuple(m.word for m in marks if m.kind == "fallback")
    return text, unresolved, fallback


def evaluate(
    src_lines: Sequence[str],
    ref_lines: Sequence[str],
    lang: str = "be",
    translate: Translate | None = None,
    *,
    ids: Sequence[str] | None = None,
    normalize: bool = True,
    label: str = "",
) -> EvalResult:
    """Translate ``src_lines`` with ``translate`` (default: the full pipeline) and score them.

    ``translate`` takes the list of source texts and returns one draft per text: a
    TargetSegment, an EngineOutput or a plain string.
    """
    import sacrebleu

    if len(src_lines) != len(ref_lines):
        raise ReaderError(
            f"The source has {len(src_lines)} segments and the reference {len(ref_lines)}; "
            "give one segment per line in both files, in the same order."
        )
    if not src_lines:
        raise ReaderError("Nothing to evaluate: the source file has no segments.")
    if translate is None:
        translate = pipeline_translator(lang)
    drafts = list(translate(list(src_lines)))
    if len(drafts) != len(src_lines):
        raise ReaderError(f"The translator returned {len(drafts)} drafts for {len(src_lines)} segments.")
    prep = normalize_typography if normalize else (lambda s: s)
    rows = []
    hyps, refs = [], []
    for n, (src, ref, item) in enumerate(zip(src_lines, ref_lines, drafts)):
        text, unresolved, fallback = _draft(item)
        hyp, reference = prep(text), prep(ref)
        hyps.append(hyp)
        refs.append(reference)
        score = sacrebleu.sentence_chrf(hyp, [reference]).score
        rows.append(SegmentRow(ids[n] if ids else str(n + 1), src, ref, text, score, unresolved, fallback))
    chrf = sacrebleu.corpus_chrf(hyps, [refs]).score
    bleu = sacrebleu.corpus_bleu(hyps, [refs]).score
    return EvalResult(label, chrf, bleu, tuple(rows))


def pipeline_translator(lang: str) -> Translate:
    """Drafts from translator-flow's full pipeline (engine → fallback → post-editing).

    No glossary and no translation memory, so scores do not depend on the folder the
    command runs in. The engine is closed when the call returns.
    """

    def run(texts: Sequence[str]) -> list[Any]:
        from .config import Settings
        from .pipeline import Pipeline

        settings = Settings(targets=(lang,), glossary=(), tm_dir=None)
        with Pipeline(settings) as pipeline:
            return pipeline.translate_texts(texts, lang)

    return run


def write_tsv(result: EvalResult, path: str | Path) -> Path:
    """Write one row per segment (id, chrF, lost, unknown words, source, reference, draft).

    Cells get the OWASP CSV-injection escape (csvsafe): a draft starting with «-» or «=»
    would otherwise run as a formula when the TSV is opened in a spreadsheet.
    """
    path = Path(path)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(["id", "chrf", "lost", "unknown", "fallback", "source", "reference", "draft"])
        for r in result.rows:
            writer.writerow(escape_cells([r.id, f"{r.chrf:.2f}", int(r.lost), " ".join(r.unresolved),
                                          " ".join(r.fallback), r.source, r.reference, r.hypothesis]))
    return path


def read_lines(path: str | Path) -> list[str]:
    """Segments of a one-segment-per-line UTF-8 file (a trailing empty line is ignored)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReaderError(f"Cannot read {path}: {exc}. Give a UTF-8 text file, one segment per line.") from exc
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.rstrip("\r") for line in lines]


def read_pairs_tsv(path: str | Path) -> tuple[list[str], list[str], list[str]]:
    """(ids, sources, references) from a TSV with a header ``id  ru  be`` (the dev-set format)."""
    lines = read_lines(path)
    ids, src, ref = [], [], []
    for n, line in enumerate(lines[1:], 2):
        cols = line.split("\t")
        if len(cols) != 3:
            raise ReaderError(f"{path}:{n}: expected 3 tab-separated columns (id, source, reference).")
        ids.append(cols[0])
        src.append(cols[1])
        ref.append(cols[2])
    return ids, src, ref
