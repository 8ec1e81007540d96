"""The official-terms glossary: editors' CSV/TBX files, matching in every inflected form,
approved target forms placed for the engines, and the ``terminology`` QA check.

Public API: :func:`load_glossary`, :class:`Glossary` (``find``, ``protect``,
``protect_batch``, ``hash``), :func:`check_terminology` and :func:`verify`.
Nothing heavy is imported here: pymorphy3 loads on the first ``find``.
"""

from __future__ import annotations

from .core import DEFAULT_GLOSSARY_DIR, Glossary, load_glossary
from .entries import Entry
from .terminology import check_terminology, verify

__all__ = ["DEFAULT_GLOSSARY_DIR", "Entry", "Glossary", "check_terminology", "load_glossary", "verify"]
