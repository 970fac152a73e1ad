"""Command-line settings from ``[tool.cleantext]`` in the nearest ``pyproject.toml``.

Example::

    [tool.cleantext]
    profile = "repair"
    enable = ["normalize_nfc"]
    disable = "fix_latin_ligatures"      # a list or a comma-separated string
    min-confidence = 0.6
    include = ["*.txt", "*.md"]          # replaces the default globs for folders
    exclude = ["corpus/raw/"]            # added to the default exclusions
    keep-encoding = false
    keep-bom = true                      # a file's leading BOM (default: unless normalize)
    backup = false

Options on the command line win over the file.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import CleantextError

__all__ = ["KNOWN_KEYS", "Settings", "SettingsError", "find_pyproject", "load_settings"]

KNOWN_KEYS: tuple[str, ...] = (
    "profile", "enable", "disable", "min-confidence", "include", "exclude",
    "keep-encoding", "keep-bom", "backup",
)
"""The keys ``[tool.cleantext]`` understands (``_`` may stand for ``-``)."""


class SettingsError(CleantextError, ValueError):
    """A ``pyproject.toml`` that cannot be read or has a value of the wrong type."""


@dataclass(frozen=True)
class Settings:
    """What ``[tool.cleantext]`` says; ``None`` where it says nothing."""

    source: Path | None = None
    """The file the settings came from."""
    profile: str | None = None
    enable: frozenset[str] = frozenset()
    disable: frozenset[str] = frozenset()
    min_confidence: float | None = None
    include: tuple[str, ...] | None = None
    exclude: tuple[str, ...] = ()
    keep_encoding: bool | None = None
    keep_bom: bool | None = None
    backup: bool | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)
    """Unknown keys and the like, for the user."""


def find_pyproject(paths: Iterable[Path]) -> Path | None:
    """The nearest ``pyproject.toml`` at or above the common folder of ``paths``.

    The search stops at the root of a git work tree (like Black's). With no
    paths (standard input) it starts from the current folder.
    """
    resolved = [p.resolve() for p in paths] or [Path.cwd().resolve()]
    folders = [p if p.is_dir() else p.parent for p in resolved]
    common = Path(os.path.commonpath([str(f) for f in folders]))
    for folder in (common, *common.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
        if (folder / ".git").exists():
            return None
    return None


def _names(key: str, value: Any) -> frozenset[str]:
    if isinstance(value, str):
        return frozenset(n.strip() for n in value.split(",") if n.strip())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return frozenset(value)
    raise SettingsError(f"[tool.cleantext] {key} must be a list of step names or a string")


def _globs(key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise SettingsError(f"[tool.cleantext] {key} must be a list of globs or a string")


def _typed(key: str, value: Any, kind: type) -> Any:
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise SettingsError(
            f"[tool.cleantext] {key} must be a {kind.__name__}, not {type(value).__name__}"
        )
    return value


def load_settings(pyproject: Path | None) -> Settings:
    """Read ``[tool.cleantext]`` from ``pyproject`` (nothing when it is None).

    Raises :class:`SettingsError` for an unreadable file or a wrongly typed
    value; unknown keys are kept as warnings.
    """
    if pyproject is None:
        return Settings()
    try:
        with open(pyproject, "rb") as fh:
            doc = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"cannot read {pyproject}: {exc}") from exc
    table = doc.get("tool", {}).get("cleantext", {})
    if not isinstance(table, dict):
        raise SettingsError(f"{pyproject}: [tool.cleantext] must be a table")
    values: dict[str, Any] = {}
    warnings = []
    for raw_key, value in table.items():
        key = raw_key.replace("_", "-")
        if key not in KNOWN_KEYS:
            warnings.append(
                f"{pyproject}: unknown key {raw_key!r} in [tool.cleantext] ignored "
                f"(known: {', '.join(KNOWN_KEYS)})"
            )
            continue
        if key in ("enable", "disable"):
            values[key] = _names(key, value)
        elif key in ("include", "exclude"):
            values[key] = _globs(key, value)
        elif key == "profile":
            values[key] = _typed(key, value, str)
        elif key == "min-confidence":
            values[key] = _typed(key, value, float)
        else:
            values[key] = _typed(key, value, bool)
    return Settings(
        source=pyproject,
        profile=values.get("profile"),
        enable=values.get("enable", frozenset()),
        disable=values.get("disable", frozenset()),
        min_confidence=values.get("min-confidence"),
        include=values.get("include"),
        exclude=values.get("exclude", ()),
        keep_encoding=values.get("keep-encoding"),
        keep_bom=values.get("keep-bom"),
        backup=values.get("backup"),
        warnings=tuple(warnings),
    )
