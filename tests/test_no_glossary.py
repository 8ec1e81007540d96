"""A run without any glossary is never silent: stderr, the JSON and both review headers say so."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import lxml.html
from click.testing import CliRunner

from translator_flow.cli import cli
from translator_flow.model import NO_GLOSSARY_WARNING

RELEASE = "Губернатор провёл совещание с руководителями районов.\n"


def _run(tmp_path: Path, monkeypatch, *extra: str):
    work = tmp_path / "work"
    work.mkdir()
    (work / "r.ru.txt").write_text(RELEASE, encoding="utf-8")
    monkeypatch.chdir(work)  # no ./glossary here, and XDG_DATA_HOME is the suite's empty folder
    return CliRunner().invoke(cli, ["translate", "r.ru.txt", "--to", "be", "--out", "out", *extra]), work / "out"


def test_no_glossary_is_said_everywhere(tmp_path: Path, monkeypatch) -> None:
    result, out = _run(tmp_path, monkeypatch)
    assert result.exit_code == 0, result.output
    assert f"Warning: {NO_GLOSSARY_WARNING}" in result.stderr
    data = json.loads((out / "r.json").read_text(encoding="utf-8"))
    assert NO_GLOSSARY_WARNING in data["source"]["warnings"]
    header = lxml.html.fromstring((out / "r.be.review.html").read_bytes()).text_content()
    assert NO_GLOSSARY_WARNING in " ".join(header.split())
    paragraphs = [p.text for p in docx.Document(str(out / "r.be.review.docx")).paragraphs]
    assert any(NO_GLOSSARY_WARNING in p for p in paragraphs)


def test_a_glossary_given_means_no_warning(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "office-glossary"
    folder.mkdir()
    (folder / "t.csv").write_text("id,ru,be,en,note,source\ngov,губернатор,губернатар,governor,,test\n",
                                  encoding="utf-8")
    result, out = _run(tmp_path, monkeypatch, "--glossary", str(folder))
    assert result.exit_code == 0, result.output
    assert "NO GLOSSARY" not in result.stderr
    assert NO_GLOSSARY_WARNING not in json.loads((out / "r.json").read_text(encoding="utf-8"))["source"]["warnings"]


def test_the_per_user_glossary_folder_is_used_when_there_is_no_local_one(tmp_path: Path, monkeypatch) -> None:
    data_home = tmp_path / "data"
    user = data_home / "translator-flow" / "glossary"
    user.mkdir(parents=True)
    (user / "t.csv").write_text("id,ru,be,en,note,source\ngov,губернатор,губернатар,governor,,test\n",
                                encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    result, out = _run(tmp_path, monkeypatch)
    assert result.exit_code == 0, result.output
    assert "NO GLOSSARY" not in result.stderr
    data = json.loads((out / "r.json").read_text(encoding="utf-8"))
    assert any(t["entry_id"] == "gov" for s in data["segments"] for t in s["targets"]["be"]["terms"])
