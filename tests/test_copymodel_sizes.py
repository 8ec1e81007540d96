"""The copy model at other sizes: several heads and layers, distinct near-zero weights,
and the full size of Argos's ru→en package that benchmarks/english.py measures.

The model must still copy: translating through argostranslate's own code (ArgosEngine)
returns every sentence unchanged (modulo SentencePiece's NFKC and spacing).
"""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from copymodel import TINY, TRANSFORMER_BASE, CopyModelSize, build_copy_model
from translator_flow.engines.argos import ArgosEngine
from translator_flow.engines.models import install_model

#: Written for these tests.
SENTENCES = [
    "Губернатор области провёл совещание с руководителями районов.",
    "Товарооборот за девять месяцев вырос на 12,5 % и достиг 1 500 000 рублей.",
    "«Мы готовы к сотрудничеству», — подчеркнул посол 12 марта 2025 года.",
    "Компания MAZ представила новые модели техники.",
]


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _copies(tmp_path: Path, size: CopyModelSize, train_text: str | None = None) -> tuple[Path, ArgosEngine]:
    package = build_copy_model(tmp_path, train_text, size)
    info = install_model("ru-en", from_file=package, packages_dir=tmp_path / "packages")
    engine = ArgosEngine(packages_dir=tmp_path / "packages")
    outputs = engine.translate_batch(SENTENCES, "ru", "en")
    assert [o.error for o in outputs] == [None] * len(SENTENCES)
    assert [_norm(o.text) for o in outputs] == [_norm(s) for s in SENTENCES]
    return info.path, engine


def test_multi_head_multi_layer_copy_model_copies(tmp_path: Path) -> None:
    size = CopyModelSize(d_model=128, heads=2, ffn=16, layers=(2, 2), noise=1e-3)
    path, engine = _copies(tmp_path, size)
    with engine:
        config = json.loads((path / "model" / "config.json").read_text(encoding="utf-8"))
        assert config["add_source_eos"] is True
        assert engine.ctranslate2_options["translator"]["inter_threads"] >= 1


def test_bad_sizes_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="head_dim"):
        build_copy_model(tmp_path, None, CopyModelSize(d_model=96, heads=8))


def test_tiny_is_the_test_suites_model() -> None:
    assert (TINY.d_model, TINY.heads, TINY.layers, TINY.noise) == (128, 1, (1, 1), 0.0)


@pytest.mark.slow
def test_full_size_copy_model_builds_without_torch_and_copies(tmp_path: Path) -> None:
    assert (TRANSFORMER_BASE.d_model, TRANSFORMER_BASE.heads, TRANSFORMER_BASE.ffn) == (512, 8, 2048)
    assert TRANSFORMER_BASE.layers == (6, 6) and TRANSFORMER_BASE.vocab_size == 32000
    build = (
        "import sys; from pathlib import Path; from copymodel import TRANSFORMER_BASE, build_copy_model; "
        f"build_copy_model(Path({str(tmp_path / 'built')!r}), None, TRANSFORMER_BASE); print('torch' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", build], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).parent, timeout=300)
    assert done.stdout.split()[-1] == "False"  # built without importing torch
    package = tmp_path / "built" / "translate-ru_en-copy.argosmodel"
    info = install_model("ru-en", from_file=package, packages_dir=tmp_path / "packages")
    vocab = json.loads((info.path / "model" / "shared_vocabulary.json").read_text(encoding="utf-8"))
    assert len(vocab) == 32000
    assert (info.path / "model" / "model.bin").stat().st_size > 60e6  # int8 weights of ~90M parameters
    with ArgosEngine(packages_dir=tmp_path / "packages") as engine:
        outputs = engine.translate_batch(SENTENCES, "ru", "en")
    assert [_norm(o.text) for o in outputs] == [_norm(s) for s in SENTENCES]
