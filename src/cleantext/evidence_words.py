"""Word-frequency evidence from wordfreq, for the PDF-damage steps.

wordfreq is imported lazily, and every table is built once per process and
cached (``functools.lru_cache``): the first call for a language costs about
0.1 s (English) to 0.4 s (Russian), later calls are dictionary look-ups.

Frequencies are given on wordfreq's Zipf scale: ``log10`` of a word's
frequency per billion words (``the`` is about 7.7, a word seen once per
million words is 3, a word wordfreq does not know is 0).

>>> zipf("film", "en") > 5
True
>>> zipf("diult", "en")
0.0
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from types import MappingProxyType

from .evidence.wordlists import iter_buckets
from .wordstats import LANGUAGES, zipf_dict, zipf_table

__all__ = ["deletion_index", "frequency_table", "zipf"]


@lru_cache(maxsize=8)
def frequency_table(lang: str) -> Mapping[str, float]:
    """wordfreq's Zipf frequency of every word it knows in ``lang`` (lower case).

    English and Russian share the table of :func:`cleantext.wordstats.zipf_table`
    (one copy of the large list per process). Raises LookupError when wordfreq
    has no word list for ``lang``.
    """
    if lang in LANGUAGES:
        return MappingProxyType(zipf_table(lang))
    table = zipf_dict(iter_buckets(lang, "best"))
    if not table:
        raise LookupError(f"wordfreq has no word list for language {lang!r}")
    return MappingProxyType(table)


def zipf(word: str, lang: str) -> float:
    """The Zipf frequency of ``word`` (looked up in lower case); 0.0 if unknown.

    >>> zipf("First", "en") == zipf("first", "en")
    True
    """
    return frequency_table(lang).get(word.lower(), 0.0)


Restoration = tuple[str, str, int]
"""A restoration candidate: (restored word, the lost sequence(s), position)."""


@lru_cache(maxsize=16)
def deletion_index(
    lang: str, sequences: tuple[str, ...], min_zipf: float, gap: str = ""
) -> Mapping[str, tuple[Restoration, ...]]:
    """Map each way of losing letters from a known word to the words it may come from.

    For every word of ``lang`` with a Zipf frequency of at least ``min_zipf``
    and every occurrence of one of ``sequences`` in it, the word with that
    occurrence replaced by ``gap`` is a key; with ``gap == ""`` (letters
    dropped without a trace) up to two occurrences may be dropped (``fluffy``
    -> ``uy``). Values list (word, lost sequence(s), position of the first
    loss), most frequent word first.

    >>> idx = deletion_index("en", ("fi", "ffic"), 3.0)
    >>> ("find", "fi", 0) in idx["nd"]
    True
    >>> idx["diult"][0][0]
    'difficult'
    >>> deletion_index("en", ("fi",), 3.0, gap="\\x00")["signi\\x00cant"][0][0]
    'significant'
    """
    table = frequency_table(lang)
    out: dict[str, list[tuple[float, Restoration]]] = {}
    firsts = {s[0] for s in sequences}
    for word, z in table.items():
        if z < min_zipf or not word.isalpha() or firsts.isdisjoint(word):
            continue
        for key, lost, pos in _losses(word, sequences, gap):
            out.setdefault(key, []).append((z, (word, lost, pos)))
    result: dict[str, tuple[Restoration, ...]] = {}
    for key, items in out.items():
        seen: set[tuple[str, str]] = set()
        ordered: list[Restoration] = []
        for _, r in sorted(items, key=lambda zr: (-zr[0], zr[1])):
            if (r[0], r[1]) not in seen:
                seen.add((r[0], r[1]))
                ordered.append(r)
        result[key] = tuple(ordered)
    return MappingProxyType(result)


def _occurrences(word: str, sequences: Iterable[str]) -> list[tuple[int, str]]:
    found = []
    for s in sequences:
        i = word.find(s)
        while i >= 0:
            found.append((i, s))
            i = word.find(s, i + 1)
    return found


def _losses(word: str, sequences: tuple[str, ...], gap: str) -> list[tuple[str, str, int]]:
    occ = _occurrences(word, sequences)
    losses = [(word[:i] + gap + word[i + len(s):], s, i) for i, s in occ]
    if gap == "":
        for i, s in occ:
            for j, t in occ:
                if j >= i + len(s):
                    key = word[:i] + word[i + len(s):j] + word[j + len(t):]
                    losses.append((key, f"{s}+{t}", i))
    return [(k, s, i) for k, s, i in losses if k.strip(gap)]
