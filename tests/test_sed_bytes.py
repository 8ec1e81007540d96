"""sed scripts made byte-safe for LC_ALL=C (lang/sed_bytes.py): the rewrite, its refusals, and
that every Belarusian stream script means the same under C as under C.UTF-8."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from translator_flow.lang import be_corrections, be_government, be_participles
from translator_flow.lang.sed_bytes import byte_safe

REWRITES = [
    # a letter pair in a bracket becomes a group; the replacement's \1 still names the same text
    (r"s#(\^[Бб]ыть)<vbser>#\1<vbfut>#g", r"s#(\^(Б|б)ыть)<vbser>#\1<vbfut>#g"),
    # groups after a new one are renumbered, in the pattern and in the replacement
    (r"s#(\^[Кк]о?<pr>/)[Кк]<pr>/([Дд]а<pr>)#\1\2#g", r"s#(\^(К|к)(о)?<pr>/)(К|к)<pr>/((Д|д)а<pr>)#\1\5#g"),
    (r"s#([Аа])(x)\2#\2\1#", r"s#((А|а))(x)\3#\3\1#"),
    # ASCII members of a mixed bracket stay a bracket inside the group
    (r"s#[Бб0-9]x#y#", r"s#(Б|б|[0-9])x#y#"),
    # a quantifier after a two-byte letter takes the whole letter
    (r"s#ё*x#y#", r"s#(ё)*x#y#"),
    # ASCII-only patterns, labels, branches and block ends are left as they are
    (r"s#(<n>[^$/<]*)<sg>#\1<pl>#g", r"s#(<n>[^$/<]*)<sg>#\1<pl>#g"),
    (":loop", ":loop"),
    ("tloop", "tloop"),
    ("}", "}"),
    # addresses, in both forms
    (r"\%[Пп]о<pr>%{", r"\%(П|п)о<pr>%{"),
    (r"/[Вв]<pr>/s#a#b#", r"/(В|в)<pr>/s#a#b#"),
    (r"/x/s#[Бб]#c#g", r"/x/s#(Б|б)#c#g"),  # a command after an address is converted too
    # in a replacement, [ is a literal character (a superblank), not a bracket expression
    (r"s#(x)#[\1|]#g", r"s#(x)#[\1|]#g"),
    # an escaped delimiter inside the pattern
    (r"s#a\#[Бб]#c#", r"s#a\#(Б|б)#c#"),
]


@pytest.mark.parametrize(("script", "expected"), REWRITES)
def test_rewrite(script: str, expected: str) -> None:
    assert byte_safe(script) == expected


REFUSED = [
    r"s/([[:upper:]][[:alpha:]]*)/\1/",  # POSIX classes are letters only in a UTF-8 locale
    r"s#[^ў]#x#",  # a negated bracket with a two-byte letter would exclude single bytes
    r"s#[а-я]#x#",  # a range of letters
    r"s#a.b#x#",  # '.' is one byte under C
    r"s#[Бб]#x#I",  # case folding of Cyrillic needs the locale
    r"s#([Аа])(b)(c)(d)(e)(f)(g)(h)(i)#\9#",  # \9 would become \10
    "y/ab/cd/",  # a command this module does not know
    r"s#([Бб])#\2#",  # a back-reference to no group
]


@pytest.mark.parametrize("script", REFUSED)
def test_refused(script: str) -> None:
    assert byte_safe(script) is None


def _belarusian_scripts() -> dict[str, str]:
    return {
        "lexical": be_corrections.sed_script(),
        "lexical, overlay carrying rows": be_corrections.sed_script({"руководитель", "врач"}),
        "participles": be_participles.sed_script(),
        "government": be_government.sed_script(),
    }


@pytest.mark.parametrize("name", list(_belarusian_scripts()))
def test_every_belarusian_stream_script_is_byte_safe(name: str) -> None:
    """They must be, or the stage falls back to the slower UTF-8 locale (no error, only cost)."""
    assert byte_safe(_belarusian_scripts()[name]) is not None


def test_the_joined_stage_runs_under_c() -> None:
    argv = be_corrections.sed_stage(be_corrections.sed_script(), be_participles.sed_script(),
                                    be_government.sed_script())
    assert argv[:2] == ["env", "LC_ALL=C"]


def test_a_script_that_is_not_byte_safe_keeps_utf8() -> None:
    argv = be_corrections.sed_stage(r"s/[[:upper:]]/X/g")
    assert argv[:2] == ["env", "LC_ALL=C.UTF-8"]
    assert r"s/[[:upper:]]/X/g" in argv


#: Records where byte and letter matching part ways if the rewrite were wrong: capitalised and
#: lower-case lemmas, the optional «о» of «ко», two-byte letters next to quantifiers.
RECORDS = [
    "^Руководитель<n><m><aa><sg><nom>/Кіраўніца<n><f><aa><sg><nom>$ ^врач<n><m><aa><sg><gen>/лекар<n><m><aa><sg><gen>$",
    "^ко<pr>/к<pr>/да<pr>$ ^мне<prn><pers><p1><mf><sg><dat>/мне<prn><pers><p1><mf><sg><dat>$",
    "^к<pr>/к<pr>/да<pr>$ ^южный<adj><sint><f><an><sg><dat>/паўднёвы<adj><f><an><sg><dat>$ "
    "^часть<n><f><nn><sg><dat>/часць<n><f><nn><sg><dat>$",
    "^Быть<vbser><fut><p3><sg>/Быць<vblex><impf><fut><p3><sg>$",
    "^по<pr>/па<pr>/паводле<pr>$ ^итог<n><m><nn><pl><dat>/вынік<n><m><nn><pl><dat>$",
    "^болеть<vblex><impf><iv><pres><p3><sg>/хварэць<vblex><impf><iv><pres><p3><sg>$ "
    "^грипп<n><m><nn><sg><ins>/грып<n><m><nn><sg><ins>$",
    "^два<num><m><an><sg><nom>/два<num><m><an><sg><nom>$ ^новый<adj><sint><mfn><an><pl><gen>/новы<adj><mfn><an><pl><gen>$ "
    "^дом<n><m><nn><sg><gen>/дом<n><m><nn><sg><gen>$",
    "^страна<n><f><nn><sg><nom>/краіна<n><f><nn><sg><nom>$ ^,<cm>/,<cm>$ "
    "^развивать<vblex><impf><tv><pprs><actv><f><an><sg><nom>/развіваць<vblex><impf><tv><pprs><actv><f><an><sg><nom>$",
    "^ёлка<n><f><nn><sg><nom>/елка<n><f><nn><sg><nom>$ ^Ёлка<n><f><nn><sg><nom>/Елка<n><f><nn><sg><nom>$",
]


@pytest.mark.skipif(shutil.which("sed") is None, reason="sed is not installed")
@pytest.mark.parametrize("name", list(_belarusian_scripts()))
def test_byte_safe_script_means_the_same(name: str) -> None:
    script = _belarusian_scripts()[name]
    payload = ("\0".join(RECORDS) + "\0").encode()

    def run(text: str, locale: str) -> bytes:
        return subprocess.run(["env", f"LC_ALL={locale}", "sed", "-z", "-E", "-e", text],
                              input=payload, capture_output=True, check=True).stdout

    as_letters = run(script, "C.UTF-8")
    converted = byte_safe(script) or ""
    assert run(converted, "C") == as_letters
    if converted != script:  # the records exercise the rewrite: unconverted, C misreads them
        assert run(script, "C") != as_letters
