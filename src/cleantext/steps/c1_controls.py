"""C1 control characters (U+0080-U+009F) left where windows-1252 text was
decoded as Latin-1."""

from __future__ import annotations

import re

from ..config import Config
from ..finding import Finding
from ..step import Step

__all__ = ["STEP", "detect_c1_controls", "fix_c1_controls"]

_C1 = re.compile("[\x80-\x9f]+")
_C1_CHARS = tuple(chr(c) for c in range(0x80, 0xA0))
_UNDEFINED_IN_CP1252 = frozenset("\x81\x8d\x8f\x90\x9d")


def _cp1252(char: str) -> str:
    return bytes([ord(char)]).decode("cp1252")


def detect_c1_controls(text: str, config: Config | None = None) -> list[Finding]:
    """Find C1 control characters, one finding per run.

    Real text never uses C1 controls; they appear when windows-1252 bytes
    0x80-0x9F (curly quotes, dashes, €, ™) were decoded as Latin-1. Each
    becomes its windows-1252 character. The five bytes windows-1252 leaves
    undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) have no such reading: they are
    reported and left alone.

    Runs after the mojibake steps, which get the first look at C1 controls
    that belong to UTF-8 mojibake (``â\\x80\\x99``).

    >>> [(f.original, f.replacement) for f in detect_c1_controls("\\x93Hi\\x94")]
    [('\\x93', '“'), ('\\x94', '”')]
    """
    # cheap pre-check: a substring test per C1 character is far faster than a
    # character-class scan (and free on Latin-1-only strings)
    if text.isascii() or not any(c in text for c in _C1_CHARS):
        return []
    findings: list[Finding] = []
    for m in _C1.finditer(text):
        run = m.group()
        if _UNDEFINED_IN_CP1252.isdisjoint(run):
            findings.append(
                Finding(
                    "c1_control", m.start(), m.end(), run, "".join(map(_cp1252, run)), 0.9,
                    "fix_c1_controls",
                    "C1 control characters are windows-1252 punctuation decoded as Latin-1",
                )
            )
            continue
        for i, char in enumerate(run):
            start = m.start() + i
            if char in _UNDEFINED_IN_CP1252:
                findings.append(
                    Finding(
                        "c1_control", start, start + 1, char, char, 0.3, "fix_c1_controls",
                        f"the C1 control character U+{ord(char):04X} has no windows-1252 "
                        f"reading; left alone",
                    )
                )
            else:
                findings.append(
                    Finding(
                        "c1_control", start, start + 1, char, _cp1252(char), 0.9,
                        "fix_c1_controls",
                        "a C1 control character is windows-1252 punctuation decoded as "
                        "Latin-1",
                    )
                )
    return findings


def fix_c1_controls(text: str) -> str:
    """Replace C1 control characters by the windows-1252 characters they were.

    >>> fix_c1_controls("It\\x92s \\x80 5")
    'It’s € 5'
    """
    return STEP.fix(text)


STEP = Step(
    "fix_c1_controls",
    detect_c1_controls,
    "Replace C1 control characters by the windows-1252 characters they stand for.",
)
