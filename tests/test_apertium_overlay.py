"""The Apertium overlay's infrastructure: tag map, build, cache key, fallback, signature."""

from __future__ import annotations

import shutil
import time
import warnings
from pathlib import Path

import pytest

from translator_flow.lang import engine_extras
from translator_flow.lang.apertium_overlay import build as overlay_build
from translator_flow.lang.apertium_overlay.build import DATA_FILES, OverlayUnavailable, build, data_dir, data_hash
from translator_flow.lang.apertium_overlay.tags import form_tags, lemma_tags

needs_tools = pytest.mark.skipif(bool(overlay_build.missing_tools()) or not Path("/usr/share/apertium/modes/rus-bel.mode").exists(),
                                 reason="lttoolbox-dev / apertium-lex-tools-dev / cg3 or apertium-bel-rus missing")


# -- OpenCorpora → apertium-rus tag map (the installed analyser's own tags for known words) --

TAG_ROWS = [
    # (word, pymorphy3 POS[,grammemes] filter, expected apertium-rus tags)  — targets read off rus-bel.automorf.bin
    ("руководителями", "NOUN", ("n", "m", "aa", "pl", "ins")),  # ^руководителями/руководитель<n><m><aa><pl><ins>$
    ("встрече", "NOUN,loct", ("n", "f", "nn", "sg", "prp")),
    ("провёл", "VERB", ("vblex", "perf", "tv", "past", "m", "sg")),  # ^провёл/провести<vblex><perf><tv><past><m><sg>$
    ("провели", "VERB", ("vblex", "perf", "tv", "past", "mfn", "pl")),
    ("проведёт", "VERB", ("vblex", "perf", "tv", "fut", "p3", "sg")),
    ("проводят", "VERB", ("vblex", "impf", "tv", "pres", "p3", "pl")),
    ("провести", "INFN", ("vblex", "perf", "tv", "inf")),
    ("проведите", "VERB", ("vblex", "perf", "tv", "imp", "p2", "pl")),
    ("красивая", "ADJF", ("adj", "f", "an", "sg", "nom")),  # ^красивая/красивый<adj><sint><f><an><sg><nom>$ (no sint)
    ("красивой", "ADJF,gent", ("adj", "f", "an", "sg", "gen")),
    ("красивы", "ADJS", ("adj", "short", "mfn", "pl")),
    ("быстро", "ADVB", ("adv",)),
    # present active participles: the pair's passive order (<pp><pasv><G><an><N><case>) with
    # apertium-bel's <pprs><actv>; rewritten by lang/be_participles.py after the bilingual lookup
    ("работающая", "PRTF", ("vblex", "impf", "iv", "pprs", "actv", "f", "an", "sg", "nom")),
    ("работающих", "PRTF,accs", ("vblex", "impf", "iv", "pprs", "actv", "mfn", "aa", "pl", "acc")),
    ("выпускающему", "PRTF", ("vblex", "impf", "tv", "pprs", "actv", "m", "an", "sg", "dat")),
    # past passive participles, as the pair tags its own (^проведённой/провести<vblex><perf><tv><pp><pasv><f><an><sg><gen>$)
    ("проведённой", "PRTF,gent", ("vblex", "perf", "tv", "pp", "pasv", "f", "an", "sg", "gen")),
    ("установленных", "PRTF,accs,anim", ("vblex", "perf", "tv", "pp", "pasv", "mfn", "aa", "pl", "acc")),
]


@pytest.mark.parametrize(("word", "pos", "expected"), TAG_ROWS)
def test_tag_map(word, pos, expected):
    from translator_flow.morph.russian import analyzer

    wanted = set(pos.split(","))
    parse = next(p for p in analyzer().parse(word) if wanted <= set(p.tag.grammemes) | {p.tag.POS})
    assert form_tags(parse.tag) == expected


def test_accusative_animacy_follows_the_form():
    from translator_flow.morph.russian import analyzer

    forms = {str(f.tag): f for f in analyzer().parse("актуальный")[0].lexeme}
    anim = next(f for t, f in forms.items() if "anim" in t and "masc" in t and "accs" in t)
    inan = next(f for t, f in forms.items() if "inan" in t and "masc" in t and "accs" in t)
    assert form_tags(anim.tag) == ("adj", "m", "aa", "sg", "acc")
    assert form_tags(inan.tag) == ("adj", "m", "nn", "sg", "acc")


def test_forms_the_map_cannot_express_are_left_out():
    from translator_flow.morph.russian import analyzer

    past = next(p for p in analyzer().parse("работавшая") if p.tag.POS == "PRTF")
    assert form_tags(past.tag) is None  # left to the fallback, not mis-tagged
    present_passive = next(p for p in analyzer().parse("проводимая") if p.tag.POS == "PRTF")
    assert form_tags(present_passive.tag) is None
    short = next(p for p in analyzer().parse("установлены") if p.tag.POS == "PRTS")
    assert form_tags(short.tag) is None  # the fallback gives the short form; the pair's transfer has none
    gerund = next(p for p in analyzer().parse("работая") if p.tag.POS == "GRND")
    assert form_tags(gerund.tag) is None
    assert lemma_tags({"NOUN", "inan", "Pltm"}, "NOUN") == ("n", "mfn", "nn")


# -- data and cache --------------------------------------------------------------------------

def test_sections_are_not_named_main():
    for name in ("rus.dix", "rus-bel.dix", "bel.dix"):
        text = (data_dir() / name).read_text(encoding="utf-8")
        assert 'section id="main"' not in text  # a "main" section would replace the pair's own
        assert 'section id="translator-flow"' in text


def test_data_hash_changes_with_the_data(tmp_path):
    copy = tmp_path / "data"
    copy.mkdir()
    for name in DATA_FILES:
        shutil.copy(data_dir() / name, copy / name)
    before = data_hash(copy)
    assert before == data_hash(data_dir())
    (copy / "rus.rlx").write_text((copy / "rus.rlx").read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert data_hash(copy) != before


@needs_tools
@pytest.mark.slow
def test_build_once_then_cached_and_rebuilt_on_change(tmp_path):
    start = time.perf_counter()
    first = build(cache=tmp_path)
    assert first is not None and time.perf_counter() - start < 30  # issue 14: build < 30 s
    assert all(Path(p).is_file() for p in first.files.values())
    again = build(cache=tmp_path)
    assert again is not None and again.directory == first.directory and again.seconds == 0.0
    copy = tmp_path / "data"
    copy.mkdir()
    for name in DATA_FILES:
        shutil.copy(data_dir() / name, copy / name)
    (copy / "rus-bel.lrx").write_text((copy / "rus-bel.lrx").read_text(encoding="utf-8").replace("<rules>", "<rules>\n"),
                                      encoding="utf-8")
    changed = build(cache=tmp_path, data=copy)
    assert changed is not None and changed.directory != first.directory and changed.data_hash != first.data_hash


@needs_tools
@pytest.mark.slow
def test_installed_package_change_rebuilds(tmp_path, monkeypatch):
    first = build(cache=tmp_path)
    monkeypatch.setattr(overlay_build, "_installed_key", lambda pair_dir: "other-version")
    second = build(cache=tmp_path)
    assert first is not None and second is not None and first.directory != second.directory


def test_missing_tool_warns_and_gives_the_plain_engine_options(monkeypatch):
    monkeypatch.setattr(overlay_build.shutil, "which", lambda tool: None if tool == "lrx-comp" else "/usr/bin/" + tool)
    with pytest.warns(OverlayUnavailable, match="apt-get install apertium-lex-tools-dev"):
        options = engine_extras("be", "apertium")
    assert "overlay_hash" not in options and "data_files" not in options
    assert options["post_bidix_stages"]  # the post-hoc corrections still run


@needs_tools
@pytest.mark.slow
def test_broken_data_warns_instead_of_failing(tmp_path):
    copy = tmp_path / "data"
    copy.mkdir()
    for name in DATA_FILES:
        shutil.copy(data_dir() / name, copy / name)
    (copy / "rus.rlx").write_text("SELECT (((", encoding="utf-8")
    with pytest.warns(OverlayUnavailable, match="could not be built"):
        assert build(cache=tmp_path, data=copy) is None


@needs_tools
@pytest.mark.slow
def test_engine_runs_merged_binaries_and_signature_carries_the_hash(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    from translator_flow.config import Settings
    from translator_flow.pipeline import Pipeline

    with warnings.catch_warnings():
        warnings.simplefilter("error", OverlayUnavailable)
        with Pipeline(Settings()) as pipeline:
            engine = pipeline.engine("be")
            stages = engine._run_stages()
            used = {a for s in stages for a in s}
            assert any(a.startswith(str(tmp_path)) and a.endswith("rus-bel.autobil.bin") for a in used)
            assert "/usr/share/apertium/apertium-bel-rus/rus-bel.autobil.bin" not in used
            sig = pipeline.signature("be", engine)
            assert sig.overlay_hash == data_hash() and "apertium-bel-rus" in sig.model_id
            out = engine.translate_batch(["Они обсудили планы."], "ru", "be")[0]
            assert "абмеркавалі" in out.text and not out.marks  # an overlay verb, inflected by the pair


@needs_tools
@pytest.mark.slow
def test_committed_dictionaries_match_the_tables():
    # The .dix files are generated from the reviewed tables; an edit to a table without
    # regenerating (python -m translator_flow.lang.apertium_overlay.generate) fails here.
    from translator_flow.lang.apertium_overlay.generate import build_tables

    rus, bi, bel, _ = build_tables()
    for name, text in (("rus.dix", rus), ("rus-bel.dix", bi), ("bel.dix", bel)):
        assert (data_dir() / name).read_text(encoding="utf-8") == text, f"{name} is stale: regenerate it"


def test_engine_rejects_data_files_the_mode_does_not_use():
    from translator_flow.engines.apertium import ApertiumEngine

    if not Path("/usr/share/apertium/modes/rus-bel.mode").exists():
        pytest.skip("apertium-bel-rus missing")
    with pytest.raises(ValueError, match="no data file of the mode"):
        ApertiumEngine(data_files={"nonexistent.bin": "/tmp/x.bin"})


def test_engine_reports_a_vanished_cache_file(tmp_path):
    from translator_flow.engines.apertium import ApertiumEngine
    from translator_flow.errors import EngineUnavailable

    if not Path("/usr/share/apertium/modes/rus-bel.mode").exists():
        pytest.skip("apertium-bel-rus missing")
    with pytest.raises(EngineUnavailable, match="overlay cache"):
        ApertiumEngine(data_files={"rus-bel.autobil.bin": str(tmp_path / "gone.bin")})


@pytest.mark.parametrize(("answer", "lemma", "known"), [
    ("^курсов/курсовой<adj><sint><short><m><sg>$", "курс", False),  # only under another lemma: added
    ("^курса/курс<n><m><nn><sg><gen>$", "курс", True),
    ("^цвета/цвет¹<n><m><nn><sg><gen>$", "цвет", True),  # homonym numbers do not count
    ("^ещё/еще<adv>$", "ещё", True),  # nor ё/е or case
    ("^При/при<pr>/пря<n><f><nn><sg><gen>$", "пря", True),  # a closed-class homograph keeps the analyser's word
    ("^при/при<pr>$", "пря", True),
])
def test_a_form_known_only_under_another_lemma_is_added(answer, lemma, known):
    from translator_flow.lang.apertium_overlay.generate import _knows_lemma

    assert _knows_lemma(answer, lemma) is known


# -- generator gaps (paradigms.gaps): forms a lemma the generator has still lacks -------------

def _fake_generator(known: dict[str, str]):
    """A generator that knows ``known`` (unit → form) and fails on everything else."""
    def generate(units):
        return [known.get(u, "#" + u.strip("^$").split("<")[0]) for u in units]
    return generate


def test_gap_forms_come_only_from_agreeing_models_of_the_lemmas_gender():
    from translator_flow.lang.apertium_overlay.paradigms import gaps

    known = {"^карта<n><f><nn><pl><gen>$": "карт", "^зарплата<n><f><nn><sg><gen>$": "зарплаты",
             # two feminine models of «-ка» that disagree on the genitive plural: neither is taken
             "^рэчка<n><f><nn><pl><gen>$": "рэчак", "^атака<n><f><nn><pl><gen>$": "атак",
             "^атака<n><f><nn><pl><dat>$": "атакам", "^рэчка<n><f><nn><pl><dat>$": "рэчкам"}
    made = gaps([("зарплата", "n", ("n", "f", "nn")), ("інфарматыка", "n", ("n", "f", "nn"))], _fake_generator(known))
    assert ("зарплат", "зарплата", "<n><f><nn><pl><gen>") in made
    assert not any(tags == "<n><f><nn><sg><gen>" for _, lemma, tags in made if lemma == "зарплата")  # it has that form
    assert ("інфарматыкам", "інфарматыка", "<n><f><nn><pl><dat>") in made
    assert not any(tags.endswith("<pl><gen>") for _, lemma, tags in made if lemma == "інфарматыка")


def test_gap_verb_forms_are_third_person_or_past_from_a_close_model():
    from translator_flow.lang.apertium_overlay.paradigms import gaps

    known = {"^арганізаваць<vblex><perf><fut><p3><pl>$": "арганізуюць",
             "^арганізаваць<vblex><perf><fut><p1><sg>$": "арганізую",
             "^чытаць<vblex><impf><pres><p3><pl>$": "чытаюць"}
    made = gaps([("прагназаваць", "v", ("vblex", "impf")), ("гучаць", "v", ("vblex", "impf"))],
                _fake_generator(known))
    assert ("прагназуюць", "прагназаваць", "<vblex><impf><pres><p3><pl>") in made
    assert not any("<p1>" in tags for *_, tags in made)  # first person: alternations a swap gets wrong
    assert not any(lemma == "гучаць" for _, lemma, _ in made)  # «чытаць» shares only «-аць»: not «гучаюць»


@needs_tools
@pytest.mark.slow
def test_merged_analyser_reads_forms_the_pair_gives_another_lemma(tmp_path):
    import subprocess

    overlay = build(cache=tmp_path)
    assert overlay is not None
    out = subprocess.run(["lt-proc", "-w", overlay.files["rus-bel.automorf.bin"]], input="курсов минувшем\n",
                         capture_output=True, text=True, check=True).stdout
    assert "курс<n><m><nn><pl><gen>" in out and "минувший<adj>" in out


@needs_tools
@pytest.mark.slow
def test_participles_the_generator_spells_twice_stay_with_the_fallback():
    """apertium-bel prints «выяўленае/выяялененае» for выявіць and «скасованы» for скасаваць;
    such participles are not added."""
    from translator_flow.lang.apertium_overlay.generate import _participles_generated_cleanly

    clean = _participles_generated_cleanly({"выявіць": ("vblex", "perf"), "запусціць": ("vblex", "perf"),
                                            "нябыліцца": ("vblex", "perf"), "скасаваць": ("vblex", "perf"),
                                            "рэалізаваць": ("vblex", "perf")})
    assert clean == {"запусціць", "рэалізаваць"}  # not two spellings, none, or «скасованы» for скасаваны
    rus = (data_dir() / "rus.dix").read_text(encoding="utf-8")
    assert "<l>запущенная</l>" in rus and "<l>выявленная</l>" not in rus


@needs_tools
@pytest.mark.slow
def test_partial_paradigms_of_the_generator_are_completed():
    from translator_flow.engines.apertium import ApertiumEngine

    texts = ["Специалисты прогнозируют рост.", "Повышение зарплат продолжится.", "Развитие электронных сервисов."]
    with ApertiumEngine(timeout=10, **engine_extras("be", "apertium")) as engine:
        outs = engine.translate_batch(texts, "ru", "be")
    for text, out in zip(texts, outs):
        assert not [m for m in out.marks if m.kind == "generation"], (text, out.text)


def test_a_model_swap_spells_v_for_u_short_before_a_vowel():
    from translator_flow.lang.be_paradigm import swap_stem

    # «рэчка» → «рэчак»: the inserted vowel follows the stem's last consonant; ў before it is в
    assert swap_stem("аўтазапраўка", "рэчка", "рэчак") == "аўтазаправак"
    assert swap_stem("стаўка", "рэчка", "рэчкі") == "стаўкі"
