"""Publishable drafts: the release structure in the target language, without review marks.

Title, lead, paragraphs, quotes, headings and list items keep their kinds (Word styles
Title / bold lead / Quote / Heading 2 / List Bullet; HTML h1 / p.lead / blockquote / h2 /
ul). A segment without a draft appears as ``[NOT TRANSLATED: source]`` in red (HTML:
``<mark class="untranslated">``), so a release can never go out with hidden Russian text.
That placeholder and the «NOT FINAL» line are worded in the run's interface language
(``ui_lang``: translate's ``--ui-lang``; finalize uses the language of the reviewed file).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..model import RunReport
from .atomic import atomic_write_bytes
from .common import (
    LANG_TAGS,
    UNTRANSLATED_PUBLISH,
    clean_text,
    publish_block_parts,
    segments_by_block,
    signature_line,
    targets_by_id,
)
from .docx_util import RED, DocxBuilder
from .i18n import UiText, ui_text

#: Word paragraph style per block kind (lead: Normal with bold runs).
DOCX_STYLES = {"title": "Title", "heading": "Heading 2", "quote": "Quote", "list_item": "List Bullet",
               "lead": "Normal", "paragraph": "Normal"}
PUBLISH_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; base-uri 'none'"


def _blocks(report: RunReport, lang: str, _: UiText) -> list[tuple[str, list[tuple[str, bool]]]]:
    """(kind, parts) of every block that has something to publish, in reading order."""
    by_block = segments_by_block(report)
    drafts = targets_by_id(report.translations[lang])
    placeholder = _(UNTRANSLATED_PUBLISH, source="{source}")
    out: list[tuple[str, list[tuple[str, bool]]]] = []
    for block in report.document.blocks:
        parts = publish_block_parts(block, by_block.get(block.index, []), drafts, placeholder)
        if "".join(t for t, _ in parts).strip():
            out.append((block.kind, parts))
    return out


def not_final_notice(report: RunReport, lang: str, ui_lang: str = "en") -> str:
    """The warning a release written with unapproved rows carries on its first line ("" when
    final), in the interface language ``ui_lang``.

    finalize writes such rows only with ``--allow-unapproved``; the published files must say
    so, not only the JSON.
    """
    _ = ui_text(ui_lang)
    ids = [t.segment_id for t in report.translations[lang].targets if t.status == "needs-review"]
    if not ids:
        return ""
    shown = ", ".join(ids[:12])
    if len(ids) > 12:
        shown = _("{items} and {n} more", items=shown, n=len(ids) - 12)
    return _.ngettext("NOT FINAL: {n} segment is not approved or has blocking findings ({shown}); remove this "
                      "line only after it is reviewed.",
                      "NOT FINAL: {n} segments are not approved or have blocking findings ({shown}); remove this "
                      "line only after they are reviewed.", len(ids), shown=shown)


def _title(blocks: list[tuple[str, list[tuple[str, bool]]]]) -> str:
    for kind, parts in blocks:
        if kind == "title":
            return "".join(t for t, _ in parts).strip()
    return ""


def render_publish_docx(report: RunReport, lang: str, ui_lang: str = "en") -> bytes:
    """Build the publishable DOCX draft of one language as bytes (placeholders worded in ``ui_lang``)."""
    doc = DocxBuilder(landscape=False, font_size=11)
    blocks = _blocks(report, lang, ui_text(ui_lang))
    notice = not_final_notice(report, lang, ui_lang)
    if notice:
        doc.run(doc.paragraph(), notice, bold=True, color=RED)
    for kind, parts in blocks:
        paragraph = doc.paragraph(style=DOCX_STYLES.get(kind, "Normal"))
        for text, untranslated in parts:
            doc.run(paragraph, text, lang=lang, bold=kind == "lead" or untranslated,
                    color=RED if untranslated else None)
    sig = signature_line(report, [lang])
    return doc.to_bytes(
        title=_title(blocks) or report.document.meta.title or "",
        subject=sig,
        keywords=f"translator-flow, draft, {lang}",
        comments=f"Machine-translated draft produced by translator-flow; review before publishing. {sig}",
        identifier="translator-flow-draft",
        category=f"draft:{lang}",
        author="translator-flow",
        last_modified_by="translator-flow",
        version=report.translations[lang].signature.tool_version,
        language=LANG_TAGS.get(lang, lang),
    )


def _parts_html(parts: list[tuple[str, bool]]) -> Markup:
    return Markup("").join(
        Markup('<mark class="untranslated">{}</mark>').format(text) if untranslated else Markup("{}").format(text)
        for text, untranslated in parts
    )


def render_publish_html(report: RunReport, lang: str, ui_lang: str = "en") -> str:
    """Build the publishable HTML draft of one language (self-contained, no script; placeholders
    worded in ``ui_lang``)."""
    from .review_html import render_template

    items: list[dict[str, Any]] = []
    blocks = _blocks(report, lang, ui_text(ui_lang))
    for kind, parts in blocks:
        parts = [(clean_text(t), u) for t, u in parts]
        if kind == "list_item":
            if not items or items[-1]["kind"] != "list":
                items.append({"kind": "list", "entries": []})
            items[-1]["entries"].append(_parts_html(parts))
        else:
            items.append({"kind": kind, "html": _parts_html(parts)})
    return render_template(
        "publish.html.j2",
        lang=lang,
        csp=PUBLISH_CSP,
        generator=signature_line(report, [lang]),
        title=_title(blocks) or report.document.meta.title or "",
        items=items,
        notice=not_final_notice(report, lang, ui_lang),
    )


def write_publish_docx(report: RunReport, lang: str, path: Path, *, force: bool = False, ui_lang: str = "en") -> Path:
    """Write the publishable DOCX atomically; an existing file is replaced only with ``force``."""
    atomic_write_bytes(Path(path), render_publish_docx(report, lang, ui_lang), force=force)
    return Path(path)


def write_publish_html(report: RunReport, lang: str, path: Path, *, force: bool = False, ui_lang: str = "en") -> Path:
    """Write the publishable HTML atomically; an existing file is replaced only with ``force``."""
    atomic_write_bytes(Path(path), render_publish_html(report, lang, ui_lang).encode("utf-8", errors="replace"),
                       force=force)
    return Path(path)
