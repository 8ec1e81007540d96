"""The Argos engine through the real argostranslate code, offline, with the copy test model.

The copy model's translation of ``x`` is ``x`` (modulo SentencePiece normalisation), so
these tests assert the plumbing exactly — count, order, nothing dropped, protected spans —
and never the quality of any English.
"""

from __future__ import annotations

from typing import ClassVar

import json
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translator_flow.engines.argos import MAX_PIECES, NO_MODEL_MESSAGE, ArgosEngine, _plan, _restore_terms
from translator_flow.engines.base import Engine
from translator_flow.errors import EngineUnavailable
from translator_flow.model import PROTECT_CLOSE, PROTECT_OPEN, EngineOutput

#: Sentences written for these tests: numbers, quotes, dashes, initials, Latin, ё.
SENTENCES = [
    "Губернатор Смоленской области провёл рабочую встречу с делегацией.",
    "Товарооборот за январь–сентябрь 2025 г. вырос на 14,7 % и достиг 1,2 млрд долларов.",
    "«Мы открыты для сотрудничества», — заявил В. Анохин.",
    "Стороны обсудили поставки техники, продуктов питания и строительных материалов.",
    "Заседание пройдёт 12 ноября в 10:00 по адресу: ул. Ленина, д. 5.",
    "Компания Belshina и холдинг MAZ представили новые модели.",
    "Ещё 300 тыс. рублей выделят на ремонт школ (см. приложение № 2).",
    "Вопрос: когда начнётся строительство?",
    "Ура!",
    "Дальнейшее развитие отношений отвечает интересам обоих народов.",
]


def norm(text: str) -> str:
    """What SentencePiece keeps of a text: NFKC, single spaces (and Argos turns _ into a space)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).replace("_", " ")).strip()


@pytest.fixture(scope="module")
def engine(argos_home) -> ArgosEngine:
    eng = ArgosEngine(packages_dir=argos_home.packages_dir)
    yield eng
    eng.close()


def test_it_is_an_engine_with_signature_data(engine: ArgosEngine, argos_home) -> None:
    assert isinstance(engine, Engine)
    assert engine.name == "argos"
    assert ("ru", "en") in engine.pairs()
    assert engine.model_id() == "translate-ru_en 0.0+copy"
    assert engine.model.path == argos_home.model.path
    assert "argostranslate 1.11" in engine.version() and "ctranslate2" in engine.version()


def test_batch_keeps_count_order_and_every_word_offline(engine: ArgosEngine, no_network: None) -> None:
    outputs = engine.translate_batch(SENTENCES, "ru", "en")
    assert len(outputs) == len(SENTENCES)
    assert all(isinstance(o, EngineOutput) and o.error is None for o in outputs)
    assert [norm(o.text) for o in outputs] == [norm(s) for s in SENTENCES]


def test_a_fresh_engine_loads_and_translates_with_the_network_down(argos_home, no_network: None) -> None:
    with ArgosEngine(packages_dir=argos_home.packages_dir) as fresh:
        [out] = fresh.translate_batch([SENTENCES[0]], "ru", "en")
    assert norm(out.text) == norm(SENTENCES[0])


def test_batch_of_one_equals_the_same_sentence_in_a_batch(engine: ArgosEngine) -> None:
    alone = [engine.translate_batch([s], "ru", "en")[0].text for s in SENTENCES[:3]]
    together = [o.text for o in engine.translate_batch(SENTENCES[:3], "ru", "en")]
    assert alone == together


def test_protected_spans_come_out_verbatim_without_delimiters(engine: ArgosEngine) -> None:
    terms = ["Smolensk Region", "Ministry of Foreign Affairs", "Belarus\u00a0Day"]  # NBSP: NFKC'd by the model
    text = (
        f"Губернатор {PROTECT_OPEN}{terms[0]}{PROTECT_CLOSE} и представители "
        f"{PROTECT_OPEN}{terms[1]}{PROTECT_CLOSE} отметили {PROTECT_OPEN}{terms[2]}{PROTECT_CLOSE}."
    )
    [out] = engine.translate_batch([text], "ru", "en")
    assert out.error is None
    assert PROTECT_OPEN not in out.text and PROTECT_CLOSE not in out.text
    for term in terms:
        assert out.text.count(term) == 1, (term, out.text)
    plain = text.replace(PROTECT_OPEN, "").replace(PROTECT_CLOSE, "")
    assert norm(out.text) == norm(plain)


def test_stray_delimiters_never_reach_the_output(engine: ArgosEngine) -> None:
    [out] = engine.translate_batch([f"Встреча {PROTECT_OPEN}прошла успешно."], "ru", "en")
    assert out.error is None and PROTECT_OPEN not in out.text
    assert norm(out.text) == norm("Встреча прошла успешно.")


def _pieces(argos_home, text: str) -> int:
    import sentencepiece

    sp = sentencepiece.SentencePieceProcessor(model_file=str(argos_home.model.path / "sentencepiece.model"))
    return len(sp.encode(text))


def test_long_sentences_are_split_and_rejoined_completely(engine: ArgosEngine, argos_home) -> None:
    clauses = [f"пункт {n} касается поставок зерна, молока и мяса в соседние регионы" for n in range(1, 16)]
    with_commas = "В соглашении: " + "; ".join(clauses) + "."
    no_punctuation = " ".join(f"слово{n} дальнейшее укрепление связей" for n in range(60)) + "."
    protected = f"{PROTECT_OPEN}Smolensk Region{PROTECT_CLOSE} " + ", ".join(clauses) + "."
    for text in (with_commas, no_punctuation, protected):
        assert _pieces(argos_home, text) > 256  # Argos alone would cut the output at 256 pieces
    outputs = engine.translate_batch([with_commas, no_punctuation, protected], "ru", "en")
    assert [o.error for o in outputs] == [None, None, None]
    assert norm(outputs[0].text) == norm(with_commas)
    assert norm(outputs[1].text) == norm(no_punctuation)
    assert outputs[2].text.startswith("Smolensk Region ")
    assert norm(outputs[2].text) == norm(protected.replace(PROTECT_OPEN, "").replace(PROTECT_CLOSE, ""))
    assert MAX_PIECES < 256


def test_empty_input_gives_empty_output_and_newlines_do_not_split(engine: ArgosEngine) -> None:
    outputs = engine.translate_batch(["", "   ", "Первая строка\nвторая строка."], "ru", "en")
    assert outputs[0] == EngineOutput(text="") and outputs[1] == EngineOutput(text="")
    assert norm(outputs[2].text) == "Первая строка вторая строка."


class _EmptyResult:
    hypotheses: ClassVar[list[list[str]]] = [[]]
    scores: ClassVar[list[float]] = [0.0]


class _EmptyTranslator:
    """A CTranslate2 stand-in that returns an empty hypothesis for every sentence."""

    def translate_batch(self, tokens, **options):
        return [_EmptyResult() for _ in tokens]


def test_an_empty_model_output_is_an_error_never_a_silent_blank(argos_home) -> None:
    with ArgosEngine(packages_dir=argos_home.packages_dir) as eng:
        eng._load("ru", "en").recorder.translator = _EmptyTranslator()
        outputs = eng.translate_batch(["Первое предложение.", ""], "ru", "en")
    assert outputs[0].text == "" and outputs[0].error and "nothing" in outputs[0].error
    assert outputs[1] == EngineOutput(text="")


def test_no_model_installed_raises_the_exact_message(tmp_path: Path) -> None:
    with pytest.raises(EngineUnavailable) as info:
        ArgosEngine(packages_dir=tmp_path / "empty")
    assert str(info.value) == NO_MODEL_MESSAGE
    assert str(info.value) == (
        "No ru→en model is installed for Argos. Run `translator-flow models install ru-en`, "
        "or `--from-file translate-ru_en.argosmodel` when offline."
    )
    assert info.value.exit_code == 3


def test_the_default_packages_folder_comes_from_the_environment(argos_env) -> None:
    with ArgosEngine() as eng:
        assert eng.model.path == argos_env.model.path


def test_a_corrupt_model_names_the_folder_and_the_fix(argos_home, tmp_path: Path) -> None:
    packages = tmp_path / "packages"
    shutil.copytree(argos_home.model.path, packages / argos_home.model.path.name)
    model_bin = packages / argos_home.model.path.name / "model" / "model.bin"
    model_bin.write_bytes(b"not a model" * 10)
    with pytest.raises(EngineUnavailable) as info:
        ArgosEngine(packages_dir=packages)
    message = str(info.value)
    assert str(packages / argos_home.model.path.name) in message
    assert "translator-flow models install ru-en" in message


def test_a_package_with_broken_metadata_is_skipped_not_fatal(argos_home, tmp_path: Path) -> None:
    packages = tmp_path / "packages"
    shutil.copytree(argos_home.model.path, packages / "good")
    (packages / "broken").mkdir()
    (packages / "broken" / "metadata.json").write_text("{not json", encoding="utf-8")
    with ArgosEngine(packages_dir=packages) as eng:
        assert eng.model.path == packages / "good"
        assert eng.pairs() == {("ru", "en")}


def test_closed_engine_refuses_to_translate(argos_home) -> None:
    eng = ArgosEngine(packages_dir=argos_home.packages_dir)
    eng.close()
    with pytest.raises(Exception, match="closed"):
        eng.translate_batch(["Текст."], "ru", "en")


_PROBE = """
import json, sys
import translator_flow.engines.argos, translator_flow.engines.models
loaded = {m.split('.')[0] for m in sys.modules}
result = {"on_import": sorted(loaded & {"argostranslate", "ctranslate2", "sentencepiece"})}
from translator_flow.engines.argos import ArgosEngine
engine = ArgosEngine()
result["text"] = engine.translate_batch(["Проверка связи."], "ru", "en")[0].text
result["heavy"] = sorted({m.split('.')[0] for m in sys.modules} & {"spacy", "stanza", "torch", "thinc", "onnxruntime", "minisbd"})
print(json.dumps(result))
"""


def test_importing_the_engine_loads_no_argostranslate_and_translating_no_torch(argos_home) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], env=argos_home.env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["on_import"] == []
    assert result["heavy"] == []  # 2 s and 300 MB at import, never needed: sentences are ours
    assert norm(result["text"]) == "Проверка связи."


def test_ctranslate2_options_reproduce_the_engine_output(engine: ArgosEngine) -> None:
    import ctranslate2
    import sentencepiece

    outputs = engine.translate_batch(SENTENCES, "ru", "en")
    options = engine.ctranslate2_options
    assert options["translator"]["intra_threads"] == 1
    assert options["translate_batch"]["max_batch_size"] >= 1024
    assert options["translate_batch"]["batch_type"] == "tokens"
    sp = sentencepiece.SentencePieceProcessor(model_file=str(engine.model.path / "sentencepiece.model"))
    raw = ctranslate2.Translator(str(engine.model.path / "model"), **options["translator"])
    results = raw.translate_batch([sp.encode(s, out_type=str) for s in SENTENCES], **options["translate_batch"])
    assert [norm(sp.decode_pieces(r.hypotheses[0])) for r in results] == [norm(o.text) for o in outputs]


# -- the pure text handling, property-tested (no model needed) -------------------------

_WORD = st.sampled_from(["отрасль", "МАЗ", "2025", "г.", "«слово»", "—", "развитие", "x"])
_TERM = st.sampled_from(["Smolensk Region", "Minsk", "Ministry of Foreign Affairs"])
_SEP = st.sampled_from([" ", ", ", "; ", "\n"])


@st.composite
def _texts(draw) -> tuple[str, list[str]]:
    parts, terms = [], []
    for _ in range(draw(st.integers(1, 40))):
        if draw(st.booleans()) and draw(st.integers(0, 4)) == 0:
            term = draw(_TERM)
            terms.append(term)
            parts.append(f"{PROTECT_OPEN}{term}{PROTECT_CLOSE}")
        else:
            parts.append(draw(_WORD))
        parts.append(draw(_SEP))
    return "".join(parts), terms


@settings(max_examples=200, deadline=None)
@given(_texts())
def test_chunking_keeps_every_word_and_never_cuts_a_protected_term(case: tuple[str, list[str]]) -> None:
    text, terms = case

    def fits(chunk: str) -> bool:
        return len(chunk) <= 30

    plain, found_terms, chunks = _plan(text, fits)
    assert found_terms == terms
    assert PROTECT_OPEN not in plain and PROTECT_CLOSE not in plain and "\n" not in plain
    assert " ".join(chunks).split() == plain.split()
    whole = " ".join(chunks)
    for term in terms:  # each term intact inside one chunk
        assert sum(c.count(term) for c in chunks) == whole.count(term) >= 1
    for chunk in chunks:
        rest = chunk
        for term in terms:
            rest = rest.replace(term, "T")
        assert fits(chunk) or not any(ch.isspace() for ch in rest)
    # With an identity "model", restoring changes nothing and every term is present.
    assert _restore_terms(" ".join(chunks), terms) == whole
