"""TBX v3 (ISO 30042:2019) import, TBX-Basic sources inside a tig, and one-line refusals."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from translator_flow.cli import cli
from translator_flow.glossary.tbx import read_tbx


TBX3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="ru" xmlns="urn:iso:std:iso:30042:ed-2">
 <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
 <text><body>
  <conceptEntry id="gomel-region">
   <admin type="source">https://example.org/regions</admin>
   <langSec xml:lang="ru"><termSec><term>Гомельская область</term>
     <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
   <langSec xml:lang="be">
     <termSec><term>Гомельская вобласць</term>
       <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
     <termSec><term>Гомельская область</term>
       <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec></langSec>
   <langSec xml:lang="en"><termSec><term>Gomel Region</term></termSec></langSec>
  </conceptEntry>
 </body></text>
</tbx>
"""

TBX2_SOURCE_IN_TIG = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="ru"><martifHeader><fileDesc><sourceDesc><p>t</p></sourceDesc>
</fileDesc></martifHeader><text><body>
 <termEntry id="brest"><langSet xml:lang="ru"><tig><term>Брест</term>
   <admin type="source">https://example.org/brest</admin></tig></langSet>
  <langSet xml:lang="be"><tig><term>Брэст</term></tig></langSet></termEntry>
</body></text></martif>
"""


def test_tbx3_is_read_with_statuses_and_source(tmp_path: Path) -> None:
    path = tmp_path / "g.tbx"
    path.write_text(TBX3, encoding="utf-8")
    entries, problems = read_tbx(path)
    assert not [p for p in problems if p.fatal], [str(p) for p in problems]
    (e,) = entries
    assert (e.id, e.ru, e.be, e.en) == ("gomel-region", "Гомельская область", "Гомельская вобласць", "Gomel Region")
    assert e.forbidden("be") == ("Гомельская область",)
    assert e.source == "https://example.org/regions"


def test_tbx_basic_source_inside_tig_is_read(tmp_path: Path) -> None:
    path = tmp_path / "g.tbx"
    path.write_text(TBX2_SOURCE_IN_TIG, encoding="utf-8")
    entries, _ = read_tbx(path)
    assert [(e.id, e.be, e.source) for e in entries] == [("brest", "Брэст", "https://example.org/brest")]


def test_broken_tbx3_is_refused_in_one_line_by_lint(tmp_path: Path) -> None:
    path = tmp_path / "g.tbx"
    path.write_text(TBX3.replace("</conceptEntry>", ""), encoding="utf-8")
    result = CliRunner().invoke(cli, ["glossary", "lint", str(path)], catch_exceptions=False)
    assert result.exit_code == 4
    assert "Traceback" not in result.output
    assert any(ln.startswith(f"{path}:") and "not well-formed XML" in ln for ln in result.output.splitlines())


def test_deprecated_entry_exports_as_deprecated_terms_and_round_trips(tmp_path: Path) -> None:
    from lxml import etree

    from translator_flow.glossary.entries import Entry
    from translator_flow.glossary.tbx import DEPRECATED, write_tbx

    old = Entry(id="old-ministry", ru="Министерство старое", be="Міністэрства старое", en="Old Ministry",
                note="", source="", status="deprecated")
    path = tmp_path / "out.tbx"
    write_tbx(path, [old])
    statuses = [n.text for n in etree.parse(str(path)).iter()
                if isinstance(n.tag, str) and n.tag.endswith("termNote") and n.get("type") == "administrativeStatus"]
    assert statuses and set(statuses) == {DEPRECATED}
    (back,), problems = read_tbx(path)
    assert not [p for p in problems if p.fatal]
    assert (back.ru, back.be, back.en, back.status) == (old.ru, old.be, old.en, "deprecated")
