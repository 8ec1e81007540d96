"""Cardinal numerals written as words through rus-bel: what the analyser, bidix and generator miss.

    PYTHONPATH=src .venv/bin/python benchmarks/numerals.py [--overlay] [--list]

For every Russian cardinal 0–20, 30–90, 100–900, тысяча/миллион/миллиард and полтора/оба/
несколько, every case form pymorphy3 lists (spelling variants and forms marked Infr left
out, as the overlay's tag map leaves them out; a numeral's form with ё also as press
texts mostly spell it, with е: «четырехсот»), run through the installed pair's binaries
(or, with ``--overlay``, the merged overlay binaries the engine runs) and count:

* **analyser**: forms ``rus-bel.automorf.bin`` does not know as that lemma (``*пятнадцать``,
  or «сорока» known only as a bird would count too);
* **bidix**: readings of the lemma that ``rus-bel.autobil.bin`` has no entry for (``@``);
* **generator**: translated readings (``<prp>`` → ``<loc>``, as the pair's transfer writes
  them) that ``rus-bel.autogen.bin`` cannot inflect (``#``).

Each stage is measured on complete input: the readings the bidix is asked about and the
translations the generator is asked about come from the merged overlay binaries when the
overlay builds (``inputs``), so a stage's count does not depend on what an earlier stage
missed. ``--list`` prints every missing form.
"""

from __future__ import annotations

import argparse
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

PAIR = Path("/usr/share/apertium/apertium-bel-rus")
#: The Russian cardinals measured (lemmas as pymorphy3 and the pair spell them).
NUMERALS = (
    "ноль", "нуль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять",
    "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать", "семнадцать",
    "восемнадцать", "девятнадцать", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят",
    "восемьдесят", "девяносто", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот",
    "восемьсот", "девятьсот", "тысяча", "миллион", "миллиард", "полтора", "оба", "несколько",
)
#: The ordinals of the same numbers (adjectives: the pair tags them ``<det><ord>``), for ``--ordinals``.
ORDINALS = (
    "первый", "второй", "третий", "четвёртый", "пятый", "шестой", "седьмой", "восьмой", "девятый", "десятый",
    "одиннадцатый", "двенадцатый", "тринадцатый", "четырнадцатый", "пятнадцатый", "шестнадцатый", "семнадцатый",
    "восемнадцатый", "девятнадцатый", "двадцатый", "тридцатый", "сороковой", "пятидесятый", "шестидесятый",
    "семидесятый", "восьмидесятый", "девяностый", "сотый", "двухсотый", "трёхсотый", "четырёхсотый", "пятисотый",
    "шестисотый", "семисотый", "восьмисотый", "девятисотый", "тысячный", "миллионный", "миллиардный",
)
#: Grammemes of forms not measured: spelling variants and informal forms («восьмью», «тыща»).
_SKIP = frozenset({"Infr", "V-ey", "V-oy", "Arch", "Dist", "voct", "Supr"})
_READING = re.compile(r"\^([^/$]*)/([^$]*)\$")


@dataclass
class Result:
    """Forms and readings measured, and which of them each stage misses."""

    forms: list[tuple[str, str]] = field(default_factory=list)  # (Russian lemma, form)
    analyser: list[tuple[str, str]] = field(default_factory=list)  # forms not known as the lemma
    bidix: list[str] = field(default_factory=list)  # Russian lemma<tags> without a translation
    generator: list[str] = field(default_factory=list)  # Belarusian lemma<tags> not generated
    generated: dict[str, str] = field(default_factory=dict)  # Russian lemma<tags> → Belarusian form
    readings: int = 0  # distinct analyser readings (lemma<tags>) the bidix was asked about


def lexeme(lemma: str) -> list[str]:
    """The case forms of a numeral lemma, from its NUMR reading (NOUN for ноль, тысяча…; ADJF for один)."""
    from translator_flow.morph.russian import analyzer

    parses = [p for p in analyzer().parse(lemma) if _same(p.normal_form, lemma)]
    for pos in ("NUMR", "NOUN", "ADJF"):
        for p in parses:
            if pos == p.tag.POS:
                words = [f.word for f in p.lexeme if not set(f.tag.grammemes) & _SKIP]
                variants = ("ё", "е") if pos == "NUMR" else ("ё",)
                return list(dict.fromkeys(w.replace("ё", v) for w in words for v in variants))
    return []


def lt(binary: str | Path, flag: str, lines: Sequence[str]) -> list[str]:
    """One lt-proc call, one answer line per input line."""
    if not lines:
        return []
    proc = subprocess.run(["lt-proc", flag, str(binary)], input="\n".join(lines) + "\n",
                          capture_output=True, text=True, check=True)
    return proc.stdout.split("\n")[:len(lines)]


def _same(a: str, b: str) -> bool:
    return a.lower().replace("ё", "е") == b.lower().replace("ё", "е")


_NAMES = ("rus-bel.automorf.bin", "rus-bel.autobil.bin", "rus-bel.autogen.bin")


def _files(binaries: dict[str, str] | None) -> dict[str, str]:
    files = {name: str(PAIR / name) for name in _NAMES}
    files.update({k: v for k, v in (binaries or {}).items() if k in files})
    return files


def _readings(automorf: str, forms: Sequence[tuple[str, str]]) -> list[list[str]]:
    """Per form, the analyser's readings of it as its lemma (``lemma<tags>``)."""
    out = []
    for (lemma, _), answer in zip(forms, lt(automorf, "-w", [w for _, w in forms])):
        out.append([f"{lemma}<{r.split('<', 1)[1]}" for m in _READING.finditer(answer) for r in m.group(2).split("/")
                    if "<" in r and _same(r.split("<", 1)[0], lemma)])
    return out


def _translations(autobil: str, readings: Sequence[str]) -> list[str]:
    """The first translation of each reading, "" when the bidix has none."""
    out = []
    for answer in lt(autobil, "-b", [f"^{r}$" for r in readings]):
        target = answer.strip().strip("^$").split("/")[1] if "/" in answer else "@"
        out.append("" if target.startswith("@") else target.replace("<prp>", "<loc>"))  # transfer: prp → loc
    return out


def measure(binaries: dict[str, str] | None = None, lemmas: Sequence[str] = NUMERALS,
            inputs: dict[str, str] | None = None) -> Result:
    """Run every form through analyser, bidix and generator (installed ones unless ``binaries``
    maps an installed basename to another file, as ``Overlay.files`` does). The bidix is asked
    about the readings, and the generator about the translations, that the ``inputs`` binaries
    give (default: the measured ones)."""
    files, feed = _files(binaries), _files(inputs or binaries)
    result = Result()
    for lemma in lemmas:
        result.forms += [(lemma, w) for w in lexeme(lemma)]
    measured = _readings(files["rus-bel.automorf.bin"], result.forms)
    result.analyser = [form for form, found in zip(result.forms, measured) if not found]
    fed = measured if feed == files else _readings(feed["rus-bel.automorf.bin"], result.forms)
    readings = list(dict.fromkeys(r for found in fed for r in found))
    result.readings = len(readings)
    translated = _translations(files["rus-bel.autobil.bin"], readings)
    result.bidix = [r for r, t in zip(readings, translated) if not t]
    if feed != files:
        translated = _translations(feed["rus-bel.autobil.bin"], readings)
    wanted = [(r, t) for r, t in zip(readings, translated) if t]
    forms = lt(files["rus-bel.autogen.bin"], "-g", [f"^{t}$" for _, t in wanted])
    for (reading, target), form in zip(wanted, forms):
        form = form.strip()
        if not form or "#" in form:
            result.generator.append(target)
        else:
            result.generated[reading] = form
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--overlay", action="store_true", help="the merged overlay binaries the engine runs")
    parser.add_argument("--list", action="store_true", help="print every missing form")
    parser.add_argument("--ordinals", action="store_true", help="measure the ordinals (пятнадцатый) instead")
    args = parser.parse_args()
    from translator_flow.lang.apertium_overlay.build import build

    overlay = build()
    merged = dict(overlay.files) if overlay else None
    print("binaries:", "merged overlay" if args.overlay and merged else "installed pair",
          "| stage inputs:", "merged overlay" if merged else "installed pair")
    lemmas = ORDINALS if args.ordinals else NUMERALS
    r = measure(merged if args.overlay else None, lemmas, inputs=merged)
    print(f"{len(lemmas)} lemmas, {len(r.forms)} Russian forms, {r.readings} analyser readings of them")
    print(f"  analyser misses {len(r.analyser)} forms of {len({lemma for lemma, _ in r.analyser})} lemmas")
    print(f"  bidix misses {len(r.bidix)} readings of {len({b.split('<')[0] for b in r.bidix})} lemmas")
    print(f"  generator misses {len(set(r.generator))} Belarusian forms of {len({g.split('<')[0] for g in r.generator})} lemmas")
    if args.list:
        print("analyser:", " ".join(w for _, w in r.analyser))
        print("bidix:", " ".join(r.bidix))
        print("generator:", " ".join(sorted(set(r.generator))))


if __name__ == "__main__":
    main()
