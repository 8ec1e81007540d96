"""The module map of DESIGN.md §2, enforced: lower layers never import higher ones,
click only in the CLI, argostranslate only in the Argos engine, and `--help` stays light."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "translator_flow"

#: component -> components it may import (errors is the base of every layer).
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "model": set(),
    # OWASP CSV-injection escaping: one leaf every CSV writer (batch, glossary export) uses.
    "csvsafe": set(),
    # signal handling for batch workers and engines.
    "runsafety": set(),
    "config": {"model", "errors"},
    "readers": {"model", "errors"},
    "segment": {"model", "errors"},
    # word forms, one home: lt-proc processes, Belarusian analyser/generator, pymorphy3, tables.
    "morph": {"model", "errors"},
    "glossary": {"model", "errors", "morph", "csvsafe"},
    "engines": {"model", "errors"},
    "lang": {"model", "errors", "morph"},
    "tm": {"model", "errors"},
    "qa": {"model", "errors", "glossary", "morph"},
    "writers": {"model", "errors"},
    # finalize re-runs QA on the edited text, so review may use qa (DESIGN.md lists the rest).
    "review": {"model", "errors", "readers", "writers", "tm", "qa", "segment"},
    "pipeline": {"model", "errors", "config", "readers", "segment", "glossary", "engines", "lang",
                 "tm", "qa", "writers", "__init__"},
    # the translate run over several files and its exit code (the CLI only prints).
    "runs": {"model", "errors", "config", "pipeline"},
    "evaluate": {"model", "errors", "config", "pipeline", "engines", "lang", "csvsafe"},
    "batch": {"model", "errors", "config", "pipeline", "readers", "writers", "tm", "__init__", "csvsafe",
              "runsafety", "batch_schedule"},
    # batch's overlap scheduler over a Pipeline (pipeline.py keeps the single-document path).
    "batch_schedule": {"model", "pipeline"},
    "cli": {"*"},
    "__init__": {"pipeline", "model"},
    "__main__": {"cli"},
}

#: third-party module -> the only files (relative to the package) that may import it.
RESTRICTED_IMPORTS: dict[str, tuple[str, ...]] = {
    "click": ("cli/",),
    "argostranslate": ("engines/argos", "engines/models"),
}


def _component(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py")


def _imports(path: Path) -> list[tuple[str, int]]:
    """(absolute dotted module, line) for every import in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package_parts = ["translator_flow", *path.relative_to(PACKAGE).with_suffix("").parts[:-1]]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package_parts[: len(package_parts) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
                if not node.module:  # `from . import x`: a submodule, or a name of the package
                    pkg_dir = PACKAGE.joinpath(*base[1:])
                    for alias in node.names:
                        is_module = (pkg_dir / alias.name).is_dir() or (pkg_dir / f"{alias.name}.py").exists()
                        found.append((f"{module}.{alias.name}" if is_module else module, node.lineno))
                    continue
            else:
                module = node.module or ""
            found.append((module, node.lineno))
    return found


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_layers_follow_the_module_map() -> None:
    violations = []
    for path in _sources():
        component = _component(path)
        allowed = ALLOWED.get(component)
        assert allowed is not None, f"{path}: component {component!r} is missing from the module map"
        for module, line in _imports(path):
            parts = module.split(".")
            if parts[0] != "translator_flow" or "*" in allowed:
                continue
            target = parts[1] if len(parts) > 1 else "__init__"
            # The package root only holds __version__ and a lazy entry point: any layer may read it.
            if target not in (component, "__init__") and target not in allowed:
                violations.append(f"{path.relative_to(PACKAGE)}:{line} imports {module}")
    assert not violations, "\n".join(violations)


@pytest.mark.parametrize("library", sorted(RESTRICTED_IMPORTS))
def test_restricted_libraries_stay_in_their_module(library: str) -> None:
    offenders = []
    for path in _sources():
        rel = path.relative_to(PACKAGE).as_posix()
        if any(rel.startswith(prefix) for prefix in RESTRICTED_IMPORTS[library]):
            continue
        for module, line in _imports(path):
            if module.split(".")[0] == library:
                offenders.append(f"{rel}:{line}")
    assert not offenders, f"{library} imported outside its module: {offenders}"


HEAVY = ("argostranslate", "torch", "spacy", "stanza", "docx", "ctranslate2", "pymorphy3")


def _modules_loaded_by(args: list[str]) -> set[str]:
    code = (
        "import sys\n"
        f"sys.argv = ['translator-flow', *{args!r}]\n"
        "from translator_flow.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('\\n'.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def _subcommands() -> list[list[str]]:
    from translator_flow.cli import cli
    commands = [["--help"]]
    for name, command in cli.commands.items():
        commands.append([name, "--help"])
        for sub in getattr(command, "commands", {}):
            commands.append([name, sub, "--help"])
    return commands


@pytest.mark.parametrize("args", _subcommands(), ids=lambda a: " ".join(a))
def test_help_imports_no_heavy_library(args: list[str]) -> None:
    loaded = _modules_loaded_by(args)
    assert not loaded & set(HEAVY), f"`translator-flow {' '.join(args)}` imported {loaded & set(HEAVY)}"


def test_importing_the_package_does_no_work(tmp_path: Path) -> None:
    code = "import translator_flow, translator_flow.pipeline, translator_flow.cli; print('ok')"
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert result.stdout.strip() == "ok", result.stderr
    assert list(tmp_path.iterdir()) == [], "importing created files in the working directory"
