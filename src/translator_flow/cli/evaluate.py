"""`eval`: score translator-flow's drafts against a human translation (chrF, BLEU)."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("eval")
@click.option("--src", "src", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True,
              help="Source segments, one per line (UTF-8).")
@click.option("--ref", "ref", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True,
              help="Reference translations, one per line, aligned with --src.")
@click.option("--to", "lang", default="be", show_default=True, help="Target language code (be or en).")
@click.option("--tsv", "tsv", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write one row per segment (scores, unknown words, draft) to this file.")
@click.option("--raw", is_flag=True, help="Score raw strings (no typography normalisation).")
def eval_cmd(src: Path, ref: Path, lang: str, tsv: Path | None, raw: bool) -> None:
    """Translate SRC with the full pipeline and score it against REF.

    Prints corpus chrF and BLEU (sacreBLEU defaults), segments lost, and the share of
    segments that still contain words the engine did not know.
    """
    from ..config import parse_targets
    from ..evaluate import evaluate, read_lines, write_tsv

    (lang,) = parse_targets(lang)[:1]
    result = evaluate(read_lines(src), read_lines(ref), lang, normalize=not raw, label="translator-flow")
    click.echo(result.summary())
    if tsv is not None:
        write_tsv(result, tsv)
        click.echo(f"Per-segment rows: {tsv}")
