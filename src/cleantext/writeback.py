"""Repairing one file: read bytes, repair, encode, write back (or not).

This is the work of ``cleantext fix`` and ``cleantext scan`` on one file, as
a plain function of picklable arguments so that worker processes can run it.
It never raises for a bad file: the outcome says what went wrong.
"""

from __future__ import annotations

import codecs
import difflib
import os
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Config
from .decoding import decode_bytes, fix_bytes
from .errors import CleantextError
from .files import write_atomically, write_backup
from .finding import Finding
from .render import finding_records

if TYPE_CHECKING:
    from .stream import FileResult

__all__ = [
    "STREAM_ABOVE",
    "FileOutcome",
    "Options",
    "Status",
    "encode_text",
    "outcome_of_fix_file",
    "process_bytes",
    "process_file",
    "unified_diff",
]

_BOM_BY_ENCODING: dict[str, bytes] = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}


STREAM_ABOVE = 2 * 1024 * 1024
"""Default size from which a file is repaired chunk by chunk (2 MiB).

A whole-text repair holds about 50 times the text in memory at its peak
(findings, token sets, the steps' per-text work): 340 MB for a 4 MB file of
prose with mojibake, 1.75 GB for 42 MB, against about 190 MB streamed at
any size. From 2 MiB a file is streamed (two passes: more CPU, the same
result but for the steps listed as not chunk-stable in ``docs/scale.md``)."""


class Status(Enum):
    """What happened to a file."""

    UNCHANGED = "unchanged"
    CHANGED = "changed"
    FAILED = "failed"


@dataclass(frozen=True)
class Options:
    """How to repair and write files (plain data, so it crosses processes)."""

    profile: str = "repair"
    enable: frozenset[str] = frozenset()
    disable: frozenset[str] = frozenset()
    min_confidence: float = 0.5
    write: bool = True
    """Write changed files back (off for ``--check``, ``--diff``, ``--stdout``, ``scan``)."""
    keep_encoding: bool = False
    """Write back in the source encoding when it can hold the result."""
    backup: bool = False
    """Keep the original next to a rewritten file (``FILE.orig``)."""
    diff: bool = False
    """Compute a unified diff of the change."""
    keep_output: bool = False
    """Return the repaired bytes (for ``--stdout``)."""
    keep_text: bool = False
    """Return the decoded input (for ``explain``)."""
    records: bool = False
    """Return the findings as records with line and column (for ``scan``),
    computed where the file is read, so the text need not travel back."""
    stream_above: int = STREAM_ABOVE
    """Files at least this big (bytes) are repaired chunk by chunk in bounded
    memory (:func:`cleantext.stream.fix_file`) when nothing else is asked of
    them (plain in-place repair or ``--check``: no diff, backup, kept
    encoding or output)."""
    chunk_jobs: int = 1
    """Processes for the chunks of a file repaired in bounded memory."""
    keep_bom: bool | None = None
    """Write a file's leading byte-order mark back (``--keep-bom`` /
    ``--drop-bom``); None: keep it unless the profile normalises the text
    (see :func:`cleantext.stream.keeps_byte_order_mark`)."""

    def config(self) -> Config:
        """The library configuration (validated: unknown names raise)."""
        return _config(self.profile, self.enable, self.disable, self.min_confidence)

    def keeps_bom(self) -> bool:
        """Whether a file's leading byte-order mark is written back."""
        if self.keep_bom is not None:
            return self.keep_bom
        from .stream import keeps_byte_order_mark

        return keeps_byte_order_mark(self.config())


@lru_cache(maxsize=8)
def _config(
    profile: str, enable: frozenset[str], disable: frozenset[str], min_confidence: float
) -> Config:
    return Config(profile=profile, enable=enable, disable=disable, min_confidence=min_confidence)


@dataclass(frozen=True)
class FileOutcome:
    """The outcome of repairing one file."""

    path: str
    """The file, as named (``-`` for standard input)."""
    status: Status
    """Unchanged, changed (or would be), failed."""
    size: int = 0
    """Bytes read."""
    message: str = ""
    """For a failure: what went wrong. Otherwise a short account of the change."""
    encoding: str | None = None
    """The encoding the file was read with."""
    written_encoding: str | None = None
    """The encoding the repaired file is (or would be) written in."""
    text: str = ""
    """The decoded input (with ``Options.keep_text``; finding spans index it)."""
    findings: tuple[Finding, ...] = ()
    """Every finding, spans in the decoded input."""
    applied: tuple[Finding, ...] = ()
    """The findings that were applied (a subset of ``findings``)."""
    diff: str = ""
    """A unified diff of the change (with ``Options.diff``)."""
    output: bytes | None = None
    """The repaired bytes (with ``Options.keep_output``)."""
    backup: str | None = None
    """Where the original was kept (with ``Options.backup``)."""
    notes: tuple[str, ...] = field(default_factory=tuple)
    """Changes that are not findings (the encoding, a byte-order mark)."""
    records: tuple[dict[str, object], ...] = ()
    """With ``Options.records``: one record per finding (see
    :func:`cleantext.render.finding_records`)."""


def _source_bom(data: bytes) -> str | None:
    for name, bom in sorted(_BOM_BY_ENCODING.items(), key=lambda kv: -len(kv[1])):
        if data.startswith(bom):
            return name
    return None


def encode_text(
    text: str, source: str | None, bom: str | None, keep_encoding: bool, keep_bom: bool
) -> tuple[bytes, str, list[str]]:
    """Encode repaired text for writing back; return bytes, encoding, notes.

    UTF-8 by default; with ``keep_encoding`` the source encoding when it can
    hold the text. The source's byte-order mark (``bom``, the encoding it
    names) is written back when ``keep_bom`` (as UTF-8's when the text is
    written as UTF-8) or when the text stays in UTF-16/32, where the mark
    says the byte order.

    >>> encode_text("Привет", "windows-1251", None, True, False)[:2]
    (b'\\xcf\\xf0\\xe8\\xe2\\xe5\\xf2', 'windows-1251')
    >>> encode_text("Привет €", "koi8-r", None, True, False)[1:]
    ('utf-8', ['koi8-r cannot hold the repaired text: written as UTF-8'])
    """
    notes: list[str] = []
    target = "utf-8"
    if keep_encoding and source and source not in ("utf-8", "ascii", "mixed"):
        try:
            codecs.lookup(source)
            text.encode(source)
        except (LookupError, UnicodeEncodeError):
            notes.append(f"{source} cannot hold the repaired text: written as UTF-8")
        else:
            target = source
    elif keep_encoding and source == "mixed":
        notes.append("the file mixed encodings: written as UTF-8")
    data = text.encode(target)
    if bom is not None and target == bom and (keep_bom or not target.startswith("utf-8")):
        data = _BOM_BY_ENCODING[bom] + data
    elif bom is not None and keep_bom and target == "utf-8":
        data = codecs.BOM_UTF8 + data
    return data, target, notes


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of a file's text before and after repair.

    >>> print(unified_diff("a.txt", "x\\ncafÃ©\\n", "x\\ncafé\\n"), end="")
    --- a.txt
    +++ a.txt (repaired)
    @@ -1,2 +1,2 @@
     x
    -cafÃ©
    +café
    """
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=path,
        tofile=f"{path} (repaired)",
    )
    out = []
    for line in lines:
        if not line.endswith(("\n", "\r")):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)


def process_bytes(name: str, data: bytes, options: Options) -> FileOutcome:
    """Repair the content of one file (or of standard input); write nothing.

    >>> out = process_bytes("-", "\\ufeff\\ufeffHi\\n".encode(), Options(keep_output=True))
    >>> out.status.value, out.output  # the first mark is the signature: kept
    ('changed', b'\\xef\\xbb\\xbfHi\\n')
    """
    outcome, _ = _process(name, data, options)
    return outcome


def _process(name: str, data: bytes, options: Options) -> tuple[FileOutcome, bytes]:
    try:
        config = options.config()
        result = fix_bytes(data, config)
    except CleantextError as exc:
        return FileOutcome(name, Status.FAILED, len(data), f"not repaired: {exc}"), data
    bom = _source_bom(data)
    out, target, notes = encode_text(
        result.text, result.encoding, bom, options.keep_encoding, options.keeps_bom()
    )
    needs_text = (
        options.keep_text or (options.diff and out != data)
        or (options.records and bool(result.findings))
    )
    before = _input_text(data) if needs_text else ""
    text = before if options.keep_text else ""
    records = (
        tuple(finding_records(name, before, result.findings, result.applied))
        if options.records and result.findings else ()
    )
    if out == data:
        outcome = FileOutcome(
            name, Status.UNCHANGED, len(data), "", result.encoding, target,
            text=text, findings=result.findings, applied=result.applied,
            output=out if options.keep_output else None, records=records,
        )
        return outcome, out
    if result.encoding not in (target, "ascii"):
        notes.insert(0, f"{result.encoding} -> {target}")
    if bom is not None and not out.startswith(_BOM_BY_ENCODING.get(target, b"\x00")):
        notes.append("byte-order mark removed")
    n = len(result.applied)
    parts = [f"{n} repair{'s' if n != 1 else ''}"] if n else []
    outcome = FileOutcome(
        name,
        Status.CHANGED,
        len(data),
        ", ".join(parts + notes),
        result.encoding,
        target,
        text=text,
        findings=result.findings,
        applied=result.applied,
        diff=unified_diff(name, before, result.text) if options.diff else "",
        output=out if options.keep_output else None,
        notes=tuple(notes),
        records=records,
    )
    return outcome, out


def _input_text(data: bytes) -> str:
    """The decoded input, as the pipeline saw it (finding spans index it)."""
    return decode_bytes(data)[0]


def process_file(path: str, options: Options) -> FileOutcome:
    """Repair one file: read, repair, and (with ``options.write``) write back.

    Never raises for a bad file: a binary, undecodable, unreadable or
    concurrently changed file comes back as a failed outcome, untouched.
    """
    p = Path(path)
    try:
        with open(p, "rb") as fh:
            stat = os.fstat(fh.fileno())
            if stat.st_size >= options.stream_above and _streamable(options):
                data = None
            else:
                data = fh.read()
    except OSError as exc:
        return FileOutcome(path, Status.FAILED, 0, f"cannot read: {exc.strerror or exc}")
    if data is None:
        return _process_in_chunks(path, stat.st_size, options)
    outcome, new = _process(path, data, options)
    if outcome.status is not Status.CHANGED or not options.write:
        return outcome
    backup: str | None = None
    try:
        if options.backup:
            backup = str(write_backup(p, data))
        write_atomically(p, new, expect=stat)
    except OSError as exc:
        return FileOutcome(
            path, Status.FAILED, len(data), f"not written: {exc.strerror or exc}",
            outcome.encoding,
        )
    return replace(outcome, backup=backup)


def _streamable(options: Options) -> bool:
    """Whether a file can go through the bounded-memory path: a plain
    in-place repair or check."""
    return not (options.diff or options.keep_output or options.keep_text or options.records
                or options.keep_encoding or options.backup)


def _process_in_chunks(path: str, size: int, options: Options) -> FileOutcome:
    """Repair (or check) a large file chunk by chunk, in bounded memory."""
    import tempfile

    from .stream import fix_file

    try:
        keep_bom = options.keeps_bom()
        if options.write:
            result = fix_file(path, options.config(), jobs=options.chunk_jobs,
                              keep_bom=keep_bom)
        else:  # --check: repair into a scratch file, keep only the verdict
            with tempfile.TemporaryDirectory(prefix="cleantext-") as scratch:
                result = fix_file(path, options.config(), jobs=options.chunk_jobs,
                                  output=Path(scratch) / "repaired.txt", keep_bom=keep_bom)
    except (CleantextError, OSError) as exc:
        return outcome_of_fix_file(path, size, exc)
    return outcome_of_fix_file(path, size, result)


def outcome_of_fix_file(path: str, size: int, result: FileResult | Exception) -> FileOutcome:
    """The outcome of :func:`cleantext.stream.fix_file` on one file (or its error)."""
    if isinstance(result, OSError):
        return FileOutcome(path, Status.FAILED, size,
                           f"not repaired: {result.strerror or result}")
    if isinstance(result, Exception):
        return FileOutcome(path, Status.FAILED, size, f"not repaired: {result}")
    if not result.changed:
        return FileOutcome(path, Status.UNCHANGED, size, "", result.encoding, "utf-8")
    notes = []
    if codecs.lookup(result.encoding).name != "utf-8":
        notes.append(f"{result.encoding} -> utf-8")
    if result.bom_removed:
        notes.append("byte-order mark removed")
    n = result.repairs
    parts = [f"{n} repair{'s' if n != 1 else ''}"] if n else []
    parts += notes
    parts.append(f"in {result.chunks} chunk{'s' if result.chunks != 1 else ''}")
    return FileOutcome(path, Status.CHANGED, size, ", ".join(parts), result.encoding, "utf-8",
                       notes=tuple(notes))
