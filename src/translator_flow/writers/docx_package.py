"""DOCX packages from a template built once per process; a render writes only what changes.

Why: python-docx opens its 900 KB default template for every ``Document()`` (two 438 KB
style parts) and deflates all of it again on every save — about 13 ms per file, more than
the whole writing budget of a release in a batch (issue 7). Here python-docx builds the
template once per layout (page size and margins, Normal font, with or without a comments
part), the parts that never change are zipped once, and each render appends only
``word/document.xml``, ``word/comments.xml`` and ``docProps/core.xml`` to a copy of those
bytes. The package is otherwise exactly what python-docx would save.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from functools import lru_cache

from .common import clean_text

DOCUMENT = "word/document.xml"
COMMENTS = "word/comments.xml"
CORE = "docProps/core.xml"
#: Parts a render writes itself; everything else comes from the template as it is.
RENDERED = (DOCUMENT, COMMENTS, CORE)
MARGIN_CM = 1.5


@dataclass(frozen=True)
class Template:
    """One page layout of the default template, ready to be filled.

    ``static_zip``: every part except :data:`RENDERED`, already deflated; ``document``,
    ``comments`` (None without a comments part) and ``core``: those parts as the template
    has them; ``style_ids``: style name → id for the styles the writers use;
    ``width_cm``: the text width (page minus margins).
    """

    static_zip: bytes
    document: bytes
    comments: bytes | None
    core: bytes
    style_ids: dict[str, str | None]
    width_cm: float


#: Paragraph and table styles the writers use (names as Word shows them).
STYLE_NAMES = ("Normal", "Title", "Heading 2", "Quote", "List Bullet", "Table Grid")


@lru_cache(maxsize=8)
def template(*, landscape: bool, font_size: float, comments: bool) -> Template:
    """The template for a layout: A4, 1.5 cm margins, Arial ``font_size`` pt (cached)."""
    from docx import Document as new_document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    doc = new_document()
    section = doc.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    else:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"  # LibreOffice maps it to the metric-compatible Liberation Sans
    normal.font.size = Pt(font_size)
    if comments:
        doc.comments  # noqa: B018  (creates the comments part, its relationship and content type)
    # Every margin was just set, and the default section has a page width.
    width_cm = (section.page_width - section.left_margin - section.right_margin) / 360000  # type: ignore[operator]
    # python-docx resolves a default style to "no style element"; keep that (None).
    default = doc.styles.default(doc.styles["Normal"].type)
    style_ids = {name: None if doc.styles[name] == default else doc.styles[name].style_id for name in STYLE_NAMES}

    saved = io.BytesIO()
    doc.save(saved)
    parts: dict[str, bytes] = {}
    static = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(static, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename in RENDERED:
                parts[info.filename] = data
            else:
                target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return Template(static.getvalue(), parts[DOCUMENT], parts.get(COMMENTS), parts[CORE], style_ids, width_cm)


def core_xml(template_core: bytes, values: dict[str, str]) -> bytes:
    """The core-properties part with ``values`` set (python-docx names: title, comments, …).

    ``comments`` may exceed python-docx's 255-character limit: OPC does not limit
    dc:description, so the long value goes to the element directly (LibreOffice was
    verified to keep it through a DOCX → DOCX conversion). Other values are cut at 255.
    """
    from docx.opc.coreprops import CoreProperties
    from docx.oxml.parser import parse_xml
    from lxml import etree

    element = parse_xml(template_core)
    props = CoreProperties(element)
    for name, value in values.items():
        value = clean_text(value)
        if name == "comments" and len(value) > 255:
            element._get_or_add("description").text = value
        else:
            setattr(props, name, value[:255])
    return etree.tostring(element, encoding="UTF-8", standalone=True)


def package(base: Template, parts: dict[str, bytes]) -> bytes:
    """The DOCX bytes: the template's static parts plus ``parts`` (name → XML bytes)."""
    buffer = io.BytesIO(base.static_zip)
    # Append mode copies the deflated static parts as they are and adds a new directory.
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return buffer.getvalue()
