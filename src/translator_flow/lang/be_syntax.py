"""Belarusian syntax fixes the rus-bel transfer rules miss (issue 14 item 5, first rules).

Each rule is deterministic and narrow, so it can run on every draft:

* «больш/менш» + a number takes «за»: «больш за 100 спецыялістаў» (Russian «более 100»);
  the comparative governs за + accusative (Беларуская граматыка, ч. 2, 1986, § on the
  comparative; Руска-беларускі слоўнік s.v. «более»: «больш за»).
* з / са: «са» before a word that starts with з, с, ж or ш followed by a consonant
  («са студэнтамі», «са школы», «са збору») and before «мной/мною»; «з» elsewhere — the pair
  copies Russian «со» and writes «са супрацоўнікамі» (Беларуская граматыка, ч. 1, 1985,
  § прыназоўнікі; Правілы беларускай арфаграфіі і пунктуацыі, 2008).
* the demonstrative before «, што» is «тое»: «Важна тое, што…» (Russian «то, что»).
* a predicative adverb, not a neuter adjective, before an infinitive: «Неабходна
  завяршыць» (the pair reads «необходимо» as a short adjective and writes «Неабходнае»).
"""

from __future__ import annotations

import re

from ._edits import Edit

_CONSONANTS = "бвгґджзйклмнпрстўфхцчшщ"
_NUMBER_AFTER_COMPARATIVE = re.compile(r"\b([Бб]ольш|[Мм]енш)(\s+)(?=\d)")
_PREPOSITION = re.compile(r"(?<![\w-])([Зз]|[Сс]а)(\s+)(\w+)")
_TO_SHTO = re.compile(r"(?<![\w-])([Тт])о(?=,?\s*што\b)")
_PREDICATIVE = re.compile(r"(?<![\w-])([Нн]еабходн|[Нн]емагчым|[Мм]агчым|[Пп]атрэбн)ае(?=\s+\w+(?:ць|ці|чы)\b)")
_SA_PRONOUNS = ("мной", "мною")


def _wants_sa(word: str) -> bool:
    w = word.lower()
    if w in _SA_PRONOUNS:
        return True
    return len(w) > 1 and w[0] in "зсжш" and w[1] in _CONSONANTS


def syntax_edits(text: str) -> list[Edit]:
    """The four rules above, as edits over ``text``."""
    edits: list[Edit] = []
    for m in _NUMBER_AFTER_COMPARATIVE.finditer(text):
        edits.append(Edit(m.end(1), m.end(1), " за"))
    for m in _PREPOSITION.finditer(text):
        prep, word = m[1], m[3]
        want = "са" if _wants_sa(word) else "з"
        if prep.lower() != want:
            edits.append(Edit(m.start(1), m.end(1), want.capitalize() if prep[0].isupper() else want))
    for m in _TO_SHTO.finditer(text):
        edits.append(Edit(m.end(1) + 1, m.end(1) + 1, "е"))
    for m in _PREDICATIVE.finditer(text):
        edits.append(Edit(m.end(1), m.end(), "а"))
    return sorted(edits, key=lambda e: (e.start, e.end))
