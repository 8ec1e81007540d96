"""Systematic errors of Apertium rus-bel fixed at the bilingual-lookup stage and in post-editing.

Each row: a Russian sentence (written for these tests) → Belarusian forms the draft must
contain and the engine's wrong forms it must not contain. The forms follow the official
orthography and the sources named in ``be_corrections.py`` / ``be_corrections.tsv``.
The pipeline (engine → fallback → post-editing) runs once for the whole table.
"""

from __future__ import annotations

import re
import os
import shutil
import subprocess

import pytest

from translator_flow.lang import postedit, postedit_with_offsets
from translator_flow.lang.be_corrections import SHORT_MARK, lexical_stage, rewrite_bidix_stream
from translator_flow.model import Mark

# (Russian, forms the draft contains, forms it must not contain)
CASES = [
    # future of быть: «будзе/будуць», not the present «ёсць»
    ("Новая школа будет работать с сентября.", ["будзе працаваць"], ["ёсць"]),
    ("Все заявки будут рассмотрены комиссией.", ["будуць разгледжаныя"], ["ёсць"]),
    # neuter singular short participle in the predicate: short form
    ("Вчера было подписано соглашение о сотрудничестве.", ["было падпісана пагадненне"], ["падпісанае"]),
    ("Оборудование закуплено за счёт областного бюджета.", ["Абсталяванне закуплена"], ["закупленае"]),
    ("Особое внимание будет уделено безопасности.", ["будзе ўдзелена"], ["удзеленае", "ёсць"]),
    # … but a full (attributive) participle stays full
    ("Подписанное соглашение вступит в силу в мае.", ["Падпісанае пагадненне"], []),
    # по + dative → па + locative
    ("По итогам года выпуск продукции вырос.", ["Па выніках года"], ["вынікам"]),
    ("Справки можно получить по телефону.", ["па тэлефоне"], ["тэлефону"]),
    ("Жители обратились по личным вопросам.", ["пытаннях"], ["пытанням"]),
    ("Запись ведётся по месту жительства.", ["па месцы жыхарства"], ["месцу"]),
    # the generator's instrumental of Васіль (the stress is on the ending)
    ("Встреча с Василием Петровым прошла в Минске.", ["з Васілём"], ["Васілем"]),
    # the pair's CG mapping tags are dropped: «них» after a preposition is «іх», not «#яны»
    ("Из них около 15 тысяч госпитализируются.", ["З іх"], ["яны"]),
    ("Найдено 5000 надписей, из них 3000 в Швеции.", ["з іх"], ["яны"]),
    # the overlay CG keeps dictionary lemmas, so the pair's rules still see a sentence-initial
    # «В»/«По» (with «-w» they saw «В» and chose another reading)
    ("В этом году отремонтировано 120 километров дорог.", ["У гэтым годзе"], ["гэтым году"]),
    ("В ходе встречи обсуждались вопросы отопления.", ["У ходзе"], ["хадзе"]),
    # к + dative → да + genitive
    ("К концу года откроется новая поликлиника.", ["Да канца года"], ["К канцу"]),
    ("Город готовится к отопительному сезону.", ["да", "сезона"], ["к ", "сезону"]),
    ("Объект сдадут к 2027 году.", ["да 2027 года"], ["году"]),
    # «больше» → «больш»
    ("Выручка на 10 процентов больше, чем в прошлом году.", ["больш, чым"], ["вялікі"]),
    ("Больше всего обращений поступило из Минска.", ["Больш усяго"], ["вялікі", "Вялікі"]),
    # capital «В.» is an initial, small «в.» is век → ст.
    ("Заявление сделал В. Петров.", ["В. П"], ["Ст."]),
    ("Храм построен в XIX в.", ["XIX ст."], []),
    # agent nouns: the masculine noun names the role
    ("Губернатор встретился с представителями предпринимателей.", ["прадстаўнікамі прадпрымальнікаў"],
     ["прадстаўніцамі", "прадпрыемцаў"]),
    ("Депутаты поддержали отечественных производителей.", ["Дэпутаты", "вытворцаў"], ["дэпутаткі", "вытворнікаў"]),
    # ответ → адказ, обращение → зварот
    ("Ответы на обращения граждан опубликованы.", ["Адказы", "звароты"], ["Надломы", "звароткі"]),
    # -ие/-ство nouns after a plural modifier or predicate: plural, not genitive singular
    ("Подписаны соглашения о сотрудничестве.", ["пагадненні"], ["пагаднення"]),
    ("Новые соглашения вступят в силу.", ["Новыя пагадненні"], ["пагаднення"]),
    ("Все предложения будут рассмотрены.", ["Усе", "будуць"], ["Усё"]),
    ("Вход на все мероприятия свободный.", ["се мерапрыемствы"], ["сё"]),
    # the generator's free variants: only the first is a Belarusian word
    ("Замечаний не выявлено.", ["не выяўлена"], ["/"]),
    ("Была выявлена ошибка.", ["выяўлена"], ["/"]),
    # output rows
    ("Заявки будут рассмотрены в установленном порядке.", ["ва ўстаноўленым"], ["у ўстан", "ў ўстан"]),
    ("Это на пять процентов больше.", ["Гэта на"], ["Гэтае"]),
    ("Занятия будут бесплатными.", ["бясплатнымі"], ["бясплат-"]),
    ("По сравнению с прошлым годом число туристов выросло.", ["У параўнанні з"], ["Па параўнанні"]),
    ("К сожалению, концерт отменён.", ["На жаль,"], ["шкадаван"]),
    # negatives: an initial «К.» is not the preposition
    ("К. Петров выступил с докладом.", ["К. П"], ["Да."]),
]


@pytest.fixture(scope="module")
def drafts() -> dict[str, str]:
    from translator_flow.config import Settings
    from translator_flow.errors import EngineUnavailable
    from translator_flow.pipeline import Pipeline

    sentences = [ru for ru, _, _ in CASES]
    with Pipeline(Settings(targets=("be",), tm_dir=None, glossary=())) as pipeline:
        try:
            out = pipeline.translate_texts(sentences, "be")
        except EngineUnavailable as exc:
            pytest.skip(f"Apertium rus-bel is not installed: {exc}")
    return {ru: target.text for ru, target in zip(sentences, out)}


@pytest.mark.parametrize(("russian", "present", "absent"), CASES, ids=[c[0][:40] for c in CASES])
def test_draft_has_the_belarusian_form(drafts: dict[str, str], russian: str, present: list[str], absent: list[str]) -> None:
    draft = drafts[russian].replace("\u00a0", " ")  # no-break spaces are typography, not words
    for form in present:
        assert form in draft, (form, draft)
    for form in absent:
        assert form not in draft, (form, draft)
    assert SHORT_MARK not in draft


# --- the stream rewrites themselves (Python and the sed stage must agree) ---------------
STREAMS = [
    # the feminine genitive singular of a passive participle takes the dative's form, -ай
    # (the pair's generator spells the genitive like the neuter nominative, «праведзенае работы»)
    ("^провести<vblex><perf><tv><pp><pasv><f><an><sg><gen>/правесці<vblex><perf><pp><pasv><f><an><sg><gen>$",
     "^провести<vblex><perf><tv><pp><pasv><f><an><sg><gen>/правесці<vblex><perf><pp><pasv><f><an><sg><dat>$"),
    ("^новый<adj><sint><f><an><sg><gen>/новы<adj><f><an><sg><gen>$",  # adjectives are spelled right: kept
     "^новый<adj><sint><f><an><sg><gen>/новы<adj><f><an><sg><gen>$"),
    # будет: the Russian side is retagged so that t1x keeps the future
    ("^быть<vbser><fut><p3><sg>/быць<vblex><impf><fut><p3><sg>$",
     "^быть<vbfut><fut><p3><sg>/быць<vblex><impf><fut><p3><sg>$"),
    # neuter singular short participle: flagged, then made full (the generator has no short forms)
    ("^подписать<vblex><perf><tv><pp><pasv><short><nt><sg>/падпісаць<vblex><perf><pp><pasv><short><nt><sg>$",
     f"[{SHORT_MARK}]^подписать<vblex><perf><tv><pp><pasv><nt><an><sg><nom>"
     "/падпісаць<vblex><perf><pp><pasv><nt><an><sg><nom>$"),
    # по + adjective + noun in the dative → prepositional (the transfer makes it locative)
    ("^по<pr>/па<pr>/паводле<pr>$ ^личный<adj><sint><mfn><an><pl><dat>/асабовы<adj><mfn><an><pl><dat>$ "
     "^вопрос<n><m><nn><pl><dat>/пытанне<n><nt><nn><pl><dat>$ ^губернатор<n><m><aa><sg><dat>/губернатар<n><m><aa><sg><dat>$",
     "^по<pr>/па<pr>/паводле<pr>$ ^личный<adj><sint><mfn><an><pl><prp>/асабовы<adj><mfn><an><pl><prp>$ "
     "^вопрос<n><m><nn><pl><prp>/пытанне<n><nt><nn><pl><prp>$ ^губернатор<n><m><aa><sg><dat>/губернатар<n><m><aa><sg><dat>$"),
    # к + number + noun → да + genitive
    ("^к<pr>/к<pr>/да<pr>$ ^2027<num>/2027<num>$ ^год<n><m><nn><sg><dat>/год<n><m><nn><sg><dat>$",
     "^к<pr>/да<pr>$ ^2027<num>/2027<num>$ ^год<n><m><nn><sg><gen>/год<n><m><nn><sg><gen>$"),
    # «К.» before a full stop is an initial: left alone
    ("^К<pr>/К<pr>/Да<pr>$^.<sent>/.<sent>$", "^К<pr>/К<pr>/Да<pr>$^.<sent>/.<sent>$"),
    # plural modifier + genitive-singular reading of an ambiguous neuter noun → plural
    ("^новый<adj><sint><mfn><an><pl><nom>/новы<adj><mfn><an><pl><nom>$ "
     "^соглашение<n><nt><nn><sg><gen>/пагадненне<n><nt><nn><sg><gen>$",
     "^новый<adj><sint><mfn><an><pl><nom>/новы<adj><mfn><an><pl><nom>$ "
     "^соглашение<n><nt><nn><pl><nom>/пагадненне<n><nt><nn><pl><nom>$"),
    # … but not after a singular one
    ("^новый<adj><sint><m><an><sg><nom>/новы<adj><m><an><sg><nom>$ "
     "^соглашение<n><nt><nn><sg><gen>/пагадненне<n><nt><nn><sg><gen>$",
     "^новый<adj><sint><m><an><sg><nom>/новы<adj><m><an><sg><nom>$ "
     "^соглашение<n><nt><nn><sg><gen>/пагадненне<n><nt><nn><sg><gen>$"),
    ("^больше<adv>/больш<adv>$", "^больше<adv>/больш<adv>$"),
    ("^Большой<adj><sint><comp>/Вялікі<adj><comp>$", "^Больше<adv>/Больш<adv>$"),
    ("^В.<abbr>/Ст.<abbr>$ ^в.<abbr>/ст.<abbr>$", "^В.<abbr>/В.<abbr>$ ^в.<abbr>/ст.<abbr>$"),
]


@pytest.mark.parametrize(("stream", "expected"), STREAMS)
def test_stream_rewrite(stream: str, expected: str) -> None:
    assert rewrite_bidix_stream(stream) == expected


@pytest.mark.skipif(shutil.which("sed") is None, reason="sed is not installed")
@pytest.mark.parametrize("user_locale", ["C.UTF-8", "C", "POSIX"])
def test_sed_stage_agrees_with_python(user_locale: str) -> None:
    """Whatever the user's locale: under LC_ALL=C the Cyrillic bracket expressions once
    matched single bytes (260 of the benchmark stream's units came out wrong)."""
    payload = "\0".join(s for s, _ in STREAMS) + "\0"
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": user_locale}
    out = subprocess.run(lexical_stage(), input=payload.encode(), capture_output=True, check=True, env=env).stdout
    assert out.decode().split("\0")[:-1] == [e for _, e in STREAMS]


# --- post-editing of flagged participles ---------------------------------------------------
FLAGGED = [
    (f"Было {SHORT_MARK}падпісанае пагадненне.", "Было падпісана пагадненне."),
    (f"{SHORT_MARK}Прынятае рашэнне.", "Прынята рашэнне."),
    (f"Увага будзе {SHORT_MARK}удзеленая моладзі.", "Увага будзе ўдзелена моладзі."),
    (f"Праект {SHORT_MARK}адкрыты.", "Праект адкрыта."),
    (f"Было {SHORT_MARK}зроблена шмат.", "Было зроблена шмат."),  # already short
    (f"Нешта {SHORT_MARK}.", "Нешта ."),  # no word: the flag just goes
    ("Падпісанае пагадненне.", "Падпісанае пагадненне."),  # not flagged: full form stays
]


@pytest.mark.parametrize(("draft", "expected"), FLAGGED)
def test_flagged_participle_becomes_short(draft: str, expected: str) -> None:
    assert postedit(draft, "be") == expected


def test_flag_removal_moves_marks() -> None:
    text = f"Было {SHORT_MARK}падпісанае пагадненне з Гурко"
    start = text.index("Гурко")
    out, marks = postedit_with_offsets(text, "be", [Mark("unknown", "Гурко", start, start + 5)])
    assert out[marks[0].start:marks[0].end] == "Гурко"
    assert re.search(r"падпісана\s", out)
