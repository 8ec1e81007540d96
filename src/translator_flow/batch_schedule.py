"""The batch overlap scheduler: engine work of one chunk overlaps Python work of another.

Batch mode's half of the pipeline (the single-document path stays in :mod:`pipeline`):
documents are read and segmented in chunks; a background thread sends chunk k to the
engines while this thread prepares chunk k+1 and drafts, checks and yields chunk k-1.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Document, RunReport, Segment
    from .pipeline import Pipeline


def translate_documents(
    pipeline: Pipeline, paths: Sequence[str | Path], *, chunk_segments: int = 120
) -> Iterator[tuple[Path, RunReport | Exception]]:
    """Translate many releases; yields (path, report) in input order, or (path, exception)
    for a document that could not be read or translated, so one broken file never stops
    the others.

    The overlap scheduler of batch runs (the single-document path is Pipeline's).
    Documents go to the engines in chunks, and the work overlaps: while the engines
    translate chunk k on a background thread (Apertium runs in its own processes,
    Argos releases the GIL), this thread reads and prepares chunk k+1 and drafts, checks
    and yields chunk k-1, so the Python stages and the engine use both cores at once.
    """
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="translator-flow-engine") as engines:
        running: tuple[list[Any], Any] | None = None
        for chunk in _read_chunks(pipeline, paths, chunk_segments):
            documents = [read[1] for _, read in chunk if not isinstance(read, Exception)]
            texts = {lang: pipeline.engine_texts(documents, lang) for lang in pipeline.settings.targets}
            if running is not None:
                _wait_quietly(running[1])
            future = engines.submit(_warm_texts, pipeline, texts)
            if running is not None:
                yield from _translate_chunk(pipeline, running[0])
            running = (chunk, future)
        if running is not None:
            _wait_quietly(running[1])
            yield from _translate_chunk(pipeline, running[0])

def _read_chunks(
    pipeline: Pipeline, paths: Sequence[str | Path], chunk_segments: int
) -> Iterator[list[tuple[Path, tuple[Document, tuple[Segment, ...]] | Exception]]]:
    chunk: list[tuple[Path, tuple[Document, tuple[Segment, ...]] | Exception]] = []
    size = 0
    for path in map(Path, paths):
        try:
            read: tuple[Document, tuple[Segment, ...]] | Exception = pipeline.read(path)
            size += len(read[1])  # type: ignore[index]
        except Exception as exc:  # reported to the caller with its document
            read = exc
        chunk.append((path, read))
        if size >= chunk_segments:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk

def _warm_texts(pipeline: Pipeline, texts: Mapping[str, list[str]]) -> None:
    for lang, batch in texts.items():
        if batch:
            try:
                pipeline.engine_outputs(batch, lang, pipeline.engine(lang))
            except Exception:
                pass

def _translate_chunk(
    pipeline: Pipeline, chunk: list[tuple[Path, tuple[Document, tuple[Segment, ...]] | Exception]]
) -> Iterator[tuple[Path, RunReport | Exception]]:
    for path, read in chunk:
        if isinstance(read, Exception):
            yield path, read
            continue
        try:
            report: RunReport | Exception = pipeline.translate_read(*read)
        except Exception as exc:
            report = exc
        yield path, report


def _wait_quietly(future: Any) -> None:
    """Wait for a warm-up batch; its faults surface again, per document, when drafting."""
    try:
        future.result()
    except Exception:
        pass
