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

The same file also defines :func:`lexical_stage`'s second job, the short-participle fix:
the pair's first transfer file drops Russian short passive participles («обновлены»,
«проведена») with no mark at all; rewriting them to full participles keeps the word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


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
    return re.sub(_SHORT_PP[0], _SHORT_PP[1], stream)


def sed_script() -> str:
    """The same rewrite as a ``sed -E`` program (one substitution per line, ``#`` delimited)."""
    lines = []
    for rule in bidix_rules():
        wrong_lemma, wrong_tags = _split(rule.wrong)
        right_lemma, right_tags = _split(rule.right)
        head = r"(\^[" + rule.ru[0].upper() + rule.ru[0].lower() + "]" + _sed_escape(rule.ru[1:]) + r"<[^/$]*/)"
        for wrong_first, right_first in ((wrong_lemma[0].upper(), right_lemma[0].upper()),
                                         (wrong_lemma[0].lower(), right_lemma[0])):
            lines.append(
                f"s#{head}{_sed_escape(wrong_first + wrong_lemma[1:] + wrong_tags)}"
                f"#\\1{_sed_escape(right_first + right_lemma[1:] + right_tags)}#g"
            )
    lines.append(f"s#{_SHORT_PP[0]}#{_SHORT_PP[1]}#g")
    return "\n".join(lines) + "\n"


def _sed_escape(text: str) -> str:
    return re.sub(r"([\\#.*\[\]^$+?(){}|&])", r"\\\1", text)


def lexical_stage() -> list[str]:
    """argv of an engine stage to run right after ``lt-proc -b`` (bilingual lookup).

    ``sed -z`` treats each null-flushed segment as one record and ``-u`` flushes after
    each, so the stage works in the engine's persistent null-flush pipeline.
    """
    return ["sed", "-u", "-z", "-E", "-e", sed_script()]
