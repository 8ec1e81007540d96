"""Regenerate the overlay's dictionaries (.dix) from the reviewed tables — a maintainer's tool.

    python -m translator_flow.lang.apertium_overlay.generate

Inputs (data, reviewed, with sources): ``../be_lexicon.tsv`` (the fallback's Russian →
Belarusian lemmas), ``../be_corrections.tsv`` (``bidix`` rows: the pair's wrong choices),
``lemmas.tsv`` (lemmas added for the overlay) and ``phrases.tsv`` (fixed press formulas).
Outputs, in Apertium's own formats (so they could be offered upstream to apertium-bel-rus):

* ``rus.dix`` — Russian analyser additions: every form pymorphy3 lists for a lemma, tagged
  by :mod:`.tags` (a numeral's form with ё also spelled with е, as press texts mostly write
  it: «четырехсот»), and only the forms the installed analyser does not know (rows with
  ``force`` add all forms, for words the pair mis-analyses, e.g. «прошла» only as прошлый);
* ``rus-bel.dix`` — bilingual additions with part of speech and the Belarusian gender and
  animacy, found by asking the installed Belarusian generator which tags it inflects the
  lemma with (a lemma it cannot inflect is left to the post-hoc fallback and reported);
* ``bel.dix`` — Belarusian generator additions: the phrases (invariable multiwords), multiword
  nouns whose head inflects («ахова здароўя»), and lemmas the generator lacks, inflected
  like a model lemma of the same paradigm (:mod:`.paradigms`).

Nothing here runs at run time: the engine compiles the committed .dix files (:mod:`.build`).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from ..be_corrections import bidix_rules
from ..be_lexicon import load_lexicon
from .paradigms import VERB_TAILS, additions, gaps
from .tags import form_tags, lemma_tags, numeral_shape

HERE = Path(__file__).resolve().parent
PAIR = Path("/usr/share/apertium/apertium-bel-rus")
SECTION = "translator-flow"  # never "main": a same-named section replaces the installed one
_POS = {"n": ("NOUN",), "adj": ("ADJF",), "v": ("INFN",), "adv": ("ADVB",), "num": ("NUMR",)}


@dataclass(frozen=True)
class Lemma:
    """One overlay lemma: Russian → Belarusian, the fallback's POS code, whether to add all forms."""

    ru: str
    be: str
    pos: str
    force: bool
    source: str
    exclude: tuple[str, ...] = ()  # forms of a homonym pymorphy3 merges into the lemma

    def excludes(self, form: str) -> bool:
        """True when ``form`` is one of the homonym's forms kept out of the analyser."""
        return any(form == x or (x.endswith("*") and form.startswith(x[:-1])) for x in self.exclude)


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a tab-separated table beside this module (comments and the header skipped)."""
    rows = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows[1:]


def lemmas() -> list[Lemma]:
    """The overlay's own rows first (they win), then the fallback lexicon's inflecting rows."""
    out = [Lemma(r[0], r[1], r[2], r[3] == "force", r[4], tuple(x for x in (r[5] if len(r) > 5 else "").split(",") if x))
           for r in read_tsv("lemmas.tsv")]
    seen = {(x.ru, x.pos) for x in out}
    for entry in dict.fromkeys(load_lexicon().values()):
        if entry.pos in _POS and (entry.ru, entry.pos) not in seen:
            seen.add((entry.ru, entry.pos))
            out.append(Lemma(entry.ru, entry.be, entry.pos, False, "be_lexicon.tsv: " + entry.source))
    return out


def _lt(binary: str, flag: str, lines: Sequence[str]) -> list[str]:
    """One lt-proc call over ``lines`` (one unit per line), one answer per line."""
    if not lines:
        return []
    proc = subprocess.run(["lt-proc", flag, str(PAIR / binary)], input="\n".join(lines) + "\n",
                          capture_output=True, text=True, check=True)
    out = proc.stdout.split("\n")
    return out[:len(lines)]


def _participles_generated_cleanly(verbs: dict[str, tuple[str, ...]]) -> set[str]:
    """Belarusian verbs whose passive participle the pair's generator spells as one word.

    For some verbs apertium-bel has two participle paradigms and prints both («выяўленае/
    выяялененае»; the engine keeps the first, ``lt-proc -g -N 1``, but the second paradigm is
    not a word and the verb's other participle forms were not checked); for others it has none
    (``#``) or a misspelt one (:func:`_misspelt_participle`). Their participles stay out of the
    overlay's analyser: the fallback inflects them, as before."""
    units = [(be, f"^{be}<{'><'.join(tags)}><pp><pasv><{g}><an><sg><nom>$") for be, tags in verbs.items()
             for g in ("m", "nt")]
    out = _lt("rus-bel.autogen.bin", "-g", [unit for _, unit in units])
    bad = {be for (be, _), line in zip(units, out)
           if "/" in line or "#" in line or not line.strip() or _misspelt_participle(be, line.strip())}
    return set(verbs) - bad


def _misspelt_participle(verb: str, participle: str) -> bool:
    """The pair's generator spells some participles of verbs in -аваць/-яваць with «о»
    («скасованы», «пабудованы» for скасаваны, пабудаваны: the suffix -ава- keeps its а,
    Беларуская граматыка 1985, дзеепрыметнік): those stay with the fallback."""
    return verb.endswith(("аваць", "яваць")) and not participle.lower().startswith(verb[:-2].lower())


def _same_lemma(text: str) -> str:
    """A lemma as compared across dictionaries: lower case, е for ё, no homonym number (цвет¹)."""
    return text.lower().replace("ё", "е").rstrip("¹²³⁴")


def _readings(answer: str) -> list[str]:
    """The readings of one lt-proc answer: ``^курсов/курсовой<adj>…$`` → ``["курсовой<adj>…"]``."""
    return answer.strip().strip("^$").split("/")[1:]


#: Parts of speech of a mis-analysed content word. A form the analyser knows as anything else
#: («при» as the preposition, not a form of the archaic noun пря) keeps the analyser's readings.
_CONTENT_TAGS = ("n", "adj", "vblex", "adv")


def _knows_lemma(answer: str, lemma: str) -> bool:
    """Whether an lt-proc answer (``^курсов/курсовой<adj>…$``) has a reading of ``lemma``, or
    one outside the content words (then the overlay adds nothing to it either)."""
    readings = _readings(answer)
    if any(r.split("<", 2)[1].rstrip(">") not in _CONTENT_TAGS for r in readings if "<" in r):
        return True
    return _same_lemma(lemma) in {_same_lemma(r.split("<", 1)[0]) for r in readings}


def _parse(lemma: Lemma) -> object | None:
    from ...morph.russian import analyzer

    wanted = _POS[lemma.pos]
    head = lemma.ru.split(" ")[0]  # a multiword lemma («образ жизни») inflects its first word
    for p in analyzer().parse(head):
        if p.tag.POS in wanted and p.normal_form.replace("ё", "е") == head.replace("ё", "е"):
            return p
    return None


def _lexicalised(word: str) -> bool:
    """True for a participle form pymorphy3 (OpenCorpora) also lists as an adjective.

    Such participles are lexicalised («следующий», «действующий закон», «входящий звонок»,
    «развивающиеся страны»): their meaning is no longer "who is doing", and the dictionaries
    give them adjective equivalents (РБС: следующий → наступны, действующий → дзейны,
    дзеючы), so they stay adjectives and are neither rewritten nor flagged.
    """
    from ...morph.russian import analyzer

    return any(p.tag.POS == "ADJF" for p in analyzer().parse(word))


def _without_yo(word: str, normal_form: str) -> str:
    """``word`` with е for ё, or ``word`` itself when pymorphy3 reads that spelling first as
    a form of another lemma."""
    from ...morph.russian import analyzer

    plain = word.replace("ё", "е")
    if plain == word:
        return word
    parses = analyzer().parse(plain)
    return plain if parses and parses[0].normal_form.replace("ё", "е") == normal_form.replace("ё", "е") else word


def _only_passive(lemma: Lemma, answer: str) -> bool:
    """True for a form of a reflexive verb the installed analyser reads only as the passive of
    the verb without -ся («экспортируется» → экспортировать<pass>, «проводится» → проводить<pass>).

    The pair's transfer drops <pass>, so the draft lost the reflexive («прадукцыя экспартуе»);
    with the reflexive lemma's reading added, rus.rlx removes the passive one and the
    reflexive Belarusian verb is generated («экспартуецца»; Беларуская граматыка, 1985: the
    reflexive -ца/-цца/-ся verb expresses the passive of imperfectives, as the Russian -ся does).
    """
    if lemma.pos != "v" or not lemma.ru.endswith(("ся", "сь")):
        return False
    readings = _readings(answer)
    return bool(readings) and all("<pass>" in r for r in readings)


def _be_tags(lemmas_: Sequence[tuple[Lemma, tuple[str, ...]]]) -> dict[str, tuple[str, ...]]:
    """Belarusian lemma-level tags the generator inflects each lemma with (probed, one call)."""
    probes: list[tuple[str, tuple[str, ...], str]] = []
    for lemma, ru_tags in lemmas_:
        options: list[tuple[tuple[str, ...], str]] = []
        if ru_tags[0] == "n":
            genders = [g for g in (ru_tags[1], "m", "f", "nt", "mfn") if g in ("m", "f", "nt", "mfn")]
            anims = [ru_tags[2], "nn" if ru_tags[2] == "aa" else "aa"]
            for g in dict.fromkeys(genders):
                for a in anims:
                    number = "pl" if g == "mfn" else "sg"
                    options.append((("n", g, a), f"<{number}><nom>"))
        elif ru_tags[0] == "vblex":
            for asp in dict.fromkeys((ru_tags[1], "impf", "perf")):
                options.append((("vblex", asp), "<inf>"))
        elif ru_tags[0] == "adj":
            options.append((("adj",), "<m><an><sg><nom>"))
        elif ru_tags[:2] == ("det", "ord"):
            options.append((("det", "ord"), "<m><an><sg><nom>"))
        elif ru_tags[0] == "num":  # the pair's counting and animate shapes (tags.py)
            options += [(("num",), "<mfn><pl><nom>"), (("num",), "<mfn><an><pl><nom>")]
        else:
            options.append(((ru_tags[0],), ""))
        probes += [(lemma.be, tags, tail) for tags, tail in options]
    units = [f"^{be.split(' ')[0]}{''.join(f'<{t}>' for t in tags)}{tail}$" for be, tags, tail in probes]
    found: dict[str, tuple[str, ...]] = {}
    for (be, tags, _), answer in zip(probes, _lt("rus-bel.autogen.bin", "-g", units)):
        if be not in found and answer and not answer.startswith(("#", "^")) and "#" not in answer:
            found[be] = tags
    return found


def _s(tags: Iterable[str]) -> str:
    return "".join(f'<s n="{t}"/>' for t in tags)


def _w(text: str) -> str:
    return escape(text).replace(" ", "<b/>")


def _dix(entries: Iterable[str], sdefs: Iterable[str], comment: str) -> str:
    sd = "\n".join(f'    <sdef n="{t}"/>' for t in sorted(set(sdefs)))
    body = "\n".join(entries)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<!-- {comment} -->\n<dictionary>\n  <alphabet/>\n'
            f"  <sdefs>\n{sd}\n  </sdefs>\n  <section id=\"{SECTION}\" type=\"standard\">\n{body}\n  </section>\n"
            "</dictionary>\n")


def build_tables() -> tuple[str, str, str, list[str]]:
    """The three .dix texts and the lemmas left to the fallback (with why)."""
    left: list[str] = []
    parsed: list[tuple[Lemma, tuple[str, ...], object]] = []
    for lemma in lemmas():
        p = _parse(lemma)
        head = lemma_tags(set(p.tag.grammemes), str(p.tag.POS)) if p is not None else None  # type: ignore[attr-defined]
        if p is None or head is None:
            left.append(f"{lemma.ru}: pymorphy3 has no {lemma.pos} reading")
            continue
        parsed.append((lemma, head, p))
    be_tags = _be_tags([(lemma, head) for lemma, head, _ in parsed])
    lacking = [(lemma.be, "ord" if head == ("det", "ord") else lemma.pos, head[1] if head[0] == "vblex" else "")
               for lemma, head, _ in parsed
               if lemma.be not in be_tags and " " not in lemma.be]
    heads, made = additions(list(dict.fromkeys(lacking)), lambda units: _lt("rus-bel.autogen.bin", "-g", units))
    # Lemmas the generator has, but with part of the paradigm missing: the rest from a model.
    partial = [(lemma.be, lemma.pos, be_tags[lemma.be]) for lemma, _, _ in parsed
               if lemma.be in be_tags and " " not in lemma.be]
    made += gaps(list(dict.fromkeys(partial)), lambda units: _lt("rus-bel.autogen.bin", "-g", units))
    be_tags.update(heads)
    forms: list[tuple[Lemma, str, tuple[str, ...]]] = []
    bidix: dict[tuple[str, tuple[str, ...]], tuple[str, tuple[str, ...], str]] = {}
    clean_participles = _participles_generated_cleanly(
        {lemma.be: be_tags[lemma.be] for lemma, head, _ in parsed if head[0] == "vblex" and lemma.be in be_tags})
    for lemma, head, p in parsed:
        if lemma.be not in be_tags:
            left.append(f"{lemma.ru} → {lemma.be}: the Belarusian generator cannot inflect it")
            continue
        bidix.setdefault((lemma.ru, head), (lemma.be, be_tags[lemma.be], lemma.source))
        shape = numeral_shape(p.lexeme) if head == ("num",) else ""  # type: ignore[attr-defined]
        for f in p.lexeme:  # type: ignore[attr-defined]
            if lemma.excludes(f.word):
                continue
            tags = form_tags(f.tag, shape)
            if tags is not None and "pprs" in tags and _lexicalised(f.word):
                continue  # «следующий», «действующий»: an adjective in its own right, not rewritten
            if tags is not None and "pp" in tags and lemma.be not in clean_participles:
                continue  # the generator has none, two or a misspelt one (left to the fallback)
            if tags is not None and "pprs" in tags and tags[0] == head[0] and tags[2:3] == head[2:3]:
                tags = (*head, *tags[3:])  # a biaspectual verb («использующий»): the lemma's aspect, as the bidix has it
            if (tags is not None and tags[:len(head)] == head) or (tags is not None and head[0] == "adj"):
                rest = lemma.ru.split(" ", 1)[1:]  # the fixed words of a multiword lemma
                # Russian print mostly writes е for ё («передается», «учеными», «четырехсот»): both
                # spellings, unless the е spelling is first of all another word's («узнает» is
                # узнать's future before it is узнавать's «узнаёт»).
                for word in dict.fromkeys((f.word, _without_yo(f.word, p.normal_form))):  # type: ignore[attr-defined]
                    forms.append((lemma, " ".join([word, *rest]), tags))
    # Only what the installed analyser lacks, unless the row says force: forms it does not
    # know, forms it knows only under other lemmas («курсов» only as курсовой, «минувшем» only
    # as the noun минувшее), which would otherwise never reach the row's translation (not
    # participles the analyser knows as adjectives: «играющего» as играющий, «сделанный»), and
    # reflexive forms it reads only as a passive.
    known = _lt("rus-bel.automorf.bin", "-w", [w for _, w, _ in forms])
    analyser = []
    for (lemma, word, tags), answer in zip(forms, known):
        participle = "pprs" in tags or "pp" in tags
        other_lemma = " " not in lemma.ru and not participle and not _knows_lemma(answer, lemma.ru)
        if lemma.force or "/*" in answer or other_lemma or _only_passive(lemma, answer):
            analyser.append((word, lemma.ru, tags))
    overrides: set[tuple[str, tuple[str, ...]]] = set()
    for rule in bidix_rules():
        right_lemma, right_tags = rule.right.split("<", 1)
        p = _parse(Lemma(rule.ru, "", _pos_code(rule.right), False, ""))
        head = lemma_tags(set(p.tag.grammemes), str(p.tag.POS)) if p is not None else None  # type: ignore[attr-defined]
        if head is not None:
            bidix[(rule.ru, head)] = (right_lemma, tuple(right_tags.rstrip(">").split("><")), "be_corrections.tsv")
            overrides.add((rule.ru, head))
    for ru, ru_tags, be, be_tags_, choice, source in reversed(read_tsv("bidix.tsv")):
        bidix = {(ru, tuple(ru_tags.split("."))): (be, tuple(be_tags_.split(".")), source), **bidix}
        if choice == "override":
            overrides.add((ru, tuple(ru_tags.split("."))))
    phrases = read_tsv("phrases.tsv")
    bel = [f'    <e lm="{escape(lm)}"><p><l>{_w(form)}</l><r>{_w(lm)}{_s(tags.strip("<>").split("><"))}</r></p></e>'
           for form, lm, tags in made]
    bel += _multiword_forms({be: tags for (_, _), (be, tags, _) in bidix.items() if " " in be and tags[0] in ("n", "vblex")})
    sdefs = {t for _, _, tags in analyser for t in tags} | {t for k in bidix for t in k[1]}
    sdefs |= {t for v in bidix.values() for t in v[1]} | {r[2] for r in phrases} | {"sg", "pl", "sint", "m", "f", "nt", "mfn"}
    sdefs |= {t for _, _, tags in made for t in tags.strip("<>").split("><")}
    rus = [f'    <e lm="{escape(lm)}"><p><l>{_w(word)}</l><r>{_w(lm)}{_s(tags)}</r></p></e>'
           for word, lm, tags in sorted(set(analyser), key=lambda x: (x[1], x[0], x[2]))]
    rus += [f'    <e lm="{escape(r[0])}"><p><l>{_w(r[0])}</l><r>{_w(r[0])}<s n="{r[2]}"/></r></p></e>' for r in phrases]
    bi = [f'    <e><p><l>{_w(ru)}{_s(lt)}</l><r>{_w(be)}{_s(rt)}</r></p></e><!-- {escape(src)} -->'
          for (ru, lt), (be, rt, src) in bidix.items()]
    # An override of a noun is also entered with its number: lt-proc -b keeps only the
    # longest match, and the pair's nouns are entered down to the number (май<n><m><nn><sg>).
    bi += [f'    <e><p><l>{_w(ru)}{_s((*lt, n))}</l><r>{_w(be)}{_s((*rt, n))}</r></p></e>'
           for (ru, lt), (be, rt, _) in bidix.items() if (ru, lt) in overrides and lt[0] == "n" for n in ("sg", "pl")]
    # An adjective's likewise with its gender, with and without the pair's <sint> tag.
    bi += [f'    <e><p><l>{_w(ru)}{_s((*lt, *sint, g))}</l><r>{_w(be)}{_s((*rt, g))}</r></p></e>'
           for (ru, lt), (be, rt, _) in bidix.items() if (ru, lt) in overrides and lt == ("adj",)
           for sint in ((), ("sint",)) for g in ("m", "f", "nt", "mfn")]
    bi += [f'    <e><p><l>{_w(r[0])}<s n="{r[2]}"/></l><r>{_w(r[1])}<s n="{r[2]}"/></r></p></e><!-- {escape(r[3])} -->'
           for r in phrases]
    bel += [f'    <e lm="{escape(r[1])}"><p><l>{_w(r[1])}</l><r>{_w(r[1])}<s n="{r[2]}"/></r></p></e>' for r in phrases]
    note = "generated by translator_flow.lang.apertium_overlay.generate from the reviewed tables; do not edit"
    verb_tags = {"inf", "pres", "fut", "past", "imp", "p1", "p2", "p3"}
    return (_dix(rus, sdefs, note), _dix(bi, sdefs, note), _dix(bel, sdefs | {"sg", "pl", *_CASES} | verb_tags, note), left)


_CASES = ("nom", "gen", "dat", "acc", "ins", "loc")  # Belarusian generator cases (Russian prp → loc)


def _multiword_forms(nouns: dict[str, tuple[str, ...]]) -> list[str]:
    """Generator entries for Belarusian multiword nouns: the head inflects, the rest stays.

    «ахова здароўя» (здравоохранение) is feminine like its head «ахова», so adjectives
    agree with it («сталічнай аховы здароўя»); the installed generator has no such lemma.
    """
    units: list[tuple[str, tuple[str, ...], str]] = []
    for be, tags in nouns.items():
        if tags[0] == "n":
            units += [(be, tags, f"<{n}><{c}>") for n in ("sg", "pl") for c in _CASES]
        else:  # a verb phrase («уяўляць сабой»): the verb inflects
            np = "fut" if tags[1] == "perf" else "pres"
            units += [(be, tags, tail.format(np=np)) for tail in VERB_TAILS]
    answers = _lt("rus-bel.autogen.bin", "-g",
                  [f"^{be.split(' ')[0]}{''.join(f'<{t}>' for t in tags)}{tail}$" for be, tags, tail in units])
    out = []
    for (be, tags, tail), form in zip(units, answers):
        if form and "#" not in form:
            surface = form + " " + be.split(" ", 1)[1]
            full = (*tags, *tail.strip("<>").split("><"))
            out.append(f'    <e lm="{escape(be)}"><p><l>{_w(surface)}</l><r>{_w(be)}{_s(full)}</r></p></e>')
    return out


def _pos_code(right: str) -> str:
    tag = right.split("<", 2)[1].rstrip(">")
    return {"n": "n", "adj": "adj", "vblex": "v", "adv": "adv"}.get(tag, "n")


def main() -> int:
    """Write rus.dix, rus-bel.dix and bel.dix beside this module; list what stays in the fallback."""
    rus, bi, bel, left = build_tables()
    for name, text in (("rus.dix", rus), ("rus-bel.dix", bi), ("bel.dix", bel)):
        (HERE / name).write_text(text, encoding="utf-8")
    print(f"wrote rus.dix ({rus.count('<e ')} forms), rus-bel.dix ({bi.count('<e>')} entries), "
          f"bel.dix ({bel.count('<e ')} entries); {len(left)} lemmas left to the fallback:")
    for line in left:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
