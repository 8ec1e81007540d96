"""Hostile input: a 10 MB release is read and segmented in bounded time and memory;
a file over the size limit is refused before it is read."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from translator_flow.errors import ReaderError
from translator_flow.readers import read_document
from translator_flow.segment import segment_document

pytestmark = pytest.mark.slow  # seconds each: the quick loop (-m 'not slow') skips them

PARAGRAPH = (
    "Губернатор Смоленской области В. Анохин провёл встречу с делегацией Республики Беларусь. "
    "«Мы готовы к работе. Планов много», — подчеркнул он. "
    "Товарооборот вырос на 25 % и составил 1 250,5 млн руб. в 2024 г. "
    "Стороны договорились о сотрудничестве в АПК, т.е. в сельском хозяйстве!"
)
SENTENCES_PER_PARAGRAPH = 4
TEN_MB = 10 * 2**20


@pytest.fixture(scope="module")
def big_release(tmp_path_factory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("big") / "big.txt"
    n = TEN_MB // (len(PARAGRAPH.encode()) + 1) + 1
    path.write_text("Большой релиз\n\n" + "\n".join([PARAGRAPH] * n), encoding="utf-8")
    return path, n


_MEASURE = """
import json, resource, sys, time
from translator_flow.readers import read_document
from translator_flow.segment import segment_document
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
doc = read_document(sys.argv[1])
segments = segment_document(doc)
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"grown_kb": peak - base, "seconds": elapsed, "blocks": len(doc.blocks),
                  "segments": len(segments), "third": segments[2].source}))
"""


@pytest.fixture(scope="module")
def measured(big_release) -> dict:
    """Read and segment the 10 MB release in a fresh interpreter; its peak RSS is the
    honest memory figure (lxml and razdel allocate outside tracemalloc's view)."""
    path, _ = big_release
    out = subprocess.run([sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True, timeout=300, check=True)
    return json.loads(out.stdout)


def test_ten_megabytes_read_and_segmented_completely(big_release, measured) -> None:
    path, n = big_release
    assert path.stat().st_size >= TEN_MB
    assert measured["blocks"] == n + 1
    assert measured["segments"] == 1 + n * SENTENCES_PER_PARAGRAPH  # nothing lost, nothing glued
    assert measured["third"] == "«Мы готовы к работе. Планов много», — подчеркнул он."


def test_ten_megabytes_in_bounded_memory_and_time(big_release, measured) -> None:
    path, _ = big_release
    assert measured["grown_kb"] * 1024 < 10 * path.stat().st_size  # measured ~6x: text, blocks, 85k segments
    assert measured["seconds"] < 60  # ~4 s on one core of the dev machine; generous for shared CI


def test_one_huge_paragraph_with_an_unclosed_quote(tmp_path: Path) -> None:
    # the quote-merging rule looks ahead a bounded distance, so this stays linear
    path = tmp_path / "unclosed.txt"
    path.write_text("Заголовок\n\n«" + "Это предложение. " * 60_000, encoding="utf-8")
    start = time.perf_counter()
    segments = segment_document(read_document(path))
    assert len(segments) == 1 + 60_000
    assert time.perf_counter() - start < 30


@pytest.mark.parametrize(
    "run",
    ["«а» " * 250_000, "А. " * 300_000, "1." * 500_000, "слово " * 170_000],
    ids=["closing-quotes", "initials", "digits", "no-punctuation"],
)
def test_a_megabyte_without_sentence_ends_is_cut_not_hung(tmp_path: Path, run: str) -> None:
    # razdel alone takes 10-50 s on such a megabyte (quadratic); the segmenter feeds it
    # bounded chunks, so this is linear and no segment exceeds ~5000 characters
    path = tmp_path / "run.txt"
    path.write_text("Заголовок\n\n" + run, encoding="utf-8")
    start = time.perf_counter()
    doc = read_document(path)
    segments = segment_document(doc)
    assert time.perf_counter() - start < 20
    assert max(len(s.source) for s in segments) <= 5000
    body = doc.blocks[1]
    assert "".join(s.source for s in segments[1:]).replace(" ", "") == body.text.replace(" ", "")


def test_file_over_the_limit_is_refused(tmp_path: Path, big_release) -> None:
    path, _ = big_release
    with pytest.raises(ReaderError) as err:
        read_document(path, max_bytes=5 * 2**20)
    assert err.value.exit_code == 4
    assert str(err.value) == (
        f"{path} is 10.0 MB, over the 5 MB limit for one release. "
        "Split it into separate releases (or raise max_bytes if it really is one)."
    )
