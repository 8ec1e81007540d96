"""Hostile input: text that is not Russian is refused unless --force-language is given."""

from __future__ import annotations

from pathlib import Path

import pytest

from translator_flow.errors import ReaderError
from translator_flow.readers import read_document

TEXTS = {
    "english": (
        "Smolensk region expands cooperation with Belarus\n\nThe governor met the delegation on 12 March 2025.",
        "only 0% of its letters are Cyrillic",
    ),
    "belarusian": (
        "Смаленская вобласць пашырае супрацоўніцтва з Беларуссю\n\n"
        "Губернатар сустрэўся з дэлегацыяй і абмеркаваў тавараабарот.",
        "it has the Belarusian letters і and ў; it looks Belarusian",
    ),
    "ukrainian": (
        "Співпраця регіонів розширюється\n\nГубернатор зустрівся з делегацією і обговорив її пропозиції щодо торгівлі.",
        "it has the letters і, ї, є, ґ; it looks Ukrainian",
    ),
    "digits": ("12 345 67,8 %\n\n2025", "it has no letters"),
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_non_russian_is_refused_with_the_flag_to_use(tmp_path: Path, lang: str) -> None:
    text, reason = TEXTS[lang]
    path = tmp_path / f"{lang}.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReaderError) as err:
        read_document(path)
    assert err.value.exit_code == 4
    assert str(err.value) == (
        f"{path} does not look like Russian ({reason}); translator-flow translates from Russian. "
        "If it is Russian, run again with --force-language (Python: force_language=True)."
    )


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_force_language_continues_with_a_warning(tmp_path: Path, lang: str) -> None:
    text, reason = TEXTS[lang]
    path = tmp_path / f"{lang}.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path, force_language=True)
    assert "\n\n".join(b.text for b in doc.blocks) == text
    assert doc.meta.warnings == (f"The text does not look like Russian ({reason}); continued because of --force-language.",)


def test_russian_with_latin_names_and_a_belarusian_name_passes(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_text(
        "Компания Minsk Tractor Works представила технику\n\n"
        "Делегация посетила выставку Agro Belarus и музей «Ўладзіслаў» в Минске. "
        "Стороны обсудили поставки техники, сервис и обучение специалистов в Смоленской области.",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.meta.warnings == () and len(doc.blocks) == 2
