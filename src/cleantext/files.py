"""Finding the files to work on, and writing them back without losing anything.

File discovery walks folders recursively, honours ``.gitignore`` files (the
one at the root of the git work tree and every nested one) and include /
exclude globs (gitignore syntax), never follows a symlink out of the tree and
never lists the same file twice. Paths named explicitly are always taken
(their include/exclude filtering is the caller's business, as in Black).

Writing is atomic: a temporary file in the same folder, fsynced, renamed over
the original; a crash or kill leaves the old or the new content, never a
truncated file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pathspec

__all__ = [
    "DEFAULT_EXCLUDE",
    "DEFAULT_INCLUDE",
    "Discovery",
    "FileChangedError",
    "Skipped",
    "discover",
    "write_atomically",
    "write_backup",
]

DEFAULT_INCLUDE: tuple[str, ...] = (
    "*.txt", "*.text", "*.md", "*.markdown", "*.rst", "*.adoc", "*.org", "*.tex",
    "*.csv", "*.tsv", "*.json", "*.jsonl", "*.ndjson", "*.xml", "*.html", "*.htm",
    "*.xhtml", "*.srt", "*.vtt", "*.sub", "*.yaml", "*.yml", "*.po", "*.log",
)
"""Globs of the files taken when walking a folder (``--include`` replaces them)."""

DEFAULT_EXCLUDE: tuple[str, ...] = (
    ".git/", ".hg/", ".svn/", ".venv/", "venv/", ".tox/", ".nox/", "node_modules/",
    "__pycache__/", ".mypy_cache/", ".pytest_cache/", ".ruff_cache/", ".hypothesis/",
    "*.cleantext",  # our own temporary files, left behind only by a kill
)
"""Globs never walked into (``--exclude`` adds to them)."""

_TEMP_SUFFIX = ".cleantext"


@dataclass(frozen=True)
class Skipped:
    """A path that discovery refused, with the reason."""

    path: Path
    """The path as found."""
    reason: str
    """Why it is not worked on."""


@dataclass(frozen=True)
class Discovery:
    """The outcome of :func:`discover`: files to work on, paths refused."""

    files: tuple[Path, ...]
    """The files, in a stable order, each once."""
    skipped: tuple[Skipped, ...]
    """Paths refused (symlinks leading out of the tree, missing files...)."""


class FileChangedError(OSError):
    """The file changed on disk while it was being repaired; it was left alone."""


def _git_root(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def _read_gitignore(folder: Path) -> pathspec.GitIgnoreSpec | None:
    ignore = folder / ".gitignore"
    try:
        lines = ignore.read_text(encoding="utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return None
    except OSError:
        return None  # an unreadable .gitignore ignores nothing, as in git
    return pathspec.GitIgnoreSpec.from_lines(lines)


def _spec(patterns: Iterable[str]) -> pathspec.GitIgnoreSpec:
    return pathspec.GitIgnoreSpec.from_lines(list(patterns))


def _is_within(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


class _Walker:
    """Walks one folder; keeps the .gitignore files on the way down."""

    def __init__(
        self,
        root: Path,
        include: pathspec.GitIgnoreSpec,
        exclude: pathspec.GitIgnoreSpec,
        use_gitignore: bool,
    ) -> None:
        self.given = root
        self.root = root.resolve()
        self.include = include
        self.exclude = exclude
        self.use_gitignore = use_gitignore
        self.git_root = _git_root(self.root) if use_gitignore else None

    def _ignores(self, folder: Path) -> list[tuple[Path, pathspec.GitIgnoreSpec]]:
        """The .gitignore specs that apply inside ``folder`` (from the git root down)."""
        if not self.use_gitignore:
            return []
        top = self.git_root or self.root
        chain = [folder, *folder.parents]
        specs = []
        for f in reversed(chain):
            if not _is_within(f, top):
                continue
            spec = _read_gitignore(f)
            if spec is not None:
                specs.append((f, spec))
        return specs

    def _ignored(
        self, path: Path, is_dir: bool, specs: Sequence[tuple[Path, pathspec.GitIgnoreSpec]]
    ) -> bool:
        rel = path.relative_to(self.root).as_posix() + ("/" if is_dir else "")
        if self.exclude.match_file(rel):
            return True
        for base, spec in specs:
            if spec.match_file(path.relative_to(base).as_posix() + ("/" if is_dir else "")):
                return True
        return False

    def walk(self) -> Iterator[Path | Skipped]:
        yield from self._walk(self.root, self._ignores(self.root))

    def _walk(
        self, folder: Path, specs: list[tuple[Path, pathspec.GitIgnoreSpec]]
    ) -> Iterator[Path | Skipped]:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield Skipped(folder, f"cannot list the folder: {exc.strerror or exc}")
            return
        for entry in entries:
            path = Path(entry.path)
            if entry.is_symlink():
                target = path.resolve()
                if not _is_within(target, self.root):
                    yield Skipped(self.given / path.relative_to(self.root),
                                  f"symlink leading outside the tree (to {target})")
                    continue
                # inside the tree: the target itself is (or will be) walked
                continue
            is_dir = entry.is_dir(follow_symlinks=False)
            if self._ignored(path, is_dir, specs):
                continue
            if is_dir:
                inner = specs
                spec = _read_gitignore(path) if self.use_gitignore else None
                if spec is not None:
                    inner = [*specs, (path, spec)]
                yield from self._walk(path, inner)
            elif entry.is_file(follow_symlinks=False):
                rel = path.relative_to(self.root)
                if self.include.match_file(rel.as_posix()):
                    yield self.given / rel


def discover(
    paths: Iterable[Path],
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    use_gitignore: bool = True,
    tree: Path | None = None,
) -> Discovery:
    """The files to work on under ``paths`` (files and folders).

    Folders are walked recursively: files matching ``include`` and not
    ``exclude`` (gitignore-style globs, relative to the folder) nor a
    ``.gitignore``. Named files are always taken. A symlink is taken only when
    it leads to a file inside the tree (``tree``, by default the current
    folder, for named files; the folder walked, for files found in a walk) and
    is then worked on through its target, so the link stays a link.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("x"); _ = (d / "b.png").write_bytes(b"x")
    >>> [p.name for p in discover([d]).files]
    ['a.txt']
    """
    tree = (tree or Path.cwd()).resolve()
    include_spec = _spec(include)
    exclude_spec = _spec((*DEFAULT_EXCLUDE, *exclude))
    files: list[Path] = []
    skipped: list[Skipped] = []
    seen: set[Path] = set()

    def take(path: Path, resolved: Path) -> None:
        if resolved not in seen:
            seen.add(resolved)
            files.append(path)

    for given in paths:
        if given.is_symlink():
            target = given.resolve()
            if not _is_within(target, tree):
                skipped.append(Skipped(given, f"symlink leading outside the tree (to {target})"))
                continue
            if target.is_file():
                take(target, target)
                continue
            given = target
        if given.is_dir():
            for found in _Walker(given, include_spec, exclude_spec, use_gitignore).walk():
                if isinstance(found, Skipped):
                    skipped.append(found)
                else:
                    take(found, found.resolve())
        elif given.is_file():
            take(given, given.resolve())
        elif given.exists():
            skipped.append(Skipped(given, "not a regular file (a pipe, socket or device)"))
        else:
            skipped.append(Skipped(given, "no such file or folder"))
    return Discovery(tuple(files), tuple(skipped))


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # some platforms cannot open folders; the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass  # fsync of a folder is unsupported on some file systems
    finally:
        os.close(fd)


def _write_temp(
    folder: Path, name: str, data: bytes, like: os.stat_result | None
) -> Path:
    """A fsynced temporary file next to ``name`` with the mode (and, when
    allowed, the owner) of ``like``."""
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=_TEMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if like is not None:
            os.chmod(tmp, like.st_mode & 0o7777)
            if hasattr(os, "chown") and (like.st_uid, like.st_gid) != (
                os.getuid(), os.getgid()
            ):
                # only root may give files away; the mode is kept regardless
                with contextlib.suppress(PermissionError):
                    os.chown(tmp, like.st_uid, like.st_gid)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_atomically(
    path: Path, data: bytes, expect: os.stat_result | None = None
) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    The temporary file is fsynced and renamed over the original, so a crash
    leaves the old or the new content, never a truncated file. The file mode
    (and, when allowed, the owner) is kept; a hard link to the old file keeps
    the old content, as with every atomic rename. With ``expect`` (the
    ``stat`` taken when the file was read), a file that changed on disk since
    is left alone: :class:`FileChangedError`.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> write_atomically(p, b"new")
    >>> p.read_bytes()
    b'new'
    """
    st: os.stat_result | None
    try:
        st = path.stat()
    except FileNotFoundError:
        st = None
    tmp = _write_temp(path.parent, path.name, data, st)
    try:
        if expect is not None and (
            st is None
            or (st.st_size, st.st_mtime_ns, st.st_ino) != (
                expect.st_size, expect.st_mtime_ns, expect.st_ino
            )
        ):
            raise FileChangedError(f"{path} changed on disk while it was being repaired")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def write_backup(path: Path, data: bytes, suffix: str = ".orig") -> Path:
    """Keep ``data`` (the original content of ``path``) next to it; return where.

    The backup goes to ``path + suffix``; an existing backup is never
    overwritten: ``.1``, ``.2``... are appended until a free name is found. The
    backup is complete or absent, never partial.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> write_backup(p, b"old").name, write_backup(p, b"old").name
    ('a.txt.orig', 'a.txt.orig.1')
    """
    st: os.stat_result | None
    try:
        st = path.stat()
    except FileNotFoundError:
        st = None
    tmp = _write_temp(path.parent, path.name, data, st)
    try:
        for n in range(10_000):
            backup = path.with_name(path.name + suffix + (f".{n}" if n else ""))
            try:
                os.link(tmp, backup)  # fails if the name is taken: never overwrites
            except FileExistsError:
                continue
            return backup
        raise FileExistsError(f"no free backup name for {path}")
    finally:
        tmp.unlink(missing_ok=True)
