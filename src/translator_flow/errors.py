"""Errors that carry the fix: every message tells the user what to do next.

The CLI maps each class to one exit code (see ``EXIT_CODES``); nothing else in the
library decides exit codes.
"""

from __future__ import annotations


class TranslatorFlowError(Exception):
    """Base of every error translator-flow raises on purpose."""

    exit_code = 1


class ConfigError(TranslatorFlowError):
    """Bad settings or command-line usage."""

    exit_code = 2


class ReaderError(TranslatorFlowError):
    """An input file cannot be read as a release (wrong format, empty, corrupt)."""

    exit_code = 4


class GlossaryError(TranslatorFlowError):
    """A glossary file is malformed; the message names ``file:line``."""

    exit_code = 4


class ReviewImportError(TranslatorFlowError):
    """A reviewed file cannot be imported back (tampered, not a review file)."""

    exit_code = 4


class OutputError(TranslatorFlowError):
    """An output cannot be written (exists without --force, folder not writable)."""

    exit_code = 4


class EngineUnavailable(TranslatorFlowError):
    """An engine or its model is not installed; the message gives the install command."""

    exit_code = 3


class EngineError(TranslatorFlowError):
    """An engine failed while translating (crash, hang, corrupt model)."""

    exit_code = 3


#: Exit codes in one place (DESIGN.md §3).
EXIT_OK = 0
EXIT_QA_BLOCKING = 1
EXIT_USAGE = 2
EXIT_ENGINE_UNAVAILABLE = 3
EXIT_BAD_INPUT = 4
