"""Run settings: one dataclass, optionally read from a TOML file.

Nothing here reads the environment or touches the disk at import time; defaults are
relative paths resolved by the caller's working directory.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .model import UI_LANGUAGES

#: Languages translator-flow can produce, with their default engine.
SUPPORTED_TARGETS: dict[str, str] = {"be": "apertium", "en": "argos"}


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know besides the input files."""

    targets: tuple[str, ...] = ("be", "en")
    engines: dict[str, str] = field(default_factory=lambda: dict(SUPPORTED_TARGETS))
    #: Glossary files or folders; None means the documented lookup (glossary/locate.py):
    #: ``./glossary``, then the per-user folder.
    glossary: tuple[Path, ...] | None = None
    #: Translation-memory folder (TMX per language pair); read by translate, fed by finalize.
    tm_dir: Path | None = Path("tm")
    out_dir: Path = Path("out")
    force: bool = False
    combined: bool = False
    xliff: bool = False
    force_language: bool = False
    argos_threads: int = 1
    #: CTranslate2 inter_threads; None: the engine's default (2, at most one per core).
    argos_inter_threads: int | None = None
    argos_packages_dir: Path | None = None
    apertium_timeout: float = 30.0
    #: Language of the review files' labels, legend, notes and headers (en, be, ru).
    ui_lang: str = "en"

    def __post_init__(self) -> None:
        unknown = [t for t in self.targets if t not in SUPPORTED_TARGETS]
        if unknown or not self.targets:
            raise ConfigError(
                f"Unsupported target language(s): {', '.join(unknown) or '(none)'}. "
                f"Use --to with any of: {', '.join(SUPPORTED_TARGETS)}."
            )
        if self.ui_lang not in UI_LANGUAGES:
            raise ConfigError(f"Unsupported interface language {self.ui_lang!r}; use --ui-lang (or ui_lang in the "
                              f"config file) with one of: {', '.join(UI_LANGUAGES)}.")
        # bool is an int subclass: `apertium_timeout = true` must not pass as 1 second
        timeout = self.apertium_timeout
        if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not timeout > 0:
            raise ConfigError(f"apertium_timeout must be a number of seconds > 0, not {timeout!r}; "
                              "e.g. apertium_timeout = 30.")
        for name in ("argos_threads", "argos_inter_threads"):
            threads = getattr(self, name)
            if threads is None and name == "argos_inter_threads":
                continue
            if isinstance(threads, bool) or not isinstance(threads, int) or threads < 1:
                raise ConfigError(f"{name} must be a whole number >= 1, not {threads!r}; e.g. {name} = 1.")

    def with_options(self, **changes: Any) -> Settings:
        """A copy with the given fields changed (None values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def engine_options(self, engine: str) -> dict[str, Any]:
        """Constructor options of the built-in ``engine`` taken from these settings."""
        if engine == "apertium":
            return {"timeout": self.apertium_timeout}
        if engine == "argos":
            return {"packages_dir": self.argos_packages_dir, "threads": self.argos_threads,
                    "inter_threads": self.argos_inter_threads}
        return {}



def parse_targets(value: str) -> tuple[str, ...]:
    """Parse ``--to be,en`` into a tuple, keeping order and dropping duplicates."""
    langs = [part.strip().lower() for part in value.split(",") if part.strip()]
    return tuple(dict.fromkeys(langs))


def load_settings(path: Path | None) -> Settings:
    """Read Settings from a TOML file (``[translator-flow]`` table or top level)."""
    if path is None:
        return Settings()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"Config file {path} does not exist; check the --config path.") from None
    except tomllib.TOMLDecodeError as exc:
        reason = " ".join(str(exc).split())  # one line, whatever the parser put in
        raise ConfigError(f"{path}: not valid TOML ({reason}); fix the file or drop --config.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Config file {path} cannot be read ({exc}); check the --config path.") from None
    data = data.get("translator-flow", data)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: [translator-flow] must be a table of settings; see docs for the keys.")
    known = {f.name for f in fields(Settings)}
    extra = sorted(set(data) - known)
    if extra:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(extra)}; known: {', '.join(sorted(known))}.")
    converted: dict[str, Any] = {}
    for key, value in data.items():
        _check_type(path, key, value)
        if key == "targets":
            converted[key] = parse_targets(value) if isinstance(value, str) else tuple(value)
        elif key == "glossary":
            converted[key] = tuple(Path(v) for v in ([value] if isinstance(value, str) else value))
        elif key in {"tm_dir", "out_dir", "argos_packages_dir"}:
            converted[key] = Path(value)
        else:
            converted[key] = value
    return Settings(**converted)


#: The TOML value types each setting accepts (before conversion to Settings' own types).
_TOML_TYPES: dict[str, tuple[type, ...]] = {
    "targets": (str, list),
    "engines": (dict,),
    "glossary": (str, list),
    "tm_dir": (str,),
    "out_dir": (str,),
    "force": (bool,),
    "combined": (bool,),
    "xliff": (bool,),
    "force_language": (bool,),
    "argos_threads": (int,),
    "argos_inter_threads": (int,),
    "argos_packages_dir": (str,),
    "apertium_timeout": (int, float),
    "ui_lang": (str,),
}


def _check_type(path: Path, key: str, value: Any) -> None:
    """One clear line for a setting of the wrong TOML type (e.g. ``force = "yes"``)."""
    allowed = _TOML_TYPES.get(key)
    if allowed is None:
        return
    wrong_bool = isinstance(value, bool) and bool not in allowed
    items_ok = not isinstance(value, list) or all(isinstance(v, str) for v in value)
    if wrong_bool or not isinstance(value, allowed) or not items_ok:
        names = {str: "a string", list: "a list of strings", dict: "a table", bool: "true or false",
                 int: "a whole number", float: "a number"}
        want = " or ".join(dict.fromkeys(names[t] for t in allowed))
        raise ConfigError(f"{path}: {key} must be {want}, not {value!r}; fix it in the config file.")
