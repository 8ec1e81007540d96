"""``export-xliff``: a review DOCX as XLIFF 2.0 files, one per language, for CAT tools."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from .finalize import review_report


def export_xliff(path: Path, out_dir: Path | None = None, *, force: bool = False,
                 glossary: object = None) -> list[Path]:
    """Write ``<stem>.<lang>.xlf`` for each language of a review DOCX (or XLIFF).

    The drafts as they stand in the file are exported (an editor may have started);
    QA is re-run so the notes describe the exported text. Returns the paths written.
    """
    from ..writers.atomic import atomic_write, check_targets, ensure_out_dir
    from ..writers.xliff import write_xliff

    reviewed, report = review_report(Path(path), glossary=glossary)
    out_dir = Path(out_dir) if out_dir is not None else reviewed.path.parent
    paths = {lang: out_dir / f"{reviewed.stem}.{lang}.xlf" for lang in reviewed.langs}
    check_targets(paths.values(), force=force)
    ensure_out_dir(out_dir)
    for lang, target in paths.items():
        atomic_write(target, partial(write_xliff, report, lang, stem=reviewed.stem), force=force)
    return list(paths.values())
