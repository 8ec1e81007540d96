"""Shared test set-up: a private Argos home, the copy test model, and a network switch.

argostranslate creates its folders (data, config, cache, packages) when first imported and
reads a settings.json from the config folder, so the whole session points XDG_* and
ARGOS_PACKAGES_DIR at a throwaway folder: tests never touch the developer's home, and the
default packages folder is empty (no ru→en model) unless a test asks for one.

Fixtures:
- ``copy_model_path``: the ``.argosmodel`` built by ``tests/copymodel.py``, once a session.
- ``argos_home``: that model installed with argostranslate's own installer into a session
  packages folder (an :class:`ArgosHome`: ``packages_dir``, ``model``, ``env``).
- ``argos_env``: sets ``ARGOS_PACKAGES_DIR`` to that folder for one test (and for any
  subprocess it starts), so ``translator-flow translate --to en`` finds an ru→en model.
- ``no_network``: every socket connection and DNS lookup raises, for one test.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

_ISOLATED = ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "ARGOS_PACKAGES_DIR")
_saved_env: dict[str, str | None] = {}
_session_home: list[Path] = []


def pytest_configure(config: pytest.Config) -> None:
    home = Path(tempfile.mkdtemp(prefix="translator-flow-tests-"))
    _session_home.append(home)
    for key in _ISOLATED:
        _saved_env[key] = os.environ.get(key)
    os.environ["XDG_DATA_HOME"] = str(home / "data")
    os.environ["XDG_CACHE_HOME"] = str(home / "cache")
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["ARGOS_PACKAGES_DIR"] = str(home / "no-packages")


def pytest_unconfigure(config: pytest.Config) -> None:
    for key, value in _saved_env.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    for home in _session_home:
        shutil.rmtree(home, ignore_errors=True)


@dataclass(frozen=True)
class ArgosHome:
    """A packages folder with the copy model installed as the ru→en package."""

    packages_dir: Path
    model: object  # translator_flow.engines.models.ModelInfo

    @property
    def env(self) -> dict[str, str]:
        """Environment for a subprocess that should find this model."""
        return {**os.environ, "ARGOS_PACKAGES_DIR": str(self.packages_dir)}


@pytest.fixture(scope="session")
def copy_model_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A genuine translate-ru_en .argosmodel whose model copies its input."""
    from copymodel import build_copy_model

    return build_copy_model(tmp_path_factory.mktemp("copymodel"))


@pytest.fixture(scope="session")
def argos_home(copy_model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> ArgosHome:
    """The copy model installed by argostranslate's installer into a session folder."""
    from translator_flow.engines.models import install_model

    packages = tmp_path_factory.mktemp("argos-packages")
    info = install_model("ru-en", from_file=copy_model_path, packages_dir=packages)
    return ArgosHome(packages_dir=packages, model=info)


@pytest.fixture()
def argos_env(argos_home: ArgosHome, monkeypatch: pytest.MonkeyPatch) -> ArgosHome:
    """Make the installed copy model the default ru→en model for this test."""
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(argos_home.packages_dir))
    return argos_home


@pytest.fixture()
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to connect or resolve a host name raises OSError during this test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network disabled by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
