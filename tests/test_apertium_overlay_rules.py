"""One row per overlay rule (.lrx, CG) and per press formula, checked where the rule acts.

Each row is a Russian sentence, the Russian lemma whose unit the rule decides, and the
Belarusian lemma that must be chosen (or the Russian reading that must be kept): a
property of the engine's bilingual stream after lexical selection, not a golden sentence.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from overlay_helpers import belarusian_engine, lemma, units_after_selection
from translator_flow.lang.apertium_overlay import build as overlay_build
from translator_flow.lang.apertium_overlay.generate import read_tsv

pytestmark = pytest.mark.skipif(bool(overlay_build.missing_tools()) or not Path("/usr/share/apertium/modes/rus-bel.mode").exists(),
                                reason="lttoolbox-dev / apertium-lex-tools-dev / cg3 or apertium-bel-rus missing")


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    with belarusian_engine(tmp_path_factory.mktemp("xdg")) as eng:
        yield eng


def _chosen(engine, text: str, ru_lemma: str) -> tuple[str, str]:
    for ru, be in units_after_selection(engine, text):
        if lemma(ru) == ru_lemma:
            return ru, be
    raise AssertionError(f"no unit with the Russian lemma {ru_lemma!r} in {units_after_selection(engine, text)}")


LRX_ROWS = [
    # (rule, sentence, Russian lemma, Belarusian lemma chosen)
    ("лицо pl → асоба", "Лица без гражданства получили документы.", "лицо", "асоба"),
    ("adj + лицо → асоба", "Ответственное лицо подписало акт.", "лицо", "асоба"),
    ("det + лицо → асоба", "Каждое лицо обязано платить налоги.", "лицо", "асоба"),
    ("в лице → асоба", "Министерство в лице министра подписало договор.", "лицо", "асоба"),
    ("совет (body) → савет", "Совет Министров принял решение.", "совет", "савет"),
    ("по совету → парада", "Он поступил по совету врача.", "совет", "парада"),
    ("дать совет → парада", "Врач дал совет пациенту.", "совет", "парада"),
    ("давать совет → парада", "Специалисты будут давать советы жителям.", "совет", "парада"),
    ("полезный совет → парада", "Это полезный совет для всех.", "совет", "парада"),
    ("практический совет → парада", "Эксперты дали практические советы.", "совет", "парада"),
    ("май → травень", "Встреча пройдёт 5 мая.", "май", "травень"),
    ("уже → ужо", "Работы уже начались.", "уже", "ужо"),
    ("встретиться → сустрэцца", "Министр встретился с делегацией.", "встретиться", "сустрэцца"),
    ("встретить → сустрэць", "Губернатор встретил гостей в аэропорту.", "встретить", "сустрэць"),
    ("заболеть → захварэць", "Ребёнок заболел вчера.", "заболеть¹", "захварэць"),
    ("заболеть + nom → забалець", "У него заболела голова.", "заболеть¹", "забалець"),
]


@pytest.mark.parametrize(("rule", "text", "ru", "be"), LRX_ROWS, ids=[r[0] for r in LRX_ROWS])
def test_lexical_selection_rule(engine, rule, text, ru, be):
    assert lemma(_chosen(engine, text, ru)[1]) == be


def test_every_lrx_rule_has_a_row():
    text = (overlay_build.data_dir() / "rus-bel.lrx").read_text(encoding="utf-8")
    assert text.count("<rule ") == len(LRX_ROWS)


CG_ROWS = [
    # (text that occurs in the rule's line, sentence, Russian lemma kept, what the reading must show)
    ('("прошлый" short)', "Встреча прошла в дружеской атмосфере.", "пройти", "<vblex>"),
    ('("находить¹" pass)', "Музей находится в центре города.", "находиться", "<vblex>"),
    ('("находить¹" pass)', "Объекты находятся под контролем.", "находиться", "<vblex>"),
    ('(0 ("около"))', "Около 10 человек пришли на встречу.", "около", "<pr>"),
    ('(0 ("около"))', "Мы стояли около здания.", "около", "<pr>"),
    ("(-1 Flowers)", "Состоялось возложение цветов к памятнику.", "цветок", "<n>"),
    ("(-2 Flowers)", "Люди принесли много венков и цветов.", "цветок", "<n>"),
    ('("рядом" adv)', "Рядом находится больница.", "рядом", "<adv>"),
    ('("рядом" adv)', "Рядом с больницей открыли аптеку.", "рядом", "<adv>"),
    ("(vblex pprs actv)", "В текущем году новые квартиры получат 450 человек.", "текущий", "<adj>"),
    ("(1C (n pl dat))", "Премии вручили лучшим учителям района.", "лучший", "<pl><dat>"),
    ("(1C (n pl dat))", "Помощь оказана малообеспеченным семьям.", "малообеспеченный", "<pl><dat>"),
    ("(NOT -1 (gen))", "Встреча главы государства прошла в Минске.", "глава", "<sg><gen>"),
    ("(NOT -1 (gen))", "Визит главы делегации завершился.", "глава", "<sg><gen>"),
    ("$$Number IF (0 (n nt sg))", "В минувшем году открыто пять школ.", "минувший", "<adj>"),
    ("$$Number IF (0 (n nt sg))", "В будущем году откроют школу.", "будущий", "<adj>"),
    ('(0 ("оба"))', "Руководители обоих районов встретились.", "оба", "<num><m>"),
    ('(0 ("оба"))', "В обоих случаях помощь оказана.", "оба", "<num><m>"),
    ('(0 ("прибыть"))', "Делегации прибыли в Минск.", "прибыть", "<vblex>"),
    ('(0 ("прибыть"))', "Грузы прибыли вовремя.", "прибыть", "<vblex>"),
    # a reflexive verb the pair read as the passive of the verb without -ся: the reflexive reading
    ("(vblex pass)", "Продукция экспортируется в 20 стран.", "экспортироваться", "<iv>"),
    ("(vblex pass)", "Мероприятия проводятся ежегодно.", "проводиться", "<iv>"),
    ("(vblex pass)", "Он относится к работе ответственно.", "относиться", "<iv>"),
    ("(vblex pass)", "Информация передается в министерство.", "передаваться", "<iv>"),  # е for ё: both spellings added
    ('("люба")', "Любой житель может принять участие.", "любой", "<adj>"),
    ('("маркий")', "Новые марки автомобилей представили на выставке.", "марка", "<n>"),
    ('("умелый" short)', "Он умел работать с людьми.", "уметь", "<vblex>"),
    ('("кормило")', "Мать кормила детей.", "кормить", "<vblex>"),
    ('("графика")', "График работы утвержден.", "график", "<n>"),
    ('("графика")', "Изменения в графике движения.", "график", "<n>"),
    ('("графика")', "Компьютерная графика развивается.", "графика", "<n>"),  # an agreeing adjective keeps графика
]

#: Where the rules above must not fire: the plural subject after a possible genitive or a
#: prepositional phrase, the substantivised noun before a noun in another case or number.
CG_KEPT = [
    ("В ходе встречи главы государств обсудили вопросы.", "глава", "<pl><nom>"),
    ("На Западе границы наук несколько отличаются.", "граница", "<pl><nom>"),
    ("Будущее страны зависит от молодёжи.", "будущее", "<n>"),
    ("Прошлое Беларуси изучают историки.", "прошлое", "<n>"),
    ("Показатели прибыли выросли.", "прибыль", "<n>"),
    ("Рост прибыли составил 5 процентов.", "прибыль", "<n>"),
]


@pytest.mark.parametrize(("rule", "text", "ru", "tag"), CG_ROWS, ids=[f"{r[2]}: {r[1]}" for r in CG_ROWS])
def test_constraint_grammar_rule(engine, rule, text, ru, tag):
    reading, translation = _chosen(engine, text, ru)
    assert tag in reading and translation and not translation.startswith("@")


@pytest.mark.parametrize(("text", "ru", "tag"), CG_KEPT, ids=[r[0] for r in CG_KEPT])
def test_constraint_grammar_rule_leaves_other_contexts(engine, text, ru, tag):
    reading, _ = _chosen(engine, text, ru)
    assert tag in reading


def test_every_cg_rule_has_a_row():
    text = (overlay_build.data_dir() / "rus.rlx").read_text(encoding="utf-8")
    rules = [line for line in text.splitlines() if line.startswith(("SELECT", "REMOVE"))]
    assert rules and all(any(row[0] in line for row in CG_ROWS) for line in rules)


PHRASE_CONTEXT = {
    "pr": "{} встречи стороны обсудили планы.",
    "adv": "{}, стороны обсудили планы.",
}
PHRASES = read_tsv("phrases.tsv")


@pytest.mark.parametrize(("ru", "be", "tag"), [tuple(r[:3]) for r in PHRASES], ids=[r[0] for r in PHRASES])
def test_press_formula_is_one_unit(engine, ru, be, tag):
    text = PHRASE_CONTEXT[tag].format(ru[0].upper() + ru[1:])
    if ru.endswith(" с"):
        text = f"{ru[0].upper() + ru[1:]} партнёрами стороны обсудили планы."
    unit, translation = _chosen(engine, text, ru)
    assert f"<{tag}>" in unit and lemma(translation) == be
    out = engine.translate_batch([text], "ru", "be")[0].text.lower()
    assert be.split(" ")[-1] in out  # the generator spells the Belarusian phrase


def test_corrections_moved_into_the_overlay_are_the_first_choice(engine):
    from translator_flow.lang.be_corrections import bidix_rules

    by_ru = {r.ru: r.right.split("<", 1)[0] for r in bidix_rules()}
    text = "Руководитель, заместитель, директор и депутат обсудили итоги."
    chosen = {lemma(ru): lemma(be) for ru, be in units_after_selection(engine, text)}
    for ru in ("руководитель", "заместитель", "директор", "депутат", "итог"):
        assert chosen[ru] == by_ru[ru].lower()


@pytest.mark.parametrize(("text", "present"), [
    ("Итоги проведённой работы обсудили на совещании.", "праведзенай работы"),  # the pair's own participle
    ("В рамках утверждённой программы открыли школу.", "зацверджанай праграмы"),
    ("Запущенная линия работает.", "запушчаная лінія"),  # an overlay participle (the pair had none)
])
def test_passive_participles_inflect(engine, text, present):
    out = engine.translate_batch([text], "ru", "be")[0]
    assert present in out.text.lower() and "*" not in out.text and "#" not in out.text


def test_agreement_with_a_new_gender(engine):
    # здравоохранение (nt) → «ахова здароўя» (f): the transfer agrees the adjective.
    out = engine.translate_batch(["Работники городского здравоохранения получили награды."], "ru", "be")[0].text
    assert "аховы здароўя" in out and "гарадской" in out.lower()


def test_override_rows_are_the_only_translation(engine):
    # bidix.tsv "override" nouns and adjectives are entered one tag longer than the
    # pair's own entries, and lt-proc -b keeps only the longest match.
    import subprocess

    from translator_flow.lang.apertium_overlay.generate import read_tsv

    bidix = next(a for s in engine._run_stages() for a in s if a.endswith("rus-bel.autobil.bin"))
    rows = [r for r in read_tsv("bidix.tsv") if r[4] == "override" and r[1].split(".")[0] in ("n", "adj")]
    units = [f"^{ru}<{tags.replace('.', '><')}>" + ("<sg><nom>$" if tags.startswith("n") else "<sint><f><an><sg><nom>$")
             for ru, tags, *_ in rows]
    out = subprocess.run(["lt-proc", "-b", bidix], input="\n".join(units) + "\n", capture_output=True, text=True,
                         check=True).stdout.splitlines()
    lrx = (overlay_build.data_dir() / "rus-bel.lrx").read_text(encoding="utf-8")
    for (ru, _, be, *_), line in zip(rows, out):
        translations = [lemma(t) for t in line.strip("^$").split("/")[1:]]
        # Where the pair's entry is as long as ours («май<n><m><nn><sg>»), an .lrx rule selects ours.
        assert translations == [be] or (be in translations and f'lemma="{ru}"' in lrx), (ru, line)


NUMERAL_ROWS = [
    # (sentence, Belarusian words that must appear) — 2-4 + nominative plural in Belarusian
    ("За два года построили три школы.", ["два гады"]),
    ("Работы заняли 3 месяца.", ["3 месяцы"]),
    ("Отремонтировали четыре новых корпуса.", ["чатыры новыя карпусы"]),
    ("Прошло 22 дня.", ["22 дні"]),
]


@pytest.mark.parametrize(("text", "present"), NUMERAL_ROWS, ids=[r[0] for r in NUMERAL_ROWS])
def test_two_to_four_take_the_nominative_plural(engine, text, present):
    out = engine.translate_batch([text], "ru", "be")[0].text
    assert all(p in out for p in present), out


def test_twelve_to_fourteen_keep_the_genitive_plural(engine):
    out = engine.translate_batch(["Прошло 12 дней."], "ru", "be")[0].text
    assert "12 дзён" in out


MULTIWORD_ROWS = [
    # (sentence, Russian multiword lemma, Belarusian words that must appear) — the head inflects
    ("Пропаганда здорового образа жизни.", "образ жизни", ["здаровага ладу жыцця"]),
    ("Проект представляет собой новый центр.", "представлять собой", ["уяўляе сабой"]),
]


@pytest.mark.parametrize(("text", "ru", "present"), MULTIWORD_ROWS, ids=[r[1] for r in MULTIWORD_ROWS])
def test_inflecting_multiword_lemma(engine, text, ru, present):
    _unit, translation = _chosen(engine, text, ru)
    assert translation and not translation.startswith("@")
    out = engine.translate_batch([text], "ru", "be")[0].text.lower()
    assert all(p in out for p in present), out
