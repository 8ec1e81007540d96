"""Compile the overlay with Apertium's own tools into a cache folder, once per data/version.

The installed pair's binaries stay untouched: each overlay dictionary is compiled with
``lt-comp`` and merged into a copy of the installed transducer with ``lt-append`` (its
section is named ``translator-flow``: a section named ``main`` would *replace* the pair's
own), the lexical-selection rules with ``lrx-comp`` and the constraint grammar with
``cg-comp``. The result lives in ``$XDG_CACHE_HOME/translator-flow/apertium-overlay/<key>``,
where ``<key>`` hashes the overlay data, the installed package versions and the installed
binaries' sizes and times, so any change of either rebuilds it. A build takes ~1-2 s;
later runs only hash ~0.5 MB of data.

When a tool is missing or a build fails, :func:`build` warns (``OverlayUnavailable``,
naming the Debian packages to install) and returns None: the engine then runs the plain
pair with the post-hoc corrections, never silently.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

#: The data files of the overlay, in the order they are hashed.
DATA_FILES = ("rus.dix", "rus-bel.dix", "bel.dix", "rus-bel.lrx", "rus.rlx")
#: Sentences the merged grammar must treat like the two passes (see :func:`_merge_grammar`).
CHECK_TEXT = "grammar-check.ru.txt"
#: Tools the build needs → the Debian package that ships each (Makefile APT_PACKAGES).
TOOLS = {"lt-comp": "lttoolbox-dev", "lt-append": "lttoolbox-dev", "lrx-comp": "apertium-lex-tools-dev",
         "cg-comp": "cg3"}
#: Installed binary (basename, as in the mode file) ← overlay dictionary, lt-comp direction.
MERGED = {"rus-bel.automorf.bin": ("rus.dix", "lr"), "rus-bel.autobil.bin": ("rus-bel.dix", "lr"),
          "rus-bel.autogen.bin": ("bel.dix", "rl")}
#: The pair's constraint grammar (basename, as in the mode file), recompiled with the overlay's rules.
GRAMMAR = "rus-bel.rlx.bin"
DEFAULT_PAIR_DIR = Path("/usr/share/apertium/apertium-bel-rus")
_PACKAGES = ("apertium-bel-rus", "lttoolbox", "apertium-lex-tools", "cg3")


class OverlayUnavailable(UserWarning):
    """The overlay could not be built; the engine runs without it (the message says what to do)."""


@dataclass(frozen=True)
class Overlay:
    """A compiled overlay: where its files are and the hash the run signature carries."""

    directory: Path
    data_hash: str
    files: Mapping[str, str] = field(default_factory=dict)  # installed basename → merged path
    lrx: str = ""
    cg: str = ""
    seconds: float = 0.0  # build time (0 when taken from the cache)
    #: The pair's grammar with the overlay's rules in front ("" when it could not be made:
    #: then the overlay's grammar runs as a pass of its own, and ``cg_note`` says why).
    merged_cg: str = ""
    cg_note: str = ""

    def engine_options(self) -> dict[str, object]:
        """Keyword options for :class:`~translator_flow.engines.apertium.ApertiumEngine`.

        The overlay's lexical-selection rules take the place of the pair's own
        ``rus-bel.autolex.bin``: apertium-bel-rus 0.2.1 ships it without rules (411 bytes;
        its output equals its input on all 852 benchmark sentences), and one process fewer
        keeps the per-run cost down. The CG rules run inside the pair's own CG stage
        (:mod:`.pair_grammar`: the pair's grammar recompiled with them in front), or, when that
        grammar could not be made, as a stage of their own just before it.
        """
        if self.merged_cg:
            return {"data_files": {**self.files, "rus-bel.autolex.bin": self.lrx, GRAMMAR: self.merged_cg},
                    "overlay_hash": self.data_hash}
        return {
            "data_files": {**self.files, "rus-bel.autolex.bin": self.lrx},
            # Before the pair's grammar: these rules see every reading the analyser gave. No
            # ``-w``: it would recase lemmas to the surface («После<pr>»), and the pair's rules,
            # written for dictionary lemmas («после»), then miss sentence-initial words (46
            # other readings chosen on the 852 benchmark sentences; the pair's stage has -w).
            "pre_cg_stages": [["cg-proc", "-z", self.cg]],
            "overlay_hash": self.data_hash,
        }


def carried_corrections(folder: Path | None = None) -> frozenset[str]:
    """Russian lemmas whose ``bidix`` row of ``be_corrections.tsv`` the overlay's bilingual
    dictionary carries (generate.py marks those entries): with the overlay the lexical stage
    need not swap them again (36 of its 57 sed lines, ~0.045 s CPU per 852 sentences)."""
    text = ((folder or data_dir()) / "rus-bel.dix").read_text(encoding="utf-8")
    return frozenset(re.findall(r"<e><p><l>([^<]+)<s [^\n]*<!-- be_corrections\.tsv -->", text))


def data_dir() -> Path:
    """The folder of the overlay's data files (inside the installed package)."""
    return Path(str(resources.files(__package__)))


def data_hash(folder: Path | None = None) -> str:
    """sha256 (16 hex digits) of the overlay data: what the run signature records."""
    folder = folder or data_dir()
    h = hashlib.sha256()
    for name in DATA_FILES:
        h.update(name.encode() + b"\0" + (folder / name).read_bytes() + b"\0")
    return h.hexdigest()[:16]


def _installed_key(pair_dir: Path) -> str:
    """Package versions and the installed binaries' size/mtime: a change rebuilds the cache."""
    try:
        proc = subprocess.run(["dpkg-query", "-W", "-f=${Package} ${Version}\\n", *_PACKAGES],
                              capture_output=True, text=True, timeout=10, check=False)
        versions = proc.stdout
    except (OSError, subprocess.TimeoutExpired):
        versions = ""
    stats = []
    for name in sorted([*MERGED, GRAMMAR]):
        st = (pair_dir / name).stat()
        stats.append(f"{name} {st.st_size} {st.st_mtime_ns}")
    return hashlib.sha256((versions + "\n".join(stats)).encode()).hexdigest()[:12]


def cache_root() -> Path:
    """``$XDG_CACHE_HOME/translator-flow/apertium-overlay`` (``~/.cache`` when unset)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "translator-flow" / "apertium-overlay"


def missing_tools() -> list[str]:
    """Build tools not on PATH, each with the package that ships it."""
    return [f"{tool} ({pkg})" for tool, pkg in TOOLS.items() if shutil.which(tool) is None]


def build(*, pair_dir: Path = DEFAULT_PAIR_DIR, cache: Path | None = None, data: Path | None = None) -> Overlay | None:
    """The compiled overlay (built now, or taken from the cache), or None with a warning."""
    missing = missing_tools()
    if missing:
        packages = " ".join(sorted({TOOLS[m.split(" ")[0]] for m in missing}))
        warnings.warn(OverlayUnavailable(
            f"The Belarusian Apertium overlay is not used: {', '.join(missing)} missing. Drafts come from the plain"
            f" rus-bel pair with post-hoc corrections. Install the tools with `sudo apt-get install {packages}`."),
            stacklevel=2)
        return None
    data = data or data_dir()
    try:
        digest = data_hash(data)
        target = (cache or cache_root()) / f"{digest}-{_installed_key(pair_dir)}"
        if not (target / "ok").is_file():
            import time

            start = time.perf_counter()
            _compile(data, pair_dir, target)
            return _overlay(target, digest, time.perf_counter() - start)
    except (OSError, subprocess.SubprocessError) as exc:
        warnings.warn(OverlayUnavailable(
            f"The Belarusian Apertium overlay could not be built ({exc}); drafts come from the plain rus-bel pair."
            " Check that apertium-bel-rus is installed, or report the message."), stacklevel=2)
        return None
    return _overlay(target, digest, 0.0)


def _overlay(target: Path, digest: str, seconds: float) -> Overlay:
    merged, note_file = target / GRAMMAR, target / "cg-note"
    note = ("" if merged.is_file() else note_file.read_text(encoding="utf-8").strip() if note_file.is_file()
            else "the cached build has no merged grammar")
    return Overlay(target, digest, {name: str(target / name) for name in MERGED},
                   str(target / "rus-bel.lrx.bin"), str(target / "rus.rlx.bin"), seconds,
                   str(merged) if merged.is_file() else "", note)


def _run(argv: Sequence[str]) -> None:
    proc = subprocess.run(list(argv), capture_output=True, text=True, timeout=120, check=False)
    if proc.returncode != 0:
        tail = " ".join((proc.stderr or proc.stdout).split())[-300:]
        raise subprocess.SubprocessError(f"{Path(argv[0]).name} failed on {Path(argv[-2]).name}: {tail}")


def _compile(data: Path, pair_dir: Path, target: Path) -> None:
    """Build into a fresh temporary folder, then rename it into place (concurrent runs are safe)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=target.parent))
    try:
        for name, (source, direction) in MERGED.items():
            part = tmp / (source + ".bin")
            _run(["lt-comp", direction, str(data / source), str(part)])
            _run(["lt-append", str(pair_dir / name), str(part), str(tmp / name)])
        _run(["lrx-comp", str(data / "rus-bel.lrx"), str(tmp / "rus-bel.lrx.bin")])
        _run(["cg-comp", str(data / "rus.rlx"), str(tmp / "rus.rlx.bin")])
        note = _merge_grammar(data, pair_dir, tmp)
        if note:
            (tmp / "cg-note").write_text(note + "\n", encoding="utf-8")
        (tmp / "ok").write_text("built\n", encoding="utf-8")
        try:
            os.replace(tmp, target)
        except OSError:
            if not (target / "ok").is_file():  # not another run's finished build
                shutil.rmtree(target, ignore_errors=True)
                os.replace(tmp, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _merge_grammar(data: Path, pair_dir: Path, tmp: Path) -> str:
    """Compile the pair's grammar with the overlay's rules in front (:mod:`.pair_grammar`) and
    keep it only if it chooses the readings of the two passes on ``grammar-check.ru.txt``.
    Returns "" when kept, else why not (the overlay's grammar then runs as a pass of its own)."""
    from .pair_grammar import GrammarMergeError, compile_merged, same_choices

    if shutil.which("vislcg3") is None:
        return "vislcg3 (cg3) is missing"
    merged = tmp / (GRAMMAR + ".new")
    try:
        compile_merged(pair_dir / GRAMMAR, data / "rus.rlx", merged)
        if not same_choices(analysed_check_text(tmp / "rus-bel.automorf.bin"), pair_dir / GRAMMAR,
                            tmp / "rus.rlx.bin", merged):
            return f"the recompiled grammar chose other readings than the two passes on {CHECK_TEXT}"
    except (GrammarMergeError, OSError, ValueError, subprocess.SubprocessError) as exc:
        return f"the pair's grammar could not be recompiled with the overlay's rules ({exc})"
    merged.rename(tmp / GRAMMAR)
    return ""


def analysed_check_text(analyser: Path) -> bytes:
    """``grammar-check.ru.txt`` through ``analyser`` (``lt-proc -z -w``), one flushed segment a line."""
    lines = [line for line in (data_dir() / CHECK_TEXT).read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    text = "".join(re.sub(r"([\\\[\]^$/@<>{}*#+~|])", r"\\\1", line) + "\0" for line in lines)
    return subprocess.run(["lt-proc", "-z", "-w", str(analyser)], input=text.encode(), capture_output=True,
                          timeout=120, check=True).stdout
