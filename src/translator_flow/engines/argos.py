"""Argos Translate engine (ru→en), offline, batched, through argostranslate's own code.

argostranslate is imported only when an engine is built (see
:func:`.models.import_argostranslate`: 0.06 s and 32 MB instead of
2 s and 320 MB, because spaCy, stanza, torch and onnxruntime stay out).

Offline: argostranslate 1.11 splits text into sentences with MiniSBD/stanza/spaCy, which
download models at translate time and fail on an air-gapped machine. translator-flow
segments sentences itself, so the engine builds argostranslate's ``PackageTranslation``
(an ``ITranslation``) with a sentence splitter that returns the sentences it was given.
Tokenisation, decoding options and detokenisation stay Argos's own.

Batching: argostranslate translates one paragraph per ``translate_batch`` call. Here all
sentences of a call go to CTranslate2 in one batch (the recording translator keeps the
per-sentence results), then each result is detokenised by argostranslate's
``apply_packaged_translation`` replaying that result. Argos's default batch of 32 *tokens*
puts every sentence alone in a batch; ``batch_tokens`` raises it (2× faster, same output).

Long sentences: Argos never sets CTranslate2's ``max_decoding_length`` (256), so longer
outputs are cut off silently. Sentences over :data:`MAX_PIECES` source pieces are cut at
``;`` then ``,`` then spaces (never inside a protected span), translated, and rejoined.

Protected spans (``PROTECT_OPEN`` term ``PROTECT_CLOSE``, placed by the glossary): the
term itself, without delimiters, goes to the model, which keeps Latin-script names in
place while it translates the words around them — a placeholder would hide from the
model what the words are. Afterwards a term that came back changed only by case,
Unicode normalisation or spacing is restored to its exact form. A term the model lost
or reworded is not re-inserted anywhere: the output keeps ``error=None`` and the
glossary QA, which checks every approved term in the draft, flags the segment.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any
from collections.abc import Sequence

from ..errors import EngineError, EngineUnavailable
from ..model import EngineOutput, msg
from .argos_text import _assemble, _plan, _restore_terms
from .models import ModelInfo, find_model, import_argostranslate, list_models

__all__ = ["MAX_PIECES", "NO_MODEL_MESSAGE", "ArgosEngine", "_plan", "_restore_terms"]

#: The message for a machine without an ru→en model (DESIGN.md §3; CLI exits with 3).
NO_MODEL_MESSAGE = msg(
    "No ru→en model is installed for Argos. Run `translator-flow models install ru-en`, "
    "or `--from-file translate-ru_en.argosmodel` when offline."
)

#: Longest source (in model pieces) sent in one piece; output is cut at 256 pieces and
#: English output runs about as long as the Russian source, so keep a margin.
MAX_PIECES = 200

#: Defaults chosen with benchmarks/english.py at the real model's size (Transformer-base,
#: d_model 512, int8 package, 2 cores; the tables are in docs/models.md). Batches of 1,024
#: tokens took the least CPU (32 tokens: 3.1× more, 256: +10-18%, 4096: +9-14% and up to
#: +280 MB). Two batches in parallel (inter 2 × intra 1): the 852-sentence corpus took
#: 14.9 s wall for 24.5 CPU-s (1.6 cores busy) against 34-41 s with 1 × 1, for about
#: +170 MB; 1 × 2 was slower than 1 × 1. A release under 1,024 tokens is one batch and
#: gains nothing. int8 took half the CPU of float32 and 200 MB less.
DEFAULT_THREADS = 1  # intra_threads
DEFAULT_INTER_THREADS = 2  # capped at the number of cores
DEFAULT_BATCH_TOKENS = 1024
DEFAULT_COMPUTE_TYPE = "int8"

@dataclass
class _Loaded:
    """One installed package, loaded: argostranslate's translation object and its parts."""

    info: ModelInfo
    translation: Any  # argostranslate.translate.PackageTranslation
    recorder: _RecordingTranslator
    sentences: _GivenSentences


class ArgosEngine:
    """Argos Translate through argostranslate 1.11, offline; ru→en by default.

    ``threads`` is CTranslate2's ``intra_threads`` (1 is fastest on small machines: the
    default 0 = all cores made a 5k-word text 20× slower on 2 cores); ``inter_threads``
    runs that many batches in parallel (None: :data:`DEFAULT_INTER_THREADS`, at most
    one per core; it helps documents longer than ``batch_tokens``). ``compute_type`` is
    CTranslate2's (``int8``, ``float32``, ``auto`` …); None takes ``$ARGOS_COMPUTE_TYPE``
    when set (Argos's own setting), else :data:`DEFAULT_COMPUTE_TYPE`. Raises
    EngineUnavailable with :data:`NO_MODEL_MESSAGE` when no ru→en package is installed.
    """

    name = "argos"

    def __init__(
        self,
        packages_dir: Path | None = None,
        threads: int = DEFAULT_THREADS,
        inter_threads: int | None = None,
        batch_tokens: int = DEFAULT_BATCH_TOKENS,
        compute_type: str | None = None,
    ) -> None:
        self._packages_dir = packages_dir
        self._compute_type = compute_type or os.environ.get("ARGOS_COMPUTE_TYPE") or DEFAULT_COMPUTE_TYPE
        self._threads = threads
        self._inter_threads = inter_threads or min(DEFAULT_INTER_THREADS, os.cpu_count() or 1)
        self._batch_tokens = batch_tokens
        self._loaded: dict[tuple[str, str], _Loaded] = {}
        self._closed = False
        self._load("ru", "en")

    # -- protocol -------------------------------------------------------------------

    def pairs(self) -> set[tuple[str, str]]:
        """Pairs of the usable translate packages installed in the packages folder."""
        return {(m.from_code, m.to_code) for m in list_models(self._packages_dir) if not m.problem}

    def version(self) -> str:
        """argostranslate and CTranslate2 versions, for the run signature."""
        return f"argostranslate {_dist_version('argostranslate')}, ctranslate2 {_dist_version('ctranslate2')}"

    def model_id(self) -> str:
        """The ru→en package in use, e.g. ``translate-ru_en 1.9``."""
        return self._loaded[("ru", "en")].info.model_id

    @property
    def model(self) -> ModelInfo:
        """The installed ru→en package (its ``path`` holds ``model/`` and the tokenizer)."""
        return self._loaded[("ru", "en")].info

    @property
    def ctranslate2_options(self) -> dict[str, dict[str, Any]]:
        """How the ru→en model runs: ``Translator`` arguments and the last
        ``translate_batch`` options (Argos's decoding settings), so that benchmarks can
        call CTranslate2 directly in exactly the same way."""
        recorder = self._loaded[("ru", "en")].recorder
        return {"translator": dict(recorder.settings), "translate_batch": dict(recorder.options)}

    def translate_batch(self, texts: Sequence[str], src: str, tgt: str) -> list[EngineOutput]:
        """Translate ``texts`` (one sentence each); one output per input, in order."""
        if self._closed:
            raise EngineError("The Argos engine was closed; create a new one to translate.")
        loaded = self._load(src, tgt)
        tokenizer = loaded.translation.pkg.tokenizer

        def fits(text: str) -> bool:
            return len(tokenizer.encode(text)) <= MAX_PIECES

        plans = [_plan(text, fits) for text in texts]
        chunks = [chunk for _, _, pieces in plans for chunk in pieces]
        translated = self._translate_chunks(loaded, chunks)
        outputs, at = [], 0
        for _plain, terms, pieces in plans:
            results = translated[at : at + len(pieces)]
            at += len(pieces)
            outputs.append(_assemble(terms, pieces, results))
        return outputs

    def close(self) -> None:
        """Drop the loaded models; the engine may not be used afterwards."""
        for loaded in self._loaded.values():
            loaded.recorder.translator = None
        self._loaded.clear()
        self._closed = True

    def __enter__(self) -> ArgosEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- internals ------------------------------------------------------------------

    def _load(self, src: str, tgt: str) -> _Loaded:
        if (src, tgt) in self._loaded:
            return self._loaded[(src, tgt)]
        info = find_model(src, tgt, self._packages_dir)
        if info is None:
            if (src, tgt) == ("ru", "en"):
                raise EngineUnavailable(NO_MODEL_MESSAGE)
            raise EngineUnavailable(
                msg("No {src}→{tgt} model is installed for Argos. Run `translator-flow models install {src}-{tgt}`.",
                    src=src, tgt=tgt)
            )
        argos = import_argostranslate()
        settings = {
            "device": "cpu",
            "inter_threads": self._inter_threads,
            "intra_threads": self._threads,
            "compute_type": self._compute_type,
        }
        try:
            import ctranslate2

            pkg = argos.package.Package(info.path)
            translator = ctranslate2.Translator(str(info.path / "model"), **settings)
        except Exception as exc:
            raise EngineUnavailable(
                msg("The Argos model in {path} cannot be loaded ({problem}). Reinstall it: "
                    "`translator-flow models install {src}-{tgt}` (or `--from-file` with a fresh "
                    ".argosmodel file).", path=str(info.path), problem=str(exc), src=src, tgt=tgt)
            ) from None
        recorder = _RecordingTranslator(translator, self._batch_tokens)
        recorder.settings = {**settings, "compute_type": translator.compute_type}
        sentences = _GivenSentences()
        translation = _translation_class()(pkg, recorder, sentences)
        loaded = _Loaded(info, translation, recorder, sentences)
        self._loaded[(src, tgt)] = loaded
        return loaded

    def _translate_chunks(self, loaded: _Loaded, chunks: list[str]) -> list[str | Exception]:
        """Translate every chunk in one batch; on failure, one by one to isolate the bad one."""
        todo = [c for c in chunks if c]
        if not todo:
            return ["" for _ in chunks]
        try:
            done: list[str | Exception] = list(self._argos_batch(loaded, todo))
        except Exception:
            done = []
            for chunk in todo:
                try:
                    done.extend(self._argos_batch(loaded, [chunk]))
                except Exception as exc:  # reported on that segment only
                    done.append(exc)
        it = iter(done)
        return [next(it) if c else "" for c in chunks]

    def _argos_batch(self, loaded: _Loaded, sentences: list[str]) -> list[str]:
        from argostranslate.translate import apply_packaged_translation

        loaded.sentences.sentences = sentences
        loaded.recorder.results = None
        # One argostranslate translation of a dummy paragraph whose "sentences" are ours:
        # Argos tokenises them and makes one CTranslate2 call; the recorder keeps the
        # per-sentence results (Argos itself would join them into one string).
        loaded.translation.hypotheses("-", num_hypotheses=1)
        results = loaded.recorder.results
        if results is None or len(results) != len(sentences):
            raise EngineError("argostranslate did not return one result per sentence.")
        # Detokenise each result with Argos's own code, replaying the recorded result.
        pkg = loaded.translation.pkg
        return [
            apply_packaged_translation(pkg, sentence, _Replay(result), _Replay(result), 1)[0].value
            for sentence, result in zip(sentences, results)
        ]


class _GivenSentences:
    """Stands in for Argos's sentence splitter: the sentences are already split."""

    def __init__(self) -> None:
        self.sentences: list[str] = []

    def split_sentences(self, text: str) -> list[str]:
        return self.sentences


class _RecordingTranslator:
    """Wraps ctranslate2.Translator: keeps the last batch's results, sets the batch size."""

    def __init__(self, translator: Any, batch_tokens: int) -> None:
        self.translator = translator
        self.batch_tokens = batch_tokens
        self.results: list[Any] | None = None
        self.settings: dict[str, Any] = {}
        self.options: dict[str, Any] = {}

    def translate_batch(self, tokens: list[list[str]], **options: Any) -> list[Any]:
        if options.get("batch_type") == "tokens":
            options["max_batch_size"] = max(int(options.get("max_batch_size") or 0), self.batch_tokens)
        self.options = options
        self.results = self.translator.translate_batch(tokens, **options)
        return self.results


class _Replay:
    """A one-sentence splitter and translator that returns an already computed result."""

    def __init__(self, result: Any) -> None:
        self.result = result

    def split_sentences(self, text: str) -> list[str]:
        return [text]

    def translate_batch(self, tokens: list[list[str]], **options: Any) -> list[Any]:
        return [self.result]


_TRANSLATION_CLASS: type | None = None


def _translation_class() -> type:
    """argostranslate's PackageTranslation without its network-bound sentence splitter."""
    global _TRANSLATION_CLASS
    if _TRANSLATION_CLASS is None:
        from argostranslate.translate import Language, PackageTranslation

        class SentenceTranslation(PackageTranslation):
            """PackageTranslation whose sentences come from translator-flow's segmenter."""

            def __init__(self, pkg: Any, translator: Any, sentencizer: Any) -> None:
                # PackageTranslation.__init__ would build MiniSBD/stanza/spaCy (downloads
                # at first use); everything else is the parent's.
                self.from_lang = Language(pkg.from_code, pkg.from_name)
                self.to_lang = Language(pkg.to_code, pkg.to_name)
                self.pkg = pkg
                self.translator = translator
                self.sentencizer = sentencizer

        _TRANSLATION_CLASS = SentenceTranslation
    return _TRANSLATION_CLASS


def _dist_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"
