"""Cyrillic single-byte detection: our Russian letter statistics against charset-normalizer.

    .venv/bin/python benchmarks/charset_detection.py

Encodes 16 short Russian samples written for this benchmark (one word to one sentence) in
cp1251, KOI8-R and CP866, and counts how many each detector decodes back exactly:
readers.source.decode_text (letter statistics first), charset-normalizer as is, and
charset-normalizer limited to Cyrillic codecs. The numbers are quoted in decode_text.
"""

from __future__ import annotations

from charset_normalizer import from_bytes

from translator_flow.readers.source import decode_text

SAMPLES = [
    "Привет", "Минск", "Губернатор", "Совещание прошло успешно.",
    "В области открыли новую школу.", "Цены выросли на пять процентов.",
    "Смоленская область и Беларусь подписали соглашение о сотрудничестве.",
    "Жители района получили новые квартиры к юбилею города.",
    "Объём производства увеличился вдвое по сравнению с прошлым годом.",
    "Щедрый урожай собрали фермеры этой осенью, сообщает пресс-служба.",
    "Да", "Ёлка на площади", "Экономика", "Эксперты обсудили вопросы энергетики и цифровизации.",
    '"Мы готовы", - сказал он.', "Сегодня, 12 марта, в администрации состоялось совещание по вопросам ЖКХ.",
]
CODECS = ("cp1251", "koi8-r", "cp866")
CYRILLIC = ["cp1251", "koi8_r", "cp866", "mac_cyrillic", "iso8859_5"]


def _normalizer(data: bytes, isolation: list[str] | None) -> str | None:
    match = from_bytes(data, cp_isolation=isolation).best()
    return data.decode(match.encoding, "replace") if match is not None and match.encoding else None


def main() -> None:
    total = ours = plain = isolated = 0
    for text in SAMPLES:
        for codec in CODECS:
            data = text.encode(codec)
            total += 1
            ours += decode_text(data, "sample")[0] == text
            plain += _normalizer(data, None) == text
            isolated += _normalizer(data, CYRILLIC) == text
    print(f"samples: {total}")
    print(f"letter statistics (decode_text): {ours}/{total}")
    print(f"charset-normalizer: {plain}/{total}")
    print(f"charset-normalizer, Cyrillic codecs only: {isolated}/{total}")


if __name__ == "__main__":
    main()
