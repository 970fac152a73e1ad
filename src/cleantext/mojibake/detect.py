"""Find UTF-8 mojibake, decide on it with the cost model, and explain it.

The search, per code page: runs of complete UTF-8 byte sequences as seen
through that code page (``CodePage.segment``). A run is only worth a look when
it holds a *suspicious pair*: a lead byte and a continuation byte whose
characters are not simply two ordinary letters of one script (``её`` is a valid
sequence in KOI8-R, and stays a pair of letters). The whole text is first
searched once with one regex that unites the suspicious pairs of every code
page; text without one (clean text in any language, almost always) is done.

Each run is decoded, then searched again for further layers, and the repair is
scored against the original in its context (:func:`cost`). Code pages compete
by score. Evidence over the document (which code page explained the clear
cases) lets the ambiguous runs of that code page be repaired too.
"""

from __future__ import annotations

import gc
import math
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache, lru_cache
from itertools import chain, islice
from operator import itemgetter
from typing import NamedTuple

from ..script_pairs import mixed_pair_starts
from ..step import add_counts
from .codepages import _QUESTION_LEAD2, _SPACE_LEAD2, CODEPAGES, CodePage, table
from .score import (
    E2_SECOND,
    MARKED,
    SCIENCE_GREEK,
    char_info,
    cost,
    rare_replacement,
    weak_repair,
)

__all__ = [
    "FEEBLE", "WEAK", "Candidate", "analyse", "candidates", "decide", "dominant_codepage",
    "dominant_codepages", "evidence_of", "gates", "weak_evidence",
    "cyclic_gc_paused", "is_evidence", "merge_evidence",
]

FIX_GAIN = 1.5
"""Cost a repair must save to be made on its own evidence."""
REPORT_GAIN = 0.9
"""Cost a repair must save to be reported (left alone) at all."""
DOMINANT_EVIDENCE = 1.5
"""Summed gain of confident repairs that makes a code page the document's."""
MAX_LAYERS = 4
"""Deepest nesting of mojibake that is undone."""
_FFFD_COST = 1.5
"""The cost of U+FFFD on its own (see ``score._FIXED``)."""
_FFFD_PENALTY = 0.5
"""Cost of assuming that a U+FFFD stands for a lost byte of the sequence before it."""
_QUESTION_PENALTY = 0.7
"""Cost of assuming that a '?' stands for a lost byte (a '?' is also just a '?')."""
_INNER_QUESTION_PENALTY = 0.3
"""The same for a '?' between a lead byte and a continuation (``â?¬``), where
no sentence puts a question mark."""
_SPACE_PENALTY = 0.4
"""Cost of assuming an A0 byte turned into a space (the commonest loss:
software that takes byte A0 for a no-break space and "normalises" it)."""
_PEEL_GAIN = 1.0
_SAME_PAGE_GAIN = 0.05
_ISLAND_COST = 1.5
_CONTEXT = 24
_TIE = 0.6
_WINDOW = 256
_CLEAR_GAIN = 3.5
_SAME_PAGE_BONUS = 0.5


class Candidate(NamedTuple):
    """A run of text that decodes as UTF-8 through some code page(s).

    (A named tuple: tens of thousands are made for a damaged document.)
    """

    start: int
    end: int
    original: str
    replacement: str
    chain: tuple[str, ...]
    """Code pages undone, outermost first."""
    gain: float
    """Cost saved by the repair in its context (positive: repair is better)."""
    suspicious: bool
    """Whether the run holds a suspicious pair, or is a letter in a foreign
    script that its repair brings back to the script around it."""
    island: float
    """The part of ``gain`` owed to the script around the run."""
    lossy: bool
    """Whether bytes lost in transit (A0 -> space, undefined -> U+FFFD) were assumed."""
    breaks_caps: bool = False
    """Whether the run goes on a word in capitals and its repair would end
    that word in small letters (``ТАСС”``: ``С”`` is windows-1251 for ``є``)."""
    quotes_word: bool = False
    """Whether the run is a quotation mark and the letter it opens or closes a
    word with, and its repair one letter (``“їжак``: ``“ї`` is Mac Cyrillic
    for ``һ``; ``СССР”``: ``Р”`` is windows-1251 for ``Д``)."""


_CLOSERS = frozenset("»”’…")
_OPENERS = frozenset("«„“‘")
# A Latin letter touching a Cyrillic one: the trace of UTF-8 Latin read with a
# Cyrillic code page (``MГҰlaga``) even where the pair itself looks fine.
_LAT = "A-Za-z\\u00c0-\\u024f"
_GRK = "\\u0370-\\u03ff"
_CYR = "\\u0400-\\u04ff"
_MIXED = re.compile(
    f"[{_LAT}][{_GRK}{_CYR}]|[{_GRK}{_CYR}][{_LAT}]|[{_GRK}][{_CYR}]|[{_CYR}][{_GRK}]"
)


def _benign(a: str, b: str) -> bool:
    """Whether lead ``a`` then continuation ``b`` is ordinary text anyway."""
    if a == "â" and b in E2_SECOND:
        return False  # â€, â„, âœ: no language writes these (see score._E2_SECOND)
    ia, ib = char_info(a), char_info(b)
    if ia.kind == "L" and ia.cost < 0.3 and b in _CLOSERS:
        return True
    if ib.kind == "L" and ib.cost < 0.3 and a in _OPENERS:
        return True
    if b == "\u00ad" and (a == b or ia.kind == "L" and ia.lower and ia.cost < 0.3):
        # a soft hyphen inside a word (``Прив\u00adет``, common in scraped
        # Russian), not iso-8859-5 for ``ҭ``
        return True
    return (
        ia.kind == "L" and ib.kind == "L" and ia.script == ib.script
        and ia.cost < 0.3 and ib.cost < 0.3 and not (ia.lower and ib.upper)
    )


def _pairs_regex(groups: Mapping[str, frozenset[str]]) -> re.Pattern[str]:
    """One regex matching ``a b`` for lead ``a`` and ``b`` in ``groups[a]``."""
    by_set: dict[frozenset[str], list[str]] = {}
    for lead, conts in groups.items():
        if conts:
            by_set.setdefault(conts, []).append(lead)
    if not by_set:
        return re.compile("(?!)")

    def cls(chars: Iterable[str]) -> str:
        return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"

    leads = cls(c for ls in by_set.values() for c in ls)
    branches = "|".join(
        "(?<=" + cls(ls) + ")" + cls(conts) for conts, ls in by_set.items()
    )
    return re.compile(leads + "(?:" + branches + ")")


def _suspicious_groups(cp: CodePage) -> dict[str, frozenset[str]]:
    leads = cp.lead2 + cp.lead3 + cp.lead4
    groups: dict[str, frozenset[str]] = {}
    for a in leads:
        groups[a] = frozenset(b for b in cp.cont if not _benign(a, b))
    if cp.lossy:
        for a in cp.lead2:
            groups[a] = groups[a] | {"\ufffd"}
        for b in _SPACE_LEAD2:
            groups[cp.decode[b]] = groups[cp.decode[b]] | {" "}
        for b in _QUESTION_LEAD2:
            groups[cp.decode[b]] = groups[cp.decode[b]] | {"?"}
    return groups


@lru_cache(maxsize=16384)
def _suspicious_run(seg: str) -> bool:
    """Whether any two neighbours in a run are more than two plain letters."""
    return any(not _benign(a, b) for a, b in zip(seg, seg[1:], strict=False))


@cache
def suspicious_regex(name: str) -> re.Pattern[str]:
    """Suspicious lead/continuation pairs of one code page."""
    return _pairs_regex(_suspicious_groups(table(name)))


_COMMON_PUNCT = frozenset("«»“”‘’—–…№\u00a0")
# Every UTF-8 sequence seen through any of the code pages holds a character
# outside ASCII and this common punctuation: text without one is done.
_PREFILTER = re.compile("[^\\x00-\\x7f" + "".join(sorted(_COMMON_PUNCT)) + "]")


@lru_cache(maxsize=1)
def _gate_classes() -> dict[str, str]:
    """The character classes (regex ``[...]``) of :func:`gates`, by name."""
    leads: set[str] = set()
    conts: set[str] = set()
    for name in CODEPAGES:
        cp = table(name)
        leads.update(cp.lead2 + cp.lead3 + cp.lead4)
        conts.update(cp.cont)
    suspect = {"\ufffd"}  # a byte already lost: its sequence may be around it
    for c in leads | conts:
        info = char_info(c)
        if c in _COMMON_PUNCT or c.isascii():
            continue
        if info.kind not in "LNZ" or info.cost >= 0.3:
            suspect.add(c)
    lower = {c for c in leads if char_info(c).lower}
    upper = {c for c in leads | conts if char_info(c).upper and not c.isascii()}
    capitals = {c for c in leads if char_info(c).upper and not c.isascii()}
    # lead bytes whose A0 byte may have become a space (``Å veices``)
    spaced = {table(name).decode[b] for name in CODEPAGES if table(name).lossy
              for b in _SPACE_LEAD2}

    def cls(chars: Iterable[str]) -> str:
        return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"

    return {
        "suspect": cls(suspect), "dash": "[–—‚„]", "opening": "[«“‘¿¡‹]",
        "e2": cls(E2_SECOND), "lower": cls(lower), "upper": cls(upper),
        "capitals": cls(capitals), "spaced": cls(spaced),
    }


_LETTER = "[^\\W\\d_]"


@lru_cache(maxsize=1)
def gates() -> tuple[re.Pattern[str], ...]:
    """Cheap regexes whose hits are the only places mojibake can start.

    Each starts with a character class, so the regex engine scans for it in C.
    Together they over-approximate the suspicious pairs of every code page
    (:func:`suspicious_regex`), which are then checked at the hits only:

    * a character no clean text needs next to letters of its own script
      (symbols, box drawing, controls, rare letters) that some code page
      makes of a lead or continuation byte;
    * a dash or opening mark glued to a letter (Mac Roman, Mac Cyrillic;
      ``RÄ«ga``);
    * ``â`` before what windows-1252 makes of bytes 80-9F (``âœ”``);
    * a lower-case letter followed by a non-ASCII capital;
    * a non-ASCII capital followed by a no-break space (``Å\u00a0koda``),
      or a lead byte whose A0 may have become a space before one (``Å veices``);
    * Latin and Cyrillic letters touching.

    :func:`_gate_hits` finds the same places with fewer scans.

    >>> any(g.search("cafÃ©") for g in gates())
    True
    >>> any(g.search("Привет, всё её «Группа В»") for g in gates())
    False
    """
    c = _gate_classes()
    return (
        re.compile(c["suspect"]),
        re.compile(c["dash"] + f"(?={_LETTER})"),
        re.compile(c["opening"] + f"(?<={_LETTER}.)(?={_LETTER})"),
        re.compile("â" + c["e2"]),
        re.compile(c["lower"] + c["upper"]),
        re.compile(c["capitals"] + "\u00a0"),
        re.compile(c["spaced"] + " "),
        re.compile(f"[{_LAT}][{_GRK}{_CYR}]"),
        re.compile(f"[{_GRK}{_CYR}][{_LAT}]"),
        re.compile(f"[{_GRK}][{_CYR}]"),
        re.compile(f"[{_CYR}][{_GRK}]"),
    )


@lru_cache(maxsize=1)
def _one_character_gate() -> re.Pattern[str]:
    """The gates of :func:`gates` whose matches turn on one character and a
    look at its neighbours (all but ``â``, the lower-upper pair and the
    mixed scripts), as one regex that consumes that character: it leads
    with the union of their classes, so the engine skips in C to the next
    candidate, and a lookbehind then tells which gate's class it is in.
    Its matches start where one of those gates' matches start."""
    c = _gate_classes()
    parts = (
        (c["suspect"], ""),
        (c["dash"], f"(?={_LETTER})"),
        (c["opening"], f"(?<={_LETTER}.)(?={_LETTER})"),
        (c["capitals"], "(?=\u00a0)"),
        (c["spaced"], "(?= )"),
    )
    union = "[" + "".join(cls[1:-1] for cls, _ in parts) + "]"
    return re.compile(union + "(?:" + "|".join(f"(?<={cls}){tail}" for cls, tail in parts) + ")")


_MIXED_GATES = 4
"""The last gates of :func:`gates`: the alternatives of ``_MIXED``, letters of
two scripts touching (their hits are where ``_MIXED`` matches)."""


def _gate_hits(text: str) -> tuple[list[int], list[int] | None]:
    """Positions of every gate hit (each once), sorted, and those of the
    last ``_MIXED_GATES`` gates; or, in a document full of hits (more than
    one per ``_WINDOW`` characters, when every run is scanned anyway), only
    as many as it takes to tell, and None.

    The same places as the matches of :func:`gates`, found with three scans
    (:func:`_one_character_gate`, ``â``, the lower-upper pair) and the mixed
    scripts tried only where two scripts touch
    (:func:`cleantext.script_pairs.mixed_pair_starts`).

    >>> _gate_hits("cafÃ© and Kаzаkh".ljust(3000))  # Cyrillic а twice
    ([3, 4, 10, 11, 12, 13], [10, 11, 12, 13])
    """
    enough = len(text) // _WINDOW + 1
    g = gates()
    found: set[int] = set()
    for gate in (_one_character_gate(), g[3], g[4]):
        found.update(m.start() for m in islice(gate.finditer(text), enough - len(found)))
        if len(found) >= enough:
            return sorted(found), None
    mixed: list[int] = []
    mixed_gates = g[len(g) - _MIXED_GATES:]
    for i in mixed_pair_starts(text):
        if any(gate.match(text, i) for gate in mixed_gates):
            mixed.append(i)
    found.update(mixed)
    if len(found) >= enough:
        return sorted(found), None
    return sorted(found), mixed


_GRAVE_WORDS = ("quele", "quela", "quilo", "s ")
"""What follows ``Ã `` (à whose A0 byte became a space) when that space was
the byte alone: Portuguese ``àquele``, ``às``; elsewhere (French ``à``, a word
of its own) a space that followed it was coalesced into the lost byte (ftfy's
``A_GRAVE_WORD_RE``)."""


def _spaced_before(ch: str) -> bool:
    """Whether a word-final à was likely followed by a space before ``ch``:
    not before a space, a closing or inner punctuation mark (``voilà,``)."""
    return not ch.isspace() and unicodedata.category(ch) not in ("Pe", "Pf", "Po")


def _keeps_space(text: str, end: int) -> bool:
    """Whether a run ending at ``end`` in a lost A0 byte also held the space
    that followed it (``voilÃ le`` is ``voilà le``, ``Ã s`` is ``às``)."""
    return (
        end < len(text) and _spaced_before(text[end])
        and not text.startswith(_GRAVE_WORDS, end)
    )


def _decode(seg: str, cp: CodePage, keep: bool = False) -> tuple[str, bool] | None:
    """Decode a run found by ``cp.segment``; None when it is not valid UTF-8.

    A sequence with a lost byte (U+FFFD or '?') decodes to U+FFFD; a space in
    a sequence is its lost A0 byte. ``Ã `` (C3 A0, à) followed by more of the
    run that a space could precede, or at the end of the run when ``keep``
    (see :func:`_keeps_space`), keeps a space after the à: the two spaces
    were coalesced into one.
    """
    if not cp.lossy or (" " not in seg and "\ufffd" not in seg and "?" not in seg):
        # (``cp.encode`` without its test that every character is the code
        # page's: a run of ``cp.segment`` without those three holds only its
        # lead and continuation bytes' characters)
        try:
            return seg.translate(cp.latin1).encode("latin-1").decode("utf-8"), False
        except UnicodeError:  # (invalid UTF-8: an overlong or surrogate form)
            return None
    out: list[str] = []
    i, n = 0, len(seg)
    grave = cp.decode[0xC3] + " "
    graves: list[int] = []
    while i < n:
        c = seg[i]
        size = 2 if c in cp.lead2 else 3 if c in cp.lead3 else 4
        part = seg[i:i + size]
        i += size
        if "\ufffd" in part or "?" in part:
            out.append("\ufffd")
            continue
        try:
            raw = bytes(0xA0 if ch == " " else cp.to_byte[ch] for ch in part)
            out.append(raw.decode("utf-8"))
        except (KeyError, UnicodeDecodeError):
            return None
        if part == grave:
            graves.append(len(out) - 1)
    for k in graves:
        if (keep and k == len(out) - 1) or (k + 1 < len(out) and _spaced_before(out[k + 1][0])):
            out[k] += " "
    return "".join(out), True


@lru_cache(maxsize=4096)
def _neighbour(ch: str) -> str:
    """A representative of ``ch`` for caching (same cost behaviour).

    A neighbour enters a judgement only through the cost model
    (:func:`cost`), which tells ASCII characters apart by their kind alone:
    letters by case, digits, the four spaces (``" \\t\\n\\r"``), controls, and
    the rest (punctuation and symbols); and any other character but those
    of ``MARKED`` by its :func:`char_info` alone: a Russian small letter is
    as good as ``а``. So ``"слово,"`` and ``"слово."`` share one judgement.

    >>> [_neighbour(c) for c in "Xx7\\n,$éжЖ«"]
    ['A', 'a', '0', ' ', '.', '.', 'é', 'а', 'А', '«']
    """
    if not ch:
        return ch
    if not ch.isascii():
        if ch in MARKED:
            return ch
        info = char_info(ch)
        for twin in _TWINS:
            if char_info(twin) == info:
                return twin
        return ch
    if ch.isalpha():
        return "A" if ch.isupper() else "a"
    if ch.isdigit():
        return "0"
    if ch in " \t\n\r":
        return " "
    if ch < " " or ch == "\x7f":
        return ch
    return "."


_TWINS = "аАéÉοΟ"
"""The representatives of the commonest letters beyond ASCII (Cyrillic,
Latin and Greek, small and capital) for :func:`_neighbour`."""


def _peel(
    text: str, left: str, right: str, scripts: tuple[str, str], depth: int, outer: str
) -> tuple[str, tuple[str, ...]]:
    """Undo further layers of mojibake inside a run decoded with ``outer``.

    Text decoded twice is usually decoded twice the same way: an inner layer in
    the same code page is taken when it is no worse, another code page only
    when it is clearly better; and the inner layer must explain all of it.
    """
    if depth >= MAX_LAYERS or text.isascii():
        return text, ()
    pages = _pages_with_runs(text)
    if not pages:
        return text, ()
    found = _scan(text, left, right, depth, scripts, pages=pages)

    def bonus(c: Candidate) -> float:
        return c.gain + (_SAME_PAGE_BONUS if c.chain[0] == outer else 0.0)

    # (an inner layer that assumes lost bytes must be clearly better: the
    # U+FFFD of the outer layer next to a letter is no sign of a loss)
    best = [
        c for c in found
        if (c.gain - max(c.island, 0.0) >= _SAME_PAGE_GAIN and c.chain[0] == outer
            and not c.lossy)
        or c.gain - max(c.island, 0.0) >= _PEEL_GAIN
    ]
    if not best:
        return text, ()
    chosen = _non_overlapping(best, bonus)
    # Text decoded twice is mojibake from end to end after the first decoding:
    # an inner layer must explain every non-ASCII character of it, or it is
    # only a coincidence (the Russian "СССР\u00a0в" holds "Р\u00a0", which is
    # windows-1251 for "Р").
    covered = sum(c.end - c.start for c in chosen)
    if covered < len(text) - sum(ch.isascii() for ch in text):
        return text, ()
    parts: list[str] = []
    pos = 0
    chain: tuple[str, ...] = ()
    for c in chosen:
        parts.append(text[pos:c.start])
        parts.append(c.replacement)
        pos = c.end
        if len(c.chain) > len(chain):
            chain = c.chain
    parts.append(text[pos:])
    return "".join(parts), chain


@lru_cache(maxsize=16384)
def _pages_with_runs(text: str) -> tuple[str, ...]:
    """The code pages that find a run of UTF-8 in ``text``, in their order
    (most decoded runs are plain words: nothing to peel, nothing to scan)."""
    if len(text) < 2:
        return ()
    # (a run needs a lead byte's character and one that may follow it: only
    # the code pages with characters of both kinds in ``text`` may have one)
    leads, seconds = _page_masks()
    lead = second = 0
    for ch in set(text):
        lead |= leads.get(ch, 0)
        second |= seconds.get(ch, 0)
    both = lead & second
    if not both:
        return ()
    return tuple(name for name, segment in _pages_of(both) if segment.search(text))


@lru_cache(maxsize=1024)
def _pages_of(mask: int) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The code pages of a bitmask of :func:`_page_masks`, with their run regex."""
    return tuple(
        (name, table(name).segment) for k, name in enumerate(CODEPAGES) if mask >> k & 1
    )


@lru_cache(maxsize=1)
def _page_masks() -> tuple[dict[str, int], dict[str, int]]:
    """Per character, the code pages (bit ``k`` for ``CODEPAGES[k]``) where
    it is a lead byte, and those where it may follow a lead byte in a run
    (a continuation byte, or a mark of a lost byte where ``CodePage.lossy``)."""
    leads: dict[str, int] = {}
    seconds: dict[str, int] = {}
    for k, name in enumerate(CODEPAGES):
        cp = table(name)
        for ch in cp.lead2 + cp.lead3 + cp.lead4:
            leads[ch] = leads.get(ch, 0) | 1 << k
        for ch in set(cp.cont) | ({"\ufffd", " ", "?"} if cp.lossy else set()):
            seconds[ch] = seconds.get(ch, 0) | 1 << k
    return leads, seconds


@lru_cache(maxsize=16384)
def _cost(text: str, left: str, right: str) -> float:
    """:func:`cost`, cached: a run is judged again with the scripts around."""
    return cost(text, left, right)


def _islands(text: str, scripts: tuple[str, str]) -> tuple[bool, bool]:
    """(has a letter in a script neither neighbouring word uses, has letters).

    The Greek letters of science are no island (``10μs``, ``IL2Rγ``)."""
    has_letters = False
    for ch in text:
        info = char_info(ch)
        if info.kind == "L":
            has_letters = True
            if info.script not in scripts and ch not in SCIENCE_GREEK:
                return True, True
    return False, has_letters


@lru_cache(maxsize=16384)
def _judge(
    seg: str, name: str, left: str, right: str, scripts: tuple[str, str], depth: int,
    keep: bool = False,
) -> tuple[str, tuple[str, ...], float, bool, bool, float] | None:
    cp = table(name)
    decoded = _decode(seg, cp, keep)
    if decoded is None:
        return None
    text, lossy = decoded
    inner: tuple[str, ...] = ()
    if depth + 1 >= MAX_LAYERS or text.isascii() or not _pages_with_runs(text):
        final = text  # (nothing to peel: most runs, asked before the call)
    else:
        final, inner = _peel(text, left, right, scripts, depth + 1, name)
    if lossy:
        # a U+FFFD stands for a character already lost, before and after the
        # repair: it costs nothing of its own on either side, only its
        # neighbours are judged (``SlovenÄ\ufffdina`` is mojibake, but
        # ``café\u00a0\ufffd`` is not); each lost byte assumed costs
        gain = _cost(seg, left, right) - _cost(final, left, right) + _FFFD_COST * (
            final.count("\ufffd") - seg.count("\ufffd"))
        gain -= _FFFD_PENALTY * seg.count("\ufffd") + _question_cost(seg, cp)
        gain -= _SPACE_PENALTY * seg.count(" ")
    else:
        gain = _cost(seg, left, right) - _cost(final, left, right)
    island_fixed = False
    island = 0.0
    if any(scripts):
        seg_island, _ = _islands(seg, scripts)
        fin_island, fin_letters = _islands(final, scripts)
        # a foreign letter that becomes a symbol or emoji is suspicious; one
        # that becomes a letter of the script around is not enough on its own
        # (KOI8-R reads the Russian ``её`` as a valid sequence for ``ţ``)
        island = _ISLAND_COST * (seg_island - fin_island)
        # (a combining mark on its own is no symbol: ``ран`` after a Latin
        # ``İ`` is cp866 for Samaritan ``\u082d``)
        island_fixed = seg_island and not fin_letters and not _lone_mark(final)
    return final, _chain(name, inner), gain + island, lossy, island_fixed, island


@lru_cache(maxsize=256)
def _chain(outer: str, inner: tuple[str, ...]) -> tuple[str, ...]:
    """``(outer,) + inner``, one tuple for all candidates of that chain (fewer
    objects for the cyclic collector to walk)."""
    return (outer,) + inner


def _lone_mark(text: str) -> bool:
    """Whether ``text`` starts with a combining mark (no letter it could sit on).

    >>> _lone_mark("\u082d"), _lone_mark("€")
    (True, False)
    """
    return bool(text) and unicodedata.category(text[0]).startswith("M")


def _mixed_points(text: str) -> list[int]:
    """Every position where a pair of letters of two scripts starts,
    overlapping pairs included: ``_MIXED`` tried where
    :func:`cleantext.script_pairs.mixed_pair_starts` says two scripts touch
    (cached for the document, not for the short texts of inner layers)."""
    find = mixed_pair_starts if len(text) > _LONG_TEXT else mixed_pair_starts.__wrapped__
    return [i for i in find(text) if _MIXED.match(text, i)]


_LONG_TEXT = 4096
"""Texts longer than this (documents, not runs) have their mixed points
found at once, from the cached class bytes of the text."""


def _touches(mixed: list[int], s: int, e: int) -> bool:
    """Whether a point of ``mixed`` (where two scripts touch, a pair starting
    there) lies within the run ``[s, e)`` or on its edges."""
    k = bisect_left(mixed, s - 1)
    return k < len(mixed) and mixed[k] <= e - 1


class _Mixed:
    """Where letters of two scripts touch in a text (few places, if any)."""

    _DENSE = 64
    """Questions after which all the points are found at once."""

    def __init__(self, text: str, points: list[int] | None = None) -> None:
        self.text = text
        self.points = points
        self.any: bool | None = None  # (looked for at the first question)
        self.asked = 0

    def _look(self) -> bool:
        points, text = self.points, self.text
        if points is None and len(text) > _LONG_TEXT:
            points = self.points = _mixed_points(text)
        self.any = bool(points) if points is not None else _MIXED.search(text) is not None
        return self.any

    def touches(self, s: int, e: int) -> bool:
        """Whether such a pair lies within the run ``[s, e)`` or on its edges."""
        if not (self._look() if self.any is None else self.any):
            return False
        if self.points is None:
            self.asked += 1
            if self.asked <= self._DENSE:
                return _MIXED.search(self.text, max(s - 1, 0), e + 1) is not None
            self.points = _mixed_points(self.text)
        return _touches(self.points, s, e)


def _mends_mixing(text: str, s: int, e: int, final: str) -> bool:
    """Whether the run touches a letter of another script and its repair has
    only letters of that script (``MГҰlaga`` -> ``Málaga``; not ``Cтоп``)."""
    if _MIXED.search(text, max(s - 1, 0), min(e + 1, len(text))) is None:
        return False
    around = {
        char_info(text[j]).script
        for j in (s - 1, e) if 0 <= j < len(text) and char_info(text[j]).kind == "L"
    }
    letters = [char_info(ch) for ch in final if char_info(ch).kind == "L"]
    return bool(letters) and all(i.script in around for i in letters) and all(
        char_info(ch).script not in around for ch in text[s:e] if char_info(ch).kind == "L"
    )


@lru_cache(maxsize=4096)
def _letter_script(ch: str) -> str | None:
    """The script of ``ch`` if the model takes it for a letter, else None."""
    if ch.isalpha():
        info = char_info(ch)
        if info.kind == "L":
            return info.script
    return None


def _context_scripts(
    text: str, spans: list[tuple[int, int]], i: int
) -> tuple[str, str]:
    """Scripts of the nearest letters around run ``i``, outside the other runs.

    Runs of the same code page are skipped: where a whole document is mojibake
    its neighbouring runs are no evidence of the script around. The search
    stops at a paragraph break (a blank line), so that a document repaired in
    chunks cut there decides like the whole.
    """
    s, e = spans[i]
    left = right = ""
    k, j, seen = i - 1, s - 1, 0
    while j >= 0 and seen < _CONTEXT:
        if k >= 0 and j < spans[k][1]:
            j = spans[k][0] - 1
            k -= 1
            continue
        ch = text[j]
        if ch == "\n" and _blank_before(text, j):
            break
        script = _letter_script(ch)
        if script is not None:
            left = script
            break
        seen += 1
        j -= 1
    k, j, seen, n = i + 1, e, 0, len(text)
    while j < n and seen < _CONTEXT:
        if k < len(spans) and j >= spans[k][0]:
            j = spans[k][1]
            k += 1
            continue
        ch = text[j]
        if ch == "\n" and _BLANK_AFTER.match(text, j + 1) is not None:
            break
        script = _letter_script(ch)
        if script is not None:
            right = script
            break
        seen += 1
        j += 1
    return left, right


def _all_context_scripts(
    text: str, spans: list[tuple[int, int]]
) -> list[tuple[str, str]]:
    """:func:`_context_scripts` of every run at once, in one walk each way
    over the gaps between the runs (the same answers: a run whose nearest
    letter lies beyond the previous run takes that run's answer, further by
    the gap between them)."""
    lefts = _nearest_scripts(text, spans, leftwards=True)
    rights = _nearest_scripts(text, spans, leftwards=False)
    return list(zip(lefts, rights, strict=True))


def _nearest_scripts(text: str, spans: list[tuple[int, int]], leftwards: bool) -> list[str]:
    """For each run, the script of the nearest letter on one side outside
    the runs (within ``_CONTEXT`` characters), or ``""``: one walk over the
    gaps, from the first run rightwards or from the last leftwards."""
    m = len(spans)
    out = [""] * m
    script: str | None = None
    dist = _CONTEXT
    letter_script = _letter_script
    blank_after = _BLANK_AFTER.match
    # (each gap is scanned inline, from the run outwards, for the first
    # letter within ``_CONTEXT`` other characters, stopping at a paragraph
    # break: there is one gap per run, most of a character or two)
    if leftwards:
        lo = 0  # the far end of the gap before this run
        for i in range(m):
            s, e = spans[i]
            if s > lo:  # (runs that touch leave no gap: nothing changes)
                seen, j = 0, s - 1
                while j >= lo and seen < _CONTEXT:
                    ch = text[j]
                    found = letter_script(ch)
                    if found is not None:
                        script, dist = found, seen
                        break
                    if ch == "\n" and _blank_before(text, j):
                        dist = _CONTEXT
                        break
                    seen += 1
                    j -= 1
                else:
                    dist = dist + seen if seen < _CONTEXT else _CONTEXT
            if script is not None and dist < _CONTEXT:
                out[i] = script
            lo = e
        return out
    hi = len(text)
    for i in range(m - 1, -1, -1):
        s, e = spans[i]
        if hi > e:
            seen, j = 0, e
            while j < hi and seen < _CONTEXT:
                ch = text[j]
                found = letter_script(ch)
                if found is not None:
                    script, dist = found, seen
                    break
                if ch == "\n" and blank_after(text, j + 1) is not None:
                    dist = _CONTEXT
                    break
                seen += 1
                j += 1
            else:
                dist = dist + seen if seen < _CONTEXT else _CONTEXT
        if script is not None and dist < _CONTEXT:
            out[i] = script
        hi = s
    return out


# A newline that ends or starts a blank line: another newline, only
# whitespace between (the paragraph breaks where stream.split_chunks cuts).
_BLANK_AFTER = re.compile(r"[^\S\n]*\n")


def _blank_before(text: str, j: int) -> bool:
    """Whether the newline at ``j`` ends a blank line."""
    k = j - 1
    while k >= 0 and text[k] != "\n" and text[k].isspace():
        k -= 1
    return k >= 0 and text[k] == "\n"


def _spans_near(
    text: str, segment: re.Pattern[str], sus: re.Pattern[str], hits: list[int]
) -> list[tuple[int, int]]:
    """The runs of one code page around the gate hits that are suspicious
    pairs in that code page (or mixed-script points).

    Looks only around the hits, so clean text full of innocent runs (Russian
    read through cp866 is full of them) costs C-level scans, not Python loops.
    """
    spans: list[tuple[int, int]] = []
    n = len(text)
    last_end = -1
    for p in hits:
        if p < last_end:
            continue
        if not (
            sus.match(text, p) or (p > 0 and sus.match(text, p - 1))
            or _MIXED.match(text, p)
        ):
            continue
        lo = max(0, p - _WINDOW)
        for m in segment.finditer(text, lo, min(n, p + _WINDOW)):
            s, e = m.span()
            if e < p:
                continue
            if s > p + 2:
                break
            if s >= last_end:
                spans.append((s, e))
                last_end = e
    return spans


def _scan(
    text: str, left: str, right: str, depth: int, outer_scripts: tuple[str, str] = ("", ""),
    force: frozenset[str] = frozenset(), only: str | None = None, innocent: bool = False,
    hits: list[int] | None = None, pages: tuple[str, ...] = CODEPAGES,
    mixed_points: list[int] | None = None,
) -> list[Candidate]:
    """Judge the runs of ``text``.

    At depth 0 (the document itself) only runs that look suspicious are
    judged, except in the code pages of ``force``; with ``innocent`` only the
    runs that do not (the complement, for a second look). Only the code pages
    of ``pages`` are searched (those known to find runs in ``text``).
    """
    found: list[Candidate] = []
    n = len(text)
    mixed = _Mixed(text, mixed_points)
    if hits is None:
        hits = _gate_hits(text)[0] if depth == 0 else []
    for name in (only,) if only else pages:
        cp = table(name)
        every = depth > 0 or name in force
        if every or len(hits) * _WINDOW > n:
            # (hits everywhere, a document full of mojibake: one full scan is
            # cheaper than a window around each hit)
            spans = [m.span() for m in cp.segment.finditer(text)]
        else:
            spans = _spans_near(text, cp.segment, suspicious_regex(name), hits)
            if not spans:
                continue
        check = not every or innocent
        lossy_page = cp.lossy
        contexts: list[tuple[str, str]] | None = None
        soup: _SymbolSoup | None = None
        soup_end, soup_line = -1, False  # the line of the last run asked about
        last = len(spans) - 1
        for i, (s, e) in enumerate(spans):
            seg = text[s:e]
            odd: bool | None = None  # _suspicious_run(seg), once asked
            if check:
                odd = _suspicious_run(seg)
                if (odd or mixed.touches(s, e)) == innocent:
                    continue
            ln = _neighbour(text[s - 1] if s > 0 else left)
            rn = _neighbour(text[e] if e < n else right)
            keep = lossy_page and seg[-1] == " " and _keeps_space(text, e)
            judged = _judge(seg, name, ln, rn, outer_scripts, depth, keep)
            if judged is None:
                continue
            if judged[2] < _CLEAR_GAIN:
                # the script around can change the verdict: look at it
                if contexts is None:
                    contexts = _all_context_scripts(text, spans)
                ls, rs = contexts[i]
                scripts = (ls or outer_scripts[0], rs or outer_scripts[1])
                if scripts != outer_scripts:
                    judged = _judge(seg, name, ln, rn, scripts, depth, keep)
                    if judged is None:
                        continue
            final, chain, gain, lossy, island_fixed, island = judged
            if final == seg or (gain < 0 and not (
                lossy and gain >= _lost_cost(seg) and not _genuine_after(text, e, spans, i + 1)
            )):
                # a repair that costs more than it saves is never made,
                # reported, peeled, nor counted as evidence (but for the
                # assumption of lost bytes: see _restores_lost)
                continue
            if island_fixed:
                suspicious = True
            else:
                if odd is None:
                    odd = _suspicious_run(seg)
                suspicious = odd or (
                    mixed.touches(s, e) and _mends_mixing(text, s, e, final)
                )
            # (each test below first asks cheaply whether it can apply at all)
            if suspicious and (
                (seg[-1] == "\u00a0" and _glues_foreign_letter(text, s, e, final))
                or (depth == 0 and len(final) == 1 and _inside_intact_word(
                    text, s if i == 0 or spans[i - 1][1] != s else -1,
                    e if i == last or spans[i + 1][0] != e else -1, final,
                ))
            ):
                suspicious = False
            if suspicious and depth == 0:
                if s >= soup_end:  # (the runs come in order: a new line)
                    if soup is None:
                        soup = _SymbolSoup(text, spans, name)
                    soup_end, soup_line = soup.line(s)
                suspicious = not soup_line
            found.append(_new_candidate(Candidate, (
                s, e, seg, final, chain, gain, suspicious, island, lossy,
                s >= 2 and text[s - 1].isupper() and _breaks_caps(text, s, seg, final),
                e - s == 2 and len(final) == 1 and _quotes_word(text, s, e, final),
            )))
    return found


_new_candidate = tuple.__new__
"""Makes a :class:`Candidate` from a tuple of its fields without the Python
frame of its ``__new__`` (tens of thousands are made for a damaged document)."""


_QUOTE_MARKS = _OPENERS | _CLOSERS | frozenset("‚'\"›‹") - {"…"}


def _quotes_word(text: str, s: int, e: int, final: str) -> bool:
    """Whether the run is a quotation mark that opens or closes a word of two
    letters or more and the letter next to it, and its repair one letter:
    what a quoted word looks like in clean text (a pass after the first sees
    ``“їжак`` and ``СССР”`` repaired). A one-letter word is not taken for
    one: ``Р’ Москве`` is windows-1251 for ``В Москве``."""
    if e - s != 2 or len(final) != 1 or not final.isalpha():
        return False
    a, b = text[s], text[e - 1]
    if a in _QUOTE_MARKS and b.isalpha():
        return (s == 0 or not text[s - 1].isalnum()) and e < len(text) and text[e].isalpha()
    if b in _QUOTE_MARKS and a.isalpha():
        return (e == len(text) or not text[e].isalnum()) and s > 0 and text[s - 1].isalpha()
    return False


def _breaks_caps(text: str, s: int, seg: str, final: str) -> bool:
    """Whether ``seg`` (at ``s``) opens with a capital that goes on a word in
    capitals (two before it) and its repair has a small letter."""
    return (
        s >= 2 and seg[0].isupper() and text[s - 1].isupper() and text[s - 2].isupper()
        and any(ch.islower() for ch in final)
    )


def _glues_foreign_letter(text: str, s: int, e: int, final: str) -> bool:
    """Whether the repair turns a one-letter word and the no-break space after
    it into a letter glued to the next word, where that letter is a common
    one of its alphabet (``Г\u00a0the`` is windows-1251 for ``àthe``, but also
    the letter Г before a no-break space; ``Å\u00a0the`` is windows-1252 for
    ``Šthe``, but also the Nordic word Å; ``Ã\u00a0`` is no word): such a
    run is no evidence on its own, only with the document's."""
    seg = text[s:e]
    if not (seg.endswith("\u00a0") and final[-1:].isalpha() and e < len(text)
            and text[e].isalpha() and (s == 0 or not text[s - 1].isalnum())):
        return False
    lead = char_info(seg[0])
    return lead.kind == "L" and lead.cost < 0.5


def _inside_intact_word(text: str, s: int, e: int, final: str) -> bool:
    """Whether the run, repaired to one letter, sits inside a word between
    two letters outside ASCII that are left as they are, of the script of
    that letter: UTF-8 writes every such letter in two bytes or more, so in
    a word read through the wrong code page they would not stay whole.
    ``аП`` in ``КонцаПролога`` is iso-8859-5 for ``п``, but the ``ц`` and
    ``р`` around it are intact Russian: a CamelCase word, no evidence on its
    own, only with the document's. (One side is not enough: a later pass
    sees words whose other runs an earlier one repaired.)

    A side given as -1 is not looked at (another run of the code page
    begins or ends there).

    >>> _inside_intact_word("КонцаПролога", 4, 6, "п"), _inside_intact_word("аП", 0, 2, "п")
    (True, False)
    >>> _inside_intact_word("cafÃ©", 3, 5, "é")  # ASCII letters stay whole
    False
    """
    if len(final) != 1 or not final.isalpha() or s <= 0 or e < 0 or e >= len(text):
        return False
    if not text[s:e].isalpha():
        return False  # a chain's inner layer between repaired letters: ``╥Ц``
    script = char_info(final).script
    return all(
        ch.isalpha() and not ch.isascii() and char_info(ch).script == script
        for ch in (text[s - 1], text[e])
    )


_SOUP_MIN = 4
"""How many of a code page's symbols must stand outside its runs on a line
(and more than the characters of its runs there) for the line to be a soup
of that code page's symbols (see :class:`_SymbolSoup`)."""


class _SymbolSoup:
    """Which lines of a text are a soup of a code page's own symbols, most of
    them outside its runs: the Mac keyboard's Option row
    (``Ω≈ç√∫˜µ≤≥÷``) holds ``≈ç√∫``, which Mac Roman reads as UTF-8 for
    ``ōú``, by chance. In a line of real mojibake the code page's symbols
    stand in its runs (``Caf√© cr√®me``), not around them. Each line is
    looked at once, at its first run.

    >>> row = "Option row: Ω≈ç√∫˜µ≤≥÷ åß∂ƒ©˙∆˚¬…æ"
    >>> _SymbolSoup(row, [(13, 17), (26, 28)], "mac_roman").at(13)
    True
    >>> _SymbolSoup("Caf√© cr√®me ‚Ä¶", [(3, 5), (8, 10), (13, 16)], "mac_roman").at(3)
    False
    """

    def __init__(self, text: str, spans: list[tuple[int, int]], name: str) -> None:
        self._text = text
        self._spans = spans
        self._symbols = _symbols_of(name)

    def at(self, pos: int) -> bool:
        """Whether the line holding ``pos`` is such a soup."""
        return self.line(pos)[1]

    def line(self, pos: int) -> tuple[int, bool]:
        """Where the line holding ``pos`` ends, and whether it is such a soup
        (a caller going through the runs in order asks once per line)."""
        text = self._text
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        if end == -1:
            end = len(text)
        return end, self._soup(start, end)

    def _soup(self, start: int, end: int) -> bool:
        text, spans = self._text, self._spans
        # the line outside the runs on it (clipped to it), and how much of
        # it the runs hold
        k = max(0, bisect_left(spans, (start,)) - 1)
        outside: list[str] = []
        inside = 0
        pos = start
        count = len(spans)
        while k < count:
            a, b = spans[k]
            if a >= end:
                break
            k += 1
            if b > start:
                if a < start:
                    a = start
                if b > end:
                    b = end
                inside += b - a
                outside.append(text[pos:a])
                pos = b
        outside.append(text[pos:end])
        rest = "".join(outside)
        if rest.isascii():
            return False  # (the symbols are beyond ASCII: in mojibake, most lines)
        stray = len(self._symbols.findall(rest))
        return stray >= _SOUP_MIN and stray > inside


@cache
def _symbols_of(name: str) -> re.Pattern[str]:
    """The symbols and punctuation beyond ASCII that code page ``name`` writes."""
    chars = sorted(
        ch for ch in table(name).chars
        if not ch.isascii() and unicodedata.category(ch)[0] in "SP"
    )
    return re.compile("[" + "".join(re.escape(ch) for ch in chars) + "]")


def _non_overlapping(
    cands: Iterable[Candidate], score: Callable[[Candidate], float] = lambda c: c.gain
) -> list[Candidate]:
    """The best candidates by ``score`` that do not overlap, in text order."""
    order = {name: i for i, name in enumerate(CODEPAGES)}
    chosen: list[Candidate] = []
    taken = _Taken()
    for c in sorted(cands, key=lambda c: (-score(c), order[c.chain[0]], c.start)):
        if taken.claim(c.start, c.end):
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


class _Taken:
    """Positions already claimed by a chosen candidate (linear overall)."""

    def __init__(self, size: int = 0) -> None:
        self.marks = bytearray(size)

    def claim(self, start: int, end: int) -> bool:
        """Claim ``[start, end)`` unless any of it is taken."""
        if len(self.marks) < end:
            self.marks.extend(bytes(end - len(self.marks)))
        if self.marks.find(1, start, end) != -1:
            return False
        self.marks[start:end] = b"\x01" * (end - start)
        return True


def analyse(text: str, force: Iterable[str] = ()) -> tuple[list[Candidate], dict[str, float]]:
    """The candidates of ``text`` and the evidence they give (cached for the
    last few texts: the pipeline asks for the same text's evidence again)."""
    with cyclic_gc_paused():
        cands, ev = _analyse(text, frozenset(force))
    return list(cands), dict(ev)


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a document is analysed.

    A damaged document makes hundreds of thousands of candidates (named
    tuples, which the collector never stops tracking), and each full
    collection walks them all: 40% of the time on 1 MB of Cyrillic mojibake.
    The analysis makes no reference cycles; reference counting still frees
    everything. The collector's previous state is restored.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@lru_cache(maxsize=4)
def _analyse(
    text: str, force: frozenset[str]
) -> tuple[tuple[Candidate, ...], tuple[tuple[str, float], ...]]:
    cands, evidence = _candidates_and_evidence(text, force)
    return tuple(cands), tuple(evidence.items())


def candidates(text: str, force: Iterable[str] = ()) -> list[Candidate]:
    """Every run of ``text`` that decodes, with its repair and gain.

    Code pages in ``force`` (the document's, from evidence) are searched even
    where nothing in ``text`` itself looks suspicious.

    >>> [(c.replacement, c.chain) for c in candidates("cafÃ©") if c.gain > 1.5][:2]
    [('é', ('windows-1252',)), ('é', ('latin-1',))]
    """
    return _candidates_and_evidence(text, frozenset(force))[0]


def _candidates_and_evidence(
    text: str, forced: frozenset[str]
) -> tuple[list[Candidate], dict[str, float]]:
    """:func:`candidates` and their :func:`evidence_of`."""
    if text.isascii() or not _PREFILTER.search(text):
        return [], {}
    hits, mixed_points = _gate_hits(text)
    if not (forced or hits):
        return [], {}
    found = _scan(text, "", "", 0, force=forced, hits=hits, mixed_points=mixed_points)
    evidence = evidence_of(found)
    evidence.update(weak_evidence(text, found, evidence))
    if forced:
        return found, evidence
    # the runs that look innocent are only worth judging in the code page
    # that the clear cases point to (they are no evidence: a document given
    # in chunks is judged with the evidence of this first look over all
    # chunks, its dominant code pages forced)
    for best in dominant_codepages(evidence):
        found += _scan(
            text, "", "", 0, force=frozenset([best]), only=best, innocent=True, hits=hits,
            mixed_points=mixed_points,
        )
    return found, evidence


WEAK = "weak "
"""Evidence key prefix: the part of a code page's evidence that rests on
weak repairs only (see :func:`weak_evidence`)."""
FEEBLE = "feeble "
"""Evidence key prefix: the part of a code page's evidence owed to weak
repairs into rare characters."""


def weak_evidence(
    text: str, cands: list[Candidate], evidence: Mapping[str, float] | None = None
) -> dict[str, float]:
    """The parts of the evidence of ``cands`` that rest on weak repairs
    (:func:`weak_repair`): under ``WEAK + page``, how much less evidence the
    code page has without them; under ``FEEBLE + page``, the gain of those
    weak repairs that give rare characters (line art).

    Additive over a document's chunks, like the evidence itself. ``evidence``
    is ``evidence_of(cands)`` when the caller has it.
    """
    clear, fix = _CLEAR_GAIN, FIX_GAIN
    at = [
        i for i, c in enumerate(cands)
        # (is_evidence(c), inline)
        if c[1] - c[0] == 2 and c[6] and c[5] >= (clear if c[8] else fix) and len(c[4]) == 1
        and weak_repair(text, c[0], c[1], c[3])
    ]
    if not at:
        return {}
    weak = [cands[i] for i in at]
    full = evidence_of(cands) if evidence is None else evidence
    # the others, in their order: the slices between the weak ones
    pieces = [cands[a + 1:b] for a, b in zip([-1, *at], [*at, len(cands)], strict=True)]
    support = evidence_of(chain.from_iterable(pieces))
    out = {WEAK + page: v - support.get(page, 0.0) for page, v in full.items()}
    for c in weak:
        if rare_replacement(c.replacement, c.original):
            key = FEEBLE + c.chain[0]
            out[key] = out.get(key, 0.0) + c.gain
    return out


def is_evidence(c: Candidate) -> bool:
    """Whether a candidate counts as document evidence for its code page: a
    suspicious run whose repair saves ``FIX_GAIN`` (``_CLEAR_GAIN`` when it
    assumes lost bytes: a space or '?' read as a lost byte proves little
    unless the rest of the run is clearly mojibake)."""
    return c.suspicious and c.gain >= (_CLEAR_GAIN if c.lossy else FIX_GAIN)


def evidence_of(cands: Iterable[Candidate]) -> dict[str, float]:
    """Document evidence: per outer code page, the summed gain of clear repairs.

    A run that two code pages read as two different texts about equally well
    is evidence for neither.
    """
    # (most runs are read by one code page: a run's group is the candidate
    # itself until a second one comes)
    by_span: dict[tuple[int, int], Candidate | list[Candidate]] = {}
    get = by_span.get
    clear, fix = _CLEAR_GAIN, FIX_GAIN
    for c in cands:
        # (c: start, end, original, replacement, chain, gain, suspicious,
        # island, lossy, ...)
        if c[6] and c[5] >= (clear if c[8] else fix):  # is_evidence(c)
            key = c[:2]  # (start, end)
            group = get(key)
            if group is None:
                by_span[key] = c
            elif isinstance(group, list):
                group.append(c)
            else:
                by_span[key] = [group, c]
    ev: dict[str, float] = {}
    add = ev.get
    for group in by_span.values():
        if not isinstance(group, list):
            page = group.chain[0]
            ev[page] = add(page, 0.0) + group.gain
            continue
        if len({c.replacement for c in group}) == 1:
            for c in group:  # one reading: no ambiguity
                ev[c.chain[0]] = ev.get(c.chain[0], 0.0) + c.gain
            continue
        best = max(group, key=lambda c: c.gain)
        if any(c.replacement != best.replacement and c.gain > best.gain - _TIE for c in group):
            continue  # ambiguous between code pages: no evidence for either
        for c in group:
            if c.replacement == best.replacement:
                ev[c.chain[0]] = ev.get(c.chain[0], 0.0) + c.gain
    return ev


def merge_evidence(a: Mapping[str, float], b: Mapping[str, float]) -> dict[str, float]:
    """Fold two pieces of evidence into one."""
    return add_counts(a, b)


@lru_cache(maxsize=4096)
def _confidence(gain: float) -> float:
    """Gain -> confidence: 1.5 gives ~0.6, 3 ~0.8, 6 ~0.95."""
    return round(1.0 - math.exp(-gain / 1.7), 3)


class Decision(NamedTuple):
    """A candidate kept, with its confidence and the evidence used."""

    candidate: Candidate
    confidence: float
    by_document: bool


def _joins_words(c: Candidate) -> bool:
    """Whether the repair removes a no-break space (``Р\u00a0`` is windows-1251
    for ``Р``, but also ``Р`` before a no-break space)."""
    return c.original.endswith("\u00a0") and not c.replacement.endswith("\u00a0")


def _plain(text: str) -> bool:
    """No character in ``text`` is rare on its own."""
    return all(char_info(ch).cost < 0.5 for ch in text)


def _same_script_letters(original: str, replacement: str) -> bool:
    """Letters (and common punctuation) only, the repair's letters in scripts
    the original already uses.

    In a document whose code page is known, ``Рё`` (windows-1251 for ``и``) is
    repaired although both look like letters; ``реж`` is not turned into a
    Devanagari digit by cp866, nor ``её`` into ``ţ`` by KOI8-R.
    """
    scripts = set()
    for ch in original:
        info = char_info(ch)
        if info.kind == "L":
            scripts.add(info.script)
        elif ch not in _COMMON_PUNCT:
            return False
    letters = 0
    for ch in replacement:
        info = char_info(ch)
        if info.kind == "L":
            if info.script not in scripts:
                return False
            letters += 1
        elif ch not in _COMMON_PUNCT:
            return False
    return letters > 0


def dominant_codepage(evidence: Mapping[str, float]) -> str | None:
    """The code page that the document's evidence points to, if any."""
    strong = [k for k, v in evidence.items() if v >= DOMINANT_EVIDENCE and k in _ORDER]
    if not strong:
        return None
    rank = {name: i for i, name in enumerate(CODEPAGES)}
    return min(strong, key=lambda k: (-evidence[k], rank.get(k, len(rank))))


def dominant_codepages(evidence: Mapping[str, float]) -> tuple[str, ...]:
    """The dominant code page and those whose evidence equals it (windows-1252
    and windows-1257 explain ``baÅ†Ä·ieri`` alike; only windows-1257 goes on
    to explain ``ÄÆdomu``), the dominant one first."""
    best = dominant_codepage(evidence)
    if best is None:
        return ()
    top = evidence[best]
    return (best,) + tuple(
        k for k in CODEPAGES if k != best and evidence.get(k, 0.0) >= top - 1e-9
    )


def decide(cands: list[Candidate], evidence: Mapping[str, float]) -> list[Decision]:
    """Choose which candidates to repair or report.

    A candidate is repaired on its own when it saves ``FIX_GAIN``; a weaker one
    is repaired when its code page is the document's (``DOMINANT_EVIDENCE``)
    and the repair is no worse; otherwise a candidate saving ``REPORT_GAIN``
    is reported with a confidence below 0.5.
    """
    with cyclic_gc_paused():
        return _decide(cands, evidence)


def _decide(cands: list[Candidate], evidence: Mapping[str, float]) -> list[Decision]:
    tied = dominant_codepages(evidence)
    has_best = bool(tied)
    # the kept candidates, in the order of ``cands``: candidate, confidence,
    # by document; and their indices by run (an index alone until a second
    # candidate of the run comes: most runs have one)
    kc: list[Candidate] = []
    ks: list[float] = []
    kd: list[bool] = []
    by_span: dict[tuple[int, int], int | list[int]] = {}
    get = by_span.get
    fix_score = _fix_score
    for c in cands:
        # (c: start, end, original, replacement, chain, gain, suspicious, ...)
        outer = c[4][0]
        gain = c[5]
        if gain >= FIX_GAIN and (c[6] or outer in tied):
            score = fix_score(gain, has_best and outer not in tied)
            by_doc = False
        elif outer in tied and _weak_but_dominant(c):
            score, by_doc = 0.55 + min(max(gain, 0.0), 1.5) / 5, True
        elif gain >= REPORT_GAIN and c[6]:
            score, by_doc = min(0.45, _confidence(gain) / 2), False
        else:
            continue
        key = c[:2]  # (start, end)
        group = get(key)
        if group is None:
            by_span[key] = len(kc)
        elif isinstance(group, list):
            group.append(len(kc))
        else:
            by_span[key] = [group, len(kc)]
        kc.append(c)
        ks.append(score)
        kd.append(by_doc)
    order = _ORDER
    # two code pages reading the same run as two different, about equally
    # plausible texts (``Ăśnal``: Ünal in windows-1250, önal in iso-8859-2):
    # ambiguous, so reported only, unless the document's code page decides.
    # Between overlapping candidates, the more confident (then larger gain,
    # then earlier code page) wins; of one run only its best can win.
    # (a rank ends with the run, after the index that settles every tie,
    # so that the choice below need not look the candidate up)
    ranks: list[tuple[float, float, int, int, int, int]] = []
    for group in by_span.values():
        if not isinstance(group, list):
            c = kc[group]
            ranks.append((-ks[group], -c.gain, order[c.chain[0]], group, c.start, c.end))
            continue
        if len({kc[j].replacement for j in group}) > 1:
            for idx in group:
                c = kc[idx]
                if c.chain[0] in tied or ks[idx] < 0.5:
                    continue
                if any(
                    kc[j].replacement != c.replacement and kc[j].gain > c.gain - _TIE
                    for j in group
                ):
                    ks[idx] = min(ks[idx], 0.45)
        ranks.append(min(
            (-ks[j], -kc[j].gain, order[kc[j].chain[0]], j, kc[j].start, kc[j].end)
            for j in group
        ))
    ranks.sort()
    picked: list[tuple[int, int]] = []
    marks = bytearray(max(map(_end_of, kc), default=0))
    for _, _, _, j, start, end in ranks:
        if marks.find(1, start, end) == -1:
            marks[start:end] = b"\x01" * (end - start)
            picked.append((start, j))
    picked.sort()  # (by start: the picked runs do not overlap)
    new = _new_decision
    return [new(Decision, (kc[j], ks[j], kd[j])) for _, j in picked]


_end_of = itemgetter(1)
"""The end of a :class:`Candidate`."""
_new_decision = tuple.__new__
"""Makes a :class:`Decision` from a tuple of its fields (see ``_new_candidate``)."""


_ORDER = {name: i for i, name in enumerate(CODEPAGES)}


@lru_cache(maxsize=4096)
def _fix_score(gain: float, outside_dominant: bool) -> float:
    """Confidence of a repair made on its own evidence; a code page other than
    the document's gets half of it above 0.5."""
    score = _confidence(gain)
    if outside_dominant:
        score = min(score, 0.5 + (score - 0.5) / 2)
    return max(score, 0.55)


def _weak_but_dominant(c: Candidate) -> bool:
    """Whether a candidate of the document's code page too weak on its own
    is still repaired: its repair is plain, joins no words and is no worse."""
    # (a U+FFFD that a lost byte decodes to is no rarer than the loss itself)
    plain = c.replacement.replace("\ufffd", "") if c.lossy else c.replacement
    return _plain(plain) and not _joins_words(c) and not c.breaks_caps \
        and not c.quotes_word and (
        c.gain >= (0.3 if c.lossy else 0.05)
        or (c.gain >= 0 and _same_script_letters(c.original, c.replacement))
        or (c.gain >= 0 and all(char_info(ch).kind == "E" for ch in c.replacement))
        or _restores_lost(c)
    )


def _question_cost(seg: str, cp: CodePage) -> float:
    """The cost of reading each '?' of a run as a lost byte."""
    total = 0.0
    i = seg.find("?")
    while i != -1:
        inner = i + 1 < len(seg) and seg[i + 1] in cp.cont
        total += _INNER_QUESTION_PENALTY if inner else _QUESTION_PENALTY
        i = seg.find("?", i + 1)
    return total


_WORD_AFTER = re.compile(r"\S{0,30}")


def _genuine_after(
    text: str, end: int, spans: Sequence[tuple[int, int]] = (), k: int = 0
) -> bool:
    """Whether the word after ``end`` holds a non-ASCII letter outside the
    code page's runs ``spans`` (sorted; from index ``k`` on): in a document
    of mojibake it would be mojibake too, so the text there is genuine and a
    lone ``Å`` before it is the word Å (Norwegian ``Å være``), not ``Š``. A
    letter in a run is mojibake itself (``Å kodaÂ»`` is ``Škoda»``).

    >>> _genuine_after("Å være", 2), _genuine_after("Å kodaÂ»", 2, [(6, 8)])
    (True, False)
    """
    m = _WORD_AFTER.match(text, end)
    word = m.group() if m else ""
    if word.isascii():
        return False
    for j, ch in enumerate(word):
        if ch.isalpha() and not ch.isascii():
            p = end + j
            while k < len(spans) and spans[k][1] <= p:
                k += 1
            if k < len(spans) and spans[k][0] <= p:
                continue  # inside a run: mojibake, not the text's own
            return True
    return False


def _lost_cost(seg: str) -> float:
    """The (negative) gain of a run that is worth only the lost bytes it assumes."""
    return -(
        _SPACE_PENALTY * seg.count(" ") + _FFFD_PENALTY * seg.count("\ufffd")
        + _QUESTION_PENALTY * seg.count("?")
    ) - 0.05


def _restores_lost(c: Candidate) -> bool:
    """Whether a run is a character that lost a byte in transit, and reading
    it so costs no more than that assumption: in a document of windows-1252
    mojibake, where a real ``Å`` would read ``Ã…``, ``Å veices`` is
    ``Šveices`` and ``Ã\ufffdrbol`` is ``\ufffdrbol`` (Á, its 81 byte lost)."""
    original = c.original
    return (
        c.lossy and c.gain >= _lost_cost(original)
        and all(char_info(ch).kind in "LZ" or ch == "\ufffd" for ch in c.replacement)
        and all(_lead_before_loss(original, i) for i in range(1, len(original)))
    )


def _lead_before_loss(original: str, i: int) -> bool:
    """Whether the character before a lost byte at ``i`` may be a lead byte
    on document evidence alone: before a space, not a letter of an
    alphabet's core (Russian ``В``, ``О`` are words); before U+FFFD or '?',
    no plain letter at all (``CAFÉ\ufffd`` is a word and a lost character,
    ``Ã\ufffd`` is not)."""
    ch, info = original[i], char_info(original[i - 1])
    if ch == " ":
        return info.cost > 0
    if ch in "\ufffd?":
        return info.kind != "L" or info.cost >= 0.5
    return True
