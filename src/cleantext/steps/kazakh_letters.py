"""Kazakh letters typed with look-alikes from other scripts or keyboards.

Kazakh Cyrillic has nine letters that Russian lacks (``ә ғ қ ң ө ұ ү һ і``).
Without a Kazakh keyboard, people type look-alikes: Latin ``ə`` (U+0259)
for ``ә``, Latin ``i`` for ``і``, ``h`` for ``һ``, barred ``ɵ`` or Greek
``θ`` for ``ө``, ``ķ`` for ``қ``, ``ɏ`` for ``ұ``. Inside an otherwise
Cyrillic word such a letter is damage: it breaks search, sorting and
spell-checking although it looks right. This step puts the Kazakh Cyrillic
letter back.

Only look-alikes inside a word whose other letters are all Cyrillic are
touched. A Latin ``h`` becomes ``һ`` only in text that shows Kazakh letters
elsewhere (in Russian text it is more likely a slip for ``н``, and is
reported instead). A Cyrillic ``і`` (U+0456) is never changed: it is the right letter
of Kazakh, Ukrainian and Belarusian; it is the Latin ``i`` inside a Cyrillic
word that is the damage. The same goes for Ukrainian ``ї`` typed as Latin
``ï``. Kazakh letters replaced by their Russian neighbours (``к`` for
``қ``) cannot be told from Russian without a Kazakh dictionary and are left
alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from types import MappingProxyType

from ..config import Config
from ..finding import Finding
from ..lines import words_at
from ..script_pairs import mixed_pair_starts
from ..step import Step

__all__ = [
    "KAZAKH_LOOKALIKES", "KAZAKH_TEXT", "STEP", "detect_kazakh_letters", "fix_kazakh_letters",
]

_NAME = "fix_kazakh_letters"

KAZAKH_LOOKALIKES: MappingProxyType[str, str] = MappingProxyType({
    "\u0259": "ә",  # ə LATIN SMALL LETTER SCHWA
    "\u018f": "Ә",  # Ə LATIN CAPITAL LETTER SCHWA
    "\u01dd": "ә",  # ǝ LATIN SMALL LETTER TURNED E
    "\u0275": "ө",  # ɵ LATIN SMALL LETTER BARRED O
    "\u019f": "Ө",  # Ɵ LATIN CAPITAL LETTER O WITH MIDDLE TILDE
    "\u03b8": "ө",  # θ GREEK SMALL LETTER THETA
    "\u0398": "Ө",  # Θ GREEK CAPITAL LETTER THETA
    "\u04e9": "ө",  # (already right; listed so the table documents the target)
    "i": "і",       # LATIN SMALL LETTER I -> CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I
    "I": "І",
    "h": "һ",       # LATIN SMALL LETTER H -> CYRILLIC SMALL LETTER SHHA
    "H": "Һ",
    "\u0137": "қ",  # ķ LATIN SMALL LETTER K WITH CEDILLA
    "\u0136": "Қ",  # Ķ
    "\u024f": "ұ",  # ɏ LATIN SMALL LETTER Y WITH STROKE
    "\u024e": "Ұ",  # Ɏ
    "\u00ef": "ї",  # ï LATIN SMALL LETTER I WITH DIAERESIS -> Ukrainian ї
    "\u00cf": "Ї",  # Ï
})
"""Look-alike -> the Kazakh (or Ukrainian) Cyrillic letter it stands for."""

_TABLE = {k: v for k, v in KAZAKH_LOOKALIKES.items() if k != v and k != "\u04e9"}
_LOOKALIKE_CLASS = "".join(re.escape(k) for k in _TABLE)
_CYR = "\u0400-\u04ff\u0500-\u052f"
_KAZAKH_ONLY = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
# A look-alike next to a Cyrillic letter; tried only where two scripts touch
# (:func:`cleantext.script_pairs.mixed_pair_starts`: every look-alike is a
# Latin or Greek letter).
_PAIR = re.compile(f"[{_CYR}][{_LOOKALIKE_CLASS}]|[{_LOOKALIKE_CLASS}][{_CYR}]")
_LETTERS = re.compile(r"[^\W\d_]+")
# A Latin I right after a lower-case Russian letter: the palochka of the
# Caucasian languages, not a Kazakh or Ukrainian І (that one is lower-case there).
_PALOCHKA = re.compile("I(?<=[а-яё]I)")
# Kazakh letters that Ukrainian and Belarusian lack, and their unambiguous
# look-alikes (schwa, barred o, k with cedilla, y with stroke): evidence of
# Kazakh text.
KAZAKH_TEXT = re.compile(
    "[әғқңөұүһӘҒҚҢӨҰҮҺ\u0259\u018f\u01dd\u0275\u019f\u0137\u0136\u024f\u024e]"
)
"""Finds evidence that a text is Kazakh: a letter Russian, Ukrainian and
Belarusian lack, or an unambiguous look-alike of one."""


def _reads_as_english(token: str) -> bool:
    from ..wordstats import zipf
    from .homoglyphs import CYRILLIC_TO_LATIN

    latin = "".join(CYRILLIC_TO_LATIN.get(c, c) for c in token)
    return latin.isascii() and zipf(latin, "en") >= 1.5


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u052f"


def _words_touched(text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """The words holding a look-alike next to a Cyrillic character, each
    once, from :func:`_pair_starts`: what
    :func:`cleantext.lines.words_touched` gives with the gate ``_PAIR``."""
    return words_at(text, starts, _LETTERS)


def _pair_starts(text: str) -> list[int]:
    """Where ``_PAIR.finditer(text)`` matches (every match is two characters
    long), trying it only where two scripts touch.

    >>> _pair_starts("Қазақстан бiлiм hi")  # Latin i twice
    [10, 12]
    """
    starts: list[int] = []
    taken = 0  # where the last match ended
    for i in mixed_pair_starts(text):
        if i >= taken and _PAIR.match(text, i):
            starts.append(i)
            taken = i + 2
    return starts


def detect_kazakh_letters(text: str, config: Config | None = None) -> list[Finding]:
    """Find look-alikes of Kazakh letters inside otherwise Cyrillic words.

    >>> [f.replacement for f in detect_kazakh_letters("Қазақстан Республикасының бiлiм жүйесi")]
    ['білім', 'жүйесі']
    >>> detect_kazakh_letters("Ukrainian місто and English hi")
    []
    """
    starts = _pair_starts(text)
    if not starts:
        return []
    findings: list[Finding] = []
    kazakh_text = KAZAKH_TEXT.search(text) is not None
    # Chechen, Ingush, Avar... write the palochka (Ӏ) as a Latin I, after
    # lower-case letters too (гIалгIай), where a Kazakh or Ukrainian І never
    # stands: in such a text every Latin I is a palochka, written as usual.
    keep = "I" if _PALOCHKA.search(text) else ""
    for word in _words_touched(text, starts):
        start = word.start()
        token = word.group()
        cyrillic = sum(1 for c in token if _is_cyrillic(c))
        foreign = [c for c in token if not _is_cyrillic(c) and c not in keep]
        if not foreign or any(c not in _TABLE for c in foreign):
            continue  # other foreign letters: fix_homoglyphs' business first
        if cyrillic < 2:
            continue  # "hi" with one Cyrillic letter: not evidently a Cyrillic word
        if _reads_as_english(token):
            continue  # "hор": an English word with Cyrillic letters, fix_homoglyphs'
        end = word.end()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        fixed = "".join(c if c in keep else _TABLE.get(c, c) for c in token)
        if before.isdigit() or after.isdigit() or "_" in (before, after):
            confidence = 0.3
            why = "a look-alike inside a Cyrillic word next to digits: perhaps a code, left"
            fixed_shown = token
        elif any(c in "hH" for c in foreign) and not kazakh_text:
            confidence = 0.4
            why = (
                "a Latin h inside a Cyrillic word, but the text shows no Kazakh letters: "
                "һ (Kazakh) or a typing slip, left"
            )
            fixed_shown = token
        else:
            kazakh = any(c in _KAZAKH_ONLY for c in token)
            confidence = 0.95 if kazakh or any(c not in "iIïÏ" for c in foreign) else 0.85
            names = ", ".join(sorted({f"{c!r} (U+{ord(c):04X})" for c in foreign}))
            why = (
                f"{names} inside a Cyrillic word is a look-alike of a Cyrillic letter "
                "(typed without a Kazakh keyboard)"
            )
            fixed_shown = fixed
        findings.append(
            Finding("kazakh_lookalike", start, end, token, fixed_shown, confidence, _NAME, why)
        )
    return findings


def fix_kazakh_letters(text: str, config: Config | None = None) -> str:
    """Replace look-alikes of Kazakh letters in Cyrillic words.

    >>> fix_kazakh_letters("Қазақ тiлi, əдебиет, Аhмет")
    'Қазақ тілі, әдебиет, Аһмет'
    >>> fix_kazakh_letters("Аhмет")  # no Kazakh letters in the text: h or н?
    'Аhмет'
    """
    return STEP.fix(text, config)


STEP = Step(
    _NAME,
    detect_kazakh_letters,
    "Replace look-alikes of Kazakh letters (Latin ə, i, h...) in Cyrillic words.",
)
