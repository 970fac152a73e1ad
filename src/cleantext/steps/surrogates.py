"""Surrogate code points left in text: pairs split into two code points, and
lone surrogates that no encoding can write."""

from __future__ import annotations

import re

from ..config import Config
from ..finding import Finding
from ..step import Step

__all__ = ["STEP", "detect_surrogates", "fix_surrogates"]

_SURROGATE = re.compile("[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]")


def _byte_chars(low: int, high: int) -> dict[str, int]:
    """The characters bytes ``low``..``high`` show as in Latin-1 and windows-1252."""
    chars: dict[str, int] = {}
    for b in range(low, high + 1):
        chars[bytes([b]).decode("latin-1")] = b
        try:
            chars[bytes([b]).decode("cp1252")] = b
        except UnicodeDecodeError:
            continue
    return chars


def _char_class(chars: dict[str, int]) -> str:
    return "[" + "".join(re.escape(c) for c in chars) + "]"


_HIGH_SECOND = _byte_chars(0xA0, 0xAF)  # second byte of a CESU-8 high surrogate
_LOW_SECOND = _byte_chars(0xB0, 0xBF)  # second byte of a CESU-8 low surrogate
_CONTINUATION = _byte_chars(0x80, 0xBF)
_BYTE_OF = {**_CONTINUATION, "\u00ed": 0xED}
# A surrogate pair in CESU-8 (ED A0-AF xx ED B0-BF xx), shown as Latin-1 or
# windows-1252: "í\xa0½í¸\x8d" for 😍.
_CESU8_MOJIBAKE = re.compile(
    "\u00ed" + _char_class(_HIGH_SECOND) + _char_class(_CONTINUATION)
    + "\u00ed" + _char_class(_LOW_SECOND) + _char_class(_CONTINUATION)
)


def _cesu8_findings(text: str) -> list[Finding]:
    findings: list[Finding] = []
    for m in _CESU8_MOJIBAKE.finditer(text):
        raw = bytes(_BYTE_OF[c] for c in m.group())
        pair = raw.decode("utf-8", errors="surrogatepass")
        char = chr(0x10000 + ((ord(pair[0]) - 0xD800) << 10) + (ord(pair[1]) - 0xDC00))
        findings.append(
            Finding(
                "surrogates", m.start(), m.end(), m.group(), char, 0.95, "fix_surrogates",
                f"a surrogate pair encoded as CESU-8 (Java's modified UTF-8) and read as "
                f"Latin-1/windows-1252 stands for U+{ord(char):04X}",
            )
        )
    return findings


def _has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a surrogate code point: the one thing UTF-8
    cannot encode (an encode runs at C speed, several times faster than a
    regex scan for the range)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def detect_surrogates(text: str, config: Config | None = None) -> list[Finding]:
    """Find surrogate code points.

    A high surrogate followed by a low one is a character above U+FFFF that was
    stored as two UTF-16 code units (by JSON ``\\ud83d\\ude00`` escapes, Java or
    JavaScript strings, CESU-8): it becomes the one character it stands for. A
    lone surrogate stands for nothing and cannot be encoded in UTF-8: it
    becomes U+FFFD, the replacement character. A surrogate pair in CESU-8
    bytes read as Latin-1 or windows-1252 (``í\xa0½í¸\x8d``, six characters
    of a fixed shape) becomes its character too.

    >>> [(f.original, f.replacement) for f in detect_surrogates("a\\ud83d\\ude00b")]
    [('\\ud83d\\ude00', '😀')]
    >>> detect_surrogates("a\\udc80b")[0].replacement
    '�'
    >>> detect_surrogates("Hi \u00ed\\xa0\u00bd\u00ed\u00b8\\x8d")[0].replacement
    '😍'
    """
    if text.isascii():
        return []
    findings: list[Finding] = _cesu8_findings(text) if "\u00ed" in text else []
    if not _has_surrogate(text):
        return findings
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
    return STEP.fix(text)


STEP = Step(
    "fix_surrogates",
    detect_surrogates,
    "Join surrogate pairs stored as two code points; replace lone surrogates by U+FFFD.",
)
