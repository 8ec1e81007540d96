"""Official names with punctuation inside: commas, quotes of any style, dashes, brackets,
numbers and abbreviations (issue 12, item 3).

Each row: a Russian sentence (written for this test), the entry that must be found, the
exact Russian occurrence (the whole name, up to the last item of a list and the closing
quote or bracket) and the Belarusian form that must be placed in its case. The Belarusian
forms are the reviewed truth (official orthography; the у/ў rule of the 2008 orthography
law inside the name). A few rows also go through the real Apertium pipeline, where the
typography rules may change quotes, dashes and spaces: the terminology check must still
find the approved term.
"""

from __future__ import annotations

import re

import pytest

from translator_flow.glossary import Glossary, check_terminology
from translator_flow.glossary.csvio import Problem
from translator_flow.glossary.entries import Entry
from translator_flow.glossary.lint import check_entries
from translator_flow.model import PROTECT_CLOSE, PROTECT_OPEN

ENTRIES = [
    Entry("commission", "Постоянная комиссия по образованию, науке и культуре",
          "Пастаянная камісія па адукацыі, навуцы і культуры", "Standing Commission on Education, Science and Culture"),
    Entry("belaruskali", "ОАО «Беларуськалий»", "ААТ «Беларуськалій»", "Belaruskali JSC"),
    Entry("highway", "трасса Витебск – Смоленск", "траса Віцебск – Смаленск", "Vitebsk – Smolensk highway"),
    Entry("csto", "Организация Договора о коллективной безопасности (ОДКБ)",
          "Арганізацыя Дагавора аб калектыўнай бяспецы (АДКБ)", "Collective Security Treaty Organization (CSTO)"),
    Entry("three-regions", "Гомельская, Могилёвская и Витебская области",
          "Гомельская, Магілёўская і Віцебская вобласці", "Gomel, Mogilev and Vitebsk Regions"),
    Entry("science", "наука, образование и культура", "навука, адукацыя і культура", "science, education and culture"),
    Entry("gymnasium", "гимназия № 1 г. Минска", "гімназія № 1 г. Мінска", "Gymnasium No. 1 of Minsk"),
    Entry("bspu", "Белорусский государственный педагогический университет им. М. Танка",
          "Беларускі дзяржаўны педагагічны ўніверсітэт імя М. Танка", "Belarusian State Pedagogical University"),
    Entry("fez", "свободная экономическая зона «Гродноинвест»", "свабодная эканамічная зона «Гроднаінвест»",
          "Grodnoinvest Free Economic Zone"),
    Entry("airport", "Национальный аэропорт «Минск»", "Нацыянальны аэрапорт «Мінск»", "Minsk National Airport"),
    Entry("scc", "Комитет государственного контроля (КГК)", "Камітэт дзяржаўнага кантролю (КДК)",
          "State Control Committee (SCC)"),
    Entry("transgaz", "ОАО «Газпром трансгаз Беларусь»", "ААТ «Газпром трансгаз Беларусь»", "Gazprom Transgaz Belarus"),
]

# (sentence, entry id, Russian occurrence, Belarusian form placed)
ROWS: list[tuple[str, str, str, str]] = [
    ("Постоянная комиссия по образованию, науке и культуре одобрила законопроект.", "commission",
     "Постоянная комиссия по образованию, науке и культуре", "Пастаянная камісія па адукацыі, навуцы і культуры"),
    ("Заседание Постоянной комиссии по образованию, науке и культуре прошло во вторник.", "commission",
     "Постоянной комиссии по образованию, науке и культуре", "Пастаяннай камісіі па адукацыі, навуцы і культуры"),
    ("Законопроект рассмотрен Постоянной комиссией по образованию, науке и культуре.", "commission",
     "Постоянной комиссией по образованию, науке и культуре", "Пастаяннай камісіяй па адукацыі, навуцы і культуры"),
    ("ОАО «Беларуськалий» увеличило добычу.", "belaruskali", "ОАО «Беларуськалий»", "ААТ «Беларуськалій»"),
    ("Продукция ОАО „Беларуськалий“ поставляется в Китай.", "belaruskali", "ОАО „Беларуськалий“", "ААТ „Беларуськалій“"),
    ('Соглашение подписано с ОАО "Беларуськалий".', "belaruskali", 'ОАО "Беларуськалий"', 'ААТ "Беларуськалій"'),
    ("Трасса Витебск – Смоленск отремонтирована.", "highway", "Трасса Витебск – Смоленск", "Траса Віцебск – Смаленск"),
    ("Ремонт трассы Витебск—Смоленск завершён.", "highway", "трассы Витебск—Смоленск", "трасы Віцебск – Смаленск"),
    ("Авария произошла на трассе Витебск - Смоленск.", "highway", "трассе Витебск - Смоленск", "трасе Віцебск – Смаленск"),
    ("Грузовики едут по трассе Витебск-Смоленск.", "highway", "трассе Витебск-Смоленск", "трасе Віцебск – Смаленск"),
    ("Организация Договора о коллективной безопасности (ОДКБ) провела учения.", "csto",
     "Организация Договора о коллективной безопасности (ОДКБ)", "Арганізацыя Дагавора аб калектыўнай бяспецы (АДКБ)"),
    ("Генсек Организации Договора о коллективной безопасности (ОДКБ) прибыл в Минск.", "csto",
     "Организации Договора о коллективной безопасности (ОДКБ)", "Арганізацыі Дагавора аб калектыўнай бяспецы (АДКБ)"),
    ("Сотрудничество с Организацией Договора о коллективной безопасности (ОДКБ) расширяется.", "csto",
     "Организацией Договора о коллективной безопасности (ОДКБ)", "Арганізацыяй Дагавора аб калектыўнай бяспецы (АДКБ)"),
    ("Гомельская, Могилёвская и Витебская области подписали соглашение.", "three-regions",
     "Гомельская, Могилёвская и Витебская области", "Гомельская, Магілёўская і Віцебская вобласці"),
    ("Губернаторы Гомельской, Могилёвской и Витебской областей встретились.", "three-regions",
     "Гомельской, Могилёвской и Витебской областей", "Гомельскай, Магілёўскай і Віцебскай абласцей"),
    ("Премии вручены Гомельской, Могилёвской и Витебской областям.", "three-regions",
     "Гомельской, Могилёвской и Витебской областям", "Гомельскай, Магілёўскай і Віцебскай абласцям"),
    ("В Гомельской, Могилёвской и Витебской областях прошли учения.", "three-regions",
     "Гомельской, Могилёвской и Витебской областях", "Гомельскай, Магілёўскай і Віцебскай абласцях"),
    ("Наука, образование и культура получат финансирование.", "science",
     "Наука, образование и культура", "Навука, адукацыя і культура"),
    ("Развитие науки, образования и культуры остаётся приоритетом.", "science",
     "науки, образования и культуры", "навукі, адукацыі і культуры"),
    ("Правительство уделяет внимание науке, образованию и культуре.", "science",
     "науке, образованию и культуре", "навуцы, адукацыі і культуры"),
    ("Мы гордимся наукой, образованием и культурой.", "science",
     "наукой, образованием и культурой", "навукай, адукацыяй і культурай"),
    ("Гимназия № 1 г. Минска отметила юбилей.", "gymnasium", "Гимназия № 1 г. Минска", "Гімназія № 1 г. Мінска"),
    ("Ученики гимназии №1 г. Минска победили на олимпиаде.", "gymnasium", "гимназии №1 г. Минска", "гімназіі № 1 г. Мінска"),
    ("Делегация посетила гимназию № 1 г. Минска.", "gymnasium", "гимназию № 1 г. Минска", "гімназію № 1 г. Мінска"),
    ("В гимназии № 1 г. Минска открылся музей.", "gymnasium", "гимназии № 1 г. Минска", "гімназіі № 1 г. Мінска"),
    ("Белорусский государственный педагогический университет им. М. Танка объявил набор.", "bspu",
     "Белорусский государственный педагогический университет им. М. Танка",
     "Беларускі дзяржаўны педагагічны ўніверсітэт імя М. Танка"),
    ("Студенты Белорусского государственного педагогического университета им. М. Танка победили.", "bspu",
     "Белорусского государственного педагогического университета им. М. Танка",
     "Беларускага дзяржаўнага педагагічнага ўніверсітэта імя М. Танка"),
    ("Форум прошёл в Белорусском государственном педагогическом университете им. М. Танка.", "bspu",
     "Белорусском государственном педагогическом университете им. М. Танка",
     "Беларускім дзяржаўным педагагічным універсітэце імя М. Танка"),
    ("Свободная экономическая зона «Гродноинвест» привлекла инвесторов.", "fez",
     "Свободная экономическая зона «Гродноинвест»", "Свабодная эканамічная зона «Гроднаінвест»"),
    ("Резиденты свободной экономической зоны «Гродноинвест» увеличили экспорт.", "fez",
     "свободной экономической зоны «Гродноинвест»", "свабоднай эканамічнай зоны «Гроднаінвест»"),
    ("Проект реализуется в свободной экономической зоне «Гродноинвест».", "fez",
     "свободной экономической зоне «Гродноинвест»", "свабоднай эканамічнай зоне «Гроднаінвест»"),
    ("Национальный аэропорт «Минск» обслужил миллион пассажиров.", "airport",
     "Национальный аэропорт «Минск»", "Нацыянальны аэрапорт «Мінск»"),
    ("Рейсы из Национального аэропорта «Минск» возобновлены.", "airport",
     "Национального аэропорта «Минск»", "Нацыянальнага аэрапорта «Мінск»"),
    ("Самолёт приземлился в Национальном аэропорту «Минск».", "airport",
     "Национальном аэропорту «Минск»", "Нацыянальным аэрапорце «Мінск»"),
    ("Комитет государственного контроля (КГК) провёл проверку.", "scc",
     "Комитет государственного контроля (КГК)", "Камітэт дзяржаўнага кантролю (КДК)"),
    ("Представители Комитета государственного контроля (КГК) выступили.", "scc",
     "Комитета государственного контроля (КГК)", "Камітэта дзяржаўнага кантролю (КДК)"),
    ("Встреча с Комитетом государственного контроля (КГК) прошла в Минске.", "scc",
     "Комитетом государственного контроля (КГК)", "Камітэтам дзяржаўнага кантролю (КДК)"),
    ("ОАО «Газпром трансгаз Беларусь» снизило тарифы.", "transgaz",
     "ОАО «Газпром трансгаз Беларусь»", "ААТ «Газпром трансгаз Беларусь»"),
    ("Сотрудники ОАО «Газпром трансгаз Беларусь» получили награды.", "transgaz",
     "ОАО «Газпром трансгаз Беларусь»", "ААТ «Газпром трансгаз Беларусь»"),
    ("Договор с ОАО «Газпром трансгаз Беларусь» продлён.", "transgaz",
     "ОАО «Газпром трансгаз Беларусь»", "ААТ «Газпром трансгаз Беларусь»"),
]

# A missing comma, a missing quote, two names without their dash: not the official name.
NEAR_MISSES: list[tuple[str, str]] = [
    ("Председатель Постоянной комиссии по образованию науке и культуре выступил.", "commission"),
    ("Рабочие ОАО Беларуськалий приехали.", "belaruskali"),
    ("Трасса Витебск Смоленск закрыта.", "highway"),
    ("Учения Гомельской и Могилёвской областей прошли.", "three-regions"),
    ("Ученики гимназии № 12 г. Минска победили.", "gymnasium"),
    ("Комитет государственного контроля, КГК, провёл проверку.", "scc"),
]


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary(ENTRIES)


def test_table_is_big_enough() -> None:
    per_entry: dict[str, int] = {}
    for _, entry_id, _, _ in ROWS:
        per_entry[entry_id] = per_entry.get(entry_id, 0) + 1
    assert len(per_entry) >= 10 and min(per_entry.values()) >= 3, per_entry


@pytest.mark.parametrize("sentence,entry_id,occurrence,form", ROWS, ids=[r[0][:40] for r in ROWS])
def test_punctuated_term_found_whole_and_placed_in_its_case(glossary: Glossary, sentence, entry_id, occurrence, form) -> None:
    hits = glossary.find(sentence)
    assert [(h.entry_id, h.source_text) for h in hits] == [(entry_id, occurrence)]
    protected, placed = glossary.protect(sentence, hits, "be")
    assert placed[0].target_form == form
    assert not placed[0].flagged
    # Outside the protected span the sentence is the source unchanged.
    before, _, rest = protected.partition(PROTECT_OPEN)
    span, _, after = rest.partition(PROTECT_CLOSE)
    assert span == form and before + occurrence + after == sentence
    assert check_terminology(sentence, sentence.replace(occurrence, form), placed, "be", glossary) == []


@pytest.mark.parametrize("sentence,entry_id", NEAR_MISSES)
def test_near_misses_of_punctuated_names_do_not_match(glossary: Glossary, sentence: str, entry_id: str) -> None:
    assert entry_id not in {h.entry_id for h in glossary.find(sentence)}


def test_english_form_is_placed_whole(glossary: Glossary) -> None:
    sentence = "Сотрудничество с Организацией Договора о коллективной безопасности (ОДКБ) расширяется."
    _, placed = glossary.protect(sentence, glossary.find(sentence), "en")
    assert placed[0].target_form == "Collective Security Treaty Organization (CSTO)"


def test_a_draft_with_another_quote_or_dash_style_still_has_the_term(glossary: Glossary) -> None:
    source = "Ремонт трассы Витебск—Смоленск завершён, ОАО „Беларуськалий“ помогло."
    _, hits = glossary.protect(source, glossary.find(source), "be")
    draft = "Рамонт трасы Віцебск\u00a0— Смаленск завершаны, ААТ «Беларуськалій» дапамагло."
    assert check_terminology(source, draft, hits, "be", glossary) == []
    wrong = "Рамонт трасы Віцебск Смаленск завершаны, ААТ Беларуськалій дапамагло."
    findings = check_terminology(source, wrong, hits, "be", glossary)
    assert sorted(f[0] for f in findings) == ["blocking", "blocking"]


def test_lint_accepts_quotes_inside_a_name_and_warns_on_wrapping_or_unbalanced() -> None:
    def messages(ru: str) -> list[str]:
        problems: list[Problem] = check_entries([Entry("x", ru, "Б", "E", source="s")])
        return [p.message for p in problems if "quote" in p.message]

    assert messages("ОАО «Беларуськалий»") == []
    assert any("wrapped in quotes" in m for m in messages("«Беларуськалий»"))
    assert any("unbalanced" in m for m in messages("ОАО «Беларуськалий"))


# -- through the real Apertium pipeline ------------------------------------------------
ENGINE_ROWS = [r for i, r in enumerate(ROWS) if i % 3 == 1]


def _plain(text: str) -> str:
    """Typography-neutral text: one quote mark, one dash, plain spaces."""
    text = re.sub("[«»„“”\"]", '"', text)
    text = re.sub("[–—-]", "-", text)
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).replace("- ", "-").replace(" -", "-")


def test_placed_forms_survive_apertium_and_pass_the_terminology_check(glossary: Glossary) -> None:
    from translator_flow.errors import EngineUnavailable
    from translator_flow.pipeline import Pipeline

    sentences = [r[0] for r in ENGINE_ROWS]
    with Pipeline(glossary=glossary) as pipeline:
        try:
            drafts = pipeline.translate_texts(sentences, "be")
        except EngineUnavailable as exc:
            pytest.skip(f"Apertium rus-bel is not installed: {exc}")
    assert len(drafts) == len(ENGINE_ROWS) >= 12
    for (sentence, entry_id, _, form), draft in zip(ENGINE_ROWS, drafts):
        assert draft.text.strip(), sentence
        assert [h.entry_id for h in draft.term_hits] == [entry_id]
        assert _plain(form) in _plain(draft.text), (form, draft.text)
        blocking = [f for f in check_terminology(sentence, draft.text, draft.term_hits, "be", glossary) if f[0] == "blocking"]
        assert blocking == [], (draft.text, blocking)
