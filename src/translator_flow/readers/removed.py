"""What a reader left out of the release, as warnings for ``source.warnings``.

Nothing silent: every block of page chrome, hidden text and skipped image a reader (HTML,
Word) drops is listed with its first words (hidden text by size only), and a distinct loud
warning says so when more than half of the visible prose (text outside links) did not
reach the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import LOUD_WARNING_PREFIX as LOUD_PREFIX
_FIRST_WORDS = 6
_LISTED = 8  # blocks quoted per kind; the rest are counted


def first_words(text: str, n: int = _FIRST_WORDS) -> str:
    """The first ``n`` words of ``text``, with an ellipsis when there are more."""
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


@dataclass
class Removed:
    """Collects what a reader dropped, by kind ("page chrome", "hidden text", ...)."""

    items: dict[str, list[str]] = field(default_factory=dict)
    chars: int = 0  # visible characters dropped (hidden text is not visible)
    images: int = 0
    hidden_blocks: int = 0
    hidden_chars: int = 0
    hidden_how: str = "display:none, hidden, aria-hidden"  # how the format hides text

    def hidden(self, text: str) -> None:
        """Record hidden text by size only: it is never quoted (it may be planted)."""
        n = len(" ".join(text.split()))
        if n:
            self.hidden_blocks += 1
            self.hidden_chars += n

    def add(self, kind: str, text: str, prose_chars: int = 0) -> None:
        """Record one dropped block of ``text``; ``prose_chars`` of it count as visible
        prose (menus and teaser headlines are links: they count 0, so a page with a big
        menu around a whole release does not raise the loud warning)."""
        text = " ".join(text.split())
        if not text:
            return
        self.items.setdefault(kind, []).append(first_words(text))
        self.chars += prose_chars

    def warnings(self, label: str, visible_chars: int, kept_chars: int) -> list[str]:
        """One warning per kind of removal, then the loud one when most text was dropped."""
        out = []
        for kind, quotes in self.items.items():
            shown = "; ".join(f"«{q}»" for q in quotes[:_LISTED])
            more = f" and {len(quotes) - _LISTED} more" if len(quotes) > _LISTED else ""
            out.append(f"{label}: removed {len(quotes)} block(s) of {kind}: {shown}{more}.")
        if self.hidden_blocks:
            out.append(f"{label}: removed {self.hidden_blocks} hidden element(s) with {self.hidden_chars} "
                       f"characters of text ({self.hidden_how}; not translated, not quoted here).")
        if self.images:
            out.append(f"{label}: skipped {self.images} image(s) or embedded object(s); their content and alt text are not translated.")
        if visible_chars and kept_chars < 0.5 * visible_chars:
            out.append(f"{LOUD_PREFIX} {label}: only {kept_chars} of {visible_chars} characters of visible text outside links "
                       f"were kept as the release. Check the draft against the page: if the release is "
                       f"incomplete, save its text as .txt or .docx and translate that.")
        return out
