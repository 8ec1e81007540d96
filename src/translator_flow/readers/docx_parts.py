"""The parts of a Word file beside the body: notes, embedded chunks, headers, comments.

* Footnotes and endnotes are translated as their own paragraphs after the body, in the
  order the text refers to them (unreferenced notes after those); a warning lists them,
  because their reference marks do not survive into the draft.
* ``w:altChunk`` (an HTML, plain-text or Word part pasted in by another program) is read
  with our own HTML, text or Word reader and its blocks stand where the chunk stands. Any
  other embedded format (RTF, MHT, XML) is refused loudly: a warning starting with
  :data:`~translator_flow.model.NOT_READ_WARNING_PREFIX`, shown first and in red, says its
  text is missing and how to fix that (Word merges such chunks when it saves the file).
* Headers, footers and comments are not release text: each part with text gets a warning
  quoting its first words.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from ..errors import ReaderError
from ..model import NOT_READ_WARNING_PREFIX
from .docx_walk import Findings, Styles, Walker, w
from .removed import first_words
from .structure import RawBlock

#: Content types of w:altChunk parts read with our readers, by reader.
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = frozenset({"text/plain"})
_DOCX_TYPES = frozenset({
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
})
#: Word files nested in Word files (altChunk of a .docx) are read this deep, no deeper.
MAX_CHUNK_DEPTH = 2
_NOTE_SKIP_TYPES = frozenset({"separator", "continuationSeparator", "continuationNotice"})


def _element(part: Any) -> Any:
    """A part's XML root: python-docx's own for the parts it knows, else parsed from the
    blob with python-docx's parser (entities never resolved; DTDs were refused earlier)."""
    element = getattr(part, "element", None)
    if element is not None:
        return element
    from docx.oxml.parser import parse_xml

    return parse_xml(part.blob)


def _related(document_part: Any, kind: str) -> list[Any]:
    return [rel.target_part for rel in document_part.rels.values()
            if not rel.is_external and rel.reltype.rsplit("/", 1)[-1] == kind]


def read_notes(document_part: Any, styles: Styles, found: Findings, label: str) -> tuple[list[RawBlock], list[str]]:
    """Footnotes, then endnotes, as paragraphs; returns the blocks and the warning."""
    from lxml import etree

    blocks: list[RawBlock] = []
    listed: list[str] = []
    unreadable: list[str] = []
    for note in ("footnote", "endnote"):
        for part in _related(document_part, f"{note}s"):
            try:
                root = _element(part)
            except (etree.LxmlError, ValueError):
                unreadable.append(f"{NOT_READ_WARNING_PREFIX} {label}: its {note}s part ({part.partname}) has "
                                  f"malformed XML, so the {note}s are missing from the drafts. Open the file in "
                                  "Word or LibreOffice, save it again as .docx, and translate it again.")
                continue
            by_id = {n.get(w("id")): n for n in root.iterchildren(w(note))
                     if n.get(w("type"), "normal") not in _NOTE_SKIP_TYPES}
            refs = list(dict.fromkeys(r for r in found.note_refs[note] if r in by_id))
            order = refs + [i for i in by_id if i not in refs]
            for n, note_id in enumerate(order, 1):
                walker = Walker(part.rels, styles, found)
                walker.walk(by_id[note_id])
                if not walker.blocks:
                    continue
                for b in walker.blocks:
                    b.kind, b.explicit = "paragraph", True
                blocks.extend(walker.blocks)
                where = f"{note} {n}" if note_id in refs else f"{note} (not referenced in the text)"
                listed.append(f"{where}: «{first_words(' '.join(b.text for b in walker.blocks))}»")
    if not listed:
        return blocks, unreadable
    return blocks, [*unreadable, f"{label}: {len(listed)} footnote(s)/endnote(s) are translated as separate paragraphs after the "
                    f"body, in the order the text refers to them; their reference marks are not in the draft, so place "
                    f"the notes when laying out the final: {'; '.join(listed)}."]


def other_parts_warnings(document_part: Any, label: str) -> list[str]:
    """Warnings for headers, footers and comments that hold text (not translated)."""
    out: list[str] = []
    for kind, what in (("header", "page header"), ("footer", "page footer")):
        texts: list[str] = []
        for part in _related(document_part, kind):
            text = " ".join("".join(t.text or "" for t in _element(part).iter(w("t"))).split())
            if text and text not in texts:
                texts.append(text)
        if texts:
            out.append(f"{label}: {what} text is not translated: " + "; ".join(f"«{first_words(t)}»" for t in texts) + ".")
    for part in _related(document_part, "comments"):
        comments = list(_element(part).iterchildren(w("comment")))
        if comments:
            out.append(f"{label}: {len(comments)} Word comment(s) are not translated (reviewer notes, not release text).")
    return out


class AltChunks:
    """Reads ``w:altChunk`` parts with our own readers (see the module docstring)."""

    def __init__(self, document_part: Any, package: bytes, label: str, depth: int, warnings: list[str]) -> None:
        self._part = document_part
        self._package = package  # the original file: the checked copy keeps XML parts only
        self._label = label
        self._depth = depth
        self._warnings = warnings

    def read(self, rid: str) -> list[RawBlock]:
        """The blocks of the chunk behind relationship ``rid`` (none, warned, if unreadable)."""
        rels = self._part.rels
        if rid not in rels or rels[rid].is_external:
            self._refuse(f"an embedded part (w:altChunk {rid}) whose target is missing or external")
            return []
        part = rels[rid].target_part
        name = str(part.partname).lstrip("/")
        ctype = (part.content_type or "").split(";")[0].strip().lower()
        sub_label = f"{self._label} (embedded part {name})"
        if ctype in _HTML_TYPES:
            module, what = "html", "HTML"
        elif ctype in _TEXT_TYPES:
            module, what = "text", "plain-text"
        elif ctype in _DOCX_TYPES and self._depth < MAX_CHUNK_DEPTH:
            module, what = "docx", "Word"
        else:
            self._refuse(f"an embedded {ctype or 'unknown'} part ({name}, w:altChunk) that translator-flow cannot read")
            return []
        try:
            data = self._member(name)
            from importlib import import_module

            reader = import_module(f"{__package__}.{module}")
            parsed = reader.read(data, sub_label, _depth=self._depth + 1) if module == "docx" else reader.read(data, sub_label)
        except ReaderError as exc:
            self._refuse(f"an embedded {what} part ({name}, w:altChunk) that could not be read ({exc})")
            return []
        self._warnings.extend(parsed.warnings)
        self._warnings.append(f"{self._label}: the embedded {what} part {name} (w:altChunk) was read with the {what} "
                              f"reader: {len(parsed.blocks)} block(s) where Word shows it.")
        return parsed.blocks

    def _member(self, name: str) -> bytes:
        from .docx import inflate_member

        with zipfile.ZipFile(io.BytesIO(self._package)) as zf:
            try:
                info = zf.getinfo(name)
            except KeyError:
                raise ReaderError(f"{self._label}: the part {name} is missing from the package") from None
            return inflate_member(zf, info, self._label)

    def _refuse(self, what: str) -> None:
        self._warnings.append(
            f"{NOT_READ_WARNING_PREFIX} {self._label} contains {what}; its text is missing from the drafts. Open the "
            "file in Word or LibreOffice and save it again as .docx (this merges the embedded part into the "
            "document text), then translate it again."
        )
