"""Translation memory of approved edits: TMX 1.4b per language pair (``tm/ru-be.tmx``).

Nothing here parses a file until a language is asked for.
"""

from __future__ import annotations

from .memory import TMMatch, TMUnit, TranslationMemory, tm_hash
from .normalize import normalize

__all__ = ["TMMatch", "TMUnit", "TranslationMemory", "normalize", "tm_hash"]
