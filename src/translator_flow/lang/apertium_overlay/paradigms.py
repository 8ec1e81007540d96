"""Generator additions for Belarusian lemmas the installed generator lacks (maintainer's tool).

A lemma such as «міжрэгіянальны» or «медустанова» is inflected like a lemma of the same
paradigm the generator has (:data:`translator_flow.lang.be_paradigm.MODELS`, chosen by
the longest shared ending): every form of the model is generated once and its ending moved
onto the new stem («актуальн|ай» → «міжрэгіянальн|ай»). The result is written as ordinary
``bel.dix`` full-form entries, so the pair's own transfer and generator handle the word.

Cardinal numerals (pos ``num``, the pair's counting shape ``<num><mfn><pl><case>``, tags.py)
take their forms from a numeral the generator has with the same ending («пятнаццаць» like
«чатырнаццаць»: пятнаццаці, пятнаццаццю), or, for the hundreds, from their parts: both parts
of 200–900 decline, the first as the unit numeral and the second as -сот, -стам, -стамі, -стах
(«Беларуская граматыка», 1985, ч. 1, скланенне колькасных лічэбнікаў; written as one word,
«Правілы беларускай арфаграфіі і пунктуацыі», 2008, § 37): «чатырыста» → чатырохсот,
чатыромстам, чатырмастамі, чатырохстах from «чатыры» → чатырох, чатыром, чатырма.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..be_paradigm import models_for, swap_stem

_CASES = ("nom", "gen", "dat", "acc", "ins", "loc")  # Belarusian generator cases (Russian prp → loc)
NOUN_TAILS = tuple(f"<{n}><{c}>" for n in ("sg", "pl") for c in _CASES)
ADJ_TAILS = (
    *(f"<{g}><an><sg><{c}>" for g in ("m", "f", "nt") for c in _CASES),
    "<m><nn><sg><acc>", "<m><aa><sg><acc>",
    *(f"<mfn><an><pl><{c}>" for c in _CASES), "<mfn><nn><pl><acc>", "<mfn><aa><pl><acc>",
    "<short><m><sg>", "<short><f><sg>", "<short><nt><sg>", "<short><mfn><pl>",
)
VERB_TAILS = (
    "<inf>",
    *(f"<{{np}}><p{p}><{n}>" for n in ("sg", "pl") for p in (1, 2, 3)),
    "<past><m><sg>", "<past><f><sg>", "<past><nt><sg>", "<past><mfn><pl>",
    "<imp><p2><sg>", "<imp><p2><pl>",
)

NUM_TAILS = tuple(f"<mfn><pl><{c}>" for c in _CASES)
#: Counting numerals the generator has, models for those it lacks (chosen by the longest shared ending).
NUMERAL_MODELS = ("адзінаццаць", "чатырнаццаць", "шаснаццаць", "дзесяць", "пяць")
#: Hundreds whose first part is not the unit's nominative less «сот»; the others are «<unit>сот».
HUNDRED_UNITS = {"дзвесце": "два", "трыста": "тры", "чатырыста": "чатыры"}
#: The second part of a hundred in each case (nominative and accusative: the lemma itself).
HUNDRED_ENDINGS = {"gen": "сот", "dat": "стам", "ins": "стамі", "loc": "стах"}
#: The unit numeral's lemma-level shapes in the generator (два is <m><an><sg>, тры <mfn><an><pl>).
_UNIT_SHAPES = ("<num><mfn><pl>", "<num><mfn><an><pl>", "<num><m><an><sg>")

Generate = Callable[[Sequence[str]], list[str]]


def hundred_unit(lemma: str) -> str | None:
    """The unit numeral of a Belarusian hundred 200–900 («чатырыста» → «чатыры»), else None."""
    if lemma in HUNDRED_UNITS:
        return HUNDRED_UNITS[lemma]
    if lemma.endswith("сот") and len(lemma) > 3:
        return lemma[:-3]
    return None


def hundred_forms(lemmas: Sequence[str], generate: Generate) -> list[tuple[str, str, str]]:
    """(surface form, lemma, tags) of every case of each hundred, made from its unit's forms."""
    plan = [(be, case, f"^{hundred_unit(be)}{shape}<{case}>$") for be in lemmas if hundred_unit(be)
            for case in HUNDRED_ENDINGS for shape in _UNIT_SHAPES]
    found: dict[tuple[str, str], str] = {}
    for (be, case, _), form in zip(plan, generate([p[2] for p in plan])):
        if form and "#" not in form and "^" not in form and (be, case) not in found:
            found[(be, case)] = form + HUNDRED_ENDINGS[case]
    out: list[tuple[str, str, str]] = []
    for be in lemmas:
        if all((be, case) in found for case in HUNDRED_ENDINGS):
            out += [(found.get((be, case), be), be, f"<num><mfn><pl><{case}>") for case in _CASES]
    return out


def _numeral_models(lemma: str) -> list[str]:
    def shared(model: str) -> int:
        k = 0
        while k < min(len(model), len(lemma)) and model[-1 - k] == lemma[-1 - k]:
            k += 1
        return k
    return sorted((m for m in NUMERAL_MODELS if shared(m) >= 2 and m != lemma), key=lambda m: -shared(m))


def additions(lemmas: Sequence[tuple[str, str, str]], generate: Generate) -> tuple[dict[str, tuple[str, ...]], list[tuple[str, str, str]]]:
    """For (Belarusian lemma, pos n|adj|v, Russian aspect) the generator lacks: lemma tags, and
    (surface form, lemma, tags) entries made from a model; lemmas without a model are left out.

    Up to four models are tried (longest shared ending first); each form comes from the
    first model whose ending the lemma shares («супрацоўнічаць» takes its present from
    «чытаць», since «арганізаваць» changes -аваць → -уюць).
    """
    plan: list[tuple[str, int, str, str, str]] = []  # (lemma, model rank, our tags, model unit, model)
    heads: dict[str, tuple[str, ...]] = {}
    hundreds = [be for be, pos, _ in lemmas if pos == "num" and hundred_unit(be)]
    compound = hundred_forms(hundreds, generate)
    heads.update({be: ("num",) for _, be, _ in compound})
    for be, pos, aspect in lemmas:
        if pos == "num" and be not in heads:
            heads[be] = ("num",)
            plan += [(be, rank, "<num>" + tail, f"^{model}<num>{tail}$", model)
                     for rank, model in enumerate(_numeral_models(be)[:4]) for tail in NUM_TAILS]
        for rank, (model, fixed) in enumerate(models_for(be, "adj" if pos == "ord" else pos, limit=4)):
            if pos == "n":
                if rank == 0:
                    heads[be] = tuple(fixed.strip("<>").split("><"))
                elif fixed != "<" + "><".join(heads[be]) + ">":
                    continue  # another gender: not the same paradigm
                plan += [(be, rank, fixed + tail, f"^{model}{fixed}{tail}$", model) for tail in NOUN_TAILS]
            elif pos in ("adj", "ord"):  # an ordinal declines like an adjective, tagged as the pair's <det><ord>
                heads[be] = ("adj",) if pos == "adj" else ("det", "ord")
                ours = "<adj>" if pos == "adj" else "<det><ord>"
                plan += [(be, rank, ours + tail, f"^{model}<adj>{tail}$", model) for tail in ADJ_TAILS
                         if pos == "adj" or not tail.startswith("<short>")]
            elif pos == "v":
                ours = aspect or fixed.split("><")[1].rstrip(">")
                heads[be] = ("vblex", ours)
                model_np = "fut" if fixed.endswith("<perf>") else "pres"
                our_np = "fut" if ours == "perf" else "pres"
                plan += [(be, rank, f"<vblex><{ours}>" + tail.format(np=our_np),
                          f"^{model}{fixed}{tail.format(np=model_np)}$", model) for tail in VERB_TAILS]
    answers = generate([p[3] for p in plan])
    best: dict[tuple[str, str], tuple[int, str]] = {}
    for (be, rank, tags, _, model), form in zip(plan, answers):
        if not form or "#" in form or "^" in form:
            continue
        new = swap_stem(be, model, form)
        if new and ((be, tags) not in best or rank < best[(be, tags)][0]):
            best[(be, tags)] = (rank, new)
    entries = [(form, be, tags) for (be, tags), (_, form) in best.items()] + compound
    made = {e[1] for e in entries}
    return {be: tags for be, tags in heads.items() if be in made}, entries



def gaps(lemmas: Sequence[tuple[str, str, tuple[str, ...]]], generate: Generate) -> list[tuple[str, str, str]]:
    """Forms the generator lacks for lemmas it *has*, made from models (maintainer's tool).

    ``lemmas`` are (Belarusian lemma, pos n|v, the generator's own lemma tags). apertium-bel
    0.2.1 has some lemmas with half a paradigm: «зарплата», «сэрвіс», «імпарт» without the plural
    («павышэнне зарплат», «электронных сэрвісаў» came out «#зарплата», «#сэрвіс»), «прагназаваць»
    without the present plural («прагназуюць»). The forms are probed and a missing one is made
    the way :func:`additions` makes them, but more cautiously, since the lemma has a
    paradigm of its own to contradict: a noun form only from models of the lemma's own gender
    and animacy, and only when all of them agree («інфарматыка»: «рэчка» gives «-ыак», «атака»
    «-ык», so neither is taken); a verb only in the third person and the past, from a model
    sharing at least five final letters («прагназаваць» ← «арганізаваць»): the first person and
    the imperative carry consonant alternations an ending swap gets wrong («скарачуся»).
    """
    plan: list[tuple[str, str, str, str, str]] = []  # (lemma, our tags, model unit, model, pos)
    for be, pos, tags in lemmas:
        head = "".join(f"<{t}>" for t in tags)
        if pos == "n" and tags[0] == "n" and tags[1] != "mfn":
            for model, fixed in models_for(be, pos, limit=4):
                if fixed == head:
                    plan += [(be, head + tail, f"^{model}{fixed}{tail}$", model, pos) for tail in NOUN_TAILS]
        elif pos == "v" and tags[0] == "vblex" and tags[1] in ("impf", "perf"):
            np = "fut" if tags[1] == "perf" else "pres"
            for model, fixed in models_for(be, pos, limit=1):
                shared = next(k for k in range(min(len(be), len(model)) + 1)
                              if k == min(len(be), len(model)) or be[-1 - k] != model[-1 - k])
                if shared < 5:
                    continue
                model_np = "fut" if fixed.endswith("<perf>") else "pres"
                plan += [(be, head + tail.format(np=np), f"^{model}{fixed}{tail.format(np=model_np)}$", model, pos)
                         for tail in VERB_TAILS if "<p3>" in tail or "<past>" in tail]
    own = generate([f"^{p[0]}{p[1]}$" for p in plan])
    todo = [p for p, o in zip(plan, own) if not o or "#" in o or "^" in o]
    answers = generate([p[2] for p in todo])
    made: dict[tuple[str, str], set[str | None]] = {}
    for (lemma, form_tags, _, model, _), form in zip(todo, answers):
        if form and "#" not in form and "^" not in form:
            made.setdefault((lemma, form_tags), set()).add(swap_stem(lemma, model, form))
    out: list[tuple[str, str, str]] = []
    for (lemma, form_tags), forms in made.items():
        (only,) = forms if len(forms) == 1 else (None,)
        if only is not None:
            out.append((only, lemma, form_tags))
    return out
