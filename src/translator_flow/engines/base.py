"""The engine protocol and the registry of engines, keyed by name.

Engines are constructed lazily by name so that importing this module stays cheap;
third-party engines may register through the ``translator_flow.engines`` entry-point group.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable
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


def _apertium() -> Engine:
    from .apertium import ApertiumEngine

    return ApertiumEngine()


def _argos() -> Engine:
    from .argos import ArgosEngine

    return ArgosEngine()


#: Engine factories by name (the one registry). Values are called only when needed.
ENGINES: dict[str, Callable[[], Engine]] = {"apertium": _apertium, "argos": _argos}

#: Default engine per (source, target) pair.
DEFAULT_ENGINE: dict[tuple[str, str], str] = {("ru", "be"): "apertium", ("ru", "en"): "argos"}


def create_engine(name: str) -> Engine:
    """Build the engine registered as ``name`` (raises ConfigError for unknown names)."""
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
    return factory()
