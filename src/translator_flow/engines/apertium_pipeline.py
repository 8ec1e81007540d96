"""The Apertium mode's stages as one long-lived chain of processes in null-flush mode.

The ``apertium`` shell wrapper is not used: it hides a crashing stage (only the last
stage's exit status reaches the shell) and its deformatters do not flush on ``\\0``.
Here the mode file is parsed into stages, the tagger stage is fixed (see
:func:`fix_tagger`), every stage gets ``-z``, and the processes are connected stdout to
stdin in one process group, so a hung or crashed chain can be killed as a whole.
"""

from __future__ import annotations

import functools
import os
import selectors
import shlex
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import weakref
from pathlib import Path
from typing import IO, Literal, NoReturn
from collections.abc import Iterator, Sequence

from ..errors import EngineError
from ..model import join_msgs, msg

Tagger = Literal["first", "hmm"]
#: Seconds between checks for a dead stage while waiting for output.
_POLL = 0.25


def read_mode(path: Path) -> list[list[str]]:
    """Parse a ``.mode`` file (a shell pipeline) into one argv per stage.

    ``$1`` is the generator's option (``-g``: keep the ``*``/``#``/``@`` marks); ``$2``
    (the wrapper's tagger option, empty by default) is dropped.
    """
    lexer = shlex.shlex(path.read_text(encoding="utf-8"), posix=True, punctuation_chars="|")
    lexer.whitespace_split = True
    stages: list[list[str]] = [[]]
    for token in lexer:
        if token == "|":
            stages.append([])
        elif token == "$1":
            stages[-1].append("-g")
        elif not (token.startswith("$") and token[1:].isdigit()):
            stages[-1].append(token)
    return [s for s in stages if s]


def program(argv: Sequence[str]) -> str:
    """The program name of a stage (``apertium-tagger`` for ``/usr/bin/apertium-tagger -g``)."""
    return os.path.basename(argv[0])


def fix_tagger(stages: list[list[str]], tagger: Tagger, prob_copy: Path | None = None) -> list[list[str]]:
    """Replace the crashing ``apertium-tagger -g X.prob`` stage (apertium issue #223).

    apertium 3.8.2+ first reads the model as a perceptron; the old HMM ``.prob`` parses
    "successfully", and tagging then aborts or segfaults on any word the constraint
    grammar left ambiguous. ``"first"`` drops the tagger and lets ``cg-proc -1 -n`` keep
    the first reading in the tagger's output format; ``"hmm"`` points the tagger at
    ``prob_copy``, a copy made by :func:`write_hmm_prob` that the perceptron reader
    rejects, so the real HMM tagger runs.
    """
    out: list[list[str]] = []
    for argv in stages:
        if program(argv) != "apertium-tagger":
            out.append(list(argv))
        elif tagger == "first":
            if not out or program(out[-1]) != "cg-proc":
                raise EngineError("The Apertium mode has no cg-proc stage before its tagger; use tagger='hmm'.")
            out[-1] = [out[-1][0], "-1", "-n", *out[-1][1:]]
        else:
            if prob_copy is None:
                raise ValueError("tagger='hmm' needs the patched .prob copy")
            out.append([a if not a.endswith(".prob") else str(prob_copy) for a in argv])
    return out


@functools.cache
def _generator_takes_n() -> bool:
    """Whether this lt-proc has ``-N`` (lttoolbox 3.5+; checked once, from its help text)."""
    try:
        proc = subprocess.run(["lt-proc", "-h"], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "--analyses" in proc.stdout + proc.stderr


def one_form_per_word(stages: list[list[str]]) -> list[list[str]]:
    """The generator stage (``lt-proc -g``) told to print one form of each word (``-N 1``).

    apertium-bel has two paradigms for some verbs and prints both forms, «Захапіўшы/Захоплеўшы
    горад», «выяўленыя/выяялененыя»; the post-generator then escapes the slash like one of the
    source text, so the draft kept both. The first is the standard form in every case seen (12
    drafts of 1,188 benchmark, dev and held-out sentences), and the unknown-word fallback keeps
    the first too (``morph.belarusian``). Without ``-N`` (lttoolbox before 3.5) stages are kept.
    """
    if not _generator_takes_n():
        return stages
    return [[*argv[:argv.index("-g") + 1], "-N", "1", *argv[argv.index("-g") + 1:]]
            if program(argv) == "lt-proc" and "-g" in argv else argv for argv in stages]


def _mb_read(data: bytes, i: int) -> tuple[int, int]:
    """lttoolbox ``Compression::multibyte_read``: the top two bits give the length."""
    up = data[i]
    size = 1 + (up >> 6)
    value = up & 0x3F
    for b in data[i + 1:i + size]:
        value = (value << 8) | b
    return value, i + size


def write_hmm_prob(src: Path, dst: Path) -> Path:
    """Copy an HMM ``.prob`` so that apertium-tagger must read it as HMM.

    The leading open-class count and its deltas are rewritten in lttoolbox's 2-byte
    multibyte form, which ``Compression::multibyte_read`` accepts as the same numbers;
    the perceptron deserialiser, reading the same bytes as length-prefixed integers,
    then runs off the end of the file and throws, and the tagger falls back to HMM.
    Measured on apertium 3.8.3: output equals a forced HMM run, and no crash.
    """
    data = src.read_bytes()
    count, i = _mb_read(data, 0)
    values = [count]
    for _ in range(count):
        v, i = _mb_read(data, i)
        values.append(v)
    if any(v >= 0x4000 for v in values):
        raise EngineError(f"Unexpected tagger model layout in {src}; use tagger='first'.")
    head = b"".join(bytes([0x40 | (v >> 8), v & 0xFF]) for v in values)
    dst.write_bytes(head + data[i:])
    return dst


def missing_parts(stages: Sequence[Sequence[str]]) -> list[str]:
    """Programs not on PATH and data files (absolute paths in the mode) that do not exist."""
    missing = [program(s) for s in stages if shutil.which(s[0]) is None]
    for argv in stages:
        missing += [a for a in argv[1:] if a.startswith("/") and not os.path.exists(a)]
    return missing


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return str(number)


class PipelineFailure(Exception):
    """The chain failed while segment ``index`` (position in the streamed batch) was pending."""

    def __init__(self, index: int, reason: str) -> None:
        super().__init__(reason)
        self.index = index
        self.reason = reason


def _kill(procs: list[subprocess.Popen[bytes]], pgid: int) -> None:
    if any(p.poll() is None for p in procs):
        try:
            os.killpg(pgid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    for p in procs:
        try:
            p.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover - SIGKILL is not ignorable
            pass


class Pipeline:
    """One running chain of stages: write null-terminated segments, read them back in order."""

    def __init__(self, stages: Sequence[Sequence[str]]) -> None:
        self.stages = [list(s) for s in stages]
        self.procs: list[subprocess.Popen[bytes]] = []
        self._stderr: list[IO[bytes]] = []
        self._buf = bytearray()
        try:
            for argv in self.stages:
                err = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the stage; closed in close()
                self._stderr.append(err)
                first = not self.procs
                proc = subprocess.Popen(
                    argv,
                    stdin=subprocess.PIPE if first else self.procs[-1].stdout,
                    stdout=subprocess.PIPE,
                    stderr=err,
                    # One new process group, so a hung chain is killed as a whole; not
                    # the terminal's foreground group, so Ctrl-C reaches only Python.
                    process_group=0 if first else self.procs[0].pid,
                )
                if not first:
                    self.procs[-1].stdout.close()  # type: ignore[union-attr]  # the next stage owns it now
                self.procs.append(proc)
        except OSError as exc:
            self.close()
            raise EngineError(f"Cannot start Apertium stage {program(argv)}: {exc}") from exc
        self._finalizer = weakref.finalize(self, _kill, self.procs, self.procs[0].pid)

    def dead(self) -> bool:
        """True when some stage has exited: in a streaming chain that is always a failure."""
        return any(p.poll() is not None for p in self.procs)

    def diagnosis(self) -> str:
        """Which stage stopped and how, with the end of what it printed, for the reviewer.

        Stages we killed (SIGKILL), that died writing into a dead neighbour (SIGPIPE) or
        that ended cleanly after their input ended are consequences, not causes.
        """
        notes: list[str] = []
        stopped: list[str] = []
        for argv, proc, err in zip(self.stages, self.procs, self._stderr):
            code = proc.poll()
            if code == 0:
                stopped.append(msg("Apertium stage {stage} stopped early (exit code 0)", stage=program(argv)))
            if code is None or code in (0, -signal.SIGKILL, -signal.SIGPIPE):
                continue
            err.seek(0, os.SEEK_END)
            err.seek(max(0, err.tell() - 300))
            text = " ".join(err.read().decode("utf-8", "replace").split())
            how = (msg("was killed by signal {signal}", signal=_signal_name(-code)) if code < 0
                   else msg("exited with code {code}", code=str(code)))
            notes.append(msg("Apertium stage {stage} {how} ({output})", stage=program(argv), how=how, output=text)
                         if text else msg("Apertium stage {stage} {how}", stage=program(argv), how=how))
        # Downstream stages exit cleanly once an upstream one is gone: name the cause.
        return join_msgs(notes or stopped[:1])

    def stream(self, payloads: Sequence[bytes], waits: Sequence[float]) -> Iterator[bytes]:
        """Write ``payloads`` (each ending in ``\\0``) on a thread; yield each output in order.

        Writing runs beside reading, otherwise large batches fill the pipes and both
        sides block. ``waits[i]`` bounds the seconds to wait for output ``i`` after the
        previous one arrived. On a timeout, a dead stage or end of output this raises
        :class:`PipelineFailure` for the pending segment; the caller must then
        :meth:`close` this pipeline.
        """
        stdin = self.procs[0].stdin
        assert stdin is not None

        def write() -> None:
            try:
                for p in payloads:
                    stdin.write(p)
                stdin.flush()
            except (OSError, ValueError):
                pass  # the chain died or was killed; the reader reports why

        writer = threading.Thread(target=write, name="apertium-writer", daemon=True)
        writer.start()
        fd = self.procs[-1].stdout.fileno()  # type: ignore[union-attr]
        with selectors.DefaultSelector() as sel:
            sel.register(fd, selectors.EVENT_READ)
            for index, wait in enumerate(waits):
                deadline = time.monotonic() + wait
                while True:
                    cut = self._buf.find(b"\0")
                    if cut > 0:
                        chunk = bytes(self._buf[:cut])
                        del self._buf[:cut + 1]
                        yield chunk
                        break
                    if cut == 0:  # an extra flush mark (cg-proc doubles them) carries nothing
                        del self._buf[:1]
                        continue
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise PipelineFailure(index, msg("Apertium gave no output within {seconds} s (a stage hung)",
                                                            seconds=f"{wait:.0f}"))
                    # Wake up now and then to notice a dead stage: the transfer stages
                    # do not exit on a stream cut inside a superblank, so a crash
                    # upstream would otherwise look like a hang.
                    if not sel.select(min(left, _POLL)):
                        if self.dead():
                            self._fail(index)
                        continue
                    data = os.read(fd, 1 << 16)
                    if not data:
                        self._fail(index)
                    self._buf += data
        writer.join(timeout=1)

    def _fail(self, index: int) -> NoReturn:
        time.sleep(0.05)  # let the neighbours' exit statuses settle for the diagnosis
        raise PipelineFailure(index, self.diagnosis() or msg("the Apertium pipeline stopped"))

    def close(self) -> None:
        """Kill the whole process group and release the stderr files."""
        finalizer = getattr(self, "_finalizer", None)
        if finalizer is not None:
            finalizer.detach()
        if self.procs:
            _kill(self.procs, self.procs[0].pid)
            for p in self.procs:
                for f in (p.stdin, p.stdout):
                    if f is not None:
                        try:
                            f.close()
                        except OSError:
                            pass
        for err in self._stderr:
            err.close()
        self._stderr = []


def plain_command(stages: Sequence[Sequence[str]]) -> str:
    """The stages as one shell pipeline between ``apertium-destxt`` and ``apertium-retxt``."""
    parts = ["apertium-destxt", *(shlex.join(s) for s in stages), "apertium-retxt"]
    return " | ".join(parts)
