"""Batch run safety: no two documents share output names, signals leave no process behind,
CSV cells cannot run as formulas, unsupported files are reported, the TM is in the resume key."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from translator_flow.batch import output_plan, scan_inputs
from translator_flow.cli import cli
from translator_flow.csvsafe import escape_cell


def write_release(path: Path, n: int, paragraphs: int = 1) -> None:
    body = "\n\n".join(
        f"Губернатор провёл совещание номер {n}{p}. В этом году отремонтировано {n}{p}7 километров дорог."
        for p in range(paragraphs))
    path.write_text(f"Совещание номер {n}\n\n{body}\n", encoding="utf-8")


def report_rows(out: Path) -> list[dict[str, str]]:
    return list(csv.DictReader((out / "batch-report.csv").read_text(encoding="utf-8").splitlines()))


def test_output_plan_gives_every_input_its_own_stem_case_insensitively(tmp_path: Path) -> None:
    names = ["a-txt.txt", "a.ru.html", "a.ru.txt", "a.txt", "A.TXT", "b.txt"]
    inputs = sorted(tmp_path / n for n in names)
    plan = output_plan(inputs, tmp_path)
    stems = [stem.casefold() for _, stem in plan.values()]
    assert len(set(stems)) == len(inputs), plan
    assert plan == output_plan(list(inputs), tmp_path), "a resumed run must map names the same way"


def test_two_inputs_with_one_stem_get_distinct_outputs_and_resume_skips_both(tmp_path: Path) -> None:
    indir, out = tmp_path / "in", tmp_path / "out"
    indir.mkdir()
    write_release(indir / "release.ru.txt", 9431)
    write_release(indir / "release.txt", 8652)
    first = CliRunner().invoke(cli, ["batch", str(indir), "--out", str(out), "--to", "be"])
    assert first.exit_code == 0, first.output
    assert [r["status"] for r in report_rows(out)] == ["ok", "ok"]
    reviews = sorted(out.glob("*.be.review.html"))
    assert len(reviews) == 2, reviews
    # each draft holds its own document's number: neither overwrote the other
    texts = [p.read_text(encoding="utf-8") for p in reviews]
    assert sum("943107" in t for t in texts) == 1 and sum("865207" in t for t in texts) == 1
    second = CliRunner().invoke(cli, ["batch", str(indir), "--out", str(out), "--to", "be"])
    assert second.exit_code == 0, second.output
    assert [r["status"] for r in report_rows(out)] == ["skipped", "skipped"]


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+7 999", "'+7 999"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("release.txt", "release.txt"), ("", ""), ("a=b", "a=b"), (" =x", " =x"), ("'=x", "''=x"),  # one apostrophe more: the round trip stays lossless
    (3, 3), (-1.5, -1.5), ("Минск", "Минск"),
])
def test_escape_cell_follows_owasp(value: object, expected: object) -> None:
    assert escape_cell(value) == expected


def test_batch_report_csv_escapes_formula_cells_and_reports_unsupported_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    indir, out = tmp_path / "in", tmp_path / "out"
    indir.mkdir()
    write_release(indir / "=cmd.ru.txt", 1)
    (indir / "notes.pdf").write_bytes(b"%PDF-1.4 not a release")
    monkeypatch.chdir(indir)  # `batch .` makes the document cell the bare name "=cmd.ru.txt"
    result = CliRunner().invoke(cli, ["batch", ".", "--out", str(out), "--to", "be"])
    assert result.exit_code == 0, result.output
    assert "notes.pdf" in result.output and "not a release format" in result.output
    raw = (out / "batch-report.csv").read_text(encoding="utf-8")
    rows = report_rows(out)
    assert [r["status"] for r in rows] == ["ok", "unsupported"]
    assert rows[0]["document"] == "'=cmd.ru.txt"
    for line in raw.splitlines()[1:]:
        assert not line.startswith(("=", "+", "-", "@")), line
    doc = json.loads((out / "batch-report.json").read_text(encoding="utf-8"))
    assert [d["status"] for d in doc["documents"]] == ["ok", "unsupported"]


def test_scan_inputs_uses_the_readers_registry(tmp_path: Path) -> None:
    from translator_flow.readers import supported_extensions

    for ext in (*supported_extensions(), ".pdf", ".odt"):
        (tmp_path / f"x{ext}").write_text("x", encoding="utf-8")
    inputs, skipped = scan_inputs(tmp_path)
    assert sorted(p.suffix for p in inputs) == sorted(supported_extensions())
    assert sorted(p.suffix for p in skipped) == [".odt", ".pdf"]


def test_a_changed_translation_memory_redoes_finished_documents(tmp_path: Path) -> None:
    indir, out, tm = tmp_path / "in", tmp_path / "out", tmp_path / "tm"
    indir.mkdir()
    tm.mkdir()
    write_release(indir / "r.ru.txt", 1)
    args = ["batch", str(indir), "--out", str(out), "--to", "be", "--tm", str(tm)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    assert [r["status"] for r in report_rows(out)] == ["ok"]
    assert CliRunner().invoke(cli, args).exit_code == 0
    assert [r["status"] for r in report_rows(out)] == ["skipped"]
    (tm / "extra.txt").write_text("a new TM file", encoding="utf-8")
    assert CliRunner().invoke(cli, args).exit_code == 0
    assert [r["status"] for r in report_rows(out)] == ["ok"]


def test_changed_engine_data_redoes_finished_documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from translator_flow import lang

    indir, out = tmp_path / "in", tmp_path / "out"
    indir.mkdir()
    write_release(indir / "r.ru.txt", 1)
    args = ["batch", str(indir), "--out", str(out), "--to", "be"]
    assert lang.engine_data_hash("be", "apertium")  # the overlay's data hash is really there
    monkeypatch.setitem(lang.ENGINE_DATA, ("be", "apertium"), lambda: "overlay-1")
    assert CliRunner().invoke(cli, args).exit_code == 0
    assert CliRunner().invoke(cli, args).exit_code == 0
    assert [r["status"] for r in report_rows(out)] == ["skipped"]
    monkeypatch.setitem(lang.ENGINE_DATA, ("be", "apertium"), lambda: "overlay-2")  # the overlay changed
    assert CliRunner().invoke(cli, args).exit_code == 0
    assert [r["status"] for r in report_rows(out)] == ["ok"]


def marked_processes(mark: str) -> list[str]:
    """Every live process whose environment carries ``mark`` (children inherit it), as `ps` lines."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if mark.encode() in (entry / "environ").read_bytes():
                pids.append(entry.name)
        except OSError:
            continue
    if not pids:
        return []
    ps = subprocess.run(["ps", "-o", "pid,stat,args", "-p", ",".join(pids)], capture_output=True, text=True)
    # zombies are already dead (waiting for a parent that is reaping them)
    return [line for line in ps.stdout.splitlines()[1:] if " Z" not in line]


@pytest.mark.slow
@pytest.mark.parametrize("sig, jobs", [(signal.SIGTERM, 2), (signal.SIGHUP, 2), (signal.SIGTERM, 1)])
def test_a_signal_to_the_batch_leaves_no_worker_or_engine_process(tmp_path: Path, sig: int, jobs: int) -> None:
    indir, out = tmp_path / "in", tmp_path / "out"
    indir.mkdir()
    for n in range(8):
        write_release(indir / f"r{n}.ru.txt", n, paragraphs=8)
    mark = f"TF_TEST_MARK={uuid.uuid4().hex}"
    env = {**os.environ, mark.split("=")[0]: mark.split("=")[1]}
    command = [sys.executable, "-m", "translator_flow", "batch", str(indir), "--out", str(out),
               "--to", "be", "--jobs", str(jobs)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                               start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # wait until engines are running (lt-proc / apertium)
        if any("lt-proc" in line or "apertium" in line or "cg-proc" in line
               for line in marked_processes(mark)):
            break
        time.sleep(0.05)
    assert process.poll() is None, "batch finished before the signal; make the documents bigger"
    process.send_signal(sig)  # to the batch only: it must take its workers and engines down
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 128 + sig, stderr.decode()
    time.sleep(0.5)
    left = marked_processes(mark)
    assert not left, f"processes left after {signal.Signals(sig).name}: {left}"
    assert not [p for p in out.rglob("*") if p.name.startswith(".tf-tmp")]


def test_resume_without_an_english_model_never_marks_documents_failed(tmp_path: Path) -> None:
    indir, out, empty = tmp_path / "in", tmp_path / "out", tmp_path / "no-models"
    indir.mkdir()
    empty.mkdir()
    write_release(indir / "r.ru.txt", 1)
    config = tmp_path / "tf.toml"
    config.write_text(f'argos_packages_dir = "{empty}"\n', encoding="utf-8")
    args = ["batch", str(indir), "--out", str(out), "--to", "be,en", "--config", str(config)]
    for _ in range(2):  # the first run and its resume: the same honest answer
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 3, result.output
        rows = report_rows(out)
        assert [r["status"] for r in rows] == ["incomplete"], rows
        assert "models install ru-en" in rows[0]["error"]
        assert (out / "r.be.review.html").exists()
    # a document finished for be only is skipped on resume, whatever the English model's state
    be_only = ["batch", str(indir), "--out", str(out), "--to", "be", "--config", str(config)]
    assert CliRunner().invoke(cli, be_only).exit_code == 0
    assert [r["status"] for r in report_rows(out)] == ["ok"]
    assert CliRunner().invoke(cli, be_only).exit_code == 0
    assert [r["status"] for r in report_rows(out)] == ["skipped"]
