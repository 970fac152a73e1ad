"""Where letters of two scripts (Latin, Greek, Cyrillic) touch, found at C speed.

Several detectors start from such places (look-alike letters, mojibake that
mixes scripts). A regex like ``[Latin][Cyrillic]`` costs a scan of the text
per pattern, at several nanoseconds a character; here one encode and one
``bytes.translate`` turn the text into one class byte per character, and
whole-text integer operations mark every place where two different classes
touch. Each detector then tries its own exact pattern at those few places.

>>> mixed_pair_starts("Kаzаkh and Астана")  # Cyrillic а twice
(0, 1, 2, 3)
>>> mixed_pair_starts("Almaty and Астана")
()
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["letter_classes", "mixed_pair_starts"]


def _class_table() -> bytes:
    """A ``bytes.translate`` table from UTF-8 bytes to one class byte per
    character (continuation bytes are deleted): ``L`` for an ASCII letter or
    the lead byte of U+00C0-02BF, ``G`` for U+0340-03FF, ``C`` for
    U+0400-053F, a space otherwise. The lead bytes cover a little more than
    the detectors' ranges (U+02B0-02BF, U+0340-036F, U+0530-053F): the
    classes find where a pattern may match, the pattern decides."""
    table = bytearray(b" " * 256)
    for c in range(256):
        if 0x41 <= c <= 0x5A or 0x61 <= c <= 0x7A or 0xC3 <= c <= 0xCA:
            table[c] = ord("L")
        elif 0xCD <= c <= 0xCF:
            table[c] = ord("G")
        elif 0xD0 <= c <= 0xD4:
            table[c] = ord("C")
    return bytes(table)


_CLASSES = _class_table()
_CONTINUATION = bytes(range(0x80, 0xC0))
_ONE = {cls: bytes(1 if c == ord(cls) else 0 for c in range(256)) for cls in "LGC"}
"""Per class, a table from class bytes to 1 (that class) or 0."""


@lru_cache(maxsize=2)
def letter_classes(text: str) -> bytes:
    """One byte per character of ``text``: ``L`` (Latin letter), ``G``
    (Greek), ``C`` (Cyrillic), or a space; see :func:`_class_table` for the
    exact ranges (a little wider than the scripts' letters).

    Cached for the last two texts: several detectors ask about the same text.

    >>> letter_classes("Ab 1 Вг αβ")
    b'LL   CC GG'
    """
    return text.encode("utf-8", "surrogatepass").translate(_CLASSES, _CONTINUATION)


@lru_cache(maxsize=2)
def mixed_pair_starts(text: str) -> tuple[int, ...]:
    """Every position ``i`` where the characters ``i`` and ``i + 1`` are of
    two different classes of :func:`letter_classes` (overlapping pairs
    included), ascending: a superset of where a two-letter pattern of two
    scripts can match.

    Each class becomes a big integer of 0/1 bytes; a pair is a byte set in
    one integer whose next byte is set in another (a shift by 8 bits).

    >>> mixed_pair_starts("aб βc")
    (0, 3)
    >>> mixed_pair_starts("Ωмega")
    (0, 1)
    """
    classes = letter_classes(text)
    if b"C" not in classes and b"G" not in classes:
        return ()
    latin = int.from_bytes(classes.translate(_ONE["L"]), "little")
    cyrillic = int.from_bytes(classes.translate(_ONE["C"]), "little")
    greek = int.from_bytes(classes.translate(_ONE["G"]), "little") if b"G" in classes else 0
    pairs = (latin & ((cyrillic | greek) >> 8)) | (cyrillic & ((latin | greek) >> 8))
    if greek:
        pairs |= greek & ((latin | cyrillic) >> 8)
    if not pairs:
        return ()
    marks = pairs.to_bytes(len(classes), "little")
    starts: list[int] = []
    i = marks.find(1)
    while i >= 0:
        starts.append(i)
        i = marks.find(1, i + 1)
    return tuple(starts)
