"""Reviewed lexical corrections for Apertium rus-bel, kept as data in ``be_corrections.tsv``.

Two kinds, because a wrong word choice can be fixed at two places:

* ``bidix`` rows fix the choice where it is made: in the bilingual-lookup stream
  (``^руководитель<n><m><aa><pl><ins>/кіраўніца<n><f><aa><pl><ins>$``) the Belarusian
  lemma and its gender/animacy tags are swapped («кіраўнік<n><m><aa>») and the case and
  number tags stay, so the generator inflects the right word in the right case. This is
  keyed on the Russian lemma, so it cannot misfire on a Belarusian word that happens to
  look like a mistranslation. It needs one extra engine stage after ``lt-proc -b``:
  :func:`lexical_stage` gives its argv (a ``sed`` in null-flush mode), and
  :func:`rewrite_bidix_stream` does the same in Python (tests, other callers).
* ``output`` rows replace a Belarusian phrase in the generated draft that is never right
  in an official text («у хаду» → «у ходзе»); :func:`output_rules` feeds
  :func:`translator_flow.lang.be.correction_edits`.

The same stage also does fixed grammatical rewrites the pair gets wrong every time
(:data:`STREAM_FIXES`, :data:`CASE_FIXES`): the pair's first transfer file drops Russian
short passive participles («обновлены», «проведена») with no mark at all, so they become
full participles, and a neuter singular one is flagged with :data:`SHORT_MARK` for
:func:`translator_flow.lang.be.short_participle_edits` («было падпісана пагадненне»);
the future of быть keeps its tense («будзе», not «ёсць»); по/к + dative get the
Belarusian cases (па + locative, да + genitive); «больше» is «больш»; an initial «В.» is
not «Ст.» (стагоддзе).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from collections.abc import Collection, Sequence
from functools import lru_cache
from importlib import resources

from .sed_bytes import byte_safe


@dataclass(frozen=True)
class BidixRule:
    """Russian lemma → swap the Belarusian ``wrong`` lemma+tags prefix for ``right``."""

    ru: str
    wrong: str
    right: str


@lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, ...], ...]:
    text = resources.files(__package__).joinpath("be_corrections.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = tuple(line.split("\t"))
        if cols[0] == "kind":
            continue
        if len(cols) < 5 or cols[0] not in ("bidix", "output"):
            raise ValueError(f"be_corrections.tsv: bad row {line!r} (kind, ru, wrong, right, source)")
        rows.append(cols)
    return tuple(rows)


def bidix_rules() -> tuple[BidixRule, ...]:
    """The ``bidix`` rows of the corrections file."""
    return tuple(BidixRule(r[1], r[2], r[3]) for r in _rows() if r[0] == "bidix")


def output_rules() -> dict[str, str]:
    """The ``output`` rows: wrong Belarusian phrase (lower case) → right phrase."""
    return {r[2].lower(): r[3] for r in _rows() if r[0] == "output"}


def _split(prefix: str) -> tuple[str, str]:
    i = prefix.index("<")
    return prefix[:i], prefix[i:]


def _case_pattern(word: str) -> str:
    """A regex matching ``word`` with its first letter in either case."""
    first = word[0]
    return f"[{first.upper()}{first.lower()}]" + re.escape(word[1:]) if first.isalpha() else re.escape(word)


# Russian short passive participle (`<pp><pasv><short><G><N>`) → full nominative participle,
# on both sides of a bilingual-lookup unit; Belarusian drafts then say «абноўленыя».
_SHORT_PP = (r"<pp><pasv><short><(m|f|nt|mfn)><(sg|pl)>", r"<pp><pasv><\1><an><\2><nom>")

#: Put (in a superblank, which every stage copies verbatim) before a Russian neuter
#: singular short participle: the Belarusian generator has no short forms, so it makes
#: the full one («падпісанае») and post-editing turns the flagged word into the short
#: form Belarusian uses in the predicate («падпісана»). A private-use character, so it
#: cannot come from a source text; post-editing always removes it.
SHORT_MARK = "\ue00b"

#: Fixed rewrites of the bilingual-lookup stream, applied everywhere (sed ``g``), in
#: order: (ERE pattern, replacement); the same text works as Python ``re`` and ``sed -E``.
STREAM_FIXES: tuple[tuple[str, str], ...] = (
    # The pair's CG adds syntactic mapping tags (<@P←>, <@CNP>, <@ADVL>) that no transfer
    # file reads; the pronoun chunk copies every tag to the generator, which then fails
    # («Из них» → «З #яны» for «З іх»). They are dropped here.
    (r"<@[^>$/]*>", ""),
    # «В.» (capital) is an initial: «В. Гурко». The pair reads it as «в.» (век → ст.,
    # стагоддзе), which is right for a small letter only («XIX в.» → «XIX ст.»).
    (r"\^В\.<abbr>/Ст\.<abbr>\$", "^В.<abbr>/В.<abbr>$"),
    # «больше» (more; «больше всего», «не больше трёх», «больше, чем») is analysed as the
    # comparative of большой and rendered analytically, «больш вялікі»; Belarusian says
    # «больш» (Руска-беларускі слоўнік, НАН Беларусі, 2012, s.v. больше → больш).
    (r"\^([Бб])ольшой<adj><sint><comp>/[Вв]ялікі<adj><comp>\$", r"^\1ольше<adv>/\1ольш<adv>$"),
    # «будет/будут»: t1x's verb rule turns every imperfective future into the present
    # («ёсць»); the future of быць is synthetic in Belarusian, «будзе/будуць» (the
    # generator has it). Retagging the Russian side keeps the verb rule from matching.
    (r"(\^[Бб]ыть)<vbser><fut>", r"\1<vbfut><fut>"),
    # A neuter noun in -ие/-ство is ambiguous between the genitive singular and the
    # nominative/accusative plural («предложения», «соглашения»); the first-reading
    # tagger takes the genitive even right after a plural modifier or predicate, which
    # Russian never puts before a bare genitive: «Подписаны соглашения», «новые
    # предложения», «все мероприятия» → plural («пагадненні», «усе мерапрыемствы»).
    (r"(<mfn><(an|nn)><pl><(nom|acc)>\$ \^[^$<]*<n><nt><nn>)<sg><gen>(/[^$<]*<n><[a-z]+><nn>)<sg><gen>\$",
     r"\1<pl><\3>\4<pl><\3>$"),
    (r"(<pp><pasv><short><mfn><pl>\$ \^[^$<]*<n><nt><nn>)<sg><gen>(/[^$<]*<n><[a-z]+><nn>)<sg><gen>\$",
     r"\1<pl><nom>\2<pl><nom>$"),
    *(
        (r"(\^[Вв]есь<prn><def>)<nt><an><sg><" + case + r">(/[Уу]весь<prn><def>)<nt><an><sg><" + case + ">"
         r"(\$ \^[^$<]*<n><nt><nn>)<sg><gen>(/[^$<]*<n><[a-z]+><nn>)<sg><gen>\$",
         r"\1<mfn><" + anim + "><pl><" + case + r">\2<mfn><" + anim + "><pl><" + case + r">"
         r"\3<pl><" + case + r">\4<pl><" + case + ">$")
        for case, anim in (("nom", "an"), ("acc", "nn"))  # the tags apertium-bel generates «усе» for
    ),
    # The pair's generator spells the feminine genitive singular of a passive participle like
    # the neuter nominative («праведзенае работы», «зацверджанае праграмы»); Belarusian
    # adjectival declension has one form, -ай, for the feminine genitive, dative and locative
    # singular (Беларуская граматыка, 1985, ч. 1, скланенне прыметнікаў), which the generator
    # gives for the dative: the Belarusian side is retagged («праведзенай работы»).
    (r"(/[^$/<]*<vblex><[a-z]+><pp><pasv><f><an><sg>)<gen>", r"\1<dat>"),
    # Neuter singular short participle: flag it for post-editing (see SHORT_MARK).
    (r"(\^[^^$]*<pp><pasv><short><nt><sg>)", "[" + SHORT_MARK + r"]\1"),
    # к + dative → да + genitive (Belarusian has no standard preposition «к»: «да канца
    # года», «падрыхтоўка да сезона»; Руска-беларускі слоўнік s.v. к). Only before a
    # word: «К.» alone is an initial.
    (r"(\^[Кк]о?<pr>/)[Кк]<pr>/([Дд]а<pr>\$ \^[^.])", r"\1\2"),
    # 2, 3, 4 (and 22, 33 … but not 12-14) take the nominative plural in Belarusian where
    # Russian has the genitive singular: «два года» → «два гады», «3 студента» → «3 студэнты»,
    # «четыре новых корпуса» → «чатыры новыя карпусы» (Беларуская граматыка, Ч. 1, 1985,
    # спалучэнне лічэбнікаў два, тры, чатыры з назоўнікамі). An adjective between goes too.
    (r"(\^(два|Два|три|Три|четыре|Четыре|оба|Оба|([0-9]*[02-9])?[234])<num>[^$]*\$ \^[^$<]*<n><[a-z]+><[a-z]+>)<sg><gen>"
     r"(/[^$<]*<n><[a-z]+><[a-z]+>)<sg><gen>\$",
     r"\1<pl><nom>\4<pl><nom>$"),
    (r"(\^(два|Два|три|Три|четыре|Четыре|оба|Оба|([0-9]*[02-9])?[234])<num>[^$]*\$ \^[^$<]*<adj>[^$/]*)<pl><gen>"
     r"(/[^$<]*<adj>[^$/]*)<pl><gen>(\$ \^[^$<]*<n><[a-z]+><[a-z]+>)<sg><gen>(/[^$<]*<n><[a-z]+><[a-z]+>)<sg><gen>\$",
     r"\1<pl><nom>\4<pl><nom>\5<pl><nom>\6<pl><nom>$"),
)

# по + dative → па + locative: in Belarusian «па» takes the locative where Russian «по»
# takes the dative («па выніках», «па пытаннях», «па месцы жыхарства», «па тэлефоне»;
# Беларуская граматыка, Ч. 1, 1985, прыназоўнік «па»; Руска-беларускі слоўнік s.v. по).
# The dative becomes the Russian prepositional on both sides, which the transfer already
# renders as the Belarusian locative. к + dative → genitive likewise (see above).
# The first word after the preposition, then up to two modifiers (adjectives, numbers,
# determiners, participles already rewritten) before it; a pronoun «нему» loses the
# analyser's ``<pprep>`` tag the generator does not know.
_MOD = r"(\^[^$<]*<(adj|det|num|prn|vblex)>[^$]*<{case}>[^$]*|\^[0-9][^$<]*<num>[^$]*|\^[^$<]*<det><pos>/[^$<]*<det><pos>)\$"
_FIRST = r"\^[^$<]*<(n|np|adj|det|num|vblex|prn)>[^$]*"


def _case_fixes(head: str, case: str) -> list[tuple[str, str]]:
    return [
        ("(" + head + "".join(" " + _MOD.format(case=case) for _ in range(depth)) + " " + _FIRST + ")<dat>(<pprep>)?",
         r"\1<" + case + ">")
        for depth in range(3)
    ]


#: Rewrites repeated until none applies (sed ``:a … ta``), each changing one tag.
CASE_FIXES: tuple[tuple[str, str], ...] = tuple(
    _case_fixes(r"\^[Пп]о<pr>[^$]*\$", "prp") + _case_fixes(r"\^[Кк]о?<pr>[^$]*\$", "gen")
)


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    out = []
    for rule in bidix_rules():
        wrong_lemma, wrong_tags = _split(rule.wrong)
        right_lemma, right_tags = _split(rule.right)
        # ^<ru lemma, either case><its tags>/<wrong lemma, either case><wrong tags>
        pattern = (
            r"(\^" + _case_pattern(rule.ru) + r"<[^/$]*/)([" + wrong_lemma[0].upper() + wrong_lemma[0].lower() + "])"
            + re.escape(wrong_lemma[1:] + wrong_tags)
        )
        out.append((re.compile(pattern), right_lemma, right_tags))
    return tuple(out)


def rewrite_bidix_stream(stream: str) -> str:
    """Apply the ``bidix`` rows and the short-participle fix to a bilingual-lookup stream."""
    for pattern, lemma, tags in _compiled():

        def swap(m: re.Match[str], lemma: str = lemma, tags: str = tags) -> str:
            first = lemma[0].upper() if m.group(2).isupper() else lemma[0]
            return m.group(1) + first + lemma[1:] + tags

        stream = pattern.sub(swap, stream)
    for fix, replacement in STREAM_FIXES:
        stream = re.sub(fix, replacement, stream)
    stream = until_unchanged(stream, CASE_FIXES)
    return re.sub(_SHORT_PP[0], _SHORT_PP[1], stream)


def until_unchanged(stream: str, rules: Sequence[tuple[str, str]]) -> str:
    """sed's ``:label`` … ``tlabel`` loop in Python: each rule once per pass, until none applies."""
    compiled = [(re.compile(fix), replacement) for fix, replacement in rules]
    changed = True
    while changed:
        changed = False
        for pattern, replacement in compiled:
            stream, n = pattern.subn(replacement, stream, count=1)
            changed = changed or n > 0
    return stream


def sed_script(carried: Collection[str] = ()) -> str:
    """The same rewrite as a ``sed -E`` program (one substitution per line, ``#`` delimited),
    without the ``bidix`` rows of the Russian lemmas in ``carried`` (the overlay's bilingual
    dictionary already gives their right word)."""
    lines = []
    for rule in (r for r in bidix_rules() if r.ru not in carried):
        wrong_lemma, wrong_tags = _split(rule.wrong)
        right_lemma, right_tags = _split(rule.right)
        head = r"(\^[" + rule.ru[0].upper() + rule.ru[0].lower() + "]" + _sed_escape(rule.ru[1:]) + r"<[^/$]*/)"
        for wrong_first, right_first in ((wrong_lemma[0].upper(), right_lemma[0].upper()),
                                         (wrong_lemma[0].lower(), right_lemma[0])):
            lines.append(
                f"s#{head}{_sed_escape(wrong_first + wrong_lemma[1:] + wrong_tags)}"
                f"#\\1{_sed_escape(right_first + right_lemma[1:] + right_tags)}#g"
            )
    lines.extend(f"s#{fix}#{replacement}#g" for fix, replacement in STREAM_FIXES)
    lines.append(":lexical")  # labels are the stage's own: lang joins the stages into one sed
    lines.extend(f"s#{fix}#{replacement}#" for fix, replacement in CASE_FIXES)
    lines.append("tlexical")
    lines.append(f"s#{_SHORT_PP[0]}#{_SHORT_PP[1]}#g")
    return "\n".join(lines) + "\n"


def _sed_escape(text: str) -> str:
    return re.sub(r"([\\#.*\[\]^$+?(){}|&])", r"\\\1", text)


def sed_stage(*scripts: str) -> list[str]:
    """argv of a null-flush engine stage running ``sed -E`` with ``scripts`` in order (every sed stage).

    ``sed -z`` treats each null-flushed segment as one record. Its ``-u`` would flush each
    record but also reads the input byte by byte (half a stage's CPU on the 852 benchmark
    sentences); ``stdbuf -o0`` (coreutils) unbuffers only the output, which is all the
    pipeline needs (without ``stdbuf``, ``sed -u``). The locale is set here, whatever the
    user's is: under ``LC_ALL=C`` the Cyrillic bracket expressions once matched single bytes
    (260 of the benchmark stream's units came out wrong). Scripts that
    :func:`~translator_flow.lang.sed_bytes.byte_safe` can rewrite to mean the same byte by
    byte run under ``C`` (glibc's matcher is ~2.5 times faster there); the rest, e.g. with
    ``[[:upper:]]``, under ``C.UTF-8``.

    Several scripts run in one process, one after the other on each record, as if piped: each
    process in the chain costs CPU and a pipe hop per segment. Their labels must differ; a
    ``t`` to a fresh label between them clears the substitution flag, so a ``t`` loop of one
    script never sees another's substitutions.
    """
    joined = "".join(f"{script}t_next{n}\n:_next{n}\n" if n < len(scripts) - 1 else script
                     for n, script in enumerate(scripts))
    by_bytes = byte_safe(joined)
    sed = ["sed", "-z", "-E", "-e", joined if by_bytes is None else by_bytes]
    locale = "LC_ALL=C.UTF-8" if by_bytes is None else "LC_ALL=C"
    return ["env", locale, *(["stdbuf", "-o0", *sed] if shutil.which("stdbuf") else ["sed", "-u", *sed[1:]])]


def lexical_stage() -> list[str]:
    """argv of an engine stage to run right after ``lt-proc -b`` (bilingual lookup)."""
    return sed_stage(sed_script())
