"""The contract every engine keeps (engines/base.py ``Engine``), run against each real engine.

Every engine is built through the registry, as the pipeline builds it, and must: name its
pairs and its version/model for the run signature; return exactly one output per input, in
order, for any batch; pass protected spans through verbatim without the delimiters; give
"" for "" and never a silently empty translation of a non-empty text; refuse work after
``close``. Apertium runs the installed Debian pair; Argos runs the copy model the suite
builds (tests/copymodel.py), installed with argostranslate's own installer.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from translator_flow.config import Settings
from translator_flow.errors import EngineError
from translator_flow.engines.base import ENGINES, Engine, create_engine
from translator_flow.lang import engine_extras
from translator_flow.model import PROTECT_CLOSE, PROTECT_OPEN

PAIRS = {"apertium": ("ru", "be"), "argos": ("ru", "en")}
SENTENCES = [
    "Губернатор провёл совещание.",
    "",
    "В 2025 году объём торговли вырос на 12 процентов.",
    "Делегация посетила завод.",
]
TERM = "Смаленскай вобласці"


@pytest.fixture(params=sorted(ENGINES))
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    name = request.param
    if name == "apertium" and shutil.which("lt-proc") is None:
        pytest.fail("Apertium is not installed: run `make test`, which installs apertium-bel-rus")
    settings = Settings()
    if name == "argos":
        home = request.getfixturevalue("argos_home")
        settings = settings.with_options(argos_packages_dir=home.packages_dir)
    tgt = PAIRS[name][1]
    built = create_engine(name, **settings.engine_options(name), **engine_extras(tgt, name))
    yield built
    built.close()


def test_it_names_its_pair_version_and_model(engine: Engine) -> None:
    assert PAIRS[engine.name] in engine.pairs()
    assert engine.version().strip() and engine.model_id().strip()


def test_one_output_per_input_in_order(engine: Engine) -> None:
    src, tgt = PAIRS[engine.name]
    outputs = engine.translate_batch(SENTENCES, src, tgt)
    assert len(outputs) == len(SENTENCES)
    assert outputs[1].text == "" and outputs[1].error is None
    for text, output in zip(SENTENCES, outputs, strict=True):
        if text:
            assert output.text.strip() or output.error, f"silently empty translation of {text!r}"
    # Order: each sentence alone gives what it gave inside the batch.
    for text, output in zip(SENTENCES, outputs, strict=True):
        assert engine.translate_batch([text], src, tgt)[0].text == output.text


def test_an_empty_batch_is_an_empty_list(engine: Engine) -> None:
    src, tgt = PAIRS[engine.name]
    assert engine.translate_batch([], src, tgt) == []


def test_numbers_survive(engine: Engine) -> None:
    src, tgt = PAIRS[engine.name]
    [output] = engine.translate_batch([SENTENCES[2]], src, tgt)
    assert "2025" in output.text and "12" in output.text


def test_protected_span_passes_verbatim_without_delimiters(engine: Engine) -> None:
    src, tgt = PAIRS[engine.name]
    text = f"Губернатор {PROTECT_OPEN}{TERM}{PROTECT_CLOSE} провёл совещание."
    [output] = engine.translate_batch([text], src, tgt)
    assert TERM in output.text
    assert PROTECT_OPEN not in output.text and PROTECT_CLOSE not in output.text


def test_a_closed_engine_refuses_work(engine: Engine) -> None:
    src, tgt = PAIRS[engine.name]
    engine.close()
    with pytest.raises(EngineError, match="closed"):
        engine.translate_batch(["Проверка."], src, tgt)
