"""Where the glossary comes from when no ``--glossary`` is given: one documented order.

1. ``--glossary PATH`` (files or folders; the caller passes them and this module is not asked);
2. ``./glossary`` in the working directory;
3. the per-user data folder ``$XDG_DATA_HOME/translator-flow/glossary``
   (``~/.local/share/translator-flow/glossary`` when XDG_DATA_HOME is unset).

``None`` from :func:`default_glossary_dir` means no glossary at all: callers must say so
(a warning line, "no glossary: official terms were not checked"), never run silently.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..model import NO_GLOSSARY_WARNING

NO_GLOSSARY = NO_GLOSSARY_WARNING


def user_glossary_dir() -> Path:
    """The per-user glossary folder under XDG_DATA_HOME (it may not exist)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "translator-flow" / "glossary"


def default_glossary_dir(cwd: Path | None = None) -> Path | None:
    """The first existing folder of the order above (after --glossary), or None."""
    local = (cwd or Path.cwd()) / "glossary"
    if local.is_dir():
        return Path("glossary") if cwd is None else local
    user = user_glossary_dir()
    return user if user.is_dir() else None
