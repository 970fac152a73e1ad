"""Single-byte code pages that UTF-8 gets misread as, and their tables.

Nothing is registered with :mod:`codecs` and nothing is built at import time:
every table is made on first use and cached.

A code page's *view* of UTF-8 is the text you get when UTF-8 bytes are decoded
with it. "Sloppy" tables (every code page here) map a byte the code page leaves
undefined to the Latin-1 code point of that byte, as Windows software does.

>>> table("windows-1252").decode[0xC3], table("mac_roman").decode[0xC3]
('Ã', '√')
>>> table("windows-1252").encode("Ã©")
b'\\xc3\\xa9'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

__all__ = ["CODEPAGES", "CodePage", "is_utf8_beyond_ascii", "table"]

CODEPAGES: tuple[str, ...] = (
    "windows-1252",
    "latin-1",
    "mac_roman",
    "cp437",
    "windows-1250",
    "windows-1251",
    "windows-1253",
    "windows-1254",
    "windows-1257",
    "iso-8859-2",
    "koi8-r",
    "koi8-u",
    "cp866",
    "iso-8859-5",
    "mac_cyrillic",
    "kz1048",
)
"""The code pages UTF-8 is repaired from. The order only breaks exact ties
(the same repair explained by two code pages)."""


def _class(chars: str) -> str:
    """A regex character class matching exactly ``chars``."""
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"


@dataclass(frozen=True)
class CodePage:
    """The tables of one code page (see :func:`table`)."""

    name: str
    """Code page name, as Python's codecs know it."""
    decode: tuple[str, ...]
    """Byte value -> character (sloppy: undefined bytes -> Latin-1)."""
    to_byte: dict[str, int]
    """Character -> byte value, for the 256 characters of ``decode``."""
    lead2: str
    """Characters that are UTF-8 lead bytes of 2-byte sequences (C2-DF)."""
    lead3: str
    """Characters that are lead bytes of 3-byte sequences (E0-EF)."""
    lead4: str
    """Characters that are lead bytes of 4-byte sequences (F0-F4)."""
    cont: str
    """Characters that are UTF-8 continuation bytes (80-BF)."""
    segment: re.Pattern[str]
    """Runs of complete UTF-8 multi-byte sequences as seen in this code page.

    ``lossy`` sequences are included (only for code pages where such loss
    happens): a sequence whose A0 byte became a plain space (ftfy's
    ``restore_byte_a0``), and a sequence with one byte replaced by U+FFFD or
    a plain '?' (ftfy's ``replace_lossy_sequences``)."""
    lossy: bool
    """Whether the Windows-style losses (A0 -> space, a byte -> U+FFFD or '?')
    are considered for this code page."""
    chars: frozenset[str]
    """The characters of ``decode``."""
    latin1: dict[int, int]
    """Code point -> byte value, for :meth:`str.translate` (see ``encode``)."""

    def encode(self, text: str) -> bytes:
        """The bytes ``text`` came from when read with this code page.

        Raises ``KeyError`` for a character the code page cannot produce.
        """
        if not self.chars.issuperset(text):
            raise KeyError(next(c for c in text if c not in self.to_byte))
        # one C-level pass: each character to the Latin-1 character of its byte
        return text.translate(self.latin1).encode("latin-1")


_LOSSY = frozenset({"windows-1252", "latin-1", "windows-1250", "windows-1251",
                    "windows-1253", "windows-1254", "windows-1257", "iso-8859-2"})


# Bytes whose UTF-8 sequence is worth restoring when its A0 continuation
# became a space (ftfy's ALTERED_UTF8_RE): C2 A0 no-break space, C3 A0 à,
# C5 A0 Š, CE A0 Π, D0 A0 Р, D9 A0 ٠; E0-E3 for three-byte sequences (Thai,
# Indic, punctuation, CJK symbols; A0 second only after E2 and E3, for E0 A0
# and E1 A0 lead to rare scripts) and F0 for four-byte ones (emoji).
_SPACE_LEAD2 = (0xC2, 0xC3, 0xC5, 0xCE, 0xD0, 0xD9)
_SPACE_LEAD3 = range(0xE0, 0xE4)
_SPACE_LEAD4 = (0xF0,)
# Bytes after which a plain '?' may stand for one lost byte (ftfy's LOSSY_UTF8_RE).
_QUESTION_LEAD2 = (0xC2, 0xC3)
# Continuation bytes that sit next to a lost A0 (not 85, the ellipsis, nor A0).
_BESIDE_SPACE = [b for b in range(0x80, 0xC0) if b not in (0x85, 0xA0)]


def _lossy_branches(
    chars: list[str], lead2: str, lead3: str, lead4: str, c: str
) -> list[tuple[str, str]]:
    """(lead class, rest) alternatives of one UTF-8 sequence of a lossy code page.

    A lost byte is U+FFFD (any continuation), a plain '?' (at most one per
    sequence) or, for the A0 byte only, a plain space (at most one, and only
    after the leads of ``_SPACE_LEAD*``).
    """
    lost = "(?:" + c + "|\ufffd)"
    side = _class("".join(chars[b] for b in _BESIDE_SPACE))

    def cls(bytes_: Iterable[int]) -> str:
        return _class("".join(chars[b] for b in bytes_))

    return [
        (_class(lead2), lost),
        (cls(_SPACE_LEAD2), " "),
        (cls(_QUESTION_LEAD2), "\\?"),
        (_class(lead3), lost + "{2}"),
        (_class(lead3), "(?:\\?" + lost + "|" + lost + "\\?)"),
        (cls(_SPACE_LEAD3[2:]), " " + side),
        (cls(_SPACE_LEAD3), side + " "),
        (_class(lead4), lost + "{3}"),
        (_class(lead4), "(?:\\?" + lost + "{2}|" + lost + "\\?" + lost + "|" + lost + "{2}\\?)"),
        (cls(_SPACE_LEAD4), "(?: " + c + "{2}|" + c + " " + c + "|" + c + "{2} )"),
    ]


@cache
def table(name: str) -> CodePage:
    """The (cached) tables of code page ``name``.

    >>> cp = table("koi8-r")
    >>> cp.decode[0xD0], "п" in cp.lead2
    ('п', True)
    """
    chars: list[str] = []
    for b in range(256):
        try:
            chars.append(bytes([b]).decode(name))
        except UnicodeDecodeError:
            chars.append(chr(b))
    to_byte: dict[str, int] = {}
    for b, c in enumerate(chars):
        to_byte.setdefault(c, b)
    lead2 = "".join(chars[0xC2:0xE0])
    lead3 = "".join(chars[0xE0:0xF0])
    lead4 = "".join(chars[0xF0:0xF5])
    cont = "".join(chars[0x80:0xC0])
    lossy = name in _LOSSY
    c = _class(cont)
    if lossy:
        branches = _lossy_branches(chars, lead2, lead3, lead4, c)
    else:
        branches = [(_class(lead2), c), (_class(lead3), c + "{2}"), (_class(lead4), c + "{3}")]
    one = "(?:" + "|".join(lead + rest for lead, rest in branches) + ")"
    # The same as one+, written to start with a character class so that the
    # regex engine scans for a lead byte in C before trying anything.
    # (and then looks at the next character, which every sequence needs to be
    # a continuation byte's or a lost byte's, before trying the branches one
    # by one: in Cyrillic text most letters are lead bytes of some code page)
    second = cont + ("\ufffd ?" if lossy else "")
    seg = (
        _class(lead2 + lead3 + lead4) + "(?=" + _class(second) + ")"
        + "(?:" + "|".join("(?<=" + lead + ")" + rest for lead, rest in branches) + ")"
        + one + "*"
    )
    return CodePage(
        name, tuple(chars), to_byte, lead2, lead3, lead4, cont, re.compile(seg), lossy,
        frozenset(to_byte), {ord(c): b for c, b in to_byte.items()},
    )


def is_utf8_beyond_ascii(data: bytes) -> bool:
    """Whether ``data`` is valid UTF-8 holding more than ASCII: what text
    shown through the wrong legacy code page turns back into.

    >>> is_utf8_beyond_ascii("café".encode()), is_utf8_beyond_ascii(b"cafe")
    (True, False)
    >>> is_utf8_beyond_ascii("café".encode("latin-1"))
    False
    """
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
