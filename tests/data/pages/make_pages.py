"""Writes the page-template corpus: 5 CMS layouts x 5 body shapes, each page with a
sidecar .json declaring its release sentences and its chrome strings.

The pages imitate Bitrix, WordPress, Drupal, Joomla and Tilda markup (class names,
nesting) with text written for this corpus. Re-run after editing: python make_pages.py
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent

CHROME = {
    "menu": ["О министерстве", "Структура ведомства", "Документы и приказы", "Контакты приёмной"],
    "crumb": "Главная",
    "teasers": [
        "В районе открылась новая поликлиника для взрослых и детей.",
        "Аграрии завершили посевную кампанию раньше прошлогоднего срока.",
        "Школьники победили на областной олимпиаде по физике и химии.",
        "На трассе М-4 начался плановый ремонт дорожного покрытия.",
    ],
    "cookie": "Мы используем файлы cookie, чтобы сайт работал лучше. Продолжая просмотр, вы соглашаетесь с этим.",
    "footer": "220030, г. Минск, ул. Примерная, 11. Телефон приёмной: 8 (017) 000-00-00.",
    "copyright": "© 2026 Пресс-служба областного исполнительного комитета. Все права защищены.",
    "share": "Поделиться",
    "related": "Читайте также",
    "subscribe": "Подпишитесь на рассылку новостей министерства, чтобы узнавать обо всём первыми.",
}

TITLE = "В области подвели итоги программы «Чистая вода» за {n} год"
LEAD = "Специалисты подключили к водопроводу ещё {k} деревень, рассказали в управлении."
BODY = [
    "Работы шли с марта по ноябрь и обошлись бюджету в {m} миллиона рублей.",
    "По словам начальника управления, качество воды проверяли в каждой точке подключения.",
    "Жители отдалённых деревень раньше возили питьевую воду из соседних посёлков.",
    "В следующем году программа охватит ещё два района на севере области.",
]
FACT = "Справка: программа действует с {y} года и финансируется из местного бюджета."
PRE = "График отключений: 12 мая с 9:00 до 13:00, улица Садовая, дома 1–15."
QUOTE = "«Мы будем продолжать эту работу, пока вода не придёт в каждый дом», — отметил он."


def _sentences(i: int) -> tuple[str, str, list[str], str, str]:
    t = TITLE.format(n=2020 + i % 6)
    lead = LEAD.format(k=10 + i)
    body = [s.format(m=2 + i) for s in BODY]
    return t, lead, body, FACT.format(y=2010 + i % 9), PRE


def _body(shape: str, i: int) -> tuple[str, list[str]]:
    t, lead, body, fact, pre = _sentences(i)
    release = [t, lead, *body]
    if shape == "p":
        html = f'<h1>{t}</h1><p class="lead">{lead}</p>' + "".join(f"<p>{s}</p>" for s in body) + f"<blockquote>{QUOTE}</blockquote>"
        release.append(QUOTE)
    elif shape == "div":
        html = f'<h1>{t}</h1><div class="lead">{lead}</div>' + "".join(f'<div class="text">{s}</div>' for s in body)
    elif shape == "br":
        html = f"<h1>{t}</h1>{lead}<br><br>" + "<br><br>".join(body) + "<br>"
    elif shape == "header":
        html = (f"<header><h1>{t}</h1><p class=\"news-date\">12.05.2026</p><p>{lead}</p></header>"
                + "".join(f"<p>{s}</p>" for s in body) + f'<aside class="fact-box"><p>{fact}</p></aside>')
        release.append(fact)
    else:  # "pre": preformatted notice inside the body, article marked "post social"
        html = f"<h1>{t}</h1><p>{lead}</p>" + "".join(f"<p>{s}</p>" for s in body[:2]) + f"<pre>{pre}</pre>" + "".join(f"<p>{s}</p>" for s in body[2:])
        release.append(pre)
    return html, release


def _teasers(tag: str = "div", cls: str = "news-item") -> str:
    return "".join(f'<{tag} class="{cls}"><a href="/news/{n}">Новость {n}</a><p>{s}</p></{tag}>' for n, s in enumerate(CHROME["teasers"]))


def _menu() -> str:
    return "<ul>" + "".join(f'<li><a href="/m{n}">{m}</a></li>' for n, m in enumerate(CHROME["menu"])) + "</ul>"


def bitrix(body: str, shape: str) -> str:
    art_cls = "post social" if shape == "pre" else "news-detail"
    return (f'<div id="bx-panel"></div><div class="header"><div class="top-menu">{_menu()}</div></div>'
            f'<div class="bx-breadcrumb"><a href="/">{CHROME["crumb"]}</a> / <a href="/news/">Новости</a></div>'
            f'<div class="workarea"><div class="{art_cls}">{body}<div class="news-detail-share">{CHROME["share"]}: ВКонтакте Telegram</div></div>'
            f'<div class="news-list"><h3>{CHROME["related"]}</h3>{_teasers()}</div></div>'
            f'<div class="footer"><p>{CHROME["footer"]}</p><p>{CHROME["copyright"]}</p></div>'
            f'<div class="cookie-warning"><p>{CHROME["cookie"]}</p></div>')


def wordpress(body: str, shape: str) -> str:
    art_cls = "post social" if shape == "pre" else "post type-post hentry"
    return (f'<header id="masthead" class="site-header"><nav class="main-navigation">{_menu()}</nav></header>'
            f'<div id="content" class="site-content"><main id="main"><article class="{art_cls}">'
            f'<div class="entry-content">{body}</div><div class="sharedaddy">{CHROME["share"]} Facebook Twitter</div></article>'
            f'<section class="related-posts"><h2>{CHROME["related"]}</h2>{_teasers("article", "post teaser")}</section></main>'
            f'<div id="secondary" class="widget-area"><section class="widget"><p>{CHROME["subscribe"]}</p></section></div></div>'
            f'<footer class="site-footer"><p>{CHROME["footer"]}</p><p>{CHROME["copyright"]}</p></footer>'
            f'<div id="cookie-notice"><p>{CHROME["cookie"]}</p></div>')


def drupal(body: str, shape: str) -> str:
    art_cls = "post social" if shape == "pre" else "node node--type-news"
    return (f'<div class="region region-header"><div class="block-system-menu-block">{_menu()}</div></div>'
            f'<div class="region region-breadcrumb"><ol><li><a href="/">{CHROME["crumb"]}</a></li><li>Пресс-центр</li></ol></div>'
            f'<div class="layout-content"><div class="{art_cls}"><div class="field field--name-body">{body}</div></div>'
            f'<div class="views-element-container"><div class="view-content">{_teasers("div", "views-row")}</div></div></div>'
            f'<div class="region region-footer"><div class="block"><p>{CHROME["footer"]}</p><p>{CHROME["copyright"]}</p></div></div>'
            f'<div class="eu-cookie-compliance-banner"><p>{CHROME["cookie"]}</p></div>')


def joomla(body: str, shape: str) -> str:
    art_cls = "post social" if shape == "pre" else "item-page"
    return (f'<div class="moduletable_menu">{_menu()}</div>'
            f'<ul class="breadcrumb"><li><a href="/">{CHROME["crumb"]}</a></li><li>Новости</li></ul>'
            f'<div class="row"><div class="span9"><div class="{art_cls}" itemscope>'
            f'<div itemprop="articleBody">{body}</div><div class="icons"><a href="?print=1">Печать</a></div></div></div>'
            f'<div class="span3"><div class="moduletable"><h3>Последние новости</h3>{_teasers("div", "latestnews-item")}</div>'
            f'<div class="moduletable"><p>{CHROME["subscribe"]}</p></div></div></div>'
            f'<div id="footer"><p>{CHROME["footer"]}</p><p>{CHROME["copyright"]}</p></div>'
            f'<div class="cookiesaccept"><p>{CHROME["cookie"]}</p></div>')


def tilda(body: str, shape: str) -> str:
    art_cls = "post social" if shape == "pre" else "t-container"
    return (f'<div class="t228 t-menu__wrapper">{_menu()}</div>'
            f'<div class="t-records"><div class="t-rec"><div class="t-feed">{_teasers("div", "t-feed__post")}</div></div>'
            f'<div class="t-rec"><div class="{art_cls}"><div class="t-text">{body}</div></div></div>'
            f'<div class="t-rec"><div class="t-share">{CHROME["share"]}: Telegram WhatsApp</div></div>'
            f'<div class="t-rec t-footer"><div class="t-text">{CHROME["footer"]}<br>{CHROME["copyright"]}</div></div></div>'
            f'<div class="t-cookie"><div class="t-text">{CHROME["cookie"]}</div></div>')


LAYOUTS = {"bitrix": bitrix, "wordpress": wordpress, "drupal": drupal, "joomla": joomla, "tilda": tilda}
SHAPES = ["p", "div", "br", "header", "pre"]


def main() -> None:
    i = 0
    for cms, layout in LAYOUTS.items():
        for shape in SHAPES:
            i += 1
            body, release = _body(shape, i)
            page = (f'<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Новости | {cms}</title></head>'
                    f"<body>{layout(body, shape)}</body></html>\n")
            name = f"{cms}-{shape}"
            (HERE / f"{name}.html").write_text(page, encoding="utf-8")
            chrome = [*CHROME["menu"], *CHROME["teasers"], CHROME["cookie"], CHROME["footer"], CHROME["copyright"]]
            if cms in ("wordpress", "joomla"):
                chrome.append(CHROME["subscribe"])
            (HERE / f"{name}.json").write_text(json.dumps({"release": release, "chrome": chrome}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
