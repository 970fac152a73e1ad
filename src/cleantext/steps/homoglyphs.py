"""Look-alike letters from the wrong script inside a word.

``Kаzаkhstаn`` written with Cyrillic ``а`` (U+0430), ``Алматы`` with a Latin
``A``, an English word with a Cyrillic ``о``: the word looks right but is
invisible to search and spell-checking. Such words come from OCR, from
typing on a keyboard switched to the wrong layout for one letter, and from
spam that dodges filters.

A word is repaired to one script when

* the result is a known word (wordfreq, English for Latin, Russian for
  Cyrillic) and the other script's result is not; when both are known, the
  script of the surrounding text decides;
* or the mixture is evident: only one script can produce the word (the
  other script lacks look-alikes for some of its letters, ``Қазақстaн``), or
  the word could be read in either script letter by letter and the
  surrounding text is clearly in one of them, or a single foreign
  look-alike sits in an otherwise pure word (but not a single look-alike
  capital in a Latin all-caps word: ``SENSЕ`` is a name spelled so).

Genuine mixtures are reported and left alone: words in which both scripts
have letters without look-alikes (``Яndex``), words next to digits or
underscores (codes, formulas, identifiers), words with a Greek letter that
no reading makes a known word (``αcentauri``), lower-case Greek with Latin
capitals (``ρNT``: a variable with a subscript), and balanced mixtures without
a known word. Kazakh letters typed with Latin look-alikes (``ə``, ``i``,
``h``) are left to :mod:`cleantext.steps.kazakh_letters`.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from ..config import Config
from ..finding import Finding
from ..lines import words_at
from ..script_pairs import mixed_pair_starts
from ..step import Step
from ..wordstats import zipf
from .kazakh_letters import KAZAKH_LOOKALIKES, KAZAKH_TEXT

__all__ = [
    "CYRILLIC_TO_LATIN",
    "GREEK_TO_CYRILLIC",
    "GREEK_TO_LATIN",
    "LATIN_TO_CYRILLIC",
    "STEP",
    "detect_homoglyphs",
    "fix_homoglyphs",
]

_NAME = "fix_homoglyphs"
_KIND = "homoglyph"

LATIN_TO_CYRILLIC: MappingProxyType[str, str] = MappingProxyType({
    "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у",
    "k": "к", "ë": "ё",
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М",
    "O": "О", "P": "Р", "T": "Т", "X": "Х", "Y": "У", "Ë": "Ё",
})
"""Latin letters that look like a Cyrillic letter (Latin -> Cyrillic).
Latin ``i``, ``h`` and the other look-alikes of Kazakh letters are the
business of ``fix_kazakh_letters``."""

CYRILLIC_TO_LATIN: MappingProxyType[str, str] = MappingProxyType({
    "а": "a", "с": "c", "е": "e", "о": "o", "р": "p", "х": "x", "у": "y",
    "к": "k", "ё": "ë", "і": "i", "ј": "j", "ѕ": "s", "һ": "h", "ԁ": "d",
    "ԛ": "q", "ԝ": "w", "ӏ": "l",
    "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "К": "K", "М": "M",
    "О": "O", "Р": "P", "Т": "T", "Х": "X", "У": "Y", "Ү": "Y", "Ё": "Ë",
    "І": "I", "Ј": "J", "Ѕ": "S", "Ԛ": "Q", "Ԝ": "W", "Ӏ": "I",
})
"""Cyrillic letters that look like a Latin letter (Cyrillic -> Latin)."""

GREEK_TO_LATIN: MappingProxyType[str, str] = MappingProxyType({
    "ο": "o", "α": "a", "ρ": "p", "ν": "v", "κ": "k", "ι": "i", "χ": "x",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K",
    "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
})
"""Greek letters that look like a Latin letter."""

GREEK_TO_CYRILLIC: MappingProxyType[str, str] = MappingProxyType({
    "ο": "о", "α": "а", "ρ": "р", "κ": "к", "χ": "х",
    "Α": "А", "Β": "В", "Ε": "Е", "Η": "Н", "Κ": "К", "Μ": "М", "Ο": "О",
    "Ρ": "Р", "Τ": "Т", "Υ": "У", "Χ": "Х",
})
"""Greek letters that look like a Cyrillic letter."""

_TO_LATIN = {**CYRILLIC_TO_LATIN, **GREEK_TO_LATIN}
_TO_CYRILLIC = {**LATIN_TO_CYRILLIC, **GREEK_TO_CYRILLIC}
_DEFERRED = frozenset(KAZAKH_LOOKALIKES) - frozenset("ө")
_NOT_KAZAKH = _DEFERRED - {"H"}
_KAZAKH_ONLY = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")

_LAT = "A-Za-z\u00c0-\u024f\u0250-\u02af"
_CYR = "\u0400-\u052f"
_GRK = "\u0370-\u03ff"
# Cheap gate: two letters of different scripts side by side.
_GATE = re.compile(
    f"[{_LAT}][{_CYR}{_GRK}]|[{_CYR}][{_LAT}{_GRK}]|[{_GRK}][{_LAT}{_CYR}]"
)
_LETTERS = re.compile(r"[^\W\d_]+")


def _gate_starts(text: str) -> list[int]:
    """Where ``_GATE.finditer(text)`` matches, found at C speed.

    Only where two letters of different classes touch
    (:func:`cleantext.script_pairs.mixed_pair_starts`) is the gate tried,
    left to right as ``finditer`` would (every match is two characters long).

    >>> _gate_starts("Kаzаkh and Астана")  # Cyrillic а twice
    [0, 2]
    """
    starts: list[int] = []
    end = 0
    for i in mixed_pair_starts(text):
        if i >= end and _GATE.match(text, i):
            starts.append(i)
            end = i + 2
    return starts


_LATIN_RUN = re.compile(f"[{_LAT}]")
_CYR_RUN = re.compile(f"[{_CYR}]")


def _script(ch: str) -> str:
    o = ord(ch)
    if 0x0400 <= o <= 0x052F:
        return "cyr"
    if 0x0370 <= o <= 0x03FF:
        return "grk"
    if ch.isascii() or 0x00C0 <= o <= 0x02AF:
        return "lat"
    return "other"


def _convert(token: str, own: str, table: dict[str, str], keep: frozenset[str]) -> str | None:
    out = []
    for ch in token:
        if _script(ch) == own or ch in keep:
            out.append(ch)
        elif ch in table:
            out.append(table[ch])
        else:
            return None
    return "".join(out)


_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


def _around(text: str, start: int, end: int) -> str:
    """Up to 200 characters each side of the word, within its paragraph: the
    paragraph before may be in another language (an English paragraph before
    the Russian ``Нa``, typed with a Latin a, must not make it ``Ha``)."""
    left = text[max(0, start - 200):start]
    right = text[end:end + 200]
    ends = [m.end() for m in _BLANK_LINE.finditer(left)]
    if ends:
        left = left[ends[-1]:]
    first = _BLANK_LINE.search(right)
    if first is not None:
        right = right[:first.start()]
    return left + " " + right


def _context(text: str, start: int, end: int) -> tuple[int, int]:
    """Latin and Cyrillic letters around the word (200 characters each side,
    within its paragraph)."""
    around = _around(text, start, end)
    return len(_LATIN_RUN.findall(around)), len(_CYR_RUN.findall(around))


_GRK_RUN = re.compile(f"[{_GRK}]")


def _foreign_context(text: str, start: int, end: int, script: str) -> bool:
    """Whether the text around the word is clearly in ``script`` ("cyr" or
    "grk"): there an all-caps Latin word with one letter of that script was
    typed on that keyboard (``CРU``, ``IMНO`` in Russian text)."""
    ctx_lat, ctx_cyr = _context(text, start, end)
    if script == "grk":
        return len(_GRK_RUN.findall(_around(text, start, end))) > 3 * ctx_lat
    return ctx_cyr > 3 * ctx_lat


def _judge(
    text: str, start: int, end: int, deferred: frozenset[str] = _DEFERRED
) -> tuple[str, float, str] | None:
    token = text[start:end]
    scripts = [_script(c) for c in token]
    n_lat, n_cyr, n_grk = scripts.count("lat"), scripts.count("cyr"), scripts.count("grk")
    if "other" in scripts:
        return None
    if sum(1 for n in (n_lat, n_cyr, n_grk) if n) < 2:
        return None
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before.isdigit() or after.isdigit() or "_" in (before, after):
        return token, 0.3, "letters of two scripts in a code or formula (next to digits): left"
    if "\ufffd" in (before, after):
        return token, 0.3, (
            "letters of two scripts next to a lost character (U+FFFD): the word is "
            "incomplete, its script cannot be judged, left"
        )
    if n_cyr + n_grk == 1 and n_lat >= 2 and token.isupper() and not _foreign_context(
        text, start, end, "cyr" if n_cyr else "grk"
    ):
        return token, 0.45, (
            "one Cyrillic or Greek capital in an otherwise Latin all-caps word, in "
            "text that is not in that script: the capitals look the same, and all-caps "
            "words are names and brands spelled on purpose (the band SENSЕ writes a "
            "Ukrainian Е): reported, left"
        )
    if n_grk and not n_cyr and all(
        c.islower() if s == "grk" else c.isupper() for c, s in zip(token, scripts, strict=True)
    ):
        return token, 0.4, (
            "lower-case Greek with Latin capitals (ρNT, κB): a variable with a "
            "subscript or a unit, written so in science, not a look-alike: left"
        )
    to_lat = _convert(token, "lat", _TO_LATIN, frozenset())
    plain_cyr = _convert(token, "cyr", _TO_CYRILLIC, frozenset())
    known_lat = to_lat is not None and zipf(to_lat, "en") >= 1.5
    known_cyr = plain_cyr is not None and zipf(plain_cyr, "ru") >= 1.5
    if not known_lat and not known_cyr and n_cyr and all(
        s == "cyr" or c in deferred for c, s in zip(token, scripts, strict=True)
    ):
        # Latin look-alikes of Kazakh letters in a Cyrillic word: fix_kazakh_letters.
        return None
    to_cyr = plain_cyr if known_cyr else _convert(token, "cyr", _TO_CYRILLIC, deferred)
    ctx_lat, ctx_cyr = _context(text, start, end)
    if known_lat and not known_cyr and to_lat is not None:
        return to_lat, 0.95, (
            f"with Latin letters only it is {to_lat!r}, a word of the English word list"
        )
    if known_cyr and not known_lat and to_cyr is not None:
        return to_cyr, 0.95, (
            f"with Cyrillic letters only it is {to_cyr!r}, a word of the Russian word list"
        )
    if known_lat and known_cyr and to_lat is not None and to_cyr is not None:
        if ctx_lat > 3 * ctx_cyr:
            return to_lat, 0.8, "a known word in both scripts; the text around it is Latin"
        if ctx_cyr > 3 * ctx_lat:
            return to_cyr, 0.8, "a known word in both scripts; the text around it is Cyrillic"
        return token, 0.4, "a known word in both scripts, and the text around it is mixed"
    if n_grk:
        return token, 0.4, (
            "a Greek letter in a word of another script that no reading makes a known "
            "word: Greek letters are used on purpose in science (αcentauri, βcell), left"
        )
    if to_lat is None and to_cyr is None:
        return token, 0.3, (
            "letters of two scripts, each with letters that have no look-alike in the "
            "other: a deliberate mixture (brand name, formula), left"
        )
    if to_lat is None or to_cyr is None:
        target = to_cyr if to_lat is None else to_lat
        assert target is not None
        script = "Cyrillic" if to_lat is None else "Latin"
        if script == "Cyrillic" and ("y" in token or "Y" in token) and any(
            c in _KAZAKH_ONLY for c in token
        ):
            return token, 0.45, "a Latin y in a Kazakh word stands for у or ү: ambiguous"
        return target, 0.8, (
            f"only as {script} can every letter be read: the other letters are "
            f"look-alikes typed from the wrong script"
        )
    # Every letter is a look-alike in both directions and neither reading is a
    # known word: the script of the surrounding text decides, then the majority.
    if ctx_lat > 3 * ctx_cyr and to_lat is not None:
        return to_lat, 0.7, "every letter could be either script; the text around it is Latin"
    if ctx_cyr > 3 * ctx_lat and to_cyr is not None:
        return to_cyr, 0.7, "every letter could be either script; the text around it is Cyrillic"
    if n_lat > n_cyr + n_grk:
        own, foreign, target, script = n_lat, n_cyr + n_grk, to_lat, "Latin"
    else:
        own, foreign, target, script = n_cyr, n_lat + n_grk, to_cyr, "Cyrillic"
    if foreign == 1 and own >= 2:
        return target, 0.8, f"a single look-alike letter in an otherwise {script} word"
    return token, 0.35, "letters of two scripts in even measure, no known word: left"


def detect_homoglyphs(text: str, config: Config | None = None) -> list[Finding]:
    """Find words that mix look-alike letters of Latin, Cyrillic and Greek.

    >>> [f.replacement for f in detect_homoglyphs("Welcome to K\\u0430z\\u0430khst\\u0430n")]
    ['Kazakhstan']
    >>> [(f.replacement, f.changes) for f in detect_homoglyphs("Поиск в \\u042fndex")]
    [('Яndex', False)]
    """
    starts = _gate_starts(text)
    if not starts:
        return []
    findings: list[Finding] = []
    # Latin H in a Cyrillic word is Kazakh Һ only in Kazakh text; elsewhere Н.
    # (Asked of the text only for a word that holds an H: for the others the
    # two sets are the same.)
    kazakh: bool | None = None
    for word in words_at(text, starts, _LETTERS):
        start = word.start()
        deferred = _NOT_KAZAKH
        if "H" in word.group():
            if kazakh is None:
                kazakh = KAZAKH_TEXT.search(text) is not None
            deferred = _DEFERRED if kazakh else _NOT_KAZAKH
        judged = _judge(text, start, word.end(), deferred)
        if judged is None:
            continue
        replacement, confidence, why = judged
        findings.append(Finding(
            _KIND, start, word.end(), word.group(), replacement, confidence, _NAME, why,
        ))
    return findings


def fix_homoglyphs(text: str, config: Config | None = None) -> str:
    """Put words that mix look-alike letters of two scripts into one script.

    >>> fix_homoglyphs("Город Aлматы и K\\u0430z\\u0430khst\\u0430n")
    'Город Алматы и Kazakhstan'
    """
    return STEP.fix(text, config)


STEP = Step(
    _NAME,
    detect_homoglyphs,
    "Put words mixing look-alike Latin/Cyrillic/Greek letters into their own script.",
)
