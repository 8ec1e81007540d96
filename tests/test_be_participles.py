"""Russian present active participles → Belarusian relative clauses (lang/be_participles.py).

One row per participle shape on hand-written bilingual-lookup lines (the tags the overlay
analyser gives, apertium_overlay/tags.py); the sed stage must do exactly what the Python
twin does; every flag becomes a mark and none reaches a draft.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from translator_flow.lang import be_participles as bp
from translator_flow.lang.be_participles import CLOSE, FLAGS, OPEN, PREPOSED, mark_output, rewrite_stream
from translator_flow.model import EngineOutput, Mark
from translator_flow.qa.marks import mark_finding

COMMA = "^,<cm>/,<cm>$ "


def _unit(ru: str, be: str, tags: str, t: str = "iv") -> str:
    return f"^{ru}<vblex><impf><{t}><pprs><actv>{tags}/{be}<vblex><impf><pprs><actv>{tags}$"


# (what, head noun unit, participle tags, ru verb, be verb, pronoun tags, verb number)
POSTPOSED = [
    (
        "f sg nom: компания, работающая",
        "^Компания<n><f><nn><sg><nom>/Кампанія<n><f><nn><sg><nom>$",
        "<f><an><sg><nom>",
        "работать",
        "працаваць",
        "<f><an><sg><nom>",
        "sg",
    ),
    (
        "f sg gen: компании, работающей",
        "^компания<n><f><nn><sg><gen>/кампанія<n><f><nn><sg><gen>$",
        "<f><an><sg><gen>",
        "работать",
        "працаваць",
        "<f><an><sg><nom>",
        "sg",
    ),
    (
        "m sg nom: завод, выпускающий",
        "^завод<n><m><nn><sg><nom>/завод²<n><m><nn><sg><nom>$",
        "<m><an><sg><nom>",
        "выпускать",
        "выпускаць",
        "<m><an><sg><nom>",
        "sg",
    ),
    (
        "m sg ins: заводом, выпускающим",
        "^завод<n><m><nn><sg><ins>/завод²<n><m><nn><sg><ins>$",
        "<m><an><sg><ins>",
        "выпускать",
        "выпускаць",
        "<m><an><sg><nom>",
        "sg",
    ),
    (
        "nt sg dat: предприятию, выпускающему",
        "^предприятие<n><nt><nn><sg><dat>/прадпрыемства<n><nt><nn><sg><dat>$",
        "<nt><an><sg><dat>",
        "выпускать",
        "выпускаць",
        "<nt><an><sg><nom>",
        "sg",
    ),
    (
        "pl nom: граждане, проживающие",
        "^гражданин<n><m><aa><pl><nom>/грамадзянін<n><m><aa><pl><nom>$",
        "<mfn><an><pl><nom>",
        "проживать",
        "пражываць",
        "<mfn><an><pl><nom>",
        "pl",
    ),
    (
        "pl acc animate: специалистов, работающих",
        "^специалист<n><m><aa><pl><acc>/спецыяліст<n><m><aa><pl><acc>$",
        "<mfn><aa><pl><acc>",
        "работать",
        "працаваць",
        "<mfn><an><pl><nom>",
        "pl",
    ),
    # «які» agrees with the Belarusian noun: учреждение (nt) → установа (f) → «якая займаецца»
    (
        "reflexive nt nom: учреждение, занимающееся",
        "^учреждение<n><nt><nn><sg><nom>/установа<n><f><nn><sg><nom>$",
        "<nt><an><sg><nom>",
        "заниматься",
        "займацца",
        "<f><an><sg><nom>",
        "sg",
    ),
    # the noun before the comma is in another case: not the head, the participle's own gender
    (
        "m sg nom after a genitive: специалист отрасли, работающий",
        "^отрасль<n><f><nn><sg><gen>/галіна<n><f><nn><sg><gen>$",
        "<m><an><sg><nom>",
        "работать",
        "працаваць",
        "<m><an><sg><nom>",
        "sg",
    ),
    # a noun of another gender before the comma is not the head: «центра … ортопедии, входящего»
    (
        "m sg gen after a feminine genitive",
        "^ортопедия<n><f><nn><sg><gen>/артапедыя<n><f><nn><sg><gen>$",
        "<m><an><sg><gen>",
        "входить",
        "уваходзіць",
        "<m><an><sg><nom>",
        "sg",
    ),
    # masculine and neuter share oblique forms: the Belarusian noun decides
    (
        "nt-read participle after a masculine ins: заводом, выпускающим",
        "^завод<n><m><nn><sg><ins>/завод²<n><m><nn><sg><ins>$",
        "<nt><an><sg><ins>",
        "выпускать",
        "выпускаць",
        "<m><an><sg><nom>",
        "sg",
    ),
    # a multiword verb lemma of the overlay
    (
        "pl nom: брактеаты, представляющие собой",
        "^брактеат<n><m><nn><pl><nom>/брактэат<n><m><nn><pl><nom>$",
        "<mfn><an><pl><nom>",
        "представлять собой",
        "уяўляць сабой",
        "<mfn><an><pl><nom>",
        "pl",
    ),
    (
        "reflexive pl gen: студентов, обучающихся",
        "^студент<n><m><aa><pl><gen>/студэнт<n><m><aa><pl><gen>$",
        "<mfn><an><pl><gen>",
        "обучаться",
        "навучацца",
        "<mfn><an><pl><nom>",
        "pl",
    ),
]


@pytest.mark.parametrize(
    ("what", "head", "tags", "ru", "be", "pron", "number"), POSTPOSED, ids=[r[0] for r in POSTPOSED]
)
def test_postposed_participle_becomes_pronoun_and_finite_verb(what, head, tags, ru, be, pron, number):
    line = head + COMMA + _unit(ru, be, tags) + " ^в<pr>/у<pr>/ва<pr>$"
    out = rewrite_stream(line)
    expected = (
        f"[{OPEN}{ru}|]^который<prn><rel>{pron}/які<prn><itg>{pron}$ "
        f"^{ru}<vblex><impf><iv><pres><p3><{number}>/{be}<vblex><impf><pres><p3><{number}>$[{CLOSE}]"
    )
    assert out == head + COMMA + expected + " ^в<pr>/у<pr>/ва<pr>$"
    assert "<pprs>" not in out


def test_every_target_alternative_of_the_verb_is_retagged():
    line = (
        "^завод<n><m><nn><sg><nom>/завод<n><m><nn><sg><nom>$"
        + COMMA
        + "^включать<vblex><impf><tv><pprs><actv><m><an><sg><nom>/уключаць<vblex><impf><pprs><actv><m><an><sg><nom>"
        "/улучаць<vblex><impf><pprs><actv><m><an><sg><nom>$"
    )
    out = rewrite_stream(line)
    assert "<pprs>" not in out
    assert "/уключаць<vblex><impf><pres><p3><sg>/улучаць<vblex><impf><pres><p3><sg>$" in out


def test_prepositive_participle_is_flagged_not_rewritten():
    line = (
        _unit("Работать", "Працаваць", "<f><an><sg><nom>")
        + " ^компания<n><f><nn><sg><nom>/кампанія<n><f><nn><sg><nom>$"
    )
    out = rewrite_stream(line)
    assert out.startswith(
        f"[{PREPOSED}Працаваць|f|sg|]^Работать<vblex><impf><iv><ptcp><f><an><sg><nom>/Працаваць<ptcp>$"
    )
    assert "который" not in out and "<pprs>" not in out  # the pair's own reordering rule cannot fire


LEFT_ALONE = [
    # a past passive participle (the lexical stage's business)
    "^Грант<n><m><nn><sg><nom>/Грант<n><m><nn><sg><nom>$ ^выдать<vblex><perf><tv><pp><pasv><m><an><sg><nom>"
    "/выдаць<vblex><perf><pp><pasv><m><an><sg><nom>$",
    # lexicalised participles are adjectives in the pair's analyser: «следующий», «ведущий», «руководящий»
    "^этап<n><m><nn><sg><prp>/этап<n><m><nn><sg><prp>$" + COMMA + "^следующий<adj><sint><m><an><sg><prp>"
    "/наступны<adj><m><an><sg><loc>$",
    "^ведущий<adj><sint><m><an><sg><nom>/вядучы<adj><m><an><sg><nom>$ ^специалист<n><m><aa><sg><nom>"
    "/спецыяліст<n><m><aa><sg><nom>$",
    COMMA + "^руководящий<adj><sint><m><an><sg><ins>/кіруючы<adj><m><an><sg><ins>$",
    # a finite verb after a comma
    COMMA + "^работать<vblex><impf><iv><pres><p3><sg>/працаваць<vblex><impf><pres><p3><sg>$",
]


@pytest.mark.parametrize("line", LEFT_ALONE)
def test_other_units_are_left_alone(line):
    assert rewrite_stream(line) == line


@pytest.mark.skipif(shutil.which("sed") is None, reason="sed is not installed")
def test_sed_stage_does_what_the_python_twin_does():
    lines = [r[1] + COMMA + _unit(r[3], r[4], r[2]) + " ^в<pr>/у<pr>/ва<pr>$" for r in POSTPOSED] + LEFT_ALONE
    lines.append(
        _unit("Работать", "Працаваць", "<f><an><sg><nom>")
        + " ^компания<n><f><nn><sg><nom>/кампанія<n><f><nn><sg><nom>$"
    )
    payload = "".join(line + "[]\0" for line in lines).encode()
    out = subprocess.run(bp.participle_stage(), input=payload, capture_output=True, check=True).stdout.decode()
    assert out.split("\0")[:-1] == [rewrite_stream(line) + "[]" for line in lines]
    # its loop label is its own, so the script can share one sed process with the lexical one
    from translator_flow.lang.be_corrections import sed_script as lexical_script

    joined = ["sed", "-u", "-z", "-E", "-e", lexical_script() + bp.sed_script()]
    both = subprocess.run(joined, input=payload, capture_output=True, check=True).stdout.decode()
    lexical = subprocess.run(
        ["sed", "-u", "-z", "-E", "-e", lexical_script()], input=payload, capture_output=True, check=True
    ).stdout
    assert both == subprocess.run(bp.participle_stage(), input=lexical, capture_output=True, check=True).stdout.decode()


# -- flags → marks ----------------------------------------------------------------------


def test_rewrite_flags_become_one_info_mark_over_the_clause():
    text = f"Кампанія, {OPEN}работать|якая працуе{CLOSE} у рэгіёне, адкрыла завод."
    gen = text.index("завод")
    out = mark_output(EngineOutput(text, (Mark("generation", "завод", gen, gen + 5),)))
    assert out.text == "Кампанія, якая працуе у рэгіёне, адкрыла завод."
    mark = next(m for m in out.marks if m.kind == "fallback")
    assert (mark.via, mark.original, out.text[mark.start : mark.end]) == ("participle", "работать", "якая працуе")
    moved = next(m for m in out.marks if m.kind == "generation")
    assert out.text[moved.start : moved.end] == "завод"  # other marks move with the text
    finding = mark_finding(mark, out.text)
    assert finding.severity == "info" and "работать" in str(finding.message)


def test_prepositive_flag_becomes_a_warning_naming_the_clause(monkeypatch):
    monkeypatch.setattr(
        bp, "suggestion", lambda lemma, g, n: "якая працуе" if (lemma, g, n) == ("Працаваць", "f", "sg") else ""
    )
    text = f"{PREPOSED}Працаваць|f|sg|Працаваць кампанія адкрыла завод."
    start = len(PREPOSED) + len("Працаваць|f|sg|")
    out = mark_output(EngineOutput(text, (Mark("generation", "Працаваць", start, start + 9),)))
    assert out.text == "Працаваць кампанія адкрыла завод."
    # one finding for the word: the generation mark it also had is replaced, not doubled
    assert [(m.kind, m.start, m.end) for m in out.marks] == [("fallback", 0, 9)]
    mark = next(m for m in out.marks if m.kind == "fallback")
    finding = mark_finding(mark, out.text)
    assert finding.severity == "warning" and "якая працуе" in str(finding.message)


@pytest.mark.parametrize(
    "text",
    [
        f"а {OPEN}работать|якая працуе б",  # the closing flag lost
        f"а якая працуе{CLOSE} б",  # the opening flag lost
        f"{PREPOSED}",
        f"{OPEN}x|{CLOSE}{PREPOSED}y|f|sg|",
        f"{PREPOSED}працаваць|f|sg| {OPEN}работать|якія працуюць{CLOSE}, {OPEN}выпускать|якое выпускае{CLOSE}.",
        f"брактэаты, {OPEN}представлять собой|якія ўяўляюць сабой{CLOSE} пласцінкі",
    ],
)
def test_no_flag_reaches_a_draft(monkeypatch, text):
    monkeypatch.setattr(bp, "suggestion", lambda *a: "")
    out = mark_output(EngineOutput(text))
    assert not any(f in out.text for f in FLAGS)
    for m in out.marks:
        assert 0 <= m.start <= m.end <= len(out.text)
        assert out.text[m.start : m.end] == m.word


def test_lexicalised_participles_get_no_participle_reading():
    from translator_flow.lang.apertium_overlay.generate import HERE, _lexicalised

    for word in ("следующий", "действующий", "существующий", "ведущий", "руководящий", "развивающихся"):
        assert _lexicalised(word), word
    for word in ("работающая", "выпускающему", "занимающееся", "проживающих"):
        assert not _lexicalised(word), word
    rus = (HERE / "rus.dix").read_text(encoding="utf-8")
    assert "<l>работающая</l><r>работать" in rus and "<l>действующий</l>" not in rus


def test_biaspectual_verb_keeps_the_lemma_aspect():
    # «использовать» is perfective and imperfective; the overlay tags its participle with the
    # lemma's aspect (as the bilingual entry has it), and the finite verb is the present
    line = (
        "^компания<n><f><nn><pl><nom>/кампанія<n><f><nn><pl><nom>$"
        + COMMA
        + "^использовать<vblex><perf><tv><pprs><actv>"
        "<mfn><an><pl><nom>/выкарыстоўваць<vblex><impf><pprs><actv><mfn><an><pl><nom>$"
    )
    out = rewrite_stream(line)
    assert "^использовать<vblex><perf><tv><pres><p3><pl>/выкарыстоўваць<vblex><impf><pres><p3><pl>$" in out
    assert "/які<prn><itg><mfn><an><pl><nom>$" in out
