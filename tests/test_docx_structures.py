"""Every Word structure that can hold release text, built with the real OOXML elements.

Each test makes a real .docx with python-docx and injects the WordprocessingML (content
controls at body, row, cell and run level as Word's repeating sections write them, custom
XML, w:altChunk parts, w:dir/w:bdo, OMML, w:vanish, footnotes, endnotes), reads it, and
checks that each visible sentence is in the document and everything left out is reported
in ``source.warnings``.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

from translator_flow.model import LOUD_WARNING_PREFIXES, NOT_READ_WARNING_PREFIX
from translator_flow.readers import read_document
from translator_flow.segment import segment_document

W15 = 'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"'
NS = nsdecls("w", "r", "m")


def _doc() -> docx.document.Document:
    d = docx.Document()
    d.add_paragraph("Губернатор провёл совещание", style="Title")
    d.add_paragraph("Совещание прошло в областной администрации.")
    return d


def _append(d, xml: str) -> None:
    """Insert a block-level element before the final w:sectPr."""
    body = d.element.body
    body.insert(len(body) - 1, parse_xml(xml))


def _read(d, tmp_path: Path, name: str = "r.docx"):
    path = tmp_path / name
    d.save(str(path))
    return read_document(path)


def _texts(doc) -> list[str]:
    return [b.text for b in doc.blocks]


def _all_text(doc) -> str:
    return "\n".join(_texts(doc))


def _warnings(doc) -> str:
    return "\n".join(doc.meta.warnings)


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _cell(inner: str) -> str:
    return f"<w:tc><w:tcPr><w:tcW w:w='4000' w:type='dxa'/></w:tcPr><w:p>{_run(inner)}</w:p></w:tc>"


def _sdt(inner: str, extra_pr: str = "") -> str:
    return f"<w:sdt><w:sdtPr>{extra_pr}</w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>"


# --- content controls and custom XML at every level -------------------------------------


def test_repeating_section_rows_in_content_controls_are_read(tmp_path: Path) -> None:
    rows = "".join(
        _sdt(f"<w:tr>{_cell(f'Район {i}.')}{_cell(f'Построено {i} школы.')}</w:tr>",
             "<w15:repeatingSectionItem/>")
        for i in (1, 2, 3)
    )
    d = _doc()
    _append(d, f"<w:tbl {NS} {W15}><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
               f"<w:tr>{_cell('Район.')}{_cell('Итог.')}</w:tr>{_sdt(rows, '<w15:repeatingSection/>')}</w:tbl>")
    doc = _read(d, tmp_path)
    for i in (1, 2, 3):
        assert f"Район {i}." in _texts(doc) and f"Построено {i} школы." in _texts(doc)
    assert _texts(doc).index("Район 1.") < _texts(doc).index("Район 3.")  # reading order


def test_cells_in_content_controls_and_custom_xml_are_read(tmp_path: Path) -> None:
    d = _doc()
    row = (f"<w:tr>{_sdt(_cell('Ячейка в элементе управления.'))}"
           f"<w:customXml w:element='cell'>{_cell('Ячейка в пользовательском XML.')}</w:customXml>"
           f"{_cell('Обычная ячейка.')}</w:tr>")
    _append(d, f"<w:tbl {NS}><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
               f"<w:customXml w:element='row'>{row}</w:customXml></w:tbl>")
    doc = _read(d, tmp_path)
    assert {"Ячейка в элементе управления.", "Ячейка в пользовательском XML.", "Обычная ячейка."} <= set(_texts(doc))


def test_run_and_block_level_content_controls_and_custom_xml_are_read(tmp_path: Path) -> None:
    d = _doc()
    _append(d, f"<w:p {NS}>{_run('Срок сдачи — ')}{_sdt(_run('1 июля 2025 года'))}"
               f"<w:customXml w:element='place'>{_run(' в Смоленске')}</w:customXml>{_run('.')}</w:p>")
    _append(d, f"<w:customXml {NS} w:element='section'><w:p>{_run('Абзац в пользовательском XML.')}</w:p></w:customXml>")
    _append(d, f"<w:sdt {NS}><w:sdtPr/><w:sdtContent><w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid>"
               f"<w:tr>{_cell('Таблица внутри элемента управления.')}</w:tr></w:tbl></w:sdtContent></w:sdt>")
    doc = _read(d, tmp_path)
    texts = _texts(doc)
    assert "Срок сдачи — 1 июля 2025 года в Смоленске." in texts
    assert "Абзац в пользовательском XML." in texts
    assert "Таблица внутри элемента управления." in texts


def test_content_control_showing_its_placeholder_is_left_out_and_reported(tmp_path: Path) -> None:
    d = _doc()
    _append(d, f"<w:sdt {NS}><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p>"
               f"{_run('Место для ввода текста.')}</w:p></w:sdtContent></w:sdt>")
    doc = _read(d, tmp_path)
    assert "Место для ввода текста" not in _all_text(doc)
    assert "placeholder" in _warnings(doc) and "Место для ввода текста." in _warnings(doc)


# --- bidi containers and equations ------------------------------------------------------


@pytest.mark.parametrize("container", ['<w:dir w:val="rtl">', '<w:bdo w:val="ltr">'])
def test_text_in_bidi_containers_is_kept(tmp_path: Path, container: str) -> None:
    tag = container[1:6]
    d = _doc()
    _append(d, f"<w:p {NS}>{_run('Делегация из ')}{container}{_run('Тель-Авива')}</{tag}>{_run(' прибыла утром.')}</w:p>")
    doc = _read(d, tmp_path)
    assert "Делегация из Тель-Авива прибыла утром." in _texts(doc)


_FRACTION = ("<m:oMath><m:r><m:t>S=</m:t></m:r><m:f><m:num><m:r><m:t>a+b</m:t></m:r></m:num>"
             "<m:den><m:r><m:t>2</m:t></m:r></m:den></m:f><m:r><m:t>·h</m:t></m:r></m:oMath>")


def test_inline_and_display_equations_keep_their_text(tmp_path: Path) -> None:
    d = _doc()
    _append(d, f"<w:p {NS}>{_run('Площадь трапеции ')}{_FRACTION}{_run(' квадратных метров.')}</w:p>")
    _append(d, f"<w:p {NS}><m:oMathPara><m:oMath><m:sSup><m:e><m:r><m:t>x</m:t></m:r></m:e>"
               "<m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup><m:r><m:t>+1</m:t></m:r>"
               "<m:rad><m:radPr><m:degHide m:val='1'/></m:radPr><m:deg/><m:e><m:r><m:t>y</m:t></m:r></m:e></m:rad>"
               "</m:oMath></m:oMathPara></w:p>")
    doc = _read(d, tmp_path)
    assert "Площадь трапеции S=(a+b)/2·h квадратных метров." in _texts(doc)
    assert "x^2+1√y" in _texts(doc)
    assert "2 equations are kept as linear text" in _warnings(doc)


def test_equation_delimiters_and_nary_operators() -> None:
    from translator_flow.readers.omml import linear

    xml = (f"<m:oMath {NS}><m:nary><m:naryPr><m:chr m:val='∑'/></m:naryPr><m:sub><m:r><m:t>i=1</m:t></m:r></m:sub>"
           "<m:sup><m:r><m:t>n</m:t></m:r></m:sup><m:e><m:sSub><m:e><m:r><m:t>x</m:t></m:r></m:e>"
           "<m:sub><m:r><m:t>i</m:t></m:r></m:sub></m:sSub></m:e></m:nary>"
           "<m:d><m:dPr><m:begChr m:val='['/><m:endChr m:val=']'/></m:dPr><m:e><m:r><m:t>0</m:t></m:r></m:e>"
           "<m:e><m:r><m:t>1</m:t></m:r></m:e></m:d></m:oMath>")
    assert linear(parse_xml(xml)) == "∑_(i=1)^n x_i[0|1]"


# --- hidden text ------------------------------------------------------------------------


def test_hidden_text_is_excluded_and_reported_without_quoting_it(tmp_path: Path) -> None:
    d = _doc()
    char_style = d.styles.add_style("Скрытый", docx.enum.style.WD_STYLE_TYPE.CHARACTER)
    char_style.font.hidden = True
    para_style = d.styles.add_style("Служебный", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    para_style.font.hidden = True
    p = d.add_paragraph("Видимое начало")
    p.add_run(" СЕКРЕТНАЯ ВСТАВКА").font.hidden = True
    p.add_run(".")
    p2 = d.add_paragraph("Второй абзац виден")
    p2.add_run(" СКРЫТО СТИЛЕМ", style="Скрытый")
    p2.add_run(" до конца.")
    d.add_paragraph("ВЕСЬ АБЗАЦ СКРЫТ.", style="Служебный")
    shown = d.add_paragraph("Этот абзац в скрытом стиле, но показан явно.", style="Служебный")
    shown.runs[0].font.hidden = False
    doc = _read(d, tmp_path)
    text = _all_text(doc)
    assert "Видимое начало." in _texts(doc) and "Второй абзац виден до конца." in _texts(doc)
    assert "Этот абзац в скрытом стиле, но показан явно." in _texts(doc)
    for secret in ("СЕКРЕТНАЯ", "СКРЫТО", "ВЕСЬ АБЗАЦ"):
        assert secret not in text
        assert secret not in _warnings(doc)  # never quoted: hidden text may be planted
    sources = " ".join(s.source for s in segment_document(doc))  # what every draft is made from
    assert not any(secret in sources for secret in ("СЕКРЕТНАЯ", "СКРЫТО", "ВЕСЬ АБЗАЦ"))
    assert "removed 3 hidden elements" in _warnings(doc) and "w:vanish" in _warnings(doc)


def test_hidden_text_by_document_default_is_excluded(tmp_path: Path) -> None:
    d = _doc()
    defaults = d.styles.element.find(f"{{{docx.oxml.ns.nsmap['w']}}}docDefaults")
    rpr = defaults.find(".//w:rPr", {"w": docx.oxml.ns.nsmap["w"]})
    rpr.append(parse_xml(f"<w:vanish {NS}/>"))
    d.add_paragraph().add_run("Этот текст виден явно.").font.hidden = False
    doc = _read(d, tmp_path)
    assert _texts(doc) == ["Этот текст виден явно."]
    assert "hidden element" in _warnings(doc)


def test_only_hidden_text_is_a_reader_error(tmp_path: Path) -> None:
    from translator_flow.errors import ReaderError

    d = docx.Document()
    d.add_paragraph().add_run("Скрытый текст.").font.hidden = True
    d.save(str(tmp_path / "h.docx"))
    with pytest.raises(ReaderError, match="no visible text"):
        read_document(tmp_path / "h.docx")


# --- footnotes and endnotes -------------------------------------------------------------


def _notes_part(d, kind: str, notes: dict[str, str]) -> None:
    tag = kind[:-1]
    body = "".join(
        f'<w:{tag} w:id="{i}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:{tag}Ref/></w:r>{_run(" " + text)}</w:p></w:{tag}>'
        for i, text in notes.items()
    )
    xml = (f'<w:{kind} {NS}><w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
           f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{tag}>'
           f"{body}</w:{kind}>").encode()
    ctype = CT.WML_FOOTNOTES if kind == "footnotes" else CT.WML_ENDNOTES
    part = Part(PackURI(f"/word/{kind}.xml"), ctype, xml, d.part.package)
    d.part.relate_to(part, RT.FOOTNOTES if kind == "footnotes" else RT.ENDNOTES)


def _ref(tag: str, note_id: str) -> str:
    return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{tag}Reference w:id="{note_id}"/></w:r>'


def test_footnotes_and_endnotes_are_translated_after_the_body_in_reference_order(tmp_path: Path) -> None:
    d = _doc()
    _notes_part(d, "footnotes", {"1": "Данные Смоленскстата за 2024 год.", "2": "По состоянию на 1 марта.",
                                 "3": "Сноска без ссылки в тексте."})
    _notes_part(d, "endnotes", {"1": "Полный текст постановления опубликован на портале."})
    _append(d, f"<w:p {NS}>{_run('Безработица снизилась до 2 процентов.')}{_ref('footnote', '2')}"
               f"{_run(' Зарплата выросла.')}{_ref('footnote', '1')}{_ref('endnote', '1')}</w:p>")
    d.add_paragraph("Последний абзац основного текста.")
    doc = _read(d, tmp_path)
    texts = _texts(doc)
    body_end = texts.index("Последний абзац основного текста.")
    assert "Безработица снизилась до 2 процентов. Зарплата выросла." in texts
    assert texts[body_end + 1:] == ["По состоянию на 1 марта.", "Данные Смоленскстата за 2024 год.",
                                    "Сноска без ссылки в тексте.",
                                    "Полный текст постановления опубликован на портале."]
    w = _warnings(doc)
    assert "4 footnotes/endnotes are translated as separate paragraphs" in w
    assert "footnote 1: «По состоянию на 1 марта.»" in w and "not referenced" in w and "endnote 1" in w
    assert {s.block for s in segment_document(doc)} >= {b.index for b in doc.blocks[-4:]}


# --- altChunk ---------------------------------------------------------------------------


def _alt_chunk(d, name: str, ctype: str, blob: bytes) -> None:
    part = Part(PackURI(f"/word/{name}"), ctype, blob, d.part.package)
    rid = d.part.relate_to(part, RT.A_F_CHUNK)
    _append(d, f'<w:altChunk {NS} r:id="{rid}"/>')


def test_html_and_text_alt_chunks_are_read_where_they_stand(tmp_path: Path) -> None:
    d = _doc()
    _alt_chunk(d, "afchunk.htm", "text/html",
               "<html><head><meta charset='utf-8'></head><body><p>Абзац из вставленного HTML.</p>"
               "<p>Второй абзац из <b>HTML</b>.</p></body></html>".encode())
    d.add_paragraph("Абзац между вставками.")
    _alt_chunk(d, "afchunk2.txt", "text/plain", "Абзац из вставленного текста.\n".encode("cp1251"))
    d.add_paragraph("Последний абзац.")
    doc = _read(d, tmp_path)
    texts = _texts(doc)
    assert texts[2:] == ["Абзац из вставленного HTML.", "Второй абзац из HTML.", "Абзац между вставками.",
                         "Абзац из вставленного текста.", "Последний абзац."]
    assert "afchunk.htm (w:altChunk) was read with the HTML reader" in _warnings(doc)
    assert "afchunk2.txt (w:altChunk) was read with the plain-text reader" in _warnings(doc)


def test_word_alt_chunk_is_read_with_the_word_reader(tmp_path: Path) -> None:
    inner = docx.Document()
    inner.add_paragraph("Абзац из вложенного документа Word.")
    buf = io.BytesIO()
    inner.save(buf)
    d = _doc()
    _alt_chunk(d, "afchunk.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
               buf.getvalue())
    doc = _read(d, tmp_path)
    assert "Абзац из вложенного документа Word." in _texts(doc)


@pytest.mark.parametrize(("name", "ctype"), [("afchunk.rtf", "application/rtf"), ("afchunk.mht", "message/rfc822")])
def test_unreadable_alt_chunk_is_refused_loudly(tmp_path: Path, name: str, ctype: str) -> None:
    d = _doc()
    _alt_chunk(d, name, ctype, b"{\\rtf1 \\ansi Text}")
    d.add_paragraph("Абзац после вставки.")
    doc = _read(d, tmp_path)
    assert "Абзац после вставки." in _texts(doc)
    loud = [w for w in doc.meta.warnings if w.startswith(NOT_READ_WARNING_PREFIX)]
    assert len(loud) == 1 and name in loud[0] and "save it again as .docx" in loud[0]
    assert loud[0].startswith(LOUD_WARNING_PREFIXES)


# --- parts that are not release text ----------------------------------------------------


def test_headers_footers_comments_images_and_revisions_are_reported(tmp_path: Path) -> None:
    from test_readers import _PNG

    d = _doc()
    d.sections[0].header.paragraphs[0].text = "Пресс-служба администрации"
    d.sections[0].footer.paragraphs[0].text = "г. Смоленск, пл. Ленина, 1"
    p = d.add_paragraph("Абзац с комментарием.")
    d.add_comment(p.runs, text="Проверить дату", author="Редактор")
    d.add_picture(io.BytesIO(_PNG))
    _append(d, f"<w:p {NS}>{_run('Было ')}<w:del w:id='9' w:author='a'><w:r><w:delText>удалено</w:delText></w:r>"
               f"</w:del><w:ins w:id='10' w:author='a'>{_run('вставлено')}</w:ins>{_run('.')}</w:p>")
    for run in d.paragraphs[-1].runs:
        run.font.size = Pt(11)
    doc = _read(d, tmp_path)
    w = _warnings(doc)
    assert "Было вставлено." in _texts(doc) and "удалено" not in _all_text(doc)
    assert "page header text is not translated: «Пресс-служба администрации»" in w
    assert "page footer text is not translated" in w and "1 Word comment is not translated" in w
    assert "skipped 1 image or embedded object" in w
    assert "tracked changes" in w and "1 insertion kept, 1 deletion left out" in w


def test_plain_document_has_no_reader_warnings(tmp_path: Path) -> None:
    d = _doc()
    d.add_paragraph("Обычный абзац без особых структур.")
    assert _read(d, tmp_path).meta.warnings == ()


def test_malformed_footnotes_part_is_refused_loudly_and_the_body_kept(tmp_path: Path) -> None:
    d = _doc()
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, b"<w:footnotes><unclosed>", d.part.package)
    d.part.relate_to(part, RT.FOOTNOTES)
    doc = _read(d, tmp_path)
    assert "Совещание прошло в областной администрации." in _texts(doc)
    loud = [w for w in doc.meta.warnings if w.startswith(NOT_READ_WARNING_PREFIX)]
    assert len(loud) == 1 and "footnotes part" in loud[0]


def test_word_alt_chunks_nested_too_deep_are_refused_loudly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from translator_flow.readers import docx_parts

    monkeypatch.setattr(docx_parts, "MAX_CHUNK_DEPTH", 0)
    inner = docx.Document()
    inner.add_paragraph("Абзац из вложенного документа Word.")
    buf = io.BytesIO()
    inner.save(buf)
    d = _doc()
    _alt_chunk(d, "afchunk.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
               buf.getvalue())
    doc = _read(d, tmp_path)
    assert "вложенного" not in _all_text(doc)
    assert any(w.startswith(NOT_READ_WARNING_PREFIX) and "afchunk.docx" in w for w in doc.meta.warnings)


def test_ruby_base_text_kept_symbols_and_subdocuments_reported(tmp_path: Path) -> None:
    d = _doc()
    _append(d, f"<w:p {NS}>{_run('Гости из ')}<w:ruby><w:rubyPr/><w:rt>{_run('とうきょう')}</w:rt>"
               f"<w:rubyBase>{_run('Токио')}</w:rubyBase></w:ruby>{_run(' приехали.')}"
               "<w:r><w:sym w:font='Wingdings' w:char='F04A'/></w:r></w:p>")
    _append(d, f'<w:subDoc {NS} r:id="rId999"/>')
    doc = _read(d, tmp_path)
    assert "Гости из Токио приехали." in _texts(doc) and "とうきょう" not in _all_text(doc)
    assert "symbol-font character (w:sym): «Wingdings F04A»" in _warnings(doc)
    assert "linked subdocument" in _warnings(doc)


# --- through the real pipeline ----------------------------------------------------------


@pytest.mark.slow
def test_real_engine_drafts_leave_hidden_text_out_and_translate_rows_and_notes(tmp_path: Path) -> None:
    """Apertium rus→bel on a Word file with a repeating-section row, hidden text and a
    footnote: the hidden words reach no output but the report line; the row and the note
    are translated; the JSON and the review header carry the warnings."""
    from review_helpers import docx_text

    from translator_flow.config import Settings
    from translator_flow.pipeline import Pipeline

    d = _doc()
    p = d.add_paragraph("Делегация посетила завод")
    p.add_run(" ТАЙНАЯ ПОМЕТКА").font.hidden = True
    p.add_run(".")
    _append(d, f"<w:tbl {NS} {W15}><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid>"
               f"{_sdt(_sdt('<w:tr>' + _cell('Школа открылась в сентябре.') + '</w:tr>'), '<w15:repeatingSection/>')}"
               "</w:tbl>")
    _notes_part(d, "footnotes", {"1": "Данные министерства образования."})
    _append(d, f"<w:p {NS}>{_run('Новая школа работает.')}{_ref('footnote', '1')}</w:p>")
    src = tmp_path / "release.docx"
    d.save(str(src))
    out = tmp_path / "out"
    settings = Settings(targets=("be",), glossary=(Path(__file__).resolve().parents[1] / "glossary",), tm_dir=None,
                        out_dir=out)
    with Pipeline(settings) as pipeline:
        report = pipeline.translate_and_write(src)
    drafts = {t.segment_id: t.text for t in report.translations["be"].targets}
    sources = {s.id: s.source for s in report.segments}
    assert "Школа открылась в сентябре." in sources.values() and "Данные министерства образования." in sources.values()
    for seg_id, source in sources.items():
        if source in ("Школа открылась в сентябре.", "Данные министерства образования."):
            assert drafts[seg_id].strip() and drafts[seg_id] != source  # translated, not copied
    for path in out.iterdir():
        text = docx_text(path) if path.suffix == ".docx" else path.read_text(encoding="utf-8")
        assert "ТАЙНАЯ" not in text and "ПОМЕТКА" not in text, path.name
    data = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))
    said = " ".join(data["source"]["warnings"])
    assert "hidden element" in said and "/endnote" in said
    assert "hidden element" in docx_text(next(out.glob("*.review.docx")))
