"""Writer benchmark: milliseconds per release for every output kind, and for write_outputs.

    .venv/bin/python benchmarks/writers.py [--releases 100] [--repeat 3] [--langs be]

Issue 7 allows the whole batch (translation + DOCX + HTML + JSON) at most 2x the raw
Apertium stages; with ~12 ms of engine time per short release, writing has to stay near
10 ms per release. This builds ``--releases`` short releases (8 sentences, with glossary
hits, an engine mark, QA findings of every severity and now and then an untranslated
segment) with ``tests/report_factory.py``, then times, median of ``--repeat`` runs:
each renderer alone (in memory), and ``write_outputs`` into a temporary folder (rendering,
atomic writes and fsync included). The first render in a process (imports, template
loading) is timed separately, since a batch pays it once.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the report factory lives with the tests


def build_reports(count: int, langs: tuple[str, ...]) -> list:
    """``count`` distinct 8-sentence releases in the shape the pipeline produces."""
    from report_factory import BLOCKS, DRAFTS, ISSUES, MARKS, TERMS, TermSpec, build_report

    keep = [0, 1, 2, 3, 7]  # title, lead (2), paragraph (2), quote, paragraph (2): 8 sentences
    rename = {f"b{old}": f"b{new}" for new, old in enumerate(keep)}

    def seg(seg_id: str) -> str | None:
        block, _, rest = seg_id.partition("s")
        return f"{rename[block]}s{rest}" if block in rename else None

    offsets = [sum(len(BLOCKS[b][1]) for b in range(k)) for k in range(len(BLOCKS))]
    reports = []
    for number in range(count):
        blocks = [(BLOCKS[b][0], [_vary(s, number) for s in BLOCKS[b][1]]) for b in keep]
        drafts = {}
        for lang in langs:
            texts: list[str | None] = []
            for b in keep:
                for s in range(len(BLOCKS[b][1])):
                    draft = DRAFTS[lang][offsets[b] + s]
                    texts.append(None if draft is None or (number % 5 == 0 and b == 7 and s == 1)
                                 else _vary(draft, number))
            drafts[lang] = texts
        terms: dict[tuple[str, str], list[TermSpec]] = {(lang, seg(i)): v for (lang, i), v in TERMS.items() if seg(i)}  # type: ignore[misc]
        marks = {(lang, seg(i)): v for (lang, i), v in MARKS.items() if seg(i)}
        issues = [(lang, seg(i) or "", *rest) for lang, i, *rest in ISSUES]
        reports.append(build_report(blocks, drafts, terms=terms, marks=marks, issues=issues,  # type: ignore[arg-type]
                                    source_path=f"release-{number:03d}.ru.txt"))
    return reports


def _vary(text: str, number: int) -> str:
    # Distinct releases without touching the words that terms and marks are found by.
    return text.replace("2025", str(2000 + number % 26)).replace("123-45-67", f"{100 + number}-45-67")


def _median_ms(func, reports: list, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for report in reports:
            func(report)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000 / len(reports)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--langs", default="be", help="comma-separated target languages (be, en)")
    args = parser.parse_args()
    langs = tuple(args.langs.split(","))

    started = time.perf_counter()
    from translator_flow.writers import report_to_json, write_outputs
    from translator_flow.writers.publish import render_publish_docx, render_publish_html
    from translator_flow.writers.review_docx import render_review_docx
    from translator_flow.writers.review_html import render_review_html

    reports = build_reports(args.releases, langs)
    kinds = {
        "review_docx": lambda r: [render_review_docx(r, [lang], stem="release") for lang in langs],
        "review_html": lambda r: [render_review_html(r, [lang], stem="release") for lang in langs],
        "publish_docx": lambda r: [render_publish_docx(r, lang) for lang in langs],
        "publish_html": lambda r: [render_publish_html(r, lang) for lang in langs],
        "json": report_to_json,
    }
    for func in kinds.values():
        func(reports[0])
    first = (time.perf_counter() - started) * 1000
    segments = sum(len(r.segments) for r in reports) / len(reports)
    print(f"{len(reports)} releases, {segments:.0f} segments each, --to {','.join(langs)}, median of {args.repeat}")
    print(f"  first render in the process (imports, templates): {first:7.1f} ms, once per batch")
    total = 0.0
    for name, func in kinds.items():
        ms = _median_ms(func, reports, args.repeat)
        total += ms
        print(f"  {name:<13} {ms:6.2f} ms/release")
    print(f"  {'renders':<13} {total:6.2f} ms/release")
    with tempfile.TemporaryDirectory(prefix="tf-bench-writers-") as tmp:
        def write(report) -> None:
            write_outputs(report, Path(tmp), force=True)

        ms = _median_ms(write, reports, args.repeat)
    files = 4 * len(langs) + 1
    print(f"  {'write_outputs':<13} {ms:6.2f} ms/release ({files} files, atomic writes and fsync included)")


if __name__ == "__main__":
    main()
