"""The pair's grammar recompiled with the overlay's rules in front (lang/apertium_overlay/pair_grammar.py):
the repair of cg3 1.3.9's written grammar, the check that guards it, and its use by the engine."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from translator_flow.lang.apertium_overlay import build as overlay_build
from translator_flow.lang.apertium_overlay.build import GRAMMAR, Overlay, build, data_dir
from translator_flow.lang.apertium_overlay.pair_grammar import (
    GrammarMergeError,
    merge,
    repair,
    same_choices,
    unifying_sets,
)

PAIR = Path("/usr/share/apertium/apertium-bel-rus")
needs_cg3 = pytest.mark.skipif(shutil.which("vislcg3") is None or shutil.which("cg-comp") is None, reason="cg3 missing")
needs_pair = pytest.mark.skipif(not (PAIR / GRAMMAR).is_file() or bool(overlay_build.missing_tools()),
                                reason="apertium-bel-rus or the overlay's build tools missing")

WRITTEN = """# DELIMITERS and SOFT-DELIMITERS do not exist. Instead, look for the sets _S_DELIMITERS_ and _S_SOFT_DELIMITERS_.
MAPPING-PREFIX = @ ;
LIST S1 = m f nt  ;
SET S2 = S1  ;
LIST S3 = adj  ;
SET S4 = S3 + S2  ;
LIST _S_DELIMITERS_ = "<.>"  ;
LIST _S_SOFT_DELIMITERS_ = "<,>"  ;

SECTION
SELECT S4 (1C S2 )  ;
"""


def test_repair_restores_delimiters_and_unification() -> None:
    text = repair(WRITTEN, {2: 1 << 2})
    assert 'DELIMITERS = "<.>"' in text and 'SOFT-DELIMITERS = "<,>"' in text
    assert "_S_DELIMITERS_" not in text and "do not exist" not in text
    assert "SET S2 =" not in text  # the copy is gone …
    assert "SET S4 = S3 + $$S1" in text and "(1C $$S1 )" in text  # … every use unifies over its original


def test_repair_refuses_what_it_does_not_recognise() -> None:
    with pytest.raises(GrammarMergeError, match="S3"):
        repair(WRITTEN, {3: 1 << 2})  # S3 is a LIST, not a copy
    with pytest.raises(GrammarMergeError, match="DELIMITERS"):
        repair(WRITTEN.replace("_S_DELIMITERS_", "X"), {})


def test_merge_puts_the_overlay_rules_before_the_sections() -> None:
    overlay = 'DELIMITERS = "<.>" ;\nLIST Gen = gen ;\nSECTION\nREMOVE (x) IF (1 Gen) ;\n'
    merged = merge(repair(WRITTEN, {2: 1 << 2}), overlay)
    assert merged.count("DELIMITERS =") == 2  # the pair's (and SOFT-); the overlay's own is dropped
    assert merged.index("LIST Gen") < merged.index("BEFORE-SECTIONS") < merged.index("REMOVE (x)") < merged.index("SECTION\nSELECT")


def test_unifying_sets_refuses_other_files() -> None:
    with pytest.raises(GrammarMergeError):
        unifying_sets(b"not a grammar at all")
    with pytest.raises(GrammarMergeError, match="ends early"):
        unifying_sets(b"CG3B" + (13892).to_bytes(4, "big") + (1 << 8).to_bytes(4, "big") + (5).to_bytes(4, "big"))


SOURCE = """DELIMITERS = "<.>" ;
LIST Gender = m f ;
LIST A = adj ;
LIST N = n ;
SECTION
SELECT A + $$Gender IF (1C N + $$Gender) ;
"""
#: «новый» is m or f; the noun after it only f: unification keeps the f reading.
COHORTS = b"^new/new<adj><m>/new<adj><f>$ ^house/house<n><f>$^./.<sent>$\0"


def _cg(grammar: Path, data: bytes) -> bytes:
    return subprocess.run(["cg-proc", "-z", str(grammar)], input=data, capture_output=True, check=True).stdout


@needs_cg3
def test_the_written_grammar_loses_unification_and_the_repair_restores_it(tmp_path: Path) -> None:
    """What the module is for, on a grammar of our own: cg3 1.3.9's writer drops $$."""
    (tmp_path / "g.rlx").write_text(SOURCE, encoding="utf-8")
    subprocess.run(["cg-comp", str(tmp_path / "g.rlx"), str(tmp_path / "g.bin")], check=True, capture_output=True)
    original = _cg(tmp_path / "g.bin", COHORTS)
    assert b"new<adj><m>" not in original and b"new<adj><f>" in original
    subprocess.run(["vislcg3", "-g", str(tmp_path / "g.bin"), "--grammar-out", str(tmp_path / "w.rlx")],
                   check=True, capture_output=True, stdin=subprocess.DEVNULL)
    written = (tmp_path / "w.rlx").read_text(encoding="utf-8")
    unify = unifying_sets((tmp_path / "g.bin").read_bytes())
    assert unify, "the binary marks a unifying set"
    for name, text in (("as written", written), ("repaired", repair(written, unify))):
        (tmp_path / f"{name}.rlx").write_text(text, encoding="utf-8")
        subprocess.run(["cg-comp", str(tmp_path / f"{name}.rlx"), str(tmp_path / f"{name}.bin")], check=True,
                       capture_output=True)
    if "$$" not in written:  # cg3 before the 2023 fix: the written grammar behaves otherwise
        assert _cg(tmp_path / "as written.bin", COHORTS) != original
    assert _cg(tmp_path / "repaired.bin", COHORTS) == original


@needs_pair
@pytest.mark.slow
def test_build_uses_the_merged_grammar_and_no_second_pass(tmp_path: Path) -> None:
    overlay = build(cache=tmp_path)
    assert overlay is not None and overlay.merged_cg and not overlay.cg_note
    options = overlay.engine_options()
    assert options["data_files"][GRAMMAR] == overlay.merged_cg  # type: ignore[index]
    assert "pre_cg_stages" not in options


@needs_pair
@pytest.mark.slow
def test_the_check_text_catches_a_merge_without_unification(tmp_path: Path) -> None:
    """The build's guard must be able to fail: merging the grammar as cg3 1.3.9 writes it,
    without restoring $$, chooses other readings on the check text."""
    overlay = build(cache=tmp_path)
    assert overlay is not None
    analysed = overlay_build.analysed_check_text(Path(overlay.files["rus-bel.automorf.bin"]))
    assert same_choices(analysed, PAIR / GRAMMAR, Path(overlay.cg), Path(overlay.merged_cg))
    written = tmp_path / "w.rlx"
    subprocess.run(["vislcg3", "-g", str(PAIR / GRAMMAR), "--grammar-out", str(written)], check=True,
                   capture_output=True, stdin=subprocess.DEVNULL)
    if "$$" in written.read_text(encoding="utf-8"):
        pytest.skip("this cg3 writes unification itself")
    unrepaired = repair(written.read_text(encoding="utf-8"), {})
    source = tmp_path / "m.rlx"
    source.write_text(merge(unrepaired, (data_dir() / "rus.rlx").read_text(encoding="utf-8")), encoding="utf-8")
    subprocess.run(["cg-comp", str(source), str(tmp_path / "m.bin")], check=True, capture_output=True)
    assert not same_choices(analysed, PAIR / GRAMMAR, Path(overlay.cg), tmp_path / "m.bin")


@needs_pair
@pytest.mark.slow
def test_a_failed_merge_keeps_the_separate_pass_and_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from translator_flow.lang.apertium_overlay import pair_grammar

    def broken(*args: object) -> Path:
        raise GrammarMergeError("binary grammar revision 99999 is not one this reader knows")

    monkeypatch.setattr(pair_grammar, "compile_merged", broken)
    overlay = build(cache=tmp_path)
    assert overlay is not None and not overlay.merged_cg
    assert "99999" in overlay.cg_note
    options = overlay.engine_options()
    assert options["pre_cg_stages"] == [["cg-proc", "-z", overlay.cg]]
    assert GRAMMAR not in options["data_files"]  # type: ignore[operator]


def test_engine_options_without_a_merged_grammar_run_two_passes(tmp_path: Path) -> None:
    overlay = Overlay(tmp_path, "h", {}, "lrx", "cg", 0.0, "", "why")
    assert overlay.engine_options()["pre_cg_stages"] == [["cg-proc", "-z", "cg"]]
