"""TBX export and import through translate-toolkit's ``translate.storage.tbx``.

One ``termEntry`` per entry (``id`` = entry id) with ``langSet`` s for ru, be and en. In each
language the first ``tig`` is the approved term (``preferredTerm-admn-sts``), variants are
``admittedTerm-admn-sts`` and forbidden variants ``deprecatedTerm-admn-sts`` (TBX-Basic
administrative status). The note is a ``note``, the source an ``admin type="source"``;
``be_forms``, ``status``, ``gender`` and unknown columns travel as ``descrip``/``admin`` elements with
``x-`` types, so an export re-imports to the same entries. A TBX from another tool needs only
terms: a missing id is made from the Russian term.
"""

from __future__ import annotations

from pathlib import Path
from collections.abc import Sequence

from .csvio import Problem, entry_from_row
from .entries import Entry, format_be_forms, join_list, slug

PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
DEPRECATED = "deprecatedTerm-admn-sts"
_EXTRA_PREFIX = "x-column-"
_ROLE = "x-term-role"  # the term's role inside a deprecated entry


def write_tbx(path: Path | str, entries: Sequence[Entry]) -> None:
    """Write ``entries`` as a TBX file (overwrites; callers check --force)."""
    from lxml import etree
    from translate.storage import tbx

    store = tbx.tbxfile(sourcelanguage="ru")
    for e in entries:
        unit = store.addsourceunit(e.ru)
        unit.setid(e.id)
        terms = {
            "ru": [(e.ru, PREFERRED)] + [(v, ADMITTED) for v in e.ru_variants],
            "be": _target_terms(e, "be"),
            "en": _target_terms(e, "en"),
        }
        for lang, items in terms.items():
            if not items:
                continue
            if lang == "ru":
                unit.set_source_terms([t for t, _ in items], "ru")
            else:
                unit.set_target_terms([t for t, _ in items], lang)
            langset = _langset(unit, lang)
            for tig, (_, status) in zip(langset.findall(unit.namespaced("tig")), items):
                note = etree.SubElement(tig, unit.namespaced("termNote"), type="administrativeStatus")
                # A deprecated entry's terms are deprecated for CAT tools; the term's own
                # role travels in an x- note so the re-import gives back the same entry.
                note.text = DEPRECATED if e.status == "deprecated" else status
                if e.status == "deprecated":
                    etree.SubElement(tig, unit.namespaced("termNote"), type=_ROLE).text = status
            if lang == "be" and e.be_forms:
                etree.SubElement(langset, unit.namespaced("descrip"), type="x-be-forms").text = format_be_forms(e.be_forms)
        if e.note:
            unit.addnote(e.note)
        concept = unit.xmlelement
        for kind, value in (("source", e.source), ("x-status", e.status), ("x-gender", e.gender)):
            if value:
                etree.SubElement(concept, unit.namespaced("admin"), type=kind).text = value
        for key, value in e.extra:
            etree.SubElement(concept, unit.namespaced("descrip"), type=_EXTRA_PREFIX + key).text = value
    Path(path).write_bytes(bytes(store))


def _target_terms(e: Entry, lang: str) -> list[tuple[str, str]]:
    approved = e.target(lang)
    items = [(approved, PREFERRED)] if approved else []
    items += [(v, ADMITTED) for v in e.variants(lang)]
    items += [(v, DEPRECATED) for v in e.forbidden(lang)]
    return items


def _langset(unit, lang: str):
    from translate.misc.xml_helpers import getXMLlang

    for node in unit.getlanguageNodes():
        if (getXMLlang(node) or "").lower().split("-")[0] == lang:
            return node
    return None


def read_tbx(path: Path | str) -> tuple[list[Entry], list[Problem]]:
    """Entries of a TBX file and its problems (``file:line`` from the XML)."""
    from lxml import etree
    from translate.storage import tbx

    from .tbx3 import is_tbx3, read_tbx3

    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        return [], [Problem(name, 0, f"cannot read the file ({exc.strerror})", fatal=True)]
    if is_tbx3(raw):
        return read_tbx3(path, raw)
    try:
        store = tbx.tbxfile.parsestring(raw, sourcelanguage="ru")
    except (etree.XMLSyntaxError, ValueError) as exc:
        line = getattr(exc, "lineno", 0) or 0
        return [], [Problem(name, line, f"not a readable TBX file ({exc}); export it again as TBX", fatal=True)]
    entries: list[Entry] = []
    problems: list[Problem] = []
    for unit in store.units:
        line = unit.xmlelement.sourceline or 0
        values = {"note": "", "source": "", "status": ""}
        for lang in ("ru", "be", "en"):
            node = _langset(unit, lang)
            terms = _terms(unit, node) if node is not None else []
            approved = [t for t, s in terms if s != DEPRECATED and s != ADMITTED] or [t for t, s in terms if s == ADMITTED]
            main = approved[0] if approved else ""
            values[lang] = main
            admitted = [t for t, s in terms if s != DEPRECATED and t != main]
            if lang == "ru":
                values["ru_variants"] = join_list(tuple(admitted))
            else:
                values[f"{lang}_variants"] = join_list(tuple(admitted))
                values[f"{lang}_forbidden"] = join_list(tuple(t for t, s in terms if s == DEPRECATED))
            if lang == "be" and node is not None:
                forms = node.find(unit.namespaced("descrip") + "[@type='x-be-forms']")
                values["be_forms"] = (forms.text or "") if forms is not None else ""
        values["id"] = unit.xmlelement.get("id") or (slug(values["ru"]) if values["ru"] else "")
        notes = [n for n in unit.xmlelement.iterchildren(unit.namespaced("note"))]
        values["note"] = "\n".join((n.text or "").strip() for n in notes if (n.text or "").strip())
        for child in unit.xmlelement.iterchildren(unit.namespaced("admin"), unit.namespaced("descrip")):
            kind = child.get("type") or ""
            if kind == "source":
                values["source"] = child.text or ""
            elif kind == "x-status":
                values["status"] = child.text or ""
            elif kind == "x-gender":
                values["gender"] = child.text or ""
            elif kind.startswith(_EXTRA_PREFIX):
                values[kind[len(_EXTRA_PREFIX):]] = child.text or ""
            elif kind == "definition" and not values["note"]:
                values["note"] = child.text or ""
        if not values["source"]:
            # TBX-Basic puts the source inside a tig (or langSet); take the first one.
            for child in unit.xmlelement.iter(unit.namespaced("admin")):
                if child.get("type") == "source" and (child.text or "").strip():
                    values["source"] = child.text.strip()
                    break
        entry, probs = entry_from_row(values, name, line)
        problems += probs
        if entry is not None:
            entries.append(entry)
    return entries, problems


def _terms(unit, langset) -> list[tuple[str, str]]:
    """(term, administrative status) of each ``tig`` of a language, in order."""
    out = []
    for tig in langset.findall(unit.namespaced("tig")):
        term = tig.find(unit.namespaced("term"))
        text = "".join(term.itertext()).strip() if term is not None else ""
        status = ""
        role = None
        for note in tig.iter(unit.namespaced("termNote")):
            if note.get("type") == _ROLE:
                role = (note.text or "").strip()
            elif note.get("type") == "administrativeStatus":
                raw = (note.text or "").strip().lower()
                # TBX-Basic values and the short forms other tools write.
                if "deprecated" in raw or "superseded" in raw or "notrecommended" in raw.replace(" ", ""):
                    status = DEPRECATED
                elif "admitted" in raw:
                    status = ADMITTED
                else:
                    status = PREFERRED
        if text:
            out.append((text, role if role in (PREFERRED, ADMITTED, DEPRECATED) else status))
    return out
