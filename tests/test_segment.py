"""Russian sentence segmentation: a table of press-release cases plus round-trip properties."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translator_flow.model import Block, Document, DocumentMeta
from translator_flow.segment import SEGMENTER_VERSION, segment_block, segment_document, split_sentences

# (text, expected sentences) — each case names the rule it pins down.
CASES: list[tuple[str, list[str]]] = [
    # initials before and after the surname
    ("Губернатор В. Анохин провёл встречу. Она прошла успешно.",
     ["Губернатор В. Анохин провёл встречу.", "Она прошла успешно."]),
    ("Президент Республики Беларусь А.Г. Лукашенко провёл переговоры. Стороны договорились.",
     ["Президент Республики Беларусь А.Г. Лукашенко провёл переговоры.", "Стороны договорились."]),
    ("Встречу провёл Анохин В.Ю. Он рассказал о планах.",
     ["Встречу провёл Анохин В.Ю.", "Он рассказал о планах."]),
    ("Е.А. Иванова и Ю.В. Петров подписали соглашение.",
     ["Е.А. Иванова и Ю.В. Петров подписали соглашение."]),
    ("Университет им. М.В. Ломоносова участвует. Начало в 10:00.",
     ["Университет им. М.В. Ломоносова участвует.", "Начало в 10:00."]),
    # abbreviations inside and at the end of a sentence
    ("Встреча прошла в г. Смоленске. Участники обсудили планы.",
     ["Встреча прошла в г. Смоленске.", "Участники обсудили планы."]),
    ("В 2023–2024 гг. товарооборот вырос. Это важно.",
     ["В 2023–2024 гг. товарооборот вырос.", "Это важно."]),
    ("Совещание прошло 12 марта 2025 г. в Минске. Его провёл губернатор.",
     ["Совещание прошло 12 марта 2025 г. в Минске.", "Его провёл губернатор."]),
    ("Совещание прошло в 2025 г. Его провёл губернатор.",
     ["Совещание прошло в 2025 г.", "Его провёл губернатор."]),
    ("Это случилось в 1990-х гг. Потом всё изменилось.",
     ["Это случилось в 1990-х гг.", "Потом всё изменилось."]),
    ("Речь идёт о крупных проектах, т.е. о заводах. Они будут построены.",
     ["Речь идёт о крупных проектах, т.е. о заводах.", "Они будут построены."]),
    ("Обсудили промышленность, сельское хозяйство и т.д. Также говорили о спорте.",
     ["Обсудили промышленность, сельское хозяйство и т.д.", "Также говорили о спорте."]),
    ("Объём составил 10 тыс. тонн. Это рекорд.", ["Объём составил 10 тыс. тонн.", "Это рекорд."]),
    ("Участвовали 10 тыс. Это рекорд.", ["Участвовали 10 тыс.", "Это рекорд."]),
    ("Объём составил 15 млн руб. в год. Это рекорд.", ["Объём составил 15 млн руб. в год.", "Это рекорд."]),
    ("Стоимость 500 руб. Продажи растут.", ["Стоимость 500 руб.", "Продажи растут."]),
    ("Выручка составила 1 250,5 млн руб. в 2024 г. Стороны довольны.",
     ["Выручка составила 1 250,5 млн руб. в 2024 г.", "Стороны довольны."]),
    ("В 2024 г. Смоленск посетили 100 тыс. туристов.", ["В 2024 г. Смоленск посетили 100 тыс. туристов."]),
    ("Завод выпустил 10 тыс. Машины ушли на экспорт.", ["Завод выпустил 10 тыс.", "Машины ушли на экспорт."]),
    ("Встреча прошла в г. Минске и г. Смоленске.", ["Встреча прошла в г. Минске и г. Смоленске."]),
    ("Офис на ул. Ленина. Приходите.", ["Офис на ул. Ленина.", "Приходите."]),
    ("Цена — 5 долл. США. Скидки нет.", ["Цена — 5 долл. США.", "Скидки нет."]),
    ("Встреча с проф. Ивановым и др. участниками. Итоги подведены.",
     ["Встреча с проф. Ивановым и др. участниками.", "Итоги подведены."]),
    # quotations: a quote with inner sentence ends stays whole when an attribution follows
    ("«Мы готовы к работе. Планов много», — сказал губернатор. Встреча завершилась.",
     ["«Мы готовы к работе. Планов много», — сказал губернатор.", "Встреча завершилась."]),
    ("«Мы готовы к работе! Приезжайте к нам», — подчеркнул В. Анохин.",
     ["«Мы готовы к работе! Приезжайте к нам», — подчеркнул В. Анохин."]),
    ("«Мы готовы к работе!» — сказал губернатор. Встреча завершилась.",
     ["«Мы готовы к работе!» — сказал губернатор.", "Встреча завершилась."]),
    ("«Кто будет участвовать?» — спросил журналист.", ["«Кто будет участвовать?» — спросил журналист."]),
    ("Он сказал: «Работа продолжится». Затем он уехал.", ["Он сказал: «Работа продолжится».", "Затем он уехал."]),
    ("Проект «Под одним небом». Он объединил детей.", ["Проект «Под одним небом».", "Он объединил детей."]),
    # dates, decimals, numbers with spaces
    ("Соглашение подписано 12.03.2025 в Минске. Оно вступит в силу.",
     ["Соглашение подписано 12.03.2025 в Минске.", "Оно вступит в силу."]),
    ("Рост составил 3.5 процента. Это много.", ["Рост составил 3.5 процента.", "Это много."]),
    ("Отгружено 1 250,5 тонны. Это на 25 % больше.", ["Отгружено 1 250,5 тонны.", "Это на 25 % больше."]),
    # dashes, ellipsis, exclamations, enumerators
    ("Один из ключевых вопросов – товарооборот. Дальнейшее обсуждение продолжится.",
     ["Один из ключевых вопросов – товарооборот.", "Дальнейшее обсуждение продолжится."]),
    ("Было много вопросов... один из них – товарооборот.", ["Было много вопросов... один из них – товарооборот."]),
    ("Было много вопросов… Один из ключевых – товарооборот.", ["Было много вопросов…", "Один из ключевых – товарооборот."]),
    ("Сотрудничество развивается! Наша команда продолжит работу.",
     ["Сотрудничество развивается!", "Наша команда продолжит работу."]),
    ("1. Подготовка площадки. 2. Проведение форума.", ["1. Подготовка площадки.", "2. Проведение форума."]),
    ("Подробнее на сайте mid.gov.by. Ждём вас.", ["Подробнее на сайте mid.gov.by.", "Ждём вас."]),
    ("Адрес: пр-т Независимости, д. 5, к. 2. Вход свободный.", ["Адрес: пр-т Независимости, д. 5, к. 2.", "Вход свободный."]),
    ("Заголовок без точки", ["Заголовок без точки"]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_sentence_table(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 25


def test_segment_ids_offsets_and_order() -> None:
    block = Block(index=3, kind="paragraph", text="  Первое предложение. «Второе. Третье», — сказал он.  Четвёртое! ")
    segs = segment_block(block)
    assert [s.id for s in segs] == ["b3s0", "b3s1", "b3s2"]
    assert [s.index for s in segs] == [0, 1, 2]
    assert all(s.block == 3 and block.text[s.start:s.end] == s.source for s in segs)
    assert segs[1].source == "«Второе. Третье», — сказал он."


def test_segment_document_in_reading_order() -> None:
    meta = DocumentMeta(source_path="x.txt", format="txt", source_sha256="0")
    doc = Document(meta, (Block(0, "title", "Заголовок"), Block(1, "lead", "Раз. Два."), Block(2, "paragraph", "Три.")))
    assert [s.id for s in segment_document(doc)] == ["b0s0", "b1s0", "b1s1", "b2s0"]


def test_empty_and_whitespace_blocks_have_no_segments() -> None:
    assert segment_block(Block(0, "paragraph", "")) == []
    assert segment_block(Block(0, "paragraph", " \n\t ")) == []


def test_version_names_the_razdel_in_use() -> None:
    assert f"razdel-{version('razdel')}" in SEGMENTER_VERSION


_WORDS = st.sampled_from(
    ["Смоленск", "г.", "т.е.", "В.", "Анохин", "«Мы", "готовы.»", "—", "сказал", "10", "тыс.", "1 250,5",
     "25 %", "12.03.2025", "Minsk", "🙂", "...", "!", "?", "и", "т.д.", "А.Г.", "Лукашенко", "»,", "(АПК)", "ул."]
)
_GAPS = st.sampled_from([" ", "  ", "\u00a0", " \n ", "\t", ". ", "! ", "? ", "… "])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_WORDS, _GAPS), min_size=0, max_size=40), st.sampled_from(["", " ", "\n"]))
def test_segments_rejoin_to_the_block(parts: list[tuple[str, str]], edge: str) -> None:
    text = edge + "".join(w + g for w, g in parts) + edge
    segs = segment_block(Block(0, "paragraph", text))
    pos = 0
    rebuilt = []
    for seg in segs:
        gap = text[pos:seg.start]
        assert gap.strip() == "", "only whitespace between segments"
        assert seg.source == text[seg.start:seg.end] and seg.source.strip() == seg.source != ""
        rebuilt.append(gap + seg.source)
        pos = seg.end
    assert text[pos:].strip() == ""
    assert "".join(rebuilt) + text[pos:] == text


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(_WORDS, _GAPS), min_size=1, max_size=60), st.sampled_from([" ", "", "слово"]))
def test_long_blocks_rejoin_too(parts: list[tuple[str, str]], glue: str) -> None:
    # over 5000 characters the text is fed to razdel in chunks; nothing may change
    unit = "".join(w + g for w, g in parts) + glue
    text = unit * (12_000 // len(unit) + 1)
    segs = segment_block(Block(0, "paragraph", text))
    pos = 0
    for seg in segs:
        assert text[pos:seg.start].strip() == "" and seg.source == text[seg.start:seg.end]
        pos = seg.end
    assert text[pos:].strip() == ""


SHARED = Path(__file__).resolve().parents[1] / "../shared"


@pytest.mark.skipif(not (SHARED / "corpus/benchmark-ru-sentences.txt").exists(), reason="/work/shared not available")
def test_benchmark_lines_keep_their_text() -> None:
    lines = [ln for ln in (SHARED / "corpus/benchmark-ru-sentences.txt").read_text("utf-8").splitlines() if ln.strip()]
    for i, line in enumerate(lines):
        segs = segment_block(Block(i, "paragraph", line))
        assert "".join(s.source for s in segs).replace(" ", "") == line.replace(" ", "").strip()
