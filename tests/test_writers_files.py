"""write_outputs: the file set, overwrite policy, atomic writes, safe names, the XLIFF hook."""

from __future__ import annotations

import json
import os
import sys
import types
from pathlib import Path

import pytest
from report_factory import sample_report

from translator_flow.errors import OutputError
from translator_flow.writers import TEMP_PREFIX, default_stem, output_plan, safe_stem, write_outputs
from translator_flow.writers.atomic import atomic_write_bytes

PER_LANG = ["review.docx", "review.html", "docx", "html"]


@pytest.fixture(scope="module")
def report():
    return sample_report()


def _names(paths: list[Path]) -> set[str]:
    return {p.name for p in paths}


def test_file_set_per_language_and_json(report, tmp_path: Path) -> None:
    paths = write_outputs(report, tmp_path / "out")
    expected = {f"release.{lang}.{suffix}" for lang in ("be", "en") for suffix in PER_LANG} | {"release.json"}
    assert _names(paths) == expected
    assert {p.name for p in (tmp_path / "out").iterdir()} == expected  # out dir created, nothing else
    assert json.loads((tmp_path / "out/release.json").read_text("utf-8"))["outputs"] == [p.name for p in paths]
    assert paths[-1].name == "release.json"  # written last: its presence means the set is complete


def test_combined_adds_one_review_pair(report, tmp_path: Path) -> None:
    names = _names(write_outputs(report, tmp_path, combined=True))
    assert {"release.combined.review.docx", "release.combined.review.html"} <= names


def test_language_with_error_gets_no_files_but_json_records_it(tmp_path: Path) -> None:
    names = _names(write_outputs(sample_report(en_error=True), tmp_path))
    assert not any(".en." in n for n in names)
    data = json.loads((tmp_path / "release.json").read_text("utf-8"))
    assert data["languages"]["en"]["error"]


def test_refuses_to_overwrite_and_writes_nothing(report, tmp_path: Path) -> None:
    (tmp_path / "release.en.html").write_text("editor's file", encoding="utf-8")
    with pytest.raises(OutputError) as err:
        write_outputs(report, tmp_path)
    assert "release.en.html" in str(err.value) and "use --force to overwrite" in str(err.value)
    assert [p.name for p in tmp_path.iterdir()] == ["release.en.html"]
    assert (tmp_path / "release.en.html").read_text(encoding="utf-8") == "editor's file"


def test_force_overwrites(report, tmp_path: Path) -> None:
    (tmp_path / "release.en.html").write_text("old", encoding="utf-8")
    write_outputs(report, tmp_path, force=True)
    assert "<!DOCTYPE html>" in (tmp_path / "release.en.html").read_text(encoding="utf-8")


def test_no_temp_files_left(report, tmp_path: Path) -> None:
    write_outputs(report, tmp_path, combined=True)
    write_outputs(report, tmp_path, combined=True, force=True)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX) or p.name.startswith(".")]


def test_interrupted_write_leaves_neither_temp_nor_partial_file(tmp_path: Path, monkeypatch) -> None:
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "link", interrupted)
    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_bytes(tmp_path / "x.html", b"<p>complete</p>")
    assert list(tmp_path.iterdir()) == []


def test_no_clobber_even_if_file_appears_after_the_check(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    target.write_text("someone else's", encoding="utf-8")
    with pytest.raises(OutputError, match=r"use --force"):
        atomic_write_bytes(target, b"{}")
    assert target.read_text(encoding="utf-8") == "someone else's"
    assert list(tmp_path.iterdir()) == [target]


def test_out_dir_that_is_a_file_is_refused_with_the_fix(report, tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(OutputError, match=r"--out"):
        write_outputs(report, blocker)
    with pytest.raises(OutputError, match=r"--out"):
        write_outputs(report, blocker / "sub")


def test_unwritable_out_dir_is_refused_with_the_fix(report, tmp_path: Path, monkeypatch) -> None:
    import translator_flow.writers.atomic as atomic

    monkeypatch.setattr(atomic.os, "access", lambda *a, **k: False)  # root ignores chmod, so simulate it
    with pytest.raises(OutputError, match=r"not writable.*--out"):
        write_outputs(report, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_target_that_is_a_folder_is_refused_even_with_force(report, tmp_path: Path) -> None:
    (tmp_path / "release.json").mkdir()
    with pytest.raises(OutputError, match=r"is a folder"):
        write_outputs(report, tmp_path, force=True)


@pytest.mark.parametrize(("name", "stem"), [
    ("release.ru.docx", "release"),
    ("release.RU.txt", "release"),
    ("/some/where/пресс-релиз.ru.html", "пресс-релиз"),
    ("C:\\Users\\press\\news 12.03.ru.docx", "news_12.03"),
    ("../../etc/passwd.ru.txt", "passwd"),
    ("<script>.ru.txt", "script"),
    ("con.ru.txt", "_con"),
    (".hidden.txt", "hidden"),
    ("....txt", "release"),
])
def test_default_stem(name: str, stem: str) -> None:
    assert default_stem(name) == stem


@pytest.mark.parametrize("evil", ["../evil", "..\\..\\evil", "/abs/evil", "a/../../evil", "..", "-rf evil", "e\x00vil"])
def test_explicit_stem_cannot_escape_the_out_dir(report, tmp_path: Path, evil: str) -> None:
    out = tmp_path / "out"
    paths = write_outputs(report, out, stem=evil)
    for path in paths:
        assert path.parent == out and path.resolve().parent == out.resolve()
        assert not path.name.startswith(("-", "."))
    assert safe_stem(evil) and "/" not in safe_stem(evil) and ".." not in safe_stem(evil)


def test_language_code_is_sanitised_in_file_names(tmp_path: Path) -> None:
    report = sample_report(langs=("be",))
    report.translations["../x"] = report.translations.pop("be")
    for _, _, path in output_plan(report, tmp_path):
        assert path.parent == tmp_path


def test_xliff_hook_called_lazily_and_written_atomically(report, tmp_path: Path, monkeypatch) -> None:
    calls = []

    def write_xliff(rep, lang, path, *, stem):
        assert stem == "release"
        calls.append((lang, Path(path).name))
        Path(path).write_text(f"<xliff lang='{lang}'/>", encoding="utf-8")

    fake = types.ModuleType("translator_flow.writers.xliff")
    fake.write_xliff = write_xliff  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "translator_flow.writers.xliff", fake)
    names = _names(write_outputs(report, tmp_path, xliff=True))
    assert {"release.be.xlf", "release.en.xlf"} <= names
    assert [lang for lang, _ in calls] == ["be", "en"]
    assert all(name.startswith(TEMP_PREFIX) for _, name in calls)  # written to a temp file, then renamed
    assert (tmp_path / "release.be.xlf").read_text(encoding="utf-8") == "<xliff lang='be'/>"


def test_real_xliff_writer_through_write_outputs(report, tmp_path: Path) -> None:
    from lxml import etree

    write_outputs(report, tmp_path, xliff=True)
    root = etree.parse(str(tmp_path / "release.be.xlf")).getroot()
    units = root.xpath("//x:unit/@id", namespaces={"x": "urn:oasis:names:tc:xliff:document:2.0"})
    assert units == [s.id for s in report.segments]
    (manifest,) = root.xpath("//m:meta[@type='manifest']/text()", namespaces={"m": "urn:oasis:names:tc:xliff:metadata:2.0"})
    assert json.loads(manifest)["stem"] == "release"  # not the temporary file's name
