"""`make demo` installs the English model only when none is installed, and never hangs.

`make demo` runs `translator-flow demo`; these tests run that command (and the function it
calls) with the Argos index (``$ARGOS_PACKAGE_INDEX``, Argos's own setting) pointed at a
local port: a closed one stands in for an offline machine, a listening one that never
answers for a network that hangs, and a counting one proves that an installed model means
no connection at all.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Written for this test (not copied from any release).
SAMPLE = "Делегация посетила выставку в Минске 12 марта 2025 года.\n\nПереговоры прошли успешно.\n"


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again on exit: connecting is refused


class _Listener:
    """A local port that accepts connections, counts them and never answers."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._held: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            self._held.append(conn)  # keep it open, say nothing

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        for conn in self._held:
            conn.close()
        self.sock.close()


@pytest.fixture()
def listener() -> Iterator[_Listener]:
    server = _Listener()
    yield server
    server.close()


def _demo(tmp_path: Path, packages: Path, port: int, *extra: str) -> tuple[subprocess.CompletedProcess[str], float]:
    samples = tmp_path / "samples"
    samples.mkdir(exist_ok=True)
    (samples / "visit.ru.txt").write_text(SAMPLE, encoding="utf-8")
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(packages), "ARGOS_PACKAGE_INDEX": f"http://127.0.0.1:{port}/",
           "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "translator_flow", "demo", "--samples", str(samples), "--out", str(tmp_path / "out"),
         "--install-timeout", "1.5", *extra],
        capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path,
    )
    return done, time.monotonic() - start


# -- the function the demo calls (fast) --------------------------------------------------


def test_installed_model_means_no_connection(argos_home, listener: _Listener, monkeypatch) -> None:
    import argostranslate.settings

    from translator_flow.engines.models import ensure_model

    monkeypatch.setattr(argostranslate.settings, "remote_package_index", f"http://127.0.0.1:{listener.port}/index.json")
    info, attempted, message = ensure_model("ru-en", argos_home.packages_dir, timeout=1.0)
    assert info is not None and info.path == argos_home.model.path
    assert not attempted and "is installed" in message
    time.sleep(0.2)
    assert listener.connections == 0


def test_no_model_and_closed_port_fails_fast_with_the_file_command(tmp_path: Path, monkeypatch) -> None:
    import argostranslate.settings

    from translator_flow.engines.models import ensure_model

    port = _closed_port()
    monkeypatch.setattr(argostranslate.settings, "remote_package_index", f"http://127.0.0.1:{port}/index.json")
    start = time.monotonic()
    info, attempted, message = ensure_model("ru-en", tmp_path / "packages", timeout=1.0)
    assert info is None and attempted
    assert time.monotonic() - start < 5
    assert f"127.0.0.1:{port}" in message and "--from-file" in message


def test_no_model_and_silent_server_is_bounded_by_the_timeout(tmp_path: Path, listener: _Listener, monkeypatch) -> None:
    import argostranslate.settings

    from translator_flow.engines.models import ensure_model

    monkeypatch.setattr(argostranslate.settings, "remote_package_index", f"http://127.0.0.1:{listener.port}/index.json")
    start = time.monotonic()
    info, attempted, message = ensure_model("ru-en", tmp_path / "packages", timeout=1.0)
    elapsed = time.monotonic() - start
    assert info is None and attempted and listener.connections == 1
    assert 0.9 <= elapsed < 5, elapsed
    assert "timed out" in message and "--from-file" in message


def test_make_demo_runs_the_demo_command_with_the_install_on() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^demo:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert recipe and "-m translator_flow demo" in recipe.group(1)
    assert "--no-install-model" not in recipe.group(1)


# -- the real command, end to end (Apertium runs: slow) -----------------------------------


@pytest.mark.slow
def test_demo_offline_prints_the_file_command_and_writes_belarusian(tmp_path: Path) -> None:
    port = _closed_port()
    done, elapsed = _demo(tmp_path, tmp_path / "packages", port)
    assert done.returncode == 0, done.stderr
    assert f"127.0.0.1:{port}" in done.stderr and "--from-file" in done.stderr
    assert list((tmp_path / "out").glob("visit.be.review.html"))
    assert not list((tmp_path / "out").glob("visit.en.*"))
    assert elapsed < 60


@pytest.mark.slow
def test_demo_with_a_silent_network_goes_on_after_the_timeout(tmp_path: Path, listener: _Listener) -> None:
    done, elapsed = _demo(tmp_path, tmp_path / "packages", listener.port)
    assert done.returncode == 0, done.stderr
    assert listener.connections == 1 and "timed out" in done.stderr
    assert list((tmp_path / "out").glob("visit.be.review.html"))
    assert elapsed < 60


@pytest.mark.slow
def test_demo_with_a_model_installed_does_not_touch_the_network(tmp_path: Path, argos_home, listener: _Listener) -> None:
    done, _ = _demo(tmp_path, argos_home.packages_dir, listener.port)
    assert done.returncode == 0, done.stderr
    assert listener.connections == 0
    assert "installing it failed" not in done.stderr + done.stdout
    assert list((tmp_path / "out").glob("visit.en.review.html"))
