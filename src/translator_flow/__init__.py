"""translator-flow: Russian press releases into Belarusian and English review drafts.

The public API is importable without side effects; heavy work happens only when called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from .model import RunReport


def translate_document(path: Any, targets: tuple[str, ...] = ("be", "en"), **options: Any) -> RunReport:
    """Translate one release file; returns the result the JSON report is written from.

    See :func:`translator_flow.pipeline.translate_document` for the options.
    """
    from .pipeline import translate_document as _translate_document

    return _translate_document(path, targets=targets, **options)


__all__ = ["__version__", "translate_document"]
