"""Source warnings, engine errors, plurals and the publishable placeholders in the editor's language.

Reader warnings, the no-glossary warning and engine error reasons are :class:`model.Message`s
(or ``nmsg`` plurals): a be/ru review shows them translated and the JSON keeps the English.
Pure Python: no engine, no LibreOffice.
"""

from __future__ import annotations

import pickle
import re
from dataclasses import replace
from pathlib import Path

import pytest

from qa_helpers import issues
from report_factory import build_report
from translator_flow.model import (
    NO_GLOSSARY_WARNING,
    UNTRANSLATED_OPENINGS,
    Message,
    TargetSegment,
    msg,
    nmsg,
)
from translator_flow.writers.i18n import message_text, ui_text

TRANSLATED = ("be", "ru")
#: Names that stay as they are in every language (programs, formats).
NAMES = {"Apertium", "Argos", "Word", "LibreOffice", "HTML", "DOCX", "XML", "UTF", "txt", "docx", "translator", "flow"}


def english_left(text: str, *data: str) -> list[str]:
    """Latin words of ``text`` that are neither data (a file name) nor a name, option or path."""
    for value in data:
        text = text.replace(value, " ")
    text = re.sub(r"\S*[/~]\S*|--\S+", " ", text)
    return [w for w in re.findall(r"[A-Za-z]{3,}", text) if w not in NAMES]


def _reader_warnings(tmp_path: Path) -> tuple[str, tuple[str, ...]]:
    from translator_flow.readers import read_document

    page = tmp_path / "release.html"
    page.write_text(
        "<html><body><nav>Главная | Новости | Контакты</nav><h1>Итоги встречи</h1>"
        "<p>Стороны договорились о сотрудничестве в области образования.</p>"
        '<img src="a.png" alt="фото"><img src="b.png"></body></html>',
        encoding="utf-8",
    )
    return str(page), read_document(page).meta.warnings


@pytest.mark.parametrize("lang", TRANSLATED)
def test_reader_warnings_are_shown_in_the_interface_language(lang: str, tmp_path: Path) -> None:
    label, warnings = _reader_warnings(tmp_path)
    assert warnings and all(isinstance(w, Message) for w in warnings)
    assert any("skipped 2 images or embedded objects" in w for w in warnings)  # English stays English
    _ = ui_text(lang)
    for warning in warnings:
        shown = message_text(_, warning)
        assert shown != warning and not english_left(shown, label), (lang, shown)
    images = next(message_text(_, w) for w in warnings if "image" in w)
    assert ("2 малюнкі" if lang == "be" else "2 рисунка") in images


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_glossary_and_loud_warnings_are_translated_and_still_loud(lang: str) -> None:
    from translator_flow.model import DocumentMeta
    from translator_flow.readers.removed import Removed
    from translator_flow.writers.common import source_warning_lines

    removed = Removed()
    removed.add(msg("page chrome (menus, share bars, teasers, footers, banners)"), "Меню сайта", 900)
    dropped = removed.warnings("page.html", 1000, 100)
    meta = DocumentMeta("page.html", "html", "0", warnings=(*dropped, NO_GLOSSARY_WARNING))
    lines = source_warning_lines(ui_text(lang), meta)
    assert [loud for _, loud in lines] == [True, True, False]  # loud ones first, told from the English
    for text, _loud in lines:
        assert not english_left(text, "page.html"), (lang, text)
    starts = {
        "be": ("БОЛЬШАЯ ЧАСТКА КРЫНІЦЫ АДКІНУТА:", "НЯМА ГЛОСАРЫЯ:"),
        "ru": ("БОЛЬШАЯ ЧАСТЬ ИСХОДНОГО ТЕКСТА ОТБРОШЕНА:", "НЕТ ГЛОССАРИЯ:"),
    }[lang]
    assert [text.split(" ", 3)[0] for text, _ in lines[:2]] == [s.split(" ", 3)[0] for s in starts]
    assert lines[0][0].startswith(starts[0]) and lines[1][0].startswith(starts[1])


def _report_with_engine_error():
    error = nmsg(
        "not attempted: Apertium failed on the {n} segment before it ({error})",
        "not attempted: Apertium failed on the {n} segments before it ({error})",
        3,
        error=msg("Apertium returned an empty translation"),
    )
    report = build_report(
        [("paragraph", ["Школа открылась.", "Учеников стало больше."])],
        {"be": ["Школа адкрылася.", None]},
        segment_errors={("be", "b0s1"): error},
    )
    meta = replace(report.document.meta, warnings=(NO_GLOSSARY_WARNING,))
    return replace(report, document=replace(report.document, meta=meta)), error


@pytest.mark.parametrize("lang", TRANSLATED)
def test_an_engine_error_reason_is_shown_in_the_interface_language(lang: str) -> None:
    from translator_flow.writers.labels import error_note, issue_note

    report, error = _report_with_engine_error()
    _ = ui_text(lang)
    target = report.translations["be"].targets[1]
    note = error_note(_, target)
    assert not english_left(note), (lang, note)
    assert ("3 папярэднімі сказамі" if lang == "be" else "3 предыдущими предложениями") in note
    (finding,) = issues("Учеников стало больше.", "", "be", "empty", status="untranslated", error=error)
    assert finding.message == f"Not translated: {error}"  # English in JSON and on the CLI
    assert not english_left(issue_note(_, finding)), issue_note(_, finding)  # not lost by a strip()


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_review_header_and_notes_show_no_english_warning(lang: str) -> None:
    import lxml.html

    from translator_flow.writers.review_html import render_review_html

    report, _error = _report_with_engine_error()
    text = lxml.html.fromstring(render_review_html(report, ["be"], stem="x", ui_lang=lang)).text_content()
    assert "NO GLOSSARY" not in text and "not attempted" not in text and "empty translation" not in text
    assert ("НЯМА ГЛОСАРЫЯ" if lang == "be" else "НЕТ ГЛОССАРИЯ") in text


@pytest.mark.parametrize(
    ("lang", "forms"),
    [
        ("en", {1: "1 block", 2: "2 blocks", 5: "5 blocks", 21: "21 blocks"}),
        ("be", {1: "1 блок", 2: "2 блокі", 5: "5 блокаў", 21: "21 блок"}),
        ("ru", {1: "1 блок", 2: "2 блока", 5: "5 блоков", 21: "21 блок"}),
    ],
)
def test_nmsg_picks_the_plural_form_of_the_interface_language(lang: str, forms: dict[int, str]) -> None:
    for n, expected in forms.items():
        message = nmsg("{n} block", "{n} blocks", n)
        assert message == ("1 block" if n == 1 else f"{n} blocks")
        assert message_text(ui_text(lang), message) == expected


def test_a_plural_message_survives_pickling_for_batch_workers() -> None:
    original = nmsg(
        "{label}: removed {n} block of {kind}: {shown}.",
        "{label}: removed {n} blocks of {kind}: {shown}.",
        5,
        label="a.html",
        kind=msg("breadcrumb trail"),
        shown="«x»",
    )
    copy = pickle.loads(pickle.dumps(original))
    assert copy == original and (copy.template, copy.plural, copy.number) == (original.template, original.plural, 5)
    assert (
        message_text(ui_text("ru"), copy) == "a.html: удалено 5 блоков — навигационная цепочка («хлебные крошки»): «x»."
    )


def _unfinished_report():
    report = build_report(
        [("title", ["Новая школа."]), ("paragraph", ["Школа открылась.", "Учеников стало больше."])],
        {"be": ["Новая школа.", "Школа адкрылася.", None]},
    )
    translation = report.translations["be"]
    targets = tuple(replace(t, status="needs-review") if t.segment_id == "b1s0" else t for t in translation.targets)
    return replace(report, translations={"be": replace(translation, targets=targets)})


@pytest.mark.parametrize(
    ("lang", "placeholder", "notice"),
    [
        ("en", "[NOT TRANSLATED: Учеников стало больше.]", "NOT FINAL: 1 segment is not approved"),
        ("be", "[НЕ ПЕРАКЛАДЗЕНА: Учеников стало больше.]", "НЕ КАНЧАТКОВА: 1 сказ не зацверджаны"),
        ("ru", "[НЕ ПЕРЕВЕДЕНО: Учеников стало больше.]", "НЕ ОКОНЧАТЕЛЬНО: 1 предложение не одобрено"),
    ],
)
def test_publishable_placeholder_and_not_final_line_follow_the_interface_language(
    lang: str, placeholder: str, notice: str
) -> None:
    import io

    import docx

    from translator_flow.writers.publish import render_publish_docx, render_publish_html

    report = _unfinished_report()
    paragraphs = [p.text for p in docx.Document(io.BytesIO(render_publish_docx(report, "be", lang))).paragraphs]
    assert paragraphs[0].startswith(notice) and "(b1s0)" in paragraphs[0]
    assert any(placeholder in p for p in paragraphs)
    html = render_publish_html(report, "be", lang)
    assert notice in html and placeholder in html


def test_the_placeholder_openings_match_every_catalog() -> None:
    from translator_flow.model import UI_LANGUAGES
    from translator_flow.writers.common import UNTRANSLATED_MARK, UNTRANSLATED_PUBLISH

    for n, lang in enumerate(UI_LANGUAGES):
        _ = ui_text(lang)
        assert _(UNTRANSLATED_MARK).startswith(UNTRANSLATED_OPENINGS[n]), lang
        assert _(UNTRANSLATED_PUBLISH, source="x").startswith(UNTRANSLATED_OPENINGS[n] + ":"), lang


@pytest.mark.parametrize(
    "left",
    [
        "[NOT TRANSLATED: Учеников стало больше.]",
        "[НЕ ПЕРАКЛАДЗЕНА: Учеников стало больше.]",
        "[НЕ ПЕРЕВЕДЕНО: Учеников стало больше.]",
        "[НЕ ПЕРАКЛАДЗЕНА]",
    ],
)
def test_the_empty_check_blocks_a_placeholder_left_in_a_draft(left: str) -> None:
    source = "Школа открылась. Учеников стало больше."
    (finding,) = issues(source, f"Школа адкрылася. {left}", "be", "empty")
    assert finding.severity == "blocking" and left in finding.message
    draft = f"Школа адкрылася. {left}"
    assert finding.span is not None and draft[finding.span[0] : finding.span[1]] == left
    assert not issues(source, "Школа адкрылася. Вучняў стала больш.", "be", "empty")


def test_old_seven_column_risky_rows_load_and_show_the_english_why() -> None:
    from translator_flow.qa.checks_risky import parse_risky

    old = "passed-f\tмінулая\t\\bпрошла\\b\t\tпрайшла\tthe verb, not the adjective\tРБС"
    new = old + "\tдзеяслоў, а не прыметнік\tглагол, а не прилагательное"
    (row_old,), (row_new,) = parse_risky(old), parse_risky(new)
    assert (row_old.why_be, row_old.why_ru) == ("", "")
    assert (row_new.why_be, row_new.why_ru) == ("дзеяслоў, а не прыметнік", "глагол, а не прилагательное")
    with pytest.raises(ValueError, match=r"be_risky\.tsv:1"):
        parse_risky(old + "\tonly one translation")


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_risky_rendering_finding_shows_its_why_in_the_interface_language(lang: str) -> None:
    from translator_flow.qa.checks_risky import load_risky
    from translator_flow.writers.labels import issue_note

    (finding,) = issues("Встреча прошла в Минске.", "Сустрэча мінулая ў Мінску.", "be", "risky_rendering")
    row = next(r for r in load_risky() if r.id == "passed-f")
    assert row.why in finding.message  # English in JSON
    note = issue_note(ui_text(lang), finding)
    assert (row.why_be if lang == "be" else row.why_ru) in note and row.why not in note


def test_every_shipped_risky_row_has_both_translations() -> None:
    from translator_flow.qa.checks_risky import load_risky

    assert all(r.why_be and r.why_ru for r in load_risky())


@pytest.mark.parametrize("lang", ["en", *TRANSLATED])
def test_the_review_reader_knows_the_interface_language_of_a_review(lang: str, tmp_path: Path) -> None:
    from translator_flow.review.docx_import import read_review_docx
    from translator_flow.writers import write_outputs

    report = build_report([("paragraph", ["Школа открылась."])], {"be": ["Школа адкрылася."]})
    write_outputs(report, tmp_path, stem="r", ui_lang=lang)
    assert read_review_docx(tmp_path / "r.be.review.docx").ui_lang == lang


def test_a_missing_draft_error_is_translatable() -> None:
    target = TargetSegment.missing("b0s0", "be")
    assert isinstance(target.error, Message)
    assert message_text(ui_text("be"), target.error) == "для гэтага сказа пераклад не атрымаўся"


@pytest.mark.parametrize(("lang", "expected"), [("be", "Мадэль ru→en для Argos не ўсталявана"),
                                                ("ru", "Модель ru→en для Argos не установлена")])
def test_a_language_not_produced_says_why_in_the_interface_language(lang: str, expected: str, tmp_path: Path) -> None:
    """The real Argos engine with no model installed: the header line and its reason translated."""
    import lxml.html

    from translator_flow.config import Settings
    from translator_flow.pipeline import Pipeline
    from translator_flow.writers.review_html import render_review_html

    page = tmp_path / "release.txt"
    page.write_text("Школа открылась.\n", encoding="utf-8")
    with Pipeline(Settings(targets=("en",), argos_packages_dir=tmp_path / "none")) as pipeline:
        _document, segments = pipeline.read(page)
        translation = pipeline.translate_segments(segments, "en")
    assert isinstance(translation.error, Message) and translation.error.startswith("No ru→en model")
    report = build_report([("paragraph", ["Школа открылась."])], {"be": ["Школа адкрылася."]})
    report = replace(report, translations={**report.translations, "en": translation})
    text = lxml.html.fromstring(render_review_html(report, ["be"], stem="x", ui_lang=lang)).text_content()
    assert expected in text and "No ru→en model" not in text
