"""Safe output files: sanitised names, the overwrite policy and atomic writes.

Every output goes to a temporary file in the target folder, is flushed to disk, then
renamed over the final name in one step, so an interrupted run (Ctrl-C, a crash, a full
disk) never leaves a half-written file under a real output name. Without ``force`` the
final step refuses to replace a file that appeared in the meantime.
"""

from __future__ import annotations

import os
import re
import secrets
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import OutputError

#: Every temporary file starts with this, so a batch run can sweep leftovers of killed runs.
TEMP_PREFIX = ".tf-tmp-"
#: File names are limited to 255 bytes: a stem of at most 200 UTF-8 bytes leaves room for the
#: longest suffix (".combined.review.docx") and the temporary-name prefix and token.
MAX_STEM_BYTES = 200

# \w is Unicode-aware: «пресс-релиз.ru.docx» keeps a readable Cyrillic stem.
_UNSAFE = re.compile(r"[^\w.\-]+")
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def _cut_utf8(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` UTF-8 bytes, never inside a character."""
    return text.encode("utf-8")[:limit].decode("utf-8", "ignore")


def safe_stem(name: str) -> str:
    """Make ``name`` safe as a file-name stem: no separators, no ``..``, no hidden/dash start."""
    stem = unicodedata.normalize("NFC", name)
    stem = _UNSAFE.sub("_", stem.replace("/", "_").replace("\\", "_"))
    stem = re.sub(r"\.{2,}", ".", stem)
    stem = re.sub(r"_{2,}", "_", stem)
    stem = _cut_utf8(stem.strip("._-"), MAX_STEM_BYTES).rstrip("._-")
    if not stem:
        return "release"
    if stem.split(".")[0].lower() in _WINDOWS_RESERVED:
        stem = "_" + stem
    return stem


def default_stem(source_path: str | os.PathLike[str]) -> str:
    """The output stem for an input file: ``release.ru.docx`` → ``release`` (sanitised)."""
    name = re.split(r"[\\/]", os.fspath(source_path))[-1]
    base, dot, ext = name.rpartition(".")
    if dot and base and 1 <= len(ext) <= 5:
        name = base
    if name.lower().endswith(".ru"):
        name = name[:-3]
    return safe_stem(name)


def check_targets(paths: Iterable[Path], *, force: bool) -> None:
    """Refuse before anything is written: existing outputs need ``force``; folders never."""
    paths = list(paths)
    for path in paths:
        if path.is_dir():
            raise OutputError(f"{path} is a folder, not a file; remove it or choose another --out.")
    existing = [p for p in paths if p.exists() or p.is_symlink()]
    if existing and not force:
        more = f" (and {len(existing) - 1} more output(s))" if len(existing) > 1 else ""
        raise OutputError(f"{existing[0]} already exists{more}; use --force to overwrite. Nothing was written.")


def ensure_out_dir(out_dir: Path) -> None:
    """Create the output folder if needed; say how to fix a path that cannot hold outputs."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"Output folder {out_dir} is a file; choose another --out.")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"Cannot create output folder {out_dir}: {exc.strerror or exc}; "
                          "choose a writable folder with --out.") from None
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise OutputError(f"Output folder {out_dir} is not writable; fix its permissions "
                          "or choose another folder with --out.")


def temp_path(path: Path) -> Path:
    """A fresh temporary name next to ``path`` (same folder, so the rename is atomic)."""
    return path.with_name(f"{TEMP_PREFIX}{path.name}.{secrets.token_hex(4)}")


def atomic_write(path: Path, fill: Callable[[Path], None], *, force: bool = False) -> None:
    """Let ``fill`` write a temporary file, flush it to disk, then move it onto ``path``.

    Without ``force`` an existing ``path`` is never replaced (a hard link makes the check and
    the rename one step; on file systems without hard links, a check just before).
    """
    tmp = temp_path(path)
    try:
        fill(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        if force:
            os.replace(tmp, path)
        else:
            _move_no_clobber(tmp, path)
        _fsync_dir(path.parent)
    except FileExistsError:
        raise OutputError(f"{path} already exists; use --force to overwrite.") from None
    except OSError as exc:
        raise OutputError(f"Cannot write {path}: {exc.strerror or exc}; check free space and "
                          "permissions of the output folder, or choose another --out.") from None
    finally:
        if tmp.exists():
            tmp.unlink()


def atomic_write_bytes(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_write`)."""

    def fill(tmp: Path) -> None:
        # O_EXCL: never write through a file or symlink someone placed at the temp name.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)

    atomic_write(path, fill, force=force)


def _move_no_clobber(tmp: Path, path: Path) -> None:
    try:
        os.link(tmp, path)  # fails with FileExistsError if path appeared meanwhile
    except FileExistsError:
        raise
    except OSError:  # no hard links here (FAT, some network shares)
        if path.exists() or path.is_symlink():
            raise FileExistsError(path) from None
        os.replace(tmp, path)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open folders, which is fine.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
