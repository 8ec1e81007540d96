"""Russian sentence segmentation: razdel plus press-release rules.

razdel (natasha project) already knows initials («А.Г. Лукашенко»), most abbreviations
(«г.», «гг.», «т.е.», «тыс.», «ул.», «им.»), dates («12.03.2025») and decimals. On top of
it, three kinds of repair, each a closed rule so the result stays predictable:

* split where razdel keeps an abbreviation or initial glued to the next sentence although
  a word that only starts sentences follows («…Анохин В.Ю. Он рассказал…», «…в 2025 г. Это…»);
* merge a quotation whose sentences razdel split when the quote closes into an
  attribution: «Мы готовы. Планов много», — сказал губернатор. is one segment, because
  the attribution belongs to the whole quote and a translator needs both together;
* merge a piece that starts with a lower-case letter (never a Russian sentence start) and
  known two-part abbreviations («долл. США»).

Texts over 5000 characters reach razdel in chunks cut at plain sentence ends: razdel is
quadratic on a long run without one (a hostile megabyte took 10-50 s), and a run of
5000 characters without a sentence end is cut at a space rather than kept as one segment.

Segments are exact substrings of the block text: ``block.text[start:end] == source`` and
only whitespace lies between them, so joining with the original gaps gives the block back.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .model import Block, Document, Segment

#: Changes whenever the rules or the pinned razdel version change (part of the run
#: signature: a new segmenter can change segment ids and TM matches).
SEGMENTER_VERSION = "tf-seg-2+razdel-0.5.0"

# Words that begin a sentence and are never a surname, a city or an abbreviation's
# continuation; a period followed by one of them ends a sentence. Single-letter
# prepositions/conjunctions count only when a space follows (an initial has a period).
_STARTER_WORDS = (
    "Он Она Оно Они Мы Я Вы Это Эти Этот Эта Этим Этой Его Её Ее Их Им Ему Ей Нам Нас Там Здесь "
    "Тогда Сейчас Сегодня Вчера Завтра Теперь Ранее Позже Позднее Затем Далее Также Кроме Однако "
    "Но Поэтому Таким Так Всего Итого Напомним Отметим Подчеркнём Подчеркнем Как Когда Если При Для "
    "По На Из За Во Со Ко Не Ни Уже Ещё Еще Между Вместе Помимо Среди После Перед До Около Свыше "
    "Более Менее Почти Лишь Только Именно Впервые Кстати Наш Наша Наше Наши Все Всё Каждый Который "
    "Которые Кто Что Где Почему Зачем Благодаря Согласно Вследствие Несмотря Причём Причем Притом"
)
_STARTER_SINGLE = "В С К О У И А"
_SPLIT_AFTER_PERIOD = re.compile(
    r"(?<=\.)\s+(?=(?:" + "|".join(_STARTER_WORDS.split()) + r")(?![\w.])|(?:"
    + "|".join(_STARTER_SINGLE.split()) + r")\s)"
)
# A unit or year abbreviation right after a number, then a capitalised word: razdel keeps
# them together («…составил 1 250,5 млн руб. в 2024 г. Стороны договорились…»), but a
# capital after "2024 г." or "500 руб." starts a new sentence — except when the sentence
# itself opens with the date («В 2024 г. Смоленск посетили…»).
_NUMBER_ABBR = re.compile(
    r"\d[\d\s\u00a0,.–-]{0,24}\s?(?:(?:тыс|млн|млрд|трлн)\.?\s)?(?:тыс|млн|млрд|трлн|руб|коп|долл|г|гг|шт|чел|экз)\."
    r"(\s+)(?=[А-ЯЁ][а-яё])"
)
_OPENING_DATE = re.compile(r"^(?:(?:[ВвСсКк]|До|до|После|после|На|на|За|за|От|от)\s)?[\d\s–-]+(?:г|гг)\.$")
#: Abbreviations that razdel may split from the word that completes them.
_GLUED_PAIRS = (("долл.", "США"), ("дол.", "США"))
_ENUMERATOR = re.compile(r"^(?:\d{1,3}|[IVXLC]{1,5}|[а-яa-z])[.)]$")
_ATTRIBUTION = re.compile(r"\s*[,.]?\s*[—–-]\s*[а-яё]")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``, without surrounding whitespace."""
    if not text.strip():
        return []
    chunks, forced = _chunks(text)
    spans = _cover(text, _razdel_spans(text, chunks))
    spans = _split_starters(text, spans)
    return [(start, end) for start, end in _merge(text, spans, forced)]


#: razdel's sentenize slows down quadratically on a long run without sentence ends
#: (1 MB of «а» а» … took 50 s), so longer texts are fed to it in chunks of about this
#: many characters, cut where a sentence plainly ends.
_CHUNK = 5000
# a sentence end that razdel would also split at: a word of five or more lower-case
# letters (not an abbreviation like «проф.», «долл.»), end punctuation, space, capital
_PLAIN_END = re.compile(r"(?<=[а-яёa-z]{5}[.!?…])[»\"”)]*\s+(?=[«\"—–А-ЯЁA-Z])|(?<=[!?…])\s+(?=[«\"—–А-ЯЁA-Z])")


def _razdel_spans(text: str, chunks: list[tuple[int, int]]) -> list[list[int]]:
    from razdel import sentenize  # light, but keep `import translator_flow.segment` free

    spans: list[list[int]] = []
    for lo, hi in chunks:
        spans.extend([lo + s.start, lo + s.stop] for s in sentenize(text[lo:hi]))
    return spans


def _chunks(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Cut ``text`` into pieces of at most ~_CHUNK characters at plain sentence ends;
    a piece without one is cut at a space (a 5000-character "sentence" is not one).
    Returns the pieces and the sorted positions of those forced cuts."""
    if len(text) <= _CHUNK:
        return [(0, len(text))], []
    out: list[tuple[int, int]] = []
    forced: list[int] = []
    lo = 0
    while len(text) - lo > _CHUNK:
        window = text[lo:lo + _CHUNK]
        cut = None
        for m in _PLAIN_END.finditer(window, _CHUNK // 2):
            cut = lo + m.end()
        if cut is None:
            space = window.rfind(" ", _CHUNK // 2)
            cut = lo + space + 1 if space > 0 else lo + _CHUNK
            forced.append(cut)
        out.append((lo, cut))
        lo = cut
    out.append((lo, len(text)))
    return out, forced


def _cover(text: str, spans: list[list[int]]) -> list[list[int]]:
    """Guarantee that only whitespace lies outside the spans (never lose a character)."""
    out: list[list[int]] = []
    pos = 0
    for s, e in spans:
        if text[pos:s].strip():
            if out:
                out[-1][1] = s
            else:
                s = pos
        out.append([s, e])
        pos = e
    if text[pos:].strip():
        if out:
            out[-1][1] = len(text)
        else:
            out.append([0, len(text)])
    return [_trim(text, s, e) for s, e in out if text[s:e].strip()]


def _trim(text: str, s: int, e: int) -> list[int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return [s, e]


def _split_starters(text: str, spans: list[list[int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for s, e in spans:
        cuts = {(m.start(), m.end()) for m in _SPLIT_AFTER_PERIOD.finditer(text, s, e)}
        for m in _NUMBER_ABBR.finditer(text, s, e):
            opening = m.start(1) - s <= 40 and _OPENING_DATE.match(text[s:m.start(1)].strip())
            if not opening:
                cuts.add((m.start(1), m.end(1)))
        start = s
        for cut_start, cut_end in sorted(cuts):
            if cut_start > start:
                out.append([start, cut_start])
                start = cut_end
        out.append([start, e])
    return out


_QUOTE_MARKS = re.compile("[«»]")
#: How far ahead a quotation's closing mark is looked for (a quote is a paragraph at
#: most); bounds the work on pathological input with an unclosed «.
_QUOTE_LOOKAHEAD = 4000


def _closes_into_attribution(text: str, pos: int, depth: int) -> bool:
    """True if the quotation open at ``pos`` (nesting ``depth``) closes into «, — said X»."""
    d = depth
    for m in _QUOTE_MARKS.finditer(text, pos, min(len(text), pos + _QUOTE_LOOKAHEAD)):
        d += 1 if m.group() == "«" else -1
        if d == 0:
            return bool(_ATTRIBUTION.match(text, m.end()))
    return False


def _merge(text: str, spans: list[list[int]], forced: list[int]) -> list[list[int]]:
    if len(spans) < 2:
        return spans
    marks = [(m.start(), m.group()) for m in _QUOTE_MARKS.finditer(text)]
    k = depth = 0
    out = [spans[0]]
    for s, e in spans[1:]:
        while k < len(marks) and marks[k][0] < s:  # «…» nesting depth at this boundary
            depth = depth + 1 if marks[k][1] == "«" else max(depth - 1, 0)
            k += 1
        ps, pe = out[-1]
        prev, nxt = text[ps:pe], text[s:e]
        if forced and _chunk_start(text, s, forced):
            out.append([s, e])  # a cut in an overlong run stays a cut
            continue
        glue = (
            nxt[:1].islower()
            or bool(_ENUMERATOR.match(prev))
            or any(prev.endswith(a) and nxt.startswith(b) for a, b in _GLUED_PAIRS)
            or (depth > 0 and _closes_into_attribution(text, s, depth))
        )
        if glue:
            out[-1] = [ps, e]
        else:
            out.append([s, e])
    return out


def _chunk_start(text: str, s: int, forced: list[int]) -> bool:
    """True if the segment starting at ``s`` begins at a forced cut (after its spaces)."""
    lo = s
    while lo > 0 and text[lo - 1].isspace():
        lo -= 1
    i = bisect_left(forced, lo)
    return i < len(forced) and forced[i] <= s


def segment_block(block: Block) -> list[Segment]:
    """Split one block into sentence segments with ids ``b{block}s{n}``."""
    return [
        Segment(id=f"b{block.index}s{n}", block=block.index, index=n, source=block.text[s:e], start=s, end=e)
        for n, (s, e) in enumerate(split_sentences(block.text))
    ]


def segment_document(doc: Document) -> tuple[Segment, ...]:
    """All segments of a document, in reading order."""
    return tuple(seg for block in doc.blocks for seg in segment_block(block))
