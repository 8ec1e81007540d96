"""Import of reviewed DOCX/XLIFF files, validation, ``finalize`` and ``export-xliff``.

Only the Draft column (XLIFF: ``<target>``) is the editors'; everything else is checked
against the manifest ``translate`` wrote, and a file that fails is refused whole.
"""

from __future__ import annotations

from pathlib import Path

from .export import export_xliff
from .finalize import finalize, language_summary, read_review, review_report
from .reviewed import ReviewedFile, ReviewedRow


def read_review_docx(path: Path) -> ReviewedFile:
    """Read and validate an edited review DOCX (imports python-docx only when called)."""
    from .docx_import import read_review_docx as _read

    return _read(path)


def read_review_xliff(path: Path) -> ReviewedFile:
    """Read and validate a reviewed XLIFF 2.0 file."""
    from .xliff_import import read_review_xliff as _read

    return _read(path)


__all__ = [
    "ReviewedFile",
    "ReviewedRow",
    "export_xliff",
    "finalize",
    "language_summary",
    "read_review",
    "read_review_docx",
    "read_review_xliff",
    "review_report",
]
