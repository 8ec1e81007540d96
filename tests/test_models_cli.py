"""`translator-flow models list|install`: messages, exit codes, and real installs (no internet)."""

from __future__ import annotations

import functools
import http.server
import json
import threading
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from translator_flow.cli import COMMANDS
from translator_flow.cli.models import models
from translator_flow.engines.models import list_models
from translator_flow.errors import EXIT_BAD_INPUT, EXIT_ENGINE_UNAVAILABLE, EXIT_OK, EXIT_USAGE


def run(*args: str):
    return CliRunner().invoke(models, list(args), catch_exceptions=False)


def test_models_is_a_registered_command() -> None:
    assert ("models", "models") in COMMANDS


def test_install_from_file_then_list(copy_model_path: Path, tmp_path: Path, no_network: None) -> None:
    packages = tmp_path / "packages"
    result = run("install", "ru-en", "--from-file", str(copy_model_path), "--packages-dir", str(packages))
    assert result.exit_code == EXIT_OK, result.output
    assert "Installed ru → en translate-ru_en 0.0+copy" in result.output
    assert str(packages) in result.output
    [info] = list_models(packages)
    assert (info.from_code, info.to_code, info.problem) == ("ru", "en", "")
    assert (info.path / "model" / "model.bin").is_file()  # extracted by argostranslate's installer

    listed = run("list", "--packages-dir", str(packages))
    assert listed.exit_code == EXIT_OK
    assert "ru → en" in listed.output and "translate-ru_en 0.0+copy" in listed.output


def test_reinstalling_replaces_the_pair_instead_of_adding_a_second(copy_model_path: Path, tmp_path: Path) -> None:
    packages = tmp_path / "packages"
    old = packages / "translate-ru_en-1_0"
    old.mkdir(parents=True)
    (old / "metadata.json").write_text(json.dumps({"from_code": "ru", "to_code": "en", "package_version": "1.0"}))
    result = run("install", "--from-file", str(copy_model_path), "--packages-dir", str(packages))
    assert result.exit_code == EXIT_OK, result.output
    assert "replaced" in result.output
    assert [m.path.name for m in list_models(packages)] == ["translate-ru_en-copy"]


def test_list_with_nothing_installed_says_how_to_install(tmp_path: Path) -> None:
    result = run("list", "--packages-dir", str(tmp_path / "none"))
    assert result.exit_code == EXIT_OK
    assert "No Argos models are installed" in result.output
    assert "translator-flow models install ru-en" in result.output and "--from-file" in result.output


def test_list_uses_argos_packages_dir_from_the_environment(argos_env) -> None:
    result = run("list")
    assert result.exit_code == EXIT_OK
    assert str(argos_env.model.path) in result.output


def test_list_shows_a_broken_package(tmp_path: Path) -> None:
    (tmp_path / "half").mkdir()
    (tmp_path / "half" / "metadata.json").write_text('{"from_code": "ru", "to_code": "en"}')
    result = run("list", "--packages-dir", str(tmp_path))
    assert result.exit_code == EXIT_OK
    assert "unusable  half: no model/model.bin" in result.output


def _text(path: Path, content: str = "hello") -> Path:
    path.write_text(content, encoding="utf-8")
    return path


def _zip(path: Path, files: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return path


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda d: _text(d / "x.argosmodel"), "is not an Argos model (.argosmodel files are zip archives)"),
        (lambda d: _zip(d / "x.argosmodel", {"pkg/model/model.bin": "0"}), "pkg/metadata.json is missing"),
        (lambda d: _zip(d / "x.argosmodel", {"pkg/metadata.json": "{oops"}), "not valid JSON"),
        (lambda d: _zip(d / "x.argosmodel", {"a/metadata.json": "{}", "b/metadata.json": "{}"}),
         "exactly one folder"),
        (lambda d: _zip(d / "x.argosmodel", {"pkg/metadata.json": '{"from_code": "ru", "to_code": "en"}'}),
         "incomplete Argos model"),
    ],
    ids=["text-file", "no-metadata", "bad-json", "two-folders", "no-model"],
)
def test_a_bogus_file_is_refused_with_a_clear_message(make, expected: str, tmp_path: Path) -> None:
    bogus = make(tmp_path)
    packages = tmp_path / "packages"
    result = run("install", "ru-en", "--from-file", str(bogus), "--packages-dir", str(packages))
    assert result.exit_code == EXIT_BAD_INPUT
    assert expected in result.output and str(bogus) in result.output
    assert "argospm-index" in result.output or "Download it again" in result.output
    assert list_models(packages) == []


def test_a_damaged_download_is_refused(copy_model_path: Path, tmp_path: Path) -> None:
    data = bytearray(copy_model_path.read_bytes())
    with zipfile.ZipFile(copy_model_path) as archive:
        member = next(i for i in archive.infolist() if i.filename.endswith("model/model.bin"))
    middle = member.header_offset + member.compress_size // 2
    data[middle : middle + 64] = bytes(b ^ 0x5A for b in data[middle : middle + 64])
    damaged = tmp_path / "damaged.argosmodel"
    damaged.write_bytes(bytes(data))
    result = run("install", "--from-file", str(damaged), "--packages-dir", str(tmp_path / "packages"))
    assert result.exit_code == EXIT_BAD_INPUT
    assert "corrupt" in result.output and "Download it again" in result.output
    assert list_models(tmp_path / "packages") == []


def test_a_model_for_another_pair_is_refused(copy_model_path: Path, tmp_path: Path) -> None:
    result = run("install", "en-ru", "--from-file", str(copy_model_path), "--packages-dir", str(tmp_path))
    assert result.exit_code == EXIT_BAD_INPUT
    assert "ru→en, not a translation model for en→ru" in result.output
    assert list_models(tmp_path) == []


def test_a_pair_that_is_not_a_pair_is_a_usage_error(tmp_path: Path) -> None:
    result = run("install", "russian", "--packages-dir", str(tmp_path))
    assert result.exit_code == EXIT_USAGE
    assert "Write it as SOURCE-TARGET, e.g. ru-en" in result.output


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = run("install", "ru-en", "--from-file", str(tmp_path / "nope.argosmodel"))
    assert result.exit_code == EXIT_USAGE


def test_online_install_without_network_fails_fast_and_points_to_from_file(tmp_path: Path, no_network: None) -> None:
    started = time.monotonic()
    result = run("install", "ru-en", "--packages-dir", str(tmp_path / "packages"))
    assert time.monotonic() - started < 5
    assert result.exit_code == EXIT_ENGINE_UNAVAILABLE
    assert "Cannot reach the Argos package index" in result.output
    assert "translator-flow models install ru-en --from-file PATH.argosmodel" in result.output
    assert "argospm-index" in result.output  # where to get the file on a connected machine
    assert list_models(tmp_path / "packages") == []


@pytest.fixture()
def local_index(copy_model_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The Argos index and the copy model served over HTTP from 127.0.0.1."""
    from translator_flow.engines.models import import_argostranslate

    served = tmp_path / "served"
    served.mkdir()
    (served / copy_model_path.name).write_bytes(copy_model_path.read_bytes())
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    handler.log_message = lambda *a, **k: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    index = [{"type": "translate", "from_code": "ru", "to_code": "en", "from_name": "Russian",
              "to_name": "English", "package_version": "0.0+copy", "argos_version": "1.9",
              "links": [f"{base}/{copy_model_path.name}"]}]
    (served / "index.json").write_text(json.dumps(index), encoding="utf-8")
    settings = import_argostranslate().settings
    monkeypatch.setattr(settings, "remote_package_index", f"{base}/index.json")
    monkeypatch.setattr(settings, "local_package_index", tmp_path / "index.json")
    monkeypatch.setattr(settings, "downloads_dir", tmp_path)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def test_online_install_downloads_from_the_index(local_index: str, tmp_path: Path) -> None:
    packages = tmp_path / "packages"
    result = run("install", "ru-en", "--packages-dir", str(packages))
    assert result.exit_code == EXIT_OK, result.output
    [info] = list_models(packages)
    assert (info.from_code, info.to_code, info.version) == ("ru", "en", "0.0+copy")
    assert not (tmp_path / "translate-ru_en.argosmodel").exists()  # the download is cleaned up
