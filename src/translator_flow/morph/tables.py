"""Grammeme tables between pymorphy3 (OpenCorpora tags) and Apertium (the Belarusian pair's tags).

One table per category, used by the glossary (term forms), the unknown-word fallback and
the engine overlay, so a case or gender is named the same way everywhere.
"""

from __future__ import annotations

#: The six cases in Apertium's names, in grammar order (Russian analyses say ``prp`` for ``loc``).
CASE_NAMES: tuple[str, ...] = ("nom", "gen", "dat", "acc", "ins", "loc")
NUMBER_NAMES: tuple[str, ...] = ("sg", "pl")

#: pymorphy3 case grammemes → Apertium case names (the Belarusian generator's tags).
RU_CASE: dict[str, str] = {
    "nomn": "nom",
    "gent": "gen",
    "gen2": "gen",
    "datv": "dat",
    "accs": "acc",
    "acc2": "acc",
    "ablt": "ins",
    "loct": "loc",
    "loc2": "loc",
    "voct": "nom",
}
#: Apertium case names → the pymorphy3 grammeme (shown in ``TermHit.grammar``).
PYMORPHY_CASE: dict[str, str] = {
    "nom": "nomn", "gen": "gent", "dat": "datv", "acc": "accs", "ins": "ablt", "loc": "loct",
}  # fmt: skip
#: pymorphy3 number grammemes → Apertium, and back.
APERTIUM_NUMBER: dict[str, str] = {"sing": "sg", "plur": "pl"}
PYMORPHY_NUMBER: dict[str, str] = {"sg": "sing", "pl": "plur"}
#: pymorphy3 gender grammemes → Apertium gender tags.
APERTIUM_GENDER: dict[str, str] = {"masc": "m", "femn": "f", "neut": "nt"}
#: pymorphy3 person grammemes → Apertium person tags.
APERTIUM_PERSON: dict[str, str] = {"1per": "p1", "2per": "p2", "3per": "p3"}
