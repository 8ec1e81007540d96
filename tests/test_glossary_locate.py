"""The glossary resolution order: ./glossary, then $XDG_DATA_HOME/translator-flow/glossary, else None."""

from __future__ import annotations

from pathlib import Path

import pytest

from translator_flow.glossary import load_glossary
from translator_flow.glossary.locate import default_glossary_dir, user_glossary_dir

ROW = "id,ru,be,en,note,source\nminsk,Минск,Мінск,Minsk,,x\n"


def test_local_folder_wins_then_user_folder_then_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_glossary_dir() is None
    assert len(load_glossary(None)) == 0
    user = user_glossary_dir()
    assert user == tmp_path / "data" / "translator-flow" / "glossary"
    user.mkdir(parents=True)
    (user / "g.csv").write_text(ROW, encoding="utf-8")
    assert default_glossary_dir() == user
    assert [e.id for e in load_glossary(None).entries] == ["minsk"]
    (work / "glossary").mkdir()
    (work / "glossary" / "g.csv").write_text(ROW.replace("minsk", "minsk-local"), encoding="utf-8")
    assert [e.id for e in load_glossary(None).entries] == ["minsk-local"]
