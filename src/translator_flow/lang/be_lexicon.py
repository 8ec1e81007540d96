"""The Russian→Belarusian lexicon of the unknown-word fallback (``be_lexicon.tsv``).

Data, not code: editors extend the TSV (``ru  be  pos  source``); this module only reads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


#: (row POS, Russian parse POS) pairs that match although they differ: an ``n`` row serves a
#: word pymorphy3 cannot classify, and an ``adj`` row a Russian noun whose Belarusian equivalent
#: is a substantivised adjective (РБС: следователь → следчы, лесничий → ляснічы), which the
#: generator inflects as an adjective in the noun's case, number and gender.
CROSS_POS = frozenset({("n", "other"), ("adj", "n")})


@dataclass(frozen=True)
class LexEntry:
    """One lexicon row: Russian lemma → Belarusian lemma, POS (n, adj, v, adv, name, other)."""

    ru: str
    be: str
    pos: str
    source: str


@lru_cache(maxsize=1)
def load_lexicon() -> dict[str, LexEntry]:
    """The shipped lexicon, keyed by ``key(ru)`` and by ``key(ru)|pos``."""
    text = resources.files(__package__).joinpath("be_lexicon.tsv").read_text(encoding="utf-8")
    return parse_lexicon(text)


def parse_lexicon(text: str) -> dict[str, LexEntry]:
    """Lexicon rows from TSV text (``ru  be  pos  source``; # comments; a header row)."""
    entries: dict[str, LexEntry] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if cols[0] == "ru":
            continue
        if len(cols) != 4 or cols[2] not in ("n", "adj", "v", "adv", "name", "other"):
            raise ValueError(f"be_lexicon.tsv:{n}: expected ru, be, pos (n|adj|v|adv|name|other), source")
        entry = LexEntry(*cols)
        entries.setdefault(key(entry.ru), entry)  # by lemma: the first row wins
        entries[f"{key(entry.ru)}|{entry.pos}"] = entry  # by lemma and POS
    return entries


def key(word: str) -> str:
    """Lexicon key: lower case, ё → е (pymorphy3 lemmas keep ё, editors often do not)."""
    return word.lower().replace("ё", "е")
