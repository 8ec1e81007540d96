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
from .common import PALETTE, SEVERITY_ORDER, SOURCE_LANG, Piece, bidi_token, clean_text, split_bidi
from .labels import check_label, issue_comment, legend, severity_label, untranslated_mark
from .review_view import ReviewView, build_review_view

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


def render_review_html(report: RunReport, langs: list[str], *, stem: str, ui_lang: str = "en") -> str:
    """Build the review HTML for ``langs`` (one language, or several side by side), worded in
    the interface language ``ui_lang``."""
    return render_view_html(build_review_view(report, langs, ui_lang), stem=stem)


def _panels(view: ReviewView, lang_tok: dict[str, str]) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """The issue panel of each language and the filters (anchor id, row class) its links use."""
    _ = view.ui
    filters: list[tuple[str, str]] = [("f-attention", "attn")]
    panels = []
    for lang in view.langs:
        rows = []
        totals = dict.fromkeys(SEVERITY_ORDER, 0)
        for count in view.lang_counts(lang):
            base = f"{lang_tok[lang]}-c-{css_token(count.check)}"
            cells = []
            for sev in SEVERITY_ORDER:
                totals[sev] += count.counts[sev]
                cells.append({"n": count.counts[sev], "filter": f"f-{base}-{sev}"})
                filters.append((f"f-{base}-{sev}", f"q-{base}-{sev}"))
            filters.append((f"f-{base}", f"q-{base}"))
            rows.append({"check": count.check, "label": check_label(_, count.check), "cells": cells,
                         "total": count.total, "filter": f"f-{base}"})
        sev_filters = []
        for sev in SEVERITY_ORDER:
            fid = f"f-{lang_tok[lang]}-s-{sev}"
            filters.append((fid, f"q-{lang_tok[lang]}-s-{sev}"))
            sev_filters.append({"n": totals[sev], "filter": fid})
        total = sum(totals.values())
        panels.append({"lang": lang, "rows": rows, "totals": sev_filters, "sum": total,
                       "sum_text": _.ngettext("{n} finding", "{n} findings", total)})
    return panels, filters


def render_view_html(view: ReviewView, *, stem: str) -> str:
    """Render a review view as the self-contained review page."""
    _ = view.ui
    lang_tok = {lang: css_token(lang) for lang in view.langs}
    panels, filters = _panels(view, lang_tok)
    segments = []
    for row in view.rows:
        classes = ["seg"]
        if row.attention:
            classes += ["attn", f"w-{row.attention}"]
        cells, notes = [], []
        for draft in row.drafts:
            lang = draft.lang
            for _key, issue in draft.issues:
                base = f"{lang_tok[lang]}-c-{css_token(issue.check)}"
                classes += [f"q-{base}", f"q-{base}-{issue.severity}", f"q-{lang_tok[lang]}-s-{issue.severity}"]
            cells.append({"lang": lang, "untranslated": draft.untranslated, "html": pieces_html(draft.pieces())})
            notes += [{"lang": lang, "kind": n.kind, "severity": n.severity, "text": n.text} for n in draft.notes]
        segments.append({
            "number": row.number,
            "id": row.segment.id,
            "anchor": dom_id(row.segment.id),
            "kind": row.kind,
            "classes": " ".join(dict.fromkeys(classes)),
            "source": pieces_html(list(row.source_pieces)),
            "drafts": cells,
            "notes": notes,
        })
    langs = list(view.langs)
    return render_template(
        "review.html.j2",
        csp=CSP,
        generator=view.generator,
        title=view.title,
        stem=stem,
        langs=langs,
        source_lang=SOURCE_LANG,
        meta=view.meta,
        signatures=list(view.signatures),
        unavailable=list(view.unavailable),
        source_warnings=list(view.source_warnings),
        panels=panels,
        attention=[(seg_id, dom_id(seg_id), sev) for seg_id, sev in view.attention],
        orphans=[{"lang": i.lang, "severity": i.severity, "text": clean_text(issue_comment(_, i))}
                 for _key, i in view.orphans],
        filters=list(dict.fromkeys(filters)),
        segments=segments,
        untranslated_mark=untranslated_mark(_),
        combined=view.combined,
        _=_,
        ui_lang=_.lang,
        palette=list(PALETTE.items()),
        legend=[(" ".join(f"hl-{c}" for c in sorted(classes)), sample, meaning) for classes, sample, meaning in legend(_)],
        severity_labels=[severity_label(_, s) for s in SEVERITY_ORDER],
        n_segments_text=_.ngettext("{n} segment", "{n} segments", len(view.rows)),
        summary_line=" · ".join([
            _.ngettext("{n} segment", "{n} segments", len(view.rows)),
            _.ngettext("{n} finding", "{n} findings", view.total_findings),
            _.ngettext("{n} segment needs attention", "{n} segments need attention", len(view.attention)),
        ]),
    )


def write_review_html(report: RunReport, langs: list[str], path: Path, *, stem: str, force: bool = False,
                      ui_lang: str = "en") -> Path:
    """Write the review HTML atomically; an existing file is replaced only with ``force``."""
    data = render_review_html(report, langs, stem=stem, ui_lang=ui_lang).encode("utf-8", errors="replace")
    atomic_write_bytes(Path(path), data, force=force)
    return Path(path)
