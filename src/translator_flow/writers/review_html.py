"""The review HTML: one self-contained page, side by side, with an issue panel that filters.

Safety model: the page carries no script at all (``script-src 'none'``) and a CSP that
forbids every network request; filtering uses CSS ``:target`` on empty anchors placed before
the table. All input text goes through jinja2 autoescaping or ``markupsafe.escape``;
highlighted fragments are built with ``Markup.format``, which escapes every argument.
Class names derived from input (check names, language codes) are reduced to ``[a-z0-9-]``.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..model import RunReport
from .atomic import atomic_write_bytes
from .common import (
    SEVERITY_ORDER,
    SOURCE_LANG,
    UNTRANSLATED_MARK,
    Piece,
    attention,
    bidi_token,
    source_warning_lines,
    split_bidi,
    block_kinds,
    clean_text,
    document_title,
    draft_ranges,
    is_untranslated,
    issue_counts,
    issue_text,
    issues_by_segment,
    missing_target,
    signature_line,
    source_ranges,
    split_pieces,
    target_notes,
    targets_by_id,
)

#: No network, no plugins, no script, no forms, no <base> tricks; inline CSS only.
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; "
       "object-src 'none'; base-uri 'none'; form-action 'none'")
TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def _environment() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_clean_output,
        auto_reload=False,  # the templates ship with the package: no stat() per render
    )


def _clean_output(value: Any) -> Any:
    # Every {{ }} in the templates passes here first: strip characters HTML/XML cannot carry.
    if isinstance(value, str) and not isinstance(value, Markup):
        return clean_text(value)
    return value


def render_template(name: str, **context: Any) -> str:
    """Render a template of this package (autoescaped; used by the publish writer too)."""
    return _environment().get_template(name).render(**context)


def css_token(value: str) -> str:
    """A class-name-safe token; values that had to change get a short hash to stay distinct."""
    token = re.sub(r"[^a-z0-9-]+", "-", value.lower()).strip("-")
    if token != value or not token:
        token = f"{token or 'x'}-{hashlib.sha1(value.encode('utf-8', 'surrogatepass')).hexdigest()[:6]}"
    return token


def dom_id(segment_id: str) -> str:
    """The anchor of a segment row: ``seg-<id>`` (ids outside ``[A-Za-z0-9_-]`` are tokenised)."""
    if re.fullmatch(r"[A-Za-z0-9_-]+", segment_id):
        return f"seg-{segment_id}"
    return f"seg-{css_token(segment_id)}"


def _show_bidi(text: str) -> Markup:
    """``text`` escaped, each bidi control replaced by a visible ``⟦U+202E⟧`` token."""
    out = []
    for piece, control in split_bidi(text):
        if control:
            code = f"U+{ord(piece):04X}"
            out.append(Markup('<span class="bidi" title="invisible text-direction control {}">{}</span>')
                       .format(code, bidi_token(piece)))
        else:
            out.append(Markup("{}").format(piece))
    return Markup("").join(out)


def pieces_html(pieces: list[Piece]) -> Markup:
    """Highlighted text: each piece escaped, wrapped in a span with its classes and tooltip."""
    out = []
    for piece in pieces:
        text = _show_bidi(clean_text(piece.text))
        if piece.classes:
            classes = " ".join(sorted(f"hl-{c}" for c in piece.classes))
            out.append(Markup('<span class="{}" title="{}">{}</span>').format(classes, "; ".join(piece.titles), text))
        else:
            out.append(Markup("{}").format(text))
    return Markup("").join(out)


def render_review_html(report: RunReport, langs: list[str], *, stem: str) -> str:
    """Build the review HTML for ``langs`` (one language, or several side by side)."""
    grouped, orphans = issues_by_segment(report, langs)
    kinds = block_kinds(report.document)
    drafts = {lang: targets_by_id(report.translations[lang]) for lang in langs}
    lang_tok = {lang: css_token(lang) for lang in langs}
    need = dict(attention(report, langs))
    filters: list[tuple[str, str]] = [("f-attention", "attn")]
    panels = []
    for lang in langs:
        rows = []
        totals = {s: 0 for s in SEVERITY_ORDER}
        for c_lang, check, counts in issue_counts(report, langs):
            if c_lang != lang:
                continue
            base = f"{lang_tok[lang]}-c-{css_token(check)}"
            cells = []
            for sev in SEVERITY_ORDER:
                totals[sev] += counts.get(sev, 0)
                cells.append({"n": counts.get(sev, 0), "filter": f"f-{base}-{sev}"})
                filters.append((f"f-{base}-{sev}", f"q-{base}-{sev}"))
            filters.append((f"f-{base}", f"q-{base}"))
            rows.append({"check": check, "cells": cells, "total": sum(counts.values()), "filter": f"f-{base}"})
        sev_filters = []
        for sev in SEVERITY_ORDER:
            fid = f"f-{lang_tok[lang]}-s-{sev}"
            filters.append((fid, f"q-{lang_tok[lang]}-s-{sev}"))
            sev_filters.append({"n": totals[sev], "filter": fid})
        panels.append({"lang": lang, "rows": rows, "totals": sev_filters, "sum": sum(totals.values())})
    segments = []
    for number, seg in enumerate(report.segments, 1):
        targets = [drafts[lang].get(seg.id) or missing_target(seg, lang) for lang in langs]
        classes = ["seg"]
        if seg.id in need:
            classes += ["attn", f"w-{need[seg.id]}"]
        cells, notes = [], []
        for lang, target in zip(langs, targets):
            seg_issues = grouped.get((lang, seg.id), [])
            for _, issue in seg_issues:
                base = f"{lang_tok[lang]}-c-{css_token(issue.check)}"
                classes += [f"q-{base}", f"q-{base}-{issue.severity}", f"q-{lang_tok[lang]}-s-{issue.severity}"]
            untranslated = is_untranslated(target)
            text = target.text if target.text.strip() else ""
            cells.append({"lang": lang, "untranslated": untranslated,
                          "html": pieces_html(split_pieces(text, draft_ranges(target, seg_issues)))})
            notes += [{"lang": lang, "kind": n.kind, "severity": n.severity, "text": n.text}
                      for n in target_notes(target, seg_issues)]
        segments.append({
            "number": number,
            "id": seg.id,
            "anchor": dom_id(seg.id),
            "kind": kinds.get(seg.block, ""),
            "classes": " ".join(dict.fromkeys(classes)),
            "source": pieces_html(split_pieces(seg.source, source_ranges(seg, targets))),
            "drafts": cells,
            "notes": notes,
        })
    unavailable = [(lang, t.error) for lang, t in report.translations.items() if t.error and lang not in langs]
    return render_template(
        "review.html.j2",
        csp=CSP,
        generator=clean_text(signature_line(report, langs)),
        title=clean_text(document_title(report.document)),
        stem=stem,
        langs=langs,
        source_lang=SOURCE_LANG,
        meta=report.document.meta,
        signatures=[(lang, report.translations[lang].signature) for lang in langs],
        unavailable=unavailable,
        source_warnings=source_warning_lines(report.document.meta),
        panels=panels,
        attention=[(seg_id, dom_id(seg_id), sev) for seg_id, sev in need.items()],
        orphans=[{"lang": i.lang, "severity": i.severity, "text": clean_text(issue_text(i))} for _, i in orphans],
        filters=list(dict.fromkeys(filters)),
        segments=segments,
        untranslated_mark=UNTRANSLATED_MARK,
        combined=len(langs) > 1,
        n_segments=len(report.segments),
    )


def write_review_html(report: RunReport, langs: list[str], path: Path, *, stem: str, force: bool = False) -> Path:
    """Write the review HTML atomically; an existing file is replaced only with ``force``."""
    data = render_review_html(report, langs, stem=stem).encode("utf-8", errors="replace")
    atomic_write_bytes(Path(path), data, force=force)
    return Path(path)
