"""Russian present active participles → Belarusian relative clauses, in the engine's stream.

Belarusian hardly uses present active participles: forms in -учы/-ючы, -ачы/-ячы as
attributes («працуючая кампанія») are outside the literary norm, and a participial phrase
is rendered by a relative clause with «які» (Беларуская граматыка, Ч. 1, 1985,
«Дзеепрыметнік»: active present participles are few and mostly adjectivised; Правілы
беларускай арфаграфіі і пунктуацыі, 2008, § on participles, and the «Руска-беларускі
слоўнік», НАН Беларусі, 2012, which renders such participles as «які …»: работающий →
«які працуе»). So «компания, работающая в регионе» → «кампанія, якая працуе ў рэгіёне»,
«специалистов, работающих в отрасли» → «спецыялістаў, якія працуюць у галіне».

How. The overlay's Russian analyser gives these participles
``<vblex><impf><T><pprs><actv><G><A><N><case>`` (``apertium_overlay/tags.py``; the pair has
none). Right after the bilingual lookup, :func:`participle_stage` (a null-flush ``sed`` stage,
like :func:`.be_corrections.lexical_stage`; :func:`rewrite_stream` is its Python twin)
rewrites a participle that follows a comma (postposed, agreeing with the noun before it)
into two units the pair's transfer and generator already handle: the relative pronoun in
the nominative with the participle's gender and number (``который<prn><rel>`` →
``які<prn><itg>``, as the pair's own dictionary translates it) and the same verb in the
present tense, 3rd person, with the participle's number. Its dependents stay after it.
Reflexive verbs keep their lemma («занимающееся» → «якое займаецца»).

A prepositive participle («работающая компания») is not rewritten (the clause would have
to move after the noun, which an editor does better): it is flagged, and retagged so the
pair's own transfer rule for participles (which keeps the participle's case and reorders:
«аб якой працуе ў рэгіёне кампаніі») leaves it alone. The Belarusian generator has no
such participles, so the draft shows the verb's lemma with a generation mark
(«працаваць кампанія»), and the finding names the clause to write («якая працуе»).

Nothing is silent. The stage puts private-use flags into superblanks (copied verbatim by
every later stage): :data:`OPEN` + the Russian lemma before the pronoun and :data:`CLOSE`
after the verb; :data:`PREPOSED` + the Belarusian lemma, gender and number before a
prepositive participle. :func:`mark_outputs` (run first among the Belarusian repairs)
removes every flag and turns it into a ``fallback`` mark, ``via="participle"`` (graded
info) or ``via="participle-prepositive"`` (a warning naming the relative clause to write).

Lexicalised participles («следующий», «действующий», «существующий», «ведущий»,
«руководящий», «будущий», «настоящий») are adjectives in OpenCorpora and in the pair's
dictionary and get no participle reading in the overlay (``generate._lexicalised``);
where the pair's own analyser has both (it knows a few participles, with the same tags:
«текущий» as течь² ``<pprs><actv>`` and as the adjective), the overlay's CG keeps the
adjective (``apertium_overlay/rus.rlx``: «у бягучым годзе»). So they are left alone. Past
participles (``<pp>``) are not touched.

Limits: only a participle right after a comma is rewritten («, постоянно работающая» and a
participle after «и» are flagged as prepositive instead); a participle right after a comma
that does not start a participial phrase (a list of attributes «новая, работающая
компания») is rewritten too, which an editor sees from the mark.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..model import EngineOutput, Mark
from ._edits import Edit, apply_edits
from .be_corrections import sed_stage

#: Flag before the relative pronoun, followed by the Russian verb lemma (in a superblank).
OPEN = "\ue00c"
#: Flag after the finite verb of a rewritten participle.
CLOSE = "\ue00d"
#: Flag before a prepositive participle, followed by «Belarusian lemma|gender|number».
PREPOSED = "\ue00e"
#: Every flag character this module puts into the stream.
FLAGS = (OPEN, CLOSE, PREPOSED)

_G = "(m|f|nt|mfn)"
_N = "(sg|pl)"

#: Stream rewrites, in order: (ERE pattern, replacement); the same text works as Python
#: ``re`` and ``sed -E``. Only the first target alternative names the pronoun; the verb's
#: other alternatives (lrx chooses later) are retagged by :data:`RETAG`.
REWRITES: tuple[tuple[str, str], ...] = (
    # 1. A singular participle right after a noun of the same case and gender (its head):
    #    «які» agrees with the Belarusian noun, whose gender may differ («учреждение (nt),
    #    занимающееся» → «установа (f), якая займаецца»). A noun of another gender is not
    #    the head («центра … ортопедии, входящего»): rule 2. Masculine and neuter participles
    #    share their oblique forms («заводом, выпускающим»), so there either counts (1b).
    *(
        (
            r"(\^[^$/<]*<n><" + noun + r"><[a-z]+><sg><" + case + r">/[^$/<]*<n><(m|f|nt)><[^$]*\$\^,<cm>/,<cm>\$ )"
            r"\^([^$/<]*)(<vblex><[a-z]+><[a-z]+>)<pprs><actv><" + participle + r"><[a-z]+><sg><\3>(/[^$]*)\$",
            "\\1[" + OPEN + r"\5|]^который<prn><rel><\4><an><sg><nom>/які<prn><itg><\4><an><sg><nom>$ "
            r"^\5\6<pres><p3><sg>\7$[" + CLOSE + "]",
        )
        for noun, case, participle in (
            ("(m|f|nt)", "([a-z]+)", r"\2"),
            ("(m|nt)", "(gen|dat|ins|prp)", "[mnt]+"),  # <m> or <nt>, no group (sed has no (?:))
        )
    ),
    # 2. Otherwise the participle's own gender and number:
    #    «, работающих …» → «, [OPEN работать|]якія працуюць[CLOSE] …»
    (
        r"(\^,<cm>/,<cm>\$ )\^([^$/<]*)(<vblex><[a-z]+><[a-z]+>)<pprs><actv><"
        + _G
        + r"><[a-z]+><"
        + _N
        + r"><[a-z]+>(/[^$]*)\$",
        "\\1[" + OPEN + r"\2|]^который<prn><rel><\4><an><\5><nom>/які<prn><itg><\4><an><\5><nom>$ "
        r"^\2\3<pres><p3><\5>\6$[" + CLOSE + "]",
    ),
)

#: Repeated until none applies: a target alternative of a rewritten verb still tagged as a participle.
RETAG: tuple[str, str] = (
    r"(<pres><p3><(sg|pl)>/([^$]*/)?[^$/<]*<vblex><[a-z]+>)<pprs><actv><[a-z]+><[a-z]+><(sg|pl)><[a-z]+>",
    r"\1<pres><p3><\4>",
)

#: A participle left (not after a comma): flagged, with what the suggestion needs, and
#: retagged ``<ptcp>`` on both sides so that the pair's own transfer rule («играющий → які
#: гуляе», which keeps the participle's case and moves it after the next noun: «аб якой
#: працуе ў рэгіёне кампаніі») does not fire; the generator then leaves the lemma with a
#: ``#`` mark for the editor.
PREPOSED_FIX: tuple[str, str] = (
    r"\^([^$/<]*<vblex><[a-z]+><[a-z]+>)<pprs><actv>(<"
    + _G
    + r"><[a-z]+><"
    + _N
    + r"><[a-z]+>)/([^$/<]*)(<vblex>[^$]*)\$",
    "[" + PREPOSED + r"\5|\3|\4|]^\1<ptcp>\2/\5<ptcp>$",
)


def rewrite_stream(stream: str) -> str:
    """Apply the participle rewrites to a bilingual-lookup stream (the Python twin of the stage)."""
    for pattern, replacement in REWRITES:
        stream = re.sub(pattern, replacement, stream)
    pattern, replacement = RETAG
    n = 1
    while n:
        stream, n = re.subn(pattern, replacement, stream)
    return re.sub(PREPOSED_FIX[0], PREPOSED_FIX[1], stream)


def sed_script() -> str:
    """The same rewrite as a ``sed -E`` program (``#`` delimited)."""
    lines = [f"s#{p}#{r}#g" for p, r in REWRITES]
    lines += [":participle", f"s#{RETAG[0]}#{RETAG[1]}#", "tparticiple"]  # a label of its own: scripts may be joined
    lines.append(f"s#{PREPOSED_FIX[0]}#{PREPOSED_FIX[1]}#g")
    return "\n".join(lines) + "\n"


def participle_stage() -> list[str]:
    """argv of an engine stage to run after the bilingual lookup (null-flush ``sed``)."""
    return sed_stage(sed_script())


# -- flags → marks --------------------------------------------------------------------

_FLAG_RE = re.compile("[" + "".join(FLAGS) + "]")
_OPEN_RE = re.compile(OPEN + r"([^|" + "".join(FLAGS) + r"]*)\|")  # a lemma may be «представлять собой»
_PREPOSED_RE = re.compile(PREPOSED + r"([^|\s]*)\|" + _G + r"\|" + _N + r"\|")
_WORD_RE = re.compile(r"[^\W\d_][\w'’ʼ-]*")


def suggestion(be_lemma: str, gender: str, number: str) -> str:
    """The relative clause to write for a prepositive participle: «якая працуе» ("" when not generated)."""
    from ..morph.belarusian import generate

    lemma = be_lemma.lower()
    units = [f"які<prn><itg><{gender}><an><{number}><nom>", f"{lemma}<vblex><impf><pres><p3><{number}>"]
    pronoun, verb = generate(units)
    if not verb:  # a verb only the overlay's generator has (inflected like a model)
        from .apertium_overlay.build import build

        overlay = build()
        merged = overlay.files.get("rus-bel.autogen.bin") if overlay is not None else None
        if merged:
            pronoun, verb = generate(units, path=merged)
    return f"{pronoun} {verb}" if pronoun and verb else ""


def mark_output(output: EngineOutput) -> EngineOutput:
    """One output with the participle flags removed and each turned into a ``fallback`` mark."""
    if not _FLAG_RE.search(output.text):
        return output
    text, marks = output.text, list(output.marks)
    new: list[Mark] = []

    def cut(start: int, end: int) -> None:
        nonlocal text, marks, new
        removal = [Edit(start, end, "")]
        new = list(apply_edits(text, removal, new)[1])
        text, moved = apply_edits(text, removal, marks)
        marks = list(moved)

    while True:
        m = _OPEN_RE.search(text)
        if m is None:
            break
        lemma = m.group(1)
        close = text.find(CLOSE, m.end())
        cut(m.start(), m.end())
        if close < 0:
            continue
        close -= m.end() - m.start()
        cut(close, close + 1)
        span = text[m.start() : close]
        lead = len(span) - len(span.lstrip())
        span = span.strip()
        if span:
            new.append(Mark("fallback", span, m.start() + lead, m.start() + lead + len(span), "participle", lemma))
    while True:
        p = _PREPOSED_RE.search(text)
        if p is None:
            break
        cut(p.start(), p.end())
        w = _WORD_RE.match(text, p.start())
        if w is None:
            w = _WORD_RE.search(text, p.start())
        if w is not None:
            hint = suggestion(p.group(1), p.group(2), p.group(3))
            new.append(
                Mark("fallback", w.group(), w.start(), w.end(), "participle-prepositive", hint, p.group(1).lower())
            )
    while True:  # a stray flag (a stage dropped its partner): removed, never shown
        s = _FLAG_RE.search(text)
        if s is None:
            break
        cut(s.start(), s.end())
    # The generator has no Belarusian participle, so a prepositive one also carries the
    # engine's "#" mark; one finding (write a relative clause) says what to do, not two.
    flagged = {(k.start, k.end) for k in new if k.via == "participle-prepositive"}
    marks = [k for k in marks if k.end > k.start and not (k.kind == "generation" and (k.start, k.end) in flagged)]
    marks += new
    return replace(output, text=text, marks=tuple(sorted(marks, key=lambda k: (k.start, k.end))))


def mark_outputs(outputs: Sequence[EngineOutput]) -> list[EngineOutput]:
    """Every output through :func:`mark_output` (one per input, in order)."""
    return [mark_output(o) for o in outputs]
