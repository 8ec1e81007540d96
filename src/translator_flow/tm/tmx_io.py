"""Read and write one language pair of the memory as TMX 1.4b (translate-toolkit's store).

Layout of one unit::

    <tu srclang="ru" creationdate="20250314T101500Z">
      <prop type="x-release">2025-03-14-minsk</prop>
      <prop type="x-mt-draft">the machine draft the editor replaced</prop>
      <prop type="x-approval">Status «✔» in 2025-03-14-minsk.be.review.docx, 2025-03-14</prop>
      <tuv xml:lang="ru"><seg>…</seg></tuv>
      <tuv xml:lang="be"><seg>…</seg></tuv>
    </tu>

``x-`` prop types are the TMX 1.4b way to carry tool data; other TMX tools keep or ignore
them. Known limit: units are rewritten from our model on save, so notes or props another
tool added to a unit are not kept.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable
from datetime import datetime, UTC
from pathlib import Path

from ..errors import TranslatorFlowError
from .memory import TMUnit

SOURCE_LANG = "ru"
_DATE = "%Y%m%dT%H%M%SZ"  # TMX 1.4b dates: ISO 8601 basic format, UTC
PROP_RELEASE = "x-release"
PROP_MT_DRAFT = "x-mt-draft"
PROP_APPROVAL = "x-approval"


class TMError(TranslatorFlowError):
    """A translation-memory file cannot be read or written."""

    exit_code = 4


def format_date(value: datetime) -> str:
    """A datetime as a TMX date (UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime(_DATE)


def parse_date(text: str | None) -> datetime:
    """A TMX date as an aware UTC datetime; the epoch when absent or malformed."""
    if text:
        try:
            return datetime.strptime(text, _DATE).replace(tzinfo=UTC)
        except ValueError:
            pass
    return datetime.fromtimestamp(0, UTC)


def _base(lang: str | None) -> str:
    return (lang or "").split("-")[0].split("_")[0].lower()


def read_tmx(path: Path, lang: str) -> list[TMUnit]:
    """Every ru→``lang`` pair in a TMX file, with date, release and MT draft when present."""
    from translate.misc.xml_helpers import getXMLlang
    from translate.storage.tmx import tmxfile

    try:
        with open(path, "rb") as handle:
            store = tmxfile(handle, sourcelanguage=SOURCE_LANG, targetlanguage=lang)
    except Exception as exc:  # lxml and translate-toolkit raise many kinds
        raise TMError(
            f"{path} is not a readable TMX file ({exc}). Fix or move it away; "
            "translator-flow will start a new memory in its place."
        ) from exc
    units: list[TMUnit] = []
    for tu in store.units:
        texts: dict[str, str] = {}
        for node in tu.getlanguageNodes():
            text = tu.getNodeText(node)
            if text:
                texts.setdefault(_base(getXMLlang(node)), text)
        source, target = texts.get(SOURCE_LANG), texts.get(_base(lang))
        if not source or not target:
            continue
        element = tu.xmlelement
        props = {p.get("type"): (p.text or "") for p in element.iterchildren(tu.namespaced("prop"))}
        units.append(
            TMUnit(
                source=source,
                target=target,
                lang=lang,
                date=parse_date(element.get("changedate") or element.get("creationdate")),
                release=props.get(PROP_RELEASE, ""),
                mt_draft=props.get(PROP_MT_DRAFT, ""),
                approval=props.get(PROP_APPROVAL, ""),
            )
        )
    return units


def write_tmx(path: Path, units: Iterable[TMUnit], lang: str) -> None:
    """Write ru→``lang`` units as TMX 1.4b, atomically (a crash never leaves half a file)."""
    from lxml import etree
    from translate.storage.tmx import tmxfile

    from .. import __version__

    store = tmxfile(sourcelanguage=SOURCE_LANG, targetlanguage=lang)
    header = store.document.getroot().find(store.namespaced("header"))
    header.set("creationtool", "translator-flow")
    header.set("creationtoolversion", __version__)
    header.set("creationdate", format_date(datetime.now(UTC)))
    for unit in units:
        tu = store.addsourceunit(unit.source, SOURCE_LANG)
        tu.settarget(unit.target, lang, append=True)
        element = tu.xmlelement
        element.set("creationdate", format_date(unit.date))
        first_tuv = element.find(tu.namespaced("tuv"))
        for kind, value in ((PROP_RELEASE, unit.release), (PROP_MT_DRAFT, unit.mt_draft),
                            (PROP_APPROVAL, unit.approval)):
            if value:
                prop = etree.Element(tu.namespaced("prop"), type=kind)
                prop.text = value
                first_tuv.addprevious(prop)  # TMX DTD: (note|prop)* before tuv+
    path.parent.mkdir(parents=True, exist_ok=True)
    # Not mkstemp: its 0600 would make a shared memory unreadable to colleagues. Mode 0666
    # through the umask, as any file the user creates; O_EXCL never follows a planted file.
    tmp = str(path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp"))
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            store.serialize(handle)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
