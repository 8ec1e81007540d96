"""Long-lived lt-proc processes: same answers as one-shot runs, one process, robust stream.

Uses the real Apertium Belarusian transducers (apertium-bel-rus); fake ``lt-proc``
scripts stand in for a process that hangs or answers out of step.
"""

from __future__ import annotations

import gc
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from translator_flow.morph import ltproc as lttoolbox
from translator_flow.morph.ltproc import BE_ANALYSER, BE_GENERATOR, RU_BE_BIDIX, LtProc

pytestmark = pytest.mark.skipif(
    not lttoolbox.available(BE_ANALYSER, BE_GENERATOR, RU_BE_BIDIX),
    reason="Apertium bel-rus transducers (apertium-bel-rus) or lt-proc are not installed",
)

FLAGS = {"analyse": [], "analyse-dictionary-case": ["-w"], "generate": ["-g"], "bilingual": ["-b"]}
PATHS = {"analyse": BE_ANALYSER, "analyse-dictionary-case": BE_ANALYSER, "generate": BE_GENERATOR,
         "bilingual": RU_BE_BIDIX}
STREAM = "\\$/<>@[]^{}"
WORDS = ["вобласць", "Смаленскай", "МІНСК", "мінск", "абмеркавалі", "па-беларуску", "вобласці.", "«Мінск»",
         "10%", "з'яўляецца", "xyz", "—", "a/b", "^$", "[вобласць]", "\\", "{x}", "@вобласць", "<n>", "*#~"]
UNITS = ["вобласць<n><f><nn><sg><ins>", "Маскоўскі<adj><f><an><sg><ins>", "горад<n><m><nn><pl><gen>",
         "смаленскі<adj><f><an><sg><ins>", "xyz<n>", "вобласць", "аховы здароўя<n><f><nn><sg><gen>"]
RU_UNITS = ["область<n><f><nn><sg><nom>", "город<n><m><nn><sg><nom>", "xyz<n>", "Минск<np><top><m><sg><nom>"]


def _control(ch: str) -> bool:
    """Characters that could end a request line (or cannot be encoded): never sent."""
    return ord(ch) < 32 or ch == "\x7f" or "\ud800" <= ch <= "\udfff"


def _escape(word: str) -> str:
    return "".join("\\" + ch if ch in STREAM else ch for ch in word)


def one_shot(mode: str, lines: list[str]) -> list[str]:
    """What a separate ``lt-proc`` run (no null flush) answers for these request lines."""
    out = subprocess.run(["lt-proc", *FLAGS[mode], str(PATHS[mode])], input="".join(f"{x}\n" for x in lines).encode(),
                         capture_output=True, check=True).stdout.decode()
    return out.split("\n")[: len(lines)]


def expected(mode: str, items: list[str]) -> list[str]:
    """The one-shot answer per item; ``""`` for items that cannot go into the stream."""
    if mode.startswith("analyse"):
        sendable = [w for w in items if w and not any(map(_control, w))]
        lines = [_escape(w) for w in sendable]
    else:
        sendable = [u for u in items if re.fullmatch(r"[^<>]+(<[^<>]+>)*", u)
                    and not any(c in STREAM.replace("<", "").replace(">", "") + "*#~" or _control(c) for c in u)]
        lines = [f"^{u}$" for u in sendable]
    answers = dict(zip(sendable, one_shot(mode, lines))) if lines else {}
    return [answers.get(i, "") for i in items]


@pytest.fixture(scope="module")
def procs():
    made = {mode: LtProc(PATHS[mode], mode) for mode in FLAGS}  # type: ignore[arg-type]
    yield made
    for proc in made.values():
        proc.close()


@pytest.mark.parametrize("mode,items", [("analyse", WORDS), ("analyse-dictionary-case", WORDS),
                                        ("generate", UNITS), ("bilingual", RU_UNITS)])
def test_batch_answers_equal_one_shot_runs(procs, mode: str, items: list[str]) -> None:
    assert procs[mode].lookup(items) == expected(mode, items)


def test_parsed_answers(procs) -> None:
    lines = procs["analyse-dictionary-case"].lookup(["МІНСК", "вобласці.", "9-й", "xyz"])
    minsk, oblasts, ninth, unknown = map(lttoolbox.readings, lines)
    assert {r.lemma for r in minsk} == {"Мінск"} and all(r.pos == "np" for r in minsk)  # dictionary case
    assert oblasts and all(r.lemma == "вобласць" and r.has("n", "f") for r in oblasts)  # punctuation ignored
    assert ninth == () and unknown == ()  # several units / unknown word: no readings
    forms = [lttoolbox.form(x) for x in procs["generate"].lookup(UNITS)]
    assert all(f is None or ("<" not in f and f[0] not in "#@*") for f in forms)
    assert forms[UNITS.index("xyz<n>")] is None and forms[UNITS.index("вобласць<n><f><nn><sg><ins>")]
    [oblast, _, none, _] = map(lttoolbox.translations, procs["bilingual"].lookup(RU_UNITS))
    assert oblast == ("вобласць",) and none == ()


def test_many_requests_reuse_one_process() -> None:
    proc = LtProc(BE_GENERATOR, "generate")
    assert proc.pid is None and proc.starts == 0  # nothing runs before the first request
    pids = set()
    for case in ("nom", "gen", "dat", "acc", "ins", "loc") * 5:
        for number in ("sg", "pl"):
            assert proc.lookup([f"вобласць<n><f><nn><{number}><{case}>"])[0]
            pids.add(proc.pid)
    assert proc.starts == 1 and len(pids) == 1 and proc.requests == 12  # 60 lookups, 12 distinct units
    proc.close()
    assert proc.pid is None


def test_repeated_items_come_from_the_cache(procs) -> None:
    proc = procs["analyse"]
    first = proc.lookup(["горад", "вёска", "горад"])
    sent = proc.requests
    assert proc.lookup(["вёска", "горад"]) == [first[1], first[0]] and proc.requests == sent


def test_a_killed_process_is_restarted_transparently() -> None:
    proc = LtProc(BE_ANALYSER, "analyse-dictionary-case")
    proc.lookup(["горад"])
    old = proc.pid
    assert old is not None
    os.kill(old, signal.SIGKILL)
    time.sleep(0.05)
    words = ["вобласць", "вёска", "абмеркавалі"]
    assert proc.lookup(words) == expected("analyse-dictionary-case", words)
    assert proc.starts == 2 and proc.pid not in (None, old)
    proc.close()


def test_special_characters_do_not_desynchronise(procs) -> None:
    awkward = ["", "\n", "a\nb", "x\0y", "\r", "\t", "\ud800", " ", "a b", "\u2028", "\x85", *[ch for ch in STREAM],
               "\\\\", "^вобласць$", "[", "]", "вобласць\\", "вобласць/"]
    for mode in ("analyse", "analyse-dictionary-case"):
        items = [*awkward, "вобласць"]
        got = procs[mode].lookup(items)
        assert got == expected(mode, items)
        assert got[:4] == ["", "", "", ""] and lttoolbox.readings(got[-1])
        assert lttoolbox.readings(procs[mode].lookup(["горад"])[0])  # the next request is in step too
    units = ["", "a\nb<n>", "вобласць<n", "<n>", "во^бласць<n>", "вобласць<n>$^x<n>", "во[бла]сць<n>", "#во<n>",
             "во\0<n>", "вобласць<n><f><nn><sg><ins>"]
    got = procs["generate"].lookup(units)
    assert got[:-1] == [""] * (len(units) - 1) and lttoolbox.form(got[-1])
    assert lttoolbox.form(procs["generate"].lookup(["горад<n><m><nn><sg><loc>"])[0])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet="вобласцьгорадМІНСК -.'" + STREAM + "*#~\n\r\0", max_size=12), max_size=15))
def test_random_text_stays_in_step_with_one_shot_runs(procs, words: list[str]) -> None:
    assert procs["analyse"].lookup(words) == expected("analyse", words)


def test_a_large_batch_does_not_deadlock_on_full_pipes() -> None:
    proc = LtProc(BE_ANALYSER, "analyse")
    words = [f"слова{i}" for i in range(20000)]  # ~0.3 MB in, ~0.6 MB out: far beyond a pipe buffer
    got = proc.lookup(words, timeout=30)
    assert got == expected("analyse", words) and proc.starts == 1
    proc.close()


def _fake_lt_proc(tmp_path: Path, body: str) -> str:
    script = tmp_path / "fake-lt-proc"
    script.write_text(f"#!{sys.executable}\nimport os, sys\n{body}", encoding="utf-8")
    script.chmod(0o755)
    return str(script)


def test_a_hung_process_times_out_and_is_killed(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    fake = _fake_lt_proc(tmp_path, f"open({str(pids)!r}, 'a').write(f'{{os.getpid()}}\\n')\nimport time\n"
                                   "time.sleep(60)\n")
    proc = LtProc(BE_GENERATOR, "generate", lt_proc=fake, timeout=0.3)
    start = time.monotonic()
    assert proc.lookup(["вобласць<n><f><nn><sg><ins>", "горад<n><m><nn><sg><nom>"]) == [None, None]
    assert time.monotonic() - start < 5 and proc.starts == 2  # one restart, then "no answer"
    for pid in map(int, pids.read_text().split()):
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)  # killed and reaped, not left hanging
    assert proc.lookup(["вобласць<n><f><nn><sg><ins>"]) == [None]  # failures are not cached: asked again
    assert proc.starts == 4


def test_an_answer_out_of_step_is_not_used(tmp_path: Path) -> None:
    # Answers every request with one line too many, as a stage that split a line would.
    fake = _fake_lt_proc(tmp_path, "buf = b''\nwhile True:\n    data = os.read(0, 65536)\n    if not data: break\n"
                                   "    buf += data\n    while b'\\0' in buf:\n        req, _, buf = buf.partition(b'\\0')\n"
                                   "        os.write(1, req + b'extra\\n\\0')\n")
    proc = LtProc(BE_GENERATOR, "generate", lt_proc=fake, timeout=5)
    assert proc.lookup(["вобласць<n><f><nn><sg><ins>"]) == [None] and proc.starts == 2
    proc.close()


def test_missing_lt_proc_gives_no_answer(tmp_path: Path) -> None:
    proc = LtProc(BE_GENERATOR, "generate", lt_proc=str(tmp_path / "no-such-lt-proc"))
    assert proc.lookup(["вобласць<n><f><nn><sg><ins>", ""]) == [None, ""]
    assert not lttoolbox.available(BE_GENERATOR, lt_proc=str(tmp_path / "no-such-lt-proc"))


def test_process_is_in_its_own_session_and_dies_with_its_owner() -> None:
    proc = LtProc(BE_GENERATOR, "generate")
    proc.lookup(["горад<n><m><nn><sg><nom>"])
    pid = proc.pid
    assert pid is not None and os.getsid(pid) != os.getsid(0)  # Ctrl-C to the terminal does not reach it
    del proc
    gc.collect()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_a_forked_child_starts_its_own_process(procs) -> None:
    proc = procs["generate"]
    proc.lookup(["горад<n><m><nn><sg><gen>"])
    parent_pid = proc.pid
    read, write = os.pipe()
    proc._lock.acquire()  # as if another thread were mid-request when the fork happens
    child = os.fork()
    if child != 0:
        proc._lock.release()
    else:  # pragma: no cover - runs in the child
        try:
            form = lttoolbox.form(proc.lookup(["горад<n><m><nn><pl><dat>"])[0])
            os.write(write, f"{proc.pid} {form}".encode())
        finally:
            os._exit(0)
    os.close(write)
    deadline = time.monotonic() + 10
    while os.waitpid(child, os.WNOHANG) == (0, 0):
        if time.monotonic() > deadline:
            os.kill(child, signal.SIGKILL)
            os.waitpid(child, 0)
            pytest.fail("the forked child hung (a lock inherited from the parent?)")
        time.sleep(0.01)
    child_pid, form = os.read(read, 1000).decode().split()
    os.close(read)
    assert int(child_pid) != parent_pid and form != "None"
    assert proc.pid == parent_pid and lttoolbox.form(proc.lookup(["горад<n><m><nn><pl><ins>"])[0])


def test_shared_processes_are_one_per_transducer_and_mode() -> None:
    a = lttoolbox.shared(BE_ANALYSER, "analyse")
    assert lttoolbox.shared(str(BE_ANALYSER), "analyse") is a
    assert lttoolbox.shared(BE_ANALYSER, "analyse-dictionary-case") is not a
    with pytest.raises(ValueError, match="unknown lt-proc mode"):
        LtProc(BE_ANALYSER, "translate")  # type: ignore[arg-type]


def test_the_cache_is_bounded(monkeypatch) -> None:
    monkeypatch.setattr(lttoolbox, "CACHE_LIMIT", 10)
    proc = LtProc(BE_ANALYSER, "analyse")
    first = proc.lookup([f"слова{i}" for i in range(8)])
    again = proc.lookup([f"слова{i}" for i in range(4)] + [f"іншае{i}" for i in range(6)])
    assert again[:4] == first[:4] and all(again) and len(proc._cache) <= 10
    proc.close()
