"""Repairing text of any size in bounded memory: streams, chunks and large files.

Text is cut into chunks at safe places (paragraph breaks first, then line
breaks, then spaces) and each chunk is repaired on its own. Steps that decide
with document-level evidence (``Step.gather``/``Step.merge``) get the evidence
of the whole document: it is gathered from every chunk in a first pass over
the input and folded with ``merge``, then handed to the repair of each chunk
through ``Config.evidence``. So the result equals the repair of the whole text
at once (for text cut at paragraph breaks; see :func:`split_chunks`).

>>> "".join(iter_fix(["\\ufeffHello, wor", "ld.\\n\\nПривет, мир\\n"]))
'Hello, world.\\n\\nПривет, мир\\n'
"""

from __future__ import annotations

import codecs
import os
import re
import struct
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import IO, TYPE_CHECKING, Any

from .config import Config
from .decoding import BOMS, decode, decode_bytes
from .errors import NotTextError
from .pipeline import run_pipeline
from .step import Step, apply_findings, select_findings

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future, ProcessPoolExecutor

__all__ = [
    "CARRY",
    "DEFAULT_CHUNK_SIZE",
    "MIXED",
    "FileResult",
    "detect_file_encoding",
    "fix_file",
    "gather_evidence",
    "keeps_byte_order_mark",
    "process_pool",
    "iter_decode_file",
    "iter_fix",
    "split_chunks",
    "warm_up",
]

DEFAULT_CHUNK_SIZE = 1 << 18
"""Characters per chunk (about 256 thousand): large enough that the per-chunk
cost vanishes, small enough that a chunk's findings stay a few megabytes."""

_READ_SIZE = 1 << 20
_SAMPLE_SIZE = 1 << 20

# Where a chunk may end, best first. Each pattern matches the cut: the chunk
# ends at the end of the match. A cut at a line break comes right after the
# break (and after any blank lines that follow), so that a line keeps its
# indentation and no run of blank lines is split; the next chunk starts with
# a line holding a visible character, never with U+FEFF (which would look
# like a byte-order mark). A cut inside a line comes before a run of spaces,
# which stays whole: a chunk that ended with it would see trailing spaces.
_PARAGRAPH_CUT = re.compile(r"\n[^\S\n]*\n(?:[^\S\n]*\n)*(?=[^\S\n]*[^\s\ufeff])")
_LINE_CUT = re.compile(r"\n(?:[^\S\n]*\n)*(?=[^\S\n]*[^\s\ufeff])")
_SPACE_CUT = re.compile(r"\S(?=\s)")
_ASCII_CUT = re.compile(r"[\x21-\x7e](?=[\x21-\x7e])")

CARRY = 4
"""How far a chunk may grow to end at a paragraph break: when there is none
in the second half of ``chunk_size``, the chunk runs on to the next one, up to
``CARRY * chunk_size`` characters, before it is cut at a line break."""


_LOOKAHEAD = 256  # characters past a cut that its pattern may look at


def _last_cut(pattern: re.Pattern[str], buffer: str, start: int, lo: int, hi: int) -> int:
    """The end of the last match (searched from ``start``) that ends in
    ``lo + 1`` to ``hi``, or -1."""
    end = -1
    for m in pattern.finditer(buffer, start, hi + _LOOKAHEAD):
        if m.end() > hi:
            break
        if m.end() > lo:
            end = m.end()
    return end


def _cut_point(buffer: str, pos: int, chunk_size: int, final: bool) -> int:
    """Where the chunk that starts at ``pos`` ends: at the last paragraph
    break in the second half of ``chunk_size``; else at the first paragraph
    break after it (or the end of the input, when ``buffer`` holds its
    ``final`` part), up to ``CARRY * chunk_size`` (the paragraph is carried
    over); else at the last line break in the second half, else before the
    last run of spaces, else between two ASCII characters, else at
    ``chunk_size``."""
    lo, hi = pos + chunk_size // 2, pos + chunk_size
    end = _last_cut(_PARAGRAPH_CUT, buffer, pos, lo, hi)
    if end > lo:
        return end
    far = pos + CARRY * chunk_size
    if final and len(buffer) <= far:
        return len(buffer)
    for m in _PARAGRAPH_CUT.finditer(buffer, lo, far + _LOOKAHEAD):
        if m.end() > far:
            break
        if m.end() > hi:
            return m.end()
    for pattern in (_LINE_CUT, _SPACE_CUT, _ASCII_CUT):
        end = _last_cut(pattern, buffer, pos, lo, hi)
        if end > lo:
            return end
    return hi


def split_chunks(pieces: Iterable[str], chunk_size: int = DEFAULT_CHUNK_SIZE) -> Iterator[str]:
    """Regroup pieces of text into chunks of about ``chunk_size`` characters,
    cut at paragraph breaks (blank lines) where possible.

    A chunk ends at the last paragraph break in the second half of its
    allowed length; if there is none, at the first paragraph break after it
    (or the end of the input), as long as the chunk stays within
    ``CARRY * chunk_size`` characters; then at a line break; then before a
    space; then between two ASCII characters; then anywhere. Repair is
    exactly local only for cuts at paragraph breaks (a line break can fall
    inside a hyphenated word or a wrapped paragraph). Joining the chunks
    gives back the input; every chunk but the last holds more than
    ``chunk_size // 2`` characters, so the work stays linear, and at most
    ``CARRY * chunk_size``, so memory stays bounded.

    >>> list(split_chunks(["one\\n\\ntwo\\n\\nthree"], chunk_size=8))
    ['one\\n\\n', 'two\\n\\n', 'three']
    """
    if chunk_size < 2:
        raise ValueError("chunk_size must be at least 2")
    limit = CARRY * chunk_size  # enough text to choose any cut
    pending: list[str] = []
    size = 0
    for piece in pieces:
        if not isinstance(piece, str):
            raise TypeError(f"expected str pieces, got {type(piece).__name__}")
        pending.append(piece)
        size += len(piece)
        if size > limit:
            buffer = "".join(pending)
            pos = 0
            while len(buffer) - pos > limit:
                cut = _cut_point(buffer, pos, chunk_size, final=False)
                yield buffer[pos:cut]
                pos = cut
            pending = [buffer[pos:]]
            size = len(buffer) - pos
    buffer = "".join(pending)
    pos = 0
    while len(buffer) - pos > chunk_size:
        cut = _cut_point(buffer, pos, chunk_size, final=True)
        yield buffer[pos:cut]
        pos = cut
    if pos < len(buffer):
        yield buffer[pos:]


def _gather_steps(config: Config) -> list[tuple[int, Step]]:
    """The enabled steps that need evidence not given in ``config``."""
    return [
        (i, step)
        for i, step in enumerate(config.steps())
        if step.gather is not None and step.name not in config.evidence
    ]


def _apply_once(text: str, steps: Iterable[Step], config: Config) -> str:
    """One pass of ``steps`` over ``text``, as the pipeline's first pass does."""
    for step in steps:
        found = step.detect(text, config)
        if found:
            text = apply_findings(text, select_findings(found, config.min_confidence))
    return text


def _advance(chunk: str, config: Config, lo: int, hi: int) -> tuple[str, Any]:
    """Apply enabled steps ``lo`` to ``hi - 1`` once to ``chunk``, then gather
    step ``hi``'s evidence from the result; return both."""
    steps = config.steps()
    text = _apply_once(chunk, steps[lo:hi], config)
    gather = steps[hi].gather
    assert gather is not None
    return text, gather(text)


ChunkMap = Callable[[Callable[..., Any], Iterable[Any], Config, int, int], Iterator[Any]]
"""Maps ``fn(item, config, lo, hi)`` over items, in order (in this process or
in a process pool)."""


def _map_here(
    fn: Callable[..., Any], items: Iterable[Any], config: Config, lo: int, hi: int
) -> Iterator[Any]:
    return (fn(item, config, lo, hi) for item in items)


def gather_evidence(
    chunks: Callable[[], Iterable[str]],
    config: Config | None = None,
    *,
    chunk_map: ChunkMap | None = None,
) -> Config:
    """Gather the document-level evidence of a document given in chunks.

    ``chunks`` gives the document's chunks (it is called once). Returns
    ``config`` with the evidence in ``config.evidence``: repairing each chunk
    with it gives the same text as repairing the whole document.

    The pipeline gathers a step's evidence from the text as it is when the
    step first runs (after the steps before it, once). Here each chunk goes
    through those same earlier steps before the step's ``gather`` sees it,
    using the evidence already gathered for earlier steps; with several such
    steps, the chunks as they were when one step gathered are kept in a
    temporary file and the next pass goes on from there (each step runs once
    per chunk in all). ``chunk_map`` can spread the chunks over processes.
    """
    config = config or Config()
    todo = _gather_steps(config)
    for _, step in todo:
        if step.merge is None:
            raise ValueError(
                f"step {step.name} gathers evidence but has no merge: "
                "it cannot be repaired in chunks"
            )
    if not todo:
        return config
    mapper = chunk_map or _map_here
    with tempfile.TemporaryFile(prefix="cleantext-") as spool_a, \
            tempfile.TemporaryFile(prefix="cleantext-") as spool_b:
        source: Iterable[str] = chunks()
        lo = 0
        write, read = spool_a, spool_b
        for n, (index, step) in enumerate(todo):
            keep = n < len(todo) - 1
            if keep:
                write.seek(0)
                write.truncate()
            merge = step.merge
            assert merge is not None
            total: Any = None
            seen = False
            for text, piece in mapper(_advance, source, config, lo, index):
                if keep:
                    _spool_write(write, text)
                total = merge(total, piece) if seen else piece
                seen = True
            if not seen:
                break
            evidence = dict(config.evidence)
            evidence[step.name] = total
            config = config.with_changes(evidence=evidence)
            lo = index
            write, read = read, write
            source = _spool_read(read)
    return config


def _spool_write(spool: IO[bytes], chunk: str) -> None:
    """Keep a chunk in a temporary file, to be read again (bounded memory)."""
    data = chunk.encode("utf-8", "surrogatepass")
    spool.write(struct.pack("<Q", len(data)))
    spool.write(data)


def _spool_read(spool: IO[bytes]) -> Iterator[str]:
    """The chunks kept by :func:`_spool_write`, from the first."""
    spool.flush()
    spool.seek(0)
    while header := spool.read(8):
        (size,) = struct.unpack("<Q", header)
        yield spool.read(size).decode("utf-8", "surrogatepass")


def iter_fix(
    chunks: Iterable[str] | str,
    config: Config | None = None,
    *,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> Iterator[str]:
    """Repair text given in pieces (lines, blocks, chunks of any size).

    Yields repaired chunks; joined, they equal ``fix_text("".join(chunks))``
    when no paragraph of the input is longer than ``CARRY * chunk_size``
    characters (see :func:`split_chunks`) and every enabled step's evidence is
    additive. Memory stays bounded by the chunk size, whatever the length
    of the input.

    When an enabled step needs document-level evidence, the input is read
    twice: a list (or any iterable that can be iterated again) is iterated
    again; a one-shot iterator is kept in a temporary file meanwhile.

    >>> list(iter_fix(["\\ufeffHello\\n", "world\\n"]))
    ['Hello\\nworld\\n']
    """
    if isinstance(chunks, str):
        chunks = [chunks]
    config = config or Config()
    if not _gather_steps(config):
        for chunk in split_chunks(chunks, chunk_size):
            yield run_pipeline(chunk, config).text
        return
    source = chunks
    if iter(source) is source:  # a one-shot iterator: keep it on disk
        with tempfile.TemporaryFile(prefix="cleantext-") as spool:
            for chunk in split_chunks(source, chunk_size):
                _spool_write(spool, chunk)
            config = gather_evidence(lambda: _spool_read(spool), config)
            for chunk in _spool_read(spool):
                yield run_pipeline(chunk, config).text
        return
    config = gather_evidence(lambda: split_chunks(source, chunk_size), config)
    for chunk in split_chunks(source, chunk_size):
        yield run_pipeline(chunk, config).text


# -- files --------------------------------------------------------------------



def _read_blocks(path: Path, skip: int = 0) -> Iterator[bytes]:
    with path.open("rb") as fh:
        fh.seek(skip)
        while block := fh.read(_READ_SIZE):
            yield block


def _bom_of(path: Path) -> tuple[bytes, str] | None:
    with path.open("rb") as fh:
        head = fh.read(4)
    for bom, name in BOMS:
        if head.startswith(bom):
            return bom, name
    return None


def _is_utf8(path: Path) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        for block in _read_blocks(path):
            decoder.decode(block)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _sample(path: Path) -> bytes:
    """The first megabyte of the file, cut after its last line break."""
    with path.open("rb") as fh:
        data = fh.read(_SAMPLE_SIZE + 1)
    if len(data) <= _SAMPLE_SIZE:
        return data
    data = data[:_SAMPLE_SIZE]
    cut = data.rfind(b"\n")
    return data[: cut + 1] if cut > 0 else data


def detect_file_encoding(path: str | os.PathLike[str]) -> tuple[str, int]:
    """The encoding of a file, and how many bytes of byte-order mark to skip.

    A byte-order mark decides; else a file that is UTF-8 throughout is UTF-8
    (checked incrementally, in bounded memory); else the encoding is detected
    (:func:`cleantext.decoding.decode_bytes`) on the first megabyte; a file
    whose lines mix encodings is reported as :data:`MIXED` and decoded block
    by block, line by line.
    Raises :class:`~cleantext.NotTextError` for binary data.
    """
    path = Path(path)
    bom = _bom_of(path)
    if bom is not None:
        return bom[1], len(bom[0])
    sample = _sample(path)
    _, encoding = decode_bytes(sample)  # refuses binary data
    if encoding == "utf-8" and not _is_utf8(path):
        # UTF-8 at the start but not further on: detect on a larger sample.
        with path.open("rb") as fh:
            start = fh.read(_SAMPLE_SIZE * 4)
        _, encoding = decode_bytes(start[: start.rfind(b"\n") + 1] or start)
        if encoding == "utf-8":  # legacy lines further on: decode line by line
            encoding = MIXED
    return encoding, 0


MIXED = "mixed"
"""The encoding :func:`detect_file_encoding` reports for a file whose lines
need different encodings (UTF-8 and a legacy one)."""


def _iter_decode_lines(path: Path) -> Iterator[str]:
    """Decode a file whose lines mix encodings, a block of whole lines at a
    time, each block with :func:`cleantext.decoding.decode` (line by line)."""
    rest = b""
    for block in _read_blocks(path):
        block = rest + block
        cut = block.rfind(b"\n") + 1
        if cut == 0:
            rest = block
            continue
        rest = block[cut:]
        yield decode(block[:cut]).text
    if rest:
        yield decode(rest).text


def iter_decode_file(
    path: str | os.PathLike[str], encoding: str | None = None, skip: int = 0
) -> Iterator[str]:
    """Decode a file piece by piece (about a megabyte at a time).

    With ``encoding`` None, it is detected with :func:`detect_file_encoding`.
    Raises :class:`~cleantext.NotTextError` where the bytes do not decode.
    """
    path = Path(path)
    if encoding is None:
        encoding, skip = detect_file_encoding(path)
    if encoding == MIXED:
        yield from _iter_decode_lines(path)
        return
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    offset = skip
    try:
        for block in _read_blocks(path, skip):
            text = decoder.decode(block)
            offset += len(block)
            if text:
                yield text
        tail = decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise NotTextError(
            f"{path}: not text in {encoding} near byte {offset + exc.start}: {exc.reason}"
        ) from exc
    if tail:
        yield tail


@dataclass(frozen=True)
class FileResult:
    """What :func:`fix_file` did to one file."""

    path: Path
    """The file read."""
    output: Path
    """The file written (the same as ``path`` when repaired in place)."""
    encoding: str
    """The encoding the file was read with (the output is always UTF-8)."""
    changed: bool
    """Whether the output bytes differ from the input bytes."""
    repairs: int
    """How many findings were applied."""
    chunks: int
    """How many chunks the text was repaired in."""
    bom_removed: bool = False
    """Whether the file's leading byte-order mark was not written back."""


def _fix_chunk(chunk: str, config: Config, lo: int = 0, hi: int = 0) -> tuple[str, int, bool]:
    result = run_pipeline(chunk, config)
    return result.text, len(result.applied), result.text != chunk


def _mapping_proxy(items: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(items)


def _reduce_mapping_proxy(proxy: MappingProxyType[Any, Any]) -> tuple[Any, ...]:
    return (_mapping_proxy, (dict(proxy),))


class _PoolMap:
    """Maps over chunks in a process pool, in order, with at most
    ``2 * jobs`` chunks in flight (bounded memory)."""

    def __init__(self, pool: Executor, jobs: int) -> None:
        self.pool = pool
        self.jobs = jobs

    def __call__(
        self, fn: Callable[..., Any], items: Iterable[Any], config: Config, lo: int, hi: int
    ) -> Iterator[Any]:
        pending: deque[Future[Any]] = deque()
        for item in items:
            pending.append(self.pool.submit(fn, item, config, lo, hi))
            if len(pending) >= 2 * self.jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


_WARM_UP_SAMPLES = (
    "The café was difficult to find, officially.",
    "Привет, как дела в Москве? Это проверка кодировки.",
    "Сәлем, әлем! Қазақстан Республикасы.",
    "日本語のテキスト",
)


def _warm_up_text() -> str:
    en, ru, kk, ja = _WARM_UP_SAMPLES
    return "\n\n".join([
        en, ru, kk,
        en.encode().decode("cp1252"),  # mojibake, Latin and Cyrillic
        ru.encode().decode("cp1251"),
        ru.encode("cp1251").decode("latin-1"),  # code-page mixups
        ru.encode("koi8-r").decode("cp1251"),
        ja.encode("shift_jis").decode("latin-1"),  # East Asian mojibake
        "It was diult to nd the oial line.",  # dropped ligatures
        "the filmand outcastsThe end",  # joined words
        "Tom &amp; Jerry\u200b in Mos\u0441ow",  # entities, zero-width, homoglyphs
    ]) + "\n"


def warm_up(config: Config | None = None) -> None:
    """Load the tables the enabled steps use (word lists, letter models, code
    page maps), by repairing a small sample that needs them all.

    The steps load their tables lazily, at the first text that needs them:
    a few seconds the first file pays in every process. Called in a parent
    before it forks workers (as ``cleantext fix -j N`` and :func:`fix_file`
    with ``jobs`` > 1 do), the tables are loaded once and the workers share
    them (copy-on-write) instead of each building its own.
    """
    run_pipeline(_warm_up_text(), config or Config())


def process_pool(jobs: int) -> ProcessPoolExecutor:
    """A pool of ``jobs`` worker processes, forked where the platform can
    (so that they share the tables loaded by :func:`warm_up`)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing.reduction import ForkingPickler

    # Evidence may hold read-only mappings, which plain pickle refuses.
    ForkingPickler.register(MappingProxyType, _reduce_mapping_proxy)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(
        max_workers=jobs, mp_context=context,
        initializer=_exit_with_parent, initargs=(os.getpid(),),
    )


_PARENT_POLL = 0.5
"""Seconds between a worker's looks at whether its parent is still there."""


def _exit_with_parent(parent: int) -> None:
    """In a worker process: end it as soon as ``parent`` (the process that
    started the pool) is gone.

    A parent killed without warning (``kill -9``, the out-of-memory killer)
    cannot stop its pool, and forked workers wait for work forever: each
    sibling holds the other end of the pipe they read from, so no end of
    file comes. A daemon thread looks every :data:`_PARENT_POLL` seconds and
    leaves with ``os._exit`` (the files a worker writes are replaced
    atomically, so there is nothing to finish).
    """
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_POLL)
        os._exit(1)

    threading.Thread(target=watch, name="cleantext-parent-watch", daemon=True).start()


def keeps_byte_order_mark(config: Config) -> bool:
    """Whether a file's leading byte-order mark is written back by default.

    A byte-order mark at the start of a file is the encoding's signature, not
    damage: it is kept, except by the profiles that normalise the text
    (``normalize``, ``ascii``) and unless ``remove_bom`` is disabled, in
    which case nothing drops it. (A U+FEFF inside the text, a second mark
    after the first included, is damage all the same, removed by the steps.)

    >>> keeps_byte_order_mark(Config()), keeps_byte_order_mark(Config(profile="ascii"))
    (True, False)
    """
    return config.profile not in _BOM_DROPPING_PROFILES or "remove_bom" not in set(
        config.step_names()
    )


_BOM_DROPPING_PROFILES = ("normalize", "ascii")


def fix_file(
    path: str | os.PathLike[str],
    config: Config | None = None,
    *,
    output: str | os.PathLike[str] | None = None,
    encoding: str | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    jobs: int = 1,
    keep_bom: bool | None = None,
) -> FileResult:
    """Repair a file of any size in bounded memory; write UTF-8.

    The file is decoded incrementally (``encoding``, else detected: see
    :func:`detect_file_encoding`), repaired chunk by chunk with the evidence of
    the whole file (:func:`iter_fix`), and written to ``output``; with
    ``output`` None the file is replaced atomically, and only if the repair
    changes its bytes. ``jobs`` > 1 repairs the chunks in that many processes.
    A byte-order mark at the start of the file is written back (as UTF-8's)
    when ``keep_bom`` is true; None means :func:`keeps_byte_order_mark`, so a
    file that is clean but for its mark is left alone in the default profile.
    The file is read once more for each step that gathers document evidence.

    Peak memory is a few times ``chunk_size`` (``CARRY`` times that for a
    file without blank lines; times ``2 * jobs`` with processes), whatever the
    size of the file.
    """
    path = Path(path)
    config = config or Config()
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    skip = 0
    if encoding is None:
        encoding, skip = detect_file_encoding(path)
    else:  # a mark of the encoding given is its signature all the same
        bom = _bom_of(path)
        if bom is not None and codecs.lookup(bom[1]).name == codecs.lookup(encoding).name:
            skip = len(bom[0])
    enc: str = encoding
    if keep_bom is None:
        keep_bom = keeps_byte_order_mark(config)
    signature = codecs.BOM_UTF8 if keep_bom and skip else b""

    def chunks() -> Iterator[str]:
        return split_chunks(iter_decode_file(path, enc, skip), chunk_size)

    with ExitStack() as stack:
        mapper: ChunkMap = _map_here
        if jobs > 1:
            warm_up(config)
            mapper = _PoolMap(stack.enter_context(process_pool(jobs)), jobs)
        config = gather_evidence(chunks, config, chunk_map=mapper)
        target = Path(output) if output is not None else path
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".cleantext", dir=target.parent
        )
        tmp = Path(tmp_name)
        repairs = count = 0
        text_changed = False
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(signature)
                for text, n, chunk_changed in mapper(_fix_chunk, chunks(), config, 0, 0):
                    out.write(text.encode("utf-8"))
                    count += 1
                    repairs += n
                    text_changed = text_changed or chunk_changed
                out.flush()
                os.fsync(out.fileno())
            same_bom = skip == len(signature)  # none, or UTF-8's written back
            changed = (
                text_changed or not same_bom or enc == MIXED
                or codecs.lookup(enc).name != "utf-8"
            )
            if output is None and not changed:
                tmp.unlink()
            else:
                if target.exists():
                    os.chmod(tmp, target.stat().st_mode & 0o7777)
                os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    return FileResult(path, target, enc, changed, repairs, count, bool(skip) and not signature)
