"""Errors that carry the fix: every message tells the user what to do next.

Exit codes live in ONE table, :data:`EXIT_CODES` (the README's list); each error class
takes its ``exit_code`` from it and the CLI exits with :func:`exit_code_for`.
"""

from __future__ import annotations

#: Every exit code translator-flow uses, by meaning (README "Exit codes", DESIGN.md §3).
EXIT_CODES: dict[str, int] = {
    "ok": 0,
    "qa_issues": 1,  # QA issues at or above --fail-on; also any unexpected error
    "usage": 2,  # bad command line or config
    "engine_unavailable": 3,  # engine or model missing, or it failed
    "bad_input": 4,  # unreadable input, malformed glossary/review file, existing output
    "not_approved": 5,  # finalize: rows not approved or with blocking findings (--allow-unapproved)
    "interrupted": 130,  # Ctrl-C (128 + SIGINT)
}
EXIT_OK = EXIT_CODES["ok"]
EXIT_QA_BLOCKING = EXIT_CODES["qa_issues"]
EXIT_USAGE = EXIT_CODES["usage"]
EXIT_ENGINE_UNAVAILABLE = EXIT_CODES["engine_unavailable"]
EXIT_BAD_INPUT = EXIT_CODES["bad_input"]
EXIT_NOT_APPROVED = EXIT_CODES["not_approved"]
EXIT_INTERRUPTED = EXIT_CODES["interrupted"]


class TranslatorFlowError(Exception):
    """Base of every error translator-flow raises on purpose."""

    exit_code = EXIT_QA_BLOCKING


class ConfigError(TranslatorFlowError):
    """Bad settings or command-line usage."""

    exit_code = EXIT_USAGE


class ReaderError(TranslatorFlowError):
    """An input file cannot be read as a release (wrong format, empty, corrupt)."""

    exit_code = EXIT_BAD_INPUT


class GlossaryError(TranslatorFlowError):
    """A glossary file is malformed; the message names ``file:line``."""

    exit_code = EXIT_BAD_INPUT


class ReviewImportError(TranslatorFlowError):
    """A reviewed file cannot be imported back (tampered, not a review file)."""

    exit_code = EXIT_BAD_INPUT


class NotApprovedError(TranslatorFlowError):
    """finalize refused: rows are not approved or have blocking findings (the message lists them)."""

    exit_code = EXIT_NOT_APPROVED


class OutputError(TranslatorFlowError):
    """An output cannot be written (exists without --force, folder not writable)."""

    exit_code = EXIT_BAD_INPUT


class EngineUnavailable(TranslatorFlowError):
    """An engine or its model is not installed; the message gives the install command."""

    exit_code = EXIT_ENGINE_UNAVAILABLE


class EngineError(TranslatorFlowError):
    """An engine failed while translating (crash, hang, corrupt model)."""

    exit_code = EXIT_ENGINE_UNAVAILABLE




def exit_code_for(exc: BaseException) -> int:
    """The process exit code for ``exc``: its class's code, 130 for Ctrl-C, else 1."""
    if isinstance(exc, KeyboardInterrupt):
        return EXIT_INTERRUPTED
    return getattr(exc, "exit_code", EXIT_QA_BLOCKING) if isinstance(exc, TranslatorFlowError) else EXIT_QA_BLOCKING
