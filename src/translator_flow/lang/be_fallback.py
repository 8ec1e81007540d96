"""Unknown-word fallback for Apertium rus→bel drafts: Belarusian forms for words it left.

For every engine mark of kind "unknown" (a Russian word left in the draft: «обсудили»,
«Лукашенко», «актуальных») the word is analysed with pymorphy3 (lemma and grammar), the
lemma looked up in ``be_lexicon.tsv`` (Russian lemma → Belarusian lemma), and the
Belarusian form with the same grammar produced by Apertium's own Belarusian generator
(«абмеркавалі», «актуальных»). Proper names without an entry are respelled by
:func:`.be_translit.transfer` («Путиным» → «Пуціным»). A "generation" mark («#Далейшы»,
a Belarusian lemma the engine could not inflect) gets the form that agrees with the next
noun. Every replaced word keeps a mark, kind "fallback", so reviewers still see it; its
``via`` says how it was made ("lexicon", "name", "agreement") so QA can weigh it.

Cost: one analyser call and one generator call per batch (``lt-proc`` start-up is ~66 ms),
however many words are replaced. Without Apertium installed nothing is replaced.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any
from collections.abc import Callable, Sequence

from ..model import EngineOutput, Mark
from ..morph import belarusian
from ..morph.russian import analyzer
from ..morph.tokens import is_abbreviation, not_a_word
from ._edits import Edit, apply_edits
from .be_paradigm import (
    given_name_form,
    CASES,
    GENDERS,
    NUMBERS,
    Request,
    adj_tail,
    finish,
    fix_participle,
    model_tags,
    models_for,
    swap_stem,
    tag_options,
)
from .be_lexicon import CROSS_POS, LexEntry, key, load_lexicon
from .be_loanwords import candidate as loanword
from .be_names import next_word as _next_word, place_adjective, prev_word as _prev_word
from .be_translit import match_case, transfer

NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
ADJ_POS = frozenset({"ADJF", "ADJS", "PRTF", "PRTS"})


@dataclass
class _Job:
    out: int
    mark: Mark
    word: str
    entry: LexEntry | None = None
    parses: list[Any] = field(default_factory=list)
    agree_with: str = ""  # neighbour word whose Belarusian analysis selects the grammar
    agree_prev: bool = False
    readings: tuple[belarusian.Reading, ...] = ()
    translit: str = ""
    generation_lemma: str = ""  # for "#lemma" marks
    via: str = ""  # the mark's ``via`` when not the default for the job's kind


def apply(outputs: Sequence[EngineOutput], *, lexicon: dict[str, LexEntry] | None = None) -> list[EngineOutput]:
    """``outputs`` with unknown words replaced by Belarusian forms where possible.

    Replaced words carry a ``Mark("fallback", new_form, start, end)``; words left as
    they were keep their original mark. Outputs with an error pass through unchanged.
    """
    lex = load_lexicon() if lexicon is None else lexicon
    outputs = [_without_false_unknowns(o) for o in outputs]
    jobs = [job for i, o in enumerate(outputs) if not o.error for job in _jobs(i, o, lex)]
    if not jobs:
        return list(outputs)
    _agree(jobs, outputs)
    forms = _forms(jobs)
    results = list(outputs)
    by_output: dict[int, list[tuple[_Job, str]]] = {}
    for job, form in zip(jobs, forms):
        # An identical form from the lexicon («актуальных») still resolves the mark.
        if form and (form != job.word or job.entry is not None):
            by_output.setdefault(job.out, []).append((job, form))
    for i, replaced in by_output.items():
        results[i] = _rewrite(outputs[i], replaced)
    return results


#: What morph.tokens calls pieces that are no words: marks on them are dropped (see below).
_NOT_WORDS = frozenset({"ordinal ending", "Roman numeral", "initial", "web address"})


def _without_false_unknowns(output: EngineOutput) -> EngineOutput:
    """``output`` without engine marks on pieces that are no words to translate.

    The Russian analyser marks the ending of «9-й», «XXI», the initial «В.» and the parts of
    «www.minzdrav.gov.by» as unknown; the text is right as it is, so such a mark would
    only be a false "left in Russian" warning (issue 15). Documented in docs/checks.md.
    """
    kept = tuple(m for m in output.marks
                 if m.kind not in ("unknown", "generation") or not_a_word(output.text, m.start, m.end) not in _NOT_WORDS)
    return output if len(kept) == len(output.marks) else replace(output, marks=kept)


def _jobs(index: int, output: EngineOutput, lex: dict[str, LexEntry]) -> list[_Job]:
    jobs = []
    for mark in output.marks:
        word = output.text[mark.start:mark.end]
        if not word or not any(c.isalpha() for c in word):
            continue
        if mark.kind == "generation":
            jobs.append(_Job(index, mark, word, generation_lemma=word, agree_with=_next_word(output, mark)))
        elif mark.kind == "unknown" and _is_cyrillic(word):
            job = _unknown_job(index, mark, word, output, lex)
            if job is not None:
                jobs.append(job)
    return jobs


def _unknown_job(index: int, mark: Mark, word: str, output: EngineOutput, lex: dict[str, LexEntry]) -> _Job | None:
    entry, parse, same, parses = _analyse(word, lex)
    if entry is not None:
        job = _Job(index, mark, word, entry=entry, parses=list(same))
        if entry.pos in ("adj", "v") and len({(q.tag.case, q.tag.number, q.tag.gender) for q in same}) > 1:
            job.agree_with = _next_word(output, mark)
        elif entry.pos in ("n", "name") and "Fixd" in parse.tag:
            job.agree_with, job.agree_prev = _prev_word(output, mark), True
        return job
    place = place_adjective(parses, word)  # «Курской» → Курскі, inflected and marked as a name
    if place is not None:
        return _respelled(index, mark, word, output, parses, place, via="name")
    if _looks_like_name(word, parses, mark):
        new = transfer(word)
        return _Job(index, mark, word, translit=new) if new != word else None
    # An international word («томографии», «кардиохирургический»): a respelled lemma,
    # inflected like a lexicon entry; the word stays marked "fallback" (be_loanwords).
    found = loanword(parses[0]) if parses else None
    if found is not None:
        entry = LexEntry(parses[0].normal_form, found[0], found[1], "respelled loanword (be_loanwords.py)")
        return _respelled(index, mark, word, output, parses, entry)
    return None


def _respelled(index: int, mark: Mark, word: str, output: EngineOutput, parses: Sequence[Any], entry: LexEntry,
               via: str = "") -> _Job:
    p = parses[0]
    kept = [q for q in parses if q.normal_form == p.normal_form and q.tag.POS == p.tag.POS]
    job = _Job(index, mark, word, entry=entry, parses=kept, via=via)
    if entry.pos == "adj" and len({(q.tag.case, q.tag.number, q.tag.gender) for q in kept}) > 1:
        job.agree_with = _next_word(output, mark)
    return job


#: word -> (lexicon it was looked up in, entry, the parse that found it, parses using the
#: entry, all parses). Morphology and lexicon lookups cost ~0.5 ms a word; batch runs meet
#: the same unknown words again and again, so the context-free part is memoised.
_ANALYSES: dict[str, tuple[dict[str, LexEntry], LexEntry | None, Any, tuple[Any, ...], tuple[Any, ...]]] = {}
_ANALYSES_LIMIT = 100_000


def _analyse(word: str, lex: dict[str, LexEntry]) -> tuple[LexEntry | None, Any, tuple[Any, ...], tuple[Any, ...]]:
    cached = _ANALYSES.get(word)
    if cached is not None and cached[0] is lex:
        return cached[1:]
    parses = tuple(analyzer().parse(word))
    found: tuple[LexEntry | None, Any, tuple[Any, ...], tuple[Any, ...]] = (None, None, (), parses)
    for p in parses:
        entries = _entries_for(p, lex)
        if entries:
            entry = entries[0]
            found = (entry, p, tuple(q for q in parses if _entry_matches(q, entry, lex)), parses)
            break
    if len(_ANALYSES) < _ANALYSES_LIMIT:
        _ANALYSES[word] = (lex, *found)
    return found


def _entries_for(p: Any, lex: dict[str, LexEntry]) -> list[LexEntry]:
    """Lexicon entries a parse can use: its lemma, or (participles) its adjective form."""
    found = []
    pos = {"NOUN": "n", "VERB": "v", "INFN": "v", "GRND": "v", "PRTF": "v", "PRTS": "v",
           "ADJF": "adj", "ADJS": "adj", "ADVB": "adv"}.get(p.tag.POS or "", "other")
    if p.tag.POS in ("PRTF", "PRTS"):
        adj = _participle_lemma(p)
        if adj is not None and f"{key(adj)}|adj" in lex:
            found.append(lex[f"{key(adj)}|adj"])
    if NAME_GRAMMEMES & set(p.tag.grammemes) and f"{key(p.normal_form)}|name" in lex:
        found.append(lex[f"{key(p.normal_form)}|name"])
    for candidate in (f"{key(p.normal_form)}|{pos}", key(p.normal_form)):
        entry = lex.get(candidate)
        if entry is not None and entry not in found and _pos_fits(entry.pos, pos):
            found.append(entry)
    return found


def _participle_lemma(p: Any) -> str | None:
    full = p.inflect({"PRTF", "masc", "sing", "nomn"})
    return full.word if full is not None else None


def _pos_fits(entry_pos: str, parse_pos: str) -> bool:
    return entry_pos == parse_pos or entry_pos in ("other", "name") or (entry_pos, parse_pos) in CROSS_POS


def _entry_matches(p: Any, entry: LexEntry, lex: dict[str, LexEntry]) -> bool:
    return entry in _entries_for(p, lex)


def _looks_like_name(word: str, parses: Sequence[Any], mark: Mark) -> bool:
    if is_abbreviation(word):
        return False  # an abbreviation («РНПЦ», «БелАЗ»): same letters in Belarusian, case kept
    if any(NAME_GRAMMEMES & set(p.tag.grammemes) for p in parses[:3]):
        return word[0].isupper()
    return word[0].isupper() and mark.start > 0 and parses[0].tag.POS is None


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in word)


def _agree(jobs: list[_Job], outputs: Sequence[EngineOutput]) -> None:
    """Analyse neighbour words (and "#" lemmas) in one call; narrow each job's grammar."""
    words: list[str] = []
    for job in jobs:
        words.append(job.agree_with)
        words.append(job.generation_lemma)
    readings = belarusian.analyse(words)
    for n, job in enumerate(jobs):
        neighbour, own = readings[2 * n], readings[2 * n + 1]
        nouns = [r for r in neighbour if r.tags and r.tags[0] in ("n", "np")]
        if job.generation_lemma:
            if any(r.tags[:1] == ("adj",) for r in own):
                job.readings = tuple(nouns)
            continue
        if not nouns or not job.parses:
            continue
        if job.agree_prev:
            cases = {r.tags[-1] for r in nouns}
            kept = [p for p in job.parses if _case(p) in cases]
        else:
            kept = [p for p in job.parses if any(_agrees(p, r) for r in nouns)]
        if kept:
            job.parses = kept


def _case(p: Any) -> str:
    return CASES.get(p.tag.case or "", "nom")


def _agrees(p: Any, noun: belarusian.Reading) -> bool:
    tags = noun.tags
    number, case = tags[-2], tags[-1]
    if NUMBERS.get(p.tag.number or "") != number or _case(p) != case:
        return False
    return number == "pl" or GENDERS.get(p.tag.gender or "") in (None, tags[1] if len(tags) > 2 else None)


@dataclass(frozen=True)
class _Alt:
    """One way to produce a form: the generator requests it needs and how to combine them."""

    requests: tuple[str, ...]
    build: Callable[[Sequence[str | None]], str | None]


def _direct(lemma: str, request: Request) -> _Alt:
    return _Alt((f"{lemma}{request.tags}",), lambda r: finish(fix_participle(lemma, r[0]), request) if r[0] else None)


def _via_model(lemma: str, request: Request, model: str, fixed: str) -> _Alt | None:
    tags = model_tags(fixed, request)
    if tags is None:
        return None

    def build(r: Sequence[str | None]) -> str | None:
        form = swap_stem(lemma, model, fix_participle(model, r[0])) if r[0] else None
        return finish(form, request) if form else None

    return _Alt((f"{model}{tags}",), build)


# Passive participles decline like adjectives; the generator's participle paradigms have
# gaps and errors (f sg gen of «адрамантаваць» comes out neuter), so only the m sg nom
# participle is generated and inflected like an adjective model with the same ending.
_PARTICIPLE_ADJ_MODELS = ("актуальны", "адкрыты", "новы")


def _participle(lemma: str, request: Request, pos_models: list[tuple[str, str]]) -> _Alt | None:
    head, _, tail = request.tags.partition("<pasv>")
    if "<pp>" not in head or not tail or tail == "<m><an><sg><nom>":
        return None
    base = Request(f"{head}<pasv><m><an><sg><nom>")
    bases = [_direct(lemma, base)] + [a for m, f in pos_models if (a := _via_model(lemma, base, m, f))]
    adj_requests = tuple(f"{m}<adj>{tail}" for m in _PARTICIPLE_ADJ_MODELS)

    def build(r: Sequence[str | None]) -> str | None:
        base_form = next((f for alt, got in zip(bases, r) if (f := alt.build([got]))), None)
        if base_form is None:
            return None
        for model, got in zip(_PARTICIPLE_ADJ_MODELS, r[len(bases):]):
            form = swap_stem(base_form, model, got) if got else None
            if form and model[-2:] == base_form[-2:]:
                return form
        return None

    return _Alt(tuple(a.requests[0] for a in bases) + adj_requests, build)


def _alternatives(job: _Job) -> list[_Alt]:
    """Ways to produce the job's form, best first."""
    if job.generation_lemma:
        direct: list[_Alt] = []
        for r in job.readings:
            gender, number, case = r.tags[1], r.tags[-2], r.tags[-1]
            if r.tags[0] == "np" and len(r.tags) >= 4:
                gender = r.tags[2]
            g = "mfn" if number == "pl" else (gender if gender in ("m", "f", "nt") else "m")
            anim = "aa" if "aa" in r.tags else "nn"
            direct.append(_direct(job.word, Request(f"<adj>{adj_tail(g, number, case, anim)}")))
        return direct
    if job.entry is None or job.entry.pos in ("adv", "other"):  # nothing to generate
        return []
    head = job.entry.be.split(" ")[0]
    pos = job.entry.pos
    models = models_for(head, pos)
    out: list[_Alt] = []
    for p in job.parses[:4]:
        for request in tag_options(p.tag, pos):
            participle = _participle(head, request, models) if pos == "v" else None
            out.append(participle or _direct(head, request))
    for p in job.parses[:1]:
        for model, fixed in models:
            for request in tag_options(p.tag, pos):
                alt = _via_model(head, request, model, fixed)
                if alt is not None:
                    out.append(alt)
    return out


def _forms(jobs: list[_Job]) -> list[str | None]:
    """The chosen form per job (None: leave the word), with one generator call in all."""
    plans = [_alternatives(j) for j in jobs]
    requests = [req for plan in plans for alt in plan for req in alt.requests]
    generated = belarusian.generate(requests)
    chosen: list[str | None] = []
    pos = 0
    for job, plan in zip(jobs, plans):
        form = None
        for alt in plan:
            got = generated[pos:pos + len(alt.requests)]
            pos += len(alt.requests)
            if form is None:
                form = alt.build(got)
        if job.translit:
            form = job.translit
        elif job.entry is not None and job.entry.pos == "name" and (named := given_name_form(job.entry.be, job.parses)):
            form = named
        elif job.entry is not None:
            if job.entry.pos in ("adv", "other"):
                form = job.entry.be
            elif form is not None and " " in job.entry.be:
                form = form + job.entry.be[len(job.entry.be.split(" ")[0]):]
        chosen.append(match_case(job.word, form) if form else None)
    return chosen


def _rewrite(output: EngineOutput, replaced: list[tuple[_Job, str]]) -> EngineOutput:
    edits = [Edit(job.mark.start, job.mark.end, form) for job, form in replaced]
    text, moved = apply_edits(output.text, edits, output.marks)
    new_marks = []
    jobs = {(job.mark.start, job.mark.end, job.mark.kind): job for job, _ in replaced}
    for old, new in zip(output.marks, moved):
        if (old.start, old.end, old.kind) in jobs:
            job = jobs[(old.start, old.end, old.kind)]
            via = job.via or ("name" if job.translit else "agreement" if job.generation_lemma else "lexicon")
            lemma = job.entry.be if job.entry is not None and via == "lexicon" else ""
            new_marks.append(Mark("fallback", text[new.start:new.end], new.start, new.end, via, job.word, lemma))
        else:
            new_marks.append(new)
    return replace(output, text=text, marks=tuple(new_marks))
