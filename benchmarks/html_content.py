"""HTML main-content extraction on the page-template corpus (tests/data/pages).

For each candidate prints the share of release sentences kept and of chrome strings
dropped, over all pages, plus the pages where a candidate loses a sentence.
Run: PYTHONPATH=src python benchmarks/html_content.py
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

PAGES = Path(__file__).resolve().parent.parent / "tests" / "data" / "pages"


def _norm(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def chosen(data: bytes) -> str:
    """The translator-flow HTML reader (the one the tool uses)."""
    from translator_flow.readers.html import read

    return "\n".join(b.text for b in read(data, "page").blocks)


#: The heuristic before issue 13 (main container by p/blockquote/li text only), as it
#: stands at commit 0882cc0; read from the lead's checkout when present.
PREVIOUS_SRC = Path(__file__).resolve().parents[3] / "main" / "src"


def previous(data: bytes) -> str:
    """The reader at the lead's checkout (../../main/src), run in a child process."""
    import subprocess

    if not PREVIOUS_SRC.is_dir():
        raise ImportError(f"{PREVIOUS_SRC} not found")
    code = ("import sys; from translator_flow.readers.html import read; "
            "print('\\n'.join(b.text for b in read(sys.stdin.buffer.read(), 'page').blocks))")
    out = subprocess.run([sys.executable, "-c", code], input=data, capture_output=True, check=True,
                         env={"PYTHONPATH": str(PREVIOUS_SRC)}, timeout=60)
    return out.stdout.decode("utf-8")


def trafilatura_text(data: bytes) -> str:
    """trafilatura.extract with comments and tables on, precision/recall defaults."""
    import trafilatura

    return trafilatura.extract(data.decode("utf-8"), include_comments=False, include_tables=True,
                               favor_recall=True) or ""


def justext_text(data: bytes) -> str:
    """jusText with its Russian stop list: paragraphs it classifies as good."""
    import justext

    paras = justext.justext(data, justext.get_stoplist("Russian"))
    return "\n".join(p.text for p in paras if not p.is_boilerplate)


CANDIDATES: dict[str, Callable[[bytes], str]] = {
    "previous heuristic": previous,
    "trafilatura": trafilatura_text,
    "justext": justext_text,
    "chosen (translator-flow reader)": chosen,
}


def score(extract: Callable[[bytes], str]) -> tuple[int, int, int, int, list[str]]:
    """(release kept, release total, chrome dropped, chrome total, pages losing text)."""
    kept = total = dropped = ctotal = 0
    losing = []
    for html in sorted(PAGES.glob("*.html")):
        spec = json.loads(html.with_suffix(".json").read_text(encoding="utf-8"))
        try:
            out = _norm(extract(html.read_bytes()))
        except Exception as e:  # a candidate that crashes keeps nothing
            out = f"<error {type(e).__name__}>"
        miss = [s for s in spec["release"] if _norm(s) not in out]
        kept += len(spec["release"]) - len(miss)
        total += len(spec["release"])
        ctotal += len(spec["chrome"])
        dropped += sum(1 for c in spec["chrome"] if _norm(c) not in out)
        if miss:
            losing.append(html.stem)
    return kept, total, dropped, ctotal, losing


def main() -> int:
    n = len(list(PAGES.glob("*.html")))
    print(f"{n} page templates in {PAGES}")
    print(f"{'candidate':34} {'release kept':>14} {'chrome dropped':>16}  pages losing release text")
    for name, fn in CANDIDATES.items():
        try:
            kept, total, dropped, ctotal, losing = score(fn)
        except ImportError as e:
            print(f"{name:34} not installed ({e})")
            continue
        print(f"{name:34} {100 * kept / total:13.1f}% {100 * dropped / ctotal:15.1f}%  "
              f"{len(losing)}: {', '.join(losing[:6])}{' …' if len(losing) > 6 else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
