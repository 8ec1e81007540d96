"""Russian grammar (pymorphy3 tags) → Apertium Belarusian generator tags, and paradigm models.

:func:`tag_options` turns one pymorphy3 parse into the generator tag strings worth trying,
best first (the Belarusian noun's gender and animacy are not known in advance, so several
are tried in the same batch). For a Belarusian lemma the generator lacks, :func:`models_for`
names lemmas it has with the same ending, and :func:`swap_stem` moves the model's inflection
onto the lemma: «смаленскі» inflects like «беларускі» (беларуск|ай → смаленск|ай).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..morph.tables import APERTIUM_GENDER as GENDERS
from ..morph.tables import APERTIUM_NUMBER as NUMBERS
from ..morph.tables import APERTIUM_PERSON as PERSONS
from ..morph.tables import RU_CASE as CASES


@dataclass(frozen=True)
class Request:
    """What to generate: tags after the lemma, and a finishing touch for short participles."""

    tags: str
    short: str = ""  # "", "a" (f/nt short participle: -ны → -на), "pl" (plural short = m full)


def _grammar(tag: Any) -> tuple[str, str, str]:
    case = CASES.get(tag.case or "", "nom")
    number = NUMBERS.get(tag.number or "", "sg")
    gender = "mfn" if number == "pl" else GENDERS.get(tag.gender or "", "m")
    return case, number, gender


def tag_options(tag: Any, pos: str) -> list[Request]:
    """Generator tag strings for a pymorphy3 ``tag`` of a word whose lexicon POS is ``pos``."""
    case, number, gender = _grammar(tag)
    anim = "aa" if tag.animacy == "anim" else "nn"
    other = "nn" if anim == "aa" else "aa"
    p = tag.POS
    if pos == "name" or (pos == "n" and p == "NOUN"):
        genders = [GENDERS.get(tag.gender or "", "m")] + [g for g in ("m", "f", "nt") if g != GENDERS.get(tag.gender or "", "m")]
        if number == "pl":
            genders.append("mfn")
        out = [Request(f"<n><{g}><{a}><{number}><{case}>") for g in genders for a in (anim, other)]
        if pos == "name":
            out += [Request(f"<np><{t}><{g}><{number}><{case}>") for t in ("top", "ant", "cog", "al") for g in genders]
        return out
    if pos == "adj" and p == "PRTS":
        short = "pl" if number == "pl" else ("a" if gender in ("f", "nt") else "")
        return [Request("<adj><m><an><sg><nom>", short)]
    if pos == "adj" and p in ("ADJF", "ADJS", "PRTF", "NOUN"):  # NOUN: «следователь» → adj «следчы»
        if p == "ADJS":  # Belarusian uses the full form: «медыкі задаволеныя»
            case = "nom"
        return [Request(f"<adj>{adj_tail(gender, number, case, anim)}")]
    if pos != "v":
        return []
    aspects = ["perf", "impf"] if tag.aspect == "perf" else ["impf", "perf"]
    if p == "INFN":
        return [Request(f"<vblex><{a}><inf>") for a in aspects]
    if p == "VERB":
        person = PERSONS.get(tag.person or "", "p3")
        if tag.mood == "impr":
            return [Request(f"<vblex><{a}><imp><{person if person != 'p3' else 'p2'}><{number}>") for a in aspects]
        if tag.tense == "past":
            return [Request(f"<vblex><{a}><past><{gender}><{number}>") for a in aspects]
        tense = {"perf": "fut", "impf": "pres"}
        return [Request(f"<vblex><{a}><{tense[a]}><{person}><{number}>") for a in aspects]
    if p == "GRND":
        return [Request("<vblex><impf><pprs><adv>"), Request("<vblex><perf><pp><adv>")]
    if p == "PRTS":
        short = "pl" if number == "pl" else ("a" if gender in ("f", "nt") else "")
        return [Request(f"<vblex><{a}><pp><pasv><m><an><sg><nom>", short) for a in aspects]
    if p == "PRTF":
        voice = "pasv" if tag.voice == "pssv" else "actv"
        kind = "pp" if tag.tense == "past" else "pprs"
        tail = adj_tail(gender, number, case, anim)
        return [Request(f"<vblex><{a}><{kind}><{voice}>{tail}") for a in aspects]
    return []


def adj_tail(gender: str, number: str, case: str, anim: str) -> str:
    """Adjective agreement tags; the accusative of m sg and pl says animate or not."""
    if case == "acc" and (number == "pl" or gender == "m"):
        return f"<{gender}><{anim}><{number}><acc>"
    return f"<{gender}><an><{number}><{case}>"


def fix_participle(lemma: str, form: str) -> str:
    """Undo a generator error: apertium-bel writes «арганізованы», «пабудованы» for verbs in
    -аваць, whose passive participle is «-аваны» (the о is unstressed: аканне, § 4)."""
    if lemma.endswith("аваць") and len(lemma) > 6 and "ован" in form:
        i = form.rfind("ован")
        return form[:i] + "аван" + form[i + 4:]
    return form


def finish(form: str, request: Request) -> str:
    """Apply a short-participle touch: «запатрабаваны» → «запатрабавана» (f/nt sg)."""
    if request.short == "a" and form.endswith("ы"):
        return form[:-1] + "а"
    return form


# Lemmas the generator has, one per ending/paradigm class (checked against
# apertium-bel-rus 0.2.1 by tests/test_be_fallback.py). (POS, lemma, fixed tags).
MODELS: tuple[tuple[str, str, str], ...] = (
    ("n", "карта", "<n><f><nn>"), ("n", "кніга", "<n><f><nn>"), ("n", "школа", "<n><f><nn>"),
    ("n", "установа", "<n><f><nn>"), ("n", "сістэма", "<n><f><nn>"), ("n", "задача", "<n><f><nn>"),
    ("n", "рэчка", "<n><f><nn>"), ("n", "плошча", "<n><f><nn>"), ("n", "гісторыя", "<n><f><nn>"),
    ("n", "тэхналогія", "<n><f><nn>"), ("n", "камісія", "<n><f><nn>"),
    ("n", "арганізацыя", "<n><f><nn>"), ("n", "маладосць", "<n><f><nn>"),
    ("n", "катастрофа", "<n><f><nn>"), ("n", "база", "<n><f><nn>"), ("n", "сядзіба", "<n><f><nn>"),
    ("n", "абарона", "<n><f><nn>"), ("n", "атака", "<n><f><nn>"), ("n", "бяспека", "<n><f><nn>"),
    ("n", "сайт", "<n><m><nn>"), ("n", "праект", "<n><m><nn>"), ("n", "настаўнік", "<n><m><aa>"),
    ("n", "выканкам", "<n><m><nn>"), ("n", "план", "<n><m><nn>"), ("n", "горад", "<n><m><nn>"),
    ("n", "рэгіён", "<n><m><nn>"), ("n", "калектыў", "<n><m><nn>"), ("n", "цэнтр", "<n><m><nn>"),
    ("n", "конкурс", "<n><m><nn>"), ("n", "фестываль", "<n><m><nn>"), ("n", "камітэт", "<n><m><nn>"),
    ("n", "каледж", "<n><m><nn>"), ("n", "перыяд", "<n><m><nn>"), ("n", "вытворца", "<n><m><aa>"),
    ("n", "крэдыт", "<n><m><nn>"), ("n", "тэлефон", "<n><m><nn>"), ("n", "этап", "<n><m><nn>"),
    ("n", "паток", "<n><m><nn>"), ("n", "студэнт", "<n><m><aa>"), ("n", "заказчык", "<n><m><aa>"),
    ("n", "купец", "<n><m><aa>"), ("n", "таварыства", "<n><nt><nn>"), ("n", "бюджэт", "<n><m><nn>"),
    ("n", "стандарт", "<n><m><nn>"), ("n", "заказ", "<n><m><nn>"), ("n", "пакет", "<n><m><nn>"),
    ("n", "аператар", "<n><m><aa>"), ("n", "турызм", "<n><m><nn>"), ("n", "аўтобус", "<n><m><nn>"),
    ("n", "рэйс", "<n><m><nn>"), ("n", "холдынг", "<n><m><nn>"),
    ("n", "выданне", "<n><nt><nn>"), ("n", "месца", "<n><nt><nn>"), ("n", "бацька", "<n><m><aa>"),
    ("name", "бацька", "<n><m><aa>"), ("name", "Брэст", "<np><top><m>"), ("name", "Мінск", "<np><top><m>"),
    ("name", "Масква", "<np><top><f>"), ("name", "Гродна", "<np><top><nt>"),
    ("adj", "новы", "<adj>"), ("adj", "беларускі", "<adj>"), ("adj", "апошні", "<adj>"),
    ("adj", "гарачы", "<adj>"), ("adj", "актуальны", "<adj>"), ("adj", "стары", "<adj>"),
    ("adj", "адкрыты", "<adj>"), ("adj", "белы", "<adj>"), ("adj", "доўгі", "<adj>"),
    ("adj", "ціхі", "<adj>"), ("adj", "лепшы", "<adj>"), ("adj", "чужы", "<adj>"),
    ("v", "арганізаваць", "<vblex><perf>"), ("v", "чытаць", "<vblex><impf>"),
    ("v", "хваліць", "<vblex><impf>"), ("v", "вучыцца", "<vblex><impf>"),
    ("v", "арганізавацца", "<vblex><perf>"), ("v", "будаваць", "<vblex><impf>"),
    ("v", "будавацца", "<vblex><impf>"), ("v", "змагацца", "<vblex><impf>"), ("v", "любіць", "<vblex><impf>"),
    ("v", "маляваць", "<vblex><impf>"),  # -яваць → -юе («стымуляваць» → «стымулюе»)
    # Second press sweep: heads of compounds (тэлеканал, энергамост, аўтасэрвіс, кіберпрастора, …).
    ("n", "канал", "<n><m><nn>"), ("n", "банк", "<n><m><nn>"), ("n", "мост", "<n><m><nn>"),
    ("n", "бізнес", "<n><m><nn>"), ("n", "матэрыял", "<n><m><nn>"), ("n", "комплекс", "<n><m><nn>"),
    ("n", "эфір", "<n><m><nn>"), ("n", "абарот", "<n><m><nn>"), ("n", "тэлеграф", "<n><m><nn>"),
    ("n", "сэрвіс", "<n><m><nn>"), ("n", "носьбіт", "<n><m><nn>"), ("n", "інжынер", "<n><m><aa>"),
    ("n", "гандляр", "<n><m><aa>"), ("n", "кур'ер", "<n><m><aa>"), ("n", "прастора", "<n><f><nn>"),
    ("n", "структура", "<n><f><nn>"), ("n", "прэм'ера", "<n><f><nn>"),
    ("n", "псіхолаг", "<n><m><aa>"), ("n", "бальніца", "<n><f><nn>"), ("n", "настаўніца", "<n><f><aa>"),
    ("n", "жылфонд", "<n><m><nn>"), ("n", "працэс", "<n><m><nn>"), ("n", "аддзел", "<n><m><nn>"), ("n", "ліцэй", "<n><m><nn>"),
    ("n", "шахрай", "<n><m><aa>"), ("n", "прэпарат", "<n><m><nn>"), ("n", "кіёск", "<n><m><nn>"),
    ("n", "сакратарыят", "<n><m><nn>"), ("n", "рынак", "<n><m><nn>"), ("n", "кацёл", "<n><m><nn>"),
    # Third sweep: «-годдзе» («80-летие» → «80-годдзе»), the plural of «сэрвіс» (gen. sg. -у).
    ("n", "стагоддзе", "<n><nt><nn>"), ("n", "кампраміс", "<n><m><nn>"),
    ("adj", "слабы", "<adj>"), ("adj", "магчымы", "<adj>"),  # любы, усемагчымы
    ("v", "упасці", "<vblex><perf>"), ("v", "узысці", "<vblex><perf>"),  # супасці (супадзе), пераўзысці (пераўзыдзе)
)


def models_for(lemma: str, pos: str, limit: int = 3) -> list[tuple[str, str]]:
    """Up to ``limit`` (model lemma, fixed tags) for ``lemma``, longest shared ending first.

    At least two final letters must be shared: the last consonant decides alternations
    in the endings («карта» → «карце», «кніга» → «кнізе»), one vowel is not enough.
    """
    scored = []
    for m_pos, model, tags in MODELS:
        if m_pos != pos:
            continue
        common = 0
        while common < min(len(model), len(lemma)) and model[-1 - common].lower() == lemma[-1 - common].lower():
            common += 1
        if common >= 2:
            scored.append((common, model, tags))
    scored.sort(key=lambda x: -x[0])
    return [(m, t) for _, m, t in scored[:limit]]


def model_tags(fixed: str, request: Request) -> str | None:
    """The model's own gender/aspect tags combined with the request's case/number/tense."""
    req = request.tags
    if fixed.startswith("<n>") or fixed.startswith("<np>"):
        parts = req.split("><")
        number_case = "<" + "><".join(parts[-2:])  # <sg><gen>
        return fixed + number_case if req.startswith(("<n>", "<np>")) else None
    if fixed == "<adj>":
        return req if req.startswith("<adj>") else None
    if fixed.startswith("<vblex>") and req.startswith("<vblex>"):
        aspect = fixed[len("<vblex>"):]
        rest = req.split(">", 2)[2]  # after <vblex><asp>
        # A perfective model has no present and an imperfective no simple future; their
        # endings are the same, which is what the swap needs.
        rest = rest.replace("<pres>", "<fut>") if aspect == "<perf>" else rest.replace("<fut>", "<pres>")
        return f"<vblex>{aspect}{rest}"
    return None


def swap_stem(lemma: str, model: str, model_form: str) -> str | None:
    """Inflect ``lemma`` the way ``model`` became ``model_form``; None if the endings differ."""
    k = 0
    while k < min(len(model), len(model_form)) and model[k] == model_form[k]:
        k += 1
    old, new = model[k:], model_form[k:]
    if old and not lemma.endswith(old):
        return None
    stem = lemma[: len(lemma) - len(old)] if old else lemma
    # ў stands only before a consonant or at the end (Правілы 2008, § 17): a fleeting vowel
    # after it makes it в («запраўка» → «заправак», «каціроўка» → «каціровак»).
    return re.sub("ў(?=[аеёіоуыэюя])", "в", stem + new)


def given_name_form(lemma: str, parses: Any) -> str | None:
    """The Belarusian form of a first name (a lexicon ``name`` row) in the Russian word's case.

    The generator lacks most first names and no place-name model declines them (a neuter
    «Гродна» model would leave «Крысціна» undeclined), so first names use the declension
    rules of morph.surnames. None when the word is not a singular first name or the form
    depends on stress (then the ordinary paths, and their marks, decide).
    """
    from ..morph.surnames import belarusian_given_name

    for p in list(parses)[:1]:
        if "Name" not in p.tag.grammemes or p.tag.number == "plur":
            return None
        gender = GENDERS.get(p.tag.gender or "", "")
        case = CASES.get(p.tag.case or "", "nom")
        if gender not in ("m", "f"):
            return None
        if case == "nom":
            return lemma
        found = belarusian_given_name(lemma, gender)
        if found is None or case in found[1]:
            return None
        return found[0].get(case)
    return None
