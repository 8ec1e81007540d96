"""Which hunspell binding for the Belarusian spell-check: pyhunspell (C) or spylls (Python).

    python benchmarks/spell_binding.py [--dev PAIRS.tsv]

Loads Debian's be_BY dictionary with each binding that is installed and checks every word
of the dev set's Belarusian side (../shared/eval/dev-ru-be.tsv; skipped when absent):
load time, time per word, and whether the two agree on every word. spylls is not a
dependency of the tool; install it in a scratch venv to compare (issue 15 chose
pyhunspell by this measurement, see qa/spell.py).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev-ru-be.tsv"
DICT = Path("/usr/share/hunspell/be_BY")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dev", type=Path, default=DEV)
    args = parser.parse_args()
    if not args.dev.exists() or not DICT.with_suffix(".dic").exists():
        print(f"skipped: {args.dev} or {DICT}.dic is absent")
        return 0
    lines = args.dev.read_text(encoding="utf-8").splitlines()[1:]
    words = [w.replace("’", "'") for line in lines if line
             for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", line.split("\t")[2])]
    answers: dict[str, list[bool]] = {}
    try:
        import hunspell

        start = time.perf_counter()
        h = hunspell.HunSpell(str(DICT.with_suffix(".dic")), str(DICT.with_suffix(".aff")))
        loaded = time.perf_counter()
        answers["pyhunspell"] = [bool(h.spell(w)) for w in words]
        done = time.perf_counter()
        print(f"pyhunspell: load {loaded - start:.3f} s, {len(words)} words {done - loaded:.3f} s "
              f"({(done - loaded) / len(words) * 1e6:.1f} µs a word)")
    except ImportError:
        print("pyhunspell: not installed")
    try:
        from spylls.hunspell import Dictionary

        start = time.perf_counter()
        d = Dictionary.from_files(str(DICT))
        loaded = time.perf_counter()
        answers["spylls"] = [bool(d.lookup(w)) for w in words]
        done = time.perf_counter()
        print(f"spylls:     load {loaded - start:.3f} s, {len(words)} words {done - loaded:.3f} s "
              f"({(done - loaded) / len(words) * 1e6:.1f} µs a word)")
    except ImportError:
        print("spylls: not installed")
    if len(answers) == 2:
        a, b = answers.values()
        print(f"same answer on {sum(x == y for x, y in zip(a, b))}/{len(words)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
