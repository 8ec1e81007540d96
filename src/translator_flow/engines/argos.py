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

import re
import unicodedata
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any
from collections.abc import Callable, Sequence

from ..errors import EngineError, EngineUnavailable
from ..model import PROTECT_CLOSE, PROTECT_OPEN, EngineOutput
from .models import ModelInfo, find_model, import_argostranslate, list_models

#: The message for a machine without an ru→en model (DESIGN.md §3; CLI exits with 3).
NO_MODEL_MESSAGE = (
    "No ru→en model is installed for Argos. Run `translator-flow models install ru-en`, "
    "or `--from-file translate-ru_en.argosmodel` when offline."
)

#: Longest source (in model pieces) sent in one piece; output is cut at 256 pieces and
#: English output runs about as long as the Russian source, so keep a margin.
MAX_PIECES = 200

_PROTECTED = re.compile(f"{PROTECT_OPEN}([^{PROTECT_OPEN}{PROTECT_CLOSE}]*){PROTECT_CLOSE}")
_CUTS = (re.compile(r"(?<=;)\s+"), re.compile(r"(?<=,)\s+"), re.compile(r"\s+"))


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
    runs that many batches in parallel (useful with spare cores). Raises EngineUnavailable
    with :data:`NO_MODEL_MESSAGE` when no ru→en package is installed.
    """

    name = "argos"

    def __init__(
        self,
        packages_dir: Path | None = None,
        threads: int = 1,
        inter_threads: int = 1,
        batch_tokens: int = 1024,
    ) -> None:
        self._packages_dir = packages_dir
        self._threads = threads
        self._inter_threads = inter_threads
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
                f"No {src}→{tgt} model is installed for Argos. "
                f"Run `translator-flow models install {src}-{tgt}`."
            )
        argos = import_argostranslate()
        settings = {
            "device": "cpu",
            "inter_threads": self._inter_threads,
            "intra_threads": self._threads,
            "compute_type": argos.settings.compute_type,  # Argos's ARGOS_COMPUTE_TYPE, "auto"
        }
        try:
            import ctranslate2

            pkg = argos.package.Package(info.path)
            translator = ctranslate2.Translator(str(info.path / "model"), **settings)
        except Exception as exc:
            raise EngineUnavailable(
                f"The Argos model in {info.path} cannot be loaded ({exc}). Reinstall it: "
                f"`translator-flow models install {src}-{tgt}` (or `--from-file` with a fresh "
                f".argosmodel file)."
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


# -- text handling (pure functions) --------------------------------------------------


def _plan(text: str, fits: Callable[[str], bool]) -> tuple[str, list[str], list[str]]:
    """(model text without delimiters, protected terms, chunks to translate)."""
    terms: list[str] = []
    spans: list[tuple[int, int]] = []
    plain_parts: list[str] = []
    length = 0
    last = 0
    for match in _PROTECTED.finditer(text):
        before = _clean(text[last : match.start()])
        term = match.group(1)
        plain_parts += [before, term]
        length += len(before)
        spans.append((length, length + len(term)))
        length += len(term)
        terms.append(term)
        last = match.end()
    plain_parts.append(_clean(text[last:]))
    plain = "".join(plain_parts)
    stripped = plain.strip()
    offset = len(plain) - len(plain.lstrip())
    spans = [(s - offset, e - offset) for s, e in spans]
    return plain, terms, _chunks(stripped, spans, fits, 0) if stripped else []


def _clean(text: str) -> str:
    # Stray delimiters (unbalanced) are dropped; newlines would make Argos split paragraphs.
    return re.sub(r"\s*\n\s*", " ", text.replace(PROTECT_OPEN, "").replace(PROTECT_CLOSE, ""))


def _chunks(text: str, spans: list[tuple[int, int]], fits: Callable[[str], bool], level: int) -> list[str]:
    """Cut ``text`` into pieces that fit, at ``;`` then ``,`` then spaces, outside spans."""
    if level >= len(_CUTS) or fits(text):
        return [text]
    cuts = [
        m.end() for m in _CUTS[level].finditer(text) if not any(m.start() < e and s < m.end() for s, e in spans)
    ]
    bounds = [0, *cuts, len(text)]
    clauses = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]
    pieces: list[tuple[int, int]] = []
    for start, end in clauses:
        if pieces and fits(text[pieces[-1][0] : end]):
            pieces[-1] = (pieces[-1][0], end)
        else:
            pieces.append((start, end))
    out = []
    for start, end in pieces:
        inner = [(s - start, e - start) for s, e in spans if start <= s and e <= end]
        out += _chunks(text[start:end].strip(), inner, fits, level + 1)
    return out


def _assemble(terms: list[str], chunks: list[str], results: list[str | Exception]) -> EngineOutput:
    """One sentence's output from its chunks' translations; any failed chunk fails it."""
    if not chunks:
        return EngineOutput(text="")  # nothing to translate
    failed = [(c, r) for c, r in zip(chunks, results) if isinstance(r, Exception) or not r.strip()]
    if failed:
        chunk, result = failed[0]
        reason = f"failed ({result})" if isinstance(result, Exception) else "returned nothing"
        where = "" if len(chunks) == 1 else f" for part «{chunk[:60]}»"
        return EngineOutput(text="", error=f"Argos {reason}{where}; the sentence is not translated.")
    joined = " ".join(str(r).strip() for r in results)
    return EngineOutput(text=_restore_terms(joined, terms))


def _restore_terms(output: str, terms: list[str]) -> str:
    """Put back the exact form of terms the model changed only in case, spacing or NFKC."""
    for term in dict.fromkeys(terms):
        if not term.strip() or term in output:
            continue
        output = _loose_pattern(term).sub(lambda _m, t=term: t, output)  # type: ignore[misc]
    return output


def _loose_pattern(term: str) -> re.Pattern[str]:
    norm = unicodedata.normalize("NFKC", term).strip()
    parts = [r"(?<!\w)" if norm[:1].isalnum() else ""]  # whole words only: "MAZ" not in "maze"
    for ch in norm:
        if ch.isspace() or ch == "_":  # Argos's decoder turns "_" into a space
            if parts[-1] != r"[\s_]+":
                parts.append(r"[\s_]+")
        else:
            parts.append(re.escape(ch))
    parts.append(r"(?!\w)" if norm[-1:].isalnum() else "")
    return re.compile("".join(parts), re.IGNORECASE)


def _dist_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"
