"""Verb government and subject agreement, rewritten in the bilingual-lookup stream (issue 14 item 5).

The pair translates word by word, so two things readers notice come out Russian:

* **government** — a Belarusian verb can take another preposition or case than its
  Russian counterpart: «болеет гриппом» → «хварэе на грып», «благодарить врачей» →
  «дзякаваць урачам», «смеяться над шуткой» → «смяяцца з жарту». The rows are data
  (``be_government.tsv``, with sources): the noun phrase right after the verb (a preposition,
  modifiers, the head) gets the Belarusian preposition and case, and the verb keeps only the
  Belarusian lemma of the row (the pair offers «забалець/захварэць» for заболеть).
* **agreement after a gender change** — when the Belarusian subject noun has another gender
  than the Russian one (разговор m → размова f, здравоохранение nt → ахова здароўя f), a
  past-tense verb or participle up to :data:`MAX_GAP` words later and a copula predicate
  after «быць» take the Belarusian gender: «Размова з міністрам прайшла», «Ахова здароўя
  была важнай» (БГ ч. 2, 1986: the predicate agrees with the subject in gender and number).
* **predicative** — a Russian neuter short adjective («было непросто») is the Belarusian
  predicative adverb «няпроста» (БГ ч. 1, 1985, безасабова-прэдыкатыўныя словы; the
  generator has no short adjectives and writes «няпростае»).

Every change is a guess from word order, so the stage puts a flag (:data:`FLAGS`, a
private-use character in a superblank, which every later stage copies) before the word it
changed; the engine turns each flag into a ``fallback`` mark (``via`` government, gender,
predicative) and removes it, and the review says what to check.

How: one ``sed -z -E`` stage right after the lexical corrections (:func:`government_stage`);
:func:`rewrite_stream` is the same rewrite in Python. A changed tag is first written as
``<old~new>`` on the Russian side; a loop then copies the change to the unit's Belarusian
sides and from a modifier to the next word of its noun phrase, and a last pass drops the
``old~``. Patterns keep non-ASCII letters out of bracket expressions, so the stage behaves the
same in a C locale.

Guards (temporary tags, removed at the end): a noun right after a preposition is no
subject, a past verb followed by a nominative noun has its subject after it, and an
adjective right before a noun is an attribute, not a copula predicate.

Limits: only the word order subject → verb (a subject after its verb, «прайшла размова», is
not seen), only a noun phrase right after the verb for government, nothing across a comma
or a conjunction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .be_corrections import SHORT_MARK, sed_stage, until_unchanged

#: Flag character → the ``via`` of the fallback mark the engine makes of it.
GOVERNMENT_FLAG = "\ue020"
GENDER_FLAG = "\ue021"
PREDICATIVE_FLAG = "\ue022"
FLAGS: dict[str, str] = {GOVERNMENT_FLAG: "government", GENDER_FLAG: "gender", PREDICATIVE_FLAG: "predicative"}
#: Words allowed between a subject and its verb (prepositions, adverbs, oblique nouns and modifiers).
MAX_GAP = 4
CASES = ("nom", "gen", "dat", "acc", "ins", "prp")
_GENDERS = ("m", "f", "nt")
# Russian prepositions with their variant forms (со, обо, передо …).
_PREP_FORMS = {"о": ("о", "об", "обо"), "с": ("с", "со"), "в": ("в", "во"), "к": ("к", "ко")}


@dataclass(frozen=True)
class GovernmentRow:
    """One row of ``be_government.tsv``: Russian verb + (preposition, case) → Belarusian."""

    ru: str
    ru_prep: str
    ru_case: str
    be: str
    be_prep: str
    be_case: str
    source: str


def _pattern(text: str) -> tuple[str, str]:
    prep, _, case = text.rpartition("+")
    if case not in CASES:
        raise ValueError(f"be_government.tsv: unknown case {case!r} in {text!r} (use {', '.join(CASES)})")
    return prep, case


@lru_cache(maxsize=1)
def government_rows() -> tuple[GovernmentRow, ...]:
    """The rows of ``be_government.tsv``."""
    text = resources.files(__package__).joinpath("be_government.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("ru\t"):
            continue
        cols = line.split("\t")
        if len(cols) != 5:
            raise ValueError(f"be_government.tsv: bad row {line!r} (ru, ru_pattern, be, be_pattern, source)")
        (ru_prep, ru_case), (be_prep, be_case) = _pattern(cols[1]), _pattern(cols[3])
        if (ru_prep, ru_case) == (be_prep, be_case):
            raise ValueError(f"be_government.tsv: {line!r} changes nothing")
        rows.append(GovernmentRow(cols[0], ru_prep, ru_case, cols[2], be_prep, be_case, cols[4]))
    return tuple(rows)


# --- pattern pieces (valid as Python ``re`` and as GNU ``sed -E``) ------------------------
_SEP = r"( |\[[^]$^]*\])*"  # spaces and superblanks (flags, ids) between units
_NP = r"(\^[^/$<]*<(n|np|prn|adj|det|num)>[^/$]*)"  # start of a noun-phrase unit, up to its case
#: Modifiers that agree with the head noun (весь is a pronoun in the pair: ``<prn><def>``).
_MOD = r"<(adj|det|num|prn><def)>"
#: Cases the first-reading tagger confuses in forms that look alike, by the case a rule
#: expects: an animate accusative reads as genitive («врачей», «вас», «его»), a feminine
#: prepositional as dative («о своей семье»). After the verb or modifier a rule matched,
#: only the expected case is possible, so the other one is the tagger's mistake.
CONFUSABLE = {"acc": "gen", "prp": "dat", "dat": "prp", "gen": "acc"}
_GAP_UNIT = r"(\^[^/$<]*(<pr>|<adv>|<[a-z]+>[^/$]*<(gen|dat|acc|ins|prp)>)[^$]*\$" + _SEP + ")"


def _alt(words: tuple[str, ...]) -> str:
    return "(" + "|".join(re.escape(w) for w in words) + ")"


def _groups(pattern: str) -> int:
    return re.compile(pattern).groups


def _government_rules(row: GovernmentRow) -> list[tuple[str, str]]:
    out = []
    for ru, be in ((row.ru, row.be), (row.ru[0].upper() + row.ru[1:], row.be[0].upper() + row.be[1:])):
        # The verb unit, keeping only the row's Belarusian target: ^ru<tags>/…/be<tags>/…$
        verb = r"(\^" + re.escape(ru) + r"(¹|²)?<vblex>[^/$]*/)([^$]*/)?(" + re.escape(be) + r"<[^/$]*)(/[^$]*)?\$ "
        prep = ""
        if row.ru_prep:
            prep = r"\^" + _alt(_PREP_FORMS.get(row.ru_prep, (row.ru_prep, row.ru_prep + "о"))) + r"<pr>/[^$]*\$ "
        np_group = _groups(verb + prep) + 1
        case = row.ru_case + ("|" + CONFUSABLE[row.ru_case] if row.ru_case in CONFUSABLE else "")
        pattern = verb + prep + _NP + "<(" + case + ")>"
        keep_prep = r"\6" if row.ru_prep else row.be_prep
        new_prep = f"^{keep_prep}<pr>/{row.be_prep}<pr>$ " if row.be_prep else ""
        flag = "[" + GOVERNMENT_FLAG + "]"
        out.append((pattern, r"\1\4$ " + new_prep + flag + f"\\{np_group}<\\{np_group + 2}~{row.be_case}>"))
    return out


def _gender_rules() -> list[tuple[str, str]]:
    out = []
    gap = _GAP_UNIT + "{0," + str(MAX_GAP) + "}"
    for ru_g in _GENDERS:
        for be_g in _GENDERS:
            if ru_g == be_g:
                continue
            subject = r"(\^[^/$<]*<n><" + ru_g + r">[^/$]*<sg><nom>/[^/$<]*<n><" + be_g + r">[^$]*\$" + _SEP + gap + ")"
            n = _groups(subject) + 1
            for verb, tail in (
                (r"(\^[^/$<]*<(vblex|vbser|vbmod)>[^/$]*<past>)", "<sg>"),
                (r"(\^[^/$<]*<vblex>[^/$]*<pp><pasv>)", "<an><sg><nom>"),
            ):
                out.append(
                    (subject + verb + "<" + ru_g + ">" + tail, r"\1[" + GENDER_FLAG + f"]\\{n}<{ru_g}~{be_g}>{tail}")
                )
    for be_g in _GENDERS:  # the predicate after a flagged «быць»: «была важнай»
        other = "|".join(g for g in _GENDERS if g != be_g)
        copula = r"(\[" + GENDER_FLAG + r"\]\^[^/$<]*<vbser><past><[a-z]+~" + be_g + r"><sg>[^$]*\$" + _SEP + ")"
        out.append(
            (
                copula + r"(\^[^/$<]*<(adj|vblex)>[^/$]*)<(" + other + r")>(<an><sg><(nom|ins)>)",
                r"\1[" + GENDER_FLAG + r"]\3<\5~" + be_g + r">\6",
            )
        )
    return out


#: be_corrections.SHORT_MARK asks post-editing for the short form («праведзена»), which
#: Belarusian uses for a neuter or feminine predicate; a participle made masculine keeps its
#: full form («Зварот быў разгледжаны»), one made feminine from masculine gets the mark.
_PP_CHANGED = r"(\[" + GENDER_FLAG + r"\]\^[^/$<]*<vblex>[^/$]*<pp><pasv><"
SHORT_FORMS = (
    (r"\[" + SHORT_MARK + r"\]" + _PP_CHANGED + r"[a-z]+~m>)", r"\1"),
    (_PP_CHANGED + r"m~(f|nt)><an><sg><nom>)", "[" + SHORT_MARK + r"]\1"),
)
#: The Russian neuter short adjective → the Belarusian predicative adverb (-ы/-і → -а).
PREDICATIVE = (
    r"(\^[^/$<]*)<adj><short><nt><sg>(<@[A-Z]+>)?/([^/$<]*)(ы|і)<adj><short><nt><sg>(<@[A-Z]+>)?\$",
    "[" + PREDICATIVE_FLAG + r"]\1<adv>/\3а<adv>$",
)
#: Copy a pending ``<old~new>`` change to the same unit's other sides (repeated until none applies).
SPREAD_IN_UNIT = (r"(<([a-z]+)~([a-z]+)>[^$]*)<\2>(<pprep>)?", r"\1<\3>")
#: … and from a modifier to the next word of its noun phrase, in the same case.
SPREAD_IN_PHRASE = tuple(
    (
        r"(\^[^/$<]*"
        + _MOD
        + r"[^$]*<"
        + case
        + r"~([a-z]+)>[^$]*\$ )"
        + _NP
        + "<("
        + case
        + "|"
        + CONFUSABLE[case]
        + ")>",
        r"\1\4<\6~\3>",
    )
    for case in CASES
    if case in CONFUSABLE
) + tuple(
    (r"(\^[^/$<]*" + _MOD + r"[^$]*<" + case + r"~([a-z]+)>[^$]*\$ )" + _NP + "<(" + case + ")>", r"\1\4<\6~\3>")
    for case in CASES
    if case not in CONFUSABLE
)
#: A modifier's animacy tag as the Belarusian generator wants it: ``<an>`` outside the
#: accusative; in the masculine or plural accusative ``<aa>`` before an animate noun, else ``<nn>``.
_MOD_CHANGED = r"(\^[^/$<]*" + _MOD + r"[^$]*<[a-z]+~"
ANIMACY = (
    (_MOD_CHANGED + r"(nom|gen|dat|ins|prp)>[^$]*)<(aa|nn)>", r"\1<an>"),
    (_MOD_CHANGED + r"acc>[^$]*<(m|mfn)>)<an>([^$]*\$ \^[^/$<]*<n><[a-z]+><aa>)", r"\1<aa>\4"),
    (_MOD_CHANGED + r"acc>[^$]*<(m|mfn)>)<an>", r"\1<nn>"),
)
#: The last pass: ``<old~new>`` → ``<new>`` (and the analyser's ``<pprep>`` the generator lacks).
FINISH = (r"<[a-z]+~([a-z]+)>(<pprep>)?", r"<\1>")


#: Rewrites repeated until none applies (sed ``:a … ta``), each changing one tag.
_LOOP = (SPREAD_IN_UNIT, *SPREAD_IN_PHRASE, *ANIMACY)


#: A "nominative" noun right after a preposition (and its modifiers) is a misread accusative
#: («на то время»), never a subject: a temporary tag keeps the gender rules off it.
AFTER_PREPOSITION = (r"(<pr>[^$]*\$ (\^[^/$<]*<(adj|det|num)>[^$]*\$ ){0,2}\^[^/$<]*<n>[^/$]*)<nom>", r"\1<xpr><nom>")
#: A past verb followed by a nominative noun has its subject after it («Этот разговор провёл
#: министр»: the noun before is the object): a temporary tag keeps the gender rules off the verb.
#: Not an inanimate masculine or neuter noun: its nominative is also its accusative, and the
#: tagger reads many objects as nominatives («Правительство утвердило план»).
SUBJECT_AFTER_VERB = (
    r"(\^[^/$<]*<(vblex|vbser|vbmod)>[^/$]*<past>)(<(m|f|nt)><sg>/[^$]*\$ (\^[^/$<]*" + _MOD + r"[^$]*\$ ){0,2}"
    r"\^[^/$<]*(<n><f>|<n><[a-z]+><aa>|<np>|<prn>)[^/$]*<nom>)",
    r"\1<xsb>\3",
)
#: An adjective or participle right before a noun is its attribute, not the predicate of a
#: copula («была важным накіраваннем»): a temporary tag keeps the copula rule off it.
ATTRIBUTE = (r"(\^[^/$<]*<(adj|vblex)>[^/$]*<(m|f|nt)>)(<an><sg><(nom|ins)>/[^$]*\$ \^[^/$<]*<n>)", r"\1<xat>\4")
_TEMPORARY = ("<xpr>", "<xsb>", "<xat>")  # removed by the last pass


Block = tuple[str, tuple[tuple[str, str], ...]]


@lru_cache(maxsize=1)
def blocks() -> tuple[Block, ...]:
    """The rewrites in order, in blocks: (address, rules); a block runs only on a segment its
    address matches (a cheap test without backreferences, so most segments skip most rules)."""
    verbs = sorted({w for r in government_rows() for w in (r.ru, r.ru[0].upper() + r.ru[1:])})
    rows = tuple(rule for row in government_rows() for rule in _government_rules(row))
    changed_gender = "|".join(f"<n><{a}>[^/$]*<sg><nom>/[^/$<]*<n><{b}>" for a in _GENDERS for b in _GENDERS if a != b)
    guards = (AFTER_PREPOSITION, SUBJECT_AFTER_VERB, ATTRIBUTE)
    return (
        (r"\^" + _alt(tuple(verbs)) + r"(¹|²)?<vblex>", rows),
        (changed_gender, (*guards, *_gender_rules(), *SHORT_FORMS)),
        (r"<adj><short><nt><sg>", (PREDICATIVE,)),
    )


def rules() -> tuple[tuple[str, str], ...]:
    """All one-pass rewrites in order (government rows, gender, predicative)."""
    return tuple(rule for _, block in blocks() for rule in block)


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], str], ...]], ...]:
    return tuple((re.compile(a), tuple((re.compile(p), r) for p, r in block)) for a, block in blocks())


def rewrite_stream(stream: str) -> str:
    """Apply the government, gender and predicative rewrites to a bilingual-lookup stream."""
    for address, block in _compiled():
        if address.search(stream):
            for pattern, replacement in block:
                stream = pattern.sub(replacement, stream)
    if "~" in stream:
        stream = re.sub(FINISH[0], FINISH[1], until_unchanged(stream, _LOOP))
    for tag in _TEMPORARY:
        stream = stream.replace(tag, "")
    return stream


def sed_script() -> str:
    """The same rewrite as a ``sed -E`` program (``#``-delimited substitutions, ``%`` addresses)."""
    for p, r in (*rules(), *_LOOP, FINISH):
        if "#" in p or "#" in r or "&" in r:
            raise ValueError(f"a government rule cannot be written for sed: {p!r}")
    lines = []
    for address, block in blocks():
        lines += [f"\\%{address}%{{", *(f"s#{p}#{r}#g" for p, r in block), "}"]
    lines += ["/~/{", ":government", *(f"s#{p}#{r}#" for p, r in _LOOP), "tgovernment", f"s#{FINISH[0]}#{FINISH[1]}#g", "}"]
    lines += [f"s#{tag}##g" for tag in _TEMPORARY]
    return "\n".join(lines) + "\n"


def government_stage() -> list[str]:
    """argv of the engine stage run after :func:`~.be_corrections.lexical_stage` (null-flush ``sed``)."""
    return sed_stage(sed_script())
