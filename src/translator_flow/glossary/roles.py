"""Which words of a Russian term inflect: the roles the matcher and the Belarusian side share.

* ``adj`` — an adjective agreeing with the head noun; ``head`` — a noun that takes the
  case of the occurrence; ``fixed`` — stays as written (genitive complements, prepositional
  phrases, names in quotes, numbers, abbreviations, conjunctions).
* Lists inflect as a whole: «Гомельская, Могилёвская и Витебская области» (every adjective
  of the list agrees with the noun: «Гомельской, Могилёвской и Витебской областей»);
  «наука, образование и культура» (nominative nouns coordinated right after the head are
  heads too: «науки, образования и культуры»). A list governed by a preposition («комиссия
  по образованию, науке и культуре») or in the genitive («Министерство образования и
  науки») stays as written: only the words before it inflect.
* A route or pair of names joined by a dash («Витебск – Смоленск») does not inflect in
  Russian (в направлении Витебск – Смоленск): all its words are fixed.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..morph.russian import Analysis

_CONJUNCTIONS = ("и", "или")


def _nom(r: tuple[Analysis, ...], *pos: str) -> list[Analysis]:
    return [a for a in r if a.case == "nom" and a.pos in pos]


def _is_noun(r: tuple[Analysis, ...], strict: bool) -> bool:
    if r and r[0].pos in ("CONJ", "PREP", "PRCL", "INTJ"):
        return False  # «и» is also the name of a letter
    nom = [a.pos for a in r if a.case == "nom"]
    # «Минский» is also a surname (a noun): an adjective reading wins before the head.
    return "NOUN" in nom and not (strict and ("ADJF" in nom or "PRTF" in nom))


def _is_adj(r: tuple[Analysis, ...]) -> bool:
    return bool(_nom(r, "ADJF", "PRTF"))


def term_roles(tokens: Sequence[str], norms: Sequence[str], readings: Sequence[tuple[Analysis, ...]],
               gaps: Sequence[str]) -> list[str]:
    """The role of each word (``gaps[k-1]`` is the signature before word ``k``)."""
    n = len(tokens)
    if n >= 2 and all(g == "-" for g in gaps) and all(t[:1].isupper() and _is_noun(r, False)
                                                       for t, r in zip(tokens, readings)):
        return ["fixed"] * n
    head = next((i for i, r in enumerate(readings) if _is_noun(r, True)), None)
    if head is None:
        head = next((i for i, r in enumerate(readings) if _is_noun(r, False)), None)
    if head is None:
        return ["head"] + ["fixed"] * (n - 1)
    roles = ["fixed"] * n
    roles[head] = "head"
    plain = True  # only agreeing adjectives (a list of them) before the head
    for i in range(head):
        if _is_adj(readings[i]) and (i == 0 or gaps[i - 1] in ("", ",")):
            roles[i] = "adj"
        elif (norms[i] in _CONJUNCTIONS and 0 < i < head - 1 and roles[i - 1] == "adj"
              and gaps[i - 1] == "" and _is_adj(readings[i + 1])):
            roles[i] = "fixed"  # «Гомельская, Могилёвская и Витебская»: the list goes on
        else:
            plain = False
    if not plain:
        # Something other than agreeing adjectives before the noun: keep it all as written
        # but the noun, so that the occurrence still has a case.
        return ["head" if i == head else "fixed" for i in range(n)]
    _conjuncts(roles, norms, readings, gaps, head)
    return roles


def _conjuncts(roles: list[str], norms, readings, gaps, head: int) -> None:
    """Mark nominative noun phrases coordinated right after the head as heads (in place)."""
    numbers = {a.number for a in _nom(readings[head], "NOUN")}
    j, n = head + 1, len(roles)
    while j < n:
        if gaps[j - 1] == ",":
            k = j + 1 if norms[j] in _CONJUNCTIONS else j
        elif gaps[j - 1] == "" and norms[j] in _CONJUNCTIONS:
            k = j + 1
        else:
            return
        m = k
        while m < n and _is_adj(readings[m]) and not _is_noun(readings[m], True) and (m == k or gaps[m - 1] == ""):
            m += 1
        if m >= n or (m > k and gaps[m - 1] != "") or (k < n and k > j and gaps[k - 1] != ""):
            return
        nouns = _nom(readings[m], "NOUN")
        if not nouns or not numbers & {a.number for a in nouns}:
            return
        for i in range(k, m):
            roles[i] = "adj"
        roles[m] = "head"
        j = m + 1
