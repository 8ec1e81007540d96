"""Cardinal numerals written as words: the overlay's tag map, Belarusian forms, and whole sentences.

The Belarusian forms below are the declension of «Беларуская граматыка» (НАН БССР, 1985, ч. 1,
лічэбнік: 5–20 and 30 decline like nouns of the 3rd declension, пяці, пяццю; сорак → сарака;
дзевяноста and сто have one oblique form; both parts of 50–80 and of 200–900 decline:
пяцідзесяці, пяццюдзесяццю, двухсот, двумстам, двумастамі; два/дзве, тры, чатыры, абодва/
абедзве → двух/дзвюх, двума/дзвюма, трыма, чатырма), spelled by «Правілы беларускай арфаграфіі і
пунктуацыі» (2008: § 37 compound numerals written as one word, шэсцьдзясят; § 6 яканне,
сямнаццаць, васямнаццаць), the lemmas as РБС («Руска-беларускі слоўнік», 2012) translates
them. A "-" cell is not asserted (see the notes at the rows).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from overlay_helpers import belarusian_engine, lemma, units_after_selection

from translator_flow.lang.apertium_overlay import build as overlay_build
from translator_flow.lang.apertium_overlay.paradigms import hundred_forms
from translator_flow.lang.apertium_overlay.tags import form_tags, numeral_shape

PAIR = Path("/usr/share/apertium/apertium-bel-rus")
installed = pytest.mark.skipif(not (PAIR / "rus-bel.automorf.bin").exists(), reason="apertium-bel-rus missing")
needs_tools = pytest.mark.skipif(bool(overlay_build.missing_tools()) or not (PAIR / "rus-bel.automorf.bin").exists(),
                                 reason="lttoolbox-dev / apertium-lex-tools-dev / cg3 or apertium-bel-rus missing")
CASES = ("nom", "gen", "dat", "acc", "ins", "prp")

# (Russian lemma, reading filter: a tag the reading must carry or "", Belarusian nom gen dat acc ins loc;
#  an accusative "a|b" is a for the inanimate reading <nn>/<an>, b for the animate <aa>)
TABLE = [
    ("один", "m", "адзін аднаго аднаму адзін|аднаго адным адным"),
    ("один", "f", "адна адной адной адну адной адной"),
    ("два", "m", "два двух двум два|двух двума двух"),
    ("два", "f", "дзве дзвюх дзвюм дзве|дзвюх дзвюма дзвюх"),
    ("три", "", "тры трох тром тры|трох трыма трох"),
    ("четыре", "", "чатыры чатырох чатыром чатыры|чатырох чатырма чатырох"),
    ("пять", "", "пяць пяці пяці пяць пяццю пяці"),
    ("шесть", "", "шэсць шасці шасці шэсць шасцю шасці"),
    ("семь", "", "сем сямі сямі сем сямю сямі"),
    ("восемь", "", "восем васьмі васьмі восем васьмю васьмі"),
    ("девять", "", "дзевяць дзевяці дзевяці дзевяць дзевяццю дзевяці"),
    ("десять", "", "дзесяць дзесяці дзесяці дзесяць дзесяццю дзесяці"),
    ("одиннадцать", "", "адзінаццаць адзінаццаці адзінаццаці адзінаццаць адзінаццаццю адзінаццаці"),
    ("двенадцать", "", "дванаццаць дванаццаці дванаццаці дванаццаць дванаццаццю дванаццаці"),
    ("тринадцать", "", "трынаццаць трынаццаці трынаццаці трынаццаць трынаццаццю трынаццаці"),
    ("четырнадцать", "", "чатырнаццаць чатырнаццаці чатырнаццаці чатырнаццаць чатырнаццаццю чатырнаццаці"),
    ("пятнадцать", "", "пятнаццаць пятнаццаці пятнаццаці пятнаццаць пятнаццаццю пятнаццаці"),
    ("шестнадцать", "", "шаснаццаць шаснаццаці шаснаццаці шаснаццаць шаснаццаццю шаснаццаці"),
    ("семнадцать", "", "сямнаццаць сямнаццаці сямнаццаці сямнаццаць сямнаццаццю сямнаццаці"),
    ("восемнадцать", "", "васямнаццаць васямнаццаці васямнаццаці васямнаццаць васямнаццаццю васямнаццаці"),
    ("девятнадцать", "", "дзевятнаццаць дзевятнаццаці дзевятнаццаці дзевятнаццаць дзевятнаццаццю дзевятнаццаці"),
    ("двадцать", "", "дваццаць дваццаці дваццаці дваццаць дваццаццю дваццаці"),
    ("тридцать", "", "трыццаць трыццаці трыццаці трыццаць трыццаццю трыццаці"),
    ("сорок", "", "сорак сарака сарака сорак сарака сарака"),
    ("пятьдесят", "", "пяцьдзясят пяцідзесяці пяцідзесяці пяцьдзясят пяццюдзесяццю пяцідзесяці"),
    ("шестьдесят", "", "шэсцьдзясят шасцідзесяці шасцідзесяці шэсцьдзясят шасцюдзесяццю шасцідзесяці"),
    ("семьдесят", "", "семдзесят сямідзесяці сямідзесяці семдзесят сямюдзесяццю сямідзесяці"),
    ("восемьдесят", "", "восемдзесят васьмідзесяці васьмідзесяці восемдзесят васьмюдзесяццю васьмідзесяці"),
    ("девяносто", "", "дзевяноста дзевяноста дзевяноста дзевяноста дзевяноста дзевяноста"),
    ("сто", "", "сто ста ста сто ста ста"),
    ("двести", "", "дзвесце двухсот двумстам дзвесце двумастамі двухстах"),
    ("триста", "", "трыста трохсот тромстам трыста трымастамі трохстах"),
    ("четыреста", "", "чатырыста чатырохсот чатыромстам чатырыста чатырмастамі чатырохстах"),
    ("пятьсот", "", "пяцьсот пяцісот пяцістам пяцьсот пяццюстамі пяцістах"),
    ("шестьсот", "", "шэсцьсот шасцісот шасцістам шэсцьсот шасцюстамі шасцістах"),
    # 700, 800: the nominative is not asserted (the pair writes семсот, восемсот; not checked in the sources)
    ("семьсот", "", "- сямісот сямістам - сямюстамі сямістах"),
    ("восемьсот", "", "- васьмісот васьмістам - васьмюстамі васьмістах"),
    # 900: the instrumental (дзевяццюстамі, like пяццюстамі) is asserted by its own xfail test below
    ("девятьсот", "", "дзевяцьсот дзевяцісот дзевяцістам дзевяцьсот - дзевяцістах"),
    ("тысяча", "sg", "тысяча тысячы тысячы тысячу тысячай тысячы"),
    ("тысяча", "pl", "тысячы тысяч тысячам тысячы тысячамі тысячах"),
    ("миллион", "sg", "мільён мільёна мільёну мільён мільёнам мільёне"),
    ("миллион", "pl", "мільёны мільёнаў мільёнам мільёны мільёнамі мільёнах"),
    ("миллиард", "sg", "мільярд мільярда мільярду мільярд мільярдам мільярдзе"),
    ("нуль", "sg", "нуль нуля нулю нуль нулём -"),
    ("ноль", "sg", "нуль нуля нулю нуль нулём -"),
    ("оба", "m", "абодва абодвух абодвум абодва|абодвух абодвума абодвух"),
    ("оба", "f", "абедзве абедзвюх абедзвюм абедзве|абедзвюх абедзвюма абедзвюх"),
    # полтора: nominative/accusative only (паўтара m/nt, паўтары f); the oblique forms are the pair's
    ("полтора", "m", "паўтара - - паўтара - -"),
    ("полтора", "f", "паўтары - - паўтары - -"),
    ("несколько", "", "некалькі некалькіх некалькім некалькі|некалькіх некалькімі некалькіх"),
]
#: Readings the table does not cover: оба's <mfn> readings are the pair's collective абое.
_SKIP_READING = {"оба": "<mfn>"}


def _lt(binary: str, flag: str, lines: list[str]) -> list[str]:
    proc = subprocess.run(["lt-proc", flag, binary], input="\n".join(lines) + "\n", capture_output=True, text=True,
                          check=True)
    return proc.stdout.split("\n")[:len(lines)]


def _lexeme(lemma: str) -> list[str]:
    """Every pymorphy3 case form of the numeral (a NUMR form with ё also written е, as the press mostly does)."""
    from translator_flow.morph.russian import analyzer

    parses = [p for p in analyzer().parse(lemma) if p.normal_form == lemma.replace("ё", "е") or p.normal_form == lemma]
    for pos in ("NUMR", "NOUN", "ADJF"):
        for p in parses:
            if pos == "ADJF" and "Supr" in p.tag.grammemes:
                continue
            if pos == p.tag.POS:
                words = [f.word for f in p.lexeme if not {"Infr", "V-oy", "V-ey", "Supr"} & set(f.tag.grammemes)]
                variants = ("ё", "е") if pos == "NUMR" else ("ё",)  # the overlay adds е spellings of numerals
                return list(dict.fromkeys(w.replace("ё", v) for w in words for v in variants))
    return []


def chain(files: dict[str, str], lemma: str, pos: tuple[str, ...] = ("<num>", "<n>")) -> tuple[list[str], dict[str, str]]:
    """(forms the analyser does not know as ``lemma``, reading ``lemma<tags>`` → Belarusian form) for
    every form of the lemma, through analyser, bilingual dictionary and generator (``<prp>`` is
    ``<loc>`` after the pair's transfer)."""
    words = _lexeme(lemma)
    unknown, readings = [], []
    for word, answer in zip(words, _lt(files["rus-bel.automorf.bin"], "-w", words)):
        found = [r for r in answer.strip("^$").split("/")[1:]
                 if r.split("<", 1)[0].lower().replace("ё", "е") == lemma.replace("ё", "е") and any(t in r for t in pos)]
        if not found:
            unknown.append(word)
        readings += [r for r in found if r not in readings]
    targets = [a.strip("^$").split("/")[1] for a in _lt(files["rus-bel.autobil.bin"], "-b", [f"^{r}$" for r in readings])]
    forms = _lt(files["rus-bel.autogen.bin"], "-g", [f"^{t.replace('<prp>', '<loc>')}$" for t in targets])
    return unknown, {r: ("@" if t.startswith("@") else f) for r, t, f in zip(readings, targets, forms)}


def expected_form(reading: str, cells: list[str]) -> str:
    case = re.findall(r"<(\w+)>", reading)[-1]
    cell = cells[CASES.index(case)]
    if "|" in cell:
        cell = cell.split("|")[1 if "<aa>" in reading else 0]
    return cell


@pytest.fixture(scope="module")
def merged(tmp_path_factory) -> dict[str, str]:
    overlay = overlay_build.build(cache=tmp_path_factory.mktemp("overlay"))
    assert overlay is not None, "the overlay was not built"
    return dict(overlay.files)


# -- quick: the tag map against the installed analyser's own tags --------------------------

COUNTING = ("пять", "восемь", "одиннадцать", "тридцать", "сорок", "пятьдесят", "девяносто", "двести", "пятьсот",
            "девятьсот")
ANIMATE = ("три", "четыре", "несколько")


@installed
@pytest.mark.parametrize("lemma", COUNTING + ANIMATE)
def test_numeral_tags_are_the_installed_analysers_own(lemma):
    """For numerals the pair knows, every form the map tags gets a tag string the installed
    analyser itself gives that form: overlay numerals look to transfer like the pair's own."""
    from translator_flow.morph.russian import analyzer

    parse = next(p for p in analyzer().parse(lemma) if p.tag.POS == "NUMR" and p.normal_form == lemma)
    shape = numeral_shape(parse.lexeme)
    assert shape == ("animate" if lemma in ANIMATE else "count")
    tagged = [(f.word, form_tags(f.tag, shape)) for f in parse.lexeme if "Infr" not in f.tag.grammemes]
    answers = _lt(str(PAIR / "rus-bel.automorf.bin"), "-w", [w for w, _ in tagged])
    checked = 0
    for (word, tags), answer in zip(tagged, answers):
        if "/*" in answer:
            continue  # a form the pair lacks (восьми, пятидесяти): nothing to compare with
        own = {r.split("<", 1)[1] for r in answer.strip("^$").split("/")[1:] if r.startswith(lemma + "<")}
        assert tags is not None and "><".join(tags) + ">" in own, (word, tags, own)
        checked += 1
    assert checked >= 2  # at least the nominative and the accusative (пятьдесят has no other)


@installed
@pytest.mark.parametrize("lemma", ["первый", "третий", "пятнадцатый", "сороковой", "двухсотый", "тысячный"])
def test_ordinal_tags_are_the_installed_analysers_own(lemma):
    from translator_flow.morph.russian import analyzer

    parse = next(p for p in analyzer().parse(lemma) if p.tag.POS == "ADJF" and "Anum" in p.tag.grammemes)
    tagged = [(f.word, form_tags(f.tag)) for f in parse.lexeme if not {"Supr", "V-ej", "V-oy", "V-ey"} & set(f.tag.grammemes)]
    answers = _lt(str(PAIR / "rus-bel.automorf.bin"), "-w", [w for w, _ in tagged])
    for (word, tags), answer in zip(tagged, answers):
        own = {r.split("<", 1)[1] for r in answer.strip("^$").split("/")[1:] if r.startswith(lemma + "<")}
        assert tags is not None and "><".join(tags) + ">" in own, (word, tags, own)
    assert len(tagged) >= 20


@pytest.mark.parametrize("lemma", ["два", "оба", "полтора", "сто"])
def test_numerals_with_a_shape_of_their_own_are_not_tagged(lemma):
    from translator_flow.morph.russian import analyzer

    parse = next(p for p in analyzer().parse(lemma) if p.tag.POS == "NUMR" and p.normal_form == lemma)
    assert numeral_shape(parse.lexeme) == ""
    assert all(form_tags(f.tag, numeral_shape(parse.lexeme)) is None for f in parse.lexeme)


@installed
def test_hundreds_from_their_parts_match_the_pairs_own_hundreds():
    """The parts rule that makes «чатырыста» reproduces every oblique form of the hundreds the
    generator has (дзевяцьсот aside: its instrumental is the pair's «дзевяцістамі», see below)."""
    lemmas = ["дзвесце", "трыста", "пяцьсот", "шэсцьсот", "семсот", "восемсот"]

    def generate(units):
        return [f.strip() for f in _lt(str(PAIR / "rus-bel.autogen.bin"), "-g", list(units))]

    made = hundred_forms(lemmas, generate)
    assert len(made) == 6 * len(lemmas)
    pair = generate([f"^{lemma}{tags}$" for _, lemma, tags in made])
    assert [form for form, _, _ in made] == pair


# -- slow: the merged chain and whole sentences ---------------------------------------------

@needs_tools
@pytest.mark.slow
@pytest.mark.parametrize(("lemma", "only", "cells"), TABLE, ids=[f"{r[0]}-{r[1] or 'all'}" for r in TABLE])
def test_merged_chain_gives_the_cited_belarusian_form(merged, lemma, only, cells):
    unknown, generated = chain(merged, lemma)
    assert not unknown, f"the merged analyser does not know {unknown}"
    table = cells.split()
    checked = 0
    for reading, form in generated.items():
        if (only and f"<{only}>" not in reading) or _SKIP_READING.get(lemma, "#") in reading:
            continue
        want = expected_form(reading, table)
        if want == "-":
            continue
        assert form == want, f"{reading} → {form!r}, expected {want!r}"
        checked += 1
    assert checked >= min(3, 6 - table.count("-"))  # the filter matched readings: a wrong one cannot pass silently


@needs_tools
@pytest.mark.slow
@pytest.mark.xfail(strict=True, reason="apertium-bel-rus 0.2.1 generates «дзевяцістамі»; the overlay cannot"
                   " replace a form the installed generator has (lt-proc -g would print both)")
def test_nine_hundred_instrumental(merged):
    _, generated = chain(merged, "девятьсот")
    assert generated["девятьсот<num><mfn><pl><ins>"] == "дзевяццюстамі"


SENTENCES = [
    "Прошло пятнадцать лет.",
    "Работы ведутся в двадцати трёх районах.",
    "На празднике собралось около восьми тысяч человек.",
    "В конкурсе участвовали четыреста двадцать пять школ.",
    "За пятнадцатью километрами дороги начинается лес.",
    "Из двухсот пятидесяти семи предприятий сорок работают с прибылью.",
    "Свыше восьмисот специалистов работают в шестидесяти организациях.",
    "Около четырехсот человек пришли на встречу с семьюдесятью участниками.",
    "В 2025 году построено двадцать домов, а в 2024 году — 12.",
    "Температура опустилась до нуля.",
]
_NUMERAL_LEMMAS = {row[0] for row in TABLE}


def _numeral_words(text: str) -> list[str]:
    from translator_flow.morph.russian import analyzer

    out = []
    for word in re.findall(r"[А-Яа-яЁё]+", text):
        if any(p.normal_form in _NUMERAL_LEMMAS and p.tag.POS in ("NUMR", "NOUN") for p in analyzer().parse(word.lower())):
            out.append(word)
    return out


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    with belarusian_engine(tmp_path_factory.mktemp("xdg")) as eng:
        yield eng


@needs_tools
@pytest.mark.slow
def test_sentences_keep_no_marks_on_numerals_and_digits_unchanged(merged, engine):
    outputs = engine.translate_batch(SENTENCES, "ru", "be")
    belarusian = {f.lower() for lemma in _NUMERAL_LEMMAS for f in chain(merged, lemma)[1].values()}
    for source, out in zip(SENTENCES, outputs):
        assert out.text and not out.error, source
        numerals = _numeral_words(source)
        assert numerals, source
        marked = [m.word for m in out.marks if m.kind in ("unknown", "generation", "bilingual")]
        assert not {w.lower() for w in marked} & {w.lower() for w in numerals}, (source, out.text, marked)
        assert not re.search(r"(?<!\w)[*#@]\w", out.text), out.text
        assert re.findall(r"\d+", out.text) == re.findall(r"\d+", source), out.text
        # each Russian numeral word became a Belarusian numeral form (one the merged chain makes)
        numeral_like = [w for w in re.findall(r"[А-Яа-яЁёІіЎў']+", out.text) if w.lower() in belarusian]
        assert len(numeral_like) >= len(numerals), (source, out.text, numeral_like)


ORDINALS = ("первый", "второй", "третий", "четвёртый", "пятый", "шестой", "седьмой", "восьмой", "девятый", "десятый",
            "пятнадцатый", "двадцатый", "тридцатый", "сороковой", "пятидесятый", "девяностый", "сотый", "двухсотый",
            "четырёхсотый", "тысячный", "миллионный")


@needs_tools
@pytest.mark.slow
@pytest.mark.parametrize("lemma", ORDINALS)
def test_ordinals_are_analysed_translated_and_generated(merged, lemma):
    """Ordinals are adjectives (the pair's <det><ord>): every form of each reaches a Belarusian
    form (шестой was missing from the pair: РБС s.v. шестой → шосты)."""
    unknown, generated = chain(merged, lemma, pos=("<det><ord>",))
    assert not unknown
    assert len(generated) >= 20 and all(f and f[0] not in "#@" and "#" not in f for f in generated.values()), generated


@needs_tools
@pytest.mark.slow
def test_sixth_declines_like_an_adjective(merged):
    _, generated = chain(merged, "шестой", pos=("<det><ord>",))
    assert generated["шестой<det><ord><m><an><sg><prp>"] == "шостым"
    assert generated["шестой<det><ord><f><an><sg><gen>"] == "шостай"


@needs_tools
@pytest.mark.slow
@pytest.mark.parametrize("text", ["Он учится в шестом классе.", "Шестой созыв начал работу."])
def test_sixth_in_a_sentence_is_the_ordinal(engine, text):
    """«шестом» is also the instrumental of шест (a pole): before a noun it is the ordinal."""
    units = [(ru, be) for ru, be in units_after_selection(engine, text) if lemma(ru) in ("шестой", "шест")]
    assert units and all(lemma(ru) == "шестой" and "<det><ord>" in ru and lemma(be) == "шосты" for ru, be in units), units
