"""Build samples/health-forum.ru.docx reproducibly (same bytes on every run).

Run: ``.venv/bin/python samples/make_samples.py``. The release text is invented for
translator-flow's samples. The DOCX shows what real Word releases contain: a Title, a
Heading, a sentence spread over plain, bold and hyperlink runs, a bulleted list and a
Quote-styled paragraph. Timestamps in the package are fixed so the file only changes
when this script does.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

FIXED = dt.datetime(2025, 3, 12, 9, 0, 0)

TITLE = "В Минске прошёл форум медицинских работников Союзного государства"
LEAD = (
    "В Минске 12 марта 2025 года завершился II Форум медицинских работников Союзного государства. "
    "Его организовали Министерство здравоохранения Республики Беларусь и департамент здравоохранения "
    "Смоленской области."
)
BODY_1 = (
    "В работе форума приняли участие более 600 врачей и организаторов здравоохранения, а также депутаты "
    "Государственной думы и члены Совета Республики. Участники обсудили телемедицину, подготовку кадров "
    "и совместные закупки лекарственных средств."
)
# (text, bold, link) pieces of one sentence: bold and a hyperlink in the middle
BODY_2 = (
    ("Программа форума и презентации докладов опубликованы на ", False, None),
    ("официальном сайте", True, None),
    (" ", False, None),
    ("Министерства здравоохранения", False, "https://www.example.org/health-forum-2025"),
    (" в разделе «Мероприятия».", False, None),
)
HEADING = "Основные итоги"
LIST = (
    "подписано соглашение о совместной подготовке ординаторов;",
    "запущен пилотный проект по телемедицине для приграничных районов Смоленской области;",
    "согласован план обмена опытом на 2025–2026 годы.",
)
QUOTE = (
    "«Здоровье людей не знает границ. Наши врачи уже консультируют пациентов по обе стороны границы, "
    "и за год число таких консультаций выросло на 25 %», — отметил руководитель белорусской делегации."
)
BODY_3 = (
    "Приветствие участникам направил Президент Республики Беларусь. В нём отмечено, что сотрудничество "
    "в сфере здравоохранения остаётся одним из приоритетов Союзного государства, а губернатор Смоленской "
    "области предложил провести следующий форум в Смоленске."
)
BODY_4 = (
    "Дальнейшее развитие совместных программ обсудят в рамках Форума регионов Беларуси и России. "
    "По итогам прошлого года медицинские учреждения двух стран провели более 10 тысяч совместных консультаций."
)


def _hyperlink(paragraph, text: str, url: str) -> None:
    """Append a real w:hyperlink (python-docx has no public API for it)."""
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    rpr.append(style)
    run.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def build() -> bytes:
    """The sample DOCX as bytes, with fixed dates in the core properties and the ZIP."""
    d = docx.Document()
    d.add_paragraph(TITLE, style="Title")
    d.add_paragraph(LEAD)
    d.add_paragraph(BODY_1)
    p = d.add_paragraph()
    for text, bold, link in BODY_2:
        if link:
            _hyperlink(p, text, link)
        else:
            p.add_run(text).bold = bold or None
    d.add_paragraph(HEADING, style="Heading 2")
    for item in LIST:
        d.add_paragraph(item, style="List Bullet")
    d.add_paragraph(QUOTE, style="Quote")
    d.add_paragraph(BODY_3)
    d.add_paragraph(BODY_4)
    cp = d.core_properties
    cp.title, cp.author, cp.last_modified_by, cp.revision = TITLE, "translator-flow samples", "", 1
    cp.created = cp.modified = cp.last_printed = FIXED
    buf = io.BytesIO()
    d.save(buf)
    return _fix_zip_times(buf.getvalue())


def _fix_zip_times(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info))
    return out.getvalue()


def main() -> int:
    target = Path(__file__).resolve().parent / "health-forum.ru.docx"
    target.write_bytes(build())
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
