"""Profile the translation stage (everything before writing) on the speed benchmark's releases.

    .venv/bin/python benchmarks/profile_stage.py [--sort tottime|cumulative] [--releases 100]

Prints the top functions by time; the engine's own work shows as waits on the lock/epoll.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from speed import build_releases  # noqa: E402

from translator_flow.config import Settings  # noqa: E402
from translator_flow.batch_schedule import translate_documents  # noqa: E402
from translator_flow.pipeline import Pipeline  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sort", default="tottime", choices=["tottime", "cumulative"])
    parser.add_argument("--releases", type=int, default=100)
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        build_releases(folder, args.releases)
        inputs = sorted(folder.glob("*.txt"))
        settings = Settings(targets=("be",), tm_dir=None, glossary=(ROOT / "glossary",), force_language=True)
        with Pipeline(settings) as pipeline:
            pipeline.glossary.prepare_be()  # one-time start-up cost, not per release
            profile = cProfile.Profile()
            profile.enable()
            results = list(translate_documents(pipeline, inputs))
            profile.disable()
    assert not [r for _, r in results if isinstance(r, Exception)]
    pstats.Stats(profile).sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
