"""Finding the lines of a text that a pattern touches."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

__all__ = ["lines_matching", "words_at", "words_touched"]


def lines_matching(text: str, gate: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """The (start, end) spans of the lines of ``text`` where ``gate`` matches,
    each line once, in order; ``end`` excludes the newline.

    One compiled search per matching line, so a clean text costs one scan.

    >>> list(lines_matching("ab\\ncd\\nab", re.compile("b")))
    [(0, 2), (6, 8)]
    """
    pos = 0
    while True:
        m = gate.search(text, pos)
        if m is None:
            return
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        if end < 0:
            end = len(text)
        yield start, end
        pos = end + 1


def words_touched(
    text: str, gate: re.Pattern[str], word: re.Pattern[str]
) -> Iterator[re.Match[str]]:
    """The words of ``text`` (matches of ``word`` from a word start) that hold
    a match of ``gate``, each word once, in order.

    >>> [m.group() for m in words_touched("Almaty and Астана", re.compile("[а-я]"),
    ...                                    re.compile(r"\\w+"))]
    ['Астана']
    """
    return words_at(text, (hit.start() for hit in gate.finditer(text)), word)


def words_at(text: str, hits: Iterable[int], word: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The words of ``text`` (matches of ``word`` from a word start) that hold
    one of the offsets ``hits`` (ascending), each word once, in order: what
    :func:`words_touched` does with the offsets of a gate found some faster way.

    >>> [m.group() for m in words_at("Almaty and Астана", [13], re.compile(r"\\w+"))]
    ['Астана']
    """
    seen: set[int] = set()
    for start in hits:
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        if start in seen:
            continue
        seen.add(start)
        found = word.match(text, start)
        if found is not None:
            yield found
