"""Quality benchmark: Belarusian drafts against human translations, three systems in one run.

    .venv/bin/python benchmarks/quality.py [--tsv DIR]

On ../shared/eval/dev-ru-be.tsv (real ru–be pairs from official news; skipped with a
message when ../shared is absent) prints chrF, BLEU (sacreBLEU defaults, typography
normalised on both sides, see translator_flow.evaluate), segments lost (empty output) and
the share of segments that still contain words the engine did not know, for:
  a) the shipped `apertium rus-bel` mode, one call per sentence (it loses most of them);
  b) the plain Apertium stages with the tagger fix (engines/apertium.py), no post-editing,
     engine marks (* # @) removed;
  c) translator-flow's full pipeline: engine → unknown-word fallback → post-editing.
Issue #6's target: c) ≥ b) + 6 chrF and no lost segment.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev-ru-be.tsv"
_MARK = re.compile(r"(?<![\w])[*#@](?=\w)")


def shipped_mode(texts: list[str]) -> list[str]:
    """`apertium rus-bel` as users would call it, one sentence per call."""
    out = []
    for text in texts:
        proc = subprocess.run(["apertium", "-u", "rus-bel"], input=text.encode(), capture_output=True, check=False)
        out.append(proc.stdout.decode("utf-8", "replace").strip())
    return out


def plain_stages(texts: list[str]) -> list[str]:
    """The repaired stages (first-reading tagger fix), marks stripped, nothing else."""
    from translator_flow.engines.apertium import translate_plain

    return [_MARK.sub("", t) for t in translate_plain(texts)]


def plain_stages_marked(texts: list[str]) -> list[object]:
    """The repaired stages as EngineOutputs, so marks count as unknown words."""
    from translator_flow.engines.apertium import ApertiumEngine

    with ApertiumEngine() as engine:
        return engine.translate_batch(texts, "ru", "be")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tsv", type=Path, default=None, help="write per-segment TSVs into this folder")
    args = parser.parse_args()
    if not DEV.exists():
        print(f"skipped: {DEV} is absent (it lives in ../shared on dev machines and CI)")
        return 0
    from translator_flow.evaluate import evaluate, pipeline_translator, read_pairs_tsv, write_tsv

    ids, src, ref = read_pairs_tsv(DEV)
    print(f"dev set: {DEV.name}, {len(src)} segments")
    results = []
    for label, translate in (
        ("a) apertium rus-bel (shipped)", shipped_mode),
        ("b) plain Apertium stages", plain_stages),
        ("c) translator-flow full pipeline", pipeline_translator("be")),
    ):
        start = time.perf_counter()
        result = evaluate(src, ref, "be", translate, ids=ids, label=label)
        if label.startswith("b)"):  # unknown words from the engine's own marks
            marked = evaluate(src, ref, "be", plain_stages_marked, ids=ids, label=label)
            result = type(result)(label, result.chrf, result.bleu, tuple(
                r.__class__(r.id, r.source, r.reference, r.hypothesis, r.chrf, m.unresolved, m.fallback)
                for r, m in zip(result.rows, marked.rows)))
        results.append((result, time.perf_counter() - start))
        if args.tsv:
            args.tsv.mkdir(parents=True, exist_ok=True)
            write_tsv(result, args.tsv / f"{label[:1]}.tsv")
    print(f"{'system':36} {'chrF':>6} {'BLEU':>6} {'lost':>6} {'unknown':>8} {'time':>6}")
    for result, seconds in results:
        print(f"{result.label:36} {result.chrf:6.2f} {result.bleu:6.2f} {result.lost:>3}/{len(result.rows):<2}"
              f" {100 * result.unknown_share:7.1f}% {seconds:5.1f}s")
    plain, full = results[1][0], results[2][0]
    gain = full.chrf - plain.chrf
    verdict = "met" if gain >= 6 and full.lost == 0 else "NOT met"
    print(f"full − plain: {gain:+.2f} chrF, {full.bleu - plain.bleu:+.2f} BLEU; target (≥ +6 chrF, 0 lost): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
