"""QA checks benchmark: every registered check over 1,000 clean Belarusian segments.

    .venv/bin/python benchmarks/qa_checks.py [--segments 1000]

The segments carry numbers, dates, quotes and a percentage, so every check has work to do.
Prints seconds per 1,000 segments (best of 3). Target: < 1 s (measured ~0.1 s on 2 cores).
"""

from __future__ import annotations

import argparse
import sys
import time

from translator_flow.model import Segment, TargetSegment
from translator_flow.qa import run_checks

TARGET_SECONDS = 1.0
SOURCE = ("Товарооборот между Смоленской областью и Беларусью в 2024 году составил 1 250,5 млн "
          "долларов, что на 12,5 % больше, чем 12 марта 2023 года («по данным» ведомства).")
DRAFT = ("Тавараабарот паміж Смаленскай вобласцю і Беларуссю ў 2024 годзе склаў 1 250,5 млн "
         "долараў, што на 12,5 % больш, чым 12 сакавіка 2023 года («паводле звестак» ведамства).")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=1000)
    args = parser.parse_args()
    rows = []
    for i in range(args.segments):
        source, draft = SOURCE + f" Пункт {i}.", DRAFT + f" Пункт {i}."
        rows.append((Segment(f"b{i}s0", i, 0, source, 0, len(source)), TargetSegment(f"b{i}s0", "be", draft, "mt")))
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        found = sum(len(run_checks(seg, target, "be")) for seg, target in rows)
        best = min(best, time.perf_counter() - start)
    per_thousand = best * 1000 / args.segments
    print(f"segments {args.segments}  findings {found}  s/1000 segments {per_thousand:.3f}  "
          f"target < {TARGET_SECONDS}  {'OK' if per_thousand < TARGET_SECONDS else 'SLOW'}")
    return 0 if per_thousand < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
