"""Official names for post-editing: the forms a draft may hold instead of the approved one.

The English repair (lang/en_names.py) replaces, in a draft, a Cyrillic form of an entry
left by the engine, or a spelling the office forbids («Byelorussia»), with the approved
form. The lang layer cannot read the glossary, so the pipeline hands it this mapping.
"""

from __future__ import annotations

from collections.abc import Iterable

from .entries import Entry


def official_names(entries: Iterable[Entry], lang: str) -> dict[str, str]:
    """Form (any case) → approved ``lang`` form, over active entries.

    Forms: the entry's forbidden ``lang`` spellings and, for a Latin-script target (en),
    its Russian and Belarusian forms. A form that two entries claim with different targets
    is left out (the draft keeps it and the glossary check still sees it).
    """
    found: dict[str, str] = {}
    clashes: set[str] = set()
    for entry in entries:
        target = entry.target(lang)
        if not entry.active or not target:
            continue
        forms = list(entry.forbidden(lang))
        if lang == "en":
            forms += [entry.ru, *entry.ru_variants, entry.be, *entry.be_variants, *entry.be_forbidden,
                      *(form for _, form in entry.be_forms)]
        for form in forms:
            key = form.strip().casefold()
            if not key or key == target.casefold():
                continue
            if key in found and found[key] != target:
                clashes.add(key)
            found.setdefault(key, target)
    return {k: v for k, v in found.items() if k not in clashes}
