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
from dataclasses import dataclass
from functools import cache

__all__ = ["CODEPAGES", "CodePage", "table"]

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

    ``lossy`` sequences are included: a 2-byte sequence whose continuation
    byte A0 became a plain space, and any sequence whose undefined byte was
    replaced by U+FFFD (only for code pages where such loss happens)."""
    lossy: bool
    """Whether the Windows-style losses (A0 -> space, undefined byte -> U+FFFD)
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
    c_lossy = "(?:" + c + "|\ufffd)" if lossy else c
    c2 = "(?:" + c + "| |\ufffd)" if lossy else c
    one = (
        "(?:" + _class(lead2) + c2
        + "|" + _class(lead3) + c_lossy + "{2}"
        + "|" + _class(lead4) + c_lossy + "{3})"
    )
    # The same as one+, written to start with a character class so that the
    # regex engine scans for a lead byte in C before trying anything.
    seg = (
        _class(lead2 + lead3 + lead4)
        + "(?:(?<=" + _class(lead2) + ")" + c2
        + "|(?<=" + _class(lead3) + ")" + c_lossy + "{2}"
        + "|(?<=" + _class(lead4) + ")" + c_lossy + "{3})"
        + one + "*"
    )
    return CodePage(
        name, tuple(chars), to_byte, lead2, lead3, lead4, cont, re.compile(seg), lossy,
        frozenset(to_byte), {ord(c): b for c, b in to_byte.items()},
    )
