"""The QA registry and runner: every check documented with a working example, the
terminology wrapper, document runs, hostile input, and cost."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qa_helpers import make
from translator_flow.errors import ConfigError
from translator_flow.model import PROTECT_CLOSE, PROTECT_OPEN, SEVERITIES, Mark, TermHit
from translator_flow.qa import CHECKS, run_checks, run_document_checks

ROOT = Path(__file__).resolve().parents[1]
DOCS = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
REQUIRED = {"empty", "untranslated", "numbers", "dates", "quotes_brackets", "punctuation_end",
            "length_ratio", "repeated_word", "mixed_script", "terminology"}
INTERNAL_ERROR = "could not run"


@pytest.fixture
def fake_glossary(monkeypatch: pytest.MonkeyPatch) -> list:
    """A stand-in ``translator_flow.glossary`` whose check flags «дзей»; returns its call log."""
    calls: list = []

    def check_terminology(source, target_text, hits, lang, glossary):
        calls.append((source, target_text, hits, lang, glossary))
        if "дзей" in target_text:
            start = target_text.index("дзей")
            return [("blocking", "Term «Министерство иностранных дел» must be «Міністэрства замежных спраў»",
                     (start, start + 4))]
        return []

    module = types.ModuleType("translator_flow.glossary")
    module.check_terminology = check_terminology
    monkeypatch.setitem(sys.modules, "translator_flow.glossary", module)
    return calls


def test_registry_has_every_required_check_well_formed() -> None:
    assert CHECKS.keys() >= REQUIRED
    for name, check in CHECKS.items():
        assert check.name == name
        assert check.severity in SEVERITIES
        assert check.description and check.func.__doc__
        assert len(check.example) == 3 and check.example[2] in ("be", "en")


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_docs_describe_every_check_with_its_example(name: str) -> None:
    check = CHECKS[name]
    assert f"## `{name}`" in DOCS
    section = DOCS.split(f"## `{name}`", 1)[1].split("\n## ", 1)[0]
    assert section.lstrip().startswith(f"**{check.severity}"), "default severity first"
    source, draft, _ = check.example
    assert source in section and draft in section


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_every_example_triggers_its_check(name: str, fake_glossary: list) -> None:
    source, draft, lang = CHECKS[name].example
    seg, target = make(source, draft, lang)
    found = run_checks(seg, target, lang, glossary=object())
    mine = [i for i in found if i.check == name]
    assert mine, f"example of {name} did not fire: {found}"
    assert all(i.segment_id == seg.id and i.lang == lang and i.message for i in mine)
    assert not [i for i in found if INTERNAL_ERROR in i.message]


def test_terminology_runs_only_with_a_glossary(fake_glossary: list) -> None:
    source, draft, lang = CHECKS["terminology"].example
    seg, target = make(source, draft, lang)
    assert not [i for i in run_checks(seg, target, lang) if i.check == "terminology"]
    assert fake_glossary == []


def test_terminology_passes_hits_and_keeps_severity_and_span(fake_glossary: list) -> None:
    source, draft, lang = CHECKS["terminology"].example
    hit = TermHit("mfa", "Министерство иностранных дел", 0, 28, "Міністэрства замежных спраў", "")
    seg, target = make(source, draft, lang, term_hits=(hit,))
    glossary = object()
    (issue,) = run_checks(seg, target, lang, glossary=glossary, enabled=["terminology"])
    assert (issue.check, issue.severity) == ("terminology", "blocking")
    assert draft[issue.span[0]:issue.span[1]] == "дзей"
    assert fake_glossary == [(source, draft, (hit,), "be", glossary)]
    ok = draft.replace("дзей", "спраў")
    seg, target = make(source, ok, lang)
    assert run_checks(seg, target, lang, glossary=glossary, enabled=["terminology"]) == ()


def test_a_failing_check_is_reported_not_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("translator_flow.glossary")
    module.check_terminology = lambda *a: [("fatal", "bad", None)]
    monkeypatch.setitem(sys.modules, "translator_flow.glossary", module)
    seg, target = make("Текст.", "Тэкст.", "be")
    (issue,) = run_checks(seg, target, "be", glossary=object(), enabled=["terminology"])
    assert issue.severity == "warning" and INTERNAL_ERROR in issue.message and "review it by hand" in issue.message


def test_unknown_check_name_is_a_config_error_that_lists_known_ones() -> None:
    seg, target = make("Текст.", "Тэкст.", "be")
    with pytest.raises(ConfigError, match=r"Unknown QA check\(s\): nope\. Known checks: empty, "):
        run_checks(seg, target, "be", enabled=["numbers", "nope"])


def test_language_tags_are_normalised() -> None:
    seg, target = make("Когда?", "Калі.", "be-BY")
    (issue,) = run_checks(seg, target, "be-BY", enabled=["punctuation_end"])
    assert issue.lang == "be"


def test_document_run_keeps_segment_order_and_reports_lost_segments() -> None:
    from translator_flow.model import Segment, TargetSegment

    segs = [Segment(f"b{i}s0", i, 0, s, 0, len(s)) for i, s in enumerate(
        ["Создано 5 мест.", "Когда?", "Потерянное предложение здесь."])]
    targets = [TargetSegment("b1s0", "en", "When.", "mt"), TargetSegment("b0s0", "en", "Created 6 jobs.", "mt")]
    found = run_document_checks(segs, targets, "en")
    assert [(i.segment_id, i.check) for i in found] == [
        ("b0s0", "numbers"), ("b1s0", "punctuation_end"), ("b2s0", "empty")]
    assert found[-1].severity == "blocking"


HOSTILE = [
    "", " ", "\u00a0\u202f\u2009", "\n\n\t", "😀🇧🇾👍🏽", "«««««", "»»»", "((((]]]]", "\"\"\"", "’‘’‘",
    "0", "0" * 5000, "1 " * 3000, "1,2,3,4,5,6,7,8,9,0" * 100, "12.13.14.15", "31.02.2025", "99.99.9999",
    "9999999999999999999999999999999999 млрд", "1e309", "NaN", "∞ ½ ² ³ ٣ ۴ ५",
    "Мiнск Minsк" * 200, "у у у у у", "the the the", "\u200b\u200d\u2060", "\u0301\u0308",
    f"{PROTECT_OPEN}Мінск{PROTECT_CLOSE}", "\x00\x01\x7f", "\ud800", "א ב ג مرحبا",
    "12 марта 12 сакавіка 12 March March 12, 2025 2025-13-45", "в 25:99 и 24.00 и 12:00 p.m.",
    "Слово " * 20000,
]


# Belarusian in the quick loop; the other languages (2 s each) in the full suite.
@pytest.mark.parametrize("lang", ["be", *(pytest.param(lang, marks=pytest.mark.slow) for lang in ("en", "uk", "xx"))])
def test_hostile_input_never_raises_nor_breaks_a_check(lang: str) -> None:
    for source in HOSTILE:
        for draft in HOSTILE[::3]:
            seg, target = make(source, draft, lang, marks=(Mark("unknown", "x", 0, 1),))
            found = run_checks(seg, target, lang)
            assert not [i for i in found if INTERNAL_ERROR in i.message], (source[:40], draft[:40], found)
            for issue in found:
                assert issue.severity in SEVERITIES and issue.message
                if issue.span is not None:
                    assert 0 <= issue.span[0] <= issue.span[1] <= max(len(draft), 1)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.text(max_size=200), st.sampled_from(["be", "en"]))
def test_any_text_pair_is_checked_without_internal_errors(source: str, draft: str, lang: str) -> None:
    seg, target = make(source, draft, lang)
    found = run_checks(seg, target, lang)
    assert not [i for i in found if INTERNAL_ERROR in i.message]


def test_a_thousand_clean_segments_raise_nothing() -> None:
    # Their speed is measured by benchmarks/qa_checks.py, not timed here.
    base = ("Товарооборот между Смоленской областью и Беларусью в 2024 году составил 1 250,5 млн "
            "долларов, что на 12,5 % больше, чем 12 марта 2023 года («по данным» ведомства).")
    draft = ("Тавараабарот паміж Смаленскай вобласцю і Беларуссю ў 2024 годзе склаў 1 250,5 млн "
             "долараў, што на 12,5 % больш, чым 12 сакавіка 2023 года («паводле звестак» ведамства).")
    rows = [make(base + f" Пункт {i}.", draft + f" Пункт {i}.", "be") for i in range(1000)]
    for seg, target in rows:
        assert run_checks(seg, target, "be") == ()


def test_importing_qa_pulls_no_heavy_library() -> None:
    code = ("import sys, translator_flow.qa; "
            "print(sorted(m for m in ('docx','lxml','pymorphy3','click','jinja2','translator_flow.glossary',"
            "'argostranslate','razdel') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
