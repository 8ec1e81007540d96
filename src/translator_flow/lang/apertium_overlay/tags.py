"""OpenCorpora (pymorphy3) grammemes → apertium-rus analyser tags, for overlay full forms.

The target tag strings are the ones the installed rus-bel analyser (apertium-bel-rus
0.2.1, ``rus-bel.automorf.bin``) emits, read off its output for known words, so the
pair's CG, bilingual dictionary and transfer rules treat overlay words like its own:

* noun ``<n><m|f|nt|mf><aa|nn><sg|pl><case>`` (aa animate, nn inanimate), plural-only
  nouns ``<mfn>``;
* adjective ``<adj><G><an><N><case>``, an ordinal (OpenCorpora ``Anum``, not один)
  ``<det><ord><G><an><N><case>`` (``пятнадцатый<det><ord><m><an><sg><nom>``); the accusative of masculine singular and of the
  plural says which form it takes: ``<nn>`` = like the nominative, ``<aa>`` = like the
  genitive (``сделанный<adj><sint><m><nn><sg><acc>``); short forms ``<adj><short><G><N>``;
* verb ``<vblex><perf|impf><tv|iv>`` then ``<inf>``, ``<past><G><sg>`` / ``<past><mfn><pl>``,
  ``<pres|fut><p1..3><N>`` (a perfective non-past is ``<fut>``), ``<imp><p2><N>``;
* past passive participle ``<vblex><A><T><pp><pasv><G><an><N><case>``, as the pair's own
  (``провести<vblex><perf><tv><pp><pasv><f><an><sg><gen>``). Not its short form: the pair's
  transfer has none, so the lexical stage makes short forms full («звязаныя», «паказаная»),
  where the fallback gives the short predicative form («звязаны», «паказана»);
* present active participle ``<vblex><A><T><pprs><actv><G><an><N><case>`` (accusative
  animacy as for adjectives). The pair's analyser has none (it knows only the lexicalised
  ones, as adjectives); the tags follow its passive ones (``<pp><pasv><G><an><N><case>``)
  and apertium-bel's (``<pprs><actv>``), and ``lang/be_participles.py`` rewrites them
  after the bilingual lookup, so no later stage of the pair sees them;
* cardinal numeral (pymorphy3 ``NUMR``) ``<num>`` then, by the shape of the lemma's lexeme
  (:func:`numeral_shape`): a counting numeral without gender or animacy (пять–двадцать,
  тридцать, сорок, пятьдесят–девяносто, двести–девятьсот) ``<num><mfn><pl><case>``
  (``пять<num><mfn><pl><gen>``, ``двести<num><mfn><pl><gen>``); one whose accusative shows
  animacy (три, четыре, несколько) ``<num><mfn><an><pl><case>``, the accusative
  ``<num><mfn><nn|aa><pl><acc>`` (``три<num><mfn><aa><pl><acc>`` = «трёх»). The gendered ones
  (два, оба, полтора) use a shape of their own each in the pair (``два<num><m><an><sg><nom>``,
  ``оба<num><m><an><pl><nom>``, ``полтора<num><m><sg><nom>``), and сто is singular
  (``сто<num><mfn><sg><gen>``): the map gives None for them (the installed analyser knows
  all their forms), never a shape the pair's rules would not recognise.

Forms this map cannot express (present passive participles, short participles, gerunds, comparatives, vocatives, ``V-*``
spelling variants) give ``None`` and are left out of the overlay: the engine marks them
unknown as before and the post-hoc fallback still handles them (said in be_fallback).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

CASE = {"nomn": "nom", "gent": "gen", "datv": "dat", "accs": "acc", "ablt": "ins", "loct": "prp",
        "gen2": "gen", "loc2": "prp"}
GENDER = {"masc": "m", "femn": "f", "neut": "nt", "ms-f": "mf"}
NUMBER = {"sing": "sg", "plur": "pl"}
PERSON = {"1per": "p1", "2per": "p2", "3per": "p3"}
ASPECT = {"perf": "perf", "impf": "impf"}
TRANSITIVITY = {"tran": "tv", "intr": "iv"}
#: Grammemes that mark a form the overlay does not add (variant spellings, vocative).
_SKIP = frozenset({"V-ey", "V-oy", "V-ej", "V-be", "V-en", "V-ie", "V-bi", "V-sh", "Infr", "Erro", "Dist", "voct",
                   "Supr", "Cmp2", "Arch"})


def lemma_tags(grammemes: frozenset[str] | set[str], pos: str) -> tuple[str, ...] | None:
    """The lemma-level tags the bilingual dictionary matches on, e.g. ``('vblex', 'perf', 'tv')``."""
    g = set(grammemes)
    if pos in ("NOUN",):
        gender = "mfn" if "Pltm" in g and not (GENDER.keys() & g) else _pick(GENDER, g)
        return ("n", gender or "mfn", "aa" if "anim" in g else "nn")
    if pos == "ADJF" and "Anum" in g and "Apro" not in g:
        return ("det", "ord")  # an ordinal: the pair's пятнадцатый<det><ord><m><an><sg><nom>
    if pos in ("ADJF", "ADJS"):
        return ("adj",)
    if pos in ("VERB", "INFN", "PRTF", "PRTS"):
        aspect, trans = _pick(ASPECT, g), _pick(TRANSITIVITY, g)
        if not trans and "pssv" in g:
            trans = "tv"  # a passive participle is of a transitive verb (OpenCorpora leaves short ones unmarked)
        if not aspect or not trans:
            return None
        return ("vblex", aspect, trans)
    if pos == "ADVB":
        return ("adv",)
    if pos == "NUMR":
        return ("num",)
    return None


#: Numeral shapes :func:`form_tags` can express (see the module docstring).
NUMERAL_SHAPES = ("count", "animate")
#: Counting numerals the pair tags singular (``сто<num><mfn><sg><gen>``): no grammeme tells
#: them from пять, so they get no shape (the installed analyser knows all their forms).
_SINGULAR_NUMERALS = frozenset({"сто"})


def numeral_shape(lexeme: Iterable[Any]) -> str:
    """"count", "animate" or "" (gendered, or not a numeral) for a pymorphy3 lexeme (its forms' tags)."""
    forms = list(lexeme)
    grammemes = [set(f.tag.grammemes) for f in forms]
    if not forms or any(str(f.tag.POS) != "NUMR" for f in forms) or forms[0].word in _SINGULAR_NUMERALS:
        return ""
    if any(g & GENDER.keys() for g in grammemes):
        return ""
    if any(g & {"anim", "inan"} for g in grammemes):
        return "animate"
    return "count"


def _adjective_agreement(g: set[str], number: str, case: str) -> tuple[str, str, str, str] | None:
    """(gender, animacy, number, case) of an adjective or participle: the accusative names
    animacy where it shows (plural, masculine), as the pair's tags do."""
    if not number or not case:
        return None
    gender = "mfn" if number == "pl" else _pick(GENDER, g)
    if not gender:
        return None
    anim = "an"
    if case == "acc" and (number == "pl" or gender == "m"):
        anim = "aa" if "anim" in g else "nn"
    return (gender, anim, number, case)

def form_tags(tag: Any, numeral: str = "") -> tuple[str, ...] | None:
    """Full apertium-rus tags for one pymorphy3 form tag, or None when the map has no equivalent.

    ``numeral`` is the :func:`numeral_shape` of the form's lexeme; a ``NUMR`` form without a
    shape the map knows gives None.
    """
    g = set(tag.grammemes)
    if g & _SKIP:
        return None
    pos = str(tag.POS or "")
    head = lemma_tags(g, pos)
    if head is None:
        return None
    number, case = _pick(NUMBER, g), _pick(CASE, g)
    if pos == "NOUN":
        if not number or not case:
            return None
        return ("n", head[1], head[2], number, case)
    if pos == "ADJF":
        agreement = _adjective_agreement(g, number, case) if "Cmp2" not in g else None
        return (*head, *agreement) if agreement else None
    if pos == "ADJS":
        gender = "mfn" if number == "pl" else _pick(GENDER, g)
        return ("adj", "short", gender, number) if gender and number else None
    if pos == "INFN":
        return (*head, "inf")
    if pos == "PRTF" and {"past", "pssv"} <= g:
        agreement = _adjective_agreement(g, number, case)
        return (*head, "pp", "pasv", *agreement) if agreement else None
    if pos == "PRTF":
        agreement = _adjective_agreement(g, number, case) if {"pres", "actv"} <= g else None
        return (*head, "pprs", "actv", *agreement) if agreement else None
    if pos == "VERB":
        if "past" in g:
            gender = "mfn" if number == "pl" else _pick(GENDER, g)
            return (*head, "past", gender, number) if gender and number else None
        person = _pick(PERSON, g)
        if "impr" in g:
            if "incl" in g or not number:
                return None
            return (*head, "imp", "p2", number)
        if not person or not number:
            return None
        tense = "fut" if head[1] == "perf" else "pres"  # the perfective non-past is a future
        return (*head, tense, person, number)
    if pos == "ADVB":
        return ("adv",)
    if pos == "NUMR":
        return _numeral(g, numeral, case)
    return None


def _numeral(g: set[str], shape: str, case: str) -> tuple[str, ...] | None:
    if not case or shape not in NUMERAL_SHAPES:
        return None
    if shape == "count":
        return ("num", "mfn", "pl", case)
    anim = "an"
    if case == "acc":
        anim = "aa" if "anim" in g else "nn"
    return ("num", "mfn", anim, "pl", case)


def _pick(table: dict[str, str], grammemes: set[str]) -> str:
    for key, value in table.items():
        if key in grammemes:
            return value
    return ""
