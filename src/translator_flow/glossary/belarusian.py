"""Belarusian forms of a glossary term in every case and number.

The term's structure follows the Russian one: agreeing adjectives and the head noun
inflect, genitive complements stay as written («Міністэрства замежных спраў» → only the
first word changes); in a person's name every word inflects. Each inflecting word is
generated with Apertium's Belarusian generator from its lemma and tags (found by the
Belarusian analyser). Words the dictionary lacks are inflected like a known word that
ends the same way (the stem swapped): first a known word that *is* their ending
(«аграпрамысловы» like «прамысловы»), then a small table of model words for regular
classes (adjectives in -скі/-цкі/-ы, toponyms in -ск, feminine nouns in -а/-ія,
neuter -ства), and for surnames the regular declension of -ін/-оў and -ка surnames.
Anything else gets no form: the caller places the base form and flags it, and editors can
pin forms in ``be_forms``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .entries import CASES, NUMBERS
from .gaps import join_term, split_term
from ..morph.belarusian import LtToolbox, Reading
from ..morph.surnames import belarusian_gender, belarusian_given_name, belarusian_surname
from ..morph.tables import APERTIUM_GENDER

_GENDER_TAG = {"m": "m", "f": "f"}

#: Model words for regular classes (suffix of an unknown word → a known word with it).
#: Each model is checked against the analyser at run time; one it does not know is skipped.
ADJ_MODELS: tuple[tuple[str, str], ...] = (
    ("ская", "Віцебская"), ("скае", "Віцебскае"), ("скі", "Віцебскі"),
    ("цкая", "Брэсцкая"), ("цкае", "Брэсцкае"), ("цкі", "Брэсцкі"),
    ("ная", "прамысловая"), ("вая", "прамысловая"), ("ны", "прамысловы"), ("вы", "прамысловы"),
)  # fmt: skip
NOUN_MODELS: tuple[tuple[str, str], ...] = (
    ("ск", "Віцебск"), ("ка", "чыгунка"), ("га", "дарога"), ("ія", "Расія"),
    ("ства", "прадпрыемства"), ("цыя", "Федэрацыя"),
)  # fmt: skip

@dataclass
class _Rule:
    """Forms of a person's word made by rule (morph/surnames.py), and the unsure cases."""

    forms: dict[str, str]
    unsure: set[str]


@dataclass
class BeParadigm:
    """The Belarusian forms of one term: per word, per (case, number)."""

    words: tuple[str, ...]
    roles: tuple[str, ...]
    forms: list[dict[tuple[str, str], str] | None]  # None: the word stays as written
    missing: list[str] = field(default_factory=list)  # words no form could be made for
    analogies: list[str] = field(default_factory=list)  # "Смаленск like Віцебск", for `glossary show`
    gaps: tuple[str, ...] = ()  # the term's punctuation around its words (gaps.split_term)
    unsure: dict[int, set[str]] = field(default_factory=dict)  # word index → cases made by an unsure rule

    def doubtful(self, case: str, surname_only: bool = False) -> list[str]:
        """Words whose ``case`` form was derived by a rule that depends on stress (check it)."""
        return [w for k, (w, role) in enumerate(zip(self.words, self.roles))
                if case in self.unsure.get(k, ()) and (role == "surname" or not surname_only)]

    def _join(self, words: list[str]) -> str:
        words = _short_u(words, self.gaps)
        if len(self.gaps) == len(words) + 1:
            return join_term(words, list(self.gaps))
        return " ".join(words)

    def phrase(self, case: str, number: str = "sg", adj_number: str | None = None) -> str | None:
        """The whole term in ``case``/``number``; None when a word has no such form.

        ``adj_number`` differs from ``number`` in coordination: «Брянской и Смоленской
        областей» → «Смаленскай абласцей» (singular adjective, plural noun)."""
        out = []
        for word, role, forms in zip(self.words, self.roles, self.forms):
            key = (case, adj_number if role == "adj" and adj_number else number)
            if forms is None:
                out.append(word)
            elif key in forms:
                out.append(forms[key])
            else:
                return None
        return self._join(out)

    def adjectives(self, case: str, number: str = "sg") -> str | None:
        """The leading adjectives alone («Бранскай» in «Бранскай і Смаленскай абласцей»)."""
        out = []
        for role, forms in zip(self.roles, self.forms):
            if role != "adj" or forms is None:
                break
            if (case, number) not in forms:
                return None
            out.append(forms[(case, number)])
        return " ".join(out) or None

    def surname(self, case: str) -> str | None:
        """A person's surname alone in ``case`` (for «Анохин», «В. Анохин»)."""
        for word, role, forms in zip(self.words, self.roles, self.forms):
            if role == "surname":
                return word if forms is None else forms.get((case, "sg"))
        return None

    def all_phrases(self) -> set[str]:
        """Every form this paradigm can produce (for verification)."""
        out = {self.phrase(c, n) for c in CASES for n in NUMBERS}
        out |= {self.phrase(c, "pl", "sg") for c in CASES}  # «Брэсцкай і Гомельскай абласцей»
        out |= {self.surname(c) for c in CASES}
        return {p for p in out if p}


_VOWELS = "аеёіоуыэюяАЕЁІОУЫЭЮЯ"


def _short_u(words: list[str], gaps: tuple[str, ...]) -> list[str]:
    """у/ў at the start of a word inside the term after inflection: «ў» after a word ending
    in a vowel, «у» after a consonant («педагагічнага ўніверсітэта», «педагагічным
    універсітэце»): § 14 of «Правілы беларускай арфаграфіі і пунктуацыі» (Law of the
    Republic of Belarus No. 420-З of 23 July 2008), as lang/be.py applies it to the rest of
    the draft. Only across plain spaces, and never a capital У (proper names keep it:
    «Міхаілу Уладзіміравічу»)."""
    out = list(words)
    for k in range(1, len(out)):
        first = out[k][:1]
        if first not in "уў" or (len(gaps) == len(out) + 1 and gaps[k].strip()):
            continue
        out[k] = ("ў" if out[k - 1][-1:] in _VOWELS else "у") + out[k][1:]
    return out


def be_roles(be: str, ru_roles: list[str], person: bool, readings: dict[str, tuple[Reading, ...]]) -> list[str]:
    """Which Belarusian words inflect: aligned with the Russian roles when the word counts
    match, else found from the Belarusian analyses (adjectives, then the first noun)."""
    words = split_term(be)[0]
    if len(words) == len(ru_roles):
        roles = list(ru_roles)
    elif person:
        roles = ["name"] * (len(words) - 1) + ["surname"]
    else:
        roles = []
        head_seen = False
        for w in words:
            rs = readings.get(_tail(w), ())
            if head_seen:
                roles.append("fixed")
            elif any(r.pos in ("n", "np") and r.has("nom") for r in rs) or (not rs and not _adjectival(w)):
                roles.append("head")
                head_seen = True
            else:
                roles.append("adj" if any(r.pos == "adj" for r in rs) or _adjectival(w) else "fixed")
        if not head_seen and roles:
            roles[-1] = "head"
    return ["fixed" if _abbreviation(w) else r for w, r in zip(words, roles)]


def _tail(word: str) -> str:
    """The part of a hyphenated word that inflects («гандлёва-прамысловая» → «прамысловая»)."""
    return word.rsplit("-", 1)[-1]


def _adjectival(word: str) -> bool:
    return word.lower().endswith(("ы", "і", "ая", "яя", "ае", "яе", "ое"))


def _abbreviation(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@dataclass
class _Plan:
    """How to inflect one word: generate ``lemma<tags>`` and graft the ending on ``prefix``."""

    lemma: str
    tags: tuple[str, ...]  # without number and case
    strip: int = 0  # letters of the model word's forms to drop
    prefix: str = ""  # what replaces them (the unknown word's own stem)
    numbers: tuple[str, ...] = NUMBERS
    model: str = ""  # the known word this one is inflected like ("" when it is known itself)


def _noun_plan(rs: tuple[Reading, ...], prefer: tuple[str, ...] = ()) -> _Plan | None:
    nouns = [r for r in rs if r.pos in ("n", "np") and r.has("nom")]
    if prefer:
        order = [p.lower() for p in prefer]
        nouns.sort(key=lambda r: order.index(r.lemma.lower()) if r.lemma.lower() in order else len(order))
    for r in nouns:
        tags = r.tags
        number = next((t for t in tags if t in ("sg", "pl", "sp")), "sg")
        base = tuple(t for t in tags if t not in ("sg", "pl", "sp") and t not in CASES)
        return _Plan(r.lemma, base, numbers=("pl",) if number == "pl" else NUMBERS)
    return None


def _adj_plan(rs: tuple[Reading, ...]) -> _Plan | None:
    for r in rs:
        if r.pos == "adj" and r.has("nom"):
            return _Plan(r.lemma, ("adj",))
    return None


class BelarusianForms:
    """Builds (and caches) :class:`BeParadigm` s with as few ``lt-proc`` runs as possible."""

    def __init__(self, toolbox: LtToolbox) -> None:
        self.toolbox = toolbox

    def build(self, items: list[tuple[str, list[str], bool, str]], genders: list[str] | None = None) -> list[BeParadigm]:
        """Paradigms for ``(be term, Russian roles, is_person, Russian head lemma)`` items;
        ``genders`` ("m", "f", "") for people (unknown: from the Belarusian endings, else a man's)."""
        genders = list(genders or [""] * len(items))
        tb = self.toolbox
        words = {_tail(w) for be, *_ in items for w in split_term(be)[0]}
        models = [m for _, m in ADJ_MODELS + NOUN_MODELS]
        readings = tb.analyse(sorted(words) + models)
        layouts = [(split_term(be)[0], be_roles(be, roles, person, readings), person, ru_head)
                   for be, roles, person, ru_head in items]
        # Unknown words: look for a known word that is their ending (second analyser run).
        unknown = {
            _tail(w)
            for ws, rs, _, _ in layouts
            for w, role in zip(ws, rs)
            if role in ("adj", "head") and not self._direct(role, readings.get(_tail(w), ()))
        }
        suffixes = {u[k:] for u in unknown for k in range(1, len(u) - 3)}
        if suffixes:
            readings.update(tb.analyse(sorted(suffixes)))
        homonyms = {}
        for ws, rs, _, ru_head in layouts:
            for w, role in zip(ws, rs):
                lemmas = {r.lemma for r in readings.get(_tail(w), ()) if r.pos in ("n", "np") and r.has("nom")}
                if role == "head" and len(lemmas) > 1 and ru_head:
                    homonyms[w] = _bilingual_unit(ru_head)
        preferred = tb.bilingual(homonyms.values()) if homonyms and tb.available() else {}
        plans_per_item = []
        for (ws, rs, person, _), gender in zip(layouts, genders):
            plans = []
            gender = (gender or belarusian_gender(ws) or "m") if person else ""
            for w, role in zip(ws, rs):
                prefer = preferred.get(homonyms.get(w, ""), ())
                plans.append(self._plan(w, role, readings, prefer, gender) if role != "fixed" else None)
            plans_per_item.append(plans)
        units = []
        for (_ws, rs, _, _), plans in zip(layouts, plans_per_item):
            for k, (role, plan) in enumerate(zip(rs, plans)):
                if isinstance(plan, _Plan):
                    units += [u for variants in _units(plan, role, _head_tags(rs, plans, k)).values() for u in variants]
        generated = tb.generate(units) if units else {}
        out = []
        for (be, *_), (ws, rs, _, _), plans in zip(items, layouts, plans_per_item):
            forms: list[dict[tuple[str, str], str] | None] = []
            missing = []
            analogies = [f"{w} like {p.model}" for w, p in zip(ws, plans) if isinstance(p, _Plan) and p.model]
            analogies += [f"{w}: declined by rule (surname/name endings)" for w, p in zip(ws, plans) if isinstance(p, _Rule)]
            unsure: dict[int, set[str]] = {}
            for k, (w, role, plan) in enumerate(zip(ws, rs, plans)):
                head = _head_tags(rs, plans, k)
                if role == "fixed":
                    forms.append(None)
                    continue
                if isinstance(plan, _Rule):
                    forms.append({(c, "sg"): f for c, f in plan.forms.items()} | {("nom", "sg"): w})
                    unsure[k] = plan.unsure
                    continue
                got: dict[tuple[str, str], str] = {}
                if plan is not None:
                    for key, variants in _units(plan, role, head).items():
                        form = next((generated.get(u) for u in variants if generated.get(u)), None)
                        if form and len(form) >= plan.strip:
                            got[key] = _match_case(w, plan.prefix + form[plan.strip :])
                if got:
                    # The editors' spelling of the dictionary form wins over the generator's.
                    got[("nom", "pl") if plan is not None and plan.numbers == ("pl",) else ("nom", "sg")] = w
                if not got:
                    missing.append(w)
                forms.append(got or {("nom", "sg"): w})
            out.append(BeParadigm(tuple(ws), tuple(rs), forms, missing, analogies, tuple(split_term(be)[1]), unsure))
        return out

    @staticmethod
    def _direct(role: str, rs: tuple[Reading, ...]) -> bool:
        return (_adj_plan(rs) if role == "adj" else _noun_plan(rs)) is not None

    def _plan(self, word: str, role: str, readings, prefer, gender: str = "") -> _Plan | _Rule | None:
        tail = _tail(word)
        pre = word[: len(word) - len(tail)]
        rs = readings.get(tail, ())
        if role in ("surname", "name", "patronymic"):
            # The dictionary's proper noun of the person's gender, else the rules.
            direct = [r for r in rs if r.pos == "np" and r.has("nom") and (not gender or r.has(_GENDER_TAG[gender]))]
            if direct:
                return _graft(_noun_plan(tuple(direct)), pre)
            got = belarusian_surname(word, gender) if role == "surname" else belarusian_given_name(word, gender, role)
            return _Rule(*got) if got else None
        direct_plan = _adj_plan(rs) if role == "adj" else _noun_plan(rs, prefer)
        if direct_plan is not None:
            return _graft(direct_plan, pre)
        # A known word that is the ending of this one: inflect it and keep our beginning.
        for k in range(1, len(tail) - 3):
            suffix_rs = readings.get(tail[k:], ())
            plan = _adj_plan(suffix_rs) if role == "adj" else _noun_plan(suffix_rs)
            if plan is not None:
                plan.model = tail[k:]
                return _graft(plan, pre + tail[:k])
        for suffix, model in ADJ_MODELS if role == "adj" else NOUN_MODELS:
            if tail.lower().endswith(suffix):
                rs_model = readings.get(model, ())
                plan = _adj_plan(rs_model) if role == "adj" else _noun_plan(rs_model)
                if plan is not None:
                    stem_model = len(model) - len(suffix)
                    plan.strip, plan.prefix = stem_model, pre + tail[: len(tail) - len(suffix)]
                    plan.model = model
                    return plan
        return None


def _graft(plan: _Plan | None, prefix: str) -> _Plan | None:
    if plan is not None and prefix:
        plan.prefix = prefix
    return plan


def _bilingual_unit(ru_head: str) -> str:
    from ..morph.russian import analyse

    g = APERTIUM_GENDER
    a = next((a for a in analyse(ru_head) if a.pos == "NOUN"), None)
    gender = g.get(a.gender, "m") if a else "m"
    anim = "aa" if a and "anim" in a.grammemes else "nn"
    return f"{ru_head}<n><{gender}><{anim}><sg><nom>"


def _head_tags(roles, plans, at: int = 0) -> tuple[str, str]:
    """Gender and animacy of the head noun an adjective at ``at`` agrees with: the next
    head after it («навука, дзяржаўная адукацыя»: «дзяржаўная» agrees with «адукацыя»)."""
    pairs = list(zip(roles, plans))
    for role, plan in pairs[at:] + pairs[:at]:
        if role == "head" and isinstance(plan, _Plan):
            gender = next((t for t in plan.tags if t in ("m", "f", "nt", "mf")), "m")
            anim = next((t for t in plan.tags if t in ("aa", "nn")), "nn")
            return gender, anim
    return "m", "nn"


def _units(plan: _Plan, role: str, head: tuple[str, str]) -> dict[tuple[str, str], list[str]]:
    """Generator units per (case, number), alternatives in order of preference."""
    out: dict[tuple[str, str], list[str]] = {}
    numbers = ("sg",) if role in ("name", "surname", "patronymic") else plan.numbers
    for number in numbers:
        for case in CASES:
            if plan.tags == ("adj",):
                gender = head[0] if number == "sg" else "mfn"
                anims = [head[1], "an"] if case == "acc" else ["an", head[1]]
                anims += [a for a in ("an", "nn", "aa") if a not in anims]
                out[(case, number)] = [f"{plan.lemma}<adj><{gender}><{a}><{number}><{case}>" for a in anims]
            else:
                tags = "".join(f"<{t}>" for t in plan.tags)
                out[(case, number)] = [f"{plan.lemma}{tags}<{number}><{case}>"]
    return out


def _match_case(model: str, form: str) -> str:
    """Give ``form`` the capitalisation of the glossary's word (the generator follows the lemma)."""
    if model[:1].isupper() and form[:1].islower():
        return form[:1].upper() + form[1:]
    if model[:1].islower() and form[:1].isupper() and not model.isupper():
        return form[:1].lower() + form[1:]
    return form
