"""Frequency-weighted word lists from wordfreq, loaded lazily and cached.

wordfreq's lists are read here without wordfreq's own cache
(``wordfreq.get_frequency_list`` keeps every list it ever read for the life
of the process: the English and Russian large lists alone take ~110 MB), and
only as far as needed: the most frequent words come first, so a caller that
wants 50,000 of the 713,000 Russian words stops reading there.

>>> "привет" in known_words("ru")
True
"""

from __future__ import annotations

import gzip
import re
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import Any

__all__ = [
    "HashedLists", "LANGUAGE_NAMES", "PackedZipf", "iter_buckets", "known_words", "read_buckets",
    "trim_heap", "weighted_words",
]

LANGUAGE_NAMES: dict[str, str] = {
    "ru": "Russian", "uk": "Ukrainian", "bg": "Bulgarian", "mk": "Macedonian",
    "sr": "Serbian", "kk": "Kazakh", "be": "Belarusian",
    "zh": "Chinese", "ja": "Japanese", "ko": "Korean",
}
"""English names of the languages the evidence modules speak of."""

# Serbian in wordfreq ("sh") is written in the Latin alphabet; Serbian
# Cyrillic is its one-to-one transliteration (digraphs first).
_SH_TO_SR: tuple[tuple[str, str], ...] = (
    ("dž", "џ"), ("lj", "љ"), ("nj", "њ"), ("a", "а"), ("b", "б"), ("c", "ц"),
    ("č", "ч"), ("ć", "ћ"), ("d", "д"), ("đ", "ђ"), ("e", "е"), ("f", "ф"),
    ("g", "г"), ("h", "х"), ("i", "и"), ("j", "ј"), ("k", "к"), ("l", "л"),
    ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"),
    ("š", "ш"), ("t", "т"), ("u", "у"), ("v", "в"), ("z", "з"), ("ž", "ж"),
)


def _to_serbian_cyrillic(words: list[str]) -> list[str]:
    """The words transliterated, in order, less those with a letter the
    table does not write (one pass of replacements over all of them: a
    digraph never spans the line break between two words).

    >>> _to_serbian_cyrillic(["ljubav", "quiz", "džep"])
    ['љубав', 'џеп']
    """
    out = "\n".join(words)
    for latin, cyrillic in _SH_TO_SR:
        out = out.replace(latin, cyrillic)
    return _NO_LATIN_LINE.findall(out)


_NO_LATIN_LINE = re.compile("^[^a-z\n]+$", re.MULTILINE)
"""A line (a word) with no small ASCII letter."""


def read_buckets(lang: str, wordlist: str = "best", limit: int | None = None) -> list[list[str]]:
    """wordfreq's ``wordlist`` for ``lang`` as its buckets (bucket ``i``
    holds the words of Zipf value ``9 - i / 100``), like
    ``wordfreq.get_frequency_list`` but not kept in wordfreq's cache, and
    with ``limit`` only the buckets that hold the ``limit`` most frequent
    words (the last one whole).

    >>> [word for bucket in read_buckets("en", "small", limit=2) for word in bucket][0]
    'the'
    """
    return list(iter_buckets(lang, wordlist, limit))


def iter_buckets(
    lang: str, wordlist: str = "best", limit: int | None = None
) -> Iterator[list[str]]:
    """:func:`read_buckets` one bucket at a time, read from the file as they
    are used: a caller that keeps no words keeps no list in memory."""
    import msgpack
    import wordfreq

    path = wordfreq.available_languages(wordlist).get(lang)
    if path is None:
        # Not a file name: let wordfreq match the code (pt-BR -> pt), uncached.
        yield from _cut(wordfreq.get_frequency_list.__wrapped__(lang, wordlist), limit)
        return
    with gzip.open(path, "rb") as fh:
        unpacker = msgpack.Unpacker(fh, raw=False)
        n = unpacker.read_array_header()
        header = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB":
            raise ValueError(f"unexpected wordfreq list header in {path}: {header!r}")
        count = 0
        for _ in range(n - 1):
            if limit is not None and count >= limit:
                return
            bucket: list[str] = unpacker.unpack()
            count += len(bucket)
            yield bucket


def trim_heap() -> None:
    """Give the heap memory freed after building a large table back to the
    system: glibc keeps it otherwise (building the Russian table leaves ~70 MB
    of freed reading buffers and words in the process's RSS). Does nothing
    where the C library has no ``malloc_trim`` (macOS, Windows, musl)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)
    except OSError:  # no dynamic C library to ask: nothing to trim
        return None
    trim: Callable[[int], int] | None = getattr(libc, "malloc_trim", None)
    return trim


def _cut(buckets: list[list[str]], limit: int | None) -> list[list[str]]:
    if limit is None:
        return buckets
    count = 0
    for i, bucket in enumerate(buckets):
        if count >= limit:
            return buckets[:i]
        count += len(bucket)
    return buckets


_LIST_BITS = 15
"""Low bits of a :class:`HashedLists` key: 5 for the list, 10 for the bucket."""


class _SortedKeys:
    """Signed 64-bit keys gathered one by one and sorted into one array,
    without ever holding a list of all of them (a million Python ints take
    40 MB): spread by their top byte over 256 arrays, each sorted alone."""

    __slots__ = ("_parts", "add")

    def __init__(self) -> None:
        self._parts = [array("q") for _ in range(256)]
        appends = [part.append for part in self._parts]

        def add(keys: Iterable[int]) -> None:
            for key in keys:
                appends[(key >> 56) + 128](key)

        self.add = add
        """Take more keys."""

    def sorted(self) -> array[int]:
        """All the keys taken, in order (the parts are emptied)."""
        out = array("q")
        for part in self._parts:
            out.extend(sorted(part))
            del part[:]
        return out


class HashedLists:
    """Several word lists in one compact, read-only table: for a word, the
    lists that hold it and its bucket (Zipf ``9 - bucket / 100``) in each.

    The words themselves are not kept. Each (word, list) is one 64-bit
    integer in a sorted array: the word's hash with its low 15 bits replaced
    by the list (5 bits) and the bucket (10 bits); a word is found by binary
    search. That is 8 bytes a word where a dict of strings takes about 110
    (wordfreq's 29 small lists: 8 MB instead of ~105). The price: a word of
    none of the lists is taken for a listed one when the top 49 bits of the
    hashes agree, about one look-up in 10**9 for a million words; hashes
    are per process (``PYTHONHASHSEED``), and so is the table.

    >>> t = HashedLists([("a", [[], ["cat", "dog"]]), ("b", [["cat"]])])
    >>> t.find("cat"), t.find("dog"), t.find("emu")
    ([(0, 1), (1, 0)], [(0, 1)], [])
    """

    __slots__ = ("_keys", "names")

    def __init__(self, lists: Iterable[tuple[str, Iterable[list[str]]]]) -> None:
        """``lists`` are (name, buckets) pairs, at most 32 lists of at most
        1024 buckets; a word twice in one list keeps its last bucket."""
        from itertools import repeat
        from operator import and_, or_

        mask = ~((1 << _LIST_BITS) - 1)
        names: list[str] = []
        keys = _SortedKeys()
        for index, (name, buckets) in enumerate(lists):
            if index >= 32:
                raise ValueError("at most 32 lists")
            names.append(name)
            for b, words in enumerate(buckets):
                if b >= 1024:
                    raise ValueError(f"list {name!r} has more than 1024 buckets")
                if words:  # C-level: hash, mask, tag with list and bucket
                    tag = repeat(index << 10 | b)
                    keys.add(map(or_, map(and_, map(hash, words), repeat(mask)), tag))
        self.names: tuple[str, ...] = tuple(names)
        """The names of the lists, by index."""
        self._keys = keys.sorted()

    def find(self, word: str) -> list[tuple[int, int]]:
        """(list index, bucket) for every list holding ``word``, by list index."""
        keys = self._keys
        h = hash(word) >> _LIST_BITS
        i = bisect_left(keys, h << _LIST_BITS)
        out: list[tuple[int, int]] = []
        while i < len(keys) and keys[i] >> _LIST_BITS == h:
            index, bucket = (keys[i] >> 10) & 31, keys[i] & 1023
            if out and out[-1][0] == index:
                out[-1] = (index, bucket)  # the same word twice: the last one
            else:
                out.append((index, bucket))
            i += 1
        return out

    def count(self, counts: Mapping[str, int]) -> tuple[list[int], list[int]]:
        """For words with how often they occur: per list (by index), how many
        of the occurrences it holds, and the sum of their buckets (each word
        in its bucket as :meth:`find` gives it). :meth:`find` for every word,
        in one loop.

        >>> t = HashedLists([("a", [[], ["cat", "dog"]]), ("b", [["cat"]])])
        >>> t.count({"cat": 2, "dog": 1, "emu": 5})
        ([3, 2], [3, 0])
        """
        keys = self._keys
        size = len(keys)
        held = [0] * len(self.names)
        buckets = [0] * len(self.names)
        for word, n in counts.items():
            h = hash(word) >> _LIST_BITS
            i = bisect_left(keys, h << _LIST_BITS)
            last = bucket = -1
            while i < size and keys[i] >> _LIST_BITS == h:
                index = (keys[i] >> 10) & 31
                if last >= 0 and index != last:
                    held[last] += n
                    buckets[last] += n * bucket
                last, bucket = index, keys[i] & 1023  # a word twice: its last bucket
                i += 1
            if last >= 0:
                held[last] += n
                buckets[last] += n * bucket
        return held, buckets

    def __len__(self) -> int:
        """The number of (word, list, bucket) entries stored."""
        return len(self._keys)


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
"""A character outside the Basic Multilingual Plane (one regex scan, not
``max`` over a bucket's words: 0.16 s on Russian's 713,000)."""

_INDEX_BITS = 22
"""Low bits of a :class:`PackedZipf` key: the word's index (4 million words)."""


class PackedZipf(Mapping[str, float]):
    """A read-only mapping of word -> Zipf value built from wordfreq buckets,
    in about 32 bytes a word where a dict of strings takes about 120.

    The words of each bucket are kept end to end in one string, with an
    array of where each word ends and an array of the words' buckets; a sorted
    array of keys (the top 42 bits of the word's hash, then its index) finds
    the candidates by binary search, and each is compared with the word
    itself, so answers are exact. A look-up costs about a microsecond (a
    dict's, a tenth of that): use it for large lists that are looked up, not
    iterated in hot loops. Iteration gives the words in wordfreq's order (most
    frequent first; words outside the BMP, kept in a dict, last).

    >>> t = PackedZipf([[], ["cat", "dog"], ["emu", "cat"]], [9.0, 8.99, 8.98])
    >>> t["dog"], t["cat"], t.get("gnu"), "emu" in t, len(t), list(t)
    (8.99, 8.98, None, True, 3, ['dog', 'emu', 'cat'])
    """

    __slots__ = ("_buckets", "_ends", "_extra", "_gone", "_keys", "_parts", "_values")

    def __init__(self, buckets: Iterable[list[str]], values: Sequence[float]) -> None:
        """``values[i]`` is the value of the words of bucket ``i``; a word
        listed twice keeps its last bucket (as a dict would)."""
        from itertools import accumulate, count, repeat
        from operator import and_, or_

        mask = ~((1 << _INDEX_BITS) - 1)
        parts: list[str] = []
        ends = array("I")
        bucket_of = array("H")
        keys = _SortedKeys()
        extra: dict[str, int] = {}  # words outside the BMP would widen the string
        for b, words in enumerate(buckets):
            if b >= min(len(values), 1 << 16):
                raise ValueError(f"no value for bucket {b}")
            joined = "".join(words)
            if not joined.isascii() and _ASTRAL.search(joined):  # rare: test words only then
                wide = [w for w in words if _ASTRAL.search(w)]
                extra.update(dict.fromkeys(wide, b))
                words = [w for w in words if w not in extra]
                joined = "".join(words)
            parts.append(joined)
            if not words:
                continue
            index = len(ends)
            if index + len(words) >= 1 << _INDEX_BITS:
                raise ValueError("too many words for a PackedZipf")
            ends.extend(accumulate(map(len, words)))
            bucket_of.extend(repeat(b, len(words)))
            keys.add(map(or_, map(and_, map(hash, words), repeat(mask)), count(index)))
        self._keys = keys.sorted()
        self._parts = parts
        self._ends = ends
        self._buckets = bucket_of
        self._extra = extra
        self._values = tuple(values)
        self._gone = self._repeats()

    def _repeats(self) -> frozenset[int]:
        """The indexes of words listed again later. Only keys with equal hash
        prefixes can be the same word: found with C-level loops, then compared."""
        from itertools import compress, islice, repeat
        from operator import eq, rshift

        prefixes = array("q", map(rshift, self._keys, repeat(_INDEX_BITS)))
        same = compress(range(1, len(prefixes)), map(eq, islice(prefixes, 1, None), prefixes))
        low = (1 << _INDEX_BITS) - 1
        gone = set()
        for i in same:
            a, b = sorted((self._keys[i - 1] & low, self._keys[i] & low))
            if self._word(a) == self._word(b):
                gone.add(a)
        return frozenset(gone)

    def _word(self, index: int) -> str:
        bucket = self._buckets[index]
        start = self._ends[index - 1] if index and self._buckets[index - 1] == bucket else 0
        return self._parts[bucket][start:self._ends[index]]

    def _bucket(self, word: str) -> int:
        """The word's bucket, -1 if it is not listed."""
        if self._extra and word in self._extra:
            return self._extra[word]
        keys = self._keys
        h = hash(word) >> _INDEX_BITS
        i = bisect_left(keys, h << _INDEX_BITS)
        low = (1 << _INDEX_BITS) - 1
        while i < len(keys) and keys[i] >> _INDEX_BITS == h:
            index = keys[i] & low
            if self._word(index) == word and index not in self._gone:
                return self._buckets[index]
            i += 1
        return -1

    def __getitem__(self, word: str) -> float:
        """The word's value; KeyError if it is not listed."""
        b = self._bucket(word) if isinstance(word, str) else -1
        if b < 0:
            raise KeyError(word)
        return self._values[b]

    def get(self, word: str, default: Any = None) -> Any:
        """The word's value, ``default`` if it is not listed."""
        b = self._bucket(word) if isinstance(word, str) else -1
        return default if b < 0 else self._values[b]

    def __contains__(self, word: object) -> bool:
        """Whether the word is listed."""
        return isinstance(word, str) and self._bucket(word) >= 0

    def __iter__(self) -> Iterator[str]:
        """The words, most frequent first (those outside the BMP last)."""
        start, previous = 0, -1
        for index, (end, bucket) in enumerate(zip(self._ends, self._buckets, strict=True)):
            if bucket != previous:
                start, previous = 0, bucket
            if index not in self._gone:
                yield self._parts[bucket][start:end]
            start = end
        yield from self._extra

    def __len__(self) -> int:
        """The number of distinct words."""
        return len(self._buckets) - len(self._gone) + len(self._extra)


def weighted_words(lang: str, limit: int = 50000) -> Iterator[tuple[str, float]]:
    """The ``limit`` most frequent words of ``lang`` with their frequencies.

    ``lang`` is a wordfreq language code, or ``"sr"`` (wordfreq's Serbo-Croatian
    list transliterated to Cyrillic), or ``"kk"`` (the hand-written Kazakh list,
    every word given the same weight).
    """
    if lang == "kk":
        from .kazakh import COMMON_KAZAKH_WORDS

        for word in sorted(COMMON_KAZAKH_WORDS):
            yield word, 1e-4
        return
    source = "sh" if lang == "sr" else lang
    count = 0
    # Serbian drops the Latin-only words it cannot transliterate: read on.
    # (read bucket by bucket: Serbian, whose limit is of words it keeps, stops early)
    for bucket, words in enumerate(iter_buckets(source, "best", None if lang == "sr" else limit)):
        freq = 10.0 ** (-bucket / 100.0)
        for word in _to_serbian_cyrillic(words) if lang == "sr" else words:
            yield word, freq
            count += 1
            if count >= limit:
                return


@cache
def known_words(lang: str, limit: int = 50000) -> frozenset[str]:
    """The ``limit`` most frequent words of ``lang``, lower-cased."""
    return frozenset(word.lower() for word, _ in weighted_words(lang, limit))
