"""People: matched in all six cases, with initials, by surname alone and with the first
name, and placed in the Belarusian form of their gender (issue 12, item 4).

Fourteen people, men and women, with surnames pymorphy3 knows (Анохин, Новицкий) and
does not (Мясникович, Снопков, Кочанова, Щеткина): each in six sentences that ask for the
six cases (written for this test), as «Surname», «И. О. Surname», «Surname И. О.» and
«Name Surname». Expected Belarusian forms: the rules cited in morph/surnames.py (1959
orthography rules, still in force for proper names; «Беларуская граматыка», 1985). Forms
whose ending depends on stress must come with a «pin the form» flag, never silently.
"""

from __future__ import annotations

import pytest

from translator_flow.glossary import Glossary, check_terminology
from translator_flow.glossary.entries import Entry

CASES = ("nom", "gen", "dat", "acc", "ins", "loc")
# The case each sentence asks for: sentence start, a noun before, к, про, с, о.
SENTENCES = (
    "{} открыл(а) форум.",
    "Выступление {} было ярким.",
    "Журналисты обратились к {}.",
    "Журналисты написали про {}.",
    "Встреча с {} прошла в Минске.",
    "Журналисты рассказали о {}.",
)

# id, ru, be, gender column, Russian surname in six cases, Belarusian surname in six cases,
# cases whose Belarusian form must be flagged (stress-dependent ending)
PEOPLE: list[tuple[str, str, str, str, tuple[str, ...], tuple[str, ...], set[str]]] = [
    ("anokhin", "Василий Анохин", "Васіль Анохін", "",
     ("Анохин", "Анохина", "Анохину", "Анохина", "Анохиным", "Анохине"),
     ("Анохін", "Анохіна", "Анохіну", "Анохіна", "Анохіным", "Анохіне"), set()),
    ("myasnikovich", "Михаил Мясникович", "Міхаіл Мясніковіч", "m",
     ("Мясникович", "Мясниковича", "Мясниковичу", "Мясниковича", "Мясниковичем", "Мясниковиче"),
     ("Мясніковіч", "Мясніковіча", "Мясніковічу", "Мясніковіча", "Мясніковічам", "Мясніковічу"), set()),
    ("kravets", "Игорь Кравец", "Ігар Кравец", "",
     ("Кравец", "Кравца", "Кравцу", "Кравца", "Кравцом", "Кравце"),
     ("Кравец", "Краўца", "Краўцу", "Краўца", "Краўцом", "Краўцу"), {"ins", "loc"}),
    ("snopkov", "Сергей Снопков", "Сяргей Снопкоў", "",
     ("Снопков", "Снопкова", "Снопкову", "Снопкова", "Снопковым", "Снопкове"),
     ("Снопкоў", "Снопкова", "Снопкову", "Снопкова", "Снопковым", "Снопкове"), set()),
    ("novitsky", "Андрей Новицкий", "Андрэй Навіцкі", "",
     ("Новицкий", "Новицкого", "Новицкому", "Новицкого", "Новицким", "Новицком"),
     ("Навіцкі", "Навіцкага", "Навіцкаму", "Навіцкага", "Навіцкім", "Навіцкім"), set()),
    ("golovchenko", "Виктор Головченко", "Віктар Галоўчанка", "",
     ("Головченко",) * 6,
     ("Галоўчанка", "Галоўчанкі", "Галоўчанку", "Галоўчанку", "Галоўчанкам", "Галоўчанку"), set()),
    ("chernykh", "Юрий Черных", "Юрый Чарных", "m", ("Черных",) * 6, ("Чарных",) * 6, set()),
    ("zhuk", "Дмитрий Жук", "Дзмітрый Жук", "",
     ("Жук", "Жука", "Жуку", "Жука", "Жуком", "Жуке"),
     ("Жук", "Жука", "Жуку", "Жука", "Жукам", "Жуку"), {"ins"}),
    ("kochanova", "Наталья Кочанова", "Наталля Качанава", "",
     ("Кочанова", "Кочановой", "Кочановой", "Кочанову", "Кочановой", "Кочановой"),
     ("Качанава", "Качанавай", "Качанавай", "Качанаву", "Качанавай", "Качанавай"), set()),
    ("kostevich", "Ирина Костевич", "Ірына Касцевіч", "f", ("Костевич",) * 6, ("Касцевіч",) * 6, set()),
    ("shchetkina", "Марианна Щеткина", "Марыяна Шчоткіна", "",
     ("Щеткина", "Щеткиной", "Щеткиной", "Щеткину", "Щеткиной", "Щеткиной"),
     ("Шчоткіна", "Шчоткінай", "Шчоткінай", "Шчоткіну", "Шчоткінай", "Шчоткінай"), set()),
    ("novitskaya", "Людмила Новицкая", "Людміла Навіцкая", "",
     ("Новицкая", "Новицкой", "Новицкой", "Новицкую", "Новицкой", "Новицкой"),
     ("Навіцкая", "Навіцкай", "Навіцкай", "Навіцкую", "Навіцкай", "Навіцкай"), set()),
    ("petrenko", "Ольга Петренко", "Вольга Пятрэнка", "f",
     ("Петренко",) * 6,
     ("Пятрэнка", "Пятрэнкі", "Пятрэнцы", "Пятрэнку", "Пятрэнкай", "Пятрэнцы"), set()),
    ("bogdan", "Елена Богдан", "Алена Багдан", "", ("Богдан",) * 6, ("Багдан",) * 6, set()),
]

# First names, for the «Name Surname» rows: Russian and Belarusian in six cases.
FIRST_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "kochanova": (("Наталья", "Натальи", "Наталье", "Наталью", "Натальей", "Наталье"),
                  ("Наталля", "Наталлі", "Наталлі", "Наталлю", "Наталляй", "Наталлі")),
    "shchetkina": (("Марианна", "Марианны", "Марианне", "Марианну", "Марианной", "Марианне"),
                   ("Марыяна", "Марыяны", "Марыяне", "Марыяну", "Марыянай", "Марыяне")),
    "novitskaya": (("Людмила", "Людмилы", "Людмиле", "Людмилу", "Людмилой", "Людмиле"),
                   ("Людміла", "Людмілы", "Людміле", "Людмілу", "Людмілай", "Людміле")),
    "petrenko": (("Ольга", "Ольги", "Ольге", "Ольгу", "Ольгой", "Ольге"),
                 ("Вольга", "Вольгі", "Вользе", "Вольгу", "Вольгай", "Вользе")),
    "snopkov": (("Сергей", "Сергея", "Сергею", "Сергея", "Сергеем", "Сергее"),
                ("Сяргей", "Сяргея", "Сяргею", "Сяргея", "Сяргеем", "Сяргею")),
    "myasnikovich": (("Михаил", "Михаила", "Михаилу", "Михаила", "Михаилом", "Михаиле"),
                     ("Міхаіл", "Міхаіла", "Міхаілу", "Міхаіла", "Міхаілам", "Міхаілу")),
}


def _initials(be: str) -> str:
    return be[:1] + "."


ROWS = []
for pid, ru, be, _gender, ru_forms, be_forms, unsure in PEOPLE:
    first_ru = ru.split()[0][:1]
    for k, case in enumerate(CASES):
        template = SENTENCES[k]
        for shape in ("alone", "before", "after"):
            occurrence = {"alone": ru_forms[k], "before": f"{first_ru}. А. {ru_forms[k]}",
                          "after": f"{ru_forms[k]} {first_ru}. А."}[shape]
            placed = {"alone": be_forms[k], "before": f"{_initials(be)} А. {be_forms[k]}",
                      "after": f"{be_forms[k]} {_initials(be)} А."}[shape]
            ROWS.append((pid, case, shape, template.format(occurrence), occurrence, placed, case in unsure))


def _glossary(pid: str) -> Glossary:
    row = next(p for p in PEOPLE if p[0] == pid)
    return Glossary([Entry(pid, row[1], row[2], "N " + pid.title(), source="test", gender=row[3])])


def test_table_is_big_enough() -> None:
    genders = [Glossary([Entry(p[0], p[1], p[2], "E", gender=p[3])]).matcher.gender(Entry(p[0], p[1], p[2], "E", gender=p[3]))
               for p in PEOPLE]
    assert len(PEOPLE) >= 12 and genders.count("m") >= 6 and genders.count("f") >= 6, genders
    assert len(ROWS) == len(PEOPLE) * 6 * 3


@pytest.mark.parametrize("pid,case,shape,sentence,occurrence,placed,unsure", ROWS,
                         ids=[f"{r[0]}-{r[1]}-{r[2]}" for r in ROWS])
def test_person_matched_in_every_case_and_placed_in_their_gender(pid, case, shape, sentence, occurrence, placed, unsure) -> None:
    g = _glossary(pid)
    hits = g.find(sentence)
    assert [(h.entry_id, h.source_text) for h in hits] == [(pid, occurrence)]
    _, done = g.protect(sentence, hits, "be")
    assert done[0].target_form == placed
    flagged = done[0].flagged
    if unsure:
        assert "pin the form" in flagged, flagged
    else:
        assert "pin the form" not in flagged and "gender" not in flagged, flagged
    assert not [f for f in check_terminology(sentence, sentence.replace(occurrence, placed), done, "be", g)
                if f[0] == "blocking"]


FULL_ROWS = [(pid, case, k) for pid in FIRST_NAMES for k, case in enumerate(CASES)]


@pytest.mark.parametrize("pid,case,k", FULL_ROWS, ids=[f"{r[0]}-{r[1]}" for r in FULL_ROWS])
def test_first_name_and_surname_in_every_case(pid: str, case: str, k: int) -> None:
    person = next(p for p in PEOPLE if p[0] == pid)
    first_ru, first_be = FIRST_NAMES[pid]
    occurrence = f"{first_ru[k]} {person[4][k]}"
    sentence = SENTENCES[k].format(occurrence)
    g = _glossary(pid)
    hits = g.find(sentence)
    assert [(h.entry_id, h.source_text) for h in hits] == [(pid, occurrence)]
    _, done = g.protect(sentence, hits, "be")
    assert done[0].target_form == f"{first_be[k]} {person[5][k]}"


def test_a_woman_and_a_man_with_one_surname_are_told_apart() -> None:
    g = Glossary([Entry("him", "Игорь Кравец", "Ігар Кравец", "Igor Kravets"),
                  Entry("her", "Елена Кравец", "Алена Кравец", "Elena Kravets")])
    assert [h.entry_id for h in g.find("Встреча с Кравцом прошла.")] == ["him"]
    assert [h.entry_id for h in g.find("Встреча с Е. Кравец прошла.")] == ["her"]
    assert [h.entry_id for h in g.find("Встреча с И. Кравцом прошла.")] == ["him"]


def test_gender_comes_from_the_column_the_name_or_the_ending() -> None:
    g = Glossary([Entry("a", "Наталья Кочанова", "Наталля Качанава", "N K"),
                  Entry("b", "Кочанова", "Качанава", "K", gender="f"),
                  Entry("c", "Саша Снопкова", "Саша Снопкова", "S S"),
                  Entry("d", "Саша Кравец", "Саша Кравец", "S K")])
    assert [g.matcher.gender(e) for e in g.entries] == ["f", "f", "f", ""]


def test_unknown_gender_is_flagged_when_the_forms_differ() -> None:
    # «Саша» is a man's or a woman's name: the Belarusian form of «Кравец» differs.
    g = Glossary([Entry("sasha", "Саша Кравец", "Саша Кравец", "Sasha Kravets")])
    text = "Встреча с Сашей Кравец прошла."
    _, done = g.protect(text, g.find(text), "be")
    assert done and "gender of entry sasha unknown" in done[0].flagged


def test_a_form_no_rule_can_make_is_flagged_pin_the_form() -> None:
    # A Belarusian surname ending the rules do not cover: base form, flagged, never guessed.
    g = Glossary([Entry("x", "Иван Кукуй", "Іван Кукуйъ", "Ivan Kukui", gender="m")])
    text = "Встреча с Кукуем прошла."
    hits = g.find(text)
    assert [h.source_text for h in hits] == ["Кукуем"]
    _, done = g.protect(text, hits, "be")
    assert done[0].target_form == "Кукуйъ" and "pin the form" in done[0].flagged


# -- through the real Apertium pipeline ------------------------------------------------
ENGINE_ROWS = [r for r in ROWS if r[0] in {"kochanova", "myasnikovich", "snopkov", "novitskaya", "petrenko", "zhuk"}
               and r[2] == ("alone" if r[1] in ("gen", "ins") else "before") and r[1] in ("gen", "dat", "ins", "loc")]


def test_people_placed_through_apertium_keep_their_forms() -> None:
    from translator_flow.errors import EngineUnavailable
    from translator_flow.pipeline import Pipeline

    g = Glossary([Entry(p[0], p[1], p[2], "N", source="test", gender=p[3]) for p in PEOPLE])
    sentences = [r[3] for r in ENGINE_ROWS]
    with Pipeline(glossary=g) as pipeline:
        try:
            drafts = pipeline.translate_texts(sentences, "be")
        except EngineUnavailable as exc:
            pytest.skip(f"Apertium rus-bel is not installed: {exc}")
    assert len(drafts) >= 20
    for (pid, _, _, sentence, _, placed, _), draft in zip(ENGINE_ROWS, drafts):
        assert [h.entry_id for h in draft.term_hits] == [pid], (sentence, draft.term_hits)
        assert placed in draft.text.replace("\u00a0", " "), (placed, draft.text)
        assert not [f for f in check_terminology(sentence, draft.text, draft.term_hits, "be", g) if f[0] == "blocking"]


def test_gender_column_is_read_checked_and_written(tmp_path) -> None:
    from translator_flow.glossary.csvio import read_csv, write_csv

    path = tmp_path / "people.csv"
    path.write_text("id,ru,be,en,note,source,gender\n"
                    "k,Наталья Кочанова,Наталля Качанава,Natalya Kochanova,,s,Ж\n"
                    "m,Михаил Мясникович,Міхаіл Мясніковіч,Mikhail Myasnikovich,,s,male\n"
                    "x,Иван Кукуй,Іван Кукуй,Ivan Kukui,,s,x\n", encoding="utf-8")
    entries, problems = read_csv(path)
    assert [(e.id, e.gender) for e in entries] == [("k", "f"), ("m", "m")]
    assert [(p.line, p.fatal) for p in problems] == [(4, True)] and "write m or f" in problems[0].message
    out = tmp_path / "out.csv"
    write_csv(out, entries)
    assert out.read_text(encoding="utf-8").splitlines()[0].endswith(",gender")
    assert [(e.id, e.gender) for e in read_csv(out)[0]] == [("k", "f"), ("m", "m")]


def test_files_without_the_gender_column_read_as_before(tmp_path) -> None:
    from translator_flow.glossary.csvio import read_csv

    path = tmp_path / "old.csv"
    path.write_text("id,ru,be,en,note,source\nk,Наталья Кочанова,Наталля Качанава,N K,,s\n", encoding="utf-8")
    entries, problems = read_csv(path)
    assert not problems and entries[0].gender == "" and "gender" not in entries[0].to_row()
    assert Glossary(entries).matcher.gender(entries[0]) == "f"  # from «Наталья»


def test_gender_survives_a_tbx_round_trip(tmp_path) -> None:
    from translator_flow.glossary.tbx import read_tbx, write_tbx

    entry = Entry("k", "Наталья Кочанова", "Наталля Качанава", "Natalya Kochanova", source="s", gender="f")
    write_tbx(tmp_path / "g.tbx", [entry])
    entries, problems = read_tbx(tmp_path / "g.tbx")
    assert not [p for p in problems if p.fatal] and entries[0].gender == "f"


@pytest.mark.parametrize("entry,sentence,occurrence,placed", [
    (("Наталья Ивановна Кочанова", "Наталля Іванаўна Качанава", ""),
     "Встреча с Натальей Ивановной Кочановой прошла.", "Натальей Ивановной Кочановой", "Наталляй Іванаўнай Качанавай"),
    (("Наталья Ивановна Кочанова", "Наталля Іванаўна Качанава", ""),
     "Доклад Натальи Кочановой одобрен.", "Натальи Кочановой", "Наталлі Качанавай"),  # no patronymic in the text
    (("Мясникович Михаил Владимирович", "Мясніковіч Міхаіл Уладзіміравіч", ""),  # surname first, as in documents
     "Письмо направлено Мясниковичу Михаилу Владимировичу.", "Мясниковичу Михаилу Владимировичу",
     "Мясніковічу Міхаілу Уладзіміравічу"),
    (("Мясникович Михаил Владимирович", "Мясніковіч Міхаіл Уладзіміравіч", ""),
     "Встреча с Мясниковичем прошла.", "Мясниковичем", "Мясніковічам"),
    (("Николай Римский-Корсаков", "Мікалай Рымскі-Корсакаў", ""),  # a double surname: both parts decline
     "Музыка Римского-Корсакова звучала.", "Римского-Корсакова", "Рымскага-Корсакава"),
])
def test_patronymics_surname_first_and_double_surnames(entry, sentence, occurrence, placed) -> None:
    ru, be, gender = entry
    g = Glossary([Entry("p", ru, be, "E", source="s", gender=gender)])
    hits = g.find(sentence)
    assert [h.source_text for h in hits] == [occurrence]
    _, done = g.protect(sentence, hits, "be")
    assert done[0].target_form == placed and not done[0].flagged


def test_glossary_add_with_gender_writes_the_column_or_refuses_in_one_line(tmp_path, monkeypatch) -> None:
    from click.testing import CliRunner

    from translator_flow.cli import cli

    monkeypatch.chdir(tmp_path)
    add = ["glossary", "add", "--ru", "Наталья Кочанова", "--be", "Наталля Качанава", "--en", "Natalya Kochanova",
           "--source", "test", "--gender", "F"]
    result = CliRunner().invoke(cli, [*add, "--file", "people.csv"])
    assert result.exit_code == 0, result.output
    from translator_flow.glossary.csvio import read_csv

    entries, _ = read_csv(tmp_path / "people.csv")
    assert entries[0].gender == "f"
    (tmp_path / "old.csv").write_text("id,ru,be,en,note,source\nm,Минск,Мінск,Minsk,,s\n", encoding="utf-8")
    result = CliRunner().invoke(cli, [*add, "--file", "old.csv"])
    assert result.exit_code == 4
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and "gender" in lines[0] and "header" in lines[0]


def test_lint_warns_when_a_persons_gender_is_guessed_or_unknown(tmp_path) -> None:
    from translator_flow.glossary.lint import lint_paths

    path = tmp_path / "people.csv"
    path.write_text("id,ru,be,en,note,source,gender\n"
                    "a,Наталья Кочанова,Наталля Качанава,N K,,s,\n"  # from the first name: fine
                    "b,Саша Кравец,Саша Кравец,S K,,s,\n"  # «Саша»: either
                    "c,Саша Снопкова,Саша Снопкова,S S,,s,\n"  # from -ова: a guess
                    "d,Игорь Жук,Ігар Жук,I Z,,s,m\n", encoding="utf-8")
    _, problems = lint_paths([path])
    people = {p.line: p.message for p in problems if "person" in p.message}
    assert set(people) == {3, 4} and all(p.warning for p in problems if "person" in p.message)
    assert "unknown" in people[3] and "guess" in people[4]
