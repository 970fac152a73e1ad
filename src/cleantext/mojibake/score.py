"""How implausible a piece of text is: the model that tells mojibake from text.

The cost of a string is the sum of a per-character cost (how rare the
character is in running text of any language: C1 controls, unassigned code
points, modifier symbols and box drawing are dear; letters of the alphabets of
living languages, digits, ASCII and common typographic punctuation are free)
and a cost per pair of neighbouring characters (a lower-case letter followed by
an upper-case one, a letter next to a symbol or a control, letters of two
scripts touching, an opening quote glued to the end of a word, two unrelated
non-ASCII characters side by side...).

Mojibake is dear: ``Ã©`` is an upper-case letter glued to a symbol, ``–ö–∞``
alternates dashes with math symbols, ``РџСЂРёРІРµС‚`` alternates case and holds
Serbian letters and a micro sign in a Russian word. Its repair is cheap. Real
text is cheap too, so a repair never pays for itself there.

>>> cost("café") < cost("cafÃ©")
True
>>> cost("Привет") < cost("РџСЂРёРІРµС‚")
True
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import NamedTuple

__all__ = [
    "E2_SECOND", "MARKED", "SCIENCE_GREEK", "CharInfo", "char_info", "cost", "rare_replacement",
    "weak_repair",
]


class CharInfo(NamedTuple):
    """What the model knows about one character."""

    kind: str
    """L letter, N digit, Z space, P punctuation, S symbol, K modifier symbol,
    B box drawing, C control/unassigned, M combining mark, E emoji."""
    script: str
    """For letters: "Latin", "Cyrillic", "Greek", "CJK" or a block name."""
    upper: bool
    """Upper-case letter."""
    lower: bool
    """Lower-case letter."""
    cost: float
    """Cost of the character on its own."""
    ascii: bool
    """An ASCII character."""


# Cyrillic letters of Russian, Ukrainian, Belarusian and Kazakh: free.
_CYR_COMMON = frozenset(
    [chr(c) for c in range(0x410, 0x450)]
    + list("ЁёЄєІіЇїҐґ")
    + list("ӘәҒғҚқҢңӨөҰұҮүҺһ")
)
# Serbian/Macedonian letters: real, but a cp1251 view of UTF-8 is full of them.
_CYR_SOUTH = frozenset("ЂђЃѓЅѕЈјЉљЊњЋћЌќЏџ")
_LATIN_EXT_B_COMMON = frozenset("ȘșȚțƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜƏə")
_LATIN_RARE = frozenset("ĸŉſƒŸ")
# Latin-1 letters that real text rarely uses but UTF-8 lead bytes produce.
_LATIN_LEADLIKE = frozenset("ÃÂÐÞĂ")

# Characters whose cost is set by hand (mostly Latin-1 and punctuation).
_FIXED: dict[str, tuple[str, float]] = {
    "\u00a0": ("Z", 0.2), "¡": ("P", 0.3), "¢": ("S", 0.7), "£": ("S", 0.2),
    "¤": ("S", 1.5), "¥": ("S", 0.4), "¦": ("S", 1.5), "§": ("S", 0.3),
    "¨": ("K", 1.5), "©": ("S", 0.2), "ª": ("S", 0.8), "«": ("P", 0.0),
    "¬": ("S", 1.5), "\u00ad": ("M", 0.3), "®": ("S", 0.2), "¯": ("K", 1.5),
    "°": ("S", 0.2), "±": ("S", 0.3), "²": ("S", 0.3), "³": ("S", 0.5),
    "´": ("K", 1.5), "µ": ("S", 0.7), "¶": ("S", 1.0), "·": ("P", 0.5),
    "¸": ("K", 1.5), "¹": ("S", 0.7), "º": ("S", 0.8), "»": ("P", 0.0),
    "¼": ("S", 0.5), "½": ("S", 0.4), "¾": ("S", 0.5), "¿": ("P", 0.3),
    "×": ("S", 0.3), "÷": ("S", 0.5),
    "‘": ("P", 0.0), "’": ("P", 0.0), "“": ("P", 0.0), "”": ("P", 0.0),
    "–": ("P", 0.0), "—": ("P", 0.0), "…": ("P", 0.0), "‚": ("P", 0.4),
    "„": ("P", 0.2), "†": ("P", 0.7), "‡": ("P", 0.8), "•": ("P", 0.3),
    "‰": ("P", 0.8), "‹": ("P", 0.5), "›": ("P", 0.5), "′": ("P", 0.2),
    "″": ("P", 0.2), "€": ("S", 0.2), "™": ("S", 0.3), "№": ("S", 0.0),
    "ˆ": ("K", 1.5), "˜": ("K", 1.5), "\ufffd": ("S", 1.5),
    "\u2800": ("Z", 0.2),  # braille blank, used as a visible-width space
    # combining overlays and underline that style text (s̶t̶r̶i̶k̶e̶, u̲n̲d̲e̲r̲)
    "\u0332": ("M", 0.5), "\u0335": ("M", 0.5), "\u0336": ("M", 0.5),
    "\u0337": ("M", 0.5), "\u0338": ("M", 0.5),
    "\u200d": ("M", 0.0), "\ufe0f": ("M", 0.0), "\u200c": ("M", 0.0),
    "ʻ": ("P", 0.0), "ʼ": ("P", 0.0),
}

# What windows-1252 makes of the bytes 80-9F: after ``â`` (byte E2) they are
# the UTF-8 of punctuation, letterlike symbols, arrows and dingbats (``â€œ``,
# ``â„¢``, ``âœ”``), a pair that no language writes (ftfy's badness rules).
# ``ï¿`` (EF BF) is the start of U+FFFD and other specials.
E2_SECOND = frozenset("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")
_OPENING = frozenset("‚„¿¡‹«“‘")
_CLOSING_ODD = frozenset("»›…‰•†‡¦")


def _script(cp: int) -> str:
    if cp < 0x250 or 0x1E00 <= cp < 0x1F00 or 0x2C60 <= cp < 0x2C80 or 0xA720 <= cp < 0xA800:
        return "Latin"
    if 0xFB00 <= cp < 0xFB07:  # Latin ligatures (ﬁ, ﬂ): letters of Latin words
        return "Latin"
    if 0x250 <= cp < 0x2B0:
        return "IPA"
    if 0x370 <= cp < 0x400 or 0x1F00 <= cp < 0x2000:
        return "Greek"
    if 0x400 <= cp < 0x530 or 0x1C80 <= cp < 0x1C90 or 0x2DE0 <= cp < 0x2E00:
        return "Cyrillic"
    if 0x2E80 <= cp < 0xA000 or 0xF900 <= cp < 0xFB00 or 0x20000 <= cp < 0x32000:
        return "CJK"
    if 0xAC00 <= cp < 0xD7B0 or 0x1100 <= cp < 0x1200 or 0x3130 <= cp < 0x3190:
        return "Hangul"
    return f"block{cp >> 7}"


@lru_cache(maxsize=4096)
def char_info(ch: str) -> CharInfo:
    """The model's view of one character.

    >>> char_info("é").kind, char_info("©").kind, char_info("\\x81").cost
    ('L', 'S', 3.0)
    """
    cp = ord(ch)
    if cp < 0x80:
        if ch.isalpha():
            return CharInfo("L", "Latin", ch.isupper(), ch.islower(), 0.0, True)
        if ch.isdigit():
            return CharInfo("N", "", False, False, 0.0, True)
        if ch in " \t\n\r":
            return CharInfo("Z", "", False, False, 0.0, True)
        if cp < 0x20 or cp == 0x7F:
            return CharInfo("C", "", False, False, 2.0, True)
        return CharInfo("P", "", False, False, 0.0, True)
    fixed = _FIXED.get(ch)
    if fixed is not None:
        return CharInfo(fixed[0], "", False, False, fixed[1], False)
    cat = unicodedata.category(ch)
    if cat[0] == "L":
        script = _script(cp)
        up, low = cat == "Lu", cat == "Ll"
        if script == "Latin":
            if ch in _LATIN_RARE:
                c = 1.2
            elif ch in _LATIN_LEADLIKE:
                c = 0.5
            elif cp < 0x180 or cp >= 0x1E00:
                c = 0.1 if up else 0.0
            elif ch in _LATIN_EXT_B_COMMON:
                c = 0.3
            else:
                c = 1.0
        elif script == "IPA":
            c = 0.3 if ch == "ə" else 2.0
            script = "Latin"
        elif script == "Cyrillic":
            if ch in _CYR_COMMON:
                c = 0.0
            elif ch in "Ўў":  # Belarusian only; windows-1251 reads С as "РЎ"
                c = 0.5
            elif ch in _CYR_SOUTH:
                c = 0.7
            elif 0x400 <= cp < 0x460:
                c = 1.0
            else:
                c = 1.5
        elif script == "Greek":
            c = 0.0 if 0x386 <= cp < 0x3D0 else 1.0
        elif cat == "Lm":
            c = 1.0
        else:
            c = 0.2
        return CharInfo("L", script, up, low, c, False)
    if cat == "Nd":
        return CharInfo("N", "", False, False, 0.0, False)
    if cat[0] == "N":
        return CharInfo("S", "", False, False, 0.5, False)
    if cat[0] == "Z":
        return CharInfo("Z", "", False, False, 0.2, False)
    if cat[0] == "P":
        return CharInfo("P", "", False, False, 0.2, False)
    if cat[0] == "M":
        return CharInfo("M", "", False, False, 0.8, False)
    if cat[0] == "S":
        if cp >= 0x1F000 or 0x2600 <= cp < 0x27C0 or ch in "⬛⬜⭐⭕":
            return CharInfo("E", "", False, False, 0.0, False)
        if 0x2500 <= cp < 0x25A0 or 0x2310 <= cp < 0x2322:
            return CharInfo("B", "", False, False, 1.0, False)
        if cat == "Sk":
            return CharInfo("K", "", False, False, 1.5, False)
        if cat == "Sc":
            return CharInfo("S", "", False, False, 0.2, False)
        if cat == "Sm" or 0x2190 <= cp < 0x2200:
            return CharInfo("S", "", False, False, 0.4, False)
        return CharInfo("S", "", False, False, 0.5, False)
    if cat == "Cf":
        return CharInfo("C", "", False, False, 0.5, False)
    if 0x80 <= cp < 0xA0:
        return CharInfo("C", "", False, False, 3.0, False)
    if cat == "Co":
        return CharInfo("C", "", False, False, 2.5, False)
    return CharInfo("C", "", False, False, 3.0, False)


_SPACE = CharInfo("Z", "", False, False, 0.0, True)


def _pair(a: CharInfo, b: CharInfo, ca: str, cb: str) -> float:
    """The cost of character ``b`` following character ``a``."""
    if a.ascii and b.ascii:
        return 0.0
    ka, kb = a.kind, b.kind
    c = 0.0
    if ka == "L" and kb == "L":
        if a.script != b.script:
            # (but Greek letters are the symbols of science, glued to Latin
            # ones: μ the micro sign of units, μs; IL2Rγ, TNFα)
            c += 0.3 if (ca in SCIENCE_GREEK and b.ascii) or (
                cb in SCIENCE_GREEK and a.ascii) else 2.0
        elif a.lower and b.upper:
            c += 1.0 if b.ascii else 1.5
        elif not a.ascii and not b.ascii and a.script == "Latin":
            c += 0.8 if a.upper and b.lower else 0.4 if a.upper and b.upper else 0.1
            if ca in _LATIN_LEADLIKE and b.lower:
                c += 0.5
            elif ca == "â" and cb in E2_SECOND:
                c += 1.0
        return c
    if ka == "L" or kb == "L":
        other = kb if ka == "L" else ka
        oc = b.cost if ka == "L" else a.cost
        if other in "SKB":
            c += 0.4 if oc <= 0.2 else 0.9
            if not a.ascii and not b.ascii:
                c += 0.5
        elif other == "C":
            c += 1.0
        elif other == "M":
            c += 0.0 if ka == "L" else 0.8
        elif ka == "L" and cb in _OPENING or kb == "L" and ca in _CLOSING_ODD:
            c += 0.6
        elif other == "Z" and (a.script == "CJK" or b.script == "CJK"):
            # Chinese and Japanese do not put spaces between words: a lone
            # ideograph between spaces is more likely a decoding accident
            c += 0.5
        elif other == "Z" and (ca == "\u00a0" or cb == "\u00a0"):
            # a no-break space glued to a letter: after a non-ASCII capital
            # (``Å\u00a0koda``) it is a lost byte
            c += 0.25
            # (Latin only: Russian typography glues "В", "С", "К" to the
            # next word with a no-break space)
            if a.upper and not a.ascii and a.script == "Latin":
                c += 0.9
        # a non-ASCII letter glued to non-ASCII punctuation
        if other == "P" and not a.ascii and not b.ascii:
            c += 0.5
        # the usual UTF-8 lead bytes of windows-1252 before a symbol or mark
        if ca in _LATIN_LEADLIKE and kb != "L" and not b.ascii:
            c += 0.6
        elif (ca == "â" and cb in E2_SECOND) or (ca == "ï" and cb == "¿"):
            c += 1.0
        return c
    if not a.ascii and not b.ascii and ka in "PSKBC" and kb in "PSKBC":
        c += 0.8 if ka != kb or ka != "P" else 0.2
    if ka == "M" and kb != "L":
        c += 0.3
    return c


@lru_cache(maxsize=1 << 16)
def _pair_cost(ca: str, cb: str) -> float:
    """:func:`_pair` of two characters (``ca`` empty: the edge of the text)."""
    return _pair(char_info(ca) if ca else _SPACE, char_info(cb), ca, cb)


def cost(text: str, left: str = "", right: str = "") -> float:
    """The implausibility of ``text`` between neighbours ``left`` and ``right``.

    Only the characters of ``text`` pay their own cost; the neighbours (one
    character each, or empty at an edge) pay for the pairs they form.

    >>> cost("Hello, world")
    0.0
    """
    total = 0.0
    prev_c = left
    kind = "Z"  # the kind of the character before ``prev_c`` (see _step)
    step = _step
    for ch in text:
        add, extra, kind = step(kind, prev_c, ch)
        total += add
        if extra:
            total += extra
        prev_c = ch
    if right:
        before = kind != "L"  # whether the character before ``prev_c`` is no letter
        info = char_info(right)
        total += _pair_cost(prev_c, right)
        if before and info.kind == "Z" and prev_c in _LONE_LEADS:
            total += _LONE_LEADLIKE
        elif not before and info.kind == "L" and prev_c in _OPENING:
            total += _OPENER_IN_WORD
    return total


@lru_cache(maxsize=1 << 15)
def _step(kind: str, prev_c: str, ch: str) -> tuple[float, float, str]:
    """What character ``ch`` adds to :func:`cost` after ``prev_c`` (empty: the
    edge), itself after a character of ``kind`` ("L" a letter, "Z" a space
    or the edge, "" anything else): its own cost and its pair's, then the
    cost of where it stands in a word (0.0: none), each added on its own;
    and the kind of ``prev_c``, for the next character."""
    info = char_info(ch)
    prev = char_info(prev_c) if prev_c else _SPACE
    before = kind != "L"  # whether the character before ``prev`` is no letter
    spaced = kind == "Z"  # whether it is a space (or the edge)
    extra = 0.0
    if not before and info.kind == "L" and prev_c in _OPENING:
        extra = _OPENER_IN_WORD
    elif before:
        if info.kind == "Z" and prev_c in _LONE_LEADS:
            extra = _LONE_LEADLIKE
        elif (
            spaced and info.lower and prev.upper and not info.ascii and not prev.ascii
            and info.script == "Latin" and prev.script == "Latin"
            and prev_c not in _LATIN_LEADLIKE
        ):
            # a capital that starts a word before a small letter
            # (Czech ``Účastníci``, Polish ``Śląsk``) is no pair of mojibake
            extra = -_INITIAL_CAPITAL
    after = "L" if prev.kind == "L" else "Z" if prev.kind == "Z" else ""
    return info.cost + _pair_cost(prev_c, ch), extra, after


_OPENER_IN_WORD = 0.8
"""An opening mark between two letters (``RÄ«ga``): no language puts one
inside a word; UTF-8 continuation bytes read as windows-1252 do."""
SCIENCE_GREEK = frozenset("αβγδεθλμπσφψω")
"""Small Greek letters that science writes inside Latin words and after
numbers (``10μs``, ``IL2Rγ``, ``TNFα``); not those that pass for Latin
letters (``ο``, ``ι``, ``ν``, ``ρ``: look-alikes are another matter)."""
_INITIAL_CAPITAL = 0.7
"""Most of the cost of a non-ASCII capital before a non-ASCII small letter,
taken back where the capital starts a word."""
_LONE_LEADLIKE = 1.0
"""A one-letter word of a UTF-8 lead byte's letter (``Ã``, ``Â``, ``Ă``, ``â``):
no language writes one; ``Ã `` is ``à`` whose A0 byte became a space, ``â €``
is U+2800."""
_LONE_LEADS = _LATIN_LEADLIKE | {"â"}


MARKED = (
    SCIENCE_GREEK | _LATIN_LEADLIKE | _LONE_LEADS | E2_SECOND | _OPENING | _CLOSING_ODD
    | frozenset("âï¿\u00a0")
)
"""The characters beyond ASCII that :func:`cost` tells apart by themselves;
it knows any other only by its :func:`char_info`."""


# Characters that follow a word in clean text (``AHÅ™``, ``Ã’s``, ``SELKÄ\u00a0``):
# after a capital they are as likely text as mojibake.
_AFTER_WORD = frozenset("™®©’”»›°\u00a0")


_MAJOR = frozenset(["Latin", "Greek", "Cyrillic", "CJK", "Hangul"])


@lru_cache(maxsize=4096)
def rare_replacement(replacement: str, original: str) -> bool:
    """A repair no one would bet on alone: a rare character (``ſ``), or a
    letter of a minor script that the original lacks (``ή¨`` -> Thaana ``ި``).

    >>> rare_replacement("ſ", "┼┐"), rare_replacement("é", "Ã©")
    (True, False)
    """
    scripts = {char_info(ch).script for ch in original if char_info(ch).kind == "L"}
    lost = "\ufffd" in original or "?" in original
    for ch in replacement:
        if ch == "\ufffd" and lost:
            continue  # the mark of a byte the original had already lost
        info = char_info(ch)
        if info.cost >= 1.0:
            return True
        if info.kind in "LM" and ord(ch) >= 0x300:
            script = _script(ord(ch))
            if script not in _MAJOR and script not in scripts and not 0x300 <= ord(ch) < 0x370:
                return True
    return False


def _is_letter(ch: str) -> bool:
    return bool(ch) and char_info(ch).kind == "L"


def _is_upper(ch: str) -> bool:
    return bool(ch) and char_info(ch).kind == "L" and ch.isupper()


def weak_repair(text: str, start: int, end: int, replacement: str) -> bool:
    """Whether repairing the two characters ``text[start:end]`` rests on weak
    evidence, so that alone in a document it is reported, not made.

    Weak: the pair is plausible as it stands (a symbol first and no letter on
    either side, like ``√π`` or ``¬´``; a capital that ends a capital word,
    before a trademark sign, apostrophe, closing quote or (no-break) space:
    ``AHÅ™``, ``SELKÄ\u00a0``; a capital word of one letter before an
    apostrophe or trademark sign: ``Ã’s``), or the repair is a rare character or a letter of a
    script foreign to the pair, or puts a lower-case letter (or no letter)
    into a capital word.

    >>> weak_repair("x = √π", 4, 6, "ù"), weak_repair("AHÅ™, sofa", 2, 4, "ř")
    (True, True)
    >>> weak_repair("cafÃ© au lait", 3, 5, "é"), weak_repair("pi√π presto", 2, 4, "ù")
    (False, False)
    """
    if end - start != 2:
        return False
    a, b = text[start], text[end - 1]
    ia = char_info(a)
    left = text[start - 1] if start > 0 else ""
    left2 = text[start - 2] if start > 1 else ""
    right = text[end] if end < len(text) else ""
    if ia.kind != "L" and not _is_letter(left) and not _is_letter(right):
        return True
    in_caps = _is_upper(left) and _is_upper(left2)
    if ia.kind == "L" and ia.upper and (b in _AFTER_WORD or b == " "):
        # (a space is a no-break space assumed lost in transit: ``SENSЕ -``)
        if in_caps and (not _is_letter(right) or b in "’\u00a0 "):
            return True
        # (a trademark sign ends a word: ``Å™eka`` is ``řeka``)
        if not _is_letter(left) and (b == "’" or b in "™®" and not _is_letter(right)):
            return True
    if rare_replacement(replacement, text[start:end]):
        return True
    if in_caps:
        letters = [ch for ch in replacement if char_info(ch).kind == "L"]
        if not letters or any(char_info(ch).lower for ch in letters):
            return True
    return False
