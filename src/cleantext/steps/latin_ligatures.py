"""Latin typographic ligature code points (U+FB00-U+FB06), such as PDF
extractors and OCR leave in text."""

from __future__ import annotations

import re

from ..config import Config
from ..finding import Finding
from ..step import Step

__all__ = ["LIGATURES", "STEP", "detect_ligature_codepoints", "fix_latin_ligatures"]

LIGATURES: dict[str, str] = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "\u017ft",  # long s + t: the character's Unicode decomposition
    "\ufb06": "st",
}
"""Each Latin ligature code point and the letters it stands for (the
compatibility decomposition; ``ﬅ`` is long s + t, as Unicode decomposes it)."""

_LIGATURE = re.compile("[\ufb00-\ufb06]")


def detect_ligature_codepoints(text: str, config: Config | None = None) -> list[Finding]:
    """Find Latin ligature code points, one finding per occurrence.

    ``ﬁ`` is a glyph, not a letter: a word holding it is not found by search
    and is split by tokenisers. Dutch ``ĳ`` and the Serbo-Croatian digraph
    letters are letters of their alphabets and are not touched, nor are
    Armenian ligatures.

    >>> [(f.original, f.replacement) for f in detect_ligature_codepoints("ﬁnd")]
    [('ﬁ', 'fi')]
    """
    if text.isascii() or not any(c in text for c in LIGATURES):
        return []
    return [
        Finding(
            "ligature_codepoint", m.start(), m.end(), m.group(), LIGATURES[m.group()], 0.95,
            "fix_latin_ligatures",
            f"the ligature code point U+{ord(m.group()):04X} is a typographic glyph for the "
            f"letters {LIGATURES[m.group()]!r}",
        )
        for m in _LIGATURE.finditer(text)
    ]


def fix_latin_ligatures(text: str) -> str:
    """Replace Latin ligature code points by their letters.

    >>> fix_latin_ligatures("the ﬁrst ﬂoor, eﬃcient")
    'the first floor, efficient'
    """
    return STEP.fix(text)


STEP = Step(
    "fix_latin_ligatures",
    detect_ligature_codepoints,
    "Replace Latin ligature code points (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) by their letters.",
)
