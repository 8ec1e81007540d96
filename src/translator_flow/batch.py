"""Batch mode: every release under a folder, engines started once, resumable, one report.

A document is skipped when its outputs exist and its *run key* (source hash, options,
glossary hash, translation-memory hash, tool version) is the one recorded in ``OUTDIR/.batch-state.json`` after
its last successful run. State is written atomically after each document, and outputs
are written atomically by the writers, so an interrupted batch never leaves a half
written file and restarts where it stopped. A batch replaces only outputs that a batch
run into the same folder started writing; any other existing file needs ``--force``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import signal
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from collections.abc import Callable, Iterator

from . import __version__
from .config import Settings
from .batch_schedule import translate_documents
from .csvsafe import escape_row
from .tm import tm_hash
from .runsafety import STOP_SIGNALS, install_handlers, raise_terminated, stop_workers
from .runsafety import BatchTerminated as BatchTerminated  # re-exported for callers
from .errors import EXIT_ENGINE_UNAVAILABLE, EXIT_OK, EXIT_QA_BLOCKING, TranslatorFlowError

if TYPE_CHECKING:
    from .model import RunReport

STATE_FILE = ".batch-state.json"
REPORT_STEM = "batch-report"


@dataclass(frozen=True)
class DocumentResult:
    """One row of the batch report."""

    document: str
    # "ok" | "skipped" | "failed" | "incomplete" (a language could not be produced)
    # | "unsupported" (a file under INDIR with an extension no reader takes; not translated)
    status: str
    segments: int = 0
    blocking: int = 0
    warning: int = 0
    info: int = 0
    seconds: float = 0.0
    error: str = ""
    exit_code: int = 0
    outputs: tuple[str, ...] = ()  # files written (kept in the resume state, not the report)


@dataclass(frozen=True)
class BatchReport:
    """All document results of a batch, in input order, and the files written for it."""

    results: tuple[DocumentResult, ...]
    report_json: Path
    report_csv: Path

    @property
    def exit_code(self) -> int:
        """0 when every document succeeded (or was skipped), else the worst failure's code."""
        return max((r.exit_code for r in self.results), default=0)


def find_inputs(indir: Path, *, exclude: Path | None = None) -> list[Path]:
    """Every supported release under ``indir`` (recursive), in a stable order.

    ``exclude`` is the output folder: when it lies inside ``indir``, the review HTML and
    drafts written there must not come back as input on the next run.
    """
    return scan_inputs(indir, exclude=exclude)[0]


def scan_inputs(indir: Path, *, exclude: Path | None = None) -> tuple[list[Path], list[Path]]:
    """(releases to translate, files skipped because no reader takes their extension).

    The extensions are the readers' registry (:func:`readers.supported_extensions`), the
    one list translate, batch and demo share. Hidden files and Word lock files (``~$``)
    are not releases and are not reported.
    """
    from .readers import supported_extensions

    if not indir.is_dir():
        from .errors import ConfigError

        raise ConfigError(f"{indir} is not a folder; batch takes a folder of releases.")
    skip = exclude.resolve() if exclude is not None else None
    suffixes = supported_extensions()
    inputs: list[Path] = []
    unsupported: list[Path] = []
    for p in sorted(indir.rglob("*")):
        if not p.is_file() or p.name.startswith((".", "~$")):
            continue
        if skip is not None and p.resolve().is_relative_to(skip):
            continue
        (inputs if p.suffix.lower() in suffixes else unsupported).append(p)
    return inputs, unsupported


def output_plan(inputs: list[Path], indir: Path) -> dict[Path, tuple[Path, str]]:
    """Map each input to (output sub-folder, stem): keeps sub-folders, never two equal stems.

    Two inputs with the same stem in one folder (``release.ru.txt`` and ``release.ru.docx``,
    or ``A.txt`` and ``a.txt`` on a case-insensitive disk) would overwrite each other's
    drafts; the later one gets its extension appended, then a counter, until its stem is
    free (compared case-insensitively). The plan depends only on the sorted input list, so
    a resumed run maps every document to the same names again.
    """
    from .writers import default_stem

    plan: dict[Path, tuple[Path, str]] = {}
    taken: set[tuple[Path, str]] = set()
    for path in inputs:
        sub = path.parent.relative_to(indir)
        base = default_stem(path)
        candidates = [base, f"{base}-{path.suffix.lstrip('.').lower()}"]
        stem = next((c for c in candidates if (sub, c.casefold()) not in taken), None)
        n = 2
        while stem is None:
            if (sub, f"{candidates[1]}-{n}".casefold()) not in taken:
                stem = f"{candidates[1]}-{n}"
            n += 1
        taken.add((sub, stem.casefold()))
        plan[path] = (sub, stem)
    return plan


def run_key(path: Path, settings: Settings, glossary_hash: str, tm_state: str = "none", engine_data: str = "") -> str:
    """What decides whether a finished document must be redone (source, options, glossary, TM,
    engine data such as the Belarusian overlay)."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    options = [__version__, digest, glossary_hash, tm_state, ",".join(settings.targets),
               json.dumps(settings.engines, sort_keys=True), settings.combined, settings.xliff]
    if engine_data.strip(","):  # absent without engine data, so older keys stay valid
        options.append(engine_data)
    if settings.ui_lang != "en":  # the review files' language; absent for en, so older keys stay valid
        options.append(settings.ui_lang)
    return hashlib.sha256(repr(options).encode()).hexdigest()[:16]


# -- worker side (one Pipeline per process, engines started once) --------------------------
_WORKER: dict[str, Any] = {}


def _worker_init(settings: Settings, worker: bool = False) -> None:
    from .pipeline import Pipeline

    if worker:
        # Apertium chains and lt-proc run in their own sessions (so Ctrl-C cannot kill them
        # mid-document); a worker killed outright would orphan them. On SIGTERM/SIGHUP/SIGINT
        # the worker closes its engines, then exits.
        for signum in (*STOP_SIGNALS, signal.SIGINT):
            signal.signal(signum, _worker_stop)
    _WORKER["pipeline"] = Pipeline(settings)


def _worker_stop(signum: int, frame: object) -> None:
    pipeline = _WORKER.pop("pipeline", None)
    try:
        if pipeline is not None:
            pipeline.close()
    finally:
        os._exit(128 + signum)


def _translate_one(path: Path, out_dir: Path, stem: str, force: bool) -> DocumentResult:
    """Worker entry point for --jobs > 1: one document with this process's pipeline."""
    pipeline = _WORKER["pipeline"]
    start = time.perf_counter()
    try:
        report: RunReport | Exception = pipeline.translate_document(path)
    except Exception as exc:  # reported in the batch report, never stops the others
        report = exc
    return _finish(pipeline, report, path, out_dir, stem, start, force)


def _finish(pipeline: object, report: RunReport | Exception, path: Path, out_dir: Path, stem: str,
            start: float, force: bool) -> DocumentResult:
    """Write one translated document and describe the outcome as a report row."""
    from .pipeline import Pipeline

    assert isinstance(pipeline, Pipeline)
    try:
        if isinstance(report, Exception):
            raise report
        report = pipeline.write(report, stem=stem, out_dir=out_dir, force=force)
    except TranslatorFlowError as exc:
        return DocumentResult(str(path), "failed", seconds=round(time.perf_counter() - start, 3),
                              error=str(exc), exit_code=exc.exit_code)
    except Exception as exc:  # one broken document must never stop the others
        return DocumentResult(str(path), "failed", seconds=round(time.perf_counter() - start, 3),
                              error=f"{type(exc).__name__}: {exc}", exit_code=EXIT_QA_BLOCKING)
    counts = {"blocking": 0, "warning": 0, "info": 0}
    for issue in report.issues():
        counts[issue.severity] += 1
    missing = [f"{lang}: {t.error}" for lang, t in report.translations.items() if t.error]
    return DocumentResult(
        str(path), "incomplete" if missing else "ok", segments=len(report.segments),
        seconds=round(time.perf_counter() - start, 3), error="; ".join(missing),
        exit_code=EXIT_ENGINE_UNAVAILABLE if missing else EXIT_OK, outputs=report.outputs, **counts,
    )


# -- coordinator ---------------------------------------------------------------------------
def run_batch(
    indir: Path,
    settings: Settings,
    *,
    jobs: int = 1,
    on_result: Callable[[DocumentResult, int, int], None] | None = None,
    inputs: list[Path] | None = None,
    unsupported: list[Path] | None = None,
) -> BatchReport:
    """Translate every release under ``indir`` into ``settings.out_dir``; see module doc.

    ``inputs`` and ``unsupported`` are :func:`scan_inputs`'s lists when the caller already
    has them (the CLI needs the count for its progress bar before the run starts); the
    unsupported files get an "unsupported" row in the report. SIGTERM/SIGHUP stop workers
    and engines and raise :class:`BatchTerminated`.
    """
    indir, out_root = Path(indir), Path(settings.out_dir)
    if inputs is None:
        inputs, unsupported = scan_inputs(indir, exclude=out_root)
    unsupported = unsupported or []
    _prepare_out_dir(out_root)
    state_path = out_root / STATE_FILE
    state = _load_state(state_path)
    plan = output_plan(inputs, indir)

    _worker_init(settings)
    pipeline = _WORKER["pipeline"]
    glossary = pipeline.glossary
    glossary_hash = glossary.hash if glossary is not None else "none"
    tm_state = tm_hash(settings.tm_dir)
    engine_data = pipeline.engine_data_state()

    results: dict[Path, DocumentResult] = {}
    todo: list[Path] = []
    keys = {path: run_key(path, settings, glossary_hash, tm_state, engine_data) for path in inputs}
    for path in inputs:
        key = keys[path]
        rel = path.relative_to(indir).as_posix()
        done = state.get(rel)
        if done and done.get("key") == key and all(Path(o).exists() for o in done.get("outputs", [])):
            results[path] = DocumentResult(str(path), "skipped")
            if on_result:
                on_result(results[path], len(results), len(inputs))
        else:
            todo.append(path)

    # Documents this batch folder already holds outputs of (finished, or started by a run that
    # was interrupted): a resumed batch may replace those; anything else needs --force.
    owned = set(state)

    def save_state() -> None:
        # Compact JSON: rewritten after every document, so it must stay cheap.
        _atomic_write_text(state_path, json.dumps(state, ensure_ascii=False, separators=(",", ":")))

    def rel_of(path: Path) -> str:
        return path.relative_to(indir).as_posix()

    def start_writing(path: Path) -> bool:
        """Record that this run is about to write ``path``'s outputs; whether it may replace."""
        state.setdefault(rel_of(path), {"key": None, "outputs": []})
        save_state()
        return settings.force or rel_of(path) in owned

    def record(path: Path, result: DocumentResult) -> None:
        results[path] = result
        rel = rel_of(path)
        if result.status == "ok":
            state[rel] = {"key": keys[path], "outputs": sorted(result.outputs)}
        elif result.status == "incomplete":
            # Some languages were written (e.g. be without an English model): this batch owns
            # those files, so the next run redoes the document and may replace them.
            state[rel] = {"key": None, "outputs": sorted(result.outputs)}
        elif rel not in owned:
            state.pop(rel, None)  # e.g. refused to replace files this batch did not write
        save_state()
        if on_result:
            on_result(result, len(results), len(inputs))

    previous = install_handlers(raise_terminated)
    try:
        if jobs <= 1 or len(todo) <= 1:
            start = time.perf_counter()
            for path, report in translate_documents(pipeline, todo):
                sub, stem = plan[path]
                force = start_writing(path)
                record(path, _finish(pipeline, report, path, out_root / sub, stem, start, force))
                start = time.perf_counter()
        else:
            _WORKER.pop("pipeline").close()
            with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init,
                                     initargs=(settings, True)) as pool:
                try:
                    futures = {pool.submit(_translate_one, p, out_root / plan[p][0], plan[p][1],
                                           start_writing(p)): p for p in todo}
                    for future in as_completed(futures):
                        record(futures[future], future.result())
                except BaseException:  # SIGTERM, Ctrl-C, a broken pool: no worker may outlive us
                    stop_workers(pool)
                    raise
    finally:
        install_handlers(previous)
        worker = _WORKER.pop("pipeline", None)
        if worker is not None:
            worker.close()

    ordered = tuple(results[p] for p in inputs if p in results) + tuple(
        DocumentResult(str(p), "unsupported", error=f"not a release format ({p.suffix or 'no extension'})")
        for p in unsupported)
    report_json, report_csv = out_root / f"{REPORT_STEM}.json", out_root / f"{REPORT_STEM}.csv"
    rows = [{k: v for k, v in asdict(r).items() if k != "outputs"} for r in ordered]
    _atomic_write_text(report_json, json.dumps(
        {"tool_version": __version__, "documents": rows}, ensure_ascii=False, indent=2))
    _atomic_write_text(report_csv, _csv(ordered))
    return BatchReport(ordered, report_json, report_csv)


def _csv(results: tuple[DocumentResult, ...]) -> str:
    buffer = io.StringIO()
    fields = ["document", "status", "segments", "blocking", "warning", "info", "seconds", "error"]
    writer = csv.DictWriter(buffer, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for result in results:
        writer.writerow(escape_row(asdict(result)))
    return buffer.getvalue()


def _prepare_out_dir(out_root: Path) -> None:
    try:
        out_root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from .errors import OutputError

        raise OutputError(f"Cannot create output folder {out_root}: {exc.strerror}; choose another --out.") from None
    for stale in _stale_temp_files(out_root):  # left by a process that was killed outright
        stale.unlink(missing_ok=True)


def _stale_temp_files(out_root: Path) -> Iterator[Path]:
    from .writers.atomic import TEMP_PREFIX

    yield from out_root.rglob(f"{TEMP_PREFIX}*")


def _load_state(path: Path) -> dict[str, dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def _atomic_write_text(path: Path, text: str) -> None:
    from .writers.atomic import atomic_write_bytes

    atomic_write_bytes(path, text.encode("utf-8"), force=True)
