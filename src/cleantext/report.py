"""The account of a command-line run: counts, summary line, exit code.

The exit code is owned here (as in Black), so every command agrees on it:

====  =======================================================
0     nothing to repair
1     something was repaired (or, with ``--check``, would be)
2     usage error (unknown option, profile or step; bad config)
123   some files could not be worked on (binary, undecodable,
      unreadable, symlink out of the tree); they were left alone
130   interrupted (Ctrl-C); every file is old or new, none partial
====  =======================================================

A failure wins over a change: a run that repaired some files and failed on
others exits 123.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "EXIT_CHANGED", "EXIT_CLEAN", "EXIT_FAILED", "EXIT_INTERRUPTED", "EXIT_USAGE", "Report",
]

EXIT_CLEAN = 0
"""Nothing to repair."""
EXIT_CHANGED = 1
"""Something was repaired, or would be (``--check``)."""
EXIT_USAGE = 2
"""Usage error: bad option, unknown profile or step, bad configuration."""
EXIT_FAILED = 123
"""Some files could not be worked on and were left alone."""
EXIT_INTERRUPTED = 130
"""Interrupted by the user (128 + SIGINT, as shells report it)."""


def _files(n: int) -> str:
    return f"{n} file{'s' if n != 1 else ''}"


@dataclass
class Report:
    """Counts what happened to each file during one run.

    >>> r = Report(check=True)
    >>> r.changed(); r.unchanged(); r.unchanged()
    >>> r.return_code, str(r)
    (1, '1 file would be repaired, 2 files would be left unchanged.')
    >>> r.failed(); r.return_code
    123
    """

    check: bool = False
    """Whether nothing is written (``--check``, ``--diff``, ``scan``): the
    summary then says "would be"."""
    change_count: int = 0
    same_count: int = 0
    failure_count: int = 0

    def changed(self) -> None:
        """A file was repaired (or would be)."""
        self.change_count += 1

    def unchanged(self) -> None:
        """A file needed nothing."""
        self.same_count += 1

    def failed(self) -> None:
        """A file could not be worked on."""
        self.failure_count += 1

    @property
    def return_code(self) -> int:
        """The exit code of the run (see the module documentation)."""
        if self.failure_count:
            return EXIT_FAILED
        if self.change_count:
            return EXIT_CHANGED
        return EXIT_CLEAN

    def __str__(self) -> str:
        would = " would be" if self.check else ""
        parts = []
        if self.change_count:
            parts.append(f"{_files(self.change_count)}{would} repaired")
        if self.same_count:
            parts.append(f"{_files(self.same_count)}{would} left unchanged")
        if self.failure_count:
            verb = "would fail" if self.check else "failed"
            parts.append(f"{_files(self.failure_count)} {verb}")
        if not parts:
            return "No files to work on."
        return ", ".join(parts) + "."
