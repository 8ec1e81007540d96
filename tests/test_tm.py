"""Translation memory: normalised exact matches, near matches, newest wins, TMX 1.4b files."""

from __future__ import annotations

import random
import time
from datetime import datetime, timedelta, UTC
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from lxml import etree

from translator_flow.tm import TMUnit, TranslationMemory, normalize
from translator_flow.tm.normalize import fuzzy_key
from translator_flow.tm.suggest import suggest_glossary_entries
from translator_flow.tm.tmx_io import TMError

DAY1 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
DAY2 = DAY1 + timedelta(days=1)

SOURCE = "Губернатор «Смоленской области» провёл встречу — с делегацией из Минска."
TARGET = "Губернатар «Смаленскай вобласці» правёў сустрэчу — з дэлегацыяй з Мінска."


def unit(source: str = SOURCE, target: str = TARGET, lang: str = "be", date: datetime = DAY1,
         release: str = "r1", mt: str = "") -> TMUnit:
    return TMUnit(source, target, lang, date, release, mt)


@pytest.fixture()
def tm(tmp_path: Path) -> TranslationMemory:
    memory = TranslationMemory(tmp_path / "tm")
    memory.add([unit()])
    return memory


@pytest.mark.parametrize("variant", [
    SOURCE,
    SOURCE.replace("«", '"').replace("»", '"'),  # straight quotes
    SOURCE.replace("«", "“").replace("»", "”"),  # English curly quotes
    SOURCE.replace("«", "„").replace("»", "“"),  # low-high quotes
    SOURCE.replace(" — ", " - "),  # hyphen for em dash
    SOURCE.replace(" — ", " – "),  # en dash
    SOURCE.replace(" ", "\u00a0"),  # no-break spaces everywhere
    "  " + SOURCE.replace(" ", "  \n") + " ",  # repeated spaces, line breaks, edges
    SOURCE.replace("провёл", "провел"),  # ё written as е
])
def test_exact_lookup_ignores_quotes_dashes_spaces_and_yo(tm: TranslationMemory, variant: str) -> None:
    match = tm.lookup(variant, "be")
    assert match is not None and match.score == 1.0
    assert match.target == TARGET


@pytest.mark.parametrize("different", [
    SOURCE.replace("Минска", "Гомеля"),  # another word
    SOURCE.replace("Губернатор", "губернатор"),  # case is kept for exact matches
    SOURCE.rstrip("."),  # punctuation is text
])
def test_exact_lookup_is_exact_otherwise(tm: TranslationMemory, different: str) -> None:
    assert tm.lookup(different, "be") is None


def test_lookup_is_per_language(tm: TranslationMemory) -> None:
    assert tm.lookup(SOURCE, "en") is None


def test_near_match_is_suggested_not_returned_as_exact(tm: TranslationMemory) -> None:
    near = SOURCE.replace("Минска", "Минской области")
    assert tm.lookup(near, "be") is None
    matches = tm.suggest(near, "be")
    assert [m.target for m in matches] == [TARGET]
    expected = SequenceMatcher(None, fuzzy_key(near), fuzzy_key(SOURCE), autojunk=False).ratio()
    assert matches[0].score == pytest.approx(expected)
    assert 0.85 <= matches[0].score < 1.0
    assert "TM" in matches[0].as_note() and TARGET in matches[0].as_note()


def test_below_threshold_is_not_suggested(tm: TranslationMemory) -> None:
    far = "Губернатор провёл встречу с фермерами района."
    assert SequenceMatcher(None, fuzzy_key(far), fuzzy_key(SOURCE)).ratio() < 0.85
    assert tm.suggest(far, "be") == []


def test_suggestions_are_best_first_and_limited(tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path)
    base = "Совещание по вопросам развития агропромышленного комплекса прошло в Могилёве"
    memory.add([unit(f"{base}{tail}", f"T{n}") for n, tail in enumerate([".", " вчера.", " в среду.", " 5 мая.", "!"])])
    matches = memory.suggest(base + ".", "be", limit=3)
    assert len(matches) == 3
    assert matches[0].score == 1.0 and matches[0].target == "T0"
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)


def test_add_deduplicates_and_newest_wins(tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path)
    assert memory.add([unit(date=DAY1), unit(source=SOURCE.replace("«", '"'), date=DAY1)]) == 1
    assert memory.add([unit(target="новы пераклад", date=DAY2, release="r2")]) == 1
    assert memory.lookup(SOURCE, "be").target == "новы пераклад"
    assert memory.add([unit(target="стары пераклад", date=DAY1)]) == 0  # older loses
    assert memory.lookup(SOURCE, "be").target == "новы пераклад"
    assert len(memory.units("be")) == 1


def test_same_target_again_keeps_the_recorded_edit(tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path)
    memory.add([unit(mt="машынны варыянт", release="r1")])
    assert memory.add([unit(date=DAY2, release="r2")]) == 0
    assert memory.units("be")[0].mt_draft == "машынны варыянт"


def test_empty_pairs_are_not_stored(tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path)
    assert memory.add([unit(target=""), unit(source="  ")]) == 0


def test_tmx_file_is_tmx_14_with_dates_release_and_mt_draft(tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path / "tm")
    memory.add([unit(mt="Губернатар «Смаленскай абласці» правёў сустрэчу."), unit("Второе.", "Другое.", "en")])
    written = memory.save()
    assert sorted(p.name for p in written) == ["ru-be.tmx", "ru-en.tmx"]
    raw = (tmp_path / "tm" / "ru-be.tmx").read_bytes()
    assert b'<!DOCTYPE tmx SYSTEM "tmx14.dtd">' in raw
    root = etree.fromstring(raw)
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    for attr in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"):
        assert header.get(attr), attr  # required by TMX 1.4b
    assert header.get("srclang") == "ru" and header.get("creationtool") == "translator-flow"
    (tu,) = root.find("body")
    assert tu.get("creationdate") == "20250301T090000Z"
    assert [c.tag for c in tu] == ["prop", "prop", "tuv", "tuv"]  # DTD: (note|prop)*, tuv+
    props = {p.get("type"): p.text for p in tu.findall("prop")}
    assert props == {"x-release": "r1", "x-mt-draft": "Губернатар «Смаленскай абласці» правёў сустрэчу."}
    langs = [t.get("{http://www.w3.org/XML/1998/namespace}lang") for t in tu.findall("tuv")]
    assert langs == ["ru", "be"] and tu.find("tuv/seg").text == SOURCE

    again = TranslationMemory(tmp_path / "tm")
    (loaded,) = again.units("be")
    assert loaded == memory.units("be")[0]


def test_files_load_lazily_per_language(tmp_path: Path) -> None:
    folder = tmp_path / "tm"
    memory = TranslationMemory(folder)
    memory.add([unit()])
    memory.save()
    (folder / "ru-en.tmx").write_text("not xml at all", encoding="utf-8")
    fresh = TranslationMemory(folder)
    assert fresh.lookup(SOURCE, "be") is not None  # the broken English file is never parsed
    with pytest.raises(TMError, match=r"ru-en.tmx is not a readable TMX file"):
        fresh.lookup(SOURCE, "en")


def test_save_writes_only_changed_languages(tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path)
    assert memory.save() == []
    memory.add([unit()])
    assert [p.name for p in memory.save()] == ["ru-be.tmx"]
    assert memory.save() == []


def test_reads_tmx_written_by_other_tools(tmp_path: Path) -> None:
    (tmp_path / "ru-be.tmx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="OmegaT" '
        'creationtoolversion="6" segtype="sentence" o-tmf="OmegaT" adminlang="EN-US" srclang="RU-RU" '
        'datatype="plaintext"/><body>'
        '<tu changedate="20240105T101010Z"><tuv xml:lang="RU-RU"><seg>Добрый день.</seg></tuv>'
        '<tuv xml:lang="BE-BY"><seg>Добры дзень.</seg></tuv></tu>'
        '<tu><tuv xml:lang="ru"><seg>Только источник.</seg></tuv></tu>'
        "</body></tmx>", encoding="utf-8")
    memory = TranslationMemory(tmp_path)
    match = memory.lookup("Добрый  день.", "be")
    assert match is not None and match.target == "Добры дзень."
    assert match.unit.date == datetime(2024, 1, 5, 10, 10, 10, tzinfo=UTC)
    assert len(memory.units("be")) == 1  # a unit without a Belarusian variant is skipped


def test_normalize_keeps_letters_and_case() -> None:
    assert normalize("«Минск»\u00a0— столица") == '"Минск" - столица'
    assert normalize("Ёлка") == "Елка"
    assert normalize("Да ,  нет .") == "Да, нет."


def _corpus(n: int) -> list[str]:
    rng = random.Random(7)
    subjects = ["Губернатор", "Министр", "Председатель облисполкома", "Делегация", "Посол", "Мэр города",
                "Руководитель района", "Директор предприятия", "Заместитель премьер-министра", "Спикер"]
    verbs = ["провёл встречу с", "обсудил сотрудничество с", "посетил предприятие вместе с",
             "подписал соглашение с", "принял участие в форуме с", "вручил награды"]
    objects = ["представителями бизнеса", "жителями района", "делегацией Смоленской области",
               "руководством концерна", "студентами университета", "ветеранами", "аграриями",
               "строителями нового микрорайона", "учителями школ", "врачами областной больницы"]
    places = ["в Минске", "в Гомеле", "в Могилёве", "в Витебске", "в Гродно", "в Бресте", "в Смоленске"]
    return [f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(objects)} {rng.choice(places)} "
            f"{rng.randint(1, 28)} {rng.choice(['марта', 'апреля', 'мая'])} {2000 + i % 25} года." for i in range(n)]


@pytest.mark.slow
def test_near_matches_equal_brute_force_and_are_fast_on_10k_units(tmp_path: Path) -> None:
    sentences = _corpus(10_000)
    memory = TranslationMemory(tmp_path)
    memory.add(unit(s, f"T{i}", date=DAY1 + timedelta(seconds=i)) for i, s in enumerate(sentences))
    rng = random.Random(3)
    queries = []
    for s in rng.sample(sentences, 40):
        words = s.split()
        k = rng.randrange(len(words))
        words[k] = words[k][:-2] + "ом"  # an inflection changed
        queries.append(" ".join(words))
    start = time.perf_counter()
    results = [memory.suggest(q, "be", limit=1) for q in queries]
    per_query = (time.perf_counter() - start) / len(queries)
    keys = [fuzzy_key(s) for s in sentences]
    start = time.perf_counter()
    for query, result in zip(queries[:10], results[:10]):  # brute force is slow: check 10
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(fuzzy_key(query))
        best = 0.0
        for key in keys:  # every unit scored (quick_ratio is an upper bound, so exact)
            matcher.set_seq1(key)
            if matcher.quick_ratio() > best:
                best = max(best, matcher.ratio())
        if best >= 0.85:
            assert result and result[0].score == pytest.approx(best)
        else:
            assert not result
    brute_per_query = (time.perf_counter() - start) / 10
    assert sum(1 for r in results if r) >= 30
    # Timing relative to brute force on the same machine, so a busy CI box cannot fail it;
    # measured 27 ms vs 210 ms per query on this deliberately repetitive corpus.
    print(f"suggest {per_query * 1000:.1f} ms/query, brute force {brute_per_query * 1000:.1f} ms/query")
    assert per_query * 4 < brute_per_query, (per_query, brute_per_query)


def test_glossary_suggestion_from_the_same_edit_in_two_releases(tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path)
    memory.add([
        unit("Делегация Смоленской области посетила Минск.", "Дэлегацыя Смаленскай вобласці наведала Мінск.",
             release="2025-03-01-visit", mt="Дэлегацыя Смаленскай абласці наведала Мінск."),
        unit("Губернатор Смоленской области провёл приём.", "Губернатар Смаленскай вобласці правёў прыём.",
             date=DAY2, release="2025-03-02-reception", mt="Губернатар Смаленскай абласці правёў прыём."),
        # the same edit twice in one release is one release of evidence
        unit("В Гомеле открыли школу.", "У Гомелі адкрылі школу.", release="r3", mt="У Гомелі адчынілі школу."),
        unit("В Гомеле открыли больницу.", "У Гомелі адкрылі бальніцу.", release="r3",
             mt="У Гомелі адчынілі бальніцу."),
        unit("Без правки.", "Без праўкі.", release="r4", mt="Без праўкі."),
    ])
    (suggestion,) = suggest_glossary_entries(memory, "be")
    assert (suggestion.ru, suggestion.mt, suggestion.target) == ("области", "абласці", "вобласці")
    assert set(suggestion.releases) == {"2025-03-01-visit", "2025-03-02-reception"}
    assert {e.source for e in suggestion.evidence} == {"Делегация Смоленской области посетила Минск.",
                                                        "Губернатор Смоленской области провёл приём."}
    assert len(suggest_glossary_entries(memory, "be", min_releases=1)) == 2
    assert suggest_glossary_entries(memory, "be", min_releases=3) == []
