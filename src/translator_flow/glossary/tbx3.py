"""TBX v3 (ISO 30042:2019, ``urn:iso:std:iso:30042:ed-2``) import: conceptEntry/langSec/termSec.

translate-toolkit reads only TBX v2 (``martif``/``termEntry``/``langSet``/``tig``), so a
v3 file is read here with lxml. Same mapping as the v2 reader: the preferred (or first
non-deprecated) term of a language is the approved one, admitted terms are variants,
deprecated ones forbidden; ``admin type="source"`` and ``note`` are read at concept,
language or term level.
"""

from __future__ import annotations

from pathlib import Path

from .csvio import Problem, entry_from_row
from .entries import Entry, join_list, slug

TBX3_NS = "urn:iso:std:iso:30042:ed-2"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def is_tbx3(raw: bytes) -> bool:
    """Whether the bytes look like a TBX v3 file (namespace or ``conceptEntry`` elements)."""
    head = raw[:4096]
    return TBX3_NS.encode() in head or b"<conceptEntry" in raw


def _local(tag: object) -> str:
    return tag.split("}", 1)[-1] if isinstance(tag, str) else ""


def read_tbx3(path: Path | str, raw: bytes) -> tuple[list[Entry], list[Problem]]:
    """Entries of a TBX v3 file and its problems (``file:line`` from the XML)."""
    from lxml import etree

    name = str(path)
    try:
        root = etree.fromstring(raw, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        return [], [Problem(name, exc.lineno or 0, f"not well-formed XML ({exc.msg}); export the TBX again", fatal=True)]
    entries: list[Entry] = []
    problems: list[Problem] = []
    concepts = [el for el in root.iter() if _local(el.tag) == "conceptEntry"]
    if not concepts:
        return [], [Problem(name, 1, "TBX v3 file without conceptEntry elements: nothing to import; "
                            "export the termbase with its entries", fatal=True)]
    for concept in concepts:
        values: dict[str, str] = {"note": "", "source": "", "status": ""}
        notes: list[str] = []
        for el in concept.iter():
            kind = _local(el.tag)
            text = "".join(el.itertext()).strip()
            if kind == "admin" and el.get("type") == "source" and text and not values["source"]:
                values["source"] = text
            elif text and (kind == "note" or (kind == "descrip" and el.get("type") == "definition")):
                notes.append(text)
        values["note"] = "\n".join(notes)
        for lang_sec in (el for el in concept if _local(el.tag) == "langSec"):
            lang = (lang_sec.get(_XML_LANG) or "").lower().split("-")[0]
            if lang not in ("ru", "be", "en"):
                continue
            terms = []
            for term_sec in (el for el in lang_sec if _local(el.tag) == "termSec"):
                term = "".join(t for el in term_sec if _local(el.tag) == "term" for t in el.itertext()).strip()
                status = ""
                for el in term_sec.iter():
                    if _local(el.tag) == "termNote" and el.get("type") == "administrativeStatus":
                        status = (el.text or "").strip().lower()
                if term:
                    terms.append((term, status))
            ok = [t for t, s in terms if "deprecated" not in s and "superseded" not in s]
            preferred = [t for t, s in terms if "preferred" in s] or ok
            main = preferred[0] if preferred else ""
            values[lang] = main
            values[f"{lang}_variants"] = join_list(tuple(t for t in ok if t != main))
            if lang != "ru":
                values[f"{lang}_forbidden"] = join_list(tuple(t for t, s in terms if t not in ok))
        values["id"] = concept.get("id") or (slug(values.get("ru", "")) if values.get("ru") else "")
        entry, probs = entry_from_row(values, name, concept.sourceline or 0)
        problems += probs
        if entry is not None:
            entries.append(entry)
    return entries, problems
