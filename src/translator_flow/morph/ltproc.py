"""Apertium's ``lt-proc`` as long-lived processes: analyse, generate and look up words in batches.

Starting ``lt-proc`` costs 25–80 ms and a few thousand words then cost almost nothing
(engines-facts.md), so each transducer + mode gets ONE process per Python process,
started on first use and kept in null-flush mode (``-z``): a request is a batch of
lines ended by ``\\0``; lt-proc answers line for line and flushes on the ``\\0``.
Answers are cached for the process, so words repeated across documents cost nothing.

What the details rest on (lttoolbox 3.7.1, apertium-bel-rus 0.2.1; the fuzz test in
tests/test_lttoolbox.py checks them against one-shot runs):

* ``-g`` and ``-b`` wait for one more character after a final ``$`` before they flush;
  a newline after the last line is that blank (engines-facts.md, null-flush gotcha a).
* A newline is a blank in every mode and is copied to the output, so N lines in give N
  lines out — as long as no request line smuggles in a newline, ``\\0`` or an
  unescaped stream character. Analyser words therefore get ``\\ $ / < > @ [ ] ^ { }``
  escaped; generator and bilingual units must look like ``lemma<tag>…`` or are not
  sent; words with control characters are not sent (their answer is ``""``).
* A dead process, a timeout or an answer with the wrong number of lines costs one
  restart and one retry; after that the answer is None ("no answer") and the caller
  degrades (leaves a word marked, flags a term) instead of failing the run.

Processes run in their own session, so a Ctrl-C in the terminal reaches only Python
and never kills them mid-batch; they are killed when their :class:`LtProc` is
collected or closed, or at interpreter exit. After a ``fork`` the child starts its own.
"""

from __future__ import annotations

import os
import re
import selectors
import shutil
import subprocess
import threading
import time
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from collections.abc import Sequence

#: The Debian package apertium-bel-rus installs its transducers here.
PAIR_DIR = Path("/usr/share/apertium/apertium-bel-rus")
#: Belarusian morphology (the reverse pair's analyser).
BE_ANALYSER = PAIR_DIR / "bel-rus.automorf.bin"
#: Belarusian generator: ``вобласць<n><f><nn><sg><ins>`` → «вобласцю».
BE_GENERATOR = PAIR_DIR / "rus-bel.autogen.bin"
#: Russian → Belarusian bilingual dictionary: ``область<n>…`` → ``вобласць<n>…``.
RU_BE_BIDIX = PAIR_DIR / "rus-bel.autobil.bin"

Mode = Literal["analyse", "analyse-dictionary-case", "generate", "bilingual"]
#: lt-proc flags per mode. ``-w`` gives lemmas in dictionary case («МІНСК» → «Мінск»).
_FLAGS: dict[str, tuple[str, ...]] = {
    "analyse": (),
    "analyse-dictionary-case": ("-w",),
    "generate": ("-g",),
    "bilingual": ("-b",),
}
_ESCAPE = re.compile(r"([\\$/<>@\[\]^{}])")
# Control characters could end a line or the request; a lone surrogate cannot be encoded.
_CONTROL = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")
# ``lemma<tag><tag>…``: no stream characters, no marks (* # @ ~), no control characters.
_UNIT_TEXT = "[^\\\\$/<>@\\[\\]^{}*#~\x00-\x1f\x7f\ud800-\udfff]"
_UNIT = re.compile(rf"{_UNIT_TEXT}+(?:<{_UNIT_TEXT}+>)*")
# A lexical unit ``^surface/analysis/…$`` (its body), escapes included.
_UNITS = re.compile(r"\^((?:\\.|[^\\^$])*)\$")
_TAG = re.compile(r"<([^<>]+)>")
_CHUNK = 1 << 16
#: Cached answers per process before the cache starts afresh (a bound for endless batch
#: runs; ~100 bytes each, so about 20 MB at most).
CACHE_LIMIT = 200_000


@dataclass(frozen=True)
class Reading:
    """One analysis of a word: lemma and tags, e.g. ``вобласць`` + ``(n, f, nn, sg, gen)``."""

    lemma: str
    tags: tuple[str, ...]

    @property
    def pos(self) -> str:
        """The part of speech (the first tag), or "" when there are no tags."""
        return self.tags[0] if self.tags else ""

    def has(self, *tags: str) -> bool:
        """Whether the reading carries all of ``tags``."""
        return all(t in self.tags for t in tags)


def available(*paths: str | os.PathLike[str], lt_proc: str = "lt-proc") -> bool:
    """Whether ``lt-proc`` and all these transducer files are installed."""
    return shutil.which(lt_proc) is not None and all(os.path.isfile(p) for p in paths)


def readings(line: str | None) -> tuple[Reading, ...]:
    """Readings of the one word in an analyser answer line; ``()`` when unknown or not one word.

    Punctuation around the word is its own unit and is ignored («вобласць.» →
    ``^вобласць/…$^./.<sent>$``); a lone punctuation mark keeps its reading. A token the analyser splits into several words
    («9-й», «ад'ехала» with a typewriter apostrophe, «Мінск-Навіны») has no readings:
    any one part's readings would be wrong for the whole.
    """
    units = _UNITS.findall(line or "")
    words = [u for u in units if any(c.isalnum() for c in u.split("/", 1)[0])] or units
    return _parse_unit(words[0], skip="*") if len(words) == 1 else ()


def form(line: str | None) -> str | None:
    """The surface form in one generator answer line; None when generation failed.

    ``#lemma`` (no such form), ``@``/``*`` marks and leaked tags mean failure; ``~`` (a
    post-generation hint for the next stage, which we do not run) is removed.
    """
    text = (line or "").strip().replace("~", "")
    if not text or text[0] in "#@*" or "<" in text:
        return None
    return text


def translations(line: str | None) -> tuple[str, ...]:
    """Target lemmas in one bilingual answer line (``@`` = no entry, so none)."""
    units = _UNITS.findall(line or "")
    return tuple(r.lemma for r in _parse_unit(units[0], skip="@")) if len(units) == 1 else ()


def _parse_unit(body: str, skip: str) -> tuple[Reading, ...]:
    """Readings in ``surface/analysis/…`` (a unit's body); analyses starting with ``skip`` are marks."""
    if "\\" in body:  # escapes: a word with stream characters, never in the dictionary
        return ()
    out = []
    for part in body.split("/")[1:]:
        if part and not part.startswith(skip):
            out.append(Reading(part.split("<", 1)[0], tuple(_TAG.findall(part))))
    return tuple(out)


def _encode(mode: str, item: str) -> str | None:
    """The request line for ``item``, or None when it cannot be asked without breaking the stream."""
    if mode.startswith("analyse"):
        if not item or _CONTROL.search(item):
            return None
        return _ESCAPE.sub(r"\\\1", item)
    return f"^{item}$" if _UNIT.fullmatch(item) else None


def _kill(proc: subprocess.Popen[bytes], owner: int) -> None:
    """Kill ``proc`` if this process started it (a forked child must not kill its parent's)."""
    if os.getpid() != owner:
        return
    if proc.poll() is None:
        proc.kill()
    for stream in (proc.stdin, proc.stdout):
        if stream is not None:
            try:
                stream.close()
            except OSError:
                pass
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:  # pragma: no cover - SIGKILL cannot be ignored
        pass


class LtProc:
    """One long-lived ``lt-proc -z`` on one transducer and mode; every answer cached.

    Thread-safe (one request at a time). ``starts`` counts processes started and
    ``requests`` batches sent, for tests and benchmarks.
    """

    def __init__(
        self, path: str | os.PathLike[str], mode: Mode, *, lt_proc: str = "lt-proc", timeout: float = 20.0
    ) -> None:
        if mode not in _FLAGS:
            raise ValueError(f"unknown lt-proc mode {mode!r}; use one of {sorted(_FLAGS)}")
        self.path = Path(path)
        self.mode = mode
        self.lt_proc = lt_proc
        self.timeout = timeout
        self.starts = 0
        self.requests = 0
        self._cache: dict[str, str] = {}
        self._proc: subprocess.Popen[bytes] | None = None
        self._owner = 0
        self._finalizer: weakref.finalize | None = None
        self._lock = threading.Lock()
        _track(self)

    def __repr__(self) -> str:
        return f"LtProc({str(self.path)!r}, {self.mode!r}, pid={self.pid})"

    @property
    def argv(self) -> list[str]:
        """The command line of the process."""
        return [self.lt_proc, "-z", *_FLAGS[self.mode], str(self.path)]

    @property
    def pid(self) -> int | None:
        """The running process id (None before the first request or after a failure)."""
        proc = self._proc
        return proc.pid if proc is not None and self._owner == os.getpid() and proc.poll() is None else None

    def lookup(self, items: Sequence[str], *, timeout: float | None = None) -> list[str | None]:
        """lt-proc's answer line for each item, in order.

        ``""`` for an item that cannot be sent (empty, control characters, a malformed
        unit); None when lt-proc gave no answer (not installed, died or hung twice).
        ``timeout`` bounds the seconds one attempt may take (default: ``self.timeout``).
        """
        with self._lock:
            todo: dict[str, str] = {}
            for item in items:
                if item in self._cache or item in todo:
                    continue
                line = _encode(self.mode, item)
                if line is None:
                    self._cache[item] = ""
                else:
                    todo[item] = line
            if todo:
                if len(self._cache) + len(todo) > CACHE_LIMIT:
                    keep = set(items)  # this request's cached answers are still needed
                    self._cache = {k: v for k, v in self._cache.items() if k in keep}
                answers = self._request(list(todo.values()), self.timeout if timeout is None else timeout)
                if answers is not None:
                    self._cache.update(zip(todo, answers))
            return [self._cache.get(item) for item in items]

    def close(self) -> None:
        """Kill the process (the cache stays; the next request starts a new one)."""
        with self._lock:
            self._stop()

    # -- the process -------------------------------------------------------------------
    def _request(self, lines: list[str], timeout: float) -> list[str] | None:
        payload = ("\n".join(lines) + "\n\0").encode("utf-8")
        self.requests += 1
        for _ in range(2):  # one restart and retry, then "no answer"
            proc = self._ensure()
            if proc is None:
                return None
            raw = _exchange(proc, payload, timeout)
            if raw is not None:
                out = raw.decode("utf-8", "replace").split("\n")
                if len(out) == len(lines) + 1 and out[-1] == "":
                    return out[:-1]
            self._stop()  # dead, hung or out of step: never reuse its stream
        return None

    def _ensure(self) -> subprocess.Popen[bytes] | None:
        if self._proc is not None and self._owner != os.getpid():
            self._drop_inherited()
        if self._proc is not None and self._proc.poll() is None:
            return self._proc
        self._stop()
        try:
            proc = subprocess.Popen(
                self.argv,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                bufsize=0,
                # Own session: Ctrl-C in the terminal must not kill it mid-batch.
                start_new_session=True,
            )
        except OSError:
            return None
        assert proc.stdin is not None
        os.set_blocking(proc.stdin.fileno(), False)  # writes interleave with reads
        self._proc, self._owner = proc, os.getpid()
        self._finalizer = weakref.finalize(self, _kill, proc, self._owner)
        self.starts += 1
        return proc

    def _stop(self) -> None:
        if self._finalizer is not None:
            self._finalizer()  # kills the process once; a no-op when already done
            self._finalizer = None
        self._proc = None

    def _drop_inherited(self) -> None:
        """After a fork: forget the parent's process without touching it, close our copies."""
        proc, self._proc = self._proc, None
        if self._finalizer is not None:
            self._finalizer.detach()
            self._finalizer = None
        for stream in (proc.stdin, proc.stdout) if proc is not None else ():
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass


def _exchange(proc: subprocess.Popen[bytes], payload: bytes, timeout: float) -> bytes | None:
    """Write ``payload`` and read up to its ``\\0``; None on EOF, a write error or the deadline.

    Writing and reading interleave: a large batch would otherwise fill both pipes and
    deadlock. Anything after the ``\\0`` means the stream is out of step: None.
    """
    assert proc.stdin is not None and proc.stdout is not None
    wfd, rfd = proc.stdin.fileno(), proc.stdout.fileno()
    todo = memoryview(payload)
    buf = bytearray()
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as sel:
        sel.register(rfd, selectors.EVENT_READ)
        sel.register(wfd, selectors.EVENT_WRITE)
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            for key, _ in sel.select(left):
                if key.fd == wfd:
                    try:
                        todo = todo[os.write(wfd, todo[:_CHUNK]):]
                    except BlockingIOError:
                        continue
                    except OSError:  # BrokenPipeError: it died
                        return None
                    if not todo:
                        sel.unregister(wfd)
                    continue
                data = os.read(rfd, _CHUNK)
                if not data:
                    return None
                start = len(buf)
                buf += data
                cut = buf.find(b"\0", start)
                if cut >= 0:
                    return bytes(buf[:cut]) if cut == len(buf) - 1 and not todo else None


_SHARED: dict[tuple[str, str, str], LtProc] = {}
_SHARED_LOCK = threading.Lock()
_ALL: weakref.WeakSet[LtProc] = weakref.WeakSet()
_fork_hook_installed = False


def _track(proc: LtProc) -> None:
    """Remember ``proc`` so a forked child can reset it (the hook is installed on first use)."""
    global _fork_hook_installed
    _ALL.add(proc)
    if not _fork_hook_installed:
        _fork_hook_installed = True
        os.register_at_fork(after_in_child=_after_fork_in_child)


def _after_fork_in_child() -> None:
    # batch.py forks workers: a lock another thread held at the fork would never be
    # released in the child, and the parent's processes must stay the parent's.
    global _SHARED_LOCK
    _SHARED_LOCK = threading.Lock()
    for proc in list(_ALL):
        proc._lock = threading.Lock()
        if proc._proc is not None:
            proc._drop_inherited()


def shared(path: str | os.PathLike[str], mode: Mode, *, lt_proc: str = "lt-proc") -> LtProc:
    """The process-wide :class:`LtProc` for this transducer and mode (so caches are shared)."""
    key = (lt_proc, str(path), mode)
    with _SHARED_LOCK:
        proc = _SHARED.get(key)
        if proc is None:
            proc = _SHARED[key] = LtProc(path, mode, lt_proc=lt_proc)
        return proc


def close_all() -> None:
    """Kill every shared process (caches stay); later requests start new ones."""
    with _SHARED_LOCK:
        procs = list(_SHARED.values())
    for proc in procs:
        proc.close()
