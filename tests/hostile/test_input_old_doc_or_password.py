"""Hostile input: old Word (.doc) and password-protected Office files (both OLE/CFB)."""

from __future__ import annotations

from pathlib import Path

import pytest

from translator_flow.errors import ReaderError
from translator_flow.readers import read_document

# An OLE2 compound file header (what Word 97-2003 writes, and what Office writes around an
# encrypted .docx): the magic, then a plausible header; the content does not matter.
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff\x09\x00" + bytes(4096)


@pytest.mark.parametrize("name", ["release.doc", "protected.docx", "renamed.txt", "page.html"])
def test_ole_file_is_refused_with_advice(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(OLE)
    with pytest.raises(ReaderError) as err:
        read_document(path)
    assert err.value.exit_code == 4
    assert str(err.value) == (
        f"{path} is an old Word (.doc) file or a password-protected Office file. "
        "Open it in Word or LibreOffice and save it as .docx without a password."
    )
