"""Site chrome: the parts of a copied web page that are not the release.

Breadcrumbs («- Главная», «- Все новости», «- <title>»), share bars, "print" links and
view counters survive copy-paste into .txt and .docx, and sit inside the content area of
many HTML pages. They must not be translated or published. Rules are conservative: a
block is dropped only when its whole text is chrome, so a sentence is never lost.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .structure import RawBlock

#: First items of a breadcrumb trail on Russian (and Belarusian) government sites.
NAV_WORDS = frozenset(
    w.casefold()
    for w in (
        "Главная", "Главная страница", "На главную", "Новости", "Все новости", "Лента новостей",
        "Пресс-центр", "Пресс-служба", "Пресс-релизы", "Медиацентр", "События", "Home", "News",
        "Галоўная", "Навіны",
    )
)

#: Whole-block texts that are page furniture, never release text (compared case-folded,
#: without trailing colon).
CHROME_LINES = frozenset(
    w.casefold()
    for w in (
        "Поделиться", "Поделиться в соцсетях", "Поделиться в социальных сетях", "Поделитесь",
        "Версия для печати", "Распечатать", "Печать", "Вернуться к списку",
        "Вернуться к списку новостей", "Назад к списку", "Назад", "Все новости",
        "Подписаться", "Подписывайтесь", "Читать также", "Читайте также", "Другие новости",
        "Share", "Print", "Tweet", "Back",
    )
)

#: Names that make up a share bar when a block contains nothing else.
SOCIAL = frozenset(
    w.casefold()
    for w in (
        "ВКонтакте", "ВК", "VK", "Одноклассники", "ОК", "OK", "Telegram", "Телеграм", "WhatsApp",
        "Viber", "Facebook", "Twitter", "X", "Мой", "Мир", "Моймир", "Email", "E-mail", "Почта",
        "Скопировать", "ссылку", "Копировать", "LiveJournal", "Дзен", "Rutube", "YouTube",
    )
)

_VIEWS = re.compile(r"^(просмотров|просмотры|просмотрено|views)\s*:?\s*\d[\d\s]*$", re.I)
_TAGS = re.compile(r"^(теги|метки|tags|рубрики?)\s*:", re.I)
_ONE_LINE_CRUMB = re.compile(r"^(главная|главная страница|home)\s*([/>›»|→•]|\s-\s)", re.I)

#: Class/id tokens of HTML containers that hold chrome (matched as whole words).
CHROME_CLASS = re.compile(
    r"(?:^|[\s_-])(breadcrumbs?|crumbs|share|sharing|social|socials|likes?|menu|navbar|nav|"
    r"sidebar|cookies?|subscribe|subscription|related|comments?|pagination|pager|tags|"
    r"print|banner|advert|ads|promo|modal|popup|toolbar|skip-link|"
    # footers, widget columns and teaser feeds of common CMS themes (Bitrix news-list,
    # WordPress widget-area, Drupal views, Joomla latestnews, Tilda t-feed / t-cookie)
    r"footer|copyright|masthead|widgets?|widget-area|news-list|latestnews(?:-item)?|feed|views|"
    r"teasers?|cookiesaccept|cookie-notice|icons)(?:$|[\s_-])",
    re.I,
)


def is_chrome_text(text: str) -> bool:
    """True if a whole block is page furniture (share bar, print link, view counter)."""
    t = re.sub(r"\s+", " ", text).strip().rstrip(":").strip()
    if not t:
        return True
    key = t.casefold()
    if key in CHROME_LINES or _VIEWS.match(t) or _TAGS.match(t):
        return True
    words = re.findall(r"[\w-]+", key)
    return bool(words) and len(words) <= 12 and all(w in SOCIAL for w in words) and len(words) >= 2


def drop_chrome_blocks(blocks: list[RawBlock]) -> list[RawBlock]:
    """Remove blocks whose whole text is chrome, and a one-line breadcrumb at the top."""
    kept = [b for b in blocks if not is_chrome_text(b.text)]
    if kept and _ONE_LINE_CRUMB.match(kept[0].text.strip()):
        kept = kept[1:]
    return kept


def drop_breadcrumbs(blocks: list[RawBlock]) -> tuple[list[RawBlock], str | None]:
    """Remove a breadcrumb trail at the top; returns the blocks and the trail's last
    item when that item is the page title (it is repeated right below as the headline).

    A trail is the run of list items before any other block, recognised when it starts
    with a navigation word («Главная», «Новости») or when its last item is repeated as
    the next block. A real list at the top of a release has neither property.
    """
    n = 0
    while n < len(blocks) and blocks[n].kind == "list_item":
        n += 1
    if n == 0:
        return blocks, None
    items = [re.sub(r"\s+", " ", b.text).strip() for b in blocks[:n]]
    nxt = blocks[n].text.strip() if n < len(blocks) else None
    repeated = nxt is not None and nxt.casefold() == items[-1].casefold()
    if not (items[0].casefold().rstrip(":") in NAV_WORDS or repeated):
        return blocks, None
    last = items[-1]
    title = last if (repeated or last.casefold() not in NAV_WORDS) else None
    return blocks[n:], title
