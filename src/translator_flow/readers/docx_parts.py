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
from ..model import join_msgs, msg, nmsg
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
                # NOT_READ_WARNING_PREFIX, written out: a gettext message is one literal
                unreadable.append(
                    msg("PART OF THE SOURCE WAS NOT READ: {label}: its footnotes part ({part}) has malformed XML, so "
                        "the footnotes are missing from the drafts. Open the file in Word or LibreOffice, save it "
                        "again as .docx, and translate it again.", label=label, part=str(part.partname))
                    if note == "footnote" else
                    msg("PART OF THE SOURCE WAS NOT READ: {label}: its endnotes part ({part}) has malformed XML, so "
                        "the endnotes are missing from the drafts. Open the file in Word or LibreOffice, save it "
                        "again as .docx, and translate it again.", label=label, part=str(part.partname)))
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
                if note == "footnote":
                    where = msg("footnote {n}", n=str(n)) if note_id in refs else msg("footnote (not referenced in the text)")
                else:
                    where = msg("endnote {n}", n=str(n)) if note_id in refs else msg("endnote (not referenced in the text)")
                listed.append(msg("{where}: «{words}»", where=where,
                                  words=first_words(" ".join(b.text for b in walker.blocks))))
    if not listed:
        return blocks, unreadable
    return blocks, [*unreadable, nmsg(
        "{label}: {n} footnote/endnote is translated as a separate paragraph after the body; its reference mark is "
        "not in the draft, so place the note when laying out the final: {notes}.",
        "{label}: {n} footnotes/endnotes are translated as separate paragraphs after the body, in the order the text "
        "refers to them; their reference marks are not in the draft, so place the notes when laying out the final: "
        "{notes}.", len(listed), label=label, notes=join_msgs(listed))]


def other_parts_warnings(document_part: Any, label: str) -> list[str]:
    """Warnings for headers, footers and comments that hold text (not translated)."""
    out: list[str] = []
    for kind in ("header", "footer"):
        texts: list[str] = []
        for part in _related(document_part, kind):
            text = " ".join("".join(t.text or "" for t in _element(part).iter(w("t"))).split())
            if text and text not in texts:
                texts.append(text)
        if texts:
            quoted = "; ".join(f"«{first_words(t)}»" for t in texts)
            out.append(msg("{label}: page header text is not translated: {quoted}.", label=label, quoted=quoted)
                       if kind == "header" else
                       msg("{label}: page footer text is not translated: {quoted}.", label=label, quoted=quoted))
    for part in _related(document_part, "comments"):
        comments = list(_element(part).iterchildren(w("comment")))
        if comments:
            out.append(nmsg("{label}: {n} Word comment is not translated (a reviewer note, not release text).",
                            "{label}: {n} Word comments are not translated (reviewer notes, not release text).",
                            len(comments), label=label))
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
            self._refuse(msg("an embedded part (w:altChunk {rid}) whose target is missing or external", rid=rid))
            return []
        part = rels[rid].target_part
        name = str(part.partname).lstrip("/")
        ctype = (part.content_type or "").split(";")[0].strip().lower()
        sub_label = f"{self._label} (embedded part {name})"
        what: str
        if ctype in _HTML_TYPES:
            module, what = "html", msg("HTML")
        elif ctype in _TEXT_TYPES:
            module, what = "text", msg("plain-text")
        elif ctype in _DOCX_TYPES and self._depth < MAX_CHUNK_DEPTH:
            module, what = "docx", msg("Word")
        else:
            self._refuse(msg("an embedded {type} part ({name}, w:altChunk) that translator-flow cannot read",
                             type=ctype or msg("unknown"), name=name))
            return []
        try:
            data = self._member(name)
            from importlib import import_module

            reader = import_module(f"{__package__}.{module}")
            parsed = reader.read(data, sub_label, _depth=self._depth + 1) if module == "docx" else reader.read(data, sub_label)
        except ReaderError as exc:
            # Known limit: the reader's own error is quoted in English.
            self._refuse(msg("an embedded {what} part ({name}, w:altChunk) that could not be read ({error})",
                             what=what, name=name, error=str(exc)))
            return []
        self._warnings.extend(parsed.warnings)
        self._warnings.append(msg("{label}: the embedded {what} part {name} (w:altChunk) was read with the {what} "
                                  "reader: {blocks} where Word shows it.", label=self._label, what=what, name=name,
                                  blocks=nmsg("{n} block", "{n} blocks", len(parsed.blocks))))
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
        self._warnings.append(msg(  # starts with NOT_READ_WARNING_PREFIX
            "PART OF THE SOURCE WAS NOT READ: {label} contains {what}; its text is missing from the drafts. Open the "
            "file in Word or LibreOffice and save it again as .docx (this merges the embedded part into the "
            "document text), then translate it again.", label=self._label, what=what))
