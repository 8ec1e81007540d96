"""Hostile input: a 10 MB release is read and segmented in bounded time and memory;
a file over the size limit is refused before it is read."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from translator_flow.errors import ReaderError
from translator_flow.readers import read_document
from translator_flow.segment import segment_document

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


def test_ten_megabytes_read_with_bounded_memory(big_release) -> None:
    path, n = big_release
    size = path.stat().st_size
    assert size >= TEN_MB
    tracemalloc.start()
    try:
        doc = read_document(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(doc.blocks) == n + 1
    assert peak < 8 * size  # measured ~5x: bytes + decoded text + lines + blocks


def test_ten_megabytes_segmented_completely_in_reasonable_time(big_release) -> None:
    path, n = big_release
    start = time.perf_counter()
    segments = segment_document(read_document(path))
    elapsed = time.perf_counter() - start
    assert len(segments) == 1 + n * SENTENCES_PER_PARAGRAPH  # nothing lost, nothing glued
    assert segments[2].source == "«Мы готовы к работе. Планов много», — подчеркнул он."
    assert elapsed < 60  # ~3 s on one core of the dev machine; generous for shared CI


def test_one_huge_paragraph_with_an_unclosed_quote(tmp_path: Path) -> None:
    # the quote-merging rule looks ahead a bounded distance, so this stays linear
    path = tmp_path / "unclosed.txt"
    path.write_text("Заголовок\n\n«" + "Это предложение. " * 60_000, encoding="utf-8")
    start = time.perf_counter()
    segments = segment_document(read_document(path))
    assert len(segments) == 1 + 60_000
    assert time.perf_counter() - start < 30


def test_file_over_the_limit_is_refused(tmp_path: Path, big_release) -> None:
    path, _ = big_release
    with pytest.raises(ReaderError) as err:
        read_document(path, max_bytes=5 * 2**20)
    assert err.value.exit_code == 4
    assert str(err.value) == (
        f"{path} is 10.0 MB, over the 5 MB limit for one release. "
        "Split it into separate releases (or raise max_bytes if it really is one)."
    )
