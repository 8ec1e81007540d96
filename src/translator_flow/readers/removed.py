"""What a reader left out of the release, as warnings for ``source.warnings``.

Nothing silent: every block of page chrome, hidden text and skipped image a reader (HTML,
Word) drops is listed with its first words (hidden text by size only), and a distinct loud
warning says so when more than half of the visible prose (text outside links) did not
reach the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import msg, nmsg

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
    hidden_how: str = msg("display:none, hidden, aria-hidden")  # how the format hides text

    def hidden(self, text: str) -> None:
        """Record hidden text by size only: it is never quoted (it may be planted)."""
        n = len(" ".join(text.split()))
        if n:
            self.hidden_blocks += 1
            self.hidden_chars += n

    def add(self, kind: str, text: str, prose_chars: int = 0) -> None:
        """Record one dropped block of ``text`` (``kind`` a translatable Message); ``prose_chars`` of it count as visible
        prose (menus and teaser headlines are links: they count 0, so a page with a big
        menu around a whole release does not raise the loud warning)."""
        text = " ".join(text.split())
        if not text:
            return
        self.items.setdefault(kind, []).append(first_words(text))
        self.chars += prose_chars

    def warnings(self, label: str, visible_chars: int, kept_chars: int) -> list[str]:
        """One warning per kind of removal, then the loud one (``LOUD_WARNING_PREFIX``) when
        most text was dropped; each a translatable Message."""
        out: list[str] = []
        for kind, quotes in self.items.items():
            shown: str = "; ".join(f"«{q}»" for q in quotes[:_LISTED])
            if len(quotes) > _LISTED:
                shown = msg("{items} and {n} more", items=shown, n=str(len(quotes) - _LISTED))
            out.append(nmsg("{label}: removed {n} block of {kind}: {shown}.", "{label}: removed {n} blocks of {kind}: {shown}.",
                            len(quotes), label=label, kind=kind, shown=shown))
        if self.hidden_blocks:
            out.append(nmsg("{label}: removed {n} hidden element with {chars} characters of text ({how}; not translated, "
                            "not quoted here).",
                            "{label}: removed {n} hidden elements with {chars} characters of text ({how}; not translated, "
                            "not quoted here).", self.hidden_blocks, label=label, chars=str(self.hidden_chars),
                            how=self.hidden_how))
        if self.images:
            out.append(nmsg("{label}: skipped {n} image or embedded object; its content and alt text are not translated.",
                            "{label}: skipped {n} images or embedded objects; their content and alt text are not "
                            "translated.", self.images, label=label))
        if visible_chars and kept_chars < 0.5 * visible_chars:
            out.append(msg("MOST OF THE SOURCE WAS DROPPED: {label}: only {kept} of {visible} characters of visible text "
                           "outside links were kept as the release. Check the draft against the page: if the release is "
                           "incomplete, save its text as .txt or .docx and translate that.",
                           label=label, kept=str(kept_chars), visible=str(visible_chars)))
        return out
