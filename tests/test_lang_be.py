"""Belarusian post-editing: the ў rule (table), typography, corrections, mark offsets."""

from __future__ import annotations

import pytest

from translator_flow.lang import RULES, postedit, postedit_with_offsets
from translator_flow.lang.be import u_short_edits
from translator_flow.lang._edits import apply_edits
from translator_flow.model import Mark

NBSP = "\u00a0"


def u_rule(text: str) -> str:
    return apply_edits(text, u_short_edits(text))[0]


# (draft, expected) — 2008 rules § 14 «Нескладовае ў і у складовае».
U_CASES = [
    ("Сёння у хаду ідзе праца.", "Сёння ў хаду ідзе праца."),  # across a word boundary
    ("Яна узяла кнігу.", "Яна ўзяла кнігу."),
    ("Яна была у Мінску.", "Яна была ў Мінску."),  # the preposition itself
    ("на увесь дзень", "на ўвесь дзень"),
    ("мастакі-умельцы", "мастакі-ўмельцы"),  # after a hyphen inside a compound
    ("крыкі «ура»", "крыкі «ўра»"),  # opening quote is transparent
    ("у «Выбранае» увайшлі вершы", "у «Выбранае» ўвайшлі вершы"),  # closing quote too
    ("мама\u00a0у доме", "мама\u00a0ў доме"),  # a no-break space is a space
    ("пайшла ўніз", "пайшла ўніз"),  # already right
    ("Ён быў у Мінску.", "Ён быў у Мінску."),  # after ў (a consonant letter)
    ("Брат у горадзе.", "Брат у горадзе."),  # after a consonant
    ("У Мінску цёпла.", "У Мінску цёпла."),  # start of the text
    ("Была ноч. У хаце ціха.", "Была ноч. У хаце ціха."),  # after a full stop
    ("Была ноч. у хаце ціха.", "Была ноч. у хаце ціха."),  # after a full stop, small letter
    ("Прыйшла зіма, у лесе холадна.", "Прыйшла зіма, у лесе холадна."),  # after a comma
    ("Вынік — у справаздачы.", "Вынік — у справаздачы."),  # after a dash
    ("Apple у Мінску", "Apple у Мінску"),  # a Latin word before
    ("з 2 у 3", "з 2 у 3"),  # after a number
    ("Аб \"у\" гаворка", "Аб \"у\" гаворка"),  # «у» in quotes after a consonant
    ("ва Узбекістане", "ва Узбекістане"),  # proper names keep У
    ("да урны", "да урны"),  # stressed у (§ 14 names урна, унія, узус …)
    ("Брэсцкая унія", "Брэсцкая унія"),
    ("норма і узус", "норма і узус"),
    ("Ён ўзяў", "Ён узяў"),  # ў after a consonant is wrong: back to у
    ("Ўсе прыйшлі.", "Усе прыйшлі."),  # a capital Ў at a sentence start
    ("праз Беларусь у Польшчу", "праз Беларусь у Польшчу"),  # soft sign: consonant
]


@pytest.mark.parametrize(("draft", "expected"), U_CASES)
def test_u_short(draft: str, expected: str) -> None:
    assert u_rule(draft) == expected


def test_u_short_leaves_marked_russian_words_alone() -> None:
    text = "Яна уехала у Мінск"
    out, marks = postedit_with_offsets(text, "be", [Mark("unknown", "уехала", 4, 10)])
    assert out == "Яна уехала ў Мінск"  # «уехала» is Russian: not respelled
    assert out[marks[0].start:marks[0].end] == "уехала"


TYPOGRAPHY_CASES = [
    ('агенцтва "Мінск-Навіны"', "агенцтва «Мінск-Навіны»"),
    ('ён сказаў: "праект "Мост" гатовы"', "ён сказаў: «праект „Мост“ гатовы»"),
    ('"адкрыты', '"адкрыты'),  # unbalanced quotes are left alone
    ("Дзявятка - клініка", "Дзявятка — клініка"),
    ("Дзявятка – клініка", "Дзявятка — клініка"),
    ("- Мы пастараліся.", "— Мы пастараліся."),
    ("10 - 15 чалавек", "10 - 15 чалавек"),  # a range is not a dash
    ("10 тыс. чалавек", f"10{NBSP}тыс. чалавек"),
    ("у 2025 г. у Мінску", f"у 2025{NBSP}г. у Мінску"),  # after «г.» у stays
    ("№ 5", f"№{NBSP}5"),
    ("10 000 рублёў", f"10{NBSP}000{NBSP}рублёў"),
    ("А. Лукашэнка", f"А.{NBSP}Лукашэнка"),
    ("пад'ехала", "пад’ехала"),
    ("сям'я", "сям’я"),
]


@pytest.mark.parametrize(("draft", "expected"), TYPOGRAPHY_CASES)
def test_typography(draft: str, expected: str) -> None:
    assert postedit(draft, "be") == expected


CAPITAL_CASES = [
    ("пасля гэтага пачалася праца.", "Пасля гэтага пачалася праца."),
    ("Было цёпла. пасля дажджу пахаладала.", "Было цёпла. Пасля дажджу пахаладала."),
    ("Было цёпла! ці не так?", "Было цёпла! Ці не так?"),
    ("у 2025 г. у Мінску адбылося.", f"У 2025{NBSP}г. у Мінску адбылося."),  # abbreviation
    ("10 тыс. чалавек прыйшлі.", f"10{NBSP}тыс. чалавек прыйшлі."),
    ("гематалогіі і перасадкі;", "гематалогіі і перасадкі;"),  # a list item, not a sentence
]


@pytest.mark.parametrize(("draft", "expected"), CAPITAL_CASES)
def test_capitalisation(draft: str, expected: str) -> None:
    assert postedit(draft, "be") == expected


def test_output_corrections_keep_case_and_feed_the_u_rule() -> None:
    assert postedit("Сёння у хаду перамоў.", "be") == "Сёння ў ходзе перамоў."
    assert postedit("Арганізованы цэнтр.", "be") == "Арганізаваны цэнтр."
    assert postedit("ад стэны", "be") == "ад сцены"


def test_length_changing_edit_moves_marks() -> None:
    text = "Праца у хаду і Лукашенко."
    marks = [Mark("unknown", "Лукашенко", 15, 24), Mark("fallback", "Праца", 0, 5)]
    out, moved = postedit_with_offsets(text, "be", marks)
    assert out == "Праца ў ходзе і Лукашенко."
    assert [out[m.start:m.end] for m in moved] == ["Лукашенко", "Праца"]


def test_fallback_mark_word_follows_its_edited_text() -> None:
    out, moved = postedit_with_offsets("мама узяла", "be", [Mark("fallback", "узяла", 5, 10)])
    assert out == "мама ўзяла"
    assert moved[0].word == "ўзяла" and out[moved[0].start:moved[0].end] == "ўзяла"


def test_postedit_is_idempotent() -> None:
    drafts = [d for d, _ in U_CASES + TYPOGRAPHY_CASES + CAPITAL_CASES]
    for draft in drafts:
        once = postedit(draft, "be")
        assert postedit(once, "be") == once


def test_unknown_language_passes_through() -> None:
    assert postedit('"x" - y', "xx") == '"x" - y'
    assert set(RULES) >= {"be", "en"}


EN_CASES = [
    ('He said "it works"', "He said “it works”"),
    ('the "Smolensk "Slavutich" club"', "the “Smolensk ‘Slavutich’ club”"),
    ("the «Slavutich» club", "the “Slavutich” club"),
    ("Minsk's plant", "Minsk’s plant"),
    ("cooperation - a priority", "cooperation — a priority"),
    ("and so on...", "and so on…"),
]


@pytest.mark.parametrize(("draft", "expected"), EN_CASES)
def test_english_typography(draft: str, expected: str) -> None:
    assert postedit(draft, "en") == expected


def test_english_ellipsis_moves_marks() -> None:
    out, marks = postedit_with_offsets("Wait... Anokhin", "en", [Mark("unknown", "Anokhin", 8, 15)])
    assert out == "Wait… Anokhin"
    assert out[marks[0].start:marks[0].end] == "Anokhin"


# --- lexical corrections at the bilingual-lookup stage (be_corrections.tsv, kind=bidix) ---
BIDIX_STREAM = (
    "^Руководитель<n><m><aa><pl><nom>/Кіраўніца<n><f><aa><pl><nom>$ "
    "^дело<n><nt><nn><pl><gen>/дзея<n><f><nn><pl><gen>$ "
    "^тьма<n><f><nn><pl><gen>/цемрадзь<n><f><nn><pl><gen>$ "
    "^провести<vblex><perf><tv><pp><pasv><short><f><sg>/правесці<vblex><perf><pp><pasv><short><f><sg>$ "
    "^дзея<n><f><nn><sg><nom>/дзея<n><f><nn><sg><nom>$"
)
BIDIX_FIXED = (
    "^Руководитель<n><m><aa><pl><nom>/Кіраўнік<n><m><aa><pl><nom>$ "
    "^дело<n><nt><nn><pl><gen>/справа<n><f><nn><pl><gen>$ "
    "^тьма<n><f><nn><pl><gen>/тэма<n><f><nn><pl><gen>$ "
    "^провести<vblex><perf><tv><pp><pasv><f><an><sg><nom>/правесці<vblex><perf><pp><pasv><f><an><sg><nom>$ "
    "^дзея<n><f><nn><sg><nom>/дзея<n><f><nn><sg><nom>$"  # keyed on the Russian lemma: untouched
)


def test_bidix_rewrite_swaps_lemma_and_gender_but_keeps_case() -> None:
    from translator_flow.lang.be_corrections import rewrite_bidix_stream

    assert rewrite_bidix_stream(BIDIX_STREAM) == BIDIX_FIXED


def test_sed_stage_does_the_same_in_null_flush_mode() -> None:
    import shutil
    import subprocess

    from translator_flow.lang.be_corrections import lexical_stage

    if shutil.which("sed") is None:
        pytest.skip("sed is not installed")
    payload = (BIDIX_STREAM + "\0" + BIDIX_STREAM + "\0").encode()
    out = subprocess.run(lexical_stage(), input=payload, capture_output=True, check=True).stdout.decode()
    assert out.split("\0")[:2] == [BIDIX_FIXED, BIDIX_FIXED]


def test_corrections_file_rows_are_complete() -> None:
    from translator_flow.lang.be_corrections import bidix_rules, output_rules

    assert len(bidix_rules()) >= 5 and len(output_rules()) >= 3
    for rule in bidix_rules():
        assert "<" in rule.wrong and "<" in rule.right, rule
