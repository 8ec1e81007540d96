"""Argos model management: list installed packages, install one online or from a file.

Also the one place that imports argostranslate (:func:`import_argostranslate`), so that
every caller gets it the same way: only when asked, fast, and unable to reach the network
through its sentence splitters. Nothing here runs at import time.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import sys
import threading
import types
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ..errors import ConfigError, EngineUnavailable, ReaderError

#: Where the Argos index lives (argostranslate's default ``ARGOS_PACKAGE_INDEX``).
INDEX_HOME = "https://github.com/argosopentech/argospm-index/blob/main/index.json"

_IMPORT_LOCK = threading.Lock()
_INSTALL_LOCK = threading.Lock()


@dataclass(frozen=True)
class ModelInfo:
    """One installed Argos package: its pair, version and folder (``problem`` if broken)."""

    from_code: str
    to_code: str
    version: str
    path: Path
    code: str = ""  # argospm name, e.g. "translate-ru_en"
    problem: str = ""  # why the package cannot be used ("" when it can)

    @property
    def model_id(self) -> str:
        """Package name and version, for run signatures: ``translate-ru_en 1.9``."""
        return f"{self.code} {self.version}".strip()


def import_argostranslate() -> types.ModuleType:
    """Import argostranslate (package, translate, settings) and return the top package.

    argostranslate.translate imports its sentence splitters at module level: spaCy (which
    pulls in torch: 2 s and 320 MB), stanza (torch again) and MiniSBD (onnxruntime, which
    also writes to ~/.cache). translator-flow splits sentences itself and never calls
    them, so for the duration of the import spaCy is hidden (argostranslate treats it as
    absent) and stanza and MiniSBD are stubs that raise if anything ever uses them.
    Measured: 0.06 s and 32 MB RSS instead of 1.5–2.2 s and 320 MB. The entries are
    removed right after, so a later ``import stanza`` elsewhere gets the real library.
    """
    with _IMPORT_LOCK:
        if "argostranslate.translate" not in sys.modules:
            hidden: dict[str, Any] = {}
            if "spacy" not in sys.modules:
                hidden["spacy"] = None  # `import spacy` raises ImportError
            if "stanza" not in sys.modules:
                hidden["stanza"] = _stub("stanza")
            if "minisbd" not in sys.modules:
                hidden["minisbd"] = _stub("minisbd", SBDetect=_unavailable, models=_stub("minisbd.models"))
            sys.modules.update(hidden)
            try:
                import argostranslate.translate
            finally:
                for name, value in hidden.items():
                    if sys.modules.get(name) is value:
                        del sys.modules[name]
            _quiet_info_log()
        import argostranslate
        import argostranslate.package
        import argostranslate.settings
        import argostranslate.translate

        return argostranslate


def _quiet_info_log() -> None:
    """Keep argostranslate's INFO log off unless Argos's own ``ARGOS_DEBUG`` asks for it.

    Its ``utils.info`` turns every argument into a string before the logger decides to
    drop it: for one document that is the whole tokenised batch and every CTranslate2
    result. At the real model's size (852 sentences, benchmarks/english.py's model) that
    cost 2–7% of the CPU time (two runs each) and 10–20 MB of peak memory. Below INFO it
    is never built.
    """
    import logging

    import argostranslate.settings
    import argostranslate.utils

    if not argostranslate.settings.debug and argostranslate.utils.logger.level < logging.WARNING:
        argostranslate.utils.logger.setLevel(logging.WARNING)
    for module in ("translate", "package", "networking", "sbd", "tags"):
        loaded = sys.modules.get(f"argostranslate.{module}")
        if loaded is not None and getattr(loaded, "info", None) is argostranslate.utils.info:
            loaded.info = _lazy_info  # type: ignore[attr-defined]


def _lazy_info(*argv: Any) -> None:
    """argostranslate.utils.info, formatting only when the message is logged."""
    import argostranslate.utils

    if argostranslate.utils.logger.isEnabledFor(20):  # logging.INFO
        argostranslate.utils.logger.info(str(argv))


_STUB_MESSAGE = (
    "not loaded by translator-flow: it splits sentences itself and hands Argos one sentence at a time"
)


def _unavailable(*args: Any, **kwargs: Any) -> Any:
    raise ImportError(f"Argos's sentence splitter was {_STUB_MESSAGE}")


def _stub(name: str, **attrs: Any) -> types.ModuleType:
    """A stand-in module: the given attributes, and an ImportError for anything else."""
    stub = types.ModuleType(name)
    stub.__dict__.update(attrs)

    def __getattr__(attr: str) -> Any:
        if attr.startswith("__"):  # the import system probes __path__, __spec__, ...
            raise AttributeError(attr)
        raise ImportError(f"{name}.{attr}: {name} was {_STUB_MESSAGE}")

    stub.__getattr__ = __getattr__  # type: ignore[method-assign]
    return stub


def resolve_packages_dir(packages_dir: Path | None = None) -> Path:
    """The Argos packages folder: ``packages_dir``, else ``$ARGOS_PACKAGES_DIR``, else
    argostranslate's own default (its settings.json, then ``$XDG_DATA_HOME``)."""
    if packages_dir is not None:
        return Path(packages_dir).expanduser()
    env = os.environ.get("ARGOS_PACKAGES_DIR")
    if env:
        return Path(env).expanduser()
    settings = import_argostranslate().settings
    return Path(settings.get_setting("ARGOS_PACKAGES_DIR", default=settings.data_dir / "packages"))


def list_models(packages_dir: Path | None = None) -> list[ModelInfo]:
    """Every package installed in the Argos packages folder, broken ones with ``problem``."""
    folder = resolve_packages_dir(packages_dir)
    if not folder.is_dir():
        return []
    package = import_argostranslate().package
    found = []
    for path in sorted(p for p in folder.iterdir() if p.is_dir()):
        try:
            pkg = package.Package(path)
        except Exception as exc:  # missing or invalid metadata.json
            found.append(ModelInfo("", "", "", path, problem=f"unreadable metadata.json ({exc})"))
            continue
        problem = ""
        if pkg.type != "translate":
            problem = f"a {pkg.type} package, not a translation model"
        elif not (path / "model" / "model.bin").is_file():
            problem = "no model/model.bin"
        elif not hasattr(pkg, "tokenizer"):
            problem = "no sentencepiece.model or bpe.model"
        found.append(
            ModelInfo(
                from_code=pkg.from_code or "",
                to_code=pkg.to_code or "",
                version=str(pkg.package_version),
                path=path,
                code=package.argospm_package_name(pkg),
                problem=problem,
            )
        )
    return found


def find_model(src: str, tgt: str, packages_dir: Path | None = None) -> ModelInfo | None:
    """The usable installed package for ``src``→``tgt`` with the highest version, if any."""
    usable = [
        m for m in list_models(packages_dir) if (m.from_code, m.to_code) == (src, tgt) and not m.problem
    ]
    return max(usable, key=lambda m: _version_key(m.version), default=None)


def _version_key(version: str) -> tuple[int, Any]:
    from packaging.version import InvalidVersion, Version  # argostranslate depends on packaging

    try:
        return (1, Version(version))
    except InvalidVersion:
        return (0, version)


def parse_pair(pair: str) -> tuple[str, str]:
    """``"ru-en"`` (also ``ru_en``, ``ru→en``) → ``("ru", "en")``; ConfigError otherwise."""
    for sep in ("-", "_", "→"):
        parts = pair.strip().lower().split(sep)
        if len(parts) == 2 and all(p.isalpha() and 2 <= len(p) <= 3 for p in parts):
            return parts[0], parts[1]
    raise ConfigError(f"Not a language pair: {pair!r}. Write it as SOURCE-TARGET, e.g. ru-en.")


def check_model_file(path: Path, src: str, tgt: str) -> str:
    """Validate an ``.argosmodel`` file for ``src``→``tgt``; return its top folder name.

    A package is a zip of one folder holding metadata.json, model/ (CTranslate2) and a
    tokenizer. Checked before anything is installed, so a bad file changes nothing.
    """
    fix = f"Use a translate-{src}_{tgt}.argosmodel package from the Argos index ({INDEX_HOME})."
    if not zipfile.is_zipfile(path):
        raise ReaderError(f"{path} is not an Argos model (.argosmodel files are zip archives). {fix}")
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            tops = {PurePosixPath(n).parts[0] for n in names if n.strip("/")}
            if len(tops) != 1 or any(n.startswith("/") or ".." in PurePosixPath(n).parts for n in names):
                raise ReaderError(f"{path} is not an Argos model: it must hold exactly one folder. {fix}")
            top = tops.pop()
            try:
                metadata = json.loads(archive.read(f"{top}/metadata.json"))
            except KeyError:
                raise ReaderError(f"{path} is not an Argos model: {top}/metadata.json is missing. {fix}") from None
            except ValueError as exc:
                raise ReaderError(f"{path}: {top}/metadata.json is not valid JSON ({exc}). {fix}") from None
            if not isinstance(metadata, dict):
                raise ReaderError(f"{path}: {top}/metadata.json is not a JSON object. {fix}")
            found = (metadata.get("from_code"), metadata.get("to_code"))
            if metadata.get("type", "translate") != "translate" or found != (src, tgt):
                raise ReaderError(
                    f"{path} is a {metadata.get('type', 'translate')} package for {found[0]}→{found[1]}, "
                    f"not a translation model for {src}→{tgt}. {fix}"
                )
            missing = [
                need
                for need, options in (
                    ("model/model.bin", ("model/model.bin",)),
                    ("sentencepiece.model or bpe.model", ("sentencepiece.model", "bpe.model")),
                )
                if not any(f"{top}/{o}" in names for o in options)
            ]
            if missing:
                raise ReaderError(f"{path} is an incomplete Argos model: no {', '.join(missing)}. {fix}")
            bad = archive.testzip()
            if bad is not None:
                raise ReaderError(f"{path} is corrupt ({bad} fails its checksum). Download it again.")
    except (zipfile.BadZipFile, zlib.error, OSError) as exc:
        raise ReaderError(f"{path} is corrupt or unreadable ({exc}). Download it again. {fix}") from None
    return top


def install_model(
    pair: str = "ru-en",
    from_file: Path | None = None,
    packages_dir: Path | None = None,
    timeout: float = 10.0,
) -> ModelInfo:
    """Install the Argos package for ``pair``, from ``from_file`` or from the Argos index.

    The file is validated first; an installed package for the same pair is replaced (the
    engine would otherwise have to guess between them). Installation goes through
    argostranslate's own ``package.install_from_path``. Offline, the index fetch fails
    within ``timeout`` seconds with an EngineUnavailable that explains ``--from-file``.
    """
    src, tgt = parse_pair(pair)
    folder = resolve_packages_dir(packages_dir)
    argos = import_argostranslate()
    downloaded = None
    if from_file is None:
        from_file = downloaded = _download(argos, src, tgt, timeout)
    try:
        top = check_model_file(Path(from_file), src, tgt)
        folder.mkdir(parents=True, exist_ok=True)
        with _INSTALL_LOCK:
            for old in list_models(folder):
                if old.path.name == top or (old.from_code, old.to_code) == (src, tgt):
                    shutil.rmtree(old.path)
            # install_from_path extracts into settings.package_data_dir, which argostranslate
            # fixed at import time; point it at our folder for this call only.
            settings = argos.settings
            saved = settings.package_data_dir
            settings.package_data_dir = folder
            try:
                argos.package.install_from_path(Path(from_file))
            finally:
                settings.package_data_dir = saved
    finally:
        if downloaded is not None:
            downloaded.unlink(missing_ok=True)
    installed = [m for m in list_models(folder) if m.path.name == top]
    if not installed or installed[0].problem:
        problem = installed[0].problem if installed else "nothing was extracted"
        raise EngineUnavailable(f"Installing {from_file} into {folder} failed: {problem}.")
    return installed[0]


def _download(argos: types.ModuleType, src: str, tgt: str, timeout: float) -> Path:
    """Fetch the Argos index (with a timeout) and download the best package for the pair."""
    import urllib.request

    settings = argos.settings
    url = settings.remote_package_index
    offline_fix = (
        f"On a machine with internet access, download translate-{src}_{tgt}-*.argosmodel "
        f"(links in {INDEX_HOME}), copy it here and run "
        f"`translator-flow models install {src}-{tgt} --from-file PATH.argosmodel`."
    )
    # Same as argostranslate.package.update_package_index(), which has no timeout and
    # swallows errors: an offline machine would hang or fail silently.
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            data = response.read()
        json.loads(data)
    except (OSError, ValueError) as exc:
        raise EngineUnavailable(f"Cannot reach the Argos package index {url} ({exc}). {offline_fix}") from None
    Path(settings.local_package_index).write_bytes(data)
    candidates = [
        p
        for p in argos.package.get_available_packages()
        if p.type == "translate" and (p.from_code, p.to_code) == (src, tgt)
    ]
    if not candidates:
        raise EngineUnavailable(f"The Argos index has no {src}→{tgt} package ({url}).")
    best = max(candidates, key=lambda p: _version_key(str(p.package_version)))
    saved = socket.getdefaulttimeout()
    socket.setdefaulttimeout(max(timeout, 30.0))  # argostranslate's download has none
    try:
        return Path(best.download())
    except Exception as exc:
        raise EngineUnavailable(f"Downloading {best.links} failed ({exc}). {offline_fix}") from None
    finally:
        socket.setdefaulttimeout(saved)


def ensure_model(
    pair: str = "ru-en", packages_dir: Path | None = None, timeout: float = 5.0
) -> tuple[ModelInfo | None, bool, str]:
    """The installed model for ``pair``, installing it from the Argos index when none is.

    Returns ``(model or None, whether an install was attempted, what happened)``. Nothing
    is fetched when a usable model is installed. The index fetch is bounded by
    ``timeout`` (``$ARGOS_PACKAGE_INDEX`` is Argos's own setting for the index location);
    offline, the message says how to install from a file instead.
    """
    src, tgt = parse_pair(pair)
    present = find_model(src, tgt, packages_dir)
    if present is not None:
        return present, False, f"{src}→{tgt} model {present.model_id} is installed ({present.path})."
    try:
        info = install_model(pair, packages_dir=packages_dir, timeout=timeout)
    except (EngineUnavailable, ReaderError) as exc:
        fix = "" if "--from-file" in str(exc) else (
            f" Install it from a file: `translator-flow models install {src}-{tgt} --from-file PATH.argosmodel`."
        )
        return None, True, f"No {src}→{tgt} model is installed, and installing it failed: {exc}{fix}"
    return info, True, f"Installed {src}→{tgt} model {info.model_id} in {info.path}."
