"""Engine fakes for pipeline unit tests only (DESIGN.md §3): end-to-end tests use real engines.

The fake "translates" by tagging each text, so tests can check plumbing (order, dedupe,
errors) without pretending the result is a translation.
"""

from __future__ import annotations

from collections.abc import Sequence

from translator_flow.errors import EngineUnavailable
from translator_flow.model import PROTECT_CLOSE, PROTECT_OPEN, EngineOutput


class TaggingEngine:
    """Returns ``[lang] text`` with protected-span delimiters removed; counts calls."""

    name = "tagging-fake"

    def __init__(self, lang: str = "be", fail_on: str | None = None) -> None:
        self.lang = lang
        self.fail_on = fail_on
        self.calls: list[list[str]] = []
        self.closed = False

    def pairs(self) -> set[tuple[str, str]]:
        return {("ru", self.lang)}

    def version(self) -> str:
        return "0"

    def model_id(self) -> str:
        return "fake"

    def translate_batch(self, texts: Sequence[str], src: str, tgt: str) -> list[EngineOutput]:
        self.calls.append(list(texts))
        out = []
        for text in texts:
            if self.fail_on and self.fail_on in text:
                out.append(EngineOutput("", error="stage crashed (fake)"))
            else:
                clean = text.replace(PROTECT_OPEN, "").replace(PROTECT_CLOSE, "")
                out.append(EngineOutput(f"[{tgt}] {clean}"))
        return out

    def close(self) -> None:
        self.closed = True


class MissingModelEngine(TaggingEngine):
    """An engine whose model is not installed."""

    def translate_batch(self, texts: Sequence[str], src: str, tgt: str) -> list[EngineOutput]:
        raise EngineUnavailable("No fake model. Run `translator-flow models install ru-fake`.")
