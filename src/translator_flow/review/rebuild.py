"""Turn a reviewed file back into a :class:`RunReport`: the release with the editors' text.

What translate wrote is the baseline that tells an edit from an untouched draft. It comes
from the JSON report ``<stem>.json`` beside the reviewed file when present (it also
restores the original block texts, source metadata, term hits and signatures), else from
the XLIFF file's own metadata. A DOCX without its JSON has no baseline: every draft is
then marked ``origin: human`` — the editor approved it — and blocks are rebuilt by
joining their segments with one space.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import Any

from ..model import (
    Block,
    Document,
    DocumentMeta,
    RunReport,
    RunSignature,
    Segment,
    TargetSegment,
    Translation,
    msg,
)
from ..writers.labels import untranslated_marks
from ..writers.json_report import hits_from_dicts, marks_from_dicts, read_report_dict
from .reviewed import Baseline, ReviewedFile, source_hash

# Line breaks and runs of ordinary spaces an editor leaves in a cell; no-break and thin
# spaces are typography (placed by the language rules or the editor) and are kept.
_LOOSE_SPACE = re.compile(r"[ \t\r\n\v\f]+")


def tidy(text: str) -> str:
    """A draft with line breaks and repeated spaces collapsed to one space, trimmed."""
    return _LOOSE_SPACE.sub(" ", text).strip()


def same_text(a: str, b: str) -> bool:
    """True when two drafts differ at most in line breaks and repeated spaces (no edit)."""
    return tidy(a) == tidy(b)


def draft_text(text: str) -> str:
    """An editor's draft as publishable text: tidied, without the «not translated» placeholder.

    The review DOCX shows the «not translated» placeholder (in its interface language) in a
    Draft cell without a draft; an editor may type the translation after it without deleting it.
    """
    text = tidy(text)
    for mark in untranslated_marks():
        if text.startswith(mark):
            return text[len(mark):].lstrip(" :—-")
    return text


def load_json_report(reviewed: ReviewedFile) -> dict[str, Any] | None:
    """The JSON report translate wrote beside the reviewed file, if it matches it."""
    data = read_report_dict(reviewed.path.parent / f"{reviewed.stem}.json")
    if data is None:
        return None
    by_id = {s.get("id"): s for s in data.get("segments", []) if isinstance(s, dict)}
    # A JSON of another run (re-translated, re-segmented) must not lend its origins.
    if len(by_id) != len(reviewed.rows):
        return None
    for row in reviewed.rows:
        seg = by_id.get(row.id)
        if seg is None or source_hash(str(seg.get("source", ""))) != source_hash(row.source):
            return None
    return data


def _document(reviewed: ReviewedFile, data: dict[str, Any] | None) -> tuple[Document, tuple[Segment, ...]]:
    if data is not None:
        src = data.get("source") or {}
        meta = DocumentMeta(str(src.get("path", reviewed.path)), str(src.get("format", reviewed.format)),
                            str(src.get("sha256", "")), src.get("encoding"), src.get("title"),
                            tuple(src.get("warnings") or ()))
        blocks = tuple(Block(int(b["index"]), b["kind"], str(b.get("text", ""))) for b in data.get("blocks", []))
        by_id = {s["id"]: s for s in data["segments"]}
        segments = tuple(
            Segment(row.id, int(by_id[row.id]["block"]), int(by_id[row.id].get("index", 0)), row.source,
                    int(by_id[row.id].get("start", 0)), int(by_id[row.id].get("end", len(row.source))))
            for row in reviewed.rows
        )
        return Document(meta, blocks), segments
    kinds = dict(reviewed.blocks) or {}
    texts: dict[int, str] = {}
    counts: dict[int, int] = {}
    segments_list = []
    for row in reviewed.rows:
        kinds.setdefault(row.block, row.kind or "paragraph")
        text = texts.get(row.block, "")
        start = len(text) + (1 if text else 0)
        texts[row.block] = (text + " " if text else "") + row.source
        index = counts.get(row.block, 0)
        counts[row.block] = index + 1
        segments_list.append(Segment(row.id, row.block, index, row.source, start, start + len(row.source)))
    blocks = tuple(Block(i, kinds[i], texts.get(i, "")) for i in sorted(kinds))  # type: ignore[arg-type]
    joined = "\n".join(b.text for b in blocks)
    meta = DocumentMeta(str(reviewed.path), reviewed.format, hashlib.sha256(joined.encode("utf-8")).hexdigest())
    return Document(meta, blocks), tuple(segments_list)


def baselines(reviewed: ReviewedFile, data: dict[str, Any] | None) -> dict[tuple[str, str], Baseline]:
    """(segment id, lang) → the draft translate wrote, from the JSON or the file itself."""
    out = dict(reviewed.baseline)
    if data is not None:
        for seg in data["segments"]:
            for lang, target in (seg.get("targets") or {}).items():
                out[(seg["id"], lang)] = Baseline(str(target.get("text", "")), str(target.get("origin", "mt")))
    return out


def rebuild_report(reviewed: ReviewedFile, data: dict[str, Any] | None) -> RunReport:
    """The reviewed release as a RunReport (no QA yet): edited drafts get origin ``human``."""
    document, segments = _document(reviewed, data)
    base = baselines(reviewed, data)
    json_targets = {s["id"]: s.get("targets") or {} for s in data["segments"]} if data else {}
    signatures = (data or {}).get("signature") or reviewed.signature
    translations = {}
    for lang in reviewed.langs:
        targets = []
        for row in reviewed.rows:
            text = draft_text(row.drafts.get(lang, ""))
            before = base.get((row.id, lang))
            saved = json_targets.get(row.id, {}).get(lang) or {}
            hits = hits_from_dicts(saved.get("terms") or [])
            if not text:
                targets.append(TargetSegment(row.id, lang, "", "none", "untranslated", term_hits=hits,
                                             error=msg("the reviewed file has no draft for this segment")))
                continue
            unchanged = before is not None and before.origin != "none" and same_text(text, before.text)
            origin = before.origin if unchanged and before is not None else "human"
            # Marks and TM suggestions describe the machine draft: kept only while it stands.
            marks = marks_from_dicts(saved.get("marks") or []) if unchanged else ()
            suggestions = tuple(str(x) for x in saved.get("suggestions") or ()) if unchanged else ()
            targets.append(TargetSegment(row.id, lang, text, origin, marks=marks, term_hits=hits,  # type: ignore[arg-type]
                                         suggestions=suggestions))
        signature = signatures.get(lang) if isinstance(signatures, Mapping) else None
        translations[lang] = Translation(lang, RunSignature.from_dict(signature if isinstance(signature, Mapping) else None),
                                         tuple(targets))
    return RunReport(document, segments, translations)
