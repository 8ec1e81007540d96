"""Every broken glossary file is refused the same way by `lint` and by `translate`.

One line naming file:line and the fix, exit 4 (bad input), no traceback, and no release
translated with half a glossary. The faults are the ones an editor's spreadsheet produces.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from translator_flow.cli import cli

HEADER = "id,ru,be,en,note,source\n"
GOOD = "minsk,Минск,Мінск,Minsk,,https://example.org/minsk\n"

# (file name, bytes, line the message names, words the message must contain)
FAULTS = [
    ("quote.csv", (HEADER + 'gomel,Гомель,Гомель,Gomel,"city\n' + GOOD).encode(), 2, "not closed"),
    ("cp1251.csv", HEADER.encode() + "brest,Брест,Брэст,Brest,,\n".encode("cp1251"), 2, "not UTF-8"),
    ("columns.csv", (HEADER + "minsk,Минск,Мінск,Minsk,,,extra\n").encode(), 2, "7 fields but the header has 6"),
    ("duplicate.csv", (HEADER + GOOD + GOOD.replace("Минск", "Минска")).encode(), 3, "duplicate id 'minsk'"),
    ("broken.tbx", b'<?xml version="1.0" encoding="UTF-8"?>\n<tbx xmlns="urn:iso:std:iso:30042:ed-2">\n'
     b"<text><body><conceptEntry id='x'>\n</body></text></tbx>\n", None, "not well-formed XML"),
]


def refusal_lines(output: str, path: Path, line: int | None) -> list[str]:
    prefix = f"{path.name}:{line}: " if line is not None else f"{path.name}:"
    return [ln for ln in output.splitlines() if prefix in ln]


@pytest.mark.parametrize("name, data, line, words", FAULTS, ids=[f[0] for f in FAULTS])
def test_lint_refuses_in_one_line_with_exit_4(tmp_path: Path, name: str, data: bytes, line: int | None,
                                              words: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = CliRunner().invoke(cli, ["glossary", "lint", str(path)], catch_exceptions=False)
    assert result.exit_code == 4, result.output
    assert "Traceback" not in result.output
    flagged = refusal_lines(result.output, path, line)
    assert len(flagged) == 1 and words in flagged[0], result.output


@pytest.mark.parametrize("name, data, line, words", FAULTS, ids=[f[0] for f in FAULTS])
def test_translate_refuses_the_same_file_and_writes_nothing(tmp_path: Path, name: str, data: bytes,
                                                            line: int | None, words: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    release = tmp_path / "r.ru.txt"
    release.write_text("Минск принимает гостей.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["translate", str(release), "--to", "be", "--glossary", str(path),
                                      "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 4, result.output
    assert "Traceback" not in result.output
    flagged = refusal_lines(result.output, path, line)
    assert len(flagged) == 1 and words in flagged[0], result.output
    assert "glossary lint" in result.output  # the message says how to see the full report
    assert not out.exists() or not any(out.iterdir()), "a release was written with a broken glossary"
