"""The engine protocol and the registry of engines, keyed by name.

Engines are constructed lazily by name so that importing this module stays cheap;
third-party engines may register through the ``translator_flow.engines`` entry-point group.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable
from collections.abc import Callable, Sequence

from ..model import EngineOutput


@runtime_checkable
class Engine(Protocol):
    """A machine-translation engine.

    ``translate_batch`` returns exactly one :class:`EngineOutput` per input text, in order,
    and never a silently empty one: a text the engine could not translate comes back with
    ``error`` set. Text between ``PROTECT_OPEN``/``PROTECT_CLOSE`` passes through verbatim
    (without the delimiters).
    """

    name: str

    def pairs(self) -> set[tuple[str, str]]:
        """Language pairs this engine can translate, e.g. ``{("ru", "be")}``."""
        ...

    def version(self) -> str:
        """Engine and model version, for the run signature."""
        ...

    def model_id(self) -> str:
        """Identifier of the model/language data in use, for the run signature."""
        ...

    def translate_batch(self, texts: Sequence[str], src: str, tgt: str) -> list[EngineOutput]:
        """Translate ``texts`` from ``src`` to ``tgt``; one output per input, in order."""
        ...

    def close(self) -> None:
        """Release processes/models; the engine may not be used afterwards."""
        ...


def _apertium(**options: Any) -> Engine:
    from .apertium import ApertiumEngine

    return ApertiumEngine(**options)


def _argos(**options: Any) -> Engine:
    from .argos import ArgosEngine

    return ArgosEngine(**options)


#: Engine factories by name (the one registry). Values are called only when needed, with
#: the keyword options of the engine's constructor (from Settings and the target language).
ENGINES: dict[str, Callable[..., Engine]] = {"apertium": _apertium, "argos": _argos}


def create_engine(name: str, **options: Any) -> Engine:
    """Build the engine registered as ``name`` with ``options`` (ConfigError for unknown names)."""
    from ..errors import ConfigError

    factory = ENGINES.get(name)
    if factory is None:
        from importlib.metadata import entry_points

        for ep in entry_points(group="translator_flow.engines"):
            if ep.name == name:
                factory = ep.load()
                break
    if factory is None:
        raise ConfigError(f"Unknown engine {name!r}. Known engines: {', '.join(sorted(ENGINES))}.")
    return factory(**options)
