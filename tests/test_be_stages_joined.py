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


@pytest.mark.slow
def test_rows_the_overlay_carries_need_no_second_swap() -> None:
    """With the overlay, the lexical stage skips the bidix rows its dictionary carries: the
    drafts are the same as with every row swapped again (each carried lemma, two forms)."""
    from translator_flow.engines.apertium import ApertiumEngine
    from translator_flow.lang import engine_extras
    from translator_flow.lang.apertium_overlay.build import build, carried_corrections
    from translator_flow.morph.russian import analyzer

    if build() is None:
        pytest.skip("the Apertium overlay tools are not installed")
    carried = carried_corrections()
    assert carried and carried <= {r.ru for r in be_corrections.bidix_rules()}
    texts = []
    for lemma in sorted(carried):
        parse = analyzer().parse(lemma)[0]
        plural = parse.inflect({"plur", "gent"}) if parse.tag.POS == "NOUN" else None
        texts.append(f"Сегодня {lemma} и {plural.word if plural else lemma} обсуждались на встрече.")
    everything = engine_extras("be", "apertium")
    full = {**everything, "post_bidix_stages": [
        sed_stage(be_corrections.sed_script(), be_participles.sed_script(), be_government.sed_script())]}
    with ApertiumEngine(**everything) as skipping, ApertiumEngine(**full) as swapping:
        assert skipping.translate_batch(texts, "ru", "be") == swapping.translate_batch(texts, "ru", "be")
