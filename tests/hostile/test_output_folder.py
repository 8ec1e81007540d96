"""An output folder that cannot be created or written: one line, exit code 4, no traceback."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from translator_flow.cli import cli


def _release(tmp_path: Path) -> Path:
    path = tmp_path / "note.ru.txt"
    path.write_text("Заседание\n\nСостоялось заседание комиссии.\n", encoding="utf-8")
    return path


def test_output_folder_under_a_file_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(cli, ["translate", str(_release(tmp_path)), "--to", "be",
                                      "--out", str(blocker / "out")])
    assert result.exit_code == 4
    assert "not-a-folder" in result.output and "--out" in result.output
    assert "Traceback" not in result.output


def test_missing_output_folder_is_created(tmp_path: Path) -> None:
    out = tmp_path / "a" / "b" / "c"
    result = CliRunner().invoke(cli, ["translate", str(_release(tmp_path)), "--to", "be", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "note.json").exists()


def test_input_names_cannot_escape_the_output_folder(tmp_path: Path) -> None:
    inner = tmp_path / "in"
    inner.mkdir()
    evil = inner / "..ru.txt"
    evil.write_text("Заседание\n\nСостоялось заседание комиссии.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["translate", str(evil), "--to", "be", "--out", str(out)])
    assert result.exit_code == 0, result.output
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix in (".json", ".docx", ".html")]
    assert written and all(p.parent == out for p in written)


def test_a_very_long_cyrillic_file_name_still_writes(tmp_path: Path) -> None:
    name = ("Совещание губернатора " * 6)[:122]  # ~233 bytes: a legal input name, too long a stem
    assert 230 < len(name.encode("utf-8")) < 255 - len(".ru.txt")
    release = tmp_path / f"{name}.ru.txt"
    release.write_text("Заседание\n\nСостоялось заседание комиссии.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["translate", str(release), "--to", "be", "--out", str(out),
                                      "--combined"])
    assert result.exit_code == 0, result.output
    names = [p.name for p in out.iterdir()]
    assert names and all(len(n.encode("utf-8")) <= 255 - 20 for n in names)
