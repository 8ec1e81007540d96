"""The `translate` run over several files, and its exit code: library code the CLI only prints.

:func:`translate_files` translates and writes each input with one pipeline (engines
started once), yielding one :class:`FileOutcome` per input; :func:`run_exit_code` turns the
outcomes into the README's exit code using the table in :mod:`errors`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import EXIT_ENGINE_UNAVAILABLE, EXIT_OK, EXIT_QA_BLOCKING, TranslatorFlowError

if TYPE_CHECKING:
    from .config import Settings
    from .model import RunReport

SEVERITY_ORDER = {"info": 0, "warning": 1, "blocking": 2}


@dataclass(frozen=True)
class FileOutcome:
    """One input of a translate run: its report, or the error that stopped it."""

    path: Path
    report: RunReport | None
    error: TranslatorFlowError | None
    seconds: float

    @property
    def unavailable(self) -> dict[str, str]:
        """Languages whose drafts were not written, with the reason (an engine or model missing)."""
        if self.report is None:
            return {}
        return {lang: t.error for lang, t in self.report.translations.items() if t.error}


def translate_files(inputs: Iterable[Path], settings: Settings,
                    on_start: Callable[[int, Path], None] | None = None) -> Iterator[FileOutcome]:
    """Translate and write each input in turn; a failing file never stops the others.

    ``on_start(number, path)`` is called before each file (1-based), for progress output.
    """
    from .pipeline import Pipeline

    with Pipeline(settings) as pipeline:
        for number, path in enumerate(inputs, 1):
            if on_start is not None:
                on_start(number, path)
            start = time.perf_counter()
            try:
                report = pipeline.translate_and_write(path)
            except TranslatorFlowError as exc:
                yield FileOutcome(path, None, exc, time.perf_counter() - start)
                continue
            yield FileOutcome(path, report, None, time.perf_counter() - start)


def at_least(severity: str, threshold: str) -> bool:
    """Whether a QA ``severity`` reaches the ``--fail-on`` threshold."""
    return SEVERITY_ORDER.get(severity, 0) >= SEVERITY_ORDER[threshold]


def run_exit_code(outcomes: Iterable[FileOutcome], fail_on: str | None) -> int:
    """The exit code of a run: the worst of its errors, missing languages and --fail-on QA issues."""
    code = EXIT_OK
    for outcome in outcomes:
        if outcome.error is not None:
            code = max(code, outcome.error.exit_code)
            continue
        if outcome.unavailable:
            code = max(code, EXIT_ENGINE_UNAVAILABLE)
        if fail_on and outcome.report is not None and any(
                at_least(i.severity, fail_on) for i in outcome.report.issues()):
            code = max(code, EXIT_QA_BLOCKING)
    return code
