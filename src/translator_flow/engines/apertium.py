"""Apertium ru→be: the ``rus-bel`` mode's stages run by us, in one long-lived pipeline.

Why not ``apertium rus-bel``: its tagger stage crashes on most real sentences (apertium
issue #223) and the shell wrapper then prints nothing with exit code 0 — 77% of real
sentences came back empty. This engine reads the mode file, replaces the tagger (see
:func:`.apertium_pipeline.fix_tagger`), starts the stages once in null-flush mode and
streams every batch through them. A segment whose output is empty, late or lost is
retried alone on a fresh pipeline, then returned with ``error`` set: never silently
empty. How and why: ``docs/apertium.md``.
"""

from __future__ import annotations

import subprocess
import tempfile
import threading
from pathlib import Path
from collections.abc import Iterator, Mapping, Sequence

from ..errors import EngineError, EngineUnavailable
from ..model import PROTECT_CLOSE, PROTECT_OPEN, EngineOutput, msg, nmsg
from .apertium_pipeline import (
    Pipeline,
    PipelineFailure,
    Tagger,
    fix_tagger,
    missing_parts,
    one_form_per_word,
    plain_command,
    program,
    read_mode,
    write_hmm_prob,
)
from .apertium_stream import apply_flags, deformat, reformat, split_id, split_tail

#: Where Debian installs Apertium mode files.
DEFAULT_MODES_DIR = "/usr/share/apertium/modes"
#: The message of :class:`EngineUnavailable` when the pair is missing (CLI exit code 3).
INSTALL_MESSAGE = msg("Apertium rus-bel is not installed. Install it with `sudo apt-get install apertium-bel-rus`.")
#: After this many segments in a row failed even when retried alone, the rest of the
#: batch is not attempted (a broken install would otherwise cost 2 × timeout each).
MAX_CONSECUTIVE_FAILURES = 3
#: Extra seconds of patience per input character, so a very long segment is not taken
#: for a hang (the stages run at ~10k words/s, i.e. ~70k chars/s; this allows 5k chars/s).
SECONDS_PER_CHAR = 1 / 5000
_PACKAGES = ("apertium", "lttoolbox", "cg3", "apertium-lex-tools")


def _not_installed(missing: str) -> EngineUnavailable:
    """The error for a missing mode, program or data file (translatable: shown in reviews)."""
    return EngineUnavailable(msg("{install} Missing: {missing}.", install=INSTALL_MESSAGE, missing=missing))


def _mode_stages(mode: str, modes_dir: str | Path) -> list[list[str]]:
    """The mode's stages as argvs, or EngineUnavailable naming what is missing."""
    path = Path(modes_dir) / f"{mode}.mode"
    if not path.is_file():
        raise _not_installed(str(path))
    stages = read_mode(path)
    missing = missing_parts(stages)
    if missing:
        raise _not_installed(", ".join(missing))
    return stages


def plain_stages_command(
    mode: str = "rus-bel",
    *,
    modes_dir: str | Path = DEFAULT_MODES_DIR,
    tagger: Tagger = "first",
    workdir: str | Path | None = None,
) -> str:
    """The mode's stages as ONE shell pipeline reading and writing plain text.

    Same stages and tagger fix as the engine, but through ``apertium-destxt`` /
    ``apertium-retxt`` and without null-flush: the "raw Apertium" baseline the speed
    and quality benchmarks compare against. ``tagger="hmm"`` writes the patched model
    copy into ``workdir``.
    """
    stages = _mode_stages(mode, modes_dir)
    prob = None
    if tagger == "hmm":
        if workdir is None:
            raise ValueError("tagger='hmm' needs a workdir for the patched .prob copy")
        prob = _hmm_copy(stages, Path(workdir))
    return plain_command(fix_tagger(stages, tagger, prob))


def translate_plain(texts: Sequence[str], mode: str = "rus-bel", *, modes_dir: str | Path = DEFAULT_MODES_DIR) -> list[str]:
    """Run :func:`plain_stages_command` once over ``texts`` joined by blank lines (benchmarks).

    Raises EngineError when the output does not split back into ``len(texts)`` parts
    (a text containing a blank line, or a stage that failed).
    """
    cmd = plain_stages_command(mode, modes_dir=modes_dir)
    joined = "\n\n".join(t.replace("\0", "").strip() for t in texts) + "\n"
    proc = subprocess.run(["sh", "-c", cmd], input=joined.encode(), capture_output=True, check=False)
    parts = proc.stdout.decode("utf-8", "replace").strip("\n").split("\n\n")
    if proc.returncode != 0 or len(parts) != len(texts):
        raise EngineError(
            f"The plain Apertium pipeline returned {len(parts)} paragraphs for {len(texts)} texts"
            f" (exit code {proc.returncode}): {proc.stderr.decode('utf-8', 'replace')[-300:]}"
        )
    return parts


def _plain(text: str) -> str:
    """``text`` as a reader sees it: without protection delimiters and NUL characters."""
    return text.replace(PROTECT_OPEN, "").replace(PROTECT_CLOSE, "").replace("\0", "")


def _hmm_copy(stages: Sequence[Sequence[str]], workdir: Path) -> Path:
    for argv in stages:
        if program(argv) == "apertium-tagger":
            src = next(Path(a) for a in argv if a.endswith(".prob"))
            return write_hmm_prob(src, workdir / src.name)
    raise EngineError("The Apertium mode has no tagger stage; use tagger='first'.")


def _replace_data(stages: list[list[str]], files: Mapping[str, str]) -> list[list[str]]:
    """``stages`` with each data file whose basename is in ``files`` replaced by its value."""
    names = {Path(a).name for s in stages for a in s[1:]}
    unknown = set(files) - names
    if unknown:
        raise ValueError(f"data_files names no data file of the mode: {sorted(unknown)}")
    missing = [path for path in files.values() if not Path(path).is_file()]
    if missing:
        raise EngineUnavailable(f"Apertium overlay file missing: {', '.join(missing)}. Delete the overlay cache folder to rebuild it.")
    return [[s[0], *(files.get(Path(a).name, a) if a.startswith("/") else a for a in s[1:])] for s in stages]


def _dpkg_versions(packages: Sequence[str]) -> dict[str, str]:
    """Installed Debian package versions (one cheap dpkg-query call; {} off Debian)."""
    try:
        proc = subprocess.run(
            ["dpkg-query", "-W", "-f=${Package} ${Version}\\n", *packages],
            capture_output=True, text=True, timeout=10, check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return {}
    pairs = (line.split(" ", 1) for line in proc.stdout.splitlines() if " " in line)
    return {name: version for name, version in pairs if version}


class ApertiumEngine:
    """Apertium ``rus-bel`` as an :class:`~translator_flow.engines.base.Engine`.

    ``tagger="first"`` (default) lets the constraint grammar keep the first reading;
    ``"hmm"`` runs the pair's HMM tagger on a patched model copy. Both avoid the crash;
    on 852 sentences they differ in 2.6% of words, and a hand check of 40 differences
    found neither better (15 vs 18, engines-facts.md), so the default is the simpler one
    (no file copy, one process fewer). ``timeout`` bounds the wait for one segment's
    output. ``stage_override`` (a test hook) maps a program name to the argv that
    replaces every stage running that program, as is (no ``-z`` added), e.g.
    ``{"apertium-pretransfer": ["sleep", "100"]}``. ``post_bidix_stages`` are extra
    null-flush stages run right after the bilingual lookup (``lt-proc -b``): the place
    where lexical-choice corrections of the language layer see lemmas and tags, which
    engines cannot know about themselves. ``data_files`` maps a data file of the mode
    (by basename, e.g. ``rus-bel.autobil.bin``) to the file to run instead, and
    ``pre_cg_stages`` run right before the constraint-grammar stage: together they carry a
    language's own Apertium data (the Belarusian overlay, built by the language layer);
    ``overlay_hash`` names that data in the run signature. ``flag_marks`` maps a flag
    character those stages put before a word they changed by a guess to the ``via`` of the
    ``fallback`` mark that word gets (the flag itself is removed). Construction only checks that the
    mode, its programs and data files exist; the processes start at the first batch.
    """

    name = "apertium"

    def __init__(
        self,
        mode: str = "rus-bel",
        modes_dir: str | Path = DEFAULT_MODES_DIR,
        tagger: Tagger = "first",
        timeout: float = 20.0,
        stage_override: Mapping[str, Sequence[str]] | None = None,
        post_bidix_stages: Sequence[Sequence[str]] = (),
        data_files: Mapping[str, str] | None = None,
        pre_cg_stages: Sequence[Sequence[str]] = (),
        overlay_hash: str = "",
        flag_marks: Mapping[str, str] | None = None,
    ) -> None:
        if tagger not in ("first", "hmm"):
            raise ValueError(f"tagger must be 'first' or 'hmm', not {tagger!r}")
        self.mode = mode
        self.tagger: Tagger = tagger
        self.timeout = timeout
        self._mode_stages = _mode_stages(mode, modes_dir)
        self._override = {k: list(v) for k, v in (stage_override or {}).items()}
        self._post_bidix = [list(stage) for stage in post_bidix_stages]
        self._data_files = dict(data_files or {})
        self._pre_cg = [list(stage) for stage in pre_cg_stages]
        self._flags = dict(flag_marks or {})
        #: The project's Apertium data run with the pair ("" none), for the run signature.
        self.overlay_hash = overlay_hash
        if self._data_files:
            self._mode_stages = _replace_data(self._mode_stages, self._data_files)
        self._pipeline: Pipeline | None = None
        self._workdir: tempfile.TemporaryDirectory[str] | None = None
        self._stages: list[list[str]] | None = None
        self._next_id = 0
        self._closed = False
        self._lock = threading.Lock()
        self._version: str | None = None
        self._model_id: str | None = None

    # -- protocol -------------------------------------------------------------------

    def pairs(self) -> set[tuple[str, str]]:
        """Russian to Belarusian only."""
        return {("ru", "be")}

    def version(self) -> str:
        """Versions of the Apertium tools (Debian packages), cached."""
        if self._version is None:
            found = _dpkg_versions(_PACKAGES)
            self._version = ", ".join(f"{p} {found[p]}" for p in _PACKAGES if p in found) or "apertium (version unknown)"
        return self._version

    def model_id(self) -> str:
        """The language data package and how it is run, e.g. ``apertium-bel-rus 0.2.1-2 (rus-bel, tagger=first)``."""
        if self._model_id is None:
            ours = set(self._data_files.values())
            data = next((Path(a).parent.name for s in self._mode_stages for a in s[1:]
                         if a.startswith("/") and a not in ours), self.mode)
            version = _dpkg_versions([data]).get(data, "(version unknown)")
            self._model_id = f"{data} {version} ({self.mode}, tagger={self.tagger})"
        return self._model_id

    def translate_batch(self, texts: Sequence[str], src: str, tgt: str) -> list[EngineOutput]:
        """Translate ``texts``; one output per text, in order, an error instead of an empty text."""
        if (src, tgt) not in self.pairs():
            raise EngineError(f"Apertium {self.mode} translates ru→be, not {src}→{tgt}.")
        with self._lock:
            if self._closed:
                raise EngineError("This Apertium engine was closed; create a new one.")
            return self._translate(list(texts))

    def close(self) -> None:
        """Stop the pipeline's processes and remove the temporary model copy."""
        with self._lock:
            self._closed = True
            self._stop()
            if self._workdir is not None:
                self._workdir.cleanup()
                self._workdir = None

    def __enter__(self) -> ApertiumEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- internals ------------------------------------------------------------------

    def _translate(self, texts: list[str]) -> list[EngineOutput]:
        results: list[EngineOutput | None] = [None] * len(texts)
        bodies, tails = list(texts), [""] * len(texts)
        todo: list[int] = []
        for i, text in enumerate(texts):
            body, tail = split_tail(text)
            if _plain(body).strip():
                todo.append(i)
                bodies[i], tails[i] = body, tail
            else:
                results[i] = EngineOutput(_plain(text))  # nothing to translate
        pos, failed_in_row, last_error = 0, 0, ""
        while pos < len(todo):
            if failed_in_row >= MAX_CONSECUTIVE_FAILURES:
                note = nmsg("not attempted: Apertium failed on the {n} segment before it ({error})",
                            "not attempted: Apertium failed on the {n} segments before it ({error})",
                            failed_in_row, error=last_error)
                for i in todo[pos:]:
                    results[i] = EngineOutput("", error=note)
                break
            try:
                for out in self._run(todo[pos:], bodies):
                    results[todo[pos]] = out
                    pos += 1
                    failed_in_row = 0
            except PipelineFailure as first:
                self._stop()
                # Retry the pending segment alone: with overlapped writes it may be an
                # innocent neighbour of the one that broke the chain.
                try:
                    out = next(self._run([todo[pos]], bodies))
                    failed_in_row = 0
                except PipelineFailure as again:
                    self._stop()
                    last_error = again.reason
                    out = EngineOutput("", error=msg("{reason} (retried alone after a restart)", reason=again.reason)
                                       if first.reason == again.reason else
                                       msg("{reason} (retried alone after a restart; first try: {first})",
                                           reason=again.reason, first=first.reason))
                    failed_in_row += 1
                results[todo[pos]] = out
                pos += 1
        final = []
        for r, tail in zip(results, tails):
            if r is None:  # pragma: no cover - every index is filled above
                r = EngineOutput("", error=msg("internal error: no result"))
            elif tail and r.error is None:
                r = EngineOutput(r.text + _plain(tail), r.marks)  # see split_tail
            final.append(r)
        return final

    def _run(self, indices: Sequence[int], texts: Sequence[str]) -> Iterator[EngineOutput]:
        """Stream ``texts[indices]`` through the pipeline; raise PipelineFailure on the first bad one."""
        pipeline = self._ensure_pipeline()
        ids = list(range(self._next_id, self._next_id + len(indices)))
        self._next_id += len(indices)
        payloads = [deformat(texts[i], n).encode("utf-8") + b"\0" for i, n in zip(indices, ids)]
        waits = [self.timeout + len(texts[i]) * SECONDS_PER_CHAR for i in indices]
        for k, chunk in enumerate(pipeline.stream(payloads, waits)):
            got, raw = split_id(chunk.decode("utf-8", "replace"))
            if got != ids[k]:
                raise PipelineFailure(k, msg("Apertium's output fell out of step with the input"))
            text, marks = apply_flags(*reformat(raw), self._flags)
            if not text.strip():
                raise PipelineFailure(k, msg("Apertium returned an empty translation"))
            yield EngineOutput(text, marks)

    def _ensure_pipeline(self) -> Pipeline:
        if self._pipeline is not None and self._pipeline.dead():
            self._stop()
        if self._pipeline is None:
            self._pipeline = Pipeline(self._run_stages())
        return self._pipeline

    def _run_stages(self) -> list[list[str]]:
        """The stages as run: tagger fixed, one form per word from the generator, ``-z`` on each,
        test overrides applied."""
        if self._stages is None:
            prob = None
            if self.tagger == "hmm":
                self._workdir = tempfile.TemporaryDirectory(prefix="translator-flow-apertium-")
                prob = _hmm_copy(self._mode_stages, Path(self._workdir.name))
            stages = [[s[0], "-z", *s[1:]] for s in one_form_per_word(fix_tagger(self._mode_stages, self.tagger, prob))]
            unknown = set(self._override) - {program(s) for s in stages}
            if unknown:
                raise ValueError(f"stage_override names no stage of the pipeline: {sorted(unknown)}")
            stages = [self._override.get(program(s), s) for s in stages]
            if self._post_bidix:
                bidix = next((i for i, s in enumerate(stages) if any(a.endswith(".autobil.bin") for a in s)), None)
                if bidix is None:
                    raise ValueError(f"mode {self.mode} has no bilingual lookup stage (*.autobil.bin)")
                stages[bidix + 1:bidix + 1] = self._post_bidix
            if self._pre_cg:
                cg = next((i for i, s in enumerate(stages) if program(s) == "cg-proc"), None)
                if cg is None:
                    raise ValueError(f"mode {self.mode} has no constraint-grammar stage (cg-proc)")
                stages[cg:cg] = self._pre_cg
            self._stages = stages
        return self._stages

    def _stop(self) -> None:
        if self._pipeline is not None:
            self._pipeline.close()
            self._pipeline = None

