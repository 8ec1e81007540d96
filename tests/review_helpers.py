"""Helpers for the round-trip tests: write a real review package, edit it like an editor.

Editing goes through python-docx on the file the real writer produced (the Draft cells of
the main table), so the tests exercise exactly what an editor's Word session changes.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx

from report_factory import sample_report
from translator_flow.model import RunReport
from translator_flow.writers import write_outputs

HEADER_START = ["#", "ID", "Block", "Source (ru)"]


def write_package(out: Path, report: RunReport | None = None, *, stem: str = "release",
                  xliff: bool = False) -> RunReport:
    """translate's outputs for ``report`` (default: the sample release in Belarusian)."""
    report = report or sample_report(langs=("be",))
    write_outputs(report, out, stem=stem, xliff=xliff)
    return report


def main_table(document: Any) -> Any:
    """The review table of a python-docx Document."""
    for table in document.tables:
        if [c.text for c in table.rows[0].cells[:4]] == HEADER_START:
            return table
    raise AssertionError("no review table")


def row_id(row: Any) -> str:
    """The segment id of a table row: the ID cell's first word (a hidden source hash follows)."""
    words = row.cells[1].text.split()
    return words[0] if words else ""


def set_cell(cell: Any, text: str) -> None:
    """Replace a cell's content with one plain paragraph of ``text`` (as an editor retyping it)."""
    for extra in cell.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    cell.paragraphs[0].text = text


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def choose_status(cell: Any, value: str, *, typed: bool = False) -> None:
    """Set a Status cell as an editor does: pick ``value`` in its drop-down, or (``typed``) type it.

    Picking replaces the drop-down content's text and clears its placeholder flag, which is
    what Word and LibreOffice write; typing replaces the whole cell with plain text.
    """
    sdt = cell._tc.find(f".//{{{W_NS}}}sdt")
    if typed or sdt is None:
        set_cell(cell, value)
        return
    placeholder = sdt.find(f"{{{W_NS}}}sdtPr/{{{W_NS}}}showingPlcHdr")
    if placeholder is not None:
        placeholder.getparent().remove(placeholder)
    texts = sdt.findall(f".//{{{W_NS}}}sdtContent//{{{W_NS}}}t")
    texts[0].text = value
    for extra in texts[1:]:
        extra.text = ""


def edit_docx(path: Path, drafts: dict[str, str], *, column: int = 4, save_to: Path | None = None,
              status: str | dict[str, str] | None = None, typed: bool = False) -> None:
    """Set the Draft cell (``column``) of the rows whose ID is a key of ``drafts``.

    ``status``: a Status value for every row (e.g. "approved"), or one per row id; chosen in
    the drop-down, or typed when ``typed``.
    """
    document = docx.Document(str(path))
    table = main_table(document)
    found = set()
    statuses = status if isinstance(status, dict) else {}
    for row in table.rows[1:]:
        seg_id = row_id(row)
        if seg_id in drafts:
            set_cell(row.cells[column], drafts[seg_id])
            found.add(seg_id)
        value = status if isinstance(status, str) else statuses.get(seg_id)
        if value is not None and seg_id:
            choose_status(row.cells[-1], value, typed=typed)
    assert found == set(drafts), f"rows not found: {set(drafts) - found}"
    assert set(statuses) <= {row_id(r) for r in table.rows[1:]}, "status for rows not in the table"
    document.save(str(save_to or path))


def through_libreoffice(path: Path, workdir: Path) -> Path:
    """Open and save ``path`` with LibreOffice (`soffice --convert-to docx`); returns the copy."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is needed (installed by `make setup`)"
    outdir = workdir / "libreoffice"
    outdir.mkdir(parents=True, exist_ok=True)
    profile = workdir / "lo-profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "docx",
         "--outdir", str(outdir), str(path)],
        check=True, capture_output=True, timeout=180,
    )
    converted = outdir / path.name
    assert converted.exists(), f"LibreOffice did not write {converted}"
    import zipfile

    with zipfile.ZipFile(converted) as package:  # really re-written by LibreOffice
        assert b"LibreOffice" in package.read("docProps/app.xml")
    return converted


def files_in(folder: Path) -> dict[str, int]:
    """name → mtime_ns of every file under ``folder`` (to prove nothing was written)."""
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def docx_text(path: Path) -> str:
    """All paragraph and table-cell text of a DOCX, in document order, one piece a line."""
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)
