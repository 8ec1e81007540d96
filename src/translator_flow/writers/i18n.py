"""The review interface in the editor's language: gettext catalogs managed by Babel.

Every label, legend line, note and column header of the review DOCX and HTML is an
English gettext message; ``locale/<lang>/LC_MESSAGES/translator_flow.po`` translates it
into Belarusian and Russian (English needs no catalog: the messages are English). The
``.po`` files are edited by people and compiled into the ``.mo`` files read here with
``make catalogs`` (``pybabel compile``); ``make messages`` re-extracts the messages after a
code change (``pybabel extract`` + ``update``). ``tests/test_ui_catalogs.py`` fails when a
message lacks a translation in any catalog or a ``.mo`` is older than its ``.po``.

Catalogs are read on first use (never at import time) with the standard library's
:mod:`gettext`; Babel is needed only to extract and compile.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import OutputError
from ..model import UI_LANGUAGES, Message

DOMAIN = "translator_flow"
LOCALE_DIR = Path(__file__).parent / "locale"


def N_(message: str) -> str:
    """Mark ``message`` for extraction; it is translated where it is shown."""
    return message


@dataclass(frozen=True)
class UiText:
    """The messages of one interface language: call it like ``_("Legend")``."""

    lang: str
    translations: gettext.NullTranslations

    def __call__(self, msgid: str, /, **values: Any) -> str:
        """``msgid`` in this language, with ``{name}`` placeholders filled from ``values``."""
        text = self.translations.gettext(msgid)
        return text.format(**values) if values else text

    def ngettext(self, singular: str, plural: str, n: int, /, **values: Any) -> str:
        """The plural form for ``n`` (Belarusian and Russian have three), ``{n}`` filled in."""
        return self.translations.ngettext(singular, plural, n).format(n=n, **values)


def catalog_path(lang: str, suffix: str = ".mo") -> Path:
    """Where the compiled (``.mo``) or editable (``.po``) catalog of ``lang`` lives."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


@lru_cache(maxsize=len(UI_LANGUAGES))
def ui_text(lang: str) -> UiText:
    """The interface messages of ``lang`` (one of ``UI_LANGUAGES``); read once per process."""
    if lang not in UI_LANGUAGES:
        raise OutputError(f"No review interface in {lang!r}; use --ui-lang with one of {', '.join(UI_LANGUAGES)}.")
    if lang == "en":
        return UiText(lang, gettext.NullTranslations())
    path = catalog_path(lang)
    try:
        with path.open("rb") as handle:
            return UiText(lang, gettext.GNUTranslations(handle))
    except OSError:
        raise OutputError(f"The {lang} interface catalog {path} is missing; run `make catalogs` "
                          "(pybabel compile) or choose --ui-lang en.") from None


def variants(message: str) -> tuple[str, ...]:
    """``message`` in every interface language (English first): what a reader of our files accepts."""
    return tuple(dict.fromkeys(ui_text(lang)(message) for lang in UI_LANGUAGES))



def message_text(_: UiText, message: str) -> str:
    """A message in the interface language: a :class:`Message` is translated (with its nested
    Messages, its plural form, or the translation its data gave); a plain string (a word, or
    a message read back from JSON) stays as it is. Translate *before* any ``strip``, slice or
    concatenation: those return a plain ``str`` and lose the template."""
    if not isinstance(message, Message):
        return message
    if message.given:
        return message.given.get(_.lang, str(message))
    values = {k: message_text(_, v) for k, v in message.params.items()}
    if message.number is not None:
        return _.ngettext(message.template, message.plural, message.number, **values)
    return _(message.template, **values)
