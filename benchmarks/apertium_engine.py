"""The Apertium engine alone against the plain stages, on the same sentences.

    .venv/bin/python benchmarks/apertium_engine.py [--repeat 5] [--parts] [--stages] [--draft]

Uses ../shared/corpus/benchmark-ru-sentences.txt (852 sentences) when present, else the
shipped samples. Prints wall and CPU seconds (the engine's processes) for: the plain stages
as one shell pipeline; ApertiumEngine.translate_batch on a new engine (start-up included) and
on a running one; the same with the Belarusian lexical-correction stage; and with everything
the pipeline adds for Belarusian: the Apertium data overlay alone (merged analyser, bilingual
dictionary and generator, the pair's grammar recompiled with the overlay's CG rules in front,
the overlay's lexical-selection stage), then every stage
``lang.engine_extras`` gives the pipeline (the overlay, the surname guard, the government and
agreement stage). The last lines compare those runs with the corrections-only run (issue 14:
< 10% more), and the
overlay's build time (from an empty cache) is printed first. ``--parts`` adds what each
addition costs; ``--stages`` the CPU of every stage run alone on the previous one's output,
for the corrections-only and the full chain (steadier on a busy machine); ``--draft`` the whole
Belarusian draft as the pipeline makes it (engine, then the unknown-word fallback).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import time
from pathlib import Path

from translator_flow.engines.apertium import ApertiumEngine, plain_stages_command
from translator_flow.lang.be_corrections import lexical_stage

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "benchmark-ru-sentences.txt"


def sentences() -> list[str]:
    if CORPUS.exists():
        return [s.strip() for s in CORPUS.read_text(encoding="utf-8").splitlines() if s.strip()]
    from translator_flow.readers import read_document
    from translator_flow.segment import segment_document

    print("note: ../shared is absent; using the shipped samples")
    return [s.source for p in sorted((ROOT / "samples").glob("*.ru.*")) for s in segment_document(read_document(p))]


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(run, repeat: int) -> tuple[float, float]:
    """Median wall seconds and median CPU seconds of the child processes."""
    return measure_interleaved([run], repeat)[0]


def measure_interleaved(runs, repeat: int, cpu_seconds=children_cpu) -> list[tuple[float, float]]:
    """:func:`measure` for several runs taken in turn (run 1, 2, …, 1, 2, …), so a change of
    machine load during the benchmark falls on every run alike instead of on the last ones.
    ``cpu_seconds`` is the CPU clock read around each run (by default the child processes')."""
    walls: list[list[float]] = [[] for _ in runs]
    cpus: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for i, run in enumerate(runs):
            cpu, start = cpu_seconds(), time.perf_counter()
            run()
            walls[i].append(time.perf_counter() - start)
            cpus[i].append(cpu_seconds() - cpu)
    return [(statistics.median(w), statistics.median(c)) for w, c in zip(walls, cpus)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--parts", action="store_true",
                        help="also what each addition costs: every Belarusian stage without one of them")
    parser.add_argument("--draft", action="store_true",
                        help="also the whole Belarusian draft: engine and unknown-word fallback, both configurations")
    parser.add_argument("--stages", action="store_true",
                        help="also the CPU of each stage, run alone, with corrections only and with every stage")
    args = parser.parse_args()
    texts = sentences()
    joined = ("\n\n".join(texts) + "\n").encode("utf-8")
    command = plain_stages_command()

    def plain() -> None:
        subprocess.run(command, shell=True, input=joined, capture_output=True, check=True)

    def new_engine(**options) -> None:
        with ApertiumEngine(**options) as engine:
            outputs = engine.translate_batch(texts, "ru", "be")
        assert len(outputs) == len(texts) and not [o for o in outputs if o.error]

    import tempfile
    import time as _time

    from translator_flow.lang.apertium_overlay.build import build

    with tempfile.TemporaryDirectory() as cache:
        start = _time.perf_counter()
        fresh = build(cache=Path(cache))
        print(f"overlay build from an empty cache: {_time.perf_counter() - start:.2f} s" if fresh else "overlay: not built")
    from translator_flow.lang import engine_extras

    overlay = build()
    if overlay is not None:
        print("overlay CG: " + ("in the pair's own grammar (one cg-proc)" if overlay.merged_cg
                                else f"a pass of its own ({overlay.cg_note})"))
    with_overlay = {"post_bidix_stages": [lexical_stage()], **(overlay.engine_options() if overlay else {})}
    everything = engine_extras("be", "apertium")  # what the pipeline runs
    running = ApertiumEngine()
    running.translate_batch(["Прогрев."], "ru", "be")
    rows = [
        ("plain stages (one shell pipeline)", plain),
        ("ApertiumEngine, new (start-up included)", new_engine),
        ("ApertiumEngine, running", lambda: running.translate_batch(texts, "ru", "be")),
        ("ApertiumEngine + lexical corrections, new",
         lambda: new_engine(post_bidix_stages=[lexical_stage()])),
        ("ApertiumEngine + corrections + overlay, new", lambda: new_engine(**with_overlay)),
        ("  + every Belarusian stage (lang.engine_extras)", lambda: new_engine(**everything)),
    ]
    print(f"{len(texts)} sentences, {sum(len(t.split()) for t in texts)} words, median of {args.repeat}, runs interleaved")
    base = None
    walls, cpus = [], []
    for (label, _), (wall, cpu) in zip(rows, measure_interleaved([run for _, run in rows], args.repeat)):
        walls.append(wall)
        cpus.append(cpu)
        base = base or wall
        # CPU of child processes is known once they exit: not for the engine left running.
        cpu_text = f"{cpu:6.2f} s CPU" if cpu > 0 else "   (running)"
        print(f"  {label:44} {wall:6.2f} s wall  {cpu_text}  ratio {wall / base:.2f}")
    running.close()
    print(f"overlay per-run cost: {100 * (walls[-2] / walls[-3] - 1):+.1f}% wall, {100 * (cpus[-2] / cpus[-3] - 1):+.1f}% CPU"
          " against corrections only")
    print(f"overlay + every stage per-run cost: {100 * (walls[-1] / walls[-3] - 1):+.1f}% wall,"
          f" {100 * (cpus[-1] / cpus[-3] - 1):+.1f}% CPU against corrections only")
    if args.parts:
        print_parts(everything, new_engine, args.repeat, walls[-1], cpus[-1])
    if args.stages:
        configurations = {"corrections only": {"post_bidix_stages": [lexical_stage()]}, "every stage": everything}
        print_stages(texts, configurations, args.repeat)
    if args.draft:
        print_drafts(texts, everything, args.repeat)


def print_drafts(texts: list[str], everything: dict, repeat: int) -> None:
    """A Belarusian draft as the pipeline makes it: the engine, then the language's repair (the
    unknown-word fallback inflects what the engine left), which does less where the engine knows
    more. Wall seconds and CPU (this process and the engine's) per configuration."""
    from translator_flow.lang import REPAIRS

    repair = REPAIRS["be"]
    repair(ApertiumEngine(post_bidix_stages=[lexical_stage()]).translate_batch(texts[:5], "ru", "be"), {})  # warm caches

    def draft(options: dict) -> None:
        with ApertiumEngine(**options) as engine:
            repair(engine.translate_batch(texts, "ru", "be"), {})

    def own_cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime + children_cpu()

    runs = {"corrections only + fallback": {"post_bidix_stages": [lexical_stage()]}, "every stage + fallback": everything}
    measured = measure_interleaved([lambda options=options: draft(options) for options in runs.values()], repeat, own_cpu)
    print(f"whole Belarusian draft (engine + repair), median of {repeat}, interleaved:")
    result = dict(zip(runs, measured))
    for label, (wall, cpu) in result.items():
        print(f"  {label:44} {wall:6.2f} s wall  {cpu:6.2f} s CPU")
    (w0, c0), (w1, c1) = result.values()
    print(f"draft per-run cost: {100 * (w1 / w0 - 1):+.1f}% wall, {100 * (c1 / c0 - 1):+.1f}% CPU against corrections only")


def print_parts(everything: dict, new_engine, repeat: int, wall: float, cpu: float) -> None:
    """The run with every stage, less one addition at a time: what that addition costs."""
    files = everything["data_files"]
    guard, *own_cg = everything["pre_cg_stages"]  # own_cg: the overlay's CG pass when not merged
    if own_cg:
        overlay_cg = ("the overlay CG (its own cg-proc)", {"pre_cg_stages": [guard]})
    else:
        overlay_cg = ("the overlay CG rules (in the pair's grammar)",
                      {"data_files": {k: v for k, v in files.items() if k != "rus-bel.rlx.bin"}})
    parts = {
        "the surname guard (sed before the CG)": {"pre_cg_stages": own_cg},
        overlay_cg[0]: overlay_cg[1],
        "participles + government (sed scripts)": {"post_bidix_stages": [lexical_stage()]},
        "the merged analyser (rus-bel.automorf.bin)": {"data_files": {k: v for k, v in files.items() if "automorf" not in k}},
        "the merged bilingual dictionary": {"data_files": {k: v for k, v in files.items() if "autobil" not in k}},
        "the merged generator": {"data_files": {k: v for k, v in files.items() if "autogen" not in k}},
    }
    print("what each addition costs (every stage, less that one; interleaved with the run with every stage):")
    runs = [lambda: new_engine(**everything)]
    runs += [lambda change=change: new_engine(**{**everything, **change}) for change in parts.values()]
    (wall, cpu), *rest = measure_interleaved(runs, repeat)
    for label, (w, c) in zip(parts, rest):
        print(f"  {label:44} {wall - w:+6.2f} s wall  {cpu - c:+6.2f} s CPU")


def print_stages(texts: list[str], configurations: dict[str, dict], repeat: int) -> None:
    """CPU seconds of each stage of the chain, run alone on the previous stage's output.

    Less noisy than whole runs on a busy machine (one process at a time, CPU not wall time),
    and it says where a difference comes from."""
    from translator_flow.engines.apertium_stream import deformat

    payload = b"".join(deformat(t, i).encode("utf-8") + b"\0" for i, t in enumerate(texts))
    for label, options in configurations.items():
        with ApertiumEngine(**options) as engine:
            stages = engine._run_stages()
        print(f"{label}: CPU seconds per stage (median of {repeat})")
        data, total = payload, 0.0
        for argv in stages:
            out: list[bytes] = []

            def run(argv=argv, data=data, out=out) -> None:
                out[:] = [subprocess.run(argv, input=data, capture_output=True, check=True).stdout]

            _, cpu = measure(run, repeat)
            total += cpu
            name = " ".join(Path(a).name if a.startswith("/") else a for a in argv if len(a) < 200)
            print(f"  {cpu:6.3f}  {name[:80]}")
            data = out[0]
        print(f"  {total:6.3f}  in all")


if __name__ == "__main__":
    main()
