"""Target-language post-editing: deterministic rules applied to every machine draft.

One registry, :data:`RULES`, maps a language code to its ordered rules. :func:`postedit`
returns the edited text; :func:`postedit_with_offsets` also moves the engine's marks,
since a few rules change the length of the text. Belarusian also has the unknown-word
fallback (:mod:`.be_fallback`), which runs on engine outputs before post-editing.

Two more small registries plug language extras into the pipeline without it naming a
language: :data:`ENGINE_EXTRAS` (options a language adds to its engine, e.g. Belarusian
lexical corrections and verb government as Apertium stages after the bilingual lookup) and :data:`REPAIRS`
(what runs on raw engine outputs, e.g. the Belarusian unknown-word fallback, the English
romanisation of Cyrillic names). A repair also gets ``names``: Cyrillic and forbidden forms
of glossary entries mapped to the approved target form (built by the pipeline).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..model import EngineOutput, Mark
from ._edits import Rule, apply_rules


def _be() -> tuple[Rule, ...]:
    from . import be

    return be.rules()


def _en() -> tuple[Rule, ...]:
    from . import en

    return en.rules()


#: Rules per target language (the one registry); languages not listed pass unchanged.
RULES: dict[str, Callable[[], tuple[Rule, ...]]] = {"be": _be, "en": _en}


def _be_apertium_extras() -> dict[str, Any]:
    from .apertium_overlay.build import build, carried_corrections
    from .be_corrections import sed_script as lexical_script
    from .be_corrections import sed_stage
    from .be_government import FLAGS
    from .be_government import sed_script as government_script
    from .be_names import surname_guard_stage
    from .be_participles import sed_script as participle_script

    overlay = build()  # None (with an OverlayUnavailable warning) when the tools are missing
    options: dict[str, Any] = overlay.engine_options() if overlay is not None else {}
    # Lexical corrections first (they fix lemmas and tags); then participles become relative
    # clauses (only with the overlay: it is what analyses them), then government and agreement,
    # which read the corrected Belarusian lemmas and genders. One sed process runs the three
    # (a process per stage cost ~4% more per run). Their flags become marks.
    participles = [participle_script()] if overlay is not None else []
    carried = carried_corrections() if overlay is not None else frozenset()
    post_bidix = [sed_stage(lexical_script(carried), *participles, government_script())]
    # The surname guard before the CG stages: it needs every reading the analyser gave.
    pre_cg = [surname_guard_stage(), *options.pop("pre_cg_stages", [])]
    return {"post_bidix_stages": post_bidix, "flag_marks": FLAGS, "pre_cg_stages": pre_cg, **options}


#: Engine options a language adds, by (target language, engine name); called when the engine is built.
ENGINE_EXTRAS: dict[tuple[str, str], Callable[[], dict[str, Any]]] = {("be", "apertium"): _be_apertium_extras}


def _be_apertium_data() -> str:
    from .apertium_overlay.build import data_hash

    return data_hash()


#: A hash of the engine data a language adds, by (target language, engine name): the batch
#: resume key includes it, so a changed overlay redoes finished documents.
ENGINE_DATA: dict[tuple[str, str], Callable[[], str]] = {("be", "apertium"): _be_apertium_data}


def engine_data_hash(lang: str, engine: str) -> str:
    """The hash of the data ``lang`` adds to ``engine`` ("" when it adds none)."""
    factory = ENGINE_DATA.get((lang, engine))
    return factory() if factory is not None else ""


def _be_repair(outputs: Sequence[EngineOutput], names: Mapping[str, str] = {}) -> list[EngineOutput]:
    from .be_fallback import apply
    from .be_names import decline_surnames, resolve_surname_flags
    from .be_participles import mark_outputs
    from .be_script import fix_outputs

    # glossary names are placed upstream for Belarusian
    return fix_outputs(decline_surnames(apply(resolve_surname_flags(mark_outputs(outputs)))))


def _en_repair(outputs: Sequence[EngineOutput], names: Mapping[str, str] = {}) -> list[EngineOutput]:
    from .en_names import repair

    return repair(outputs, names)


#: Repairs of raw engine outputs per target language (one output per input, in order).
REPAIRS: dict[str, Callable[[Sequence[EngineOutput], Mapping[str, str]], list[EngineOutput]]] = {
    "be": _be_repair,
    "en": _en_repair,
}


def engine_extras(lang: str, engine: str) -> dict[str, Any]:
    """Options ``lang`` adds to ``engine`` (empty when it adds none)."""
    factory = ENGINE_EXTRAS.get((lang, engine))
    return factory() if factory is not None else {}


def postedit(text: str, lang: str) -> str:
    """``text`` post-edited by the rules of ``lang`` (unchanged for other languages)."""
    return postedit_with_offsets(text, lang, ())[0]


def postedit_with_offsets(text: str, lang: str, marks: Sequence[Mark]) -> tuple[str, tuple[Mark, ...]]:
    """Post-edit ``text`` and return it with ``marks`` moved to the same words.

    Text under "unknown"/"bilingual" marks (source-language words) is never edited.
    """
    factory = RULES.get(lang)
    if factory is None:
        return text, tuple(marks)
    return apply_rules(text, factory(), marks)
