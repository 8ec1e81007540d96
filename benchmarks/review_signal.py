"""Review signal benchmark: are the word-level warnings of a Belarusian draft worth a look?

    .venv/bin/python benchmarks/review_signal.py [--show] [--dev PAIRS.tsv]

On ../shared/eval/dev-ru-be.tsv (real ru–be pairs, official human translations; skipped
with a message when ../shared is absent) it runs the full pipeline with QA (no glossary,
no TM) and prints two numbers (issue 15):

* **false alarms**: the share of word-level warnings (a QA issue of severity "warning"
  whose span holds letters) whose flagged word is the word the human translator wrote,
  i.e. the engine was right and the editor's minute was wasted. Target ≤ 15%.
* **Russian left, flagged**: the share of Russian-only words left in the drafts that
  carry a word-level warning. Target 100%.

A draft word is "Russian left" when the reference does not have it and either it has a
letter Belarusian does not write (и, щ, ъ), or it is copied letter for letter from the
Russian source (case-insensitive, two letters or more) and the Belarusian dictionary
(hunspell-be) does not know it. The dictionary part keeps words that are Belarusian too
(«не», «года», «мозга») out of the count; it is also what the ``spelling`` check uses, so
that number measures coverage of the marks, the letters and the dictionary together.
Names respelled by the human translator («Будревич» → «Будрэвіч») count: the editor must
change them too. Words are compared in lower case with ’ as '.

Some risky_rendering rows were found on this very dev set (their ``ref`` says "seen in
the dev set"); the false-alarm share is also printed without them. ``--show`` lists the
false alarms and the unflagged Russian words.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev-ru-be.tsv"
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_RU_LETTERS = re.compile(r"[иИщЩъЪ]")


def words(text: str) -> list[tuple[str, int, int]]:
    """(normalised word, start, end) of every letter run; hyphenated parts are separate words."""
    return [(m.group().lower().replace("’", "'"), m.start(), m.end()) for m in _WORD.finditer(text)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="list false alarms and unflagged Russian words")
    parser.add_argument("--dev", type=Path, default=DEV, help=f"the ru–be pairs TSV (default {DEV})")
    args = parser.parse_args()
    if not args.dev.exists():
        print(f"skipped: {args.dev} is absent (it lives in ../shared on dev machines and CI)")
        return 0
    from translator_flow.config import Settings
    from translator_flow.evaluate import read_pairs_tsv
    from translator_flow.model import Segment
    from translator_flow.pipeline import Pipeline
    from translator_flow.qa import spell
    from translator_flow.qa.checks_risky import load_risky

    if spell.unavailable_reason():
        print(f"skipped: {spell.unavailable_reason()}")
        return 0
    accepts = spell.accepts
    dev_rows = [r for r in load_risky() if "seen in the dev set" in r.ref]

    ids, src, ref = read_pairs_tsv(args.dev)
    segments = [Segment(f"t{i}", 0, i, text, 0, len(text)) for i, text in enumerate(src)]
    start = time.perf_counter()
    with Pipeline(Settings(targets=("be",), glossary=(), tm_dir=None)) as pipeline:
        translation = pipeline.translate_segments(segments, "be")
    seconds = time.perf_counter() - start
    by_segment: dict[str, list[object]] = {}
    for issue in translation.issues:
        by_segment.setdefault(issue.segment_id, []).append(issue)

    warnings = alarms = left = flagged = dev_warnings = dev_alarms = 0
    by_check: dict[str, list[int]] = {}
    shown: list[str] = []
    for sid, source, reference, target in zip(ids, src, ref, translation.targets):
        ref_words = {w for w, _, _ in words(reference)}
        src_words = {w for w, _, _ in words(source)}
        spans = []
        for issue in by_segment.get(target.segment_id, []):
            span = getattr(issue, "span", None)
            if getattr(issue, "severity", "") != "warning" or not span:
                continue
            flagged_words = [w for w, s, e in words(target.text) if s < span[1] and e > span[0]]
            if not flagged_words:
                continue
            spans.append(span)
            warnings += 1
            false_alarm = all(w in ref_words for w in flagged_words)
            alarms += false_alarm
            message = getattr(issue, "message", "")
            from_dev = issue.check == "risky_rendering" and any(  # type: ignore[attr-defined]
                f"— likely «{r.fix}»" in message and r.why in message for r in dev_rows)
            dev_warnings += from_dev
            dev_alarms += from_dev and false_alarm
            counts = by_check.setdefault(issue.check, [0, 0])  # type: ignore[attr-defined]
            counts[0] += 1
            counts[1] += false_alarm
            if false_alarm and args.show:
                shown.append(f"  false alarm  {sid}: «{' '.join(flagged_words)}» — {issue.message}")  # type: ignore[attr-defined]
        for word, s, e in words(target.text):
            if len(word) < 2 or word in ref_words:
                continue
            if _RU_LETTERS.search(word) or (word in src_words and not accepts(word)):
                left += 1
                hit = any(s < b and e > a for a, b in spans)
                flagged += hit
                if not hit and args.show:
                    shown.append(f"  NOT flagged  {sid}: «{target.text[s:e]}» in «{target.text}»")
    print(f"dev set: {args.dev.name}, {len(src)} segments, pipeline + QA {seconds:.1f}s")
    for check, (n, bad) in sorted(by_check.items()):
        print(f"  {check:16} {n:4} word-level warnings, {bad:3} equal to the reference's word")
    share = alarms / warnings if warnings else 0.0
    coverage = flagged / left if left else 1.0
    print(f"false alarms: {alarms}/{warnings} word-level warnings = {100 * share:.1f}% (target ≤ 15%)")
    rest = warnings - dev_warnings
    print(f"  without the {len(dev_rows)} risky rows seen on the dev set: {alarms - dev_alarms}/{rest} = "
          f"{100 * (alarms - dev_alarms) / rest if rest else 0.0:.1f}%")
    print(f"Russian left, flagged: {flagged}/{left} = {100 * coverage:.1f}% (target 100%)")
    spelling_precision(ids, src, ref, translation, by_segment, shown if args.show else None)
    for line in shown:
        print(line)
    return 0


def spelling_precision(ids: list[str], src: list[str], ref: list[str], translation: object,
                       by_segment: dict[str, list[object]], shown: list[str] | None) -> None:
    """Precision of the ``spelling`` check: a flagged word the reference does not have is a
    real error (true positive); one the reference has is a false alarm. Printed twice: as
    the pipeline runs it (marked words are left to ``untranslated``) and on the same drafts
    with the marks removed, i.e. the dictionary judging every word."""
    from dataclasses import replace

    from translator_flow.model import Segment
    from translator_flow.qa.checks_spelling import check_spelling
    from translator_flow.qa.base import CheckContext

    for label, strip_marks in (("in the pipeline", False), ("every word, marks ignored", True)):
        counts = {"warning": [0, 0], "info": [0, 0]}
        for n, (sid, source, reference, target) in enumerate(zip(ids, src, ref, translation.targets)):  # type: ignore[attr-defined]
            ref_words = {w for w, _, _ in words(reference)}
            if strip_marks:
                found = list(check_spelling(CheckContext(Segment(target.segment_id, 0, n, source, 0, len(source)),
                                                         replace(target, marks=()), "be")))
                items = [(f.severity or "warning", f.span, f.message) for f in found]
            else:
                items = [(i.severity, i.span, i.message) for i in by_segment.get(target.segment_id, [])  # type: ignore[attr-defined]
                         if i.check == "spelling"]  # type: ignore[attr-defined]
            for severity, span, message in items:
                if not span:
                    continue
                flagged = [w for w, a, b in words(target.text) if a < span[1] and b > span[0]]
                good = not all(w in ref_words for w in flagged)
                counts[severity][0] += 1
                counts[severity][1] += good
                if shown is not None and not strip_marks:
                    shown.append(f"  spelling {'real' if good else 'FALSE'} {severity} {sid}: {message}")
        total = sum(c[0] for c in counts.values())
        real = sum(c[1] for c in counts.values())
        parts = ", ".join(f"{sev} {c[1]}/{c[0]}" for sev, c in counts.items())
        print(f"spelling precision ({label}): {real}/{total} = {100 * real / total if total else 0:.1f}% "
              f"not in the reference ({parts})")


if __name__ == "__main__":
    sys.exit(main())
