"""Quality checks on drafts: a registry of named checks with severities, and the runner.

``CHECKS`` (name → :class:`Check`) is the one registry; :func:`run_checks` checks one
draft, :func:`run_document_checks` a whole translation. Every check is described with an
example in docs/checks.md.
"""

from __future__ import annotations

from .base import CheckContext, Finding
from .registry import CHECKS, Check
from .runner import run_checks, run_document_checks

__all__ = ["CHECKS", "Check", "CheckContext", "Finding", "run_checks", "run_document_checks"]
