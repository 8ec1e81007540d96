"""XLIFF 2.0 export: the same review package for translators who work in a CAT tool.

One ``<file>`` per release and language, one ``<unit id="b0s0">`` per segment (the
segment id is the round-trip key), ``<notes>`` with QA issues, term hits, engine marks
and TM suggestions, and the block structure in the Metadata module (``mda``), which
OmegaT/Okapi, Trados and memoQ carry through untouched. ``finalize`` reads the file back
(:mod:`translator_flow.review`), so the manifest written here is what it validates.

Written with lxml: translate-toolkit's ``xliff2`` store (3.x) reads XLIFF 2.0 but has no
module support for writing ``mda`` metadata, which the round trip needs.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import OutputError
from ..model import RunReport, TargetSegment
from .common import clean_text as _clean
from .manifest import review_manifest

XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"
MDA_NS = "urn:oasis:names:tc:xliff:metadata:2.0"
#: metaGroup category of everything translator-flow writes (the import looks for it).
CATEGORY = "translator-flow"
MARKER = "translator-flow-review"  # same marker the review DOCX carries

# XLIFF 2.0 note priority runs from 1 (most important) to 10.
_PRIORITY = {"blocking": "1", "warning": "5", "info": "9"}


def _state(target: TargetSegment) -> str:
    """XLIFF 2.0 state: approved text ``reviewed``, an unapproved human edit ``translated``.

    Machine drafts are ``initial`` (a draft, not a translation anyone vouched for), so a
    CAT tool shows them unconfirmed and finalize (which approves only ``reviewed``/``final``)
    never takes raw MT as approved. A TM draft is text an editor approved earlier.
    """
    if not target.text.strip():
        return "initial"
    if target.approval == "approved" or target.origin == "tm":
        return "reviewed"
    return "translated" if target.origin == "human" else "initial"


def _notes(report: RunReport, lang: str, target: TargetSegment) -> list[tuple[str, str, str]]:
    """(category, priority, text) of every note the reviewer should see for a segment."""
    notes: list[tuple[str, str, str]] = []
    for issue in report.translations[lang].issues:
        if issue.segment_id == target.segment_id:
            notes.append(("qa", _PRIORITY.get(issue.severity, "5"),
                          f"{issue.severity} [{issue.check}] {issue.message}"))
    if target.error:
        notes.append(("error", "1", f"not translated: {target.error}"))
    for hit in target.term_hits:
        placed = hit.target_form or "(not placed)"
        text = f"term «{hit.source_text}» → {placed} (approved: {hit.approved})"
        if hit.flagged:
            text += f"; check: {hit.flagged}"
        notes.append(("term", "3" if hit.flagged else "7", text))
    for mark in target.marks:
        notes.append(("engine", "3", f"{mark.kind}: {mark.word}"))
    for suggestion in target.suggestions:
        notes.append(("tm", "7", suggestion))
    return notes


def xliff_tree(report: RunReport, lang: str, stem: str):  # -> lxml.etree._ElementTree
    """The XLIFF 2.0 document of ``report`` in ``lang`` as an lxml tree."""
    from lxml import etree

    translation = report.translations.get(lang)
    if translation is None:
        raise OutputError(f"The report has no {lang} translation; export one of: "
                          f"{', '.join(report.translations) or '(none)'}.")
    x = f"{{{XLIFF_NS}}}"
    m = f"{{{MDA_NS}}}"
    root = etree.Element(x + "xliff", nsmap={None: XLIFF_NS, "mda": MDA_NS})
    root.set("version", "2.0")
    root.set("srcLang", "ru")
    root.set("trgLang", lang)
    # canResegment="no": the unit id is the round-trip key, so a CAT tool must not split
    # or merge segments; xml:space="preserve" keeps double spaces an editor may need to see.
    file_el = etree.SubElement(root, x + "file", id="f1", canResegment="no")
    file_el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    file_el.set("original", Path(report.document.meta.source_path).name or stem)

    def meta_group(parent, values: dict[str, str]) -> None:
        group = etree.SubElement(etree.SubElement(parent, m + "metadata"), m + "metaGroup",
                                 category=CATEGORY)
        for key, value in values.items():
            etree.SubElement(group, m + "meta", type=key).text = _clean(value)

    meta_group(file_el, {
        "marker": MARKER,
        "manifest": json.dumps(review_manifest(report, [lang], stem), ensure_ascii=False,
                               separators=(",", ":")),
    })
    kinds = {b.index: b.kind for b in report.document.blocks}
    targets = {t.segment_id: t for t in translation.targets}
    for segment in report.segments:
        target = targets.get(segment.id) or TargetSegment(segment.id, lang, "", "none", "untranslated")
        unit = etree.SubElement(file_el, x + "unit", id=segment.id)
        values = {"block": str(segment.block), "block-kind": kinds.get(segment.block, "paragraph"),
                  "origin": target.origin}
        if target.origin != "human":
            # The draft the translator starts from: finalize compares the returned target
            # with it to tell edits (origin "human") and records it in the TM.
            values["mt-draft"] = target.text
        meta_group(unit, values)
        notes = _notes(report, lang, target)
        if notes:
            notes_el = etree.SubElement(unit, x + "notes")
            for category, priority, text in notes:
                etree.SubElement(notes_el, x + "note", category=category,
                                 priority=priority).text = _clean(text)
        seg_el = etree.SubElement(unit, x + "segment", state=_state(target))
        etree.SubElement(seg_el, x + "source").text = _clean(segment.source)
        if target.text.strip():
            etree.SubElement(seg_el, x + "target").text = _clean(target.text)
    return etree.ElementTree(root)


def write_xliff(report: RunReport, lang: str, path: Path, *, stem: str | None = None) -> None:
    """Write ``report``'s ``lang`` drafts as XLIFF 2.0 to ``path`` (overwrites; callers check).

    ``stem`` names the release in the manifest, so ``finalize`` writes
    ``<stem>.<lang>.final.docx`` and finds ``<stem>.json``; the default is the one
    ``write_outputs`` uses (the input name without ``.ru`` and extension). ``path`` may be
    a temporary name (atomic writes), so the stem is never derived from it.
    """
    from .atomic import default_stem

    path = Path(path)
    tree = xliff_tree(report, lang, stem or default_stem(report.document.meta.source_path))
    tree.write(str(path), xml_declaration=True, encoding="UTF-8", pretty_print=True)
