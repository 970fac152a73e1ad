"""Single-byte to single-byte code page mixups (``Ïðèâåò`` for ``Привет``).

Text written in one legacy code page (windows-1251, KOI8-R, CP866, KZ-1048,
...) and decoded with another. Every byte stays one character, so the repair
is a character-for-character table: ``damaged.encode(read_as).decode(true)``.

The decision is never made on a character. For each line that passes a cheap
gate (one compiled regex for the text, one per mixup for the line), every
candidate mixup proposes a repair of the line's words, and the words vote with
language evidence from :mod:`cleantext.evidence`: a repaired word that is a
known word while the damaged one was not; a word whose letters fit no alphabet
(``ќ`` next to ``ы``) or whose case is chaotic (``пРИВЕТ``) becoming one that
fits; letter-pair statistics getting better or worse; the line's case turning
from mostly upper to mostly lower. Longer words weigh more. Only such "hard"
evidence can start a finding; letter pairs alone never do. A mixup is applied
to a line only when its words, taken together, say so; weak evidence is
reported as a low-confidence finding that is not applied, unless the same
mixup is certain elsewhere in the document (see :func:`gather_codepage_evidence`).
A line that is valid UTF-8 in the code page it was read with is left to
``fix_mojibake``.

>>> fix_codepage_mixups("Ïðèâåò, ìèð! Êàê äåëà?")
'Привет, мир! Как дела?'
>>> detect_codepage_mixups("Le garçon a mangé à midi.")
[]
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache, reduce
from itertools import islice, repeat
from operator import and_, or_
from types import MappingProxyType
from typing import NamedTuple

from ..config import Config
from ..evidence.cyrillic import (
    ALPHABETS,
    bigram_score,
    case_is_normal,
    known_in,
    load_letter_pairs,
    normalize_word,
)
from ..evidence.kazakh import KAZAKH_LETTERS
from ..evidence.latin import is_known_accented_word
from ..evidence.wordlists import LANGUAGE_NAMES
from ..finding import Finding
from ..lines import lines_matching
from ..mojibake.codepages import is_utf8_beyond_ascii, table
from ..step import Step, add_counts, evidence_of

__all__ = [
    "MIXUPS", "STEP", "Mixup", "detect_codepage_mixups", "fix_codepage_mixups",
    "gather_codepage_evidence", "merge_codepage_evidence",
]

_STEP = "fix_codepage_mixups"
_KIND = "codepage_mixup"

_CODEC_NAMES = {
    "cp1251": "windows-1251", "koi8_r": "KOI8-R", "koi8_u": "KOI8-U", "cp866": "CP866",
    "kz1048": "KZ-1048", "mac_cyrillic": "Mac Cyrillic", "iso8859_5": "ISO-8859-5",
    "western": "latin-1/windows-1252",
}


@dataclass(frozen=True)
class Mixup:
    """Text in code page ``true`` that was decoded as ``read_as``."""

    true: str
    """The code page the bytes were written in (a Python codec name)."""
    read_as: str
    """The code page they were decoded with (``"western"``: latin-1 or windows-1252)."""

    @property
    def family(self) -> str:
        """``"latin"`` when the damage looks Latin, ``"cyrillic"`` otherwise."""
        return "latin" if self.read_as == "western" else "cyrillic"

    def describe(self) -> str:
        """``windows-1251 read as KOI8-R`` and the like."""
        return f"{_CODEC_NAMES[self.true]} read as {_CODEC_NAMES[self.read_as]}"


MIXUPS: tuple[Mixup, ...] = (
    Mixup("cp1251", "western"),
    Mixup("kz1048", "western"),
    Mixup("koi8_r", "western"),
    Mixup("cp1251", "koi8_r"),
    Mixup("koi8_r", "cp1251"),
    Mixup("cp1251", "koi8_u"),
    Mixup("koi8_u", "cp1251"),
    Mixup("cp866", "cp1251"),
    Mixup("cp1251", "cp866"),
    Mixup("koi8_r", "cp866"),
    Mixup("cp866", "koi8_r"),
    Mixup("kz1048", "cp1251"),
    Mixup("cp1251", "mac_cyrillic"),
    Mixup("mac_cyrillic", "cp1251"),
    Mixup("cp1251", "iso8859_5"),
    Mixup("iso8859_5", "cp1251"),
)
"""Every mixup considered, in order of preference when two repair alike."""


def _decode_byte(codec: str, b: int) -> str | None:
    try:
        return bytes([b]).decode(codec)
    except UnicodeDecodeError:
        return None


def _read_as_chars(codec: str, b: int) -> list[str]:
    """What a byte may look like after being decoded with ``codec``.

    Undefined bytes show as the Latin-1 code point (as "sloppy" decoders and
    latin-1 do); "western" is latin-1 and windows-1252 both.
    """
    if codec == "western":
        chars = [chr(b)]
        cp = _decode_byte("cp1252", b)
        if cp is not None and cp != chr(b):
            chars.append(cp)
        return chars
    ch = _decode_byte(codec, b)
    return [ch if ch is not None else chr(b)]


@dataclass(frozen=True)
class _Table:
    table: dict[int, str]
    letters: frozenset[str]  # damaged characters that stand for letters


@cache
def _table(mixup: Mixup) -> _Table:
    table: dict[int, str] = {}
    letters: set[str] = set()
    for b in range(0x80, 0x100):
        target = _decode_byte(mixup.true, b)
        if target is None:
            continue
        for ch in _read_as_chars(mixup.read_as, b):
            if target.isalpha():
                letters.add(ch)
            if ch != target:
                table[ord(ch)] = target
    return _Table(table, frozenset(letters))


def _char_class(chars: frozenset[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


@cache
def _token_re(mixup: Mixup) -> re.Pattern[str]:
    """A run of the characters that stand for letters (apostrophes inside).

    A run counts as a word only between :data:`_NEIGHBOURS` and digits:
    :func:`_word_re` finds the same runs, fewer of the others.
    """
    cls = _char_class(_table(mixup).letters)
    return re.compile(f"{cls}+(?:['’]{cls}+)*")


@cache
def _word_re(mixup: Mixup) -> re.Pattern[str]:
    """The matches of :func:`_token_re` that can have :data:`_NEIGHBOURS` or
    digits on both sides, and a few more (checked after).

    Where :func:`_token_re` finds runs and leaves to Python those with a
    letter next to them (most runs, in text of another code page), this
    regex refuses them itself. A run starts where its first character
    follows no character of the run's class nor an apostrophe after one:
    the lookbehinds after the first character say so, and refuse a
    character that is never a neighbour; the atomic group then takes the
    run as :func:`_token_re` does (no backtracking), and the lookahead
    refuses a run followed by a character that is never a neighbour. Those
    never-neighbours are the characters below U+3000 that are neither in
    :data:`_NEIGHBOURS` nor digits; the characters beyond are checked in
    Python with every run found. The leading character class lets the
    regex engine skip ahead to the next candidate.
    """
    cls = _char_class(_table(mixup).letters)
    never = _never_neighbours()
    return re.compile(
        f"{cls}(?<!{_union_class(cls, never)}{cls})(?<!{cls}['’]{cls})"
        f"(?>{cls}*(?:['’]{cls}+)*)(?!{never})")


def _union_class(a: str, b: str) -> str:
    return a[:-1] + b[1:]


@cache
def _never_neighbours() -> str:
    """A regex class of the characters below U+3000 that cannot stand next to
    a word: not in :data:`_NEIGHBOURS`, not digits (letters among them)."""
    chars = [chr(c) for c in range(0x3000)
             if chr(c) not in _NEIGHBOURS and not chr(c).isdigit()
             and not 0xD800 <= c < 0xE000]
    ranges: list[str] = []
    start = prev = ord(chars[0])
    for c in (*map(ord, chars[1:]), -1):
        if c != prev + 1:
            first, last = re.escape(chr(start)), re.escape(chr(prev))
            ranges.append(first if start == prev else f"{first}-{last}")
            start = c
        prev = c
    return "[" + "".join(ranges) + "]"


_COMMON_PUNCT = frozenset("«»„“”‘’‚…–—\u00a0\u00ad()\"'‹›•·№")
_OPENERS = frozenset("«(\"'")
_RUSSIAN = ALPHABETS["ru"] | {ch.upper() for ch in ALPHABETS["ru"]}


@cache
def _gate(family: str) -> re.Pattern[str]:
    """One regex that any damaged line of the family matches."""
    chars: set[str] = set()
    for m in MIXUPS:
        if m.family == family:
            chars |= {chr(c) for c in _table(m).table} | _table(m).letters
    if family == "latin":
        damaged = {c for m in MIXUPS if m.family == "latin"
                   for c in _table(m).letters if not c.isascii()}
        # (two classes, not a class repeated: the engine skips ahead on a
        # leading class only)
        return re.compile(_char_class(frozenset(damaged)) * 2)
    odd_letters = frozenset(c for c in chars if c.isalpha() and c not in _RUSSIAN)
    rare = frozenset(c for c in chars if not c.isalpha() and c not in _COMMON_PUNCT)
    common = frozenset(c for c in chars if not c.isalpha() and c in _COMMON_PUNCT)
    # One character class first, then what must surround the character: the
    # regex engine skips ahead on a leading class (capitals and odd characters
    # are rare), where an alternation of classes is tried at every position.
    capitals = frozenset(c for c in _RUSSIAN if c.isupper())
    first = capitals | odd_letters | rare | common
    after = [f"(?<=[а-яёА-ЯЁ]{_char_class(capitals)})"]  # a capital after a letter
    if odd_letters | rare:
        after.append(f"(?<={_char_class(odd_letters | rare)})")
    if common:
        after.append(f"(?<=[а-яёА-ЯЁ]{_char_class(common)})(?=[а-яё])")
    # punctuation that never opens a lower-case word, seen opening one
    odd_start = common - _OPENERS
    if odd_start:
        after.append(f"(?<={_char_class(odd_start)})(?=[а-яё])")
    return re.compile(_char_class(first) + "(?:" + "|".join(after) + ")")


@cache
def _signature(mixup: Mixup) -> tuple[frozenset[str], bool]:
    """What a line damaged by this mixup must show somewhere: a character
    Russian text does not have (of the set), or, if the mixup turns
    upper-case letters to lower-case (the flag), upper-case letters where
    lower-case were (:data:`_INVERTED_CASE`)."""
    tab = _table(mixup)
    odd = frozenset(c for c in tab.letters if c not in _RUSSIAN and not c.isascii())
    inverts = any(chr(k).isupper() and v.islower() for k, v in tab.table.items())
    return odd, inverts


_INVERTED_CASE = re.compile("[А-ЯЁ]{2}|[а-яё][А-ЯЁ]")


_Vote = tuple[float, float, tuple[str, ...], bool]
"""What one word says for (a positive vote) or against a repair: ``(weight,
vote, known_after, hard)``, its weight, its vote, the languages whose lists
hold the repaired word, whether the vote is hard evidence.

(This and :data:`_Before` and :data:`_Word` are plain tuples, not named
ones: the caches keep them by the ten thousand, and the garbage collector
stops going through a tuple of plain values, never through the instances
of a class.)"""


class _Unlisted(NamedTuple):
    """A word neither word list decides: the letter pairs will."""

    weight: float
    before: str  # (without the quotes around it)
    fits_after: bool
    fits_before: bool  # (``False`` for the Latin family, which does not ask)


_LANGUAGE_BIT = {lang: 1 << i for i, lang in enumerate(ALPHABETS)}
_ALL_ALPHABETS = (1 << len(ALPHABETS)) - 1


def _alphabets(word: str) -> int:
    """:func:`~cleantext.evidence.cyrillic.alphabet_languages` as a bit set
    (a bit per language of ``ALPHABETS``), cached for words of ordinary
    length: words recur.

    A word of letters of the alphabets in either case (most words) is
    looked up letter by letter at C level (:data:`_CASED_BITS`), cheaper
    than the cache."""
    if _CASED_LETTERS.issuperset(word):  # (and-ing a letter's bits twice changes nothing)
        return reduce(and_, map(_CASED_BITS.__getitem__, word), _ALL_ALPHABETS)
    return _cached_alphabets(word) if len(word) <= 64 else _alphabet_bits(word)


def _alphabet_bits(word: str) -> int:
    chars = set(normalize_word(word))
    if chars <= _LETTER_BITS.keys():  # (C level: letters of the alphabets only)
        return reduce(and_, map(_LETTER_BITS.__getitem__, chars), _ALL_ALPHABETS)
    bits = _ALL_ALPHABETS
    for ch in chars:
        letter_bits = _LETTER_BITS.get(ch)
        if letter_bits is not None:
            bits &= letter_bits
        elif ch.isalpha():
            return 0  # a letter of no alphabet
    return bits


_LETTER_BITS: dict[str, int] = {}
"""For each letter of an alphabet, the bits of the languages that have it."""
for _lang, _abc in ALPHABETS.items():
    for _ch in _abc:
        _LETTER_BITS[_ch] = _LETTER_BITS.get(_ch, 0) | _LANGUAGE_BIT[_lang]
del _lang, _abc, _ch


_cached_alphabets = lru_cache(maxsize=1 << 16)(_alphabet_bits)


def _cased_bits(candidates: Iterable[str]) -> dict[str, int]:
    """:data:`_LETTER_BITS` of each of ``candidates`` whose normalized form
    (:func:`normalize_word`) is one character, a key of :data:`_LETTER_BITS`.

    Lower-casing goes character by character (but for Greek sigma, which is
    none of these): the bits of a word made of such characters are those of
    its characters. The candidates of :data:`_CASED_BITS` find every such
    character of Unicode:

    >>> every = (chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    >>> _cased_bits(every) == _CASED_BITS
    True
    """
    out: dict[str, int] = {}
    for ch in candidates:
        norm = normalize_word(ch)
        if len(norm) == 1 and norm in _LETTER_BITS:
            out[ch] = _LETTER_BITS[norm]
    return out


_CASED_BITS: dict[str, int] = _cased_bits(
    [*_LETTER_BITS, *(ch.upper() for ch in _LETTER_BITS), *(ch.title() for ch in _LETTER_BITS),
     "’", "ʼ", "`"])
"""For the letters of the alphabets in either case and the apostrophes,
the bits of the languages that have them (see :func:`_cased_bits`)."""
_CASED_LETTERS = frozenset(_CASED_BITS)


def _fits(word: str) -> bool:
    return _alphabets(word) != 0 and case_is_normal(word)


_REAL_WORD_SCORE = -3.3


_OPENING = "«„“‘(\"'"
_CLOSING = "»“”’)\"'…"


def _strip_punct(word: str) -> str:
    """The word without quotes and brackets attached to it."""
    return word.lstrip(_OPENING).rstrip(_CLOSING)


@lru_cache(maxsize=1 << 16)
def _vote(before: str, after: str, family: str) -> _Vote:
    """How much one word says for (positive) or against the repair.

    ``hard`` evidence is a known word appearing, or a word whose letters fit no
    alphabet becoming one that fits; letter-pair statistics alone are soft.
    """
    listed = _listed_vote(before, after, family)
    if not isinstance(listed, _Unlisted):
        return listed
    return _scored_vote(listed, after, family)


def _listed_vote(before: str, after: str, family: str) -> _Vote | _Unlisted:
    """:func:`_vote` when the word lists decide it, else what the letter
    pairs need to (the cheap part of the vote: no letter pairs scored)."""
    return _decide(_before(before, family), after, _after(after), family)


_Before = tuple[bool, str, int, bool, bool, int, int, int, bool]
"""What a damaged word says by itself, whatever the mixup (a plain tuple,
see :data:`_Vote`):

- ``known``: a listed word in sane case (Latin: a frequent accented word);
- ``judged``: the word as judged: without the quotes around it if they hold a word;
- ``core``: the letters of that word (0: the quotes stay);
- ``known_core``: that word is listed, in sane case;
- ``fits``: :func:`_fits` of the word as judged (asked for Cyrillic only);
- ``upper``: its upper-case letters; ``letters``: its letters;
- ``alphabets``: :func:`_alphabets` of the word without quotes around it;
- ``odd``: a letter Russian does not have.
"""


@lru_cache(maxsize=1 << 15)
def _before(word: str, family: str) -> _Before:
    """:data:`_Before` of a word (cached: a word is judged for every mixup)."""
    if word.isalpha():
        # (letters only, most words: nothing to strip, and the counts and
        # case_is_normal at C level)
        n = len(word)
        upper = sum(map(str.isupper, word))
        normal = n < 2 or upper == n or all(map(str.islower, word[1:]))
        alphabets = _alphabets(word)
        if family == "latin":
            return (is_known_accented_word(word), word, 0, False, False, upper, n,
                    alphabets, not _RUSSIAN.issuperset(word))
        return (normal and bool(known_in(word)), word, 0, False,
                alphabets != 0 and normal, upper, n, alphabets,
                not _RUSSIAN.issuperset(word))
    known = (is_known_accented_word(word) if family == "latin"
             else bool(known_in(word)) and case_is_normal(word))
    judged, core_letters, known_core = word, 0, False
    core = _strip_punct(word)
    if core != word and core.isalpha():
        # a word in quotes; also a one-letter word before a closing quote
        # (Ukrainian ``є»``, which Mac Cyrillic read as windows-1251 would
        # make ``Її``)
        judged, core_letters = core, len(core)
        known_core = bool(known_in(core)) and case_is_normal(core)
    upper, letters = _case_counts(word)
    return (
        known, judged, core_letters, known_core,
        family != "latin" and _fits(judged),
        upper, letters, _alphabets(core),
        any(ch.isalpha() for ch in set(word) - _RUSSIAN),
    )


class _After(NamedTuple):
    """What a repaired word says by itself, whatever the mixup."""

    weight: float  # longer words weigh more
    fits: bool  # :func:`_fits`
    upper: int  # upper-case letters
    letters: int
    alphabets: int  # :func:`_alphabets` of the word without quotes around it
    normal: bool  # :func:`~cleantext.evidence.cyrillic.case_is_normal`
    kazakh: bool  # a letter only Kazakh has


def _after(word: str) -> _After:
    """:class:`_After` of a word.

    (Not cached: the repairs of most words by most mixups are words of
    their own, which a cache would only keep for the garbage collector to
    go through; :func:`_word` keeps what the line needs of it.)"""
    if word.isalpha():
        # (letters only, most words: nothing to strip, and the counts and
        # case_is_normal at C level)
        n = len(word)
        upper = sum(map(str.isupper, word))
        normal = n < 2 or upper == n or all(map(str.islower, word[1:]))
        alphabets = _alphabets(word)
        return _After(min(1.0, (n - 1) / 4.0), alphabets != 0 and normal, upper, n,
                      alphabets, normal, not _KAZAKH_ONLY.isdisjoint(word))
    normal = case_is_normal(word)
    upper, letters = _case_counts(word)
    alphabets = _alphabets(word)
    core = _strip_punct(word)
    return _After(
        min(1.0, (letters - 1) / 4.0),
        alphabets != 0 and normal,
        upper, letters, alphabets if core == word else _alphabets(core), normal,
        not _KAZAKH_ONLY.isdisjoint(word),
    )


def _decide(before: _Before, repaired: str, after: _After, family: str) -> _Vote | _Unlisted:
    """The vote of the word lists on a repair (to ``repaired``), if they have one."""
    weight = after.weight
    # a known word in chaotic case (``бельЯ``) is not evidence of a real word
    known_after = known_in(repaired) if after.normal else ()
    known_before, judged, core, known_core, fits_before, _, _, _, _ = before
    if core >= 2:
        if known_after and known_core and not known_before:
            # both read as words; the repair explains every character
            return (weight, 0.5, known_after, True)
        known_before = known_before or known_core
    elif core == 1:
        known_before = known_before or known_core
    if known_after and not known_before:
        return (weight, 1.0, known_after, True)
    if known_before and not known_after:
        return (weight, -1.0, known_after, False)
    if known_before:
        return (weight, 0.0, known_after, False)
    return _Unlisted(weight, judged, after.fits, family != "latin" and fits_before)


def _may_be_hard(vote: _Vote | _Unlisted, family: str) -> bool:
    """Whether the word's vote can be hard evidence, before its letter pairs
    are scored (:func:`_scored_vote` is hard only so)."""
    if not isinstance(vote, _Unlisted):
        return vote[3]
    return vote.fits_after and (family == "latin" or not vote.fits_before)


def _most_vote(unlisted: _Unlisted, family: str) -> float:
    """The largest vote :func:`_scored_vote` can give the word, whatever
    its letter pairs."""
    if family == "latin":
        return 0.75 if unlisted.fits_after else -0.5
    if unlisted.fits_after and not unlisted.fits_before:
        return 0.75
    if unlisted.fits_before and not unlisted.fits_after:
        return -0.5
    return 0.25


def _scored_vote(unlisted: _Unlisted, after: str, family: str) -> _Vote:
    """The vote of a word neither word list decides, by its letter pairs."""
    weight, before, fits_after, fits_before = unlisted
    score_after = bigram_score(after)
    if family == "latin":
        # A word made only of accented Latin-1 letters is not a word of any
        # Western language; the question is whether the repair reads as one.
        if fits_after and score_after >= _REAL_WORD_SCORE:
            return (weight, 0.75, (), True)
        if fits_after:
            return (weight, 0.25, (), False)
        return (weight, -0.5, (), False)
    diff = score_after - bigram_score(before)
    if fits_after and not fits_before and score_after >= _REAL_WORD_SCORE:
        return (weight, 0.75 if diff > 0.5 else 0.5, (), True)
    if fits_after and not fits_before:
        return (weight, 0.25, (), False)
    if fits_before and not fits_after:
        return (weight, -0.75 if diff < -0.5 else -0.5, (), False)
    if diff > 1.0:
        return (weight, 0.25, (), False)
    if diff < -0.5:
        return (weight, -0.5, (), False)
    return (weight, 0.0, (), False)


@dataclass(frozen=True)
class _Verdict:
    mixup: Mixup
    start: int
    end: int
    replacement: str
    support: float
    ratio: float
    words: int
    known: int
    langs: Counter[str]
    kazakh: bool

    @property
    def confidence(self) -> float:
        return max(0.0, self.ratio * (1.0 - math.exp(-1.2 * self.support)))

    def moved(self, offset: int, mixup: Mixup) -> _Verdict:
        """The verdict ``offset`` characters on, for ``mixup`` (which reads
        the line alike); ``dataclasses.replace`` without its checks."""
        return _Verdict(mixup, self.start + offset, self.end + offset, self.replacement,
                        self.support, self.ratio, self.words, self.known, self.langs,
                        self.kazakh)


# What may stand right next to a word: anything else (``r‚àö¬©sum``) means
# the "word" is a piece of some other damage. (No letter is among them, and
# no letter is a digit: a neighbour is one of them or a digit.)
_NEIGHBOURS = frozenset(" \t\r\n\u00a0«»„“”‘’…–—") | frozenset(
    chr(c) for c in range(0x21, 0x7F) if not chr(c).isalnum())


@dataclass(frozen=True)
class _Plan:
    """What judging the lines for one mixup needs, worked out once."""

    index: int  # in MIXUPS
    mixup: Mixup
    latin: bool
    table: dict[int, str]
    letters: frozenset[str]  # the characters of its damaged words
    words: re.Pattern[str]  # :func:`_word_re`
    odd: frozenset[str]  # :func:`_signature`
    inverts: bool
    unshown: frozenset[str]  # the Cyrillic characters its code page cannot show
    made_by_damage: dict[int, None]
    twins: tuple[tuple[int, frozenset[str]], ...]  # :func:`_twins`


@cache
def _plans(family: str) -> tuple[_Plan, ...]:
    """The plans of the mixups of ``family``, in the order of :data:`MIXUPS`."""
    return tuple(
        _Plan(i, m, m.family == "latin", _table(m).table, _table(m).letters, _word_re(m),
              *_signature(m), _CYRILLIC_BLOCK - _shown_by(m.read_as), _made_by_damage(m),
              _twins(i))
        for i, m in enumerate(MIXUPS) if m.family == family)


@cache
def _plan(index: int) -> _Plan:
    mixup = MIXUPS[index]
    return next(p for p in _plans(mixup.family) if p.index == index)


_Word = tuple[str, "_Vote | None", bool, float, float, int, int, int, int, int,
              "int | None", "bool | None", bool, bool]
"""What one damaged word says about one mixup, whatever line it is on (a
plain tuple, see :data:`_Vote`), in this order:

- ``after``: the repaired word;
- ``vote``: its :data:`_Vote` (None: not decided yet, see :func:`_vote`);
- ``may_be_hard``: whether that vote can be hard evidence;
- ``weight``: the weight of the vote;
- ``most``: the most the vote can add to the support (weight * vote at most);
- ``upper_before``, ``letters_before``, ``upper_after``, ``letters_after``:
  upper-case letters and letters before and after the repair;
- ``alphabets_before``: :func:`_alphabets` without quotes around;
- ``alphabets_after``: the same after the repair (None for a listed word:
  asked when needed);
- ``normal_after``: case_is_normal after the repair (None as ``alphabets_after``);
- ``odd_before``: a letter Russian does not have;
- ``kazakh_after``: a letter only Kazakh has.
"""


def _case_counts(word: str) -> tuple[int, int]:
    letters = word if word.isalpha() else "".join(filter(str.isalpha, word))
    return sum(map(str.isupper, letters)), len(letters)


@lru_cache(maxsize=1 << 16)
def _word(word: str, index: int) -> _Word | None:
    """What the word (a token of the mixup ``MIXUPS[index]``) says about
    the mixup; ``None`` when it says nothing: the repair leaves it alone or
    makes less than two letters, or it has no letter (a token of symbols
    and soft hyphens, ``'\\xad\\xad»'`` for CP866 ``'нн╗'``: clean text is full
    of such tokens).

    Cached: the judge of a line asks one dictionary per word, and words
    recur from line to line.
    """
    plan = _plan(index)
    after = word.translate(plan.table)
    if after == word:
        return None
    if not word.isalpha() and not any(ch.isalpha() for ch in word):
        return None
    family = plan.mixup.family
    said_before = _before(word, family)
    known, _, _, _, _, upper_before, letters_before, alphabets_before, odd_before = said_before
    if known:
        # A listed word votes -1 or 0 whatever the repair makes: its vote
        # and the alphabets of its repair wait until the line may speak for
        # the mixup (clean text is mostly listed words); the kazakh flag
        # counts for a positive vote only.
        upper_after, letters_after = _case_counts(after)
        if letters_after < 2:
            return None
        return (
            after, None, False, min(1.0, (letters_after - 1) / 4.0), 0.0,
            upper_before, letters_before, upper_after, letters_after,
            alphabets_before, None, None, odd_before, False,
        )
    if not plan.latin and after.isalpha():
        return _cyrillic_word(after, said_before)
    return _unlisted_word(after, said_before, family)


def _unlisted_word(after: str, said_before: _Before, family: str) -> _Word | None:
    """:func:`_word` of a word that is not listed (``said_before``: its
    :data:`_Before`), repaired to ``after``."""
    _, _, _, _, _, upper_before, letters_before, alphabets_before, odd_before = said_before
    said_after = _after(after)
    if said_after.letters < 2:
        return None
    weight = said_after.weight
    listed = _decide(said_before, after, said_after, family)
    vote: _Vote | None
    if isinstance(listed, _Unlisted):
        vote, most = None, weight * _most_vote(listed, family)
    else:
        vote, most = listed, listed[0] * listed[1]
    return (
        after, vote, _may_be_hard(listed, family), weight, most,
        upper_before, letters_before, said_after.upper, said_after.letters,
        alphabets_before, said_after.alphabets, said_after.normal, odd_before,
        said_after.kazakh,
    )


def _cyrillic_word(after: str, said_before: _Before) -> _Word | None:
    """:func:`_unlisted_word` of a word of the Cyrillic family whose repair
    ``after`` is letters only (most words), in one function: what
    :func:`_after`, :func:`_decide`, :func:`_most_vote` and
    :func:`_may_be_hard` do in that case.

    >>> words = ["Привет", "пРИВЕТ", "ПРИВЕТ", "я", "«Как»", "дела", "Ђѓ", "ыќ",
    ...          "ҚАЗАҚ", "қазақ", "Її", "є»", "мир", "бельЯ", "ЁЛКА", "ёлка"]
    >>> said = [_before(b, "cyrillic") for b in words]
    >>> all(_cyrillic_word(a, s) == _unlisted_word(a, s, "cyrillic")
    ...     for a in words if a.isalpha() for s in said if not s[0])
    True
    """
    n = len(after)
    if n < 2:
        return None
    (_, judged, core, known_core, fits_before, upper_before, letters_before,
     alphabets_before, odd_before) = said_before
    upper_after = sum(map(str.isupper, after))
    normal_after = upper_after == n or all(map(str.islower, after[1:]))
    alphabets_after = _alphabets(after)
    weight = min(1.0, (n - 1) / 4.0)
    fits_after = alphabets_after != 0 and normal_after
    # a known word in chaotic case (``бельЯ``) is not evidence of a real word
    known_after = known_in(after) if normal_after else ()
    vote: _Vote | None = None
    known_before = False  # (the damaged word is not listed: see _word)
    if core >= 2:
        if known_after and known_core:
            # both read as words; the repair explains every character
            vote = (weight, 0.5, known_after, True)
        known_before = known_core
    elif core == 1:
        known_before = known_core
    if vote is None:
        if known_after and not known_before:
            vote = (weight, 1.0, known_after, True)
        elif known_before and not known_after:
            vote = (weight, -1.0, known_after, False)
        elif known_before:
            vote = (weight, 0.0, known_after, False)
    if vote is not None:
        may_be_hard, most = vote[3], weight * vote[1]
    else:  # (unlisted: the letter pairs will decide, see _most_vote)
        may_be_hard = fits_after and not fits_before
        most = weight * (0.75 if may_be_hard else -0.5 if fits_before and not fits_after
                         else 0.25)
    return (
        after, vote, may_be_hard, weight, most,
        upper_before, letters_before, upper_after, n,
        alphabets_before, alphabets_after, normal_after, odd_before,
        not _KAZAKH_ONLY.isdisjoint(after),
    )


_ASCII_LETTER = re.compile("[A-Za-z\u0130\u212a]")
"""The characters whose lower case starts with a letter ``a``-``z`` (the
Kelvin sign and dotted capital I besides ASCII; tested over all of Unicode)."""


class _Chunks:
    """The space-delimited chunks of a line, for
    :func:`_chunk_has_ascii_letters` token after token without scanning a
    chunk again for each of its tokens (a line of ``Ãé-Ãé-...`` took time
    in the square of its length).

    A damaged word of the Latin family has no character of
    :data:`_ASCII_LETTER` (its characters are beyond ASCII, in latin-1 or
    windows-1252; tested), so its chunk has A-Z letters beside it when the
    chunk has them at all.
    """

    __slots__ = ("_has", "_line", "_seps")

    def __init__(self, line: str) -> None:
        self._line = line
        self._seps = [m.start() for m in _CHUNK_SEPARATOR.finditer(line)]
        self._has: dict[int, bool] = {}

    def has_ascii_letters(self, start: int, end: int) -> bool:
        """:func:`_chunk_has_ascii_letters` of a damaged word of the Latin family."""
        seps = self._seps
        i = bisect_left(seps, start)
        left = seps[i - 1] + 1 if i else 0
        has = self._has.get(left)
        if has is None:
            j = bisect_left(seps, end, i)
            right = seps[j] if j < len(seps) else len(self._line)
            has = self._has[left] = _ASCII_LETTER.search(self._line, left, right) is not None
        return has


_CHUNK_SEPARATOR = re.compile("[ \n]")


def _chunk_has_ascii_letters(line: str, start: int, end: int) -> bool:
    """Whether the space-delimited chunk around ``line[start:end]`` has A-Z
    letters (the plain definition of :meth:`_Chunks.has_ascii_letters`)."""
    left = max(line.rfind(" ", 0, start), line.rfind("\n", 0, start)) + 1
    right = len(line)
    for sep in (" ", "\n"):
        i = line.find(sep, end)
        if 0 <= i < right:
            right = i
    return (_ASCII_LETTER.search(line, left, start) is not None
            or _ASCII_LETTER.search(line, end, right) is not None)


@cache
def _made_by_damage(mixup: Mixup) -> dict[int, None]:
    """A str.translate table deleting the non-ASCII characters the damage
    can make (its letters and the characters its table repairs)."""
    tab = _table(mixup)
    chars = set(tab.letters) | {chr(c) for c in tab.table}
    return {ord(c): None for c in chars if not c.isascii()}


def _protected(word: str, plan: _Plan) -> bool:
    """A word with a letter the damage cannot have made is a real word."""
    rest = word.translate(plan.made_by_damage)
    return rest.isalpha() or any(ch.isalpha() for ch in rest)


_WORD_RE = re.compile(r"\w+")


def _repair_span(span: str, plan: _Plan) -> str:
    """Translate a span, leaving alone words that are not damaged words."""
    # the table maps characters to characters: positions stay the same
    repaired = span.translate(plan.table)
    if not any(map(str.isalpha, span.translate(plan.made_by_damage))):
        return repaired  # no letter the damage cannot have made: no word to protect
    out: list[str] = []
    pos = 0
    for m in _WORD_RE.finditer(span):
        if _protected(m.group(), plan):
            out.append(repaired[pos:m.start()])
            out.append(m.group())
            pos = m.end()
    out.append(repaired[pos:])
    return "".join(out)


def _case_vote(upper_before: int, letters_before: int,
               upper_after: int, letters_after: int) -> float:
    """Swaps like KOI8-R/windows-1251 invert case: prose turns mostly upper-case.

    (From the counts of upper-case letters and letters of the line's words
    before and after the repair.)
    """
    if letters_before < 8:
        return 0.0
    share_before = upper_before / letters_before
    share_after = upper_after / letters_after if letters_after else 0.0
    if share_before >= 0.5 and share_after <= 0.25:
        return 0.5
    if share_after >= 0.5 and share_before <= 0.25:
        return -0.5
    return 0.0


_ROUNDING = 1e-9
"""More than sums of the same few numbers in another order can differ by."""


def _resolve(facts: list[_Word], alphabets: int, normal: bool) -> tuple[int, bool]:
    """The alphabets that hold all the repaired words of the line and whether
    all are in sane case, given those of the words already looked up."""
    for w in facts:
        if w[10] is None:  # (alphabets_after)
            said = _after(w[0])
            alphabets &= said.alphabets
            normal = normal and said.normal
    return alphabets, normal


def _at_most_half(most: float, weight: float, odd: int, case_vote: float,
                  fit_bonus: bool, fit_malus: bool) -> bool:
    """Whether the words' support for the mixup cannot come to half their
    weight, whatever their letter pairs say: then :func:`_judge`'s verdict
    would be none or refused by :func:`_line_verdicts` (ratio under 0.5),
    and the letter pairs of the words need no scoring.

    ``most`` and ``weight`` are the sums of the words' ``most`` and
    ``weight`` (:data:`_Word`; every vote is at most its ``most`` and weighs
    its ``weight`` whatever it is), ``odd`` the number of words with a letter
    Russian does not have; the case vote is known; the bonus for letters
    that go together only once repaired adds as much to the support as to
    the weight, which can only raise the ratio (the support is never more
    than the weight).
    """
    support = most + case_vote
    weight += abs(case_vote)
    if fit_bonus:
        support += 0.75 * max(1, odd)
        weight += 0.75 * max(1, odd)
    elif fit_malus:
        support -= 0.5
        weight += 0.5
    if weight <= 0.0:
        return True
    return support < -_ROUNDING or support / weight < 0.5 - _ROUNDING


def _line_words(line: str, plan: _Plan) -> Iterator[tuple[int, int, str, _Word]]:
    """The words of the line the plan's mixup judges, in order, with their facts."""
    n = len(line)
    index = plan.index
    latin = plan.latin
    chunks: _Chunks | None = None
    for m in plan.words.finditer(line):
        s, e = m.span()
        # (the regex refuses every other neighbour below U+3000)
        if s > 0:
            before = line[s - 1]
            if before >= "\u3000" and before not in _NEIGHBOURS and not before.isdigit():
                continue
        if e < n:
            after = line[e]
            if after >= "\u3000" and after not in _NEIGHBOURS and not after.isdigit():
                continue
        if latin:
            if chunks is None:
                chunks = _Chunks(line)
            if chunks.has_ascii_letters(s, e):
                continue  # Cyrillic words in a Cyrillic code page have no Latin letters
        word = m.group()
        w = _word(word, index)
        if w is not None:
            yield s, e, word, w


_LONG_LINE = 2000
"""Lines longer than this are first read word by word until they read as
real words already (see :func:`_reads_as_words_early`)."""
_PROBE_WORDS = 32


def _reads_as_words_early(line: str, plan: _Plan) -> bool:
    """Whether the first words of the line already read as real words, the
    way the vote of :func:`_judge` stops early (the same words, votes and
    test, so its verdict would be ``None``): a long line of clean prose (an
    article on one line) is then not gone through to its end for every
    mixup. Looks at :data:`_PROBE_WORDS` words at most."""
    support = weight_total = 0.0
    family = plan.mixup.family
    probe = islice(_line_words(line, plan), _PROBE_WORDS)
    for words, (_, _, before, w) in enumerate(probe, 1):
        after, decided = w[0], w[1]
        v_weight, vote, _, _ = decided if decided is not None else _vote(before, after, family)
        support += v_weight * vote
        weight_total += v_weight
        if words >= 4 and support < -1.5 and support < -0.3 * weight_total:
            return True
    return False


def _is_plain(line: str) -> bool:
    """Whether the line has no character from U+3000 on: then every match of
    a plan's :func:`_word_re` has a neighbour or a digit on both sides (the
    regex refuses every other neighbour below U+3000)."""
    return not line or max(line) < "\u3000"


def _judge(line: str, plan: _Plan, plain: bool | None = None) -> _Verdict | None:
    """The verdict of the words of the line on the plan's mixup (spans in
    the line), or ``None`` when they do not speak for it.

    ``plain``: :func:`_is_plain` of the line, if known."""
    if len(line) > _LONG_LINE and _reads_as_words_early(line, plan):
        return None
    if plain is None:
        plain = _is_plain(line)
    # The damaged words (:func:`_line_words`) and their sums, in one pass.
    found: list[tuple[int, int, str, _Word]] | None = None
    if plain and not plan.latin:
        # (the regex's matches are the words: found and looked up at C
        # level, no Python loop over them; most lines have none to judge)
        tokens = plan.words.findall(line)
        if not tokens:
            return None
        said = list(map(_word, tokens, repeat(plan.index)))
        facts = list(filter(None, said))
    else:
        found = list(_line_words(line, plan))
        facts = [w for _, _, _, w in found]
    if not facts:
        return None
    latin = plan.latin
    most = weight = 0.0
    upper_before = letters_before = upper_after = letters_after = odd = 0
    alphabets_before = alphabets_after = _ALL_ALPHABETS
    normal_after = True
    may_be_hard = False
    unresolved = False  # some listed word's repair has not been looked up
    for w in facts:
        (_, _, hard, w_weight, w_most, w_upper_before, w_letters_before, w_upper_after,
         w_letters_after, w_alphabets_before, w_alphabets_after, w_normal_after,
         w_odd_before, _) = w
        most += w_most
        weight += w_weight
        upper_before += w_upper_before
        letters_before += w_letters_before
        upper_after += w_upper_after
        letters_after += w_letters_after
        alphabets_before &= w_alphabets_before
        if w_alphabets_after is None:
            unresolved = True
        else:
            alphabets_after &= w_alphabets_after
            normal_after = normal_after and bool(w_normal_after)
        may_be_hard = may_be_hard or hard
        odd += w_odd_before
    cyrillic = not latin
    case_vote = 0.0
    fits_before = fits_after = False
    if cyrillic:
        case_vote = _case_vote(upper_before, letters_before, upper_after, letters_after)
        # letters no one language has together (Macedonian ќ with Russian ы)
        fits_before = alphabets_before != 0
        if unresolved and not fits_before:
            alphabets_after, normal_after = _resolve(facts, alphabets_after, normal_after)
            unresolved = False
        fits_after = alphabets_after != 0
    else:
        normal_after = False
    # (while unresolved, the line fits before: no bonus, and the malus,
    # which only lowers the bound, is left out of it)
    # Hard evidence comes from a word, the case of the line or its letters
    # that do not go together: when none can give it, the verdict is none
    # (and the letter pairs of the words need no scoring).
    fit_bonus = fits_after and not fits_before and normal_after
    if not may_be_hard and case_vote <= 0.0 and not fit_bonus:
        return None
    if _at_most_half(most, weight, odd, case_vote, fit_bonus,
                     not unresolved and fits_before and not fits_after):
        return None
    if unresolved:
        alphabets_after, normal_after = _resolve(facts, alphabets_after, normal_after)
        fits_after = alphabets_after != 0
    family = plan.mixup.family
    support = weight_total = 0.0
    words = known = 0
    langs: Counter[str] = Counter()
    kazakh = False
    hard = False
    pairs = ([(word, w) for word, w in zip(tokens, said, strict=True) if w is not None]
             if found is None else [(word, w) for _, _, word, w in found])
    for before, w in pairs:
        after, decided = w[0], w[1]
        v_weight, vote, known_after, v_hard = (
            decided if decided is not None else _vote(before, after, family))
        words += 1
        hard = hard or v_hard
        if known_after and vote > 0:
            known += 1
            langs[known_after[0]] += 1  # (Counter.update of known_after[:1])
        if vote > 0 and w[13]:  # (kazakh_after)
            kazakh = True
        support += v_weight * vote
        weight_total += v_weight
        if words >= 4 and support < -1.5 and support < -0.3 * weight_total:
            return None  # the line reads as real words already
    if cyrillic:
        support += case_vote
        weight_total += abs(case_vote)
        hard = hard or case_vote > 0
        # (lines can mix languages: this only adds to what the words say;
        # and in a sane case: 'ЉЊЈЁЂ' fits no alphabet, but 'КМгиА' is no
        # better for fitting one)
        if fits_after and not fits_before and support >= 0.5 and normal_after:
            # as strong as the words that carry the letters that do not go together
            support += 0.75 * max(1, odd)
            weight_total += 0.75 * max(1, odd)
            hard = True
        elif fits_before and not fits_after:
            support -= 0.5
            weight_total += 0.5
    if weight_total <= 0.0 or support <= 0.0 or not hard:
        return None
    # From the first word to the last, and what else changes: the whole line
    # went through the wrong code page, so all of it is repaired (real words
    # are protected), then the span that actually changes is kept.
    if found is None:  # (the spans of the words, now needed)
        matches = list(plan.words.finditer(line))  # (as many as tokens, in order)
        judged_at = [i for i, w in enumerate(said) if w is not None]
        first, last = matches[judged_at[0]].start(), matches[judged_at[-1]].end()
    else:
        first, last = found[0][0], found[-1][1]
    repaired = _repair_span(line, plan)
    first = min(first, _common_prefix(line, repaired))
    last = max(last, len(line) - _common_prefix(line[::-1], repaired[::-1]))
    replacement = repaired[first:len(repaired) - (len(line) - last)]
    return _Verdict(plan.mixup, first, last, replacement, support,
                    support / weight_total, words, known, langs, kazakh)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


_KAZAKH_ONLY = KAZAKH_LETTERS - set("іІ")


def _language(v: _Verdict) -> str:
    if v.kazakh:
        return "Kazakh"
    if v.langs:
        return LANGUAGE_NAMES[v.langs.most_common(1)[0][0]]
    return "Cyrillic"


def _why(v: _Verdict) -> str:
    lang = _language(v)
    head = f"{lang} text in {v.mixup.describe()}"
    if v.known:
        known_lang = LANGUAGE_NAMES[v.langs.most_common(1)[0][0]] if v.langs else lang
        tail = f"{v.known} of {v.words} words become known {known_lang} words"
    else:
        tail = (f"{v.words} word(s) become consistent {lang} spelling "
                "(alphabet, letter pairs and case), though none is a listed word")
    if v.confidence < 0.5:
        tail += "; too little evidence to repair"
    return f"{head}: {tail}"


@lru_cache(maxsize=2)
def _candidates(text: str) -> Mapping[int, tuple[_Verdict, ...]]:
    """Every mixup that finds hard evidence on a line, by line start.

    Cached for the last two texts: the pipeline gathers a step's evidence
    from the text the step first ran on (``gather``) after it has run on it
    (``detect``), and both need these candidates.
    """
    found: dict[int, list[_Verdict]] = {}
    if text.isascii():
        return MappingProxyType({})
    for family in ("latin", "cyrillic"):
        gate = _gate(family)
        if gate.search(text) is None:
            continue
        # (the judges of nearly any text need the letter pairs: load them
        # here, where warm_up's sample loads them, not at the first word
        # that needs them, which may come after the judges' cheap checks)
        load_letter_pairs()
        for start, end in lines_matching(text, gate):
            line = text[start:end]
            # (a long line is judged uncached: the cache must not hold megabytes)
            judge = _line_verdicts if len(line) <= _CACHED_LINE else _line_verdicts.__wrapped__
            for v in judge(line, family):
                found.setdefault(start, []).append(
                    v.moved(start, v.mixup) if start else v)
    return MappingProxyType({start: tuple(verdicts) for start, verdicts in found.items()})


_CACHED_LINE = 500
"""Lines up to this many characters have their verdicts cached (at most a
few megabytes for the whole cache)."""


@lru_cache(maxsize=1 << 12)
def _line_verdicts(line: str, family: str) -> tuple[_Verdict, ...]:
    """The verdicts of the mixups of ``family`` on one line (spans in the line).

    Cached: lines recur within a document (signatures, headings) and from
    one pass of the pipeline to the next (the lines no step changed).
    """
    out: list[_Verdict] = []
    chars = set(line)
    non_ascii = chars - _ASCII
    plain = not chars or max(chars) < "\u3000"  # (_is_plain)
    utf8: dict[str, bool] = {}
    judged: dict[int, _Verdict | None] = {}
    inverted_case: bool | None = None
    cyrillic = family == "cyrillic"
    bits, plans = _plan_bits(family)
    # (which plans' letters, odd letters and unshown letters the line has,
    # in one pass over its characters at C level, see _plan_bits; for the
    # three mixups of the Latin family, set tests that stop early cost less)
    has = reduce(or_, map(bits.get, non_ascii, repeat(0)), 0) if cyrillic else -1
    for position, plan in enumerate(plans):
        if not has >> position & 1 or not cyrillic and plan.letters.isdisjoint(chars):
            continue  # no character of a damaged word: no word to judge
        if cyrillic and not has >> (_ODD + position) & 1:  # (plan.odd.isdisjoint(chars))
            if not plan.inverts:
                continue
            if inverted_case is None:  # (one search for all the mixups)
                inverted_case = _INVERTED_CASE.search(line) is not None
            if not inverted_case:
                continue
        if cyrillic and has >> (_UNSHOWN + position) & 1:  # (plan.unshown)
            # a letter the code page cannot show ('ү' is not in CP866): the
            # line was not decoded with it (Mongolian, not KOI8-R read as CP866)
            continue
        if cyrillic and plan.words.search(line) is None:
            # no word to judge: _judge's verdict would be none (asked first
            # for the Cyrillic family, whose many mixups find words on few
            # lines; most lines of the Latin family are left to fix_mojibake)
            continue
        read_as = plan.mixup.read_as
        if read_as not in utf8:
            utf8[read_as] = _is_utf8_mojibake(line, read_as, non_ascii)
        if utf8[read_as]:
            continue  # UTF-8 shown in a legacy code page: fix_mojibake's
        # Two mixups that read every character of the line alike (KOI8-R and
        # KOI8-U but for a few letters) judge it alike: judged once.
        for index, differ in plan.twins:
            if index in judged and differ.isdisjoint(chars):
                same = judged[index]
                verdict = same if same is None else same.moved(0, plan.mixup)
                break
        else:
            verdict = _judge(line, plan, plain)
            judged[plan.index] = verdict
        if verdict is not None and verdict.ratio >= 0.5:
            out.append(verdict)
    return tuple(out)


_ODD = 32
_UNSHOWN = 64


@cache
def _plan_bits(family: str) -> tuple[dict[str, int], tuple[_Plan, ...]]:
    """For each character, the plans of :func:`_plans` (bit ``i`` for the
    ``i``-th) whose ``letters`` hold it, the same shifted by :data:`_ODD`
    for ``odd`` and by :data:`_UNSHOWN` for ``unshown``; and those plans.
    A line's characters meet a plan's set exactly when the bits of its
    characters, or-ed, have that plan's bit (its characters beyond ASCII:
    the sets hold no other).

    >>> bits, plans = _plan_bits("cyrillic")
    >>> all(plans[i].letters == {ch for ch, b in bits.items() if b >> i & 1}
    ...     and plans[i].odd == {ch for ch, b in bits.items() if b >> (_ODD + i) & 1}
    ...     and plans[i].unshown == {ch for ch, b in bits.items() if b >> (_UNSHOWN + i) & 1}
    ...     for i in range(len(plans)))
    True
    """
    plans = _plans(family)
    if len(plans) > _ODD:
        raise ValueError(f"more than {_ODD} mixups of the {family} family")
    bits: dict[str, int] = {}
    for position, plan in enumerate(plans):
        for shift, chars in ((0, plan.letters), (_ODD, plan.odd), (_UNSHOWN, plan.unshown)):
            if any(ch.isascii() for ch in chars):
                raise ValueError(f"{plan.mixup.describe()}: an ASCII character in its sets")
            for ch in chars:
                bits[ch] = bits.get(ch, 0) | 1 << (shift + position)
    return bits, plans


@cache
def _twins(index: int) -> tuple[tuple[int, frozenset[str]], ...]:
    """The mixups before ``MIXUPS[index]`` of its family that treat all but a
    few characters alike (the two KOI8s), with those characters (:func:`_differ`)."""
    mixup = MIXUPS[index]
    out = []
    for earlier in range(index):
        if MIXUPS[earlier].family == mixup.family:
            differ = _differ(earlier, index)
            if len(differ) <= 64:
                out.append((earlier, differ))
    return tuple(out)


def _differ(a: int, b: int) -> frozenset[str]:
    """The characters that mixups ``MIXUPS[a]`` and ``MIXUPS[b]`` (of one
    family) treat differently: in a damaged word of one only, repaired
    differently, or made by the damage of one only. On a line without them,
    the two find the same words and the same repairs (the judge asks nothing
    else of a mixup), so their verdicts differ in the mixup alone."""
    first, second = _table(MIXUPS[a]), _table(MIXUPS[b])
    chars = set(first.letters ^ second.letters)
    for code in set(first.table) | set(second.table):
        if first.table.get(code) != second.table.get(code):
            chars.add(chr(code))
    made = set(_made_by_damage(MIXUPS[a])) ^ set(_made_by_damage(MIXUPS[b]))
    chars.update(map(chr, made))
    return frozenset(chars)


_CYRILLIC_BLOCK = frozenset(chr(c) for c in range(0x400, 0x530))
"""The characters of :func:`_shown_by`'s range (Cyrillic and its supplement)."""


@cache
def _shown_by(codec: str) -> frozenset[str]:
    """Every Cyrillic character a text decoded with ``codec`` can hold."""
    chars = {ch for b in range(0x80, 0x100) for ch in _read_as_chars(codec, b)}
    return frozenset(ch for ch in chars if "\u0400" <= ch <= "\u052f")


def _is_utf8_mojibake(line: str, read_as: str, non_ascii: set[str] | None = None) -> bool:
    """Whether the line's bytes in ``read_as`` are valid UTF-8 beyond ASCII.

    ``non_ascii``: the line's characters beyond ASCII, if known (a line the
    code page cannot write is not encoded: the exception costs more).
    """
    if non_ascii is None:
        non_ascii = set(line) - _ASCII
    for name in _SLOPPY_TABLES[read_as]:
        page = table(name)
        if non_ascii <= page.chars:
            lead, cont, never = _utf8_bytes(name)
            if (non_ascii.isdisjoint(lead) or non_ascii.isdisjoint(cont)
                    or not non_ascii.isdisjoint(never)):
                return False  # (no bytes made: see _utf8_bytes)
            return is_utf8_beyond_ascii(page.encode(line))
    return False


@cache
def _utf8_bytes(name: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The characters of code page ``name`` that :meth:`CodePage.encode`
    makes UTF-8 lead bytes (C2-F4), continuation bytes (80-BF), and bytes
    never in UTF-8 (C0, C1, F5-FF). Bytes beyond ASCII are valid UTF-8 only
    with a lead byte, a continuation byte and no byte of the third kind
    among them: a line whose characters beyond ASCII miss one of the first
    two sets or meets the third is no UTF-8 (no encoding needed)."""
    to_byte = table(name).to_byte
    lead = frozenset(c for c, b in to_byte.items() if 0xC2 <= b <= 0xF4)
    cont = frozenset(c for c, b in to_byte.items() if 0x80 <= b <= 0xBF)
    never = frozenset(c for c, b in to_byte.items() if b in (0xC0, 0xC1) or b >= 0xF5)
    return lead, cont, never


_SLOPPY_TABLES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "western": ("latin-1", "windows-1252"), "cp1251": ("windows-1251",),
    "koi8_r": ("koi8-r",), "koi8_u": ("koi8-u",), "cp866": ("cp866",),
    "iso8859_5": ("iso-8859-5",), "mac_cyrillic": ("mac_cyrillic",), "kz1048": ("kz1048",),
})
"""The code pages of :mod:`cleantext.mojibake.codepages` (whose undefined
bytes read as their Latin-1 characters, as Windows software reads them:
windows-1252 mojibake of ``с`` is ``Ñ\x81``) that a mixup's ``read_as``
stands for, tried in order."""


_ASCII = frozenset(map(chr, range(0x80)))


_CERTAIN = 0.8
_DOCUMENT_SUPPORT = 3.0  # about three long words of certain evidence elsewhere


def _key(mixup: Mixup) -> str:
    return f"{mixup.true}>{mixup.read_as}"


def _best(verdicts: Sequence[_Verdict]) -> _Verdict:
    """The most confident verdict; between equals, the one whose repair has
    more letters (KOI8-U and KOI8-R read the same words alike, but only
    KOI8-U reads the bytes of Ukrainian ``її`` as letters, KOI8-R as ``╖╖``).
    A repairing verdict that makes known words comes before any that makes
    none: ``‘казал ‘казал ‘казал Ќовый`` is Mac Cyrillic for four known
    Russian words (0.67), though its last word alone reads as a KZ-1048
    Kazakh word no list holds (0.72)."""
    if len(verdicts) == 1:
        return verdicts[0]
    return max(verdicts, key=lambda v: (v.known > 0 and v.confidence >= 0.5,
                                        round(v.confidence, 9), v.support,
                                        sum(map(str.isalpha, v.replacement))))


def _document_evidence(candidates: Mapping[int, Sequence[_Verdict]]) -> dict[str, float]:
    evidence: dict[str, float] = {}
    for verdicts in candidates.values():
        v = _best(verdicts)
        if v.confidence >= _CERTAIN:
            evidence[_key(v.mixup)] = evidence.get(_key(v.mixup), 0.0) + v.support
    return evidence


def gather_codepage_evidence(text: str) -> dict[str, float]:
    """Document evidence: the support of the lines each mixup repairs with certainty.

    A short line (a heading, a name) rarely says enough on its own; when the
    same mixup is certain elsewhere in the document, it is repaired too.

    >>> gather_codepage_evidence("Ïðèâåò, ìèð! Êàê äåëà? Âñå õîðîøî.")
    {'cp1251>western': 4.25}
    """
    return _document_evidence(_candidates(text))


def merge_codepage_evidence(a: dict[str, float], b: dict[str, float]) -> dict[str, float]:
    """Add up the evidence of two pieces of a document."""
    return add_counts(a, b)


def detect_codepage_mixups(text: str, config: Config | None = None) -> list[Finding]:
    """Find lines whose words read right only in another single-byte code page.

    One finding per repaired line; the span runs from the first to the last
    character the repair changes.

    >>> print(detect_codepage_mixups("Ïðèâåò, ìèð! Êàê äåëà?")[0].why)  # doctest: +ELLIPSIS
    Russian text in windows-1251 read as latin-1/...: 4 of 4 words become known Russian words
    """
    candidates = _candidates(text)
    if not candidates:
        return []
    document = evidence_of(config, _STEP)
    if document is None:
        document = _document_evidence(candidates)
    findings: list[Finding] = []
    for start in sorted(candidates):
        verdicts = candidates[start]
        v = _best(verdicts)
        conf = v.confidence
        why = _why(v)
        if conf < 0.5:
            # a line too short to say much, but the mixup is certain elsewhere
            backed = [c for c in verdicts if document.get(_key(c.mixup), 0.0)
                      - (c.support if c.confidence >= _CERTAIN else 0.0) >= _DOCUMENT_SUPPORT
                      and c.ratio >= 0.6]
            if backed:
                v = _best(backed)
                conf = max(v.confidence, 0.6)
                why = _why(v).replace("; too little evidence to repair", "") + (
                    "; too short to decide alone, but the same mixup is certain "
                    "elsewhere in this document")
        # worth a word: a known word, or more than one word's worth
        if conf < 0.5 and v.support < (0.5 if v.known else 0.75):
            continue
        original = text[v.start:v.end]
        if conf < 0.5 and _mends_no_letter(original, v.replacement):
            # quotation marks opening Russian or Kazakh words (``«ол “ол``
            # reads as windows-1251 ``Зол Тол`` through Mac Cyrillic) are how
            # clean text is written, and a repair that turns letters into
            # marks (``Від «на`` -> ``‚ґд Зна``) mends nothing: without the
            # document's backing, no finding
            continue
        # Symbols and invisible soft hyphens alone ('\xad\xad» €' reads as
        # CP866 'нн╗ Инн'): clean text too often looks like that, so such a
        # line is only reported unless the document backs the mixup.
        if (
            conf >= 0.5
            and not any(ch.isalpha() for ch in original)
            and document.get(_key(v.mixup), 0.0) < _DOCUMENT_SUPPORT
        ):
            conf = min(conf, 0.45)
            why += "; not repaired: the line has no letters, only symbols"
        findings.append(Finding(
            _KIND, v.start, v.end, original, v.replacement,
            round(min(conf, 0.99), 4), _STEP, why,
        ))
    return findings


def _mends_no_letter(original: str, replacement: str) -> bool:
    """Whether a repair changes no letter, only marks (quotation marks,
    symbols), or turns a letter into a character that is not one.

    >>> _mends_no_letter("«ол “ол", "Зол Тол"), _mends_no_letter("Від «на", "‚ґд Зна")
    (True, True)
    >>> _mends_no_letter("Ïðèâåò", "Привет")
    False
    """
    if len(original) != len(replacement):
        return False
    changed = [(a, b) for a, b in zip(original, replacement, strict=True) if a != b]
    return all(not a.isalpha() for a, _ in changed) or any(
        a.isalpha() and not b.isalpha() for a, b in changed
    )


def fix_codepage_mixups(text: str) -> str:
    """Repair the code page mixups :func:`detect_codepage_mixups` is sure of.

    >>> fix_codepage_mixups("рТЙЧЕФ, НЙТ! лБЛ ДЕМБ? чУЕ ИПТПЫП.")
    'Привет, мир! Как дела? Все хорошо.'
    """
    return STEP.fix(text)


STEP = Step(
    _STEP, detect_codepage_mixups,
    "Repair text decoded with the wrong single-byte code page (windows-1251, KOI8-R, "
    "CP866, KZ-1048, ...), deciding by language evidence over whole lines.",
    gather=gather_codepage_evidence,
    merge=merge_codepage_evidence,
)

