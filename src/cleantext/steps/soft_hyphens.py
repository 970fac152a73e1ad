"""Soft hyphens (U+00AD): invisible hyphenation hints left in text."""

from __future__ import annotations

import re

from ..config import Config
from ..finding import Finding
from ..step import Step

__all__ = ["STEP", "detect_soft_hyphens", "remove_soft_hyphens"]

_SOFT_HYPHENS = re.compile("\xad+")


def detect_soft_hyphens(text: str, config: Config | None = None) -> list[Finding]:
    """Find soft hyphens, one finding per run.

    A soft hyphen is a hint where a word may be broken at a line end; in stored
    text it only breaks searching, counting and tokenising (``co\\xadoperate``
    is not the word ``cooperate``).

    >>> [(f.start, f.end) for f in detect_soft_hyphens("co\\xadoperate")]
    [(2, 3)]
    """
    if text.isascii() or "\xad" not in text:
        return []
    return [
        Finding(
            "soft_hyphen", m.start(), m.end(), m.group(), "", 0.9, "remove_soft_hyphens",
            "a soft hyphen (U+00AD) is an invisible hyphenation hint that splits the word "
            "for search and tokenising",
        )
        for m in _SOFT_HYPHENS.finditer(text)
    ]


def remove_soft_hyphens(text: str) -> str:
    """Remove soft hyphens.

    >>> remove_soft_hyphens("hyphen\\xadation")
    'hyphenation'
    """
    return STEP.fix(text)


STEP = Step("remove_soft_hyphens", detect_soft_hyphens, "Remove soft hyphens (U+00AD).")
