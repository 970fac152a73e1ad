"""The ``cleantext`` command line (a thin shell over the library)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from .config import Config
from .decoding import fix_bytes
from .errors import CleantextError

__all__ = ["main", "write_atomically"]


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    The file is fsynced and renamed over the original, so a crash leaves the
    old or the new content, never a truncated file. The file mode is kept.
    """
    mode = path.stat().st_mode & 0o7777 if path.exists() else None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".cleantext", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@click.group()
@click.version_option(package_name="cleantext-repair")
def main() -> None:
    """Find and repair damaged text."""


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--profile", default="repair", show_default=True, help="Profile of steps to run.")
def fix(files: tuple[Path, ...], profile: str) -> None:
    """Repair FILES in place (UTF-8 out); print one line per changed file."""
    config = Config(profile=profile)
    changed = failed = 0
    for path in files:
        try:
            data = path.read_bytes()
            result = fix_bytes(data, config)
        except (OSError, CleantextError) as exc:
            click.echo(f"error: {path}: {exc}", err=True)
            failed += 1
            continue
        out = result.text.encode("utf-8")
        if out == data:
            continue
        write_atomically(path, out)
        changed += 1
        click.echo(f"fixed {path} ({len(result.applied)} repairs, read as {result.encoding})")
    if failed:
        sys.exit(123)
    sys.exit(1 if changed else 0)
