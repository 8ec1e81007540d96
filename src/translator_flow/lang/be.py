"""Belarusian post-editing: lexical corrections, ў, typography, sentence capitals.

Orthography follows the official rules: Закон Рэспублікі Беларусь «Аб правілах
беларускай арфаграфіі і пунктуацыі» ад 23.07.2008 № 420-З (in force since 01.09.2010),
not taraškievica. Every rule here is deterministic and, except the short participles and
the corrections, 1:1 in length; :func:`rules` lists them in the order they run.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._edits import Edit, Rule
from .typography import quote_edits

VOWELS = frozenset("аеёіоуыэюяиАЕЁІОУЫЭЮЯИ")  # и: a Russian word the engine left in the text
LETTER = r"[^\W\d_]"
NBSP = "\u00a0"

# --- ў (Правілы 2008, § 14 «Нескладовае ў і у складовае») ---------------------------------
# ў is written for у after a vowel at the start of a word, also across a word boundary
# («на ўвесь дзень», «яна ўзяла»), and after a hyphen or quotes when the previous word ends
# in a vowel («мастакі-ўмельцы», «крыкі «ўра»»). у stays: at the start of a sentence, after
# any other punctuation mark, after a consonant (ў itself is one), under stress («да урны»,
# «Брэсцкая унія», «норма і узус»), and at the start of proper names («ва Узбекістане»),
# which is why a capital У is never changed. Stress is not marked in text, so the stressed
# cases are a word list (the ones § 14 names); a capital Ў exists only in all-caps words.
_STRESSED_U = frozenset(
    ["урна", "урны", "урне", "урну", "урнай", "урнаў", "урнам", "урнамі", "урнах", "унія", "уніі", "унію", "уніяй", "уній", "уніям", "уніямі", "уніях", "узус", "узусу", "узусам", "унты", "унтаў", "унтамі", "уханне", "ухання", "уханнем", "ух", "уй"]
)
_TRANSPARENT = set(" \t\u00a0\u202f\"'«»„“”‘’")
_WORD_U = re.compile(r"(?<![^\W\d_])[уўУЎ]" + LETTER + r"*")


def u_short_edits(text: str) -> list[Edit]:
    """у/ў at word starts chosen by the previous word (§ 14 of the 2008 rules)."""
    edits: list[Edit] = []
    for m in _WORD_U.finditer(text):
        word, i = m.group(), m.start()
        if i > 0 and text[i - 1] in "'’":  # inside a word after an apostrophe
            continue
        want_short = _after_vowel(text, i) and word.lower() not in _STRESSED_U and not word.lower().startswith("ультра")
        first = word[0]
        if first in "уў":
            new = "ў" if want_short else "у"
        elif len(word) > 1 and word.isupper():
            new = "Ў" if want_short else "У"
        else:  # a capitalised word: sentence start or a proper name keeps У
            new = "У"
        if new != first:
            edits.append(Edit(i, i + 1, new))
    return edits


def _after_vowel(text: str, i: int) -> bool:
    """True when the word at ``i`` follows a vowel-final word with no punctuation between."""
    j = i - 1
    if j >= 1 and text[j] == "-" and text[j - 1] not in _TRANSPARENT:
        return text[j - 1] in VOWELS  # a hyphen inside a compound: «мастакі-ўмельцы»
    k = j
    while k >= 0 and text[k] in _TRANSPARENT:
        k -= 1
    return k < j and k >= 0 and text[k] in VOWELS


# --- typography --------------------------------------------------------------------------
_DASH = re.compile(r"(?<=\S) [-–] (?=\S)|^[-–] (?=\S)")


def dash_edits(text: str) -> list[Edit]:
    """A hyphen or en dash standing alone between words becomes an em dash « — »."""
    edits = []
    for m in _DASH.finditer(text):
        k = m.start() + (1 if m.group()[0] == " " else 0)
        if text[k] == "-" and k >= 2 and k + 2 < len(text) and text[k - 2].isdigit() and text[k + 2].isdigit():
            continue  # «10 - 15»: a range, not a dash; left to the editor
        edits.append(Edit(k, k + 1, "—"))
    return edits


# Units and abbreviations that stay on one line with their number (Belarusian and the
# Russian spellings the engine may leave): «10 тыс.», «2025 г.», «5 км», «15 %».
_UNITS = (
    r"тыс\.|млн|млрд|трлн|руб\.|рублёў|р\.|г\.|гг\.|ст\.|км|м|см|мм|кг|т|га|л|чал\."
    r"|кв\.|куб\.|%|‰|°|BYN|USD|EUR|RUB"
)
_NBSP_AFTER_NUMBER = re.compile(r"(?<=\d) (?=(?:" + _UNITS + r")(?![^\W\d_]))")
_NBSP_NUMBER_SIGN = re.compile(r"(?<=[№§]) (?=\d)")
_NBSP_THOUSANDS = re.compile(r"(?<!\d)\d{1,3}(?: \d{3})+(?!\d)")
_NBSP_INITIAL = re.compile(r"(?<![^\W\d_])(?<=[А-ЯЁІЎ]\.) (?=[А-ЯЁІЎ][а-яёіў])")


def nbsp_edits(text: str) -> list[Edit]:
    """No-break spaces: «10 тыс.», «2025 г.», «№ 5», «10 000», «А. Лукашэнка»."""
    spans: set[int] = set()
    for pattern in (_NBSP_AFTER_NUMBER, _NBSP_NUMBER_SIGN, _NBSP_INITIAL):
        spans.update(m.start() for m in pattern.finditer(text))
    for m in _NBSP_THOUSANDS.finditer(text):  # «10 000», «1 250 000»: digit groups
        spans.update(m.start() + i for i, ch in enumerate(m.group()) if ch == " ")
    return [Edit(i, i + 1, NBSP) for i in sorted(spans)]


_APOSTROPHE = re.compile(r"(?<=[а-яёіўА-ЯЁІЎ])'(?=[а-яёіўеюяА-ЯЁІЎ])")


def apostrophe_edits(text: str) -> list[Edit]:
    """The apostrophe inside a word («з'езд», «сям'я») is written ’ (U+2019)."""
    return [Edit(m.start(), m.end(), "’") for m in _APOSTROPHE.finditer(text)]


# Abbreviations after which a full stop does not end a sentence (so no capital follows).
_ABBREVIATIONS = frozenset(
    ["г", "гг", "тыс", "млн", "млрд", "руб", "р", "вул", "пр", "просп", "пл", "с", "ст", "т", "д", "н", "інш", "напр", "кв", "км", "см", "мм", "кг", "п", "пп", "чал", "арт", "рэсп", "вобл", "выд", "гл", "табл", "мал", "м", "га", "св", "зам", "нам", "каап", "філ", "праф", "акад", "дац", "канд", "док"]
)
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?…]))([\s\"«„“—–-]*)(" + LETTER + ")")


def capital_edits(text: str) -> list[Edit]:
    """A capital letter at each sentence start after the first, and at the text start
    when the text is a whole sentence (ends with . ! ? …): a segment like
    «гематалогіі і перасадкі касцявога мозга;» continues a list and keeps its small letter."""
    edits = []
    whole_sentence = text.rstrip(" \u00a0\"»“”)").endswith((".", "!", "?", "…"))
    for m in _SENTENCE_START.finditer(text):
        letter_at = m.start(2)
        if not m.group(2).islower():
            continue
        if m.start() == 0 and not whole_sentence:
            continue
        if m.start() > 0:
            if not m.group(1) or not m.group(1)[0].isspace():
                continue  # «9-ы», «т.д.»: no space after the mark, not a sentence break
            if text[m.start() - 1] == "." and _abbreviation_before(text, m.start() - 1):
                continue
        edits.append(Edit(letter_at, letter_at + 1, m.group(2).upper()))
    return edits


def _abbreviation_before(text: str, dot: int) -> bool:
    k = dot
    while k > 0 and (text[k - 1].isalpha()):
        k -= 1
    word = text[k:dot]
    return len(word) <= 2 or word.lower() in _ABBREVIATIONS


# --- reviewed lexical corrections (data: be_corrections.tsv) --------------------------------
@lru_cache(maxsize=1)
def _correction_pattern() -> tuple[re.Pattern[str], dict[str, str]] | None:
    from .be_corrections import output_rules

    table = output_rules()
    if not table:
        return None
    # A row ending in * matches a word beginning: «арганізован*» → «арганізаван*».
    alternatives = "|".join(
        re.escape(w[:-1]) + r"[^\W\d_]*" if w.endswith("*") else re.escape(w)
        for w in sorted(table, key=len, reverse=True)
    )
    pattern = re.compile(r"(?<![^\W\d_])(?:" + alternatives + r")(?![^\W\d_])", re.IGNORECASE)
    return pattern, table


def _right_form(found: str, table: dict[str, str]) -> str:
    low = found.lower()
    if low in table:
        return table[low]
    for wrong, right in table.items():
        if wrong.endswith("*") and low.startswith(wrong[:-1]):
            return right[:-1] + found[len(wrong) - 1:]
    return found


def correction_edits(text: str) -> list[Edit]:
    """Phrases of the draft known to be wrong in official texts, replaced (first-letter case kept)."""
    compiled = _correction_pattern()
    if compiled is None:
        return []
    pattern, table = compiled
    edits = []
    for m in pattern.finditer(text):
        right = _right_form(m.group(), table)
        if m.group()[0].isupper():
            right = right[0].upper() + right[1:]
        edits.append(Edit(m.start(), m.end(), right))
    return edits


def short_participle_edits(text: str) -> list[Edit]:
    """The short form for participles flagged by the engine stage: «падпісанае» → «падпісана».

    Belarusian uses the short neuter form in the predicate («было падпісана пагадненне»,
    «прынята рашэнне»; Беларуская граматыка, Ч. 1, 1985, кароткія формы дзеепрыметнікаў);
    the generator only has full forms. The flag (``be_corrections.SHORT_MARK``) is always
    removed, also where no word follows it.
    """
    from .be_corrections import SHORT_MARK

    edits = []
    start = text.find(SHORT_MARK)
    while start >= 0:
        m = _FLAGGED_WORD.match(text, start + 1)
        word = m.group() if m else ""
        low = word.lower()
        if m and low.endswith(("нае", "тае", "ная", "тая")):
            edits.append(Edit(start, m.end(), word[:-1]))
        elif m and low.endswith(("ны", "ты")):
            edits.append(Edit(start, m.end(), word[:-1] + ("А" if word[-1].isupper() else "а")))
        else:
            edits.append(Edit(start, start + 1, ""))
        start = text.find(SHORT_MARK, start + 1)
    return edits


_FLAGGED_WORD = re.compile(r"[^\W\d_]+")


def quote_edits_be(text: str) -> list[Edit]:
    """« » outside, „ “ inside (the Belarusian and Russian convention)."""
    return quote_edits(text, outer=("«", "»"), inner=("„", "“"))


def rules() -> tuple[Rule, ...]:
    """The Belarusian rules in order: words first, then letters, then typography."""
    from .be_syntax import syntax_edits

    return (short_participle_edits, correction_edits, syntax_edits, u_short_edits, quote_edits_be, dash_edits, nbsp_edits, apostrophe_edits, capital_edits)
