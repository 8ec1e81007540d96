"""Russian → Belarusian spelling transfer for proper names the lexicon does not list.

A name left in Russian by the engine («Путиным», «Кушниренко», «Островский») is respelled
by the regular correspondences of the two orthographies, so the draft reads «Пуціным»,
«Кушнірэнко», «Астроўскі»-like forms that an editor only has to check. Rules (official
orthography: Закон Рэспублікі Беларусь ад 23.07.2008 № 420-З «Аб правілах беларускай
арфаграфіі і пунктуацыі», section numbers below are its §§):

* ж, ш, ч, ц, р, дж are always hard in Belarusian (§ 3, § 9): after them и→ы, е→э, ё→о,
  я→а, ю→у, and a soft sign is dropped («Жириновский» → «Жырыноўскі»);
* otherwise и→і; щ→шч; ъ→’ (the apostrophe, § 18);
* т, д before a soft vowel or ь become ц, дз (цеканне/дзеканне, § 11): «Тюмень» →
  «Цюмень», «Путин» → «Пуцін»;
* a separating ь after a labial, a velar or р becomes ’ («Марьяна» → «Мар’яна»);
* в after a vowel at the end of a word or before a consonant becomes ў (§ 14):
  «Иванов» → «Іваноў», «Павлов» → «Паўлоў»;
* endings: -ский/-цкий → -скі/-цкі, -кий/-гий/-хий → -кі/-гі/-хі, -ый → -ы;
* unstressed о/е (аканне, яканне) are NOT changed: stress is unknown, so «Смоленск»
  stays «Смоленск» (right: «Смаленск»); frequent names belong in be_lexicon.tsv.

Known limits: Western names in Russian spelling («Дени») get цеканне they should not, and
assimilative softness is not written («Дмитрий» → «Дмітрый», right: «Дзмітрый»); the
result is always marked for review.
"""

from __future__ import annotations

HARD = set("жшчцр")
SOFT_VOWELS = {"е": "э", "ё": "о", "и": "ы", "я": "а", "ю": "у"}
VOWELS = set("аеёиоуыэюяі")
LABIAL_VELAR = set("бвмпфгкх")


def transfer(word: str) -> str:
    """Respell a Russian name by Belarusian orthography, keeping its capitalisation."""
    if not word or not any("а" <= c.lower() <= "я" or c.lower() in "ёъ" for c in word):
        return word  # not Cyrillic (or no Russian letters): nothing to do
    lower = word.lower()
    out = _respell(lower)
    return match_case(word, out)


def _respell(w: str) -> str:
    w = w.replace("щ", "шч")
    w = _endings(w)
    out: list[str] = []
    hard = False  # is the last consonant written one of the always-hard ж ш ч ц р?
    n = len(w)
    for i, ch in enumerate(w):
        prev = out[-1] if out else ""
        nxt = w[i + 1] if i + 1 < n else ""
        if ch == "ъ":
            out.append("’")
        elif ch == "ь":
            if nxt in SOFT_VOWELS and (hard or prev in LABIAL_VELAR):
                out.append("’")  # separating sign after a hard, labial or velar consonant
            elif not hard:
                out.append("ь")  # after hard р, ж, ш, ч, ц a softening sign is dropped
        elif ch in SOFT_VOWELS and hard:
            out.append(SOFT_VOWELS[ch])
        elif ch == "и":
            out.append("і")
        elif ch in ("т", "д") and nxt in ("е", "ё", "и", "ю", "я", "ь"):
            out.append("ц" if ch == "т" else "дз")  # soft: the vowel after it is not hardened
            hard = False
            continue
        elif ch == "в" and prev in VOWELS and (not nxt or (nxt not in VOWELS and nxt not in "ьъ")):
            out.append("ў")
        else:
            out.append(ch)
        hard = ch in HARD
    return "".join(out)


def _endings(w: str) -> str:
    """Name endings: -ский → -скі, -кий → -кі, -ый → -ы, -енко → -енка (before letter rules)."""
    for ru, be in (("ский", "скі"), ("цкий", "цкі"), ("кий", "кі"), ("гий", "гі"), ("хий", "хі")):
        if w.endswith(ru) and len(w) > len(ru):
            return w[: -len(ru)] + be
    if w.endswith("ый") and len(w) > 3:
        return w[:-2] + "ы"
    # Surnames in -енко/-енко never carry the stress on the final vowel, and Belarusian writes
    # an unstressed о as а (Правілы беларускай арфаграфіі і пунктуацыі, 2008, § 1): Лукашэнка,
    # Сідарэнка-style -энка (official spelling on president.gov.by: «Аляксандр Лукашэнка»).
    if w.endswith("енко") and len(w) > 5:
        return w[:-1] + "а"
    return w


def match_case(original: str, new: str) -> str:
    """``new`` with the capitalisation of ``original`` (all capitals, first capital, or as is)."""
    if original.isupper() and len(original) > 1:
        return new.upper()
    if original[:1].isupper():
        return new[:1].upper() + new[1:]
    return new
