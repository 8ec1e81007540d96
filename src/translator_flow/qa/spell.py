"""The Belarusian spell-checker: Debian's ``hunspell-be`` dictionary through libhunspell.

Binding chosen by measurement (issue 15, ``benchmarks/spell_binding.py``: the 623 words of
the dev set's Belarusian side, 2-core machine): pyhunspell (the ``hunspell`` package, a C
extension over libhunspell 1.7) loads be_BY in 0.03 s and checks a word in ~3 µs; spylls
(pure Python) needs 0.66 s to load and ~90 µs a word; both give the same answer on every word. The dictionary (hunspell-be 0.53, M.
Udodau, academic orthography — the 2008 rules the drafts follow) is loaded once per process,
on first use. When the binding or the dictionary is missing, :func:`unavailable_reason`
says what to install and the ``spelling`` check reports that instead of passing silently.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

#: Where Debian's hunspell-be puts the dictionary.
DICTIONARY = Path("/usr/share/hunspell/be_BY")
_INSTALL = "install the Debian package hunspell-be and the Python package hunspell (make setup)"


@lru_cache(maxsize=1)
def _speller() -> tuple[Any, str]:
    """(HunSpell object or None, why not)."""
    dic, aff = DICTIONARY.with_suffix(".dic"), DICTIONARY.with_suffix(".aff")
    if not dic.exists() or not aff.exists():
        return None, f"the Belarusian dictionary {dic} is missing: {_INSTALL}"
    try:
        import hunspell
    except ImportError:
        return None, f"the hunspell Python binding is not installed: {_INSTALL}"
    try:
        return hunspell.HunSpell(str(dic), str(aff)), ""
    except Exception as exc:  # a broken dictionary file: say so, do not crash QA
        return None, f"the Belarusian dictionary {dic} could not be loaded ({exc}): reinstall hunspell-be"


def unavailable_reason() -> str:
    """Empty when the spell-checker works; otherwise what is missing and how to install it."""
    return _speller()[1]


@lru_cache(maxsize=200_000)
def accepts(word: str) -> bool:
    """True when the Belarusian dictionary knows ``word`` (’ and ʼ read as ').

    Raises RuntimeError when the spell-checker is unavailable (see :func:`unavailable_reason`).
    """
    speller, why = _speller()
    if speller is None:
        raise RuntimeError(why)
    return bool(speller.spell(word.replace("’", "'").replace("ʼ", "'")))
