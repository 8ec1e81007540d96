"""Hostile input: Russian text in legacy and UTF-16 encodings is read correctly, not refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from translator_flow.readers import read_document

RELEASE = (
    "Смоленская область и Республика Беларусь расширяют товарооборот\n\n"
    "Губернатор В. Анохин 12 марта 2025 года провёл встречу. Объём поставок вырос на 25 %.\n\n"
    "«Мы готовы к работе», — подчеркнул губернатор. Съезд, объём, ёлка, щедрость, ЭКСПО.\n"
)


@pytest.mark.parametrize(
    "codec, expected",
    [
        ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp1251", "cp1251"), ("koi8-r", "koi8-r"),
        ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"), ("cp866", "cp866"),
    ],
)
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_release_reads_the_same_in_every_encoding(tmp_path: Path, codec: str, expected: str, newline: str) -> None:
    text = RELEASE
    if codec in ("koi8-r", "cp866"):  # no « » or em dash in these code pages
        text = text.replace("«", '"').replace("»", '"').replace("—", "-")
    reference = tmp_path / "utf8.txt"
    reference.write_bytes(text.encode("utf-8"))
    path = tmp_path / f"release-{codec}.txt"
    path.write_bytes(text.replace("\n", newline).encode(codec))
    doc = read_document(path)
    assert doc.meta.encoding == expected
    assert [(b.kind, b.text) for b in doc.blocks] == [(b.kind, b.text) for b in read_document(reference).blocks]
    assert doc.meta.warnings == ()


@pytest.mark.parametrize("codec", ["cp1251", "koi8-r"])
@pytest.mark.parametrize("word", ["Минск", "Привет", "Съезд", "ЁЛКА", "мир"])
def test_single_words_in_cp1251_and_koi8(tmp_path: Path, codec: str, word: str) -> None:
    # charset-normalizer swaps cp1251/KOI8-R on texts this short; letter statistics do not
    path = tmp_path / "w.txt"
    path.write_bytes(word.encode(codec))
    doc = read_document(path)
    assert doc.blocks[0].text == word and doc.meta.encoding == codec


def test_html_with_wrong_declared_charset_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    html = '<html><head><meta charset="utf-8"></head><body><h1>Итоги встречи</h1><p>Стороны договорились.</p></body></html>'
    path.write_bytes(html.encode("cp1251"))  # declared UTF-8, really cp1251
    doc = read_document(path)
    assert [b.text for b in doc.blocks] == ["Итоги встречи", "Стороны договорились."]
    assert doc.meta.encoding == "cp1251"


def test_truncated_utf16_is_refused(tmp_path: Path) -> None:
    from translator_flow.errors import ReaderError

    path = tmp_path / "cut.txt"
    path.write_bytes("\ufeffПривет мир".encode("utf-16-le")[:-1])  # odd length: cut mid-character
    with pytest.raises(ReaderError) as err:
        read_document(path)
    assert err.value.exit_code == 4
    assert str(err.value) == (
        f"{path} starts like utf-16 text but has invalid bytes; it may be truncated or binary. Re-save it as UTF-8 text."
    )
