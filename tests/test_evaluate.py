"""Evaluation harness: scores, per-segment TSV, unknown-word share, the `eval` command."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from translator_flow.errors import ReaderError
from translator_flow.evaluate import evaluate, normalize_typography, read_pairs_tsv, write_tsv
from translator_flow.model import EngineOutput, Mark

# A tiny pair file of our own (not from any corpus).
SRC = ["Губернатор провёл совещание.", "Обсудили актуальные вопросы.", "Итоги года подведены."]
REF = ["Губернатар правёў нараду.", "Абмеркавалі актуальныя пытанні.", "Вынікі года падведзены."]


def fake_translate(texts):
    """A stand-in engine: one perfect draft, one with a word left in Russian, one empty."""
    out = []
    for text in texts:
        if text.startswith("Губернатор"):
            out.append("Губернатар правёў нараду.")
        elif text.startswith("Обсудили"):
            out.append(EngineOutput("Обсудили актуальныя пытанні.", (Mark("unknown", "Обсудили", 0, 8),)))
        else:
            out.append("")
    return out


def test_scores_rows_lost_and_unknown_share() -> None:
    result = evaluate(SRC, REF, "be", fake_translate, label="fake")
    assert 0 < result.chrf < 100 and 0 <= result.bleu < 100
    assert result.rows[0].chrf == pytest.approx(100.0)
    assert result.lost == 1 and result.rows[2].lost
    assert result.unknown_share == pytest.approx(1 / 3)
    assert result.rows[1].unresolved == ("Обсудили",)
    assert "chrF" in result.summary() and "lost 1/3" in result.summary()


def test_perfect_drafts_score_100() -> None:
    result = evaluate(SRC, REF, "be", lambda texts: list(REF))
    assert result.chrf == pytest.approx(100.0) and result.bleu == pytest.approx(100.0)
    assert result.lost == 0 and result.unknown_share == 0


def test_typography_does_not_change_the_score() -> None:
    ref = ['Агенцтва "Мінск-Навіны" - у цэнтры.']
    styled = evaluate(["x"], ref, "be", lambda t: ["Агенцтва «Мінск-Навіны» — у\u00a0цэнтры."])
    assert styled.chrf == pytest.approx(100.0)
    raw = evaluate(["x"], ref, "be", lambda t: ["Агенцтва «Мінск-Навіны» — у\u00a0цэнтры."], normalize=False)
    assert raw.chrf < 100
    assert normalize_typography("«a» „b“ — c’d…") == '"a" "b" - c\'d...'


def test_write_tsv_one_row_per_segment(tmp_path: Path) -> None:
    result = evaluate(SRC, REF, "be", fake_translate, ids=["a", "b", "c"])
    path = write_tsv(result, tmp_path / "rows.tsv")
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert [r["id"] for r in rows] == ["a", "b", "c"]
    assert rows[1]["unknown"] == "Обсудили" and rows[2]["lost"] == "1"
    assert rows[0]["draft"] == "Губернатар правёў нараду." and rows[0]["reference"] == REF[0]


def test_misaligned_files_are_an_input_error() -> None:
    with pytest.raises(ReaderError, match="one segment per line"):
        evaluate(SRC, REF[:2], "be", fake_translate)


def test_read_pairs_tsv(tmp_path: Path) -> None:
    path = tmp_path / "pairs.tsv"
    path.write_text("id\tru\tbe\n1\tДа.\tТак.\n2\tНет.\tНе.\n", encoding="utf-8")
    assert read_pairs_tsv(path) == (["1", "2"], ["Да.", "Нет."], ["Так.", "Не."])
    path.write_text("id\tru\tbe\n1\tДа.\n", encoding="utf-8")
    with pytest.raises(ReaderError, match=":2:"):
        read_pairs_tsv(path)


apertium = pytest.mark.skipif(
    not Path("/usr/share/apertium/modes/rus-bel.mode").exists(), reason="Apertium rus-bel is not installed"
)


@apertium
def test_eval_command_on_the_real_pipeline(tmp_path: Path) -> None:
    from translator_flow.cli import cli
    src, ref, tsv = tmp_path / "src.txt", tmp_path / "ref.txt", tmp_path / "out.tsv"
    src.write_text("\n".join(SRC) + "\n", encoding="utf-8")
    ref.write_text("\n".join(REF) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "--src", str(src), "--ref", str(ref), "--to", "be", "--tsv", str(tsv)])
    assert result.exit_code == 0, result.output
    assert "chrF" in result.output and "BLEU" in result.output and "lost 0/3" in result.output
    rows = tsv.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 4  # header + one row per segment


@apertium
def test_eval_command_rejects_misaligned_files(tmp_path: Path) -> None:
    from translator_flow.cli import cli
    src, ref = tmp_path / "src.txt", tmp_path / "ref.txt"
    src.write_text("Да.\nНет.\n", encoding="utf-8")
    ref.write_text("Так.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "--src", str(src), "--ref", str(ref)])
    assert result.exit_code == 4
    assert "one segment per line" in result.output
