"""Apertium faults: a stage that hangs, crashes or swallows text; Apertium not installed.

Each fault must cost at most about two timeouts, mark only the affected segment with a
reviewer-readable error, leave the rest of the batch translated, and leave the engine
usable. Faults are injected with ``stage_override``: ``apertium-pretransfer`` is replaced
by a filter that misbehaves on segments containing a trigger word and otherwise passes
the stream on to the real ``apertium-pretransfer``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from translator_flow.engines.apertium import INSTALL_MESSAGE, ApertiumEngine
from translator_flow.errors import EngineUnavailable

TIMEOUT = 2.0
TRIGGER = "987654321"  # a number: it reaches the stage as itself (words arrive as lemmas)
OK = ["Губернатор провёл совещание в 2025 году.", "Министр посетил 17 районов области."]

# Feeds the real apertium-pretransfer; on a record with the trigger it crashes, hangs,
# or forwards only the segment id (so the segment comes back empty).
_FILTER = r"""
import os, subprocess, sys, time
mode, trigger = sys.argv[1], sys.argv[2].encode()
stage = subprocess.Popen(["apertium-pretransfer", "-z"], stdin=subprocess.PIPE)
buf = b""
while True:
    data = os.read(0, 65536)
    if not data:
        break
    buf += data
    while b"\0" in buf:
        rec, buf = buf.split(b"\0", 1)
        if trigger in rec:
            if mode == "crash":
                sys.exit(3)
            if mode == "hang":
                time.sleep(100)
            rec = rec[:rec.index(b"]") + 1] + b"[]"
        stage.stdin.write(rec + b"\0")
        stage.stdin.flush()
"""


def _faulty(mode: str) -> list[str]:
    return [sys.executable, "-c", _FILTER, mode, TRIGGER]


def _sleeping(duration: str) -> list[str]:
    """Processes running ``sleep <duration>`` (a unique duration identifies ours)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            argv = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if argv[:2] == [b"sleep", duration.encode()]:
            found.append(cmdline.parent.name)
    return found


def _assert_translated(out) -> None:
    assert out.error is None and out.text.strip()


@pytest.mark.parametrize(
    ("mode", "reason"),
    [("hang", "no output within"), ("crash", "exited with code 3"), ("empty", "empty translation")],
)
@pytest.mark.slow
def test_faulty_segment_is_marked_and_the_rest_translated(mode, reason):
    with ApertiumEngine(timeout=TIMEOUT, stage_override={"apertium-pretransfer": _faulty(mode)}) as engine:
        texts = [OK[0], f"Предложение номер {TRIGGER}.", OK[1]]
        started = time.monotonic()
        outs = engine.translate_batch(texts, "ru", "be")
        elapsed = time.monotonic() - started
        assert len(outs) == 3
        _assert_translated(outs[0])
        _assert_translated(outs[2])
        assert "2025" in outs[0].text and "17" in outs[2].text, "outputs stay with their inputs"
        assert outs[1].text == "" and outs[1].error and reason in outs[1].error
        assert "retried" in outs[1].error
        assert elapsed < 2 * TIMEOUT + 4, f"{mode}: {elapsed:.1f} s"
        # The engine recovers: the next call is served by a fresh pipeline.
        [again] = engine.translate_batch(["Совещание прошло в 2026 году."], "ru", "be")
        _assert_translated(again)


@pytest.mark.slow
def test_hung_stage_is_killed_within_two_timeouts():
    duration = "97.3"  # identifies our sleep among the machine's processes
    with ApertiumEngine(timeout=TIMEOUT, stage_override={"apertium-pretransfer": ["sleep", duration]}) as engine:
        started = time.monotonic()
        [out] = engine.translate_batch([OK[0]], "ru", "be")
        elapsed = time.monotonic() - started
        assert out.text == "" and "no output within 2 s" in out.error
        assert elapsed < 2 * TIMEOUT + 3
        assert not _sleeping(duration), "the hung stage's process group was killed"


@pytest.mark.slow
def test_broken_install_gives_up_after_three_segments_in_a_row():
    crash = ["sh", "-c", "head -c 5; exit 1"]
    with ApertiumEngine(timeout=TIMEOUT, stage_override={"apertium-pretransfer": crash}) as engine:
        started = time.monotonic()
        outs = engine.translate_batch([f"Предложение {n}." for n in range(6)], "ru", "be")
        assert time.monotonic() - started < 2 * TIMEOUT + 4
    assert len(outs) == 6 and all(o.text == "" and o.error for o in outs)
    assert all("Apertium stage sh exited with code 1" in o.error for o in outs[:3])
    assert all(o.error.startswith("not attempted") for o in outs[3:])


def test_missing_mode_dir_says_how_to_install(tmp_path):
    with pytest.raises(EngineUnavailable) as caught:
        ApertiumEngine(modes_dir=tmp_path / "no-such-dir")
    assert INSTALL_MESSAGE in str(caught.value)
    assert "sudo apt-get install apertium-bel-rus" in str(caught.value)
    assert caught.value.exit_code == 3


def test_missing_program_or_data_file_says_how_to_install(tmp_path):
    (tmp_path / "rus-bel.mode").write_text(
        "lt-proc -w '/nowhere/rus-bel.automorf.bin' | apertium-no-such-stage -z\n", encoding="utf-8"
    )
    with pytest.raises(EngineUnavailable, match="sudo apt-get install apertium-bel-rus") as caught:
        ApertiumEngine(modes_dir=tmp_path)
    assert "apertium-no-such-stage" in str(caught.value) and "/nowhere/rus-bel.automorf.bin" in str(caught.value)
