"""One charset order for .txt and .html (issue 13 item 2): BOM, valid UTF-8, the declared
charset, then detection; every overridden declaration is warned."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from translator_flow.readers import read_document
from translator_flow.readers.source import decode_text

RU = "Смоленская область подписала соглашение с Минском."

CASES = [  # (bytes, declared, expected encoding, warning fragment or None)
    (RU.encode("utf-8"), None, "utf-8", None),
    (codecs.BOM_UTF8 + RU.encode("utf-8"), None, "utf-8-sig", None),
    (RU.encode("utf-16"), None, "utf-16", None),  # with its BOM
    (RU.encode("utf-16-le"), None, "utf-16-le", None),  # without a BOM
    (RU.encode("utf-32"), None, "utf-32", None),
    (RU.encode("cp1251"), None, "cp1251", None),
    (RU.encode("koi8-r"), None, "koi8-r", None),
    (RU.encode("cp866"), None, "cp866", None),
    ("Да".encode(), None, "utf-8", None),  # two letters: still UTF-8, never cp1251 mojibake
    # valid UTF-8 wins over a declaration
    (RU.encode("utf-8"), "windows-1251", "utf-8", "declares charset windows-1251 but is valid UTF-8"),
    (RU.encode("utf-8"), "koi8-r", "utf-8", "but is valid UTF-8"),
    (b"Plain ASCII text.", "windows-1251", "utf-8", None),  # same text in both: nothing to say
    # a byte-order mark is the file's own declaration
    (codecs.BOM_UTF8 + RU.encode("utf-8"), "windows-1251", "utf-8-sig", "byte-order mark"),
    (codecs.BOM_UTF8 + RU.encode("utf-8"), "utf-8", "utf-8-sig", None),
    (RU.encode("utf-16"), "utf-16le", "utf-16", None),
    # then the declared charset, even where detection would agree
    (RU.encode("koi8-r"), "KOI8-R", "koi8-r", None),
    (RU.encode("cp1251"), "windows-1251", "windows-1251", None),
    # then detection, saying why the declaration was not used
    (RU.encode("cp1251"), "utf-8", "cp1251", "which does not decode it; read as cp1251"),
    (RU.encode("koi8-r"), "x-bogus-charset", "koi8-r", "is not a known charset"),
]


@pytest.mark.parametrize(("data", "declared", "encoding", "warning"), CASES)
def test_charset_order(data: bytes, declared: str | None, encoding: str, warning: str | None) -> None:
    text, got, warnings = decode_text(data, "f", declared=declared)
    assert got == encoding
    assert text.lstrip("\ufeff") in (RU, "Да", "Plain ASCII text.")
    if warning is None:
        assert warnings == []
    else:
        assert len(warnings) == 1 and warning in warnings[0]


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "cp1251", "koi8-r", "cp866"])
def test_txt_files_follow_the_same_order(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(f"Заголовок новости\n\n{RU}\n".encode(codec))
    doc = read_document(path)
    assert doc.meta.encoding == codec and doc.blocks[-1].text == RU
    assert doc.meta.warnings == ()


def test_html_shares_the_order_and_warns(tmp_path: Path) -> None:
    path = tmp_path / "r.html"
    path.write_bytes(f'<html><head><meta charset="windows-1251"><title>Новость</title></head>'
                     f"<body><h1>Заголовок новости</h1><p>{RU}</p></body></html>".encode())
    doc = read_document(path)
    assert doc.meta.encoding == "utf-8" and RU in [b.text for b in doc.blocks]
    assert any("declares charset windows-1251 but is valid UTF-8" in w for w in doc.meta.warnings)
