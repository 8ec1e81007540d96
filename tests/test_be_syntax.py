"""Belarusian syntax rules after transfer (lang/be_syntax.py): (draft in, draft out) rows."""

from __future__ import annotations

import pytest

from translator_flow.lang import postedit
from translator_flow.lang._edits import apply_edits
from translator_flow.lang.be_syntax import syntax_edits

ROWS = [
    # «больш/менш» + number → «за»
    ("Прыйшлі больш 100 гасцей.", "Прыйшлі больш за 100 гасцей."),
    ("Менш 5 працэнтаў адказалі.", "Менш за 5 працэнтаў адказалі."),
    ("больш за 100 гасцей", "больш за 100 гасцей"),  # already right
    ("больш чым 100 гасцей", "больш чым 100 гасцей"),  # another right construction
    ("больш увагі", "больш увагі"),  # no number: nothing to add
    # з / са
    ("працуюць са супрацоўнікамі", "працуюць з супрацоўнікамі"),  # с + vowel → з
    ("сустрэча з студэнтамі", "сустрэча са студэнтамі"),  # с + consonant → са
    ("вярнуўся з школы", "вярнуўся са школы"),  # ш + consonant
    ("З збору", "Са збору"),  # capital kept
    ("размова са мной", "размова са мной"),  # pronoun: са
    ("размова з мной", "размова са мной"),
    ("з жыхарамі", "з жыхарамі"),  # ж + vowel: з
    ("з 5 мая", "з 5 мая"),  # a number: з
    ("з-за надвор'я", "з-за надвор'я"),  # another preposition
    ("Са школы", "Са школы"),
    # то, што → тое, што
    ("Важна то, што работа працягваецца.", "Важна тое, што работа працягваецца."),
    ("Тое, што зроблена", "Тое, што зроблена"),
    ("з-за таго, што", "з-за таго, што"),
    # predicative adverb before an infinitive
    ("Неабходнае завяршыць работы.", "Неабходна завяршыць работы."),
    ("магчымае правесці", "магчыма правесці"),
    ("неабходнае абсталяванне", "неабходнае абсталяванне"),  # a noun follows: the adjective is right
]


@pytest.mark.parametrize(("draft", "expected"), ROWS)
def test_syntax_rule(draft: str, expected: str) -> None:
    text, _ = apply_edits(draft, syntax_edits(draft), ())
    assert text == expected


def test_the_rules_run_in_the_belarusian_post_edit() -> None:
    assert postedit("Прыйшлі больш 100 гасцей са супрацоўнікамі.", "be") == "Прыйшлі больш за 100 гасцей з супрацоўнікамі."
