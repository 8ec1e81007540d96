"""Glossary CSV files: read rows into entries with ``file:line`` problems, write them back.

Editors keep these files in a spreadsheet or a text editor, so reading is forgiving where
it is safe (UTF-8 with or without BOM, ``;`` as Excel writes it in Russian locales, blank
lines, ``#`` comment rows) and strict where a silent guess would apply a wrong term
(a row with too many or too few fields, a missing id or Russian term, bad ``be_forms``).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Iterable, Sequence

from ..csvsafe import escape_cells, unescape_cell
from .entries import (
    GENDERS,
    KNOWN_COLUMNS,
    LIST_COLUMNS,
    REQUIRED_COLUMNS,
    STATUSES,
    Entry,
    parse_be_forms,
    split_list,
)


@dataclass(frozen=True)
class Problem:
    """Something wrong in a glossary file, reported as ``file:line: message``.

    ``fatal`` problems stop loading (the glossary cannot be applied safely); the others
    are reported by ``glossary lint`` only. ``warning`` problems do not fail lint.
    """

    file: str
    line: int
    message: str
    fatal: bool = False
    warning: bool = False

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {'warning: ' if self.warning else ''}{self.message}"


def read_csv(path: Path | str) -> tuple[list[Entry], list[Problem]]:
    """Read one glossary CSV: its entries and every problem found, each with its line."""
    path = Path(path)
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return [], [Problem(name, 0, f"cannot read the file ({exc.strerror})", fatal=True)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return [], [
            Problem(
                name,
                line,
                "not UTF-8 text: save the file as UTF-8 (Excel: 'CSV UTF-8', LibreOffice: "
                "character set Unicode (UTF-8))",
                fatal=True,
            )
        ]
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    problems: list[Problem] = []
    entries: list[Entry] = []
    try:
        header = next(reader)
    except StopIteration:
        return [], [Problem(name, 1, "empty file: the first row must be the header "
                            f"({', '.join(REQUIRED_COLUMNS)})", fatal=True)]
    except csv.Error as exc:
        return [], [Problem(name, 1, f"unreadable header ({exc})", fatal=True)]
    header = [unescape_cell(h.strip()) for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        return [], [
            Problem(
                name,
                1,
                f"missing column(s) {', '.join(missing)}: the header must contain "
                f"{', '.join(REQUIRED_COLUMNS)}",
                fatal=True,
            )
        ]
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        problems.append(Problem(name, 1, f"column(s) {', '.join(dupes)} appear twice", fatal=True))
        return [], problems
    previous_end = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(name, previous_end + 1, f"broken CSV ({exc}); check the quotes", fatal=True))
            break
        line = previous_end + 1
        previous_end = reader.line_num
        if not row or all(not cell.strip() for cell in row):
            continue
        if row[0].lstrip().startswith("#"):
            continue  # a comment row
        if previous_end > line and any("\n" in c and delimiter in c for c in row):
            # A quote left open swallows the following rows into one cell; the field
            # count can still come out right, so say so instead of loading a wrong term.
            problems.append(
                Problem(
                    name,
                    line,
                    f"a quote opened on this line is not closed and swallows lines {line + 1}-"
                    f"{previous_end}: close the quote (write \"\" for a quote inside a value)",
                    fatal=True,
                )
            )
            continue
        if len(row) != len(header):
            problems.append(
                Problem(
                    name,
                    line,
                    f"row has {len(row)} fields but the header has {len(header)}: "
                    "quote a value that contains the delimiter, or add the missing commas",
                    fatal=True,
                )
            )
            continue
        values = {h: unescape_cell(cell.strip()) for h, cell in zip(header, row)}  # OWASP escape undone
        entry, row_problems = entry_from_row(values, name, line)
        problems.extend(row_problems)
        if entry is not None:
            entries.append(entry)
    return entries, problems


def entry_from_row(values: dict[str, str], file: str, line: int) -> tuple[Entry | None, list[Problem]]:
    """Build an Entry from one row's ``column → value``; problems carry ``file:line``."""
    problems: list[Problem] = []
    if not values.get("id"):
        problems.append(Problem(file, line, "empty id: give the row a unique id such as 'smolensk-region'", fatal=True))
    if not values.get("ru"):
        problems.append(Problem(file, line, "empty ru: the Russian dictionary form is what the glossary matches", fatal=True))
    try:
        be_forms = parse_be_forms(values.get("be_forms", ""))
    except ValueError as exc:
        problems.append(Problem(file, line, str(exc), fatal=True))
        be_forms = ()
    status = values.get("status", "").lower()
    if status not in STATUSES:
        problems.append(
            Problem(file, line, f"status {status!r} is unknown: use approved, draft or deprecated", fatal=True)
        )
    gender = values.get("gender", "").strip().lower()
    if gender and gender not in GENDERS:
        problems.append(
            Problem(file, line, f"gender {values.get('gender')!r} is unknown: write m or f (or leave it empty)", fatal=True)
        )
    if problems:
        return None, problems
    lists = {c: split_list(values.get(c, "")) for c in LIST_COLUMNS}
    extra = tuple((k, v) for k, v in values.items() if k not in KNOWN_COLUMNS)
    entry = Entry(
        id=values["id"],
        ru=values["ru"],
        be=values.get("be", ""),
        en=values.get("en", ""),
        note=values.get("note", ""),
        source=values.get("source", ""),
        be_forms=be_forms,
        status=status,
        gender=GENDERS.get(gender, ""),
        extra=extra,
        file=file,
        line=line,
        **lists,
    )
    return entry, problems


def columns_for(entries: Iterable[Entry]) -> list[str]:
    """The header to write: required columns, the optional ones in use, then extras."""
    entries = list(entries)
    used = {k for e in entries for k, v in e.to_row().items() if v}
    columns = list(REQUIRED_COLUMNS)
    columns += [c for c in KNOWN_COLUMNS[len(REQUIRED_COLUMNS):] if c in used]
    for e in entries:
        columns += [k for k, _ in e.extra if k not in columns]
    return columns


def write_csv(path: Path | str, entries: Sequence[Entry], columns: Sequence[str] | None = None) -> None:
    """Write ``entries`` as a UTF-8 glossary CSV (overwrites; callers check --force)."""
    columns = list(columns) if columns else columns_for(entries)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(escape_cells(list(columns)))
        for entry in entries:
            row = entry.to_row()
            writer.writerow(escape_cells([row.get(c, "") for c in columns]))


def append_csv(path: Path | str, entry: Entry) -> None:
    """Append one entry to an existing glossary CSV, in that file's column order."""
    path = Path(path)
    text = path.read_text(encoding="utf-8-sig")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    header = [unescape_cell(h.strip()) for h in next(csv.reader(io.StringIO(first), delimiter=delimiter))]
    row = entry.to_row()
    lost = [k for k, v in row.items() if v and k not in header]
    if lost:
        from ..errors import GlossaryError

        raise GlossaryError(f"{path}: has no column(s) {', '.join(lost)}; add them to the header first")
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\n").writerow(escape_cells([row.get(c, "") for c in header]))
    with open(path, "a", encoding="utf-8", newline="") as fh:
        if text and not text.endswith("\n"):
            fh.write("\n")
        fh.write(buf.getvalue())
