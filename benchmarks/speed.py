"""Speed benchmark: translator-flow against the raw engines, in one run.

    .venv/bin/python benchmarks/speed.py [--releases 100] [--repeat 3]

Builds N releases from ../shared/corpus/benchmark-ru-sentences.txt (distinct sentences, no
repeats; falls back to the shipped samples when ../shared is absent), then measures, median
of several repetitions:
  a) the raw Apertium rus-bel stages on the concatenated text (one shell pipeline);
  b) translator-flow --to be: the translation stage (read, segment, glossary, MT, fallback,
     post-edit, QA — everything before writing) and the whole batch with DOCX, HTML and JSON;
  c) --to en with the small test model: ArgosEngine against CTranslate2's translate_batch;
and prints seconds, words per second, the ratios, peak memory and `--help` start-up time.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "tests"))  # the test-model builder lives with the tests


def build_releases(folder: Path, count: int) -> list[str]:
    """Write ``count`` releases into ``folder``; returns all their sentences in order."""
    corpus = SHARED / "corpus" / "benchmark-ru-sentences.txt"
    if corpus.exists():
        sentences = [s.strip() for s in corpus.read_text(encoding="utf-8").splitlines() if s.strip()]
    else:
        print("note: ../shared is absent; using the shipped samples (numbers not comparable)")
        from translator_flow.readers import read_document
        from translator_flow.segment import segment_document

        sentences = []
        for sample in sorted((ROOT / "samples").glob("*.ru.*")):
            sentences += [s.source for s in segment_document(read_document(sample))]
    sentences = list(dict.fromkeys(sentences))
    per = max(3, len(sentences) // count)
    used: list[str] = []
    for number in range(count):
        chunk = sentences[number * per:(number + 1) * per]
        if len(chunk) < 3:
            break
        title, body = chunk[0].rstrip("."), chunk[1:]
        paragraphs = [" ".join(body[i:i + 3]) for i in range(0, len(body), 3)]
        text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / f"release-{number:03d}.ru.txt").write_text(text, encoding="utf-8")
        used += [title, *body]
    return used


def median_time(func, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def peak_mb() -> tuple[float, float]:
    """Peak RSS of this process and of its largest child, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, child


def measure(kind: str, folder: Path) -> dict:
    """One repetition in this (fresh) process: the translation stage or the whole batch.

    Timed from the start of the run (glossary loading and engine start-up included), so
    no cache of an earlier repetition helps; peak memory is this process's own.
    """
    from translator_flow.batch import run_batch
    from translator_flow.config import Settings
    from translator_flow.batch_schedule import translate_documents
    from translator_flow.pipeline import Pipeline

    settings = Settings(targets=("be",), tm_dir=None, glossary=(ROOT / "glossary",), force_language=True)
    inputs = sorted(folder.glob("*.txt"))
    start = time.perf_counter()
    engines_mb = 0.0
    if kind == "stage":
        with Pipeline(settings) as pipeline:
            reports = [report for _, report in translate_documents(pipeline, inputs)]
            engines_mb = children_peak_mb()  # Apertium stages and lt-proc, before they stop
        assert not [r for r in reports if isinstance(r, Exception)], reports
        segments = sum(len(r.segments) for r in reports)
    else:
        with tempfile.TemporaryDirectory() as out:
            report = run_batch(folder, settings.with_options(out_dir=Path(out)))
            assert all(r.status == "ok" for r in report.results), report.results
            segments = sum(r.segments for r in report.results)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "segments": segments, "peak_mb": peak_mb()[0], "engines_mb": engines_mb}


def children_peak_mb() -> float:
    """Memory of this process's live children (engine processes), in MB, from Linux /proc.

    Proportional set size (Pss): pages the 13 Apertium stages and lt-proc processes share
    (libraries, the same transducer files) are divided among them rather than counted
    13 times, as plain RSS would. Taken at the end of the run, when the engines are warm."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) != os.getpid():
                continue
            rollup = (stat.parent / "smaps_rollup").read_text()
        except (OSError, IndexError, ValueError):
            continue
        for line in rollup.splitlines():
            if line.startswith("Pss:"):
                total += int(line.split()[1])
    return total / 1024


def _fresh(kind: str, folder: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--measure", kind, "--folder", str(folder)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.splitlines()[-1])


def bench_belarusian(folder: Path, sentences: list[str], repeat: int) -> None:
    from translator_flow.engines.apertium import plain_stages_command

    words = sum(len(s.split()) for s in sentences)
    text = "\n\n".join(sentences) + "\n"
    command = plain_stages_command()
    raw, _ = median_time(lambda: subprocess.run(command, shell=True, input=text.encode(), check=True,
                                                capture_output=True), repeat)
    stages = [_fresh("stage", folder) for _ in range(repeat)]
    batches = [_fresh("batch", folder) for _ in range(repeat)]
    stage = statistics.median(r["seconds"] for r in stages)
    batch = statistics.median(r["seconds"] for r in batches)
    peak = max(r["peak_mb"] for r in stages + batches)
    engines = max(r["engines_mb"] for r in stages)
    releases = len(list(folder.glob("*.txt")))
    print(f"Belarusian: {releases} releases, {stages[0]['segments']} segments, {words} words, "
          f"median of {repeat}, each run in a fresh process")
    print(f"  a) raw Apertium stages        {raw:7.2f} s  {words / raw:8.0f} words/s")
    print(f"  b) translation stage          {stage:7.2f} s  {words / stage:8.0f} words/s"
          f"  ratio b/a {stage / raw:.2f} (target <= 1.25)")
    print(f"  b) whole batch (DOCX/HTML/JSON) {batch:5.2f} s  {words / batch:8.0f} words/s"
          f"  ratio {batch / raw:.2f} (target <= 2.0)")
    print(f"  peak memory of a Belarusian-only run: python {peak:.0f} MB + engine processes "
          f"{engines:.0f} MB = {peak + engines:.0f} MB (target < 400)")


def bench_english(sentences: list[str], repeat: int) -> None:
    from copymodel import build_copy_model

    with tempfile.TemporaryDirectory() as home:
        os.environ["ARGOS_PACKAGES_DIR"] = str(Path(home) / "packages")
        model = build_copy_model(Path(home))
        from translator_flow.engines.models import install_model

        info = install_model("ru-en", from_file=model, packages_dir=Path(home) / "packages")
        from translator_flow.engines.argos import ArgosEngine

        engine = ArgosEngine(packages_dir=Path(home) / "packages", threads=1)
        argos, outputs = median_time(lambda: engine.translate_batch(sentences, "ru", "en"), repeat)
        assert len(outputs) == len(sentences) and not [o for o in outputs if o.error]
        options = engine.ctranslate2_options  # the very settings Argos decodes with
        engine.close()

        import ctranslate2
        import sentencepiece

        sp = sentencepiece.SentencePieceProcessor(model_file=str(Path(info.path) / "sentencepiece.model"))
        translator = ctranslate2.Translator(str(Path(info.path) / "model"), **options["translator"])
        tokens = [sp.encode(s, out_type=str) for s in sentences]
        raw, _ = median_time(lambda: translator.translate_batch(tokens, **options["translate_batch"]), repeat)
    print(f"English (copy test model): {len(sentences)} sentences")
    print(f"  CTranslate2 translate_batch   {raw:7.2f} s")
    print(f"  ArgosEngine.translate_batch   {argos:7.2f} s  ratio {argos / raw:.2f}")


def bench_help(repeat: int = 5) -> None:
    exe = Path(sys.executable).with_name("translator-flow")
    command = [str(exe), "--help"] if exe.exists() else [sys.executable, "-m", "translator_flow", "--help"]
    seconds, _ = median_time(lambda: subprocess.run(command, check=True, capture_output=True), repeat)
    print(f"`translator-flow --help`: {seconds:.3f} s (target < 0.3)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-en", action="store_true")
    parser.add_argument("--measure", choices=["stage", "batch"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:  # one repetition, run by bench_belarusian in a fresh process
        print(json.dumps(measure(args.measure, args.folder)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sentences = build_releases(folder, args.releases)
        bench_help()
        bench_belarusian(folder, sentences, args.repeat)
        if not args.skip_en:
            bench_english(sentences, args.repeat)


if __name__ == "__main__":
    main()
