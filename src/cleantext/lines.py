"""Finding the lines of a text that a pattern touches."""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["lines_matching"]


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
