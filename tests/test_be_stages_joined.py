"""The Belarusian stream stages run as one sed process (lang._be_apertium_extras): the joined
script must do exactly what the three stages do one after the other (their Python twins)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

import test_be_corrections as corrections_rows
import test_be_government as government_rows
import test_be_participles as participle_rows
from translator_flow.lang import be_corrections, be_government, be_participles
from translator_flow.lang.be_corrections import sed_stage


def _streams() -> list[str]:
    rows = [s for s, _ in corrections_rows.STREAMS]
    rows += [r[1] for r in government_rows.GOVERNMENT] + list(government_rows.NOT_GOVERNED)
    rows += [r[1] for r in government_rows.GENDER] + [r[0] for r in government_rows.PREDICATIVE]
    unit, comma = participle_rows._unit, participle_rows.COMMA
    rows += [r[1] + comma + unit(r[3], r[4], r[2]) + " ^в<pr>/у<pr>/ва<pr>$" for r in participle_rows.POSTPOSED]
    rows += list(participle_rows.LEFT_ALONE)
    # one record where all three stages act
    rows.append(" ".join(rows[i] for i in (0, len(corrections_rows.STREAMS), -3)))
    return rows


def _in_turn(stream: str) -> str:
    return be_government.rewrite_stream(be_participles.rewrite_stream(be_corrections.rewrite_bidix_stream(stream)))


@pytest.mark.skipif(shutil.which("sed") is None, reason="sed is not installed")
def test_one_sed_process_does_what_the_three_stages_do_in_turn() -> None:
    streams = _streams()
    assert len(streams) > 40
    argv = sed_stage(be_corrections.sed_script(), be_participles.sed_script(), be_government.sed_script())
    payload = "".join(s + "[]\0" for s in streams).encode()
    out = subprocess.run(argv, input=payload, capture_output=True, check=True).stdout.decode()
    assert out.split("\0")[:-1] == [_in_turn(s) + "[]" for s in streams]
    assert sum(_in_turn(s) != s for s in streams) > 30  # the rows do exercise the rules


def test_the_pipeline_runs_the_stages_as_one_process() -> None:
    from translator_flow.lang import engine_extras

    stages = engine_extras("be", "apertium")["post_bidix_stages"]
    assert len(stages) == 1 and stages[0][-1].count("\n:_next") in (1, 2)
