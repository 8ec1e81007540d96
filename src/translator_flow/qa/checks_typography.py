"""Typography checks: balanced quotes and brackets in the target's style, end punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import msg
from .base import CYRILLIC_LANGS, CheckContext, Finding

# --- quotes_brackets --------------------------------------------------------------------
#
# Russian and Belarusian quote with « » and „ “ inside; English with “ ” and ‘ ’ inside.
# So “ opens in English and closes „ in Belarusian: the scan is per language. ’ is also
# the English and Belarusian apostrophe («Belarus’s», «з’езд»): it closes an open ‘ in
# English and is otherwise ignored (so an apostrophe inside ‘…’ may close it early).

_QUOTE_CHARS = "«»„“”\"‘"
_SCAN_RE = re.compile(r"[«»„“”\"‘’()\[\]]")
_CLOSE_OF = {"«": "»", "„": "“", "“": "”", "\"": "\"", "‘": "’", "(": ")", "[": "]"}
_NAMES = {"quote": msg("quotes"), "paren": msg("parentheses"), "bracket": msg("square brackets")}


def _scan(text: str, lang: str) -> tuple[dict[str, list[tuple[str, int]]], dict[str, int]]:
    """Unmatched quote/bracket characters per kind, and the number of matched pairs."""
    cyrillic = lang in CYRILLIC_LANGS
    stacks: dict[str, list[tuple[str, int]]] = {"quote": [], "paren": [], "bracket": []}
    unmatched: dict[str, list[tuple[str, int]]] = {"quote": [], "paren": [], "bracket": []}
    pairs = {"quote": 0, "paren": 0, "bracket": 0}
    for m in _SCAN_RE.finditer(text):
        ch, pos = m[0], m.start()
        if ch in "()[]":
            kind = "paren" if ch in "()" else "bracket"
            stack = stacks[kind]
            if ch in "([":
                stack.append((ch, pos))
            elif stack:
                stack.pop()
                pairs[kind] += 1
            else:
                unmatched[kind].append((ch, pos))
            continue
        stack = stacks["quote"]
        if ch in "‘’":
            if cyrillic:
                continue
            if ch == "‘":
                stack.append((ch, pos))
            elif stack and stack[-1][0] == "‘":
                stack.pop()
                pairs["quote"] += 1
            continue
        if ch == "\"":
            opens = not (stack and stack[-1][0] == "\"")
        elif ch == "“":
            # Closes an open „ (Cyrillic: anywhere in the stack, English: on top);
            # otherwise opens (English style, or English quotes typed in Russian).
            if cyrillic:
                opens = not any(c == "„" for c, _ in stack)
            else:
                opens = not (stack and stack[-1][0] == "„")
        else:
            opens = ch in "«„"
        if opens:
            stack.append((ch, pos))
            continue
        # A closer: pop to the nearest opener it closes; openers skipped are unmatched.
        for i in range(len(stack) - 1, -1, -1):
            if _CLOSE_OF[stack[i][0]] == ch or (stack[i][0] == "„" and ch == "”"):
                unmatched["quote"].extend(stack[i + 1:])
                del stack[i:]
                pairs["quote"] += 1
                break
        else:
            unmatched["quote"].append((ch, pos))
    for kind, stack in stacks.items():
        unmatched[kind].extend(stack)
    return unmatched, pairs


def _style_problem(draft: str, lang: str) -> str:
    if lang == "be" or lang == "ru":
        if "\"" in draft:
            return msg("straight quotes \"")
        if "“" in draft and "„" not in draft:
            return msg("English quotes “ ”")
        return ""
    if lang not in CYRILLIC_LANGS:
        for chars, name in (("«»", msg("guillemets « »")), ("„", msg("low quotes „")), ("\"", msg("straight quotes \""))):
            if any(c in draft for c in chars):
                return name
    return ""


_STYLE_WANTED = {"be": msg("« » (and „ “ inside quotes)"), "ru": msg("« » (and „ “ inside quotes)")}


def check_quotes_brackets(ctx: CheckContext) -> Iterator[Finding]:
    """Quotes and brackets balanced as in the source, in the target language's quote style."""
    draft = ctx.draft
    if not any(c in draft or c in ctx.source for c in _QUOTE_CHARS + "()[]"):
        return
    src_open, src_pairs = _scan(ctx.source, "ru")
    tgt_open, tgt_pairs = _scan(draft, ctx.lang)
    for kind in ("quote", "paren", "bracket"):
        s, t = src_open[kind], tgt_open[kind]
        if len(s) != len(t):
            if t:
                ch, pos = min(t, key=lambda x: x[1])
                closer = ch in "»”)]" or (ch == "“" and ctx.lang in CYRILLIC_LANGS)
                what = (msg("{char} has no opening pair", char=ch) if closer
                        else msg("{char} has no closing pair", char=ch))
                yield Finding(msg("Unbalanced {kind} in the draft: {what}", kind=_NAMES[kind], what=what),
                              (pos, pos + 1))
            else:
                yield Finding(
                    msg("The source leaves {kind} unclosed (continued in the next sentence?) "
                        "but the draft closes them: check where the passage ends", kind=_NAMES[kind])
                )
        elif src_pairs[kind] != tgt_pairs[kind] and kind == "quote":
            # English often drops quotes around company names («ОАО «Гомсельмаш»» →
            # "Gomselmash OJSC"): a hint there, a warning in Belarusian.
            yield Finding(
                msg("The source has {source} quoted passage(s), the draft {draft}",
                    source=str(src_pairs[kind]), draft=str(tgt_pairs[kind])),
                None,
                "warning" if ctx.lang in CYRILLIC_LANGS else "info",
            )
    problem = _style_problem(draft, ctx.lang)
    if problem:
        wanted = _STYLE_WANTED.get(ctx.lang, msg("“ ” (and ‘ ’ inside quotes)"))
        yield Finding(msg("The draft uses {problem}; {lang} text uses {wanted}", problem=problem, lang=ctx.lang,
                          wanted=wanted), None, "info")


# --- punctuation_end --------------------------------------------------------------------

_END_CHARS = ".!?…:;"
_TRAILING = " \t\r\n\u00a0\u202f»”“\"’')]"


def end_punctuation(text: str) -> str:
    """The sentence-final mark of ``text`` («.», «?», «…» …), looking through closing
    quotes and brackets; "" when there is none. «...» counts as «…»."""
    t = text.rstrip(" \t\r\n\u00a0\u202f")
    if t and t[-1] in _END_CHARS:  # «…»." — the mark after the quote
        core = t
    else:
        core = t.rstrip(_TRAILING)
    if core.endswith("..."):
        return "…"
    return core[-1] if core and core[-1] in _END_CHARS else ""


def check_punctuation_end(ctx: CheckContext) -> Iterator[Finding]:
    """The draft ends with the same mark as the source (a lost «?» changes the meaning)."""
    src, tgt = end_punctuation(ctx.source), end_punctuation(ctx.draft)
    if src == tgt:
        return
    end = len(ctx.draft.rstrip())
    span = (end - 1, end) if end else None
    if src and tgt:
        yield Finding(msg("The source ends with «{source}» but the draft ends with «{draft}»", source=src, draft=tgt),
                      span)
    elif src:
        yield Finding(msg("The source ends with «{source}» but the draft has no end punctuation", source=src), span)
    else:
        yield Finding(
            msg("The draft ends with «{draft}» but the source has none (titles and headings take no full stop)",
                draft=tgt),
            span,
            "info",
        )
