"""Batch mode with the real Apertium engine: a broken document in the middle, resume after Ctrl-C."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from translator_flow.cli import cli

SENTENCES = [
    "Губернатор области провёл совещание с руководителями районов.",
    "Обсуждались вопросы подготовки к зиме.",
    "В этом году отремонтировано {n} километров дорог.",
    "Дальнейшее развитие сотрудничества стало главной темой встречи.",
    "Участники договорились встретиться снова в {n} году.",
]


def write_release(path: Path, n: int, paragraphs: int = 2) -> None:
    body = "\n\n".join(" ".join(s.format(n=n * 10 + p) for s in SENTENCES) for p in range(paragraphs))
    path.write_text(f"Совещание номер {n}\n\n{body}\n", encoding="utf-8")


def test_a_corrupt_document_in_the_middle_does_not_stop_the_others(tmp_path: Path) -> None:
    indir, out = tmp_path / "in", tmp_path / "out"
    (indir / "sub").mkdir(parents=True)
    write_release(indir / "a.ru.txt", 1)
    (indir / "b.ru.docx").write_bytes(b"PK\x03\x04 this is not really a docx")
    write_release(indir / "sub" / "c.ru.txt", 3)
    result = CliRunner().invoke(cli, ["batch", str(indir), "--out", str(out), "--to", "be"])
    assert result.exit_code == 4, result.output
    assert "b.ru.docx" in result.output
    rows = list(csv.DictReader((out / "batch-report.csv").read_text(encoding="utf-8").splitlines()))
    assert [Path(r["document"]).name for r in rows] == ["a.ru.txt", "b.ru.docx", "c.ru.txt"]
    assert [r["status"] for r in rows] == ["ok", "failed", "ok"]
    assert rows[1]["error"] and int(rows[0]["segments"]) > 0
    report = json.loads((out / "batch-report.json").read_text(encoding="utf-8"))
    assert report["documents"][1]["status"] == "failed"
    assert (out / "a.be.review.docx").exists() and (out / "sub" / "c.be.review.docx").exists()
    assert not list(out.glob("b.*"))


def test_rerun_skips_unchanged_documents_and_redoes_changed_ones(tmp_path: Path) -> None:
    indir, out = tmp_path / "in", tmp_path / "out"
    indir.mkdir()
    for n in range(2):
        write_release(indir / f"r{n}.ru.txt", n, paragraphs=1)
    first = CliRunner().invoke(cli, ["batch", str(indir), "--out", str(out), "--to", "be"])
    assert first.exit_code == 0, first.output
    write_release(indir / "r1.ru.txt", 7, paragraphs=1)  # changed source
    second = CliRunner().invoke(cli, ["batch", str(indir), "--out", str(out), "--to", "be"])
    rows = list(csv.DictReader((out / "batch-report.csv").read_text(encoding="utf-8").splitlines()))
    assert [r["status"] for r in rows] == ["skipped", "ok"], second.output


@pytest.mark.slow  # waits for a real interrupted run (~3 s)
def test_ctrl_c_mid_run_leaves_no_partial_outputs_and_resume_finishes(tmp_path: Path) -> None:
    indir, out = tmp_path / "in", tmp_path / "out"
    indir.mkdir()
    total = 8
    for n in range(total):
        write_release(indir / f"r{n}.ru.txt", n, paragraphs=6)
    command = [sys.executable, "-m", "translator_flow", "batch", str(indir), "--out", str(out), "--to", "be"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)
    state = out / ".batch-state.json"
    deadline = time.monotonic() + 120
    def finished_documents() -> dict:
        data = json.loads(state.read_text(encoding="utf-8") or "{}") if state.exists() else {}
        return {rel: entry for rel, entry in data.items() if entry.get("key")}

    while time.monotonic() < deadline:  # wait until at least one document is finished
        if finished_documents():
            break
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C sends to the terminal's process group
    _, stderr = process.communicate(timeout=60)  # reads and closes both pipes
    assert process.returncode == 130, stderr.decode()
    finished = finished_documents()
    assert 1 <= len(finished) < total, "interrupt came too late to test resuming"
    assert not [p for p in out.rglob("*") if p.name.startswith(".tf-tmp")], "temporary files left"
    for path in out.glob("*.json"):  # every file present is complete
        json.loads(path.read_text(encoding="utf-8"))

    resumed = CliRunner().invoke(cli, ["batch", str(indir), "--out", str(out), "--to", "be"])
    assert resumed.exit_code == 0, resumed.output
    rows = list(csv.DictReader((out / "batch-report.csv").read_text(encoding="utf-8").splitlines()))
    statuses = {Path(r["document"]).name: r["status"] for r in rows}
    assert sum(s == "skipped" for s in statuses.values()) == len(finished)
    assert sum(s == "ok" for s in statuses.values()) == total - len(finished)
    for n in range(total):
        assert (out / f"r{n}.be.review.html").exists()


@pytest.mark.parametrize("jobs", [2])
def test_jobs_spread_documents_over_processes(tmp_path: Path, jobs: int) -> None:
    indir, out = tmp_path / "in", tmp_path / "out"
    indir.mkdir()
    for n in range(3):
        write_release(indir / f"r{n}.ru.txt", n, paragraphs=1)
    result = CliRunner().invoke(cli, ["batch", str(indir), "--out", str(out), "--to", "be", "--jobs", str(jobs)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader((out / "batch-report.csv").read_text(encoding="utf-8").splitlines()))
    assert [r["status"] for r in rows] == ["ok"] * 3


def test_batch_never_replaces_files_it_did_not_write_without_force(tmp_path: Path) -> None:
    indir, out = tmp_path / "in", tmp_path / "out"
    indir.mkdir()
    write_release(indir / "r0.ru.txt", 0, paragraphs=1)
    write_release(indir / "r1.ru.txt", 1, paragraphs=1)
    out.mkdir()
    foreign = out / "r1.be.review.html"
    foreign.write_text("an editor's file", encoding="utf-8")
    result = CliRunner().invoke(cli, ["batch", str(indir), "--out", str(out), "--to", "be"])
    assert result.exit_code == 4, result.output
    rows = list(csv.DictReader((out / "batch-report.csv").read_text(encoding="utf-8").splitlines()))
    assert [r["status"] for r in rows] == ["ok", "failed"] and "--force" in rows[1]["error"]
    assert foreign.read_text(encoding="utf-8") == "an editor's file"
    forced = CliRunner().invoke(cli, ["batch", str(indir), "--out", str(out), "--to", "be", "--force"])
    assert forced.exit_code == 0, forced.output
    assert foreign.read_text(encoding="utf-8") != "an editor's file"


def test_an_output_folder_inside_the_input_folder_is_not_read_back(tmp_path: Path) -> None:
    indir = tmp_path / "releases"
    indir.mkdir()
    write_release(indir / "r0.ru.txt", 0, paragraphs=1)
    out = indir / "out"
    for _ in range(2):
        result = CliRunner().invoke(cli, ["batch", str(indir), "--out", str(out), "--to", "be"])
        assert result.exit_code == 0, result.output
    rows = list(csv.DictReader((out / "batch-report.csv").read_text(encoding="utf-8").splitlines()))
    assert [Path(r["document"]).name for r in rows] == ["r0.ru.txt"]
