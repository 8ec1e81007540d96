"""Issue 15 items 1-4: one graded note per finding, no false unknowns, the Belarusian
spell-check (hunspell-be), and risky renderings as data (one test row per data row)."""

from __future__ import annotations

import re

import pytest

from qa_helpers import make
from translator_flow.lang.be_fallback import apply
from translator_flow.model import EngineOutput, Mark
from translator_flow.morph import belarusian
from translator_flow.morph.tokens import not_a_word
from translator_flow.qa import run_checks, run_document_checks, spell
from translator_flow.qa.checks_risky import load_risky, parse_risky
from translator_flow.writers.i18n import ui_text
from translator_flow.writers.labels import target_notes

needs_dictionary = pytest.mark.skipif(bool(spell.unavailable_reason()), reason="hunspell-be or pyhunspell missing")
needs_apertium = pytest.mark.skipif(not belarusian.available(), reason="Apertium rus-bel is not installed")


def _mark(kind: str, text: str, word: str, via: str = "", original: str = "") -> Mark:
    start = text.index(word)
    return Mark(kind, word, start, start + len(word), via, original)  # type: ignore[arg-type]


def _graded(source: str, draft: str, *marks: Mark) -> list[tuple[str, str, str]]:
    """(check, severity, flagged text) of the draft's word-level issues."""
    seg, target = make(source, draft, "be", marks=marks)
    return [(i.check, i.severity, draft[i.span[0]:i.span[1]]) for i in run_checks(seg, target, "be") if i.span]


# --- 1. one note per finding, graded by evidence ----------------------------------------

@needs_dictionary
def test_each_marked_word_is_one_note_in_the_review() -> None:
    draft = "Бакі абмеркавалі пытанні, адзначыў Кушнірэнко, і проходящей."
    marks = (_mark("fallback", draft, "абмеркавалі", "lexicon", "обсудили"),
             _mark("fallback", draft, "Кушнірэнко", "name", "Кушниренко"),
             _mark("unknown", draft, "проходящей"))
    seg, target = make("Стороны обсудили вопросы, отметил Кушниренко, и проходящей.", draft, "be", marks=marks)
    issues = [(f"be-{n}", i) for n, i in enumerate(run_checks(seg, target, "be"))]
    notes = target_notes(ui_text("en"), target, issues)
    for word in ("абмеркавалі", "Кушнірэнко", "проходящей"):
        assert sum(word in n.text for n in notes) == 1, (word, [n.text for n in notes])


@needs_dictionary
def test_lexicon_word_the_dictionary_knows_is_info_names_and_russian_are_warnings() -> None:
    draft = "Бакі абмеркавалі пытанні, адзначыў Кушнірэнко, і проходящей."
    found = _graded("Стороны обсудили вопросы, отметил Кушниренко, и проходящей.", draft,
                    _mark("fallback", draft, "абмеркавалі", "lexicon", "обсудили"),
                    _mark("fallback", draft, "Кушнірэнко", "name", "Кушниренко"),
                    _mark("unknown", draft, "проходящей"))
    assert ("untranslated", "info", "абмеркавалі") in found
    assert ("untranslated", "warning", "Кушнірэнко") in found
    assert ("untranslated", "warning", "проходящей") in found
    assert len(found) == 3


# (Russian name, spelled by the letter rules alone?): о, е, ё depend on the stress
# (аканне/яканне), every other letter has one Belarusian spelling.
SPELLED_BY_RULE = [
    ("Вильчук", True), ("Зинчук", True), ("Шульга", True), ("Гуща", True), ("Шишкин", True),
    ("Мицкевич", False), ("Шпилевский", False),
    ("Кушниренко", False), ("Петров", False), ("Гурко", False), ("Семёнов", False), ("Лебедева", False),
    ("вильчук", False),  # not a name: lower case
    ("", False),
]


@pytest.mark.parametrize(("russian", "expected"), SPELLED_BY_RULE)
def test_a_name_the_letter_rules_decide(russian: str, expected: bool) -> None:
    from translator_flow.qa.marks import spelled_by_rule

    assert spelled_by_rule(russian) is expected


@needs_dictionary
def test_a_respelled_name_no_stress_can_change_is_info_others_stay_warnings() -> None:
    draft = "Выступілі Вільчук і Кушнірэнко."
    found = _graded("Выступили Вильчук и Кушниренко.", draft,
                    _mark("fallback", draft, "Вільчук", "name", "Вильчук"),
                    _mark("fallback", draft, "Кушнірэнко", "name", "Кушниренко"))
    assert ("untranslated", "info", "Вільчук") in found and ("untranslated", "warning", "Кушнірэнко") in found


@needs_dictionary
def test_unknown_and_lexicon_read_differently() -> None:
    draft = "Бакі абмеркавалі і проходящей."
    seg, target = make("Стороны обсудили и проходящей.", draft, "be",
                       marks=(_mark("fallback", draft, "абмеркавалі", "lexicon", "обсудили"),
                              _mark("unknown", draft, "проходящей")))
    lexicon, unknown = (i.message for i in run_checks(seg, target, "be", enabled=["untranslated"]))
    assert "word list" in lexicon and "обсудили" in lexicon and "Russian" in unknown and "translate" in unknown
    assert "fallback" not in lexicon + unknown  # no jargon


@needs_dictionary
@pytest.mark.parametrize(("source", "draft", "word", "lemma", "expected"), [
    # the dictionary knows the lemma but not this form: the ending is suspect
    ("Пристройка к существующему корпусу.", "Прыбудова да існуючаму корпусу.", "існуючаму", "існуючы", "warning"),
    # the dictionary lacks the word altogether (a term): the reviewed row stands, a faint mark
    ("Работники медучреждений.", "Работнікі медустаноў.", "медустаноў", "медустанова", "info"),
    ("Пациент госпитализируется.", "Пацыент шпіталізуецца.", "шпіталізуецца", "шпіталізавацца", "info"),
    # no lemma recorded (an older report): nothing backs the form
    ("Работники медучреждений.", "Работнікі медустаноў.", "медустаноў", "", "warning"),
])
def test_lexicon_form_the_dictionary_rejects(source: str, draft: str, word: str, lemma: str, expected: str) -> None:
    mark = _mark("fallback", draft, word, "lexicon", "x")
    mark = Mark(mark.kind, mark.word, mark.start, mark.end, mark.via, mark.original, lemma)
    assert _graded(source, draft, mark) == [("untranslated", expected, word)]


@needs_dictionary
def test_a_segment_with_only_confirmed_lexicon_words_needs_no_attention() -> None:
    from dataclasses import replace

    from report_factory import build_report

    draft = "Бакі абмеркавалі пытанні."
    report = build_report([("paragraph", ["Стороны обсудили вопросы."])], {"be": [draft]})
    tr = report.translations["be"]
    targets = tuple(replace(t, marks=(_mark("fallback", draft, "абмеркавалі", "lexicon", "обсудили"),))
                    for t in tr.targets)
    issues = run_document_checks(report.segments, targets, "be")
    assert [i.severity for i in issues] == ["info"]
    report = replace(report, translations={"be": replace(tr, targets=targets, issues=issues)})
    assert report.needs_attention(["be"]) == {}
    unknown = tuple(replace(t, marks=(_mark("unknown", draft, "пытанні"),)) for t in tr.targets)  # ungraded mark
    report = replace(report, translations={"be": replace(tr, targets=unknown, issues=())})
    assert report.needs_attention(["be"]) == {report.segments[0].id: "warning"}


def test_mark_provenance_survives_the_json_report() -> None:
    from translator_flow.writers.json_report import _mark as to_dict
    from translator_flow.writers.json_report import marks_from_dicts

    for mark in (Mark("fallback", "Пуціным", 0, 7, "name", "Путиным"),
                 Mark("fallback", "абмеркавалі", 0, 11, "lexicon", "обсудили", "абмеркаваць")):
        assert marks_from_dicts([to_dict(mark)]) == (mark,)
    assert marks_from_dicts([{"kind": "unknown", "word": "x", "start": 0, "end": 1}])[0].via == ""


# --- 3. no false unknowns ----------------------------------------------------------------

# (draft as the engine gave it, the piece it marked unknown, expected):
#   "dropped" — no word, the mark goes; "info" — kept as in the source, a faint note;
#   "warning" — really Russian, still reported.
FALSE_UNKNOWNS = [
    ("У 9-й гарадской бальніцы.", "й", "dropped"),
    ("5-й з'езд адкрыўся.", "й", "dropped"),
    ("У 2017-м годзе.", "м", "dropped"),
    ("На 6-ю гадавіну.", "ю", "dropped"),
    ("У 1990-х гадах.", "х", "dropped"),
    ("На 20-я ўгодкі.", "я", "dropped"),
    ("Да 3-га мая.", "га", "dropped"),
    ("Па 2-му пункце.", "му", "dropped"),
    ("У XXI стагоддзі.", "XXI", "dropped"),
    ("Раздзел IV кодэкса.", "IV", "dropped"),
    ("Артыкул II.", "II", "dropped"),
    ("Адзначыў В. Гурко.", "В", "dropped"),
    ("Сказаў А. Лукашэнка.", "А", "dropped"),
    ("Пішыце на info@minzdrav.gov.by.", "info", "dropped"),
    ("Пішыце на info@minzdrav.gov.by.", "minzdrav", "dropped"),
    ("Сайт www.minzdrav.gov.by працуе.", "www", "dropped"),
    ("Сайт www.minzdrav.gov.by працуе.", "gov", "dropped"),
    ("Глядзіце https://minsk.gov.by/ru/news.", "news", "dropped"),
    ("Глядзіце https://minsk.gov.by/ru/news.", "https", "dropped"),
    ("Партал minsk.gov.by абноўлены.", "minsk", "dropped"),
    ("На базе РНПЦ трансплантацыі.", "РНПЦ", "info"),
    ("Супрацоўнікі ГИБДД прыбылі.", "ГИБДД", "info"),  # МВД has a lexicon row (→ МУС) since the second sweep
    ("Краіны ЕАЭС.", "ЕАЭС", "info"),
    ("Завод БелАЗ.", "БелАЗ", "info"),
    ("Смартфоны Samsung.", "Samsung", "info"),
    ("Сустрэча з кашалотами.", "кашалотами", "warning"),  # «-летию» has a lexicon row (→ «-годдзю») since the third sweep
    ("Да 3-го мая.", "го", "warning"),
    ("У час проходящей рэканструкцыі.", "проходящей", "warning"),
    ("Адзначыў Гурко.", "Гурко", "warning"),
]


@needs_apertium
@pytest.mark.parametrize(("draft", "word", "expected"), FALSE_UNKNOWNS)
def test_no_false_unknowns(draft: str, word: str, expected: str) -> None:
    start = draft.index(word)
    (out,) = apply([EngineOutput(draft, (Mark("unknown", word, start, start + len(word)),))])
    kept = [m for m in out.marks if m.kind == "unknown"]
    if expected == "dropped":
        assert kept == [] and out.text == draft
        return
    assert kept, "a real unknown word keeps its mark"
    seg, target = make("—", out.text, "be", marks=out.marks)
    severities = {i.severity for i in run_checks(seg, target, "be", enabled=["untranslated"])}
    assert severities == {expected}


def test_false_unknown_table_is_big_enough() -> None:
    assert len(FALSE_UNKNOWNS) >= 20


@pytest.mark.parametrize(("text", "word", "why"), [
    ("9-й", "й", "ordinal ending"), ("XXI", "XXI", "Roman numeral"), ("В. Гурко", "В", "initial"),
    ("a@b.by", "b", "web address"), ("Samsung", "Samsung", "Latin"), ("9-го", "го", None),
    ("Іван", "Іван", None), ("Мі", "Мі", None),
])
def test_token_kinds(text: str, word: str, why: str | None) -> None:
    start = text.index(word)
    assert not_a_word(text, start, start + len(word)) == why


# --- 2. the Belarusian spell-check --------------------------------------------------------

# (source, draft, flagged word, expected severity of its `spelling` finding or None)
SPELLING = [
    ("Губернатор провёл встречу с жителями.", "Губернатар правёў встречу з жыхарамі.", "встречу", "warning"),
    ("В приемный покой.", "У прыёмны покой.", "покой", "warning"),
    ("Здание 9-этажного корпуса.", "Будынак 9-паверхавага корпуса.", "паверхавага", "info"),
    ("Клиника многопрофильная.", "Клініка мнагапрофільная.", "мнагапрофільная", "info"),
    ("Губернатор провёл встречу с жителями.", "Губернатар правёў сустрэчу з жыхарамі.", "сустрэчу", None),
    ("Я встречу гостей.", "Я спаткаю гасцей.", "спаткаю", None),  # a real verb form: not spelling's
    ("Это было в 2015 г.", "Гэта было ў 2015 г.", "г", None),
    ("Звонить по номеру 5км.", "Званіць па нумары 5км.", "км", None),  # glued to a number
    ("На базе РНПЦ.", "На базе РНПЦ.", "РНПЦ", None),
    ("Сайт www.minzdrav.gov.by.", "Сайт www.minzdrav.gov.by.", "minzdrav", None),
    ("В XXI веке.", "У XXI стагоддзі.", "XXI", None),
    ("Отметил Будревич.", "Адзначыў Будрэвіч.", "Будрэвіч", None),  # a name inside a sentence
    ("Кушниренко отметил.", "Кушнярэнка адзначыў.", "Кушнярэнка", None),  # a name, not Russian
    ("Объект находится здесь.", "Аб’ект знаходзіцца тут.", "Аб’ект", None),  # ’ read as '
    ("Совещание прошло.", "Нарада прайшла.", "прайшла", None),
    ("Отметил В. Гурко.", "Адзначыў В. Гурко.", "Гурко", None),  # after an initial: not a sentence start
    ("Гурко отметил.", "Гурко адзначыў.", "Гурко", None),  # a Russian surname is not "a Russian word"
]


@needs_dictionary
@pytest.mark.parametrize(("source", "draft", "word", "expected"), SPELLING)
def test_spelling(source: str, draft: str, word: str, expected: str | None) -> None:
    seg, target = make(source, draft, "be")
    found = [(i.severity, draft[i.span[0]:i.span[1]]) for i in run_checks(seg, target, "be", enabled=["spelling"])]
    assert found == ([(expected, word)] if expected else []), found


@needs_dictionary
def test_spelling_skips_marked_words_and_glossary_terms() -> None:
    from translator_flow.model import TermHit

    draft = "Міністэрства аховы здароўя і встречу і покой."
    hit = TermHit("moz", "Министерство", 0, 12, "Міністэрства", "Міністэрства")
    seg, target = make("Министерство здравоохранения и встречу и покой.", draft, "be",
                       marks=(_mark("unknown", draft, "встречу"),), term_hits=(hit,))
    flagged = [draft[i.span[0]:i.span[1]] for i in run_checks(seg, target, "be", enabled=["spelling"])]
    assert flagged == ["покой"]


def test_a_missing_dictionary_is_one_loud_warning_per_document(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setattr(spell, "DICTIONARY", tmp_path / "be_BY")
    spell._speller.cache_clear()
    try:
        rows = [make("Встреча прошла.", "Сустрэча прайшла.", "be") for _ in range(3)]
        segments = [s for s, _ in rows]
        segments = [type(s)(f"s{n}", 0, n, s.source, 0, len(s.source)) for n, s in enumerate(segments)]
        targets = [type(t)(f"s{n}", "be", t.text, "mt") for n, (_, t) in enumerate(rows)]
        issues = run_document_checks(segments, targets, "be", enabled=["spelling"])
        assert len(issues) == 1 and issues[0].severity == "warning" and issues[0].segment_id == "s0"
        assert "did not run" in issues[0].message and "hunspell-be" in issues[0].message
        draft = "Бакі абмеркавалі."
        assert _graded("Стороны обсудили.", draft, _mark("fallback", draft, "абмеркавалі", "lexicon", "обсудили"))[-1] \
            == ("untranslated", "warning", "абмеркавалі")  # nothing confirms the form now
    finally:
        monkeypatch.undo()
        spell._speller.cache_clear()


# --- 4. risky renderings as data -----------------------------------------------------------

# One row per data row: (row id, Russian source, Belarusian draft, the flagged text).
RISKY = [
    ("meeting-noun", "Я назначил встречу на завтра.", "Я прызначыў спаткаю на заўтра.", "спаткаю"),
    ("passed-f", "Встреча прошла в Минске.", "Сустрэча мінулая ў Мінску.", "мінулая"),
    ("passed-n", "Мероприятие прошло успешно.", "Мерапрыемства мінулае паспяхова.", "мінулае"),
    ("passed-m", "Форум прошёл в Гомеле.", "Форум мінулы ў Гомелі.", "мінулы"),
    ("passed-pl", "Переговоры прошли в Минске.", "Перамовы мінулыя ў Мінску.", "мінулыя"),
    ("about-number", "Участвовали около 300 человек.", "Удзельнічалі наўкола 300 чалавек.", "наўкола"),
    ("during", "В течение года построят больницу.", "У цячэнне года пабудуюць бальніцу.", "У цячэнне"),
    ("last-year", "В прошлом году открыли школу.", "У мінуўшчыне году адкрылі школу.", "мінуўшчыне году"),
    ("request-form", "Получите справку в регистратуре.", "Атрымаеце даведку ў рэгістратуры.", "Атрымаеце"),
    ("arrived", "Представители компании прибыли в Минск.", "Прадстаўнікі кампаніі прыбытку ў Мінск.", "прыбытку"),
    ("most", "Больше всего обращений поступило в мае.", "Больш Вялікі ўсяго звароткаў паступіла ў маі.",
     "Больш Вялікі"),
    ("less", "Меньше 10 человек пришли.", "Больш Маленькі 10 чалавек прыйшлі.", "Больш Маленькі"),
    ("more-than-number", "Более 100 предприятий участвуют.", "Больш 100 прадпрыемстваў удзельнічаюць.", "Больш"),
    ("representatives", "На встречу приехали представители министерства.",
     "На сустрэчу прыехалі прадстаўніцы міністэрства.", "прадстаўніцы"),
    ("answer", "Вы получите ответ.", "Вы атрымаеце надлом.", "надлом"),
    ("initial-v", "Отметил В. Гурко.", "Адзначыў Ст. Гурко.", "Ст."),
    ("is-done", "Лечение проводится бесплатно.", "Лячэнне праводзіць бясплатна.", "праводзіць"),
    ("is-located", "Там будут находиться палаты.", "Там будуць знаходзіць палаты.", "знаходзіць"),
    ("ambulance", "Подъехала машина скорой помощи.", "Пад’ехала машына скорай дапамогі.", "скорай"),
    ("particle-zha", "Там же будут палаты.", "Там ж будуць палаты.", "ж"),
    ("world", "Соответствуют мировым стандартам.", "Адпавядаюць міравым стандартам.", "міравым"),
    ("likewise", "Пациенты тоже довольны.", "Пацыенты гэтаксама задаволеныя.", "гэтаксама"),
    ("specialists", "Не хватает специалистов.", "Не хапае спецыялістак.", "спецыялістак"),
    ("case", "В этом случае решение принято.", "У гэтай аказіі рашэнне прынята.", "аказіі"),
    ("training", "Направления на обучение.", "Накіраванні на абучэнне.", "абучэнне"),
    ("at-present", "В настоящее время ведутся работы.", "У сучаснасць час вядуцца работы.", "сучаснасць час"),
    ("holding", "Табличка о проведении операции.", "Таблічка аб баўленні аперацыі.", "баўленні"),
    ("part", "В отремонтированной части здания.", "У адрамантаванай часці будынка.", "часці"),
    ("world-gen", "Чемпионат мира по хоккею пройдёт в Минске.", "Чэмпіянат міру па хакею пройдзе ў Мінску.", "міру"),
]

# Right drafts that the same rows must leave alone (the source rules the homograph out).
RISKY_CLEAN = [
    ("Я встречу гостей.", "Я спаткаю гасцей."),  # no noun in the source: «встречу» is the verb here
    ("Прошлый год был удачным.", "Мінулы год быў удачным."),
    ("Вокруг здания посадили деревья.", "Наўкола будынка пасадзілі дрэвы."),
    ("Вы получите ответ.", "Вы атрымаеце адказ."),
    ("Прибыль компании выросла.", "Прыбытак кампаніі вырас."),
    ("Более чем 50 стран.", "Больш чым 50 краін."),
    ("Представительницы министерства приехали.", "Прадстаўніцы міністэрства прыехалі."),
    ("Адрес тот же.", "Адрас той жа."),
    ("Сразу же осмотрят.", "Адразу ж агледзяць."),
    ("Заключили мировое соглашение.", "Заклалі міравое пагадненне."),
    ("Это было в прошлом.", "Гэта было ў мінуўшчыне."),
    ("Воинская часть расположена здесь.", "Вайсковая часць размешчана тут."),
    ("Форум в защиту мира.", "Форум у абарону міру."),
]


@pytest.mark.parametrize(("row_id", "source", "draft", "flagged"), RISKY)
def test_risky_rendering(row_id: str, source: str, draft: str, flagged: str) -> None:
    seg, target = make(source, draft, "be")
    found = run_checks(seg, target, "be", enabled=["risky_rendering"])
    row = next(r for r in load_risky() if r.id == row_id)
    assert [(i.severity, draft[i.span[0]:i.span[1]].strip()) for i in found if i.span] == [("warning", flagged)]
    assert row.fix in found[0].message  # the likely fix is named


@pytest.mark.parametrize(("source", "draft"), RISKY_CLEAN)
def test_risky_rendering_leaves_right_drafts_alone(source: str, draft: str) -> None:
    seg, target = make(source, draft, "be")
    assert run_checks(seg, target, "be", enabled=["risky_rendering"]) == ()


def test_every_risky_row_has_a_test_and_a_source() -> None:
    rows = load_risky()
    assert {r.id for r in rows} == {row_id for row_id, *_ in RISKY}
    assert len({r.id for r in rows}) == len(rows)
    assert all(r.ref and r.why and r.fix for r in rows)


@pytest.mark.parametrize("bad", ["x\tспатка\t\t\tfix\twhy", "x\t(unclosed\t\t\tfix\twhy\tref",
                                 "x\t\t\t\tfix\twhy\tref"])
def test_bad_risky_rows_say_where(bad: str) -> None:
    with pytest.raises(ValueError, match=r"be_risky.tsv:1"):
        parse_risky(bad)


def test_risky_patterns_match_whole_words() -> None:
    (row,) = parse_risky("x\tмінулая\t\t\tпрайшла\twhy\tref")
    assert row.draft.search("Сустрэча мінулая.") and not row.draft.search("немінулаяя")
    assert re.compile(row.draft.pattern, row.draft.flags).search("МІНУЛАЯ")


@pytest.mark.parametrize(("pattern", "letters"), [
    ("ab+c", ""), ("abc|def", ""), ("(?:x)abcd", "abcd"), ("ab?cde", "cde"), (r"\bпрош[её]л\b", "прош"),
    ("встреч[уи]", "встреч"), (r"(?-i:(?<!\w)В\.)\s*[А-ЯЁ]", ""), (r"\bПрошли\b", "прошли"),
])
def test_required_letters_never_skip_a_match(pattern: str, letters: str) -> None:
    from translator_flow.qa.checks_risky import required_letters

    assert required_letters(pattern) == letters


def test_every_risky_source_match_contains_its_hint() -> None:
    for row_id, source, _, _ in RISKY:
        row = next(r for r in load_risky() if r.id == row_id)
        assert row.hint in source.lower(), row_id


def test_every_kind_of_filled_in_word_says_how_it_was_made() -> None:
    """Each ``via`` the QA grades (except the lexicon's own) has its tooltip label, so a
    respelled name or a rewritten participle is never called "from the lexicon"."""
    import re
    from pathlib import Path

    from translator_flow.lang.be_government import FLAGS
    from translator_flow.writers.labels import MARK_VIA_LABELS, mark_note

    source = (Path(__file__).parents[1] / "src/translator_flow/qa/marks.py").read_text(encoding="utf-8")
    graded = set(re.findall(r'via == "([a-z-]+)"', source)) | set(FLAGS.values())
    assert graded - {"lexicon"} == set(MARK_VIA_LABELS)
    _ = ui_text("en")
    for via in MARK_VIA_LABELS:
        assert not mark_note(_, Mark("fallback", "Волкоў", 0, 6, via)).startswith(_("from the lexicon"))
