"""The review interface in Belarusian and Russian: complete catalogs, and no English left.

Fails when a message of the code is missing or untranslated in a catalog, when a
translation drops or invents a placeholder, when a compiled ``.mo`` is older than what its
``.po`` says, or when a review written with ``ui_lang`` be/ru still shows an English label.
"""

from __future__ import annotations

import gettext
import io
import re
from pathlib import Path

import docx
import lxml.html
import pytest

from report_factory import sample_report
from review_helpers import docx_text
from translator_flow.config import Settings
from translator_flow.errors import ConfigError
from translator_flow.model import UI_LANGUAGES
from translator_flow.writers.i18n import DOMAIN, catalog_path, ui_text
from translator_flow.writers.review_docx import main_table_header, render_review_docx
from translator_flow.writers.review_html import render_review_html

babel = pytest.importorskip("babel", reason="Babel manages the catalogs: pip install -e .[test]")
from babel.messages.extract import extract_from_dir  # noqa: E402
from babel.messages.frontend import parse_mapping_cfg  # noqa: E402
from babel.messages.pofile import read_po  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TRANSLATED = [lang for lang in UI_LANGUAGES if lang != "en"]  # English is the messages' language
KEYWORDS = {"_": None, "N_": None, "msg": None, "ngettext": (1, 2), "nmsg": (1, 2)}
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def _code_messages() -> set[str | tuple[str, str]]:
    """Every message the code and templates ask for (what `make messages` extracts)."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found: set[str | tuple[str, str]] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, options_map, keywords=KEYWORDS):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


def _catalog(lang: str):
    with catalog_path(lang, ".po").open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


@pytest.fixture(scope="module")
def code_messages() -> set[str | tuple[str, str]]:
    messages = _code_messages()
    assert len(messages) > 50, "extraction found too little: is babel.cfg right?"
    return messages


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_translated(lang: str, code_messages: set) -> None:
    catalog = _catalog(lang)
    missing, empty, fuzzy = [], [], []
    for message in sorted(code_messages, key=str):
        key = message[0] if isinstance(message, tuple) else message
        entry = catalog.get(key)
        if entry is None:
            missing.append(key)
            continue
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if not all(s.strip() for s in strings) or len(strings) < (catalog.num_plurals if entry.pluralizable else 1):
            empty.append(key)
        if entry.fuzzy:
            fuzzy.append(key)
    assert not missing, f"{lang}: messages not in {catalog_path(lang, '.po')} (run `make messages`): {missing}"
    assert not empty, f"{lang}: untranslated messages: {empty}"
    assert not fuzzy, f"{lang}: fuzzy (unchecked) translations: {fuzzy}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_their_placeholders(lang: str) -> None:
    for entry in _catalog(lang):
        if not entry.id:
            continue
        ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for text in entry.string if isinstance(entry.string, tuple) else (entry.string,):
            assert set(PLACEHOLDER.findall(text)) == wanted, (lang, entry.id, text)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_compiled_catalog_matches_its_po(lang: str) -> None:
    with catalog_path(lang).open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in _catalog(lang):
        if not entry.id or entry.fuzzy:
            continue
        if isinstance(entry.id, tuple):
            for n, text in enumerate(entry.string):
                number = next(k for k in range(1, 200) if compiled.plural(k) == n)
                assert compiled.ngettext(entry.id[0], entry.id[1], number) == text, (lang, entry.id)
        else:
            assert compiled.gettext(entry.id) == entry.string, f"{lang}: .mo is stale; run `make catalogs`"


def _data_strings(report) -> list[str]:
    """Every text a review shows that comes from the report, not from the interface."""
    out = [report.document.meta.source_path, *report.document.meta.warnings]
    out += [s.source for s in report.segments]
    for translation in report.translations.values():
        sig = translation.signature
        out += [sig.engine, sig.engine_version, sig.model_id, sig.glossary_hash, sig.tool_version,
                sig.segmenter_version, translation.error or ""]
        out += [i.message for i in translation.issues]
        out += [f"[{i.check}]" for i in translation.issues]  # a check's id, to look it up in docs/checks.md
        for target in translation.targets:
            out += [target.text, target.error or "", *target.suggestions, *(m.word for m in target.marks)]
            out += [f for h in target.term_hits for f in (h.source_text, h.target_form, h.approved, h.entry_id,
                                                             h.flagged)]
    return sorted({s for s in out if s}, key=len, reverse=True)


def _english_fragments(lang: str) -> list[str]:
    """English words of the interface that must not survive in a ``lang`` review."""
    fragments = set()
    _ = ui_text(lang)
    for entry in _catalog(lang):
        if not entry.id or isinstance(entry.id, tuple):
            continue
        for part in PLACEHOLDER.split(entry.id)[::2]:
            part = part.strip(" ,;:·()—→?✓✗[]")
            if len(re.findall("[A-Za-z]", part)) >= 4 and part not in _(entry.id):
                fragments.add(part)
    return sorted(fragments)


def _html_text(html: str) -> str:
    """What a reader of the page sees: no CSS, no check ids (identifiers, like segment ids)."""
    root = lxml.html.fromstring(html)
    for element in root.xpath("//style | //small[@class='cid']"):
        element.drop_tree()
    return root.text_content()


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_review_in_belarusian_or_russian_has_no_english_label(lang: str, tmp_path: Path) -> None:
    report = sample_report()
    data = _data_strings(report)
    docx_bytes = render_review_docx(report, ["be", "en"], stem="x", ui_lang=lang)
    document = docx.Document(io.BytesIO(docx_bytes))
    path = tmp_path / f"ui-{lang}.docx"  # docx_text reads a path
    path.write_bytes(docx_bytes)
    texts = {
        "docx": docx_text(path) + "\n" + "\n".join(c.text for c in document.comments),
        "html": _html_text(render_review_html(report, ["be", "en"], stem="x", ui_lang=lang)),
    }
    for kind, text in texts.items():
        for value in data:
            text = text.replace(value, " ")
        text = text.replace("translator-flow QA", " ")
        leaks = [f for f in _english_fragments(lang) if re.search(rf"(?<![A-Za-z]){re.escape(f)}(?![A-Za-z])", text)]
        assert not leaks, f"{lang} {kind} review shows English: {leaks}"


def test_the_header_is_translated_and_read_back(tmp_path: Path) -> None:
    from translator_flow.review.docx_import import read_review_docx
    from translator_flow.writers import write_outputs

    report = sample_report(langs=("be",))
    write_outputs(report, tmp_path, stem="release", ui_lang="be")
    path = tmp_path / "release.be.review.docx"
    header = [c.text for c in docx.Document(str(path)).tables[-1].rows[0].cells]
    assert header == main_table_header(["be"], "be") and "Notes" not in header
    reviewed = read_review_docx(path)
    assert [r.id for r in reviewed.rows] == [s.id for s in report.segments]
    kinds = {b.index: b.kind for b in report.document.blocks}
    assert [r.kind for r in reviewed.rows] == [kinds[s.block] for s in report.segments]  # labels → kinds


def test_an_untouched_placeholder_in_any_language_is_not_a_translation() -> None:
    from translator_flow.review.rebuild import draft_text

    for lang in UI_LANGUAGES:
        mark = ui_text(lang)("[NOT TRANSLATED]")
        assert draft_text(mark) == ""
        assert draft_text(f"{mark} Цэнтр") == "Цэнтр"


def test_ui_lang_is_checked_in_settings(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from translator_flow.cli import cli
    from translator_flow.config import load_settings

    assert Settings(ui_lang="be").ui_lang == "be"
    with pytest.raises(ConfigError, match="--ui-lang"):
        Settings(ui_lang="de")
    config = tmp_path / "tf.toml"
    config.write_text('[translator-flow]\nui_lang = "ru"\n', encoding="utf-8")
    assert load_settings(config).ui_lang == "ru"
    assert load_settings(config).with_options(ui_lang="be").ui_lang == "be"  # --ui-lang wins
    config.write_text("ui_lang = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="ui_lang must be a string"):
        load_settings(config)
    result = CliRunner().invoke(cli, ["translate", "x.txt", "--ui-lang", "de"])
    assert result.exit_code == 2 and "--ui-lang" in result.output


@pytest.mark.parametrize("ui_lang", TRANSLATED)
def test_finalize_reads_a_review_written_in_another_interface_language(ui_lang: str, tmp_path: Path) -> None:
    from review_helpers import choose_status, row_id, set_cell
    from translator_flow.review import finalize
    from translator_flow.writers import write_outputs
    from translator_flow.writers.labels import status_choices

    report = sample_report(langs=("be",))
    write_outputs(report, tmp_path, stem="release", ui_lang=ui_lang)
    path = tmp_path / "release.be.review.docx"
    document = docx.Document(str(path))
    table = document.tables[-1]
    edited = "Інвестыцыі ў праект склалі 48,5 млн беларускіх рублёў."
    approved = status_choices(ui_text(ui_lang))[0]  # «зацверджана» / «одобрено», picked in the drop-down
    for row in table.rows[1:]:
        if row_id(row) == "b1s1":
            set_cell(row.cells[4], edited)
            choose_status(row.cells[-1], approved)
    document.save(str(path))
    final = finalize(path, tmp_path / "final", tm_dir=None, allow_unapproved=True)
    drafts = {t.segment_id: t for t in final.translations["be"].targets}
    before = {t.segment_id: t for t in report.translations["be"].targets}
    assert drafts["b1s1"].text == edited and drafts["b1s1"].origin == "human"
    assert drafts["b1s1"].approval == "approved"
    assert {t.approval for sid, t in drafts.items() if sid != "b1s1"} == {"unmarked"}  # the placeholder, read
    for seg_id, target in before.items():
        if seg_id != "b1s1":  # untouched rows keep their text; the placeholder is no translation
            assert drafts[seg_id].text == target.text, seg_id
    # the final files speak the review's language: «NOT FINAL» line and [NOT TRANSLATED: …]
    first = docx.Document(str(tmp_path / "final" / "release.be.final.docx")).paragraphs[0].text
    assert first.startswith({"be": "НЕ КАНЧАТКОВА:", "ru": "НЕ ОКОНЧАТЕЛЬНО:"}[ui_lang]), first


def test_the_status_drop_down_speaks_every_interface_language_finalize_understands() -> None:
    from translator_flow.review.approval import parse_status
    from translator_flow.writers.docx_util import STATUS_CHOICES, STATUS_PLACEHOLDER
    from translator_flow.writers.labels import STATUS_LABELS, STATUS_PLACEHOLDER_LABEL, status_choices, status_placeholder

    assert STATUS_LABELS == STATUS_CHOICES and STATUS_PLACEHOLDER_LABEL == STATUS_PLACEHOLDER  # one set of words
    for lang in UI_LANGUAGES:
        _ = ui_text(lang)
        assert [parse_status(c).decision for c in status_choices(_)] == list(STATUS_CHOICES), lang
        assert parse_status(status_placeholder(_)).decision == "unmarked", lang
        assert parse_status(f"{status_placeholder(_)} {status_choices(_)[0]}").decision == "approved", lang


def test_every_registered_check_has_a_plain_label() -> None:
    from translator_flow.qa import CHECKS
    from translator_flow.writers.labels import CHECK_LABELS

    assert sorted(set(CHECKS) - set(CHECK_LABELS)) == []  # else the review shows the bare check id


def test_qa_findings_are_shown_in_the_interface_language_and_stay_english_in_json() -> None:
    from translator_flow.model import QAIssue, msg
    from translator_flow.writers.i18n import ui_text
    from translator_flow.writers.labels import issue_note

    why = msg("the engine does not know this word")
    issue = QAIssue("untranslated", "warning", "b0s0", "be",
                    msg("«{word}» is still in Russian ({why}): translate it", word="проходящей", why=why))
    assert issue.message == "«проходящей» is still in Russian (the engine does not know this word): translate it"
    be, ru = issue_note(ui_text("be"), issue), issue_note(ui_text("ru"), issue)
    assert "«проходящей» засталося па-руску (перакладчык не ведае гэтага слова)" in be
    assert "«проходящей» осталось по-русски (переводчик не знает этого слова)" in ru
    assert "Russian" not in be and "Russian" not in ru


def test_a_message_survives_pickling_for_batch_workers() -> None:
    import pickle

    from translator_flow.model import Message, msg

    original = msg("Number {number} from the source is missing in the draft", number="{5}")
    copy = pickle.loads(pickle.dumps(original))
    assert isinstance(copy, Message) and copy == original
    assert (copy.template, copy.params) == (original.template, original.params)


def test_glossary_placement_flags_are_shown_in_the_interface_language() -> None:
    from translator_flow.glossary.protect import join_flags
    from translator_flow.model import TermHit, msg
    from translator_flow.writers.i18n import ui_text
    from translator_flow.writers.labels import term_note

    flags = [msg("entry {entry} is a draft: check the term", entry="minsk"),
             msg("gender of entry {entry} unknown: a man's {case} placed; add gender (m or f) to the entry",
                 entry="ivanova", case=msg("dative"))]
    hit = TermHit("minsk", "Минску", 0, 6, "Мінск", "Мінску", flagged=join_flags(flags))
    assert hit.flagged.startswith("entry minsk is a draft: check the term; gender of entry ivanova")
    be = term_note(ui_text("be"), hit)
    assert "запіс minsk — чарнавік" in be and "мужчынскі давальны" in be and "draft" not in be
