"""Legacy East Asian encodings shown through a Western code page.

GBK/GB18030, Big5, Shift-JIS, EUC-JP and EUC-KR (UHC) text decoded as
latin-1, windows-1252 or Mac Roman: ``ÖÐÎÄ`` for ``中文``, ``ƒeƒXƒg`` for
``テスト``. The repair is ``run.encode(western).decode(east_asian)`` over each
run of high characters; ftfy declines these.

Evidence, per line and never per character: a run of the line that does not
decode cleanly counts as rare characters; the decoded letters must be common
characters of the language of that encoding (frequencies counted from wordfreq's lists, see
:mod:`cleantext.evidence.cjk`), with few rare ones; the encoding whose language
explains the line best wins. UTF-8 (the business of ``fix_mojibake``) is
left alone: a run that is valid UTF-8 is not a legacy multibyte run.

>>> fix_east_asian_mojibake("ÖÐÎÄ×Ö·û±àÂë")
'中文字符编码'
>>> detect_east_asian_mojibake("Crème brûlée à la française")
[]
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain

from ..config import Config
from ..evidence.cjk import char_log_frequency, rank
from ..evidence.wordlists import LANGUAGE_NAMES
from ..finding import Finding
from ..lines import lines_matching
from ..mojibake.codepages import is_utf8_beyond_ascii
from ..step import Step

__all__ = ["EAST_ASIAN", "STEP", "detect_east_asian_mojibake", "fix_east_asian_mojibake"]

_STEP = "fix_east_asian_mojibake"
_KIND = "east_asian_mojibake"

EAST_ASIAN: tuple[tuple[str, str, str], ...] = (
    ("gb18030", "zh", "GBK/GB18030"),
    ("cp950", "zh", "Big5"),
    ("cp932", "ja", "Shift-JIS"),
    ("euc_jp", "ja", "EUC-JP"),
    ("cp949", "ko", "EUC-KR"),
)
"""(codec, language, name) of every legacy encoding considered."""

_WESTERN: tuple[tuple[str, str], ...] = (
    ("western", "latin-1/windows-1252"),
    ("mac_roman", "Mac Roman"),
)


@cache
def _encoder(reader: str) -> dict[int, int]:
    """Character -> byte for the high half of a Western code page."""
    out: dict[int, int] = {}
    for b in range(0x80, 0x100):
        if reader == "western":
            out[b] = b
            ch = bytes([b]).decode("cp1252", errors="replace")
            if ch != "\ufffd":  # five bytes windows-1252 leaves undefined
                out[ord(ch)] = b
        else:
            out[ord(bytes([b]).decode(reader))] = b
    return out


@cache
def _run_re(reader: str) -> re.Pattern[str]:
    high = "".join(re.escape(chr(c)) for c in sorted(_encoder(reader)))
    h = f"[{high}]"
    # high characters, possibly with ASCII trail bytes (0x40-0x7E) between
    return re.compile(f"{h}+(?:[\\x40-\\x7e]{h}+)*[\\x40-\\x7e]?")


@cache
def _gate() -> re.Pattern[str]:
    chars: set[int] = set()
    for reader, _ in _WESTERN:
        chars |= set(_encoder(reader))
    h = "[" + "".join(re.escape(chr(c)) for c in sorted(chars)) + "]"
    # three high characters close together: any two CJK characters make four
    return re.compile(f"{h}[\\x40-\\x7e]?{h}[\\x40-\\x7e]?{h}")


@cache
def _byte_table(reader: str) -> dict[int, str]:
    """Character -> the byte it stands for (as a Latin-1 character), for str.translate."""
    return {c: chr(b) for c, b in _encoder(reader).items()}


def _encode(run: str, reader: str) -> bytes | None:
    """The bytes a run of :func:`_run_re` stood for (None: a character the
    code page cannot give)."""
    try:
        return run.translate(_byte_table(reader)).encode("latin-1")
    except UnicodeEncodeError:
        return None


def _is_utf8_cjk(data: bytes) -> bool:
    """Valid UTF-8 with three- or four-byte sequences: UTF-8 mojibake, not ours."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return any(ord(ch) >= 0x800 for ch in text)


def _is_utf8_line(line: str, reader: str) -> bool:
    """Whether the whole line, read back into bytes through ``reader``, is
    valid UTF-8 beyond ASCII: UTF-8 text (Russian ``Ð¿Ñ€Ð¸``) shown through a
    Western code page, which :func:`_read_line` would otherwise decode run by
    run with every East Asian codec, in vain. (A line of a legacy CJK
    encoding is valid UTF-8 only by a long chance: each of its pairs would
    need a lead byte C2-DF and a trail byte 80-BF.)"""
    data = _encode(line, reader)
    return data is not None and is_utf8_beyond_ascii(data)


def _clean_decode(data: bytes, codec: str) -> str | None:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    for ch in text:
        cat = unicodedata.category(ch)
        if cat in ("Co", "Cn", "Cs") or (cat == "Cc" and ch not in "\t\n\r"):
            return None
        if ch == "\ufffd":
            return None
    return text


_CACHED_LINE = 500
_CACHED_RUN = 64
"""Lines and runs (bytes, decoded text) up to these lengths are cached;
longer ones (pathological input) are not, so the caches stay within a few
megabytes."""


@lru_cache(maxsize=1 << 12)
def _decode_run(data: bytes, codec: str) -> tuple[str, int] | None:
    """A run's bytes decoded cleanly with ``codec``, and how many trailing
    bytes were left out (1 when the trailing ASCII was not a trail byte after
    all); None when they do not decode cleanly. Cached: runs (words) recur."""
    text = _clean_decode(data, codec)
    if text is not None:
        return text, 0
    if not 0x40 <= data[-1] <= 0x7E:
        return None
    text = _clean_decode(data[:-1], codec)
    return None if text is None else (text, 1)


@lru_cache(maxsize=1 << 12)
def _cjk_letters(text: str) -> tuple[str, ...]:
    return tuple(ch for ch in text
                 if ord(ch) > 0x2E7F and unicodedata.category(ch).startswith("L"))


_RARE_RANK = 3000
_MIN_MEAN = -3.6
_RANDOM_MEAN = -4.5  # about what a random character of these encodings scores


@dataclass(frozen=True)
class _Reading:
    codec: str
    lang: str
    name: str
    reader: str
    reader_name: str
    runs: tuple[tuple[int, int, str], ...]
    letters: int
    rare: int
    mean: float
    distinct_common: int

    @property
    def fit(self) -> float:
        """How much the language explains the decoded letters (to compare codecs):
        total log-frequency above that of a random character, rare ones penalised."""
        return self.letters * (self.mean - _RANDOM_MEAN) - 3.0 * self.rare

    @property
    def confidence(self) -> float:
        if self.letters == 0:
            return 0.0
        rare_share = self.rare / self.letters
        quality = min(1.0, max(0.0, (self.mean - _MIN_MEAN) / 1.0 + 0.5))
        # evidence grows with the number of different common characters:
        # two (中文) are reported only, three or more can be repaired
        amount = 1.0 - math.exp(-0.3 * self.distinct_common)
        return max(0.0, quality * amount * (1.0 - 2.0 * rare_share))


@lru_cache(maxsize=1 << 11)
def _line_readings(line: str, reader: str, reader_name: str) -> tuple[_Reading, ...]:
    """Every reading of the line through ``reader`` (spans in the line).
    Cached: lines recur within a document and from one pipeline pass to the next."""
    return tuple(_read_line(line, reader, reader_name))


def _read_line(line: str, reader: str, reader_name: str) -> Iterator[_Reading]:
    runs: list[tuple[int, int, bytes]] = []
    for m in _run_re(reader).finditer(line):
        data = _encode(m.group(), reader)
        # a lone byte says nothing; UTF-8 is fix_mojibake's (judged once
        # here, not once per codec)
        if data is None or len(data) < 2 or _is_utf8_cjk(data):
            continue
        runs.append((m.start(), m.end(), data))
    if not runs:
        return
    for codec, lang, name in EAST_ASIAN:
        decoded: list[tuple[int, int, str]] = []
        # bytes of runs that do not decode cleanly: they stay as they are,
        # and count as rare characters (one per two bytes), so that a line
        # of which a codec reads only a few runs is no evidence for it
        failed = 0
        for start, end, data in runs:
            decode = _decode_run if len(data) <= _CACHED_RUN else _decode_run.__wrapped__
            read = decode(data, codec)
            if read is None:
                failed += len(data)
                continue
            text, trimmed = read
            decoded.append((start, end - trimmed, text))
        stats = [(_letter_stats if len(t) <= _CACHED_RUN else _letter_stats.__wrapped__)(t, lang)
                 for _, _, t in decoded]
        letters = sum(n for n, _, _, _ in stats)
        if not letters:
            continue
        # the same sum, in the same order, as over one list of every letter
        total = sum(chain.from_iterable(logs for _, logs, _, _ in stats))
        rare = sum(r for _, _, r, _ in stats)
        distinct = len(frozenset().union(*(common for _, _, _, common in stats)))
        if failed:
            # a failed character weighs as a random one: no fit, a rare share
            lost = (failed + 1) // 2
            total += lost * _RANDOM_MEAN
            letters += lost
            rare += lost
        yield _Reading(codec, lang, name, reader, reader_name, tuple(decoded),
                       letters, rare, total / letters, distinct)


@lru_cache(maxsize=1 << 12)
def _letter_stats(text: str, lang: str
                  ) -> tuple[int, tuple[float, ...], int, frozenset[str]]:
    """For the CJK letters of a decoded run: how many, their log frequencies
    in ``lang``, how many are rare, and the common ones. Cached: runs recur."""
    letters = (_cjk_letters if len(text) <= _CACHED_RUN else _cjk_letters.__wrapped__)(text)
    ranks = [rank(ch, lang) for ch in letters]
    return (
        len(letters),
        tuple(char_log_frequency(ch, lang) for ch in letters),
        sum(1 for r in ranks if r >= _RARE_RANK),
        frozenset(ch for ch, r in zip(letters, ranks, strict=True) if r < _RARE_RANK),
    )


_MIN_HIGH_SHARE = 0.4


_ASCII_LETTERS = re.compile("[A-Za-z]")


def _high_share(line: str) -> float:
    """Share of non-ASCII characters among letters and non-ASCII characters.

    European prose with accents stays well below half; a line of CJK text
    shown through a Western code page is mostly non-ASCII.
    """
    high = len(line) - len(line.encode("ascii", "ignore"))
    ascii_letters = len(_ASCII_LETTERS.findall(line))
    return high / max(1, high + ascii_letters)


def _why(r: _Reading) -> str:
    lang = LANGUAGE_NAMES[r.lang]
    common = r.letters - r.rare
    why = (f"{lang} text in {r.name} read as {r.reader_name}: the line decodes cleanly "
           f"to {r.letters} {lang} character(s), {common} of them among the "
           f"{_RARE_RANK} most common (mean log10 frequency {r.mean:.1f})")
    if r.confidence < 0.5:
        why += "; too little evidence to repair"
    return why


def detect_east_asian_mojibake(text: str, config: Config | None = None) -> list[Finding]:
    """Find lines of CJK text in a legacy encoding shown as Western characters.

    One finding per line, spanning its first to its last damaged run.

    >>> print(detect_east_asian_mojibake("ÖÐÎÄ×Ö·û±àÂë")[0].why)  # doctest: +ELLIPSIS
    Chinese text in GBK/GB18030 read as latin-1/windows-1252: the line decodes ...
    """
    if text.isascii():
        return []
    gate = _gate()
    if gate.search(text) is None:
        return []
    findings: list[Finding] = []
    for start, end in lines_matching(text, gate):
        line = text[start:end]
        if _high_share(line) < _MIN_HIGH_SHARE:
            continue  # mostly ASCII letters: European words with accents
        if any(_is_utf8_line(line, reader) for reader, _ in _WESTERN):
            continue  # UTF-8 shown through a Western code page: fix_mojibake's
        best: _Reading | None = None
        for reader, reader_name in _WESTERN:
            # (a long line is read uncached: the cache must not hold megabytes)
            read = _line_readings if len(line) <= _CACHED_LINE else _line_readings.__wrapped__
            for reading in read(line, reader, reader_name):
                if best is None or reading.fit > best.fit:
                    best = reading
        if best is None or best.distinct_common < 2 or best.confidence <= 0.2 \
                or best.mean < _MIN_MEAN - 0.5:
            continue  # one character is never evidence
        if best.confidence < 0.5 and _encode(line, best.reader) is None:
            # a line holding letters the Western code page cannot show
            # (Cyrillic, Greek) was not shown through it: a weak reading
            # of its accented letters is no finding (``café\xa0résumé
            # привет`` is not Shift-JIS)
            continue
        first, last = best.runs[0][0], best.runs[-1][1]
        parts: list[str] = []
        pos = first
        for s, e, decoded in best.runs:
            parts.append(line[pos:s])
            parts.append(decoded)
            pos = e
        parts.append(line[pos:last])
        findings.append(Finding(
            _KIND, start + first, start + last, line[first:last], "".join(parts),
            round(min(best.confidence, 0.99), 4), _STEP, _why(best),
        ))
    return findings


def fix_east_asian_mojibake(text: str) -> str:
    """Repair what :func:`detect_east_asian_mojibake` is sure of.

    >>> fix_east_asian_mojibake("ƒeƒXƒg‚Ì“ú–{Œê")
    'テストの日本語'
    """
    return STEP.fix(text)


STEP = Step(
    _STEP, detect_east_asian_mojibake,
    "Repair GBK, Big5, Shift-JIS, EUC-JP and EUC-KR text that was decoded as latin-1, "
    "windows-1252 or Mac Roman, when the line reads as common text of that language.",
)
