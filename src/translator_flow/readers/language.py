"""Is this Russian? A cheap script-and-letter check run on every input.

translator-flow translates from Russian only; a Belarusian or English file given by
mistake would otherwise be "translated" into nonsense without complaint. Letters, not
words, are checked: Belarusian has і and ў and no и/щ/ъ, Ukrainian has і, ї, є, ґ,
Serbian and Macedonian have ђ ј љ њ ћ џ ѓ ќ ѕ, Bulgarian has no ы/э. Known limit: a
Russian text quoting long passages in Belarusian can be flagged; --force-language exists
for that.
"""

from __future__ import annotations

from collections import Counter

from ..model import msg

_SAMPLE = 200_000  # characters; the verdict does not change past this


def language_problem(text: str) -> str | None:
    """Why ``text`` does not look Russian (a short reason), or None if it does."""
    counts = Counter(text[:_SAMPLE].lower())
    letters = sum(n for ch, n in counts.items() if ch.isalpha())
    if letters == 0:
        return msg("it has no letters")
    cyr = sum(n for ch, n in counts.items() if "\u0400" <= ch <= "\u04ff")
    share = cyr / letters
    if share < 0.5:
        return msg("only {share} of its letters are Cyrillic", share=f"{share:.0%}")

    def n(chars: str) -> int:
        return sum(counts[c] for c in chars)

    # a Russian text quoting a Belarusian or Ukrainian name keeps plenty of и and ы
    if n("іў") > 0.01 * cyr and n("и") < n("і") and n("ў") >= n("їєґ"):
        return msg("it has the Belarusian letters і and ў; it looks Belarusian")
    if n("іїєґ") > 0.01 * cyr and n("ыэ") < 0.5 * n("іїєґ"):
        return msg("it has the letters і, ї, є, ґ; it looks Ukrainian")
    if n("ђјљњћџѓќѕ") > 0.005 * cyr:
        return msg("it has Serbian or Macedonian letters")
    if cyr >= 200 and n("ыэ") < 0.002 * cyr and n("ъ") > 0.005 * cyr:
        return msg("it has no ы or э and many ъ; it looks Bulgarian")
    return None
