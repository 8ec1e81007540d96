"""Editors' maintenance: add a term, export the glossary, import a TBX or CSV file.

Each function does one file operation and returns what it did; the CLI only prints it.
Nothing is overwritten without ``force``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from collections.abc import Sequence

from ..errors import GlossaryError, OutputError
from .core import Glossary, read_paths
from .csvio import Problem, append_csv, read_csv, write_csv
from .entries import GENDERS, REQUIRED_COLUMNS, Entry, normalise, slug

#: Where ``glossary add`` writes when no file is named.
DEFAULT_ADD_FILE = Path("glossary") / "custom.csv"
EXPORT_FORMATS = ("tbx", "csv")


def new_id(entry_ru: str, entry_en: str, taken: set[str]) -> str:
    """A readable unique id: the English term as a slug (else the Russian one), -2, -3 … if taken."""
    base = slug(entry_en) if entry_en.strip() else slug(entry_ru)
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def add_entry(
    glossary: Glossary,
    file: Path | str,
    *,
    ru: str,
    be: str,
    en: str,
    note: str = "",
    source: str = "",
    entry_id: str | None = None,
    gender: str = "",
) -> Entry:
    """Append a new entry to ``file`` (created with a header if missing); refuses a term
    the glossary (or the file) already has. ``gender`` ("m"/"f") marks a person. Returns
    the entry written."""
    file = Path(file)
    ru, be, en = ru.strip(), be.strip(), en.strip()
    if not ru or not (be or en):
        raise GlossaryError("give the Russian term (--ru) and at least one translation (--be, --en)")
    existing = list(glossary.entries)
    if file.exists():
        got, problems = read_csv(file)
        fatal = [p for p in problems if p.fatal]
        if fatal:
            raise GlossaryError(f"{fatal[0]}; fix the file before adding to it")
        known = {e.id for e in existing}
        existing += [e for e in got if e.id not in known]
    for e in existing:
        if normalise(ru) in {normalise(t) for t in (e.ru, *e.ru_variants)}:
            raise GlossaryError(f"«{ru}» is already in the glossary as entry {e.id!r} ({e.where}); edit that row instead")
    taken = {e.id for e in existing}
    if entry_id and entry_id in taken:
        raise GlossaryError(f"id {entry_id!r} is taken; choose another --id or leave it out")
    entry = Entry(id=entry_id or new_id(ru, en, taken), ru=ru, be=be, en=en, note=note.strip(), source=source.strip(),
                  gender=GENDERS.get(gender.strip().lower(), ""))
    if not file.exists():
        file.parent.mkdir(parents=True, exist_ok=True)
        write_csv(file, [entry], columns=list(REQUIRED_COLUMNS) + (["gender"] if entry.gender else []))
    else:
        append_csv(file, entry)
    return replace(entry, file=str(file))


def export_glossary(glossary: Glossary, out: Path | str, fmt: str = "tbx", *, force: bool = False) -> int:
    """Write the whole glossary as TBX or CSV; returns the number of entries."""
    out = Path(out)
    if fmt not in EXPORT_FORMATS:
        raise GlossaryError(f"unknown format {fmt!r}: use {' or '.join(EXPORT_FORMATS)}")
    if out.exists() and not force:
        raise OutputError(f"{out} exists; use --force to overwrite it")
    if fmt == "tbx":
        from .tbx import write_tbx

        write_tbx(out, glossary.entries)
    else:
        write_csv(out, glossary.entries)
    return len(glossary.entries)


def import_glossary(
    glossary: Glossary, src: Path | str, dest: Path | str, *, force: bool = False
) -> tuple[list[Entry], list[Problem]]:
    """Copy the entries of a TBX or CSV file into the CSV ``dest``, skipping terms the
    glossary already has. Returns (entries written, skipped rows as problems)."""
    src, dest = Path(src), Path(dest)
    if dest.exists() and not force:
        raise OutputError(f"{dest} exists; use --force to overwrite it, or choose another --to file")
    entries, problems = read_paths([src])
    fatal = [p for p in problems if p.fatal]
    if fatal:
        shown = "\n".join(str(p) for p in fatal[:10])
        raise GlossaryError(f"{src} cannot be imported:\n{shown}")
    known_ids = {e.id for e in glossary.entries if Path(e.file).resolve() != dest.resolve()}
    known_ru = {
        normalise(t): e for e in glossary.entries if Path(e.file).resolve() != dest.resolve()
        for t in (e.ru, *e.ru_variants)
    }
    keep: list[Entry] = []
    skipped: list[Problem] = []
    for e in entries:
        other = known_ru.get(normalise(e.ru))
        if other is not None:
            skipped.append(Problem(e.file, e.line, f"skipped «{e.ru}»: already entry {other.id!r} ({other.where})", warning=True))
            continue
        if e.id in known_ids:
            e = replace(e, id=new_id(e.ru, e.en, known_ids | {k.id for k in keep}))
        keep.append(e)
    if keep:
        dest.parent.mkdir(parents=True, exist_ok=True)
        write_csv(dest, keep)
    return keep, skipped


def glossary_for(paths: Sequence[Path | str] | None) -> Glossary:
    """The glossary named on the command line (default: ./glossary), or an empty one."""
    from .core import load_glossary

    if not paths:
        return load_glossary(None)  # ./glossary, then the per-user folder (glossary/locate.py)
    return load_glossary(list(paths))
