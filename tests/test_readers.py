"""Readers: one contract every format passes, then per-format specifics, corpus and samples."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import re
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from translator_flow.readers import READERS, read_document
from translator_flow.segment import segment_document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / "../shared"
SAMPLES = ROOT / "samples"

# --- one logical release, written in each format --------------------------------------

TITLE = "Смоленская область и Республика Беларусь расширяют сотрудничество"
LEAD = (
    "Губернатор Смоленской области В. Анохин 12 марта 2025 года провёл переговоры в Минске. "
    "Стороны обсудили товарооборот и проекты в АПК."
)
QUOTE = "«Мы готовы к работе. Планов много», — подчеркнул губернатор."
PARA_PIECES = (  # (text, bold, href): one sentence over plain, bold and link runs
    ("Соглашение подписали представители ", False, None),
    ("Минского автомобильного завода", True, None),
    (" и областной администрации. Подробности — на ", False, None),
    ("сайте министерства", False, "https://www.example.org/mid"),
    (".", False, None),
)
PARA = "".join(p[0] for p in PARA_PIECES)
HEADING = "Планы на 2026 год"
ITEMS = ("создание сервисного центра;", "обмен делегациями.")
CLOSING = "Дальнейшее сотрудничество обсудят осенью в Смоленске."
EXPECTED = [
    ("title", TITLE), ("lead", LEAD), ("quote", QUOTE), ("paragraph", PARA), ("heading", HEADING),
    ("list_item", ITEMS[0]), ("list_item", ITEMS[1]), ("paragraph", CLOSING),
]
SENTENCES = [TITLE, *re.split(r"(?<=\.) (?=С)", LEAD), QUOTE, *PARA.split(" Подробности", 1)[:1], HEADING, *ITEMS, CLOSING]
CHROME = ("Главная", "Все новости", "Поделиться", "Версия для печати", "Telegram")


def write_txt(path: Path) -> None:
    items = "\n".join(f"- {i}" for i in ITEMS)
    path.write_text(
        f"- Главная\n- Все новости\n- {TITLE}\n{TITLE}\n\n{LEAD}\n\n{QUOTE}\n\n{PARA}\n\n{HEADING}\n\n{items}\n\n"
        f"{CLOSING}\nПоделиться\n",
        encoding="utf-8",
    )


def add_hyperlink(paragraph, text: str, url: str, bold: bool = False) -> None:
    """A real w:hyperlink element (python-docx has no public API for one)."""
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    if bold:
        rpr = OxmlElement("w:rPr")
        rpr.append(OxmlElement("w:b"))
        run.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def add_pieces(paragraph, pieces) -> None:
    for text, bold, href in pieces:
        if href:
            add_hyperlink(paragraph, text, href)
        else:
            paragraph.add_run(text).bold = bold or None


def write_docx(path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Главная / Все новости")
    d.add_paragraph(TITLE, style="Title")
    d.add_paragraph(LEAD)
    d.add_paragraph(QUOTE)
    add_pieces(d.add_paragraph(), PARA_PIECES)
    d.add_paragraph(HEADING, style="Heading 2")
    for item in ITEMS:
        d.add_paragraph(item, style="List Bullet")
    d.add_paragraph(CLOSING)
    d.add_paragraph("Версия для печати")
    d.save(str(path))


def write_html(path: Path) -> None:
    para = "".join(
        f'<a href="{h}">{t}</a>' if h else (f"<strong>{t}</strong>" if b else t) for t, b, h in PARA_PIECES
    )
    items = "".join(f"<li>{i}</li>" for i in ITEMS)
    path.write_text(
        f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{TITLE} | Портал</title>
<script>alert(1)</script></head><body>
<header><nav><a href="/">Главная</a> <a href="/news">Все новости</a></nav></header>
<ul class="breadcrumb"><li>Главная</li><li>Все новости</li></ul>
<article><h1>{TITLE}</h1><p>{LEAD}</p><p>{QUOTE}</p><p>{para}</p><h2>{HEADING}</h2><ul>{items}</ul>
<p>{CLOSING}</p><div class="share">Поделиться: <a href="https://t.me/share">Telegram</a></div></article>
<footer><p>Все права защищены.</p></footer></body></html>""",
        encoding="utf-8",
    )


WRITERS = {"txt": write_txt, "docx": write_docx, "html": write_html}


@pytest.fixture(params=sorted(WRITERS))
def release(request, tmp_path: Path):
    fmt = request.param
    path = tmp_path / f"release.{fmt}"
    WRITERS[fmt](path)
    return fmt, path, read_document(path)


def test_contract_every_format_registered() -> None:
    assert {fmt for fmt, _ in READERS.values()} == set(WRITERS)


def test_contract_blocks_in_order_with_kinds(release) -> None:
    _, _, doc = release
    assert [(b.kind, b.text) for b in doc.blocks] == EXPECTED
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))


def test_contract_title_once(release) -> None:
    _, _, doc = release
    assert [b.text for b in doc.blocks if b.kind == "title"] == [TITLE]
    assert sum(b.text == TITLE for b in doc.blocks) == 1
    assert doc.meta.title == TITLE


def test_contract_no_chrome(release) -> None:
    _, _, doc = release
    for block in doc.blocks:
        assert not any(c in block.text for c in CHROME), block


def test_contract_meta(release) -> None:
    fmt, path, doc = release
    assert doc.meta.format == fmt
    assert doc.meta.source_path == str(path)
    assert doc.meta.source_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    # every format lists the chrome it removed (issue 13), nothing else: nothing goes silently
    assert doc.meta.warnings and all(w.startswith(f"{path}: removed ") for w in doc.meta.warnings)
    said = " ".join(doc.meta.warnings)
    assert "Версия для печати" in said or "Поделиться" in said


def test_contract_every_sentence_segmented(release) -> None:
    _, _, doc = release
    segs = segment_document(doc)
    sources = [s.source for s in segs]
    for sentence in SENTENCES:
        assert sentence in sources
    by_index = {b.index: b for b in doc.blocks}
    for seg in segs:
        assert by_index[seg.block].text[seg.start:seg.end] == seg.source


def test_contract_spans_point_into_text(release) -> None:
    fmt, _, doc = release
    para = next(b for b in doc.blocks if b.text == PARA)
    for span in para.spans:
        assert 0 <= span.start < span.end <= len(para.text)
    styled = {(s.style, para.text[s.start:s.end], s.href) for s in para.spans}
    if fmt == "txt":
        assert styled == set()
    else:
        assert styled == {("bold", "Минского автомобильного завода", None),
                          ("link", "сайте министерства", "https://www.example.org/mid")}


# --- .txt --------------------------------------------------------------------------------


def _read_txt(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "r.txt"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return read_document(path)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "koi8-r", "utf-16", "utf-16-le", "cp866"])
@pytest.mark.parametrize("text", ["Привет, мир", "Смоленская область", "Встреча прошла успешно.\nЁлки и ЪЫЭ."])
def test_txt_short_texts_in_every_encoding(tmp_path: Path, encoding: str, text: str) -> None:
    # short cp1251/KOI8-R texts are where generic detectors guess wrong
    doc = _read_txt(tmp_path, text, encoding)
    assert "\n".join(b.text for b in doc.blocks) == text
    assert doc.meta.encoding is not None


def test_txt_crlf_hard_wrapped_paragraphs_are_joined(tmp_path: Path) -> None:
    text = (
        "Заголовок новости\r\n\r\n"
        "Первая строка длинного абзаца, который автор разбил переносами\r\n"
        "по ширине окна почтовой программы, и вторая его строка.\r\n\r\n"
        "Второй абзац.\r\n"
    )
    doc = _read_txt(tmp_path, text)
    assert [b.kind for b in doc.blocks] == ["title", "lead", "paragraph"]
    assert doc.blocks[1].text.startswith("Первая строка") and doc.blocks[1].text.endswith("вторая его строка.")


def test_txt_line_per_paragraph_and_lists(tmp_path: Path) -> None:
    text = (
        "Итоги года\nПервый абзац.\nВ программе:\n• выставка;\n• форум.\n1. Первый пункт.\n2) Второй пункт.\n"
        "— Мы рады, — сказал гость.\n– Мы тоже, – ответил хозяин.\nПоследний абзац."
    )
    doc = _read_txt(tmp_path, text)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("title", "Итоги года"), ("lead", "Первый абзац."), ("paragraph", "В программе:"),
        ("list_item", "выставка;"), ("list_item", "форум."), ("list_item", "1. Первый пункт."),
        ("list_item", "2) Второй пункт."), ("quote", "— Мы рады, — сказал гость."),
        ("quote", "– Мы тоже, – ответил хозяин."), ("paragraph", "Последний абзац."),
    ]


def test_txt_dash_lists(tmp_path: Path) -> None:
    text = "Заголовок\nВводный абзац.\nЗадачи:\n– развитие торговли;\n– обмен опытом.\n— единичный пункт;\nКонец."
    doc = _read_txt(tmp_path, text)
    assert [(b.kind, b.text) for b in doc.blocks][3:6] == [
        ("list_item", "развитие торговли;"), ("list_item", "обмен опытом."), ("list_item", "единичный пункт;"),
    ]


def test_txt_headings_and_no_title_for_a_long_first_paragraph(tmp_path: Path) -> None:
    first = "Это длинный первый абзац без заголовка. " * 8
    text = f"{first.strip()}\n\nПодробности проекта\n\nВторой абзац с точкой."
    doc = _read_txt(tmp_path, text)
    assert [b.kind for b in doc.blocks] == ["lead", "heading", "paragraph"]
    assert doc.meta.title is None


def test_txt_multi_paragraph_quote(tmp_path: Path) -> None:
    text = "Заголовок\n\nВводный абзац.\n\n«Первая часть цитаты.\n\n«Вторая часть цитаты», — сказал губернатор.\n\nКонец."
    doc = _read_txt(tmp_path, text)
    assert [b.kind for b in doc.blocks] == ["title", "lead", "quote", "quote", "paragraph"]


def test_txt_invisible_characters_removed_nbsp_kept(tmp_path: Path) -> None:
    doc = _read_txt(tmp_path, "Заго\u00adловок\n\nСумма 10\u00a0тыс. руб.\u200b Итог.")
    assert doc.blocks[0].text == "Заголовок"
    assert doc.blocks[1].text == "Сумма 10\u00a0тыс. руб. Итог."


# --- .docx -------------------------------------------------------------------------------


def _save(d, tmp_path: Path, name: str = "r.docx"):
    path = tmp_path / name
    d.save(str(path))
    return read_document(path)


def test_docx_heading1_is_title_when_no_title_style(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_heading("Губернатор встретился с делегацией", level=1)
    d.add_paragraph("Встреча прошла в Смоленске.")
    d.add_heading("Итоги", level=2)
    d.add_paragraph("Стороны подписали соглашение.")
    doc = _save(d, tmp_path)
    assert [b.kind for b in doc.blocks] == ["title", "lead", "heading", "paragraph"]


def test_docx_tables_quotes_numbering_styles(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Заголовок", style="Title")
    d.add_paragraph("Вводный абзац.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Показатель"
    table.cell(0, 1).text = "Значение"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "Объединённая ячейка."
    d.add_paragraph("Цитата со стилем.", style="Quote")
    numbered = d.add_paragraph("Пункт с нумерацией.")
    numbered._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'))
    p = d.add_paragraph()
    p.add_run("Текст с ")
    p.add_run("курсивом").italic = True
    p.add_run(" и ")
    p.add_run("выделением", style="Strong")
    p.add_run(" через\nперенос строки.")
    add_hyperlink(p, " Опасная ссылка.", "javascript:alert(1)")
    doc = _save(d, tmp_path)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("title", "Заголовок"), ("lead", "Вводный абзац."), ("paragraph", "Показатель"), ("paragraph", "Значение"),
        ("paragraph", "Объединённая ячейка."), ("quote", "Цитата со стилем."), ("list_item", "Пункт с нумерацией."),
        ("paragraph", "Текст с курсивом и выделением через перенос строки. Опасная ссылка."),
    ]
    last = doc.blocks[-1]
    assert {(s.style, last.text[s.start:s.end]) for s in last.spans} == {("italic", "курсивом"), ("bold", "выделением")}


def test_docx_text_in_content_controls_and_tracked_insertions_is_kept(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Заголовок", style="Title")
    p = d.add_paragraph("Видимый текст")
    p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="1" w:author="a"><w:r><w:t xml:space="preserve"> и вставка.</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="2" w:author="a"><w:r><w:delText>УДАЛЕНО</w:delText></w:r></w:del>'))
    sdt = parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtContent><w:p><w:r><w:t>Абзац в элементе управления.</w:t></w:r></w:p>'
        "</w:sdtContent></w:sdt>"
    )
    d.element.body.insert(len(d.element.body) - 1, sdt)  # before w:sectPr
    doc = _save(d, tmp_path)
    texts = [b.text for b in doc.blocks]
    assert texts == ["Заголовок", "Видимый текст и вставка.", "Абзац в элементе управления."]


_TEXTBOX_RUN = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
    '<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Текст во врезке.</w:t>'
    "</w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Текст во врезке.</w:t></w:r></w:p>"
    "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)
_PNG = base64.b64decode(  # a 1x1 pixel
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg=="
)


def test_docx_text_box_read_once_and_pictures_skipped(tmp_path: Path) -> None:
    import io

    d = docx.Document()
    d.add_paragraph("Заголовок", style="Title")
    d.add_picture(io.BytesIO(_PNG))
    p = d.add_paragraph("Абзац с врезкой.")
    p._p.append(parse_xml(_TEXTBOX_RUN))
    d.add_paragraph("Последний абзац.")
    doc = _save(d, tmp_path)
    assert [b.text for b in doc.blocks] == ["Заголовок", "Абзац с врезкой.", "Текст во врезке.", "Последний абзац."]


# --- .html -------------------------------------------------------------------------------


def _read_html(tmp_path: Path, html: str, encoding: str = "utf-8", name: str = "r.html"):
    path = tmp_path / name
    path.write_bytes(html.encode(encoding))
    return read_document(path)


def test_html_without_article_keeps_paragraphs_split_over_divs(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Новость о встрече :: Сайт</title></head><body>"
        '<div id="menu"><a href="/">Главная</a></div><div class="content">'
        "<div><p>Первый абзац о встрече в Смоленске.</p></div><div><p>Второй абзац о переговорах.</p></div>"
        "<div><blockquote>«Работаем дальше», — сказал губернатор.</blockquote></div>"
        "<dl><dt>Термин</dt><dd>Определение термина.</dd></dl></div></body></html>"
    )
    doc = _read_html(tmp_path, html)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("title", "Новость о встрече"), ("lead", "Первый абзац о встрече в Смоленске."),
        ("paragraph", "Второй абзац о переговорах."), ("quote", "«Работаем дальше», — сказал губернатор."),
        ("paragraph", "Термин"), ("list_item", "Определение термина."),
    ]


def test_html_release_outside_a_small_article_is_not_lost(tmp_path: Path) -> None:
    body = "".join(f"<p>Абзац номер {i} о сотрудничестве регионов и новых проектах.</p>" for i in range(4))
    html = (
        '<html><body><h1>Заголовок</h1><article class="teaser"><p>Короткий анонс.</p></article>'
        f'<div class="content">{body}</div></body></html>'
    )
    doc = _read_html(tmp_path, html)
    texts = [b.text for b in doc.blocks]
    for i in range(4):
        assert f"Абзац номер {i} о сотрудничестве регионов и новых проектах." in texts


def test_html_br_entities_hidden_and_cp1251(tmp_path: Path) -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body>'
        "<h1>Итоги &laquo;форума&raquo;</h1><div>Первый абзац&nbsp;текста.<br><br>Второй абзац &amp; продолжение."
        '<br>Та же строка.</div><p style="display:none">Скрытый текст.</p><p hidden>Тоже скрыт.</p></body></html>'
    )
    doc = _read_html(tmp_path, html, encoding="cp1251")
    assert doc.meta.encoding in ("windows-1251", "cp1251")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("title", "Итоги «форума»"), ("lead", "Первый абзац\u00a0текста."),
        ("paragraph", "Второй абзац & продолжение. Та же строка."),
    ]


def test_html_relative_links_kept_fragments_and_schemes_dropped(tmp_path: Path) -> None:
    html = (
        '<html><body><base href="https://evil.example/"><h1>Заголовок</h1><p><a href="/news/1">Ссылка раз</a>, '
        '<a href="#top">якорь</a>, <a href="data:text/html,x">данные</a>, '
        '<a href="mailto:press@example.org">почта</a>.</p></body></html>'
    )
    doc = _read_html(tmp_path, html)
    lead = doc.blocks[1]
    assert {(s.href, lead.text[s.start:s.end]) for s in lead.spans} == {("/news/1", "Ссылка раз"), ("mailto:press@example.org", "почта")}


# --- real web copy (skips where ../shared is absent) -----------------------------------


SMOLENSK = SHARED / "corpus/smolensk-belarus-cooperation.ru.txt"


@pytest.mark.skipif(not SMOLENSK.exists(), reason="../shared corpus not available")
def test_smolensk_web_copy() -> None:
    doc = read_document(SMOLENSK)
    lines = [ln for ln in SMOLENSK.read_text("utf-8").splitlines() if ln.strip()]
    crumbs = [ln for ln in lines if ln.startswith("- ")]
    title = crumbs[-1][2:]
    assert len(crumbs) == 3
    for block in doc.blocks:
        assert not block.text.startswith("- ") and block.text not in ("Главная", "Все новости")
    assert [b for b in doc.blocks if b.text == title] == [doc.blocks[0]]
    assert doc.blocks[0].kind == "title" and doc.meta.title == title
    body = lines[lines.index(title, len(crumbs)) + 1:]
    assert doc.blocks[1].kind == "lead" and doc.blocks[1].text == body[0]
    quote = next(ln for ln in body if ln.startswith("«") and "— подчеркнул" in ln)
    assert [b.kind for b in doc.blocks if b.text == quote] == ["quote"]
    assert [b.text for b in doc.blocks[1:]] == body  # every body paragraph, in order


# --- shipped samples ---------------------------------------------------------------------

SAMPLE_FILES = {"txt": "trade-fair.ru.txt", "docx": "health-forum.ru.docx", "html": "youth-exchange.ru.html"}


@pytest.mark.parametrize("fmt", sorted(SAMPLE_FILES))
def test_samples_read_cleanly(fmt: str) -> None:
    doc = read_document(SAMPLES / SAMPLE_FILES[fmt])
    assert doc.meta.format == fmt
    # only the HTML reader's list of removed page chrome; never the loud "most was dropped"
    assert all(fmt == "html" and ": removed " in w and "DROPPED" not in w for w in doc.meta.warnings)
    kinds = [b.kind for b in doc.blocks]
    assert kinds[0] == "title" and kinds.count("title") == 1
    assert kinds.count("lead") == 1 and kinds.index("lead") <= 2  # a dateline may come first
    assert "quote" in kinds and "list_item" in kinds
    words = sum(len(b.text.split()) for b in doc.blocks)
    assert 150 <= words <= 300
    text = " ".join(b.text for b in doc.blocks)
    for chrome in ("Поделиться", "Главная", "Все права защищены", "analytics", "Читайте также"):
        assert chrome not in text


def test_samples_cover_the_glossary_terms() -> None:
    text = " ".join(b.text for f in SAMPLE_FILES.values() for b in read_document(SAMPLES / f).blocks)
    for needle in (
        "Министерства иностранных дел", "Министерство здравоохранения", "Министерства здравоохранения",
        "Смоленской области", "Смоленскую область", "Республики Беларусь", "Республику Беларусь",
        "Минский автомобильный завод", "Минского автомобильного завода", "Союзного государства",
        "Совета Республики", "Государственной думы", "Товарооборот", "товарооборот", "агропромышленного комплекса",
        "АПК", "Президент Республики Беларусь", "губернатор", "Губернатор", "10 тысяч", "1 250,5 тонны", "25 %",
        "12 марта 2025 года", "В. Анохин",
    ):
        assert needle in text, needle
    assert any(s.source.startswith("Дальнейшее") for f in SAMPLE_FILES.values() for s in segment_document(read_document(SAMPLES / f)))


def test_sample_docx_is_reproducible_and_rich() -> None:
    spec = importlib.util.spec_from_file_location("make_samples", SAMPLES / "make_samples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == (SAMPLES / SAMPLE_FILES["docx"]).read_bytes()
    doc = read_document(SAMPLES / SAMPLE_FILES["docx"])
    styles = {s.style for b in doc.blocks for s in b.spans}
    assert {"bold", "link"} <= styles and "heading" in [b.kind for b in doc.blocks]
