"""First names the rus-bel pair leaves in Russian: lexicon rows decline by the name rules.

Forms follow the standard Belarusian names (М. В. Бірыла, «Беларуская антрапанімія», т. 1)
and first-declension endings (Беларуская граматыка, 1985): velar and dental alternation in
the dative/locative (Вольга → Вользе), -ля/-ія → -і. Masculine consonant names in the
instrumental depend on stress (Ігарам), so they are left marked, never guessed.
"""

from __future__ import annotations

import pytest

from translator_flow.lang.be_fallback import apply
from translator_flow.model import EngineOutput, Mark
from translator_flow.morph import belarusian

pytestmark = pytest.mark.skipif(not belarusian.available(), reason="Apertium rus-bel generator is not installed")

# Russian form as the engine left it → the Belarusian form.
NAMES = [
    ("Ольга", "Вольга"), ("Ольги", "Вольгі"), ("Ольге", "Вользе"), ("Ольгу", "Вольгу"), ("Ольгой", "Вольгай"),
    ("Натальи", "Наталлі"), ("Наталье", "Наталлі"), ("Натальей", "Наталляй"),
    ("Кристины", "Крысціны"), ("Кристине", "Крысціне"), ("Кристиной", "Крысцінай"),
    ("Екатерину", "Кацярыну"), ("Татьяне", "Тацяне"), ("Ирины", "Ірыны"), ("Людмилой", "Людмілай"),
    ("Светлане", "Святлане"), ("Юлии", "Юліі"), ("Оксаны", "Аксаны"),
    ("Фёдора", "Фёдара"), ("Игоря", "Ігара"), ("Дениса", "Дзяніса"),
]


@pytest.fixture(scope="module")
def results() -> dict[str, EngineOutput]:
    words = [ru for ru, _ in NAMES] + ["Игорем"]
    outputs = [EngineOutput(w, (Mark("unknown", w, 0, len(w)),)) for w in words]
    return dict(zip(words, apply(outputs)))


@pytest.mark.parametrize(("russian", "expected"), NAMES)
def test_first_name_declines_and_stays_marked(results: dict[str, EngineOutput], russian: str, expected: str) -> None:
    out = results[russian]
    assert out.text == expected
    (mark,) = out.marks
    assert (mark.kind, mark.via, mark.original) == ("fallback", "lexicon", russian)


def test_a_stress_dependent_form_is_left_marked_not_guessed(results: dict[str, EngineOutput]) -> None:
    out = results["Игорем"]
    assert (out.text, out.marks) == ("Игорем", (Mark("unknown", "Игорем", 0, 6),))
