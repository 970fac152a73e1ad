"""Surrogate code points left in text: pairs split into two code points, and
lone surrogates that no encoding can write."""

from __future__ import annotations

import re

from ..config import Config
from ..finding import Finding
from ..step import Step, apply_findings

__all__ = ["STEP", "detect_surrogates", "fix_surrogates"]

_ANY_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]")


def detect_surrogates(text: str, config: Config | None = None) -> list[Finding]:
    """Find surrogate code points.

    A high surrogate followed by a low one is a character above U+FFFF that was
    stored as two UTF-16 code units (by JSON ``\\ud83d\\ude00`` escapes, Java or
    JavaScript strings, CESU-8): it becomes the one character it stands for. A
    lone surrogate stands for nothing and cannot be encoded in UTF-8: it
    becomes U+FFFD, the replacement character.

    >>> [(f.original, f.replacement) for f in detect_surrogates("a\\ud83d\\ude00b")]
    [('\\ud83d\\ude00', '😀')]
    >>> detect_surrogates("a\\udc80b")[0].replacement
    '�'
    """
    if text.isascii() or not _ANY_SURROGATE.search(text):
        return []
    findings: list[Finding] = []
    for m in _SURROGATE.finditer(text):
        s = m.group()
        if len(s) == 2:
            char = chr(0x10000 + ((ord(s[0]) - 0xD800) << 10) + (ord(s[1]) - 0xDC00))
            findings.append(
                Finding(
                    "surrogates", m.start(), m.end(), s, char, 1.0, "fix_surrogates",
                    f"a UTF-16 surrogate pair stored as two code points stands for "
                    f"U+{ord(char):04X}",
                )
            )
        else:
            findings.append(
                Finding(
                    "surrogates", m.start(), m.end(), s, "\ufffd", 0.9, "fix_surrogates",
                    f"a lone surrogate U+{ord(s):04X} is not a character and cannot be "
                    f"encoded; it becomes the replacement character U+FFFD",
                )
            )
    return findings


def fix_surrogates(text: str) -> str:
    """Join surrogate pairs into characters; replace lone surrogates by U+FFFD.

    >>> fix_surrogates("\\ud83d\\udc4d ok")
    '👍 ok'
    """
    return apply_findings(text, detect_surrogates(text))


STEP = Step(
    "fix_surrogates",
    detect_surrogates,
    "Join surrogate pairs stored as two code points; replace lone surrogates by U+FFFD.",
)
