"""read → segment → tm → glossary → engine → lang → qa → write, with everything injected.

A :class:`Pipeline` owns the long-lived parts of a run (engines, glossary, translation
memory) so a batch starts each engine once and reuses it for every document. Engines are
created lazily, per target language, the first time that language is asked for.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any
from collections.abc import Mapping, Sequence

from . import __version__
from .config import Settings
from .errors import EngineUnavailable, TranslatorFlowError
from .model import (
    Message,
    Document,
    NO_GLOSSARY_WARNING,
    EngineOutput,
    Origin,
    RunReport,
    RunSignature,
    Segment,
    TargetSegment,
    TermHit,
    Translation,
    msg,
)

SOURCE_LANG = "ru"


class Pipeline:
    """A configured translator: call :meth:`translate_document` for each release."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        engines: Mapping[str, Any] | None = None,
        glossary: Any = None,
        tm: Any = None,
    ) -> None:
        self.settings = settings or Settings()
        self._engines: dict[str, Any] = dict(engines or {})
        self._engine_errors: dict[str, EngineUnavailable] = {}
        self._glossary = glossary
        self._glossary_loaded = glossary is not None
        self._tm = tm
        self._tm_loaded = tm is not None
        self._tm_hash: str | None = None
        # Identical protected texts inside a run are translated once (per language).
        self._cache: dict[tuple[str, str], EngineOutput] = {}
        self._repaired: dict[tuple[str, str], EngineOutput] = {}
        self._names: dict[str, dict[str, str]] = {}
        self._prepared: dict[tuple[str, str], tuple[str | None, str, tuple[TermHit, ...], tuple[str, ...]]] = {}

    # -- long-lived parts -------------------------------------------------------------
    @property
    def glossary(self) -> Any:
        """The glossary for this run (loaded on first use; None when there is none)."""
        if not self._glossary_loaded:
            paths = self.settings.glossary
            if paths is None:  # glossary/locate.py owns the order: ./glossary, then the per-user folder
                from .glossary.locate import default_glossary_dir

                found = default_glossary_dir()
                paths = (found,) if found is not None else ()
            if paths:
                from .glossary import load_glossary

                self._glossary = load_glossary(paths)
            self._glossary_loaded = True
        return self._glossary

    @property
    def tm(self) -> Any:
        """The translation memory (None when no folder is configured or it does not exist)."""
        if not self._tm_loaded:
            folder = self.settings.tm_dir
            if folder is not None and Path(folder).is_dir():
                from .tm import TranslationMemory

                self._tm = TranslationMemory(Path(folder))
            self._tm_loaded = True
        return self._tm

    def engine(self, lang: str) -> Any:
        """The engine for ``lang``, started once; raises EngineUnavailable (remembered)."""
        if lang in self._engines:
            return self._engines[lang]
        if lang in self._engine_errors:
            raise self._engine_errors[lang]
        from .engines.base import create_engine
        from .lang import engine_extras

        name = self.settings.engines.get(lang, "")
        try:
            options = self.settings.engine_options(name) | engine_extras(lang, name)
            engine: Any = create_engine(name, **options)
        except EngineUnavailable as exc:
            self._engine_errors[lang] = exc
            raise
        self._engines[lang] = engine
        return engine

    def engine_data_state(self) -> str:
        """The hashes of the engine data the target languages add (the Belarusian overlay),
        without starting an engine: part of what decides whether a batch redoes a document."""
        from .lang import engine_data_hash

        return ",".join(engine_data_hash(lang, self.settings.engines.get(lang, "")) for lang in self.settings.targets)

    def close(self) -> None:
        """Stop every engine this pipeline started."""
        for engine in self._engines.values():
            close = getattr(engine, "close", None)
            if close:
                close()
        self._engines.clear()

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- one language -------------------------------------------------------------------
    def signature(self, lang: str, engine: Any | None) -> RunSignature:
        """The run signature written into every output of ``lang``."""
        from .segment import SEGMENTER_VERSION

        glossary = self.glossary
        return RunSignature(
            tool_version=__version__,
            engine=getattr(engine, "name", self.settings.engines.get(lang, "?")),
            engine_version=engine.version() if engine is not None else "unavailable",
            model_id=engine.model_id() if engine is not None else "unavailable",
            glossary_hash=glossary.hash if glossary is not None else "none",
            segmenter_version=SEGMENTER_VERSION,
            tm_hash=self.tm_hash,
            overlay_hash=str(getattr(engine, "overlay_hash", "") or ""),
        )

    @property
    def tm_hash(self) -> str:
        """Hash of the translation-memory files this run reads (computed once per pipeline)."""
        if self._tm_hash is None:
            from .tm import tm_hash

            self._tm_hash = tm_hash(self.settings.tm_dir)
        return self._tm_hash

    def translate_segments(self, segments: Sequence[Segment], lang: str) -> Translation:
        """Translate ``segments`` into ``lang`` and run QA; never drops a segment.

        When the engine is unavailable the Translation carries ``error`` and every
        segment is marked untranslated, so other languages can still be written.
        """
        try:
            engine = self.engine(lang)
            targets = self._draft(segments, lang, engine)
        except EngineUnavailable as exc:  # e.g. no ru→en model: other languages still go on
            self._engine_errors[lang] = exc
            reason = exc.args[0] if exc.args and isinstance(exc.args[0], Message) else str(exc)  # translatable
            targets = [_untranslated(s, lang, reason) for s in segments]
            return Translation(lang, self.signature(lang, None), tuple(targets), (), error=reason)
        from .qa import run_document_checks

        issues = run_document_checks(segments, targets, lang, glossary=self.glossary)
        return Translation(lang, self.signature(lang, engine), tuple(targets), tuple(issues))

    def translate_texts(self, texts: Sequence[str], lang: str) -> list[TargetSegment]:
        """Drafts for bare sentences (evaluation harness): same path as documents, no QA."""
        segments = [Segment(f"t{i}", 0, i, text, 0, len(text)) for i, text in enumerate(texts)]
        return self._draft(segments, lang, self.engine(lang))

    def _prepare(self, segment: Segment, lang: str) -> tuple[TargetSegment | None, str, tuple[TermHit, ...], tuple[str, ...]]:
        """TM and glossary for one segment: (TM draft or None, engine text, term hits, TM suggestions).

        Memoised per (language, source), so warming a chunk of documents and drafting each
        document afterwards do this work once.
        """
        key = (lang, segment.source)
        prepared = self._prepared.get(key)
        if prepared is None:
            tm, glossary = self.tm, self.glossary
            suggestions: tuple[str, ...] = ()
            tm_text: str | None = None
            if tm is not None:
                exact = tm.lookup(segment.source, lang)
                if exact is not None:
                    tm_text = exact.target
                else:
                    suggestions = tuple(m.as_note() for m in tm.suggest(segment.source, lang))
            text, hits = segment.source, tuple[TermHit, ...]()
            if glossary is not None:
                found = glossary.find(segment.source)
                if found:
                    # A TM draft is a draft: its terms are checked against today's glossary
                    # (the hits say what the draft must contain); only MT gets the protected text.
                    protected, hits = glossary.protect(segment.source, found, lang)
                    text = protected if tm_text is None else text
            prepared = self._prepared[key] = (tm_text, text, tuple(hits), suggestions)
        tm_text, text, hits, suggestions = prepared
        tm_draft = (TargetSegment(segment.id, lang, tm_text, "tm", term_hits=hits, suggestions=suggestions)
                    if tm_text is not None else None)
        return tm_draft, text, hits, suggestions

    def engine_texts(self, documents: Sequence[Sequence[Segment]], lang: str) -> list[str]:
        """The texts the engine must see for ``documents`` (TM hits need none)."""
        texts = []
        for segments in documents:
            for segment in segments:
                tm_draft, text, _, _ = self._prepare(segment, lang)
                if tm_draft is None:
                    texts.append(text)
        return texts

    def _draft(self, segments: Sequence[Segment], lang: str, engine: Any) -> list[TargetSegment]:
        drafts: dict[str, TargetSegment] = {}
        pending: list[tuple[Segment, str, tuple[TermHit, ...], tuple[str, ...]]] = []
        for seg in segments:
            tm_draft, text, hits, suggestions = self._prepare(seg, lang)
            if tm_draft is not None:
                drafts[seg.id] = tm_draft
            else:
                pending.append((seg, text, hits, suggestions))

        outputs = self._final_outputs([text for _, text, _, _ in pending], lang, engine)
        from .lang import postedit_with_offsets

        for (seg, _, hits, suggestions), output in zip(pending, outputs, strict=True):
            if output.error or not output.text.strip():
                error = output.error or msg("the engine returned an empty translation")
                drafts[seg.id] = replace(_untranslated(seg, lang, error), term_hits=hits, suggestions=suggestions)
                continue
            text, marks = postedit_with_offsets(output.text, lang, output.marks)
            origin: Origin = "glossary" if any(h.target_form for h in hits) else "mt"
            drafts[seg.id] = TargetSegment(
                seg.id, lang, text, origin, marks=marks, term_hits=hits, suggestions=suggestions
            )
        return [drafts[seg.id] for seg in segments]

    def engine_outputs(self, texts: Sequence[str], lang: str, engine: Any) -> list[EngineOutput]:
        """Raw engine outputs for ``texts``: each distinct text translated once per run.

        Public so the batch scheduler can warm the cache for the next chunk on its engine thread.
        """
        todo = list(dict.fromkeys(t for t in texts if (lang, t) not in self._cache))
        if todo:
            results = engine.translate_batch(todo, SOURCE_LANG, lang)
            if len(results) != len(todo):  # a broken engine must not shift segments silently
                raise TranslatorFlowError(
                    f"Engine {engine.name} returned {len(results)} outputs for {len(todo)} inputs."
                )
            # Failures are remembered too: the engine already retried them after a restart,
            # and a hanging sentence must not cost its timeout again in every document.
            for text, result in zip(todo, results):
                self._cache[(lang, text)] = result
        return [self._cache[(lang, t)] for t in texts]

    def _final_outputs(self, texts: Sequence[str], lang: str, engine: Any) -> list[EngineOutput]:
        """Engine outputs after the language's repairs (lang.REPAIRS: the Belarusian unknown-word fallback).

        Kept apart from :meth:`engine_outputs` so that in batch runs the repairs run on
        this thread, overlapping the engine's next chunk instead of delaying it.
        """
        raw = self.engine_outputs(texts, lang, engine)
        from .lang import REPAIRS

        repair = REPAIRS.get(lang)
        if repair is None:
            return raw
        todo = {t: r for t, r in zip(texts, raw) if (lang, t) not in self._repaired}
        if todo:
            for text, repaired in zip(todo, repair(list(todo.values()), self._official_names(lang))):
                self._repaired[(lang, text)] = repaired
        return [self._repaired[(lang, t)] for t in texts]

    def _official_names(self, lang: str) -> dict[str, str]:
        """Glossary forms → approved ``lang`` form, for the language's repair (cached)."""
        if lang not in self._names:
            from .glossary.names import official_names

            glossary = self.glossary
            self._names[lang] = official_names(glossary, lang) if glossary is not None else {}
        return self._names[lang]

    # -- documents ----------------------------------------------------------------------
    def read(self, path: str | Path) -> tuple[Document, tuple[Segment, ...]]:
        """Read and segment one release."""
        from .readers import read_document
        from .segment import segment_document

        document = read_document(path, force_language=self.settings.force_language)
        return document, segment_document(document)

    def translate_document(self, path: str | Path) -> RunReport:
        """Read, segment and translate one release into every target language (no writing)."""
        document, segments = self.read(path)
        return self.translate_read(document, segments)

    def translate_read(self, document: Document, segments: tuple[Segment, ...]) -> RunReport:
        """Translate an already read and segmented document into every target language."""
        if self.glossary is None:  # never silent: the JSON, the review headers and stderr say so
            document = replace(document, meta=replace(
                document.meta, warnings=(*document.meta.warnings, NO_GLOSSARY_WARNING)))
        translations = {lang: self.translate_segments(segments, lang) for lang in self.settings.targets}
        return RunReport(document, segments, translations)

    def write(
        self, report: RunReport, *, stem: str | None = None, out_dir: Path | None = None,
        force: bool | None = None,
    ) -> RunReport:
        """Write the outputs of ``report`` (into ``out_dir``, default ``settings.out_dir``);
        returns it with ``outputs``."""
        from .writers import write_outputs

        written = write_outputs(
            report,
            Path(out_dir if out_dir is not None else self.settings.out_dir),
            stem=stem,
            force=self.settings.force if force is None else force,
            combined=self.settings.combined,
            xliff=self.settings.xliff,
            ui_lang=self.settings.ui_lang,
        )
        return replace(report, outputs=tuple(str(p) for p in written))

    def translate_and_write(self, path: str | Path, *, stem: str | None = None) -> RunReport:
        """Translate one release and write its outputs; returns the report with ``outputs``."""
        return self.write(self.translate_document(path), stem=stem)


def _untranslated(segment: Segment, lang: str, error: str) -> TargetSegment:
    return TargetSegment(segment.id, lang, "", "none", status="untranslated", error=error)


def translate_document(
    path: str | Path,
    targets: tuple[str, ...] = ("be", "en"),
    *,
    out_dir: str | Path | None = None,
    settings: Settings | None = None,
    engines: Mapping[str, Any] | None = None,
    **options: Any,
) -> RunReport:
    """Translate one release; write outputs when ``out_dir`` is given.

    ``options`` are :class:`Settings` fields (glossary, tm_dir, force, combined, ...).
    Returns the :class:`RunReport` the JSON report is written from.
    """
    base = settings or Settings()
    settings = base.with_options(targets=tuple(targets), out_dir=Path(out_dir) if out_dir else None, **options)
    with Pipeline(settings, engines=engines) as pipeline:
        if out_dir is None:
            return pipeline.translate_document(path)
        return pipeline.translate_and_write(path)


__all__ = ["Pipeline", "translate_document"]
