"""Letters lost where a PDF had a ligature glyph (``diult`` for ``difficult``).

A PDF whose font gives no Unicode mapping for its ligature glyphs loses their
letters when text is extracted: ``film`` becomes ``lm``, ``difficult``
becomes ``diult``. Other extractors leave a trace where the glyph was: a NUL,
U+FFFD or a space (``signi cant``), or the ligature code point plus a stray
space (``ﬁ nd``, which ``fix_latin_ligatures`` has already turned into
``fi nd``).

How the step decides (see ``docs/pdf.md``):

1. **Unambiguous cases teach the document's damage.** A token wordfreq does
   not know (or hardly: Zipf < 2) that becomes a frequent word in exactly one
   way by putting back one of the language's ligature sequences is damage:
   ``diult`` -> ``difficult`` teaches that this document loses ``ffic``.
2. **Ambiguous tokens need evidence.** ``nd``, ``lm``, ``rst`` are real
   tokens too. They are restored only with a sequence the document is known
   to lose, and only where the region is damaged: a two-state hidden Markov
   model over the lines weighs the damaged tokens nearby (for) against
   correctly spelled words holding the same sequences (against), so a
   sidebar that spells ``film`` right is left alone while the body around it
   is repaired. The restoration's confidence is P(region damaged) times
   P(word | broken form), from word frequencies.
3. **Fragments between words** (``o``, ``ve``, ``les``) are far rarer in
   running prose than wordfreq says: between two words of a sentence their
   own frequency is taken down (``turned o the`` -> ``turned off the`` in a
   document that loses ``ff``), and in a document with no correctly spelled
   ligature at all, two of them are evidence of damage.
4. **Source code is left alone.** A line that looks like code is set in a
   typewriter font without ligatures, and its identifiers are abbreviated on
   purpose (``aord``): its tokens are neither restored nor evidence; a
   document of which a third of the lines are code is left alone.

Languages are data (:data:`LANGUAGES`): a wordfreq language, the letters of
its script and the sequences its fonts set as one glyph.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache, partial
from itertools import accumulate, compress
from types import MappingProxyType

from ..config import Config
from ..evidence_words import deletion_index, frequency_table, zipf
from ..finding import Finding
from ..step import Step, add_counts, evidence_of
from ..wordstats import RIVALS, language_sums, reads_best_as

__all__ = [
    "LANGUAGES",
    "LigatureEvidence",
    "LigatureLanguage",
    "STEP",
    "detect_dropped_ligatures",
    "gather_ligature_evidence",
    "merge_ligature_evidence",
    "restore_dropped_ligatures",
]

_STEP = "restore_dropped_ligatures"
_KIND = "dropped_ligature"


@dataclass(frozen=True)
class LigatureLanguage:
    """What the step needs to know about a language.

    ``letters`` is a regex character class (without brackets) of the
    script's letters; a token made of them is looked up in wordfreq's
    ``code`` list. ``sequences`` are the letter sequences whose glyph the
    extractor may lose, longest first; ``ligatures`` those that typefaces set
    as one glyph (a lone one before a stray space is itself a trace).
    """

    code: str
    """wordfreq language code."""
    letters: str
    """Regex character class of the script's letters."""
    sequences: tuple[str, ...]
    """Letter sequences that may be lost, longest first."""
    ligatures: tuple[str, ...] = ()
    """The sequences typefaces set as a single glyph."""


LANGUAGES: tuple[LigatureLanguage, ...] = (
    LigatureLanguage(
        "en",
        "A-Za-z",
        ("ffic", "fic", "ffi", "ffl", "fi", "fl", "ff", "ft"),
        ("ffi", "ffl", "fi", "fl", "ff"),
    ),
    # Cyrillic typefaces set no ligatures in the PDFs we know of; Russian
    # documents still get their Latin words repaired with the English list.
    LigatureLanguage("ru", "А-Яа-яЁё", ()),
)
"""The languages the step knows, one per script (see docs/pdf.md to add one)."""

RARE = 2.0
MIN_RARE_RESTORED = 1.5
"""In a document seen to lose a sequence, a non-word may also be restored to
a rarer word (``owcharts`` -> ``flowcharts``, Zipf 1.9): at least this frequent."""
"""A broken form with a Zipf frequency below this is not a word: damage."""
MIN_RESTORED = 2.5
"""A restoration must be a word at least this frequent."""
MIN_KNOWN_SHARE = 0.75
"""The share of a script's tokens the word list must know for the step to
trust that list on the document (a French text is not read with English)."""
MIN_EVIDENCE_TOKENS = 4
"""How many tokens the paragraphs that hold the evidence must have for the
list's share and the language to be judged at all: a list of names, one a
paragraph, holds no words to judge (``Oio``, a region of Guinea-Bissau,
would read as ``Officio``)."""
AMBIGUOUS_MIN = 0.95
"""An ambiguous token (a word in its own right) is restored only this surely."""
CHOICE_MIN = 0.8
"""A non-word with several possible restorations gets the likeliest only this surely."""
FRAGMENT_DISCOUNT: Mapping[int, float] = MappingProxyType({1: 3.0, 2: 2.0, 3: 1.0})
"""log10 by which a broken form of this many letters is rarer in running prose
than wordfreq says, when it stands between lower-case words. wordfreq counts
letters and fragments (``o``, ``x``, ``ve``, ``ne``, ``les``) from lists,
formulas, chat, cut contractions and other languages; between two words of
an English sentence they hardly occur (Debian's English fortunes, 2.5 MB:
``o`` 0 times in such a place against ~60 expected from its Zipf 5.1).
Three letters get less: more of them are English words (``ash``, ``oat``),
and a real word that frequent is never restored (``red`` for ``fired``)."""
_COMMON = 5.0
"""A capitalised word before a fragment must be this common (``The``, ``With``)."""
_CONTRACTION_TAILS = frozenset({"ve", "ll", "re", "t", "s", "d", "m"})
_SWITCH = 0.001
"""Per-line probability that a damaged region ends or starts."""
_PRIOR_MAX = 0.999
_PRIOR_PSEUDO = 0.1
_SHOWN_RATIO = 0.5
"""How much less often a damaged paragraph shows an unambiguous case than
a clean one spells a two-letter ligature right (Debian's English fortunes,
one paragraph each: 0.116 of them with every ligature dropped show a case,
0.230 of them as they are hold ``fi``, ``fl`` or ``ff``): an intact
paragraph counts this much against a damaged one in the prior."""
_CAP = 3.0
"""Largest log10 likelihood ratio one token may contribute."""
_FRAGMENT_CAP = 1.4
"""Largest log10 likelihood ratio a fragment's discount may give it as evidence."""
_AGAINST = -2.0
_ABSENCE = 0.0063
"""log10 likelihood ratio, per word, of a paragraph in which no word spells
``fi``, ``fl`` or ``ff``: 1.44% of the words of English prose hold one
(Debian's fortunes, 441,837 words), so a clean paragraph of n words holds
none with probability 0.9856^n, a damaged one always (-log10 0.9856 = 0.0063)."""
"""log10 likelihood ratio of a correctly spelled word holding a lost sequence."""

_APOS = "'\u2019\u02bc"
_BEFORE = rf"(?<![\w{_APOS}@/\\.&])"
# a word may be followed by a possessive 's, not by other contraction parts
_AFTER = rf"(?![\w@/\\])(?![{_APOS}](?![sS]\b))(?!\.\w)"
_MARKERS = "\x00\ufffd"


def _lang_for(script: str) -> LigatureLanguage:
    return next(lang for lang in LANGUAGES if lang.code == script)


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    original: str
    replacement: str
    lost: str
    mode: str  # "dropped", "marker", "space", "split"
    z_broken: float
    z_word: float
    p_word: float  # P(word | broken form, damaged region) among licensed words
    unambiguous: bool
    discount: float = 0.0  # log10 by which the form is rarer here (a fragment in prose)


@dataclass(frozen=True)
class LigatureEvidence:
    """What a document shows about lost ligatures (mergeable, see ``Step.gather``).

    Every field counts something in the document's paragraphs (or lines),
    each paragraph on its own, so that the evidence of two pieces cut at a
    paragraph break adds up to the evidence of the whole: a document
    repaired in chunks is repaired as the whole is (``tests/test_stream.py``).

    ``damage`` counts unambiguous cases by (language, mode, lost sequence).
    The paragraphs that hold such a case (kind ``"damage"``), or a fragment
    between words that a lost ligature explains (kind ``"fragment"``), are
    tallied: how many of their tokens occur, how many of those the word
    list knows, and how well each language of the script explains them.
    """

    damage: Mapping[tuple[str, str, str], int] = field(default_factory=dict)
    """Unambiguous damaged tokens by (language, mode, lost sequence)."""
    tokens: Mapping[tuple[str, str], int] = field(default_factory=dict)
    """Token occurrences of each language's script in the paragraphs of
    evidence, by (language, kind of evidence)."""
    known: Mapping[tuple[str, str], int] = field(default_factory=dict)
    """Of those, the ones wordfreq knows (or that are broken forms of words it knows)."""
    seen: Mapping[str, int] = field(default_factory=dict)
    """How often each two-letter lost sequence occurs in the text as it is
    (correctly spelled words hold them: evidence against damage)."""
    families: Mapping[tuple[str, str], int] = field(default_factory=dict)
    """Unambiguous tokens with letters dropped without a trace, by
    (language, word family of the restoration: ``fluid`` for ``uid`` and
    ``uids``)."""
    fragments: Mapping[tuple[str, str, str], int] = field(default_factory=dict)
    """Fragments between words that a lost ligature explains (``turned o
    the``), by (language, mode, lost sequence); gathered from pieces that
    show no unambiguous case and no correctly spelled two-letter ligature."""
    fragment_forms: Mapping[tuple[str, str], int] = field(default_factory=dict)
    """Those fragments by (language, form): a repeated one is one piece of evidence."""
    languages: Mapping[tuple[str, str, str], int] = field(default_factory=dict)
    """Summed Zipf values (hundredths, see :func:`cleantext.wordstats.language_sums`)
    of the Latin words of the paragraphs of evidence, by (language, kind of
    evidence, rival language of the script)."""
    lines: Mapping[str, int] = field(default_factory=dict)
    """Non-empty lines (``"text"``), lines that look like source code
    (``"code"``), and spaces (``"spaces"``, about as many as words)."""
    handles: Mapping[tuple[str, str], int] = field(default_factory=dict)
    """Broken forms the document also writes as a name or a handle
    (``<stu>``, ``stu:`` opening a line), by (language, form)."""
    paragraphs: Mapping[tuple[str, str], int] = field(default_factory=dict)
    """Paragraphs that hold an unambiguous case (``"damaged"``), and
    paragraphs that hold none but spell a two-letter ligature right
    (``"intact"``), by (language, which)."""
    forms: Mapping[tuple[str, str], int] = field(default_factory=dict)
    """The broken forms that may ever be restored (:func:`_viable_keys`)
    that the document holds, by (language, form): how many pieces hold
    each (only whether one does is read)."""
    between: Mapping[tuple[str, str], int] = field(default_factory=dict)
    """Of those forms, the fragments (:data:`FRAGMENT_DISCOUNT`) that stand
    between the words of a sentence (:func:`_prose_position`) in a
    paragraph that holds an unambiguous case, by (language, form): how many
    pieces hold one."""

    def lone_family(self, lang: str) -> frozenset[str]:
        """The word family (as a set of one) of ``lang``'s unambiguous cases
        when they all have letters dropped without a trace and restore to
        one family; else the empty set."""
        fams = frozenset(fam for code, fam in self.families if code == lang)
        dropped = sum(n for (code, mode, _), n in self.damage.items()
                      if code == lang and mode == "dropped")
        return fams if len(fams) == 1 and dropped == self.total(lang) else frozenset()

    def learned(self, lang: str, modes: tuple[str, ...]) -> frozenset[str]:
        """The sequences the document is seen to lose, in these modes."""
        out: set[str] = set()
        for (code, mode, lost), n in self.damage.items():
            if code == lang and mode in modes and n > 0:
                out.update(lost.split("+"))
        return frozenset(out)

    def trusted(self, lang: str, kind: str = "damage") -> bool:
        """Whether the language's word list knows enough of the tokens of
        the paragraphs that hold the evidence (occurrences: their share does
        not fall as a document grows, as the share of distinct words does),
        and they are at least :data:`MIN_EVIDENCE_TOKENS`."""
        n = self.tokens.get((lang, kind), 0)
        return n >= MIN_EVIDENCE_TOKENS and self.known.get((lang, kind), 0) >= MIN_KNOWN_SHARE * n

    def reads_as(self, lang: LigatureLanguage, kind: str = "damage") -> bool:
        """Whether ``lang``'s common words explain the words of the paragraphs
        that hold the evidence at least as well as those of every other
        language of the script (German ``Soest`` is not English ``Softest``);
        see :func:`cleantext.wordstats.reads_best_as`."""
        if lang.letters != "A-Za-z":
            return True
        sums = [self.languages.get((lang.code, kind, r), 0) for r in RIVALS["latin"]]
        return reads_best_as(sums, lang.code, "latin")

    def is_code(self) -> bool:
        """Whether two or more, and a third or more, of the non-empty lines
        are code (a source file: its comments and docstrings hold
        identifiers and names too)."""
        code = self.lines.get("code", 0)
        return code >= 2 and code * 3 >= self.lines.get("text", 0)

    def prior(self, lang: str, licensed: frozenset[str], kind: str = "damage") -> float:
        """The share of the document's paragraphs that are damaged, where a
        word is not read otherwise (the prior of the regional model).

        Paragraphs that hold an unambiguous case against paragraphs that
        spell one of the language's two-letter ligatures right (and hold no
        such case): near 1 for a damaged document, near 0 for clean prose
        with a few odd tokens. For evidence from fragments (no ligature is
        spelled right anywhere), their sites against those of the licensed
        two-letter sequences.
        """
        if kind == "damage":
            damaged = self.paragraphs.get((lang, "damaged"), 0)
            intact = self.paragraphs.get((lang, "intact"), 0) * _SHOWN_RATIO
        else:
            damaged = self.total(lang)
            intact = sum(n for s, n in self.seen.items() if s in licensed)
        return min(_PRIOR_MAX, max(0.001, damaged / (damaged + intact + _PRIOR_PSEUDO)))

    def weight(self, lang: str, lost: str) -> float:
        """log10 of how often this document loses ``lost``, relative to the
        sequence it loses most (0 for that one, negative for the others).

        The standard ligatures count as one: a font that loses one loses all.
        """
        ligatures = next((x.ligatures for x in LANGUAGES if x.code == lang), ())
        counts: dict[str, int] = {}
        for (code, _, seq), n in self.damage.items():
            if code == lang:
                for part in seq.split("+"):
                    key = "ligature" if part in ligatures else part
                    counts[key] = counts.get(key, 0) + n
        if not counts:
            return 0.0
        counts.update({p: counts.get("ligature", 0) for p in ligatures})
        top = max(counts.values()) + 0.5
        return sum(math.log10((counts.get(p, 0) + 0.5) / top) for p in lost.split("+"))

    def total(self, lang: str) -> int:
        """How many unambiguous cases there are for ``lang``."""
        return sum(n for (code, _, _), n in self.damage.items() if code == lang)

    def decisive(self) -> tuple[LigatureEvidence, str]:
        """The evidence to decide with, and its kind: the unambiguous cases
        when there are any; else, for a language none of whose two-letter
        ligatures is spelled right anywhere, its fragments between words
        when there are at least :data:`FRAGMENT_EVIDENCE` distinct ones (a
        document of English prose in which no word holds ``fi``, ``fl`` or
        ``ff`` while ``turned o the light``, ``the ve men`` stand in it has
        lost its ligatures)."""
        if self.damage:
            return self, "damage"
        if not self.fragment_forms:
            return self, "fragment"  # (no evidence of either kind)
        damage: dict[tuple[str, str, str], int] = {}
        for lang in LANGUAGES:
            two = [q for q in lang.ligatures if len(q) == 2]
            if not two or any(self.seen.get(q, 0) for q in two):
                continue
            if sum(1 for code, _ in self.fragment_forms if code == lang.code) < FRAGMENT_EVIDENCE:
                continue
            damage.update((k, n) for k, n in self.fragments.items() if k[0] == lang.code)
        return replace(self, damage=damage, families={}), "fragment"

    def refusal(self, lang: LigatureLanguage, kind: str = "damage") -> str:
        """Why the document is not repaired in ``lang`` at all ("" when it may be)."""
        if self.total(lang.code) == 0:
            return "document shows no unambiguous case (nothing to learn from)"
        if not self.trusted(lang.code, kind):
            return f"document refused: the {lang.code} list knows too few of its words"
        if not self.reads_as(lang, kind):
            return "document refused: reads as another language"
        if self.is_code():
            return "document refused: source code"
        return ""


def merge_ligature_evidence(a: LigatureEvidence, b: LigatureEvidence) -> LigatureEvidence:
    """Add up the evidence of two pieces of a document.

    >>> e = gather_ligature_evidence("it was diult to say")
    >>> merge_ligature_evidence(e, e).damage[("en", "dropped", "ffic")]
    2
    """
    return LigatureEvidence(
        *(add_counts(getattr(a, f.name), getattr(b, f.name)) for f in fields(a))
    )


# -- candidates ---------------------------------------------------------------

@dataclass(frozen=True)
class _Patterns:
    word: re.Pattern[str]
    marker: re.Pattern[str]
    pair: re.Pattern[str]


def _patterns(lang: LigatureLanguage) -> _Patterns:
    return _PATTERNS[lang.code]


def _make_patterns(lang: LigatureLanguage) -> _Patterns:
    w = f"[{lang.letters}]"
    return _Patterns(
        re.compile(f"{_BEFORE}(?<![{_MARKERS}]){w}+{_AFTER}(?![{_MARKERS}])"),
        # the whole token, whatever number of gaps it has (``\ufffdu\ufffdy``
        # is ``fluffy``, not ``flu`` and ``fly``): only one-gap tokens are in
        # the index, so a token with more is left as it is
        re.compile(
            f"{_BEFORE}(?<![{_MARKERS}]){w}*[{_MARKERS}][{lang.letters}{_MARKERS}]*"
            f"{_AFTER}(?![{_MARKERS}])"
        ),
        re.compile(rf"{_BEFORE}(?<!-)(?=({w}+) ({w}+){_AFTER}(?!-))"),
    )


_PATTERNS: dict[str, _Patterns] = {lang.code: _make_patterns(lang) for lang in LANGUAGES}


def _with_case(shape: str, word: str) -> str | None:
    """Give ``word`` (lower case) the case of ``shape``; None for odd shapes."""
    letters = [c for c in shape if c.isalpha()]
    if all(c.islower() for c in letters):
        return word
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return word.upper()
    if len(letters) > 1 and letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return word[:1].upper() + word[1:]
    return None


def _index(lang: LigatureLanguage, gap: str = "") -> Mapping[str, tuple[tuple[str, str, int], ...]]:
    return deletion_index(lang.code, lang.sequences, MIN_RESTORED, gap)


def _split_index(lang: LigatureLanguage) -> Mapping[str, tuple[str, str]]:
    return _split_table(lang.code, lang.ligatures)


@lru_cache(maxsize=8)
def _split_table(code: str, ligatures: tuple[str, ...]) -> Mapping[str, tuple[str, str]]:
    """Words of ``code`` split by a space just before or after a ligature."""
    out: dict[str, tuple[str, str]] = {}
    for word, z in frequency_table(code).items():
        if z < 3.0 or not word.isalpha():
            continue
        for lig in ligatures:
            i = word.find(lig)
            while i >= 0:
                for cut in (i, i + len(lig)):
                    if 0 < cut < len(word):
                        key = word[:cut] + " " + word[cut:]
                        if key not in out or zipf(out[key][0], code) < z:
                            out[key] = (word, lig)
                i = word.find(lig, i + 1)
    return MappingProxyType(out)



def _candidates(
    text: str,
    lang: LigatureLanguage,
    licensed: frozenset[str] | None,
    weight: Callable[[str], float] | None = None,
    uniq: _Tokens | None = None,
    pairs: bool = False,
) -> Iterator[_Candidate]:
    """Every candidate repair in ``text``; ``licensed=None`` means unambiguous only.

    Ambiguous words split by a space are looked for only when ``pairs`` (the
    document is seen to leave spaces).

    ``weight(lost)`` adds to a restoration's log frequency how much more often
    the document loses that sequence than others.
    """
    if not lang.sequences:
        return
    code = lang.code

    def zw_of(word: str, lost: str) -> float:
        return zipf(word, code) + (weight(lost) if weight is not None else 0.0)

    pats = _patterns(lang)
    if uniq is None:
        uniq = _uniq_tokens(text, lang)
    keys = uniq & (_rare_keys(lang) if licensed is None else _viable_keys(lang))
    # what a token (as written) may be restored to is decided once per call
    decided: dict[str, _Decision | None] = {}
    for m in _find_tokens(text, lang, keys, uniq):
        tok = m.group()
        if tok not in decided:
            decided[tok] = _decide_token(tok, lang, licensed, zw_of, weight)
        decision = decided[tok]
        if decision is None:
            continue
        cased, lost, zb, zw, p_word, unamb, pos = decision
        if tok.isupper() and len(tok) <= 4 and not _in_capitals_line(text, m.start(), m.end()):
            continue  # an acronym (in a line of capitals, a word like RST for FIRST)
        start, end, mode = m.start(), m.end(), "dropped"
        # an extractor that leaves a space for the glyph leaves two spaces
        # between words when the glyph began or ended a word (``the  rst``);
        # two spaces after a sentence's end are not such a trace
        if pos == 0 and start >= 3 and text[start - 2:start] == "  " and (
            text[start - 3].isalnum() or text[start - 3] == ","
        ):
            start, mode = start - 1, "space"
        elif pos == len(tok) and text[end:end + 2] == "  " and text[end + 2:end + 3].isalnum():
            end, mode = end + 1, "space"
        yield _Candidate(start, end, text[start:end], cased, lost, mode, zb, zw, p_word, unamb)
    if any(c in text for c in _MARKERS):
        gidx = _index(lang, "\x00")
        for m in pats.marker.finditer(text):
            tok = m.group()
            key = "".join("\x00" if c in _MARKERS else c for c in tok.lower())
            rest = gidx.get(key)
            if not rest:
                continue
            words = _relative(
                _distinct([(w, lost, zw_of(w, lost)) for w, lost, _ in rest]), weight
            )
            best, lost, zw = words[0]
            # the lost letters were lower case (``O\ufffd`` is ``Off``)
            marked = _with_case("".join("x" if c in _MARKERS else c for c in tok), best)
            if marked is None:
                continue
            unamb = len(words) == 1 or words[1][2] <= zw - 1.5
            yield _Candidate(
                m.start(), m.end(), tok, marked, lost, "marker", 0.0, zw,
                _p_word(0.0, [z for _, _, z in words]), unamb,
            )
    yield from _pair_candidates(text, lang, licensed if pairs else None, uniq)


class _Tokens(frozenset[str]):
    """The distinct letter runs of a text (lower case) and, once a look-up
    needs them, the runs in order (:func:`_letter_parts`), so that one
    ``detect`` or ``gather`` call splits its text once.

    The set itself cannot change; ``runs``, ``pieces`` and ``code`` are
    filled in once, on first use, with what :func:`_letter_parts`,
    :func:`_ascii_pieces` and :class:`_CodeLines` make of the same text (a
    memo: no answer depends on whether they are set). Each call makes its
    own (:func:`_uniq_tokens`), so that the memo (a list of the text's
    pieces) is not kept after it.
    """

    runs: tuple[list[str], list[int], dict[str, list[int]]] | None = None
    pieces: tuple[list[bytes], list[int], dict[str, list[int]]] | None = None
    """The text's :func:`_ascii_pieces`, once a look-up needs them."""
    code: _CodeLines | None = None
    """The text's code lines, once asked for (one scan per call, not per use)."""

    def code_lines(self, text: str) -> _CodeLines:
        """The :class:`_CodeLines` of ``text`` (the text these tokens come from)."""
        if self.code is None:
            self.code = _CodeLines(text)
        return self.code


_Reading = tuple[
    tuple[tuple[str, str, int], ...], float, list[tuple[str, str, float]], bool
]
"""A token's restorations from the index, its Zipf, the licensed words
(weighted, best first) and whether it is unambiguous."""


def _read_token(
    tok: str,
    lang: LigatureLanguage,
    licensed: frozenset[str] | None,
    zw_of: Callable[[str, str], float],
    weight: Callable[[str], float] | None,
) -> _Reading | None:
    """What ``tok`` may be restored to, or None when it is not a candidate."""
    low = tok.lower()
    rest = _index(lang).get(low)
    if rest is None:
        return None
    zb = zipf(low, lang.code)
    rare = zb < RARE
    if not rare and licensed is None:
        return None
    words = [
        (w, lost, zw_of(w, lost))
        for w, lost, _ in rest
        if (licensed is None or set(lost.split("+")) <= licensed)
        and ("+" not in lost or rare)
    ]
    words = _relative(_distinct(words), weight)
    if not words:
        return None
    best, lost, zw = words[0]
    if _with_case(tok, best) is None or (len(tok) == 1 and not tok.islower()):
        return None
    unamb = rare and (len(words) == 1 or words[1][2] <= zw - 1.5)
    return rest, zb, words, unamb


_Decision = tuple[str, str, float, float, float, bool, int]
"""What a token becomes wherever it stands: the restoration in the token's
case, the lost sequence, the Zipf values of form and word, P(word | form),
whether it is unambiguous, and where in the word the letters were lost."""


def _decide_token(
    tok: str,
    lang: LigatureLanguage,
    licensed: frozenset[str] | None,
    zw_of: Callable[[str, str], float],
    weight: Callable[[str], float] | None,
) -> _Decision | None:
    """:func:`_read_token` and what follows from it, once per distinct token."""
    reading = _read_token(tok, lang, licensed, zw_of, weight)
    if reading is None:
        return None
    found, zb, words, unamb = reading
    best, lost, zw = words[0]
    cased = _with_case(tok, best)
    if cased is None or ("+" in lost and (not unamb or zw < 3.0)):
        return None
    pos = next((p for w, s, p in found if w == best and s == lost), -1)
    return cased, lost, zb, zw, _p_word(zb, [z for _, _, z in words]), unamb, pos


def _uniq_tokens(text: str, lang: LigatureLanguage) -> _Tokens:
    """The distinct letter runs of the language's script, lower-cased.

    A new :class:`_Tokens` per call (its memo of the split text lives as
    long as the caller keeps it) over the cached :func:`_token_set`.
    """
    return _Tokens(_token_set(text, lang))


@lru_cache(maxsize=4)
def _token_set(text: str, lang: LigatureLanguage) -> frozenset[str]:
    """:func:`_uniq_tokens` as a frozen set, cached for the last few texts:
    the pipeline asks about the same text (the same ``str``, whose hash
    Python keeps) in ``detect`` and in a later pass's ``gather``."""
    return frozenset(_split_tokens(text, lang, cached=True))


def _split_tokens(text: str, lang: LigatureLanguage, cached: bool = False) -> _Tokens:
    """:func:`_uniq_tokens` without its cache; ``cached`` keeps the text's
    :func:`_letter_bytes` for the searches that follow (not for a text made
    on the way)."""
    if lang.letters == "A-Za-z":
        # bytes.split of the letters as bytes, instead of a regex match
        # object and a str.lower per token
        raw = (_letter_bytes(text) if cached else _ascii_letters(text)).split()
        return _Tokens(w.decode("ascii") for w in set(raw))
    return _Tokens({w.lower() for w in set(_LETTER_RUNS[lang.code].findall(text))})


def _ascii_letters(text: str) -> bytes:
    """``text`` as one byte per character: its ASCII letters in lower case,
    every other character a space, and a space before and after.

    ASCII letters are the bytes 0x41-0x5A, 0x61-0x7A of UTF-8 and every byte
    of a longer sequence is >= 0x80: one C-level encode and translate (which
    deletes the continuation bytes, so that offsets stay those of the text).

    >>> _ascii_letters("Éta, Straße 2")
    b'  ta  stra e   '
    """
    body = text.encode("utf-8", "surrogatepass").translate(_ASCII_LETTERS, _CONTINUATION)
    return b" " + body + b" "


@lru_cache(maxsize=1)
def _letter_bytes(text: str) -> bytes:
    """:func:`_ascii_letters` of the text last asked about (split into
    tokens, then searched for a few of them)."""
    return _ascii_letters(text)


_ASCII_LETTERS = bytes(
    c | 0x20 if 0x41 <= c <= 0x5A or 0x61 <= c <= 0x7A else 0x20 for c in range(256)
)
"""A ``bytes.translate`` table: ASCII letters to lower case, every other byte to a space."""
_CONTINUATION = bytes(range(0x80, 0xC0))
"""The continuation bytes of UTF-8 (deleted: one byte is left per character)."""

_LETTER_RUNS = {lang.code: re.compile(f"[{lang.letters}]+") for lang in LANGUAGES}


def _find_tokens(
    text: str, lang: LigatureLanguage, words: AbstractSet[str], tokens: _Tokens | None = None
) -> Iterator[re.Match[str]]:
    """The tokens of ``text`` that are in ``words`` (lower case), written in
    lower case, capitalised or in capitals (other shapes are never restored).

    ``tokens`` (the text's :func:`_uniq_tokens`) keeps the split text for
    the next look-up.
    """
    if not words:
        return
    word = _patterns(lang).word
    ascii_words = lang.letters == "A-Za-z" and all(w.isascii() and w.isalpha() for w in words)
    if tokens is None or (tokens.pieces if ascii_words else tokens.runs) is None:
        found = _find_few(text, words, lang, word)
        if found is not None:
            yield from found
            return
    if ascii_words:
        yield from _find_ascii_tokens(text, lang, words, tokens, word)
        return
    if tokens is None:
        runs = _letter_parts(text, lang)
    else:
        if tokens.runs is None:
            tokens.runs = _letter_parts(text, lang)
        runs = tokens.runs
    parts, offsets, where = runs
    if words <= _searched(lang):
        hits: Iterable[int] = sorted(i for w in words & where.keys() for i in where[w])
    else:
        cased = words | {w.capitalize() for w in words} | {w.upper() for w in words}
        hits = compress(range(len(parts)), map(cased.__contains__, parts))
    for i in hits:
        mm = word.match(text, offsets[i])
        if mm is not None and mm.end() == offsets[i + 1]:
            yield mm


def _find_ascii_tokens(
    text: str,
    lang: LigatureLanguage,
    words: AbstractSet[str],
    tokens: _Tokens | None,
    word: re.Pattern[str],
) -> Iterator[re.Match[str]]:
    """:func:`_find_tokens` for ASCII words, in the text's :func:`_ascii_pieces`."""
    if tokens is None:
        pieces, cum, where = _ascii_pieces(text, lang)
    else:
        if tokens.pieces is None:
            tokens.pieces = _ascii_pieces(text, lang)
        pieces, cum, where = tokens.pieces
    if words <= _searched(lang):
        hits: Iterable[int] = sorted(k for w in words & where.keys() for k in where[w])
    else:
        cased = {v.encode("ascii") for w in words for v in (w, w.capitalize(), w.upper())}
        hits = compress(range(len(pieces)), map(cased.__contains__, pieces))
    for k in hits:
        start = cum[k] + k
        mm = word.match(text, start)
        if mm is not None and mm.end() == start + len(pieces[k]):
            yield mm


def _ascii_pieces(
    text: str, lang: LigatureLanguage
) -> tuple[list[bytes], list[int], dict[str, list[int]]]:
    """:func:`_letter_parts` for ASCII letters, at C speed: the text as one
    byte per character (letters as they are, every other character a space)
    split at each space, so that piece ``k`` (a letter run, or empty) starts
    at ``cum[k] + k``; and where (piece indices) each broken form the step
    ever looks for stands.

    >>> pieces, cum, where = _ascii_pieces("a diult, Nd", LANGUAGES[0])
    >>> pieces, [cum[k] + k for k in range(len(pieces))], where
    ([b'a', b'diult', b'', b'Nd'], [0, 2, 8, 9], {'diult': [1], 'nd': [3]})
    """
    pieces = text.encode("utf-8", "surrogatepass").translate(
        _CASED_LETTERS, _CONTINUATION
    ).split(b" ")
    cum = list(accumulate(map(len, pieces), initial=0))
    wanted = _searched_cased_bytes(lang)
    where: dict[str, list[int]] = {}
    for k in compress(range(len(pieces)), map(wanted.__contains__, pieces)):
        where.setdefault(pieces[k].lower().decode("ascii"), []).append(k)
    return pieces, cum, where


_CASED_LETTERS = bytes(
    c if 0x41 <= c <= 0x5A or 0x61 <= c <= 0x7A else 0x20 for c in range(256)
)
"""A ``bytes.translate`` table: ASCII letters as they are, every other byte a space."""


@lru_cache(maxsize=8)
def _searched_cased_bytes(lang: LigatureLanguage) -> frozenset[bytes]:
    """:func:`_searched_cased` as bytes (the ASCII forms: no other is a run
    of ASCII letters)."""
    return frozenset(w.encode("ascii") for w in _searched_cased(lang) if w.isascii())


_FEW_WORDS = 8
_FEW_HITS = 256


def _find_few(
    text: str, words: AbstractSet[str], lang: LigatureLanguage, word: re.Pattern[str]
) -> list[re.Match[str]] | None:
    """:func:`_find_tokens` for a few words (the odd tokens of clean prose):
    one literal search per word (or word form) at C speed instead of
    splitting the whole text into letter runs. None when they are too many
    to look at."""
    if len(words) > _FEW_WORDS:
        return None
    if lang.letters == "A-Za-z" and all(w.isascii() and w.isalpha() and w.islower() for w in words):
        return _find_few_ascii(text, words, word)
    out: list[re.Match[str]] = []
    for v in sorted({v for w in words for v in (w, w.capitalize(), w.upper())}):
        for m in _whole_run(v, lang.letters).finditer(text):
            mm = word.match(text, m.start())
            if mm is not None and mm.end() == m.end():
                out.append(mm)
        if len(out) > _FEW_HITS:
            return None
    out.sort(key=lambda m: m.start())
    return out


def _find_few_ascii(
    text: str, words: AbstractSet[str], word: re.Pattern[str]
) -> list[re.Match[str]] | None:
    """:func:`_find_few` for lower-case ASCII words: one search per word, in
    any case at once, for the word between spaces in :func:`_letter_bytes`
    (where every other character is a space, offsets shifted by one)."""
    letters = _letter_bytes(text)
    out: list[re.Match[str]] = []
    for w in sorted(words):
        forms = (w, w.capitalize(), w.upper())
        needle = f" {w} ".encode("ascii")
        n = len(w)
        i = letters.find(needle)
        while i >= 0:
            if text[i:i + n] in forms:
                mm = word.match(text, i)
                if mm is not None and mm.end() == i + n:
                    out.append(mm)
            i = letters.find(needle, i + n + 1)
        if len(out) > _FEW_HITS:
            return None
    out.sort(key=lambda m: m.start())
    return out


def _between_words(
    text: str,
    lang: LigatureLanguage,
    forms: AbstractSet[str],
    code: _CodeLines,
    spans: Iterable[tuple[int, int]],
) -> set[str]:
    """Which of the fragments ``forms`` (lower case) stand somewhere in the
    ``spans`` of ``text`` between the words of a sentence
    (:func:`_prose_position`, read as their likeliest restoration), not on a
    line of code. ASCII forms are looked for in one scan of each span of
    :func:`_letter_bytes` for all of them."""
    out: set[str] = set()
    if not forms:
        return out
    index = _index(lang)
    best = {w: max(index[w], key=lambda r: zipf(r[0], lang.code))[0] for w in forms}
    pattern = _patterns(lang).word
    if lang.letters == "A-Za-z" and all(w.isascii() and w.isalpha() for w in forms):
        alternatives = b"|".join(w.encode("ascii") for w in sorted(forms, key=len, reverse=True))
        search = re.compile(b" (?:" + alternatives + b")(?= )")
        letters = _letter_bytes(text)
        spots: Iterable[int] = (
            m.start() for a, b in spans for m in search.finditer(letters, a, b + 1)
        )
    else:
        spots = (
            m.start() for m in _find_tokens(text, lang, forms)
            if any(a <= m.start() < b for a, b in spans)
        )
    for i in spots:
        mm = pattern.match(text, i)
        if mm is None:
            continue
        w = mm.group().lower()
        if w in out or w not in best or i in code:
            continue
        if _prose_position(text, i, mm.end(), best[w]):
            out.add(w)
            if len(out) == len(forms):
                break
    return out


@lru_cache(maxsize=1024)
def _whole_run(form: str, letters: str) -> re.Pattern[str]:
    """``form`` as a whole run of ``letters``; the literal comes first, so
    that the search skips ahead at C speed."""
    lit = re.escape(form)
    return re.compile(f"{lit}(?<![{letters}]{lit})(?![{letters}])")


def _letter_parts(
    text: str, lang: LigatureLanguage
) -> tuple[list[str], list[int], dict[str, list[int]]]:
    """``text`` split into runs of other characters and of the script's
    letters (letters at odd indices), each part's start offset, and where
    (part indices) each broken form the step ever looks for stands.

    One pass at C speed (``itertools.compress``) finds the runs any caller
    of :func:`_find_tokens` may ask for.
    """
    parts = _LETTER_SPLIT[lang.code].split(text)
    offsets = list(accumulate(map(len, parts), initial=0))
    wanted = _searched_cased(lang)
    where: dict[str, list[int]] = {}
    for i in compress(range(len(parts)), map(wanted.__contains__, parts)):
        where.setdefault(parts[i].lower(), []).append(i)
    return parts, offsets, where


@lru_cache(maxsize=8)
def _searched(lang: LigatureLanguage) -> frozenset[str]:
    """Every broken form (lower case) the step may look up in a text."""
    return (
        _rare_keys(lang) | _viable_keys(lang) | _low_index(lang).keys()
        | _rare_halves(lang) | frozenset(lang.ligatures)
    )


@lru_cache(maxsize=8)
def _searched_cased(lang: LigatureLanguage) -> frozenset[str]:
    """:func:`_searched` in lower case, capitalised and in capitals."""
    low = _searched(lang)
    return low | {w.capitalize() for w in low} | {w.upper() for w in low}


_LETTER_SPLIT = {lang.code: re.compile(f"([{lang.letters}]+)") for lang in LANGUAGES}


def _pair_candidates(
    text: str, lang: LigatureLanguage, licensed: frozenset[str] | None, uniq: _Tokens
) -> Iterator[_Candidate]:
    """``signi cant`` (letters lost, a space left) and ``fi nd`` (a stray space)."""
    if " " not in text:
        return
    code = lang.code
    gidx = _index(lang, "\x00")
    sidx = _split_index(lang)
    if licensed is None:
        anchors = uniq & (_rare_halves(lang) | set(lang.ligatures))
        if not anchors:
            return
        pair = _patterns(lang).pair
        starts: set[int] = set()
        for m in _find_tokens(text, lang, anchors, uniq):
            starts.add(m.start())
            prev = text.rfind(" ", 0, m.start() - 1) + 1 if m.start() >= 2 else -1
            if prev >= 0 and text[m.start() - 1] == " ":
                starts.add(prev)
        matches: Iterator[re.Match[str]] = (
            m for m in (pair.match(text, i) for i in sorted(starts)) if m is not None
        )
    else:
        matches = _patterns(lang).pair.finditer(text)
    for m in matches:
        a, b = m.group(1), m.group(2)
        start, end = m.start(1), m.end(2)
        tok = text[start:end]
        key_split = f"{a.lower()} {b.lower()}"
        key_gap = f"{a.lower()}\x00{b.lower()}"
        if key_split not in sidx and key_gap not in gidx:
            continue
        # a half that is itself a word with letters dropped (``a xed``): a
        # space-mode reading needs the document to show that mode
        half_broken = not _rare_keys(lang).isdisjoint((a.lower(), b.lower()))
        za, zb_ = zipf(a, code), zipf(b, code)
        z_pair = max(0.0, za + zb_ - 9.0)
        rare = min(za, zb_) < RARE
        joined = sidx.get(key_split)
        if joined is not None:
            word, lig = joined
            zw = zipf(word, code)
            unamb = rare or a.lower() in lang.ligatures
            if unamb or licensed is not None:
                cased = _with_case(a + b, word)
                if cased is not None:
                    yield _Candidate(
                        start, end, tok, cased, lig, "split", z_pair, zw,
                        _p_word(z_pair, [zw]), unamb,
                    )
                    continue
        rest = gidx.get(key_gap)
        if not rest or (not rare and licensed is None):
            continue
        words = _distinct([
            (w, lost, zipf(w, code)) for w, lost, _ in rest
            if licensed is None or lost in licensed
        ])
        if not words:
            continue
        best, lost, zw = words[0]
        cased = _with_case(a + b, best)
        if cased is None:
            continue
        unamb = rare and not half_broken and (len(words) == 1 or words[1][2] <= zw - 1.5)
        yield _Candidate(
            start, end, tok, cased, lost, "space", z_pair, zw,
            _p_word(z_pair, [z for _, _, z in words]), unamb,
        )


def _rare_word_candidates(
    text: str, lang: LigatureLanguage, licensed: frozenset[str], uniq: _Tokens
) -> Iterator[_Candidate]:
    """Non-words that become a rare word (Zipf >= ``MIN_RARE_RESTORED``) by
    putting back a sequence the document loses: ``owcharts`` -> ``flowcharts``.

    Never evidence of damage themselves (not in ``gather``); restored only in
    a damaged region, like an ambiguous token.
    """
    code = lang.code
    idx = _low_index(lang)
    keys = uniq & idx.keys()
    if not keys:
        return
    for m in _find_tokens(text, lang, keys, uniq):
        tok = m.group()
        low = tok.lower()
        zb = zipf(low, code)
        if zb >= RARE:
            continue
        words = _distinct([
            (w, lost, zipf(w, code)) for w, lost, _ in idx[low]
            if set(lost.split("+")) <= licensed and "+" not in lost
        ])
        if not _one_clear_reading(words):
            continue
        best, lost, zw = words[0]
        if zw < zb + 1.0:
            continue
        cased = _with_case(tok, best)
        if cased is None or (tok.isupper() and len(tok) <= 4):
            continue
        yield _Candidate(
            m.start(), m.end(), tok, cased, lost, "dropped", zb, zw,
            _p_word(zb, [z for _, _, z in words]), False,
        )


def _rare_marker_candidates(
    text: str, lang: LigatureLanguage, licensed: frozenset[str]
) -> Iterator[_Candidate]:
    """Tokens with a NUL or U+FFFD where a glyph was that become a rare word
    (Zipf >= ``MIN_RARE_RESTORED``) by putting back a sequence the document
    loses, and no other word as likely: ``con\ufffdrmatory`` ->
    ``confirmatory`` (Zipf 2.1). The marker shows that letters were lost;
    the word list shows which.

    Never evidence of damage themselves (not in ``gather``); restored only in
    a damaged region, like an ambiguous token.
    """
    if not any(c in text for c in _MARKERS):
        return
    code = lang.code
    idx = _low_marker_index(lang)
    for m in _patterns(lang).marker.finditer(text):
        tok = m.group()
        rest = idx.get("".join("\x00" if c in _MARKERS else c for c in tok.lower()))
        if not rest:
            continue
        words = _distinct([
            (w, lost, zipf(w, code)) for w, lost, _ in rest
            if set(lost.split("+")) <= licensed and "+" not in lost
        ])
        if not _one_clear_reading(words):
            continue
        best, lost, zw = words[0]
        marked = _with_case("".join("x" if c in _MARKERS else c for c in tok), best)
        if marked is None:
            continue
        yield _Candidate(
            m.start(), m.end(), tok, marked, lost, "marker", 0.0, zw,
            _p_word(0.0, [z for _, _, z in words]), False,
        )


def _rare_pair_candidates(
    text: str, lang: LigatureLanguage, licensed: frozenset[str], uniq: _Tokens
) -> Iterator[_Candidate]:
    """Two letter runs with a space where a glyph was that become a rarer
    word (Zipf >= ``MIN_RARE_RESTORED``) by putting back a sequence the
    document loses, and no other word as likely: ``con rmatory`` ->
    ``confirmatory``. One half must be a non-word (``a air`` is two words)
    and neither a word with letters dropped.

    Never evidence of damage themselves (not in ``gather``); restored only in
    a damaged region, like an ambiguous token.
    """
    if " " not in text:
        return
    code = lang.code
    idx = _low_marker_index(lang)
    broken = _rare_keys(lang)
    pair = _patterns(lang).pair
    heads, tails = _low_marker_halves(lang)
    # one half must be a non-word: only pairs around the text's non-words
    # that are such halves (a C-level look-up of its tokens), not every pair
    odd = {t for t in uniq & (heads | tails) if zipf(t, code) < RARE}
    starts: set[int] = set()
    for mt in _find_tokens(text, lang, odd, uniq):
        low = mt.group().lower()
        if low in heads:
            starts.add(mt.start())
        s = mt.start()
        if low in tails and s >= 2 and text[s - 1] == " ":
            i = s - 1
            while i > 0 and text[i - 1].isalpha():
                i -= 1
            starts.add(i)
    for i in sorted(starts):
        m = pair.match(text, i)
        if m is None:
            continue
        a, b = m.group(1).lower(), m.group(2).lower()
        rest = idx.get(f"{a}\x00{b}")
        if not rest:
            continue
        za, zb_ = zipf(a, code), zipf(b, code)
        if min(za, zb_) >= RARE or a in broken or b in broken:
            continue
        words = _distinct([
            (w, lost, zipf(w, code)) for w, lost, _ in rest
            if lost in licensed and "+" not in lost
        ])
        if not _one_clear_reading(words):
            continue
        best, lost, zw = words[0]
        start, end = m.start(1), m.end(2)
        cased = _with_case(text[start:end].replace(" ", ""), best)
        if cased is None:
            continue
        z_pair = max(0.0, za + zb_ - 9.0)
        yield _Candidate(
            start, end, text[start:end], cased, lost, "space", z_pair, zw,
            _p_word(z_pair, [z for _, _, z in words]), False,
        )


@lru_cache(maxsize=8)
def _low_marker_halves(lang: LigatureLanguage) -> tuple[frozenset[str], frozenset[str]]:
    """What stands before and after the gap in the keys of
    :func:`_low_marker_index` that have one gap, letters on both sides."""
    heads, tails = set(), set()
    for key in _low_marker_index(lang):
        head, _, tail = key.partition("\x00")
        if head and tail and "\x00" not in tail:
            heads.add(head)
            tails.add(tail)
    return frozenset(heads), frozenset(tails)


@lru_cache(maxsize=8)
def _low_marker_index(
    lang: LigatureLanguage,
) -> Mapping[str, tuple[tuple[str, str, int], ...]]:
    """Marked forms (``\x00`` where the sequence was) of rarer words that
    the main marker index (Zipf >= ``MIN_RESTORED``) does not hold."""
    main = _index(lang, "\x00")
    low = deletion_index(lang.code, lang.sequences, MIN_RARE_RESTORED, "\x00")
    return MappingProxyType({k: v for k, v in low.items() if k not in main})


def _one_clear_reading(words: list[tuple[str, str, float]]) -> bool:
    """Whether there is a restoration, and the best (first) is at least 1.5
    Zipf ahead of the next: the clear reading a rarer word needs."""
    return bool(words) and (len(words) == 1 or words[1][2] <= words[0][2] - 1.5)


@lru_cache(maxsize=8)
def _low_index(lang: LigatureLanguage) -> Mapping[str, tuple[tuple[str, str, int], ...]]:
    """Broken forms of rarer words that the main index (Zipf >= ``MIN_RESTORED``)
    does not hold and that are not words themselves."""
    main = _index(lang)
    table = frequency_table(lang.code)
    low = deletion_index(lang.code, lang.sequences, MIN_RARE_RESTORED)
    return MappingProxyType({
        k: v for k, v in low.items() if k not in main and table.get(k, 0.0) < RARE
    })


def _relative(
    words: list[tuple[str, str, float]], weight: Callable[[str], float] | None
) -> list[tuple[str, str, float]]:
    """Shift weighted frequencies so that the best word has its own frequency:
    the weights choose between restorations, not between restoring and not."""
    if not words or weight is None:
        return words
    shift = weight(words[0][1])
    return [(w, lost, z - shift) for w, lost, z in words]


def _in_capitals_line(text: str, start: int, end: int) -> bool:
    """Whether the line holding ``text[start:end]`` has no lower-case letter."""
    line = text[text.rfind("\n", 0, start) + 1:(text.find("\n", end) + 1 or len(text) + 1) - 1]
    return not any(c.islower() for c in line)


def _distinct(words: list[tuple[str, str, float]]) -> list[tuple[str, str, float]]:
    out: list[tuple[str, str, float]] = []
    seen: set[str] = set()
    for w in sorted(words, key=lambda x: -x[2]):
        if w[0] not in seen:
            seen.add(w[0])
            out.append(w)
    return out


def _p_word(z_broken: float, z_words: list[float]) -> float:
    """P(the first word | broken form, region damaged), from frequencies."""
    f_broken = 10.0 ** z_broken if z_broken > 0 else 0.0
    total = f_broken + sum(10.0 ** z for z in z_words)
    return float(10.0 ** z_words[0] / total)


# -- evidence -----------------------------------------------------------------


def gather_ligature_evidence(text: str) -> LigatureEvidence:
    """Collect the unambiguous cases of lost ligatures in a piece of a document.

    Cheap on clean text: the token scan stops at the set intersection when no
    token is a known broken form. The last few texts' evidence is kept (the
    pipeline gathers on the text its ``detect`` saw first); each call gets
    its own copy.

    >>> e = gather_ligature_evidence("It was diult to nd the oial line.")
    >>> sorted(k[2] for k in e.damage)
    ['ffic']
    >>> gather_ligature_evidence("It was difficult to find.").damage
    {}
    """
    ev = _gather_cached(text)
    return LigatureEvidence(*(dict(getattr(ev, f.name)) for f in fields(ev)))


@lru_cache(maxsize=2)
def _gather_cached(text: str) -> LigatureEvidence:
    """:func:`gather_ligature_evidence`, kept for the last texts (never handed out)."""
    damage: dict[tuple[str, str, str], int] = {}
    seen: dict[str, int] = {}
    families: dict[tuple[str, str], int] = {}
    handles: dict[tuple[str, str], int] = {}
    forms_held: dict[tuple[str, str], int] = {}
    paragraphs: dict[tuple[str, str], int] = {}
    between: dict[tuple[str, str], int] = {}
    tally = _Tally()
    code = _CodeLines(text)
    paras = _Paragraphs(text)
    lines = {"text": paras.text_lines(), "code": code.count(), "spaces": text.count(" ")}
    cased: dict[str, _Tokens] = {}
    for lang in LANGUAGES:
        if not lang.sequences:
            continue
        for seq in lang.sequences:
            if len(seq) == 2:
                seen[seq] = seen.get(seq, 0) + text.count(seq)
        spelled = _paragraphs_holding(text, paras, [q for q in lang.ligatures if len(q) == 2])
        uniq = _uniq_tokens(text, lang)
        if not uniq:
            continue
        cased[lang.code] = uniq
        names = uniq & _viable_keys(lang)
        # (not the tail of a contraction whose apostrophe is a letter run's edge: ``we'll``)
        held = names - _CONTRACTION_TAILS
        forms_held.update(((lang.code, w), 1) for w in held)
        if names and _HANDLE_CHARS.search(text):
            for name in _handles(text) & names:
                handles[(lang.code, name)] = 1
        has_markers = any(c in text for c in _MARKERS)
        where: set[int] = set()
        if uniq.isdisjoint(_rare_keys(lang)) and not has_markers and not _maybe_split(
            uniq, lang
        ):
            paragraphs[(lang.code, "intact")] = len(spelled)
            continue
        invented = _InventedParagraphs(text, lang, paras)
        for c in _candidates(text, lang, None, uniq=uniq):
            if c.unambiguous and c.start not in code and c.start not in invented:
                key = (lang.code, c.mode, c.lost)
                damage[key] = damage.get(key, 0) + 1
                where.add(paras.index(c.start))
                if c.mode == "dropped":  # (a gap left in the word shows the loss itself)
                    fam = (lang.code, _family(c.replacement))
                    families[fam] = families.get(fam, 0) + 1
        tally.add(text, paras, where, lang, "damage")
        if where:
            short = {w for w in held if len(w) in FRAGMENT_DISCOUNT} - _rare_keys(lang)
            spans = [paras.bounds(k) for k in sorted(where)]
            between.update(
                ((lang.code, w), 1) for w in _between_words(text, lang, short, code, spans)
            )
        paragraphs[(lang.code, "damaged")] = len(where)
        paragraphs[(lang.code, "intact")] = len(spelled - where)
    fragments: dict[tuple[str, str, str], int] = {}
    forms: dict[tuple[str, str], int] = {}
    if not damage:
        # (a document with an unambiguous case anywhere never reads its fragments)
        for lang in LANGUAGES:
            if lang.code in cased:
                _gather_fragments(text, lang, cased[lang.code], seen, paras, code,
                                  fragments, forms, tally)
    return LigatureEvidence(
        damage=damage, tokens=tally.tokens, known=tally.known, seen=seen, families=families,
        fragments=fragments, fragment_forms=forms, languages=tally.languages, lines=lines,
        handles=handles, paragraphs=paragraphs, forms=forms_held, between=between,
    )


def _paragraphs_holding(text: str, paras: _Paragraphs, needles: list[str]) -> set[int]:
    """The numbers of the paragraphs of ``text`` that hold one of ``needles``
    (one search per such paragraph, at C speed)."""
    out: set[int] = set()
    if not needles or not any(n in text for n in needles):
        return out
    find = _alternatives(tuple(needles)).search
    starts = paras.starts()
    m = find(text)
    while m is not None:
        k = bisect_right(starts, m.start()) - 1
        out.add(k)
        if k + 1 >= len(starts):
            break
        m = find(text, starts[k + 1])
    return out


@lru_cache(maxsize=8)
def _alternatives(needles: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, needles)))


_HANDLE_CHARS = re.compile("[<:*@]")
"""A character that a name or handle (:func:`_handles`) needs."""


class _Paragraphs:
    """Where the paragraphs of a text start: at the text's start and after
    each run of blank lines (lines holding white space only), the breaks at
    which the pipeline and the stream may cut a document. What the step
    decides for a word depends on its paragraph and on the document's
    evidence only, so a document repaired in pieces cut there is repaired
    as the whole is.

    >>> p = _Paragraphs("one\\n  \\n\\ntwo\\nlines\\n\\nthree")
    >>> p.starts(), p.index(9), p.bounds(1)
    ([0, 8, 19], 1, (8, 19))
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: list[int] | None = None
        self._blank = 0

    def starts(self) -> list[int]:
        """Each paragraph's start (computed on first use)."""
        if self._starts is None:
            starts = [0]
            blank = 0
            for m in _BLANK_RUN.finditer(self._text):
                a, b = m.span()
                starts.append(b)
                # (most runs are one blank line: "\n\n")
                blank += 1 if b - a == 2 else self._text.count("\n", a, b) - 1
            self._starts, self._blank = starts, blank
        return self._starts

    def text_lines(self) -> int:
        """How many lines hold a character other than white space (the
        blank lines are those of the runs between paragraphs, and a blank
        first or last line).

        >>> _Paragraphs("\\na\\n \\n\\nb\\n").text_lines()
        2
        """
        text = self._text
        self.starts()
        first = _FIRST_BLANK.match(text) is not None
        last = not text[text.rfind("\n") + 1:].strip()
        return text.count("\n") + 1 - self._blank - first - last

    def index(self, pos: int) -> int:
        """The number of the paragraph holding ``pos``."""
        return bisect_right(self.starts(), pos) - 1

    def bounds(self, k: int) -> tuple[int, int]:
        """Paragraph ``k`` as ``start, end`` (its end is the next one's start)."""
        starts = self.starts()
        return starts[k], starts[k + 1] if k + 1 < len(starts) else len(self._text)


_BLANK_RUN = re.compile(r"\n(?:[^\S\n]*\n)+")
_FIRST_BLANK = re.compile(r"[^\S\n]*\n")
"""A run of blank lines, from the line break that ends the line before."""


class _Tally:
    """Token occurrences, known ones and language sums of the paragraphs
    that hold evidence (see :class:`LigatureEvidence`)."""

    def __init__(self) -> None:
        self.tokens: dict[tuple[str, str], int] = {}
        self.known: dict[tuple[str, str], int] = {}
        self.languages: dict[tuple[str, str, str], int] = {}

    def add(
        self, text: str, paras: _Paragraphs, where: AbstractSet[int],
        lang: LigatureLanguage, kind: str,
    ) -> None:
        """Count the paragraphs numbered ``where`` of ``text`` for ``lang``."""
        if not where:
            return
        piece = "\n".join(text[a:b] for a, b in map(paras.bounds, sorted(where)))
        if lang.letters == "A-Za-z":
            # (counted as bytes, each distinct word decoded once)
            counts = Counter(
                {w.decode("ascii"): n for w, n in Counter(_ascii_letters(piece).split()).items()}
            )
        else:
            counts = Counter(w.lower() for w in _LETTER_RUNS[lang.code].findall(piece))
        table = frequency_table(lang.code)
        index = _index(lang)
        key = (lang.code, kind)
        self.tokens[key] = self.tokens.get(key, 0) + sum(counts.values())
        self.known[key] = self.known.get(key, 0) + sum(
            n for w, n in counts.items() if w in table or w in index
        )
        if lang.letters != "A-Za-z":
            return
        if not piece.isascii():
            # the Latin words whole, accents included (``nồng``, not ``n``
            # and ``ng``): cut at each accented letter, Vietnamese or French
            # reads as English fragments
            counts = _lowered(Counter(_LATIN_WORD.findall(piece)))
        sums, _ = language_sums(counts, "latin")
        for rival, n in zip(RIVALS["latin"], sums, strict=True):
            k3 = (lang.code, kind, rival)
            self.languages[k3] = self.languages.get(k3, 0) + n


def _lowered(counts: Counter[str]) -> Counter[str]:
    """``counts`` with each word in lower case (the counts of its shapes
    summed), in the order each lower-case word first appears: the same
    counter as counting the words lower-cased, with one ``str.lower`` per
    distinct word instead of one per occurrence.

    >>> _lowered(Counter(["The", "cat", "the", "THE"]))
    Counter({'the': 3, 'cat': 1})
    """
    out: Counter[str] = Counter()
    for w, n in counts.items():
        low = w.lower()
        out[low] = out.get(low, 0) + n
    return out


def _maybe_split(uniq: AbstractSet[str], lang: LigatureLanguage) -> bool:
    """Whether some token could be half of a word split by a space."""
    halves = _rare_halves(lang)
    return not uniq.isdisjoint(halves) or not uniq.isdisjoint(lang.ligatures)


@lru_cache(maxsize=8)
def _rare_keys(lang: LigatureLanguage) -> frozenset[str]:
    """Broken forms that are not words themselves (the unambiguous ones)."""
    table = frequency_table(lang.code)
    return frozenset(k for k in _index(lang) if table.get(k, 0.0) < RARE)


@lru_cache(maxsize=8)
def _viable_keys(lang: LigatureLanguage) -> frozenset[str]:
    """Broken forms that can ever be restored: non-words, and words so much
    rarer than their likeliest restoration that P(word | broken form) can
    reach ``AMBIGUOUS_MIN`` (``o`` for ``off``, 0.86 at best, never can)."""
    table = frequency_table(lang.code)
    margin = math.log10(AMBIGUOUS_MIN / (1.0 - AMBIGUOUS_MIN))
    return _rare_keys(lang) | frozenset(
        k for k, rest in _index(lang).items()
        if max(table.get(w, 0.0) for w, _, _ in rest) - table.get(k, 0.0)
        + FRAGMENT_DISCOUNT.get(len(k), 0.0) >= margin
    )


@lru_cache(maxsize=8)
def _rare_halves(lang: LigatureLanguage) -> frozenset[str]:
    """Rare left or right halves of words split where a ligature was."""
    table = frequency_table(lang.code)
    halves: set[str] = set()
    for key in _index(lang, "\x00"):
        halves.update(h for h in key.split("\x00") if h and table.get(h, 0.0) < RARE)
    for key in _split_index(lang):
        halves.update(h for h in key.split(" ") if table.get(h, 0.0) < RARE)
    return frozenset(halves)


_CODE_START = (
    r"[ \t]*(?:#[ \t]*(?:include|define|ifn?def|endif|pragma)\b"
    r"|(?:def|class)[ \t]+\w+[ \t]*[(:]|import[ \t]+[\w.]+[ \t]*$"
    r"|from[ \t]+[\w.]+[ \t]+import\b)"
)
_CODE_MARKS: tuple[re.Pattern[str], ...] = tuple(
    # one pattern each, every one opening with a literal: sre then skips
    # ahead at C speed (an alternation of them scans ~100x slower)
    re.compile(p, re.MULTILINE) for p in (
        r"\{", r"\}",                                          # braces
        r"=(?:(?<=[=!<>]=)|(?<=\w=)|(?=\w\w)|(?<=\s=)(?=\s))",  # == <= x=1 x = 1 (not =D)
        r">(?<=->)", r"::", r"&&", r"\|\|",                    # -> :: && ||
        r"\((?<=[\w\]]\()(?!(?:s|tm|!|\d[a-z]?)\))",            # call(, not person(s) cat(1)
        r"_(?<=[A-Za-z0-9]_)(?=[A-Za-z])",                    # snake_case
        r"x(?<=0x)(?<!\w0x)[0-9A-Fa-f]",                       # hex numbers
        r"\$[A-Za-z_{]",                                      # $var (not $5)
        r"\n" + _CODE_START,                                  # def f(, #include
    )
)
"""What makes a line source code: braces, comparisons and assignments, ``->``
and ``::``, a call ``name(``, ``snake_case``, hex numbers, ``$var``, a
preprocessor line or a Python keyword opening the line (the match then
starts at the line break before it)."""


_CODE_HINT = re.compile(r"[{}=>:&|(_$#]|0x|\n[ \t]*(?:def|class|import|from)[ \t]")
"""What every mark of :data:`_CODE_MARKS` holds: a text without it has no
code line (one search instead of one per mark, for short texts)."""


class _CodeLines:
    """The lines of a text that look like source code.

    Code is set in a typewriter font, which has no ligatures, and its
    identifiers are abbreviated on purpose (``aord``, ``bres``, ``iname``):
    no token on such a line is restored or counted as evidence. Prose lines
    around it (chat logs, signatures with ``<nick>`` or an address) are read
    as prose.

    >>> code = _CodeLines("the oce\\naord = 1\\n")
    >>> 4 in code, 10 in code
    (False, True)
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: frozenset[int] | None = None

    def _code_starts(self) -> frozenset[int]:
        """Where each code line starts (one fast scan per mark, on first use).

        The text is scanned after a line break, as if a line ended before
        it: a mark that looks behind it reads the first line as it reads
        the same line further down a document (the text may be a piece of
        one, cut after a blank line).
        """
        if self._starts is None:
            text = "\n" + self._text
            self._starts = frozenset(
                text.rfind("\n", 0, m.end()) for p in _CODE_MARKS for m in p.finditer(text)
            ) if _CODE_HINT.search(text) else frozenset()
        return self._starts

    def count(self) -> int:
        """How many lines look like code."""
        return len(self._code_starts())

    def __contains__(self, pos: object) -> bool:
        if not isinstance(pos, int):
            return False
        starts = self._code_starts()
        return bool(starts) and self._text.rfind("\n", 0, pos) + 1 in starts





INVENTED_MIN = 20
"""How many lower-case tokens of a paragraph no word list knows (and no lost
ligature explains) make it a paragraph of invented or foreign spelling ..."""
INVENTED_SHARE = 0.2
"""... when they are also at least this share of its lower-case tokens."""


class _InventedParagraphs:
    """The paragraphs (between blank lines) of a text written in an invented
    or foreign spelling: a spelling-reform joke (``20 iers ov orxogrefkl
    riform``), mock Old English (``bemaccen waes``), nonsense verse
    (``uffish``, ``tumtum``). There a token no list knows is no sign of a
    lost glyph, and one that a lost glyph would explain (``iers`` ->
    ``fliers``) matches by chance: no token in them is restored or counted
    as evidence.

    A paragraph is such when at least :data:`INVENTED_MIN` of its lower-case
    tokens (two letters or more), and :data:`INVENTED_SHARE` of them, are
    neither known to the language's word list (Zipf >= 2) nor broken forms
    of known words. Decided per paragraph, on first use.

    >>> joke = "wi wud orxogrefkl riform " * 10
    >>> paras = _InventedParagraphs(joke + "\\n\\nthe oce", LANGUAGES[0])
    >>> 0 in paras, len(joke) + 3 in paras
    (True, False)
    """

    def __init__(
        self, text: str, lang: LigatureLanguage, paras: _Paragraphs | None = None
    ) -> None:
        self._text = text
        self._lang = lang
        self._paras = paras or _Paragraphs(text)
        self._memo: dict[int, bool] = {}
        self._odd = _OddWords(lang)

    def __contains__(self, pos: object) -> bool:
        if not isinstance(pos, int) or self._lang.letters != "A-Za-z":
            return False
        k = self._paras.index(pos)
        if k not in self._memo:
            a, b = self._paras.bounds(k)
            self._memo[k] = _invented(self._text, a, b, self._odd)
        return self._memo[k]


class _OddWords:
    """Which lower-case tokens of a language are odd: neither known to its
    word list (Zipf >= :data:`RARE`) nor broken forms of known words. Each
    distinct token is judged once per text."""

    def __init__(self, lang: LigatureLanguage) -> None:
        self._lang = lang
        self._odd: set[str] = set()
        self._judged: set[str] = set()

    def among(self, tokens: Iterable[str]) -> set[str]:
        """The odd ones of ``tokens``."""
        distinct = set(tokens)
        new = distinct - self._judged
        if new:
            table = frequency_table(self._lang.code)
            index = _index(self._lang)
            low = _low_index(self._lang)
            self._odd.update(
                w for w in new if table.get(w, 0.0) < RARE and w not in index and w not in low
            )
            self._judged |= new
        return distinct & self._odd


def _invented(text: str, a: int, b: int, odd_words: _OddWords) -> bool:
    """Whether the paragraph ``text[a:b]`` is written in an invented
    spelling (see :class:`_InventedParagraphs`)."""
    if b - a < 3 * INVENTED_MIN - 1:
        return False  # too short for INVENTED_MIN tokens of two letters
    runs = _LOWER_RUN.findall(text, a, b)
    if len(runs) < INVENTED_MIN:
        return False
    odd_here = odd_words.among(runs)
    odd = sum(1 for w in runs if w in odd_here) if odd_here else 0
    return odd >= INVENTED_MIN and odd >= INVENTED_SHARE * len(runs)


_LOWER_RUN = re.compile(r"(?<![A-Za-z])[a-z]{2,}(?![A-Za-z])")


# -- regions ------------------------------------------------------------------

def _posterior_damaged(emissions: dict[int, float], prior: float) -> dict[int, float]:
    """P(region damaged) at each line that has evidence (two-state HMM).

    ``emissions`` maps line number to the log10 likelihood ratio
    damaged:clean of the evidence on that line; between evidence lines the
    state may switch with probability ``_SWITCH`` per line, towards the
    document's share of damaged sites ``prior``.
    """
    lines = sorted(emissions)
    n = len(lines)
    if n == 0:
        return {}

    pi = prior
    memo: dict[int, tuple[float, float, float, float]] = {}

    def trans(gap: int) -> tuple[float, float, float, float]:
        """log10 P(D->D), P(D->C), P(C->D), P(C->C) over ``gap`` lines."""
        if gap not in memo:
            lam = (1.0 - 2.0 * _SWITCH) ** gap
            memo[gap] = (
                math.log10(pi + (1 - pi) * lam), math.log10((1 - pi) * (1 - lam)),
                math.log10(pi * (1 - lam)), math.log10((1 - pi) + pi * lam),
            )
        return memo[gap]

    def lse(a: float, b: float) -> float:
        m = max(a, b)
        return m + math.log10(10.0 ** (a - m) + 10.0 ** (b - m))

    # forward: log10 P(evidence so far, state)
    fwd: list[tuple[float, float]] = []
    d, c = math.log10(pi) + emissions[lines[0]], math.log10(1 - pi)
    fwd.append((d, c))
    for k in range(1, n):
        dd, dc, cd, cc = trans(lines[k] - lines[k - 1])
        pd, pc = fwd[-1]
        d = lse(pd + dd, pc + cd) + emissions[lines[k]]
        c = lse(pc + cc, pd + dc)
        fwd.append((d, c))
    bwd: list[tuple[float, float]] = [(0.0, 0.0)] * n
    for k in range(n - 2, -1, -1):
        dd, dc, cd, cc = trans(lines[k + 1] - lines[k])
        nd_, nc = bwd[k + 1]
        e = emissions[lines[k + 1]]
        bwd[k] = (lse(dd + e + nd_, dc + nc), lse(cd + e + nd_, cc + nc))
    out: dict[int, float] = {}
    for k in range(n):
        ld = fwd[k][0] + bwd[k][0]
        lc = fwd[k][1] + bwd[k][1]
        out[lines[k]] = 1.0 / (1.0 + 10.0 ** max(-30.0, min(30.0, lc - ld)))
    return out


def _add_absence(
    text: str,
    emissions: dict[int, float],
    spelled: AbstractSet[int],
    paras: _Paragraphs,
    line_starts: list[int],
) -> None:
    """Add to the first line with evidence of each paragraph that spells no
    licensed sequence right the evidence of that absence (:data:`_ABSENCE`
    per word of the paragraph): a long paragraph of English without one
    ``fi``, ``fl`` or ``ff`` is rare unless its font lost them."""
    first_line: dict[int, int] = {}
    for ln in sorted(emissions):
        first_line.setdefault(paras.index(line_starts[ln]), ln)
    for k, ln in first_line.items():
        if k not in spelled:
            a, b = paras.bounds(k)
            emissions[ln] += _ABSENCE * len(text[a:b].split())


_TWO_LETTER = {lang.code: frozenset(q for q in lang.ligatures if len(q) == 2) for lang in LANGUAGES}
"""Each language's two-letter ligatures, whose absence :func:`_add_absence` weighs."""


def _posterior_by_paragraph(
    emissions: dict[int, float], prior: float, paragraph_of_line: list[int]
) -> dict[int, float]:
    """:func:`_posterior_damaged` run on each paragraph's lines on its own:
    the region a word stands in is read from its paragraph and the
    document's prior only, so that a paragraph decides as it does in any
    piece of the document that holds it."""
    groups: dict[int, dict[int, float]] = {}
    for line, lr in emissions.items():
        groups.setdefault(paragraph_of_line[line], {})[line] = lr
    out: dict[int, float] = {}
    for group in groups.values():
        out.update(_posterior_damaged(group, prior))
    return out


def _licensed(learned: frozenset[str], lang: LigatureLanguage) -> frozenset[str]:
    """Sequences the document may lose, given those it is seen to lose.

    A font whose ligature glyphs lack a Unicode mapping lacks it for all of
    them: one lost standard ligature licenses the others; a sequence also
    licenses those it contains or is contained in (``ffic`` licenses ``fi``).
    """
    family = set(lang.ligatures) if not learned.isdisjoint(lang.ligatures) else set()
    return frozenset(
        s for s in lang.sequences if s in family or any(s in t for t in learned)
    )


# -- the detector ---------------------------------------------------------------

def _evidence(text: str, config: Config | None) -> LigatureEvidence:
    ev = evidence_of(config, _STEP)
    if isinstance(ev, LigatureEvidence):
        return ev
    return _gather_cached(text)  # (read, never changed: no copy)


def detect_dropped_ligatures(text: str, config: Config | None = None) -> list[Finding]:
    """Find words whose ligature letters were lost in PDF extraction.

    >>> fs = detect_dropped_ligatures("It was diult to nd the oial lm.")
    >>> [(f.original, f.replacement) for f in fs]
    [('diult', 'difficult'), ('nd', 'find'), ('oial', 'official'), ('lm', 'film')]
    >>> detect_dropped_ligatures("The 2nd film and the lm of Loch Ness.")
    []
    """
    ev, kind = _evidence(text, config).decisive()
    if not ev.damage:
        return []
    findings: list[Finding] = []
    paras = _Paragraphs(text)
    for lang in LANGUAGES:
        # (a source file's identifiers, aord, bres, iname, are abbreviated on purpose)
        if lang.sequences and not ev.refusal(lang, kind):
            findings.extend(
                _detect_language(text, lang, ev, _uniq_tokens(text, lang), paras, kind)
            )
    findings.sort(key=lambda f: f.start)
    return findings


_LATIN_WORD = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]+")
"""A word of Latin letters, accented ones included (Latin-1, Extended-A and
-B, Extended Additional: Vietnamese)."""


FRAGMENT_EVIDENCE = 2
"""How many distinct fragments between words (``o``, ``ve``) a document with
no correctly spelled ligature at all must show to count as damaged."""


def _plain_zipf(code: str, word: str, lost: str) -> float:
    """A restoration's Zipf frequency, not weighed by the lost sequence."""
    return zipf(word, code)


def _gather_fragments(
    text: str,
    lang: LigatureLanguage,
    toks: _Tokens,
    seen: Mapping[str, int],
    paras: _Paragraphs,
    code: _CodeLines,
    fragments: dict[tuple[str, str, str], int],
    forms: dict[tuple[str, str], int],
    tally: _Tally,
) -> None:
    """Count the fragments between words that a lost ligature explains
    (``turned o the light``, ``the ve men``; with the two spaces a
    space-leaving extractor leaves at a word's edge: ``the  rst time``) into
    ``fragments`` and ``forms``, and tally their paragraphs: the evidence of
    a document with no unambiguous case (see :meth:`LigatureEvidence.decisive`).

    Nothing is counted when the text spells one of the language's
    two-letter ligatures right (the document does then too).
    """
    two = [q for q in lang.ligatures if len(q) == 2]
    if not two or any(seen.get(q, 0) for q in two):
        return
    keys = {k for k in toks & _viable_keys(lang) if len(k) in FRAGMENT_DISCOUNT}
    keys -= _rare_keys(lang)
    if not keys:
        return
    liga = frozenset(lang.ligatures)
    plain = partial(_plain_zipf, lang.code)
    invented = _InventedParagraphs(text, lang, paras)
    where: set[int] = set()
    for m in _find_tokens(text, lang, keys, toks):
        if m.start() in code or m.start() in invented:
            continue
        tok = m.group()
        reading = _read_token(tok, lang, liga, plain, None)
        if reading is None:
            continue
        found, zb, words, _ = reading
        best, lost, zw = words[0]
        s, e = m.start(), m.end()
        # a space-leaving extractor: two spaces where the glyph began or
        # ended the word (``the  rst``, ``o  the``), inside a sentence
        pos = next((p for w, q, p in found if w == best and q == lost), -1)
        gap = (pos == 0 and s >= 3 and text[s - 2:s] == "  " and text[s - 3].isalnum()) or (
            pos == len(tok) and text[e:e + 2] == "  " and text[e + 2:e + 3].isalpha()
        )
        if not _prose_position(text, s, e, best, gap):
            continue
        d = FRAGMENT_DISCOUNT[len(tok)]
        if _p_word(zb - d, [z for _, _, z in words]) >= AMBIGUOUS_MIN:
            key = (lang.code, "space" if gap else "dropped", lost)
            fragments[key] = fragments.get(key, 0) + 1
            # distinct fragments: one repeated token (a name, ``Ri`` of a
            # transliterated ``日本語``) is one piece of evidence, not many
            form = (lang.code, tok.lower())
            forms[form] = forms.get(form, 0) + 1
            where.add(paras.index(s))
    tally.add(text, paras, where, lang, "fragment")


def _detect_language(
    text: str, lang: LigatureLanguage, ev: LigatureEvidence, uniq: _Tokens,
    paras: _Paragraphs, kind: str = "damage",
) -> list[Finding]:
    learned = ev.learned(lang.code, ("dropped", "marker", "space", "split"))
    licensed = _licensed(learned, lang)
    own = ev.lone_family(lang.code)
    if own and not _backed(ev, lang, licensed, own) and not _none_spelled(ev, lang):
        # one word family (``uid``, ``uids``; ``ower`` twice) is a word the
        # document uses, unless a restoration of another word backs it
        return []
    weight_of: dict[str, float] = {}

    def weights(lost: str) -> float:
        if lost not in weight_of:
            weight_of[lost] = ev.weight(lang.code, lost)
        return weight_of[lost]

    shown = {  # whether the document shows each mode family
        mode: bool(ev.learned(lang.code, _mode_family(mode)))
        for mode in ("dropped", "marker", "space", "split")
    }
    cands = [
        c for c in _candidates(text, lang, licensed, weights, uniq, shown["space"])
        if c.unambiguous or shown[c.mode]
    ]
    if ev.learned(lang.code, ("dropped", "marker")):
        cands.extend(_rare_word_candidates(text, lang, licensed, uniq))
        cands.extend(_rare_marker_candidates(text, lang, licensed))
    if ev.learned(lang.code, ("space",)):
        cands.extend(_rare_pair_candidates(text, lang, licensed, uniq))
    code = uniq.code_lines(text)
    invented = _InventedParagraphs(text, lang, paras)
    cands = [c for c in cands if c.start not in code and c.start not in invented]
    if not cands:
        return []
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_of(pos: int) -> int:
        return bisect_right(line_starts, pos) - 1

    # a fragment between the words of a sentence is rarer there than
    # wordfreq says: that weighs both on its own reading and as evidence
    cands = [_fragment_in_prose(text, c, lang) for c in cands]
    emissions: dict[int, float] = {}
    for c in cands:
        ln = line_of(c.start)
        if c.unambiguous:
            lr = _CAP
        elif c.z_word < MIN_RESTORED:
            lr = 0.0  # a restoration to a rare word is never evidence
        else:
            # a weak ambiguous token says little about its neighbours; a
            # fragment between words (rarer there than wordfreq says) says a
            # little more, but never much (a clean sidebar may hold ``The lm of nd.``)
            lr = max(0.0, min(_CAP, math.log10(1.0 + 10.0 ** (c.z_word - c.z_broken))) - 0.5)
            if c.discount:
                zb = c.z_broken - c.discount
                lr = max(lr, min(_FRAGMENT_CAP, math.log10(1.0 + 10.0 ** (c.z_word - zb)) - 0.5))
        emissions[ln] = emissions.get(ln, 0.0) + lr
    if licensed:
        correct = re.compile(
            f"{_BEFORE}[{lang.letters}]*(?:{'|'.join(sorted(licensed, key=len, reverse=True))})"
            f"[{lang.letters}]*{_AFTER}"
        )
        spans = sorted((c.start, c.end) for c in cands)
        starts = [a for a, _ in spans]

        def in_candidate(pos: int) -> bool:
            k = bisect_right(starts, pos) - 1
            return k >= 0 and pos < spans[k][1]

        spelled: set[int] = set()
        for m in correct.finditer(text):
            # (``fi`` in ``fi nd`` is part of the damage, not a correct spelling)
            if zipf(m.group(), lang.code) >= RARE and not in_candidate(m.start()):
                ln = line_of(m.start())
                emissions[ln] = emissions.get(ln, 0.0) + _AGAINST
                spelled.add(paras.index(m.start()))
        if _TWO_LETTER[lang.code] and licensed >= _TWO_LETTER[lang.code]:
            _add_absence(text, emissions, spelled, paras, line_starts)
    post = _posterior_by_paragraph(
        emissions, ev.prior(lang.code, licensed, kind), [paras.index(p) for p in line_starts]
    )
    names = {name for code_, name in ev.handles if code_ == lang.code}
    out: list[Finding] = []
    for c in cands:
        p_region = post.get(line_of(c.start), 0.0)
        if not c.unambiguous and (
            c.original.lower() in names
            # a word in its own right, inside a name (not a non-word: Wareld)
            or (c.z_broken >= RARE and _inside_name(text, c.start, c.end))
        ):
            continue
        if c.unambiguous:
            # not a word, so damage; applied where the region shows damage,
            # the token itself left out (a lone odd token in clean prose is
            # not its own evidence): its likelihood ratio divides the odds
            p_region = _without(p_region, _CAP)
            conf = 0.45 + 0.5 * p_region
            why = (
                f"{c.original!r} is not a {lang.code} word; putting back the lost "
                f"{c.lost!r} gives {c.replacement!r}, the only frequent word it can come from"
            )
        else:
            conf = p_region * c.p_word
            # a word in its own right needs more than a non-word with two readings
            if conf < (AMBIGUOUS_MIN if c.z_broken >= RARE else CHOICE_MIN):
                continue
            why = (
                f"{c.original!r} is a rare form of {c.replacement!r} where this document loses "
                f"{c.lost!r} (P(region damaged) {p_region:.3f}, P(word) {c.p_word:.3f})"
            )
        out.append(Finding(
            _KIND, c.start, c.end, c.original, c.replacement, round(conf, 4), _STEP,
            f"{_MODE_WHY[c.mode]}: {why}",
        ))
    return out


def _none_spelled(ev: LigatureEvidence, lang: LigatureLanguage) -> bool:
    """Whether the document spells none of the language's two-letter
    ligatures right anywhere, and is long enough that clean prose would
    (:data:`_ABSENCE` a word, about one word a space, to
    :data:`_NONE_SPELLED`): then its one word family is no word it uses,
    the font lost its ligatures."""
    two = _TWO_LETTER[lang.code]
    return bool(two) and not any(ev.seen.get(q, 0) for q in two) and (
        _ABSENCE * ev.lines.get("spaces", 0) >= _NONE_SPELLED
    )


_NONE_SPELLED = 2.0
"""log10 odds against clean prose spelling none of ``fi``, ``fl``, ``ff``
(about 320 words: 1% of clean English texts that long)."""


def _backed(
    ev: LigatureEvidence, lang: LigatureLanguage, licensed: frozenset[str], own: frozenset[str]
) -> bool:
    """Whether the document holds a broken form (:attr:`LigatureEvidence.forms`)
    of a word outside the word family ``own`` that putting back a licensed
    sequence restores surely enough to be repaired: a word in its own right
    with P(word | form) of at least :data:`AMBIGUOUS_MIN`, a non-word with
    one of at least :data:`CHOICE_MIN` (``nd`` for ``find`` backs ``diult``
    for ``difficult``)."""
    plain = partial(_plain_zipf, lang.code)
    for code, form in ev.forms:
        if code != lang.code:
            continue
        reading = _read_token(form, lang, licensed, plain, None)
        if reading is None:
            continue
        _, zb, words, _ = reading
        if _family(words[0][0]) in own:
            continue
        if (code, form) in ev.between:  # (rarer there than wordfreq says)
            zb -= FRAGMENT_DISCOUNT[len(form)]
        if _p_word(zb, [z for _, _, z in words]) >= (AMBIGUOUS_MIN if zb >= RARE else CHOICE_MIN):
            return True
    return False


def _family(word: str) -> str:
    """A restoration's word family for counting evidence: lower case, a
    plural ``s`` off (``fluids`` and ``fluid`` are one piece of evidence).

    >>> _family("Fluids"), _family("glass"), _family("is")
    ('fluid', 'glass', 'is')
    """
    w = word.lower()
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def _prose_position(text: str, s: int, e: int, word: str, gap: bool = False) -> bool:
    """Whether ``text[s:e]``, read as ``word``, stands between two words of a sentence.

    A lower-case word before it (after a space or a line break), a word or a
    sentence mark after it: ``turned o the light``, ``turned o.``; or joined
    by a hyphen into a known compound (``cut-o`` as ``cutoff``). Not a
    formula (``4096 x 4096``), a name (``Ortega y Gasset``), a bracketed
    form, a compound that is no word (``x-ray``: ``fixray``), the tail of a
    contraction that lost its apostrophe (``I ve``). With ``gap``, a double
    space beside it is the trace of the glyph (``turned o  the``).
    """
    tok = text[s:e]
    if s < 2 or e >= len(text):
        return False
    if tok.istitle() and len(tok) == 2:
        return _first_name_position(text, s, e)
    if not tok.islower() or tok in _CHAT_WORDS:
        return False
    if len(tok) == 1 and _other_symbol_on_line(text, s):
        return False  # letters as names (``Run f, then run g``)
    if text[s - 1] == "-" or text[e] == "-":
        return _known_compound(text, s, e, word)
    if text[s - 1] not in " \n":
        return text[s - 1] == "\t" and not gap and _after_clause_break(text, s, e)
    if gap:
        # a space-leaving extractor: the glyph's space beside the word's own
        s -= text[s - 2:s] == "  "
        e += text[e:e + 2] == "  "
    after = text[e]
    if after not in " ,.;:!?\n":
        return False
    # a word after it (a line may go on after its indent)
    if after in " \n" and not text[e + 1:e + 2].isalpha() and (
        after != "\n" or _INDENTED_LETTER.match(text, e + 1) is None
    ) and text[e:e + 4] not in (" ...", " -- "):  # (``went o ...``, ``four but ve --``)
        return False
    if after == " ":
        # the next word is a word (or itself broken): not ``u cn rd ths``
        nxt = _NEXT_WORD.match(text, e + 1)
        if nxt is not None and zipf(nxt.group(), "en") < _NEXT_MIN and (
            nxt.group().lower() not in _index(_lang_for("en"))
        ):
            return False
    j = s - 1
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] in _APOS):
        j -= 1
    prev = text[j:s - 1]
    if not prev[:1].isalpha() or (j > 0 and text[j - 1] not in " \n\t\"("):
        return not gap and _after_clause_break(text, s, e)
    # ``It's ne``; a capital only on a common word (``The ve rules``, not
    # ``Ortega y``), or a fairly common one opening a line (``Shut o engine``)
    if not prev.islower():
        k = j
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        # a line's or a sentence's first word is capitalised anyway
        opens_line = k == 0 or text[k - 1] in "\n.!?"
        if not prev.istitle() or zipf(prev, "en") < (_COMMON - 1.0 if opens_line else _COMMON):
            # a name or a noun before it, a frequent lower-case word after
            # (``keep Grandma o the streets``; not ``Ortega y Gasset``)
            nxt = _NEXT_WORD.match(text, e + 1) if text[e] == " " else None
            if not prev.istitle() or zipf(prev, "en") < _NEXT_MIN or nxt is None or (
                not nxt.group().islower() or zipf(nxt.group(), "en") < _COMMON
            ):
                return False
    if prev.lower() in _ROMANCE_WORDS:
        return False  # a French or Spanish phrase (``tout le monde``, ``Et le``)
    if _short_odd(prev) and after == " ":
        nxt = _NEXT_WORD.match(text, e + 1)
        if nxt is not None and _short_odd(nxt.group()):
            return False  # a list of abbreviations (``lt le eq ne ge gt``)
    # the tail of a contraction whose apostrophe is gone (``I ve``, ``don t``)
    return not (tok in _CONTRACTION_TAILS and zipf(f"{prev}'{tok}", "en") >= RARE)


def _short_odd(word: str) -> bool:
    """Whether ``word`` has one or two letters and is no common word (an
    abbreviation, a symbol or a fragment: ``lt``, ``eq``; not ``of``, ``a``)."""
    return len(word) <= 2 and zipf(word, "en") < _COMMON


_ROMANCE_WORDS = frozenset({
    "de", "la", "le", "les", "et", "est", "sont", "tout", "tous", "un", "une", "des", "du",
    "au", "aux", "en", "el", "los", "las", "y", "que", "con", "por",
})
"""French and Spanish function words: a fragment after one of them is a
word of that language (``tout le``, ``et le``), not English prose."""


def _after_clause_break(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` opens a clause after a comma or a semicolon
    (``If it ain't broke, x it``, ``Come, landlord, ll the bowl``) or a line
    that goes on from the one before (``airport,\n\ty to New York``), with
    a common lower-case word after it. Not the vocative ``o`` (``He has
    shown you, o man``) nor a form without a vowel (``rm this, rm that``)."""
    tok = text[s:e]
    if tok == "o" or (len(tok) > 1 and tok != "ll" and not any(v in tok for v in "aeiouy")):
        return False
    nxt = _NEXT_WORD.match(text, e + 1) if text[e] == " " else None
    if nxt is None or not nxt.group().islower() or zipf(nxt.group(), "en") < _COMMON - 1.0:
        return False
    k = s
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    if k > 0 and text[k - 1] == "\n":  # the line before, without its trailing spaces
        k -= 1
        while k > 0 and text[k - 1] in " \t":
            k -= 1
    if k < 3 or text[k - 1] not in ",;":
        return False
    return text[k - 3:k - 1].isalpha() and text[k - 3:k - 1].islower()


def _first_name_position(text: str, s: int, e: int) -> bool:
    """Whether a capitalised fragment stands as a first name: before a
    surname or an initial (``Je MacNelley``, ``Je G. Bone``), after the
    dash of an attribution or a lower-case word (``-- Je Dege``)."""
    if text[e] != " " or zipf(text[s:e], "en") >= _NAME_FRAGMENT_MAX:
        return False
    nxt = _NEXT_WORD.match(text, e + 1)
    if nxt is None or not nxt.group()[:1].isupper() or (
        nxt.group().isupper() and len(nxt.group()) > 1  # (a heading in capitals)
    ):
        return False
    before = text[max(0, s - 3):s]
    j = s - 1
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return before == "-- " or (text[s - 1] == " " and text[j:s - 1].islower() and j < s - 1)


_NAME_FRAGMENT_MAX = 4.5
"""A capitalised fragment is read as a first name only if rarer than this."""


def _other_symbol_on_line(text: str, s: int) -> bool:
    """Whether the line of ``text[s]`` holds another lone letter that is no
    word and no broken form either (``f``, ``k``, ``P``; not ``a``, ``I``,
    nor ``o`` or ``x``, which may have lost letters too): letters used as
    names (``if some x has property P``)."""
    a = text.rfind("\n", 0, s) + 1
    b = text.find("\n", s)
    line = text[a:] if b < 0 else text[a:b]
    broken = _viable_keys(_lang_for("en"))
    return any(
        m.start() != s - a and m.group().lower() not in broken
        for m in _LONE_LETTER.finditer(line)
    )


_LONE_LETTER = re.compile(
    r"(?<![\w'\u2019.(-])(?:[b-hj-z]|[B-HJ-NP-Z](?<= [B-HJ-NP-Z]))(?![\w'\u2019).:-])"
)
"""A letter standing alone, not a label (``(d)``, ``d.``, ``Q:``): lower
case, or a capital after a space (``some x has property P``; not ``A``,
``I`` or ``O``, which are words)."""
_CHAT_WORDS = frozenset({"u", "r", "n", "ur", "c", "b", "k"})
"""Letters that are words of informal English (``can u tell``, ``u r``,
``rock n roll``): between words they are no rarer than wordfreq says."""
_NEXT_WORD = re.compile(r"[^\W\d_]+")
_NEXT_MIN = 3.0
"""The word after a fragment must be this frequent (or a broken form itself)."""
_INDENTED_LETTER = re.compile(r"[ \t]*[^\W\d_]")


def _known_compound(text: str, s: int, e: int, word: str) -> bool:
    """Whether a fragment hyphened to a lower-case word makes, restored, a
    known compound: ``cut-o`` (``cutoff``), ``o-line`` (``offline``)."""
    if text[s - 1] == "-":
        j = s - 1
        while j > 0 and text[j - 1].isalpha():
            j -= 1
        other, joined = text[j:s - 1], text[j:s - 1] + word
    else:
        k = e + 1
        while k < len(text) and text[k].isalpha():
            k += 1
        other, joined = text[e + 1:k], word + text[e + 1:k]
    if len(other) < 2 or not other.islower():
        return False
    if zipf(joined, "en") >= MIN_RESTORED:
        return True
    # a frequent word hyphened to another word (``thirty-ve``,
    # ``ve-hundred``, ``ne-tuning``): a fragment of two letters (one letter
    # is a compound's part of its own: ``x-ray``, ``merry-o``, ``nerd-o-matic``),
    # not a prefix (``re-enter``)
    tok = text[s:e]
    return (
        len(tok) == 2 and tok not in _PREFIXES and zipf(word, "en") >= _COMPOUND_WORD
        and zipf(other, "en") >= _NEXT_MIN
    )


_COMPOUND_WORD = 4.5
"""A fragment hyphened to a word is restored only to a word this frequent."""
_PREFIXES = frozenset({"re", "co", "ex", "de", "un", "bi", "mi", "di", "en", "em", "op"})
"""Two-letter forms that open hyphened compounds as prefixes of their own."""


def _inside_name(text: str, s: int, e: int) -> bool:
    """Whether a capitalised ``text[s:e]`` stands inside a run of capitalised
    words, a capitalised word before it that opens no sentence or line and
    one after it (``John Nance Garner``): a part of a name, not a word that
    lost letters (``Finance``).

    >>> _inside_name("Vice President John Nance Garner", 20, 25)
    True
    >>> _inside_name("at the Post Oce with", 12, 15)
    False
    """
    if not text[s:e].istitle() or text[e:e + 1] != " " or text[s - 1:s] != " ":
        return False
    nxt = _NEXT_WORD.match(text, e + 1)
    if nxt is None or not nxt.group().istitle():
        return False
    j = s - 1
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    prev = text[j:s - 1]
    if not prev.istitle():
        return False
    k = j
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    return k > 0 and text[k - 1] not in "\n.!?:\"'(-"


def _handles(text: str) -> set[str]:
    """The names of ``_HANDLE.finditer(text)``, lower-cased: one search per
    alternative, each opening with a literal or a small set that the search
    skips to at C speed (the alternation, opening with ``^``, is tried at
    every position). No match of one alternative can overlap another's.

    >>> sorted(_handles("stu: hi <Jim> and *Lo and @bob\\nx:y"))
    ['bob', 'jim', 'lo', 'stu', 'x']
    """
    names = set(_HANDLE_ANGLE.findall(text))
    names.update(
        _HANDLE_LINE.findall(text), _HANDLE_STAR.findall(text), _HANDLE_AT.findall(text)
    )
    first = _HANDLE_FIRST_LINE.match(text)
    if first is not None:
        names.add(first.group(1))
    return {n.lower() for n in names}


_HANDLE = re.compile(r"<(\w+)>|^(\w+):|[*@](\w+)\b", re.MULTILINE)
"""A name or a handle: ``<nick>``, ``nick:`` opening a line, ``*nick``, ``@nick``."""
_HANDLE_ANGLE = re.compile(r"<(\w+)>")
_HANDLE_LINE = re.compile(r"\n(\w+):")
_HANDLE_FIRST_LINE = re.compile(r"(\w+):")
_HANDLE_STAR = re.compile(r"\*(\w+)\b")
_HANDLE_AT = re.compile(r"@(\w+)\b")


def _fragment_in_prose(text: str, c: _Candidate, lang: LigatureLanguage) -> _Candidate:
    """The candidate as :func:`_in_prose` reads it where it stands between
    the words of a sentence (:func:`_prose_position`), else as it is.

    A fragment that makes a word with its neighbour across one space may be
    half of that word, split where an extractor left a space for the glyph
    (``pro t`` for ``profit``): not a fragment between words.
    """
    if c.unambiguous or c.z_broken < RARE or c.mode not in ("dropped", "space"):
        return c
    # the letters only (a space mode token holds the gap's space)
    s0 = c.start + (len(c.original) - len(c.original.lstrip(" ")))
    e0 = c.end - (len(c.original) - len(c.original.rstrip(" ")))
    if e0 - s0 not in FRAGMENT_DISCOUNT or not _prose_position(
        text, s0, e0, c.replacement, c.mode == "space"
    ):
        return c
    if _half_of_split_word(text, s0, e0, lang):
        return c
    return _in_prose(c)


def _half_of_split_word(text: str, s: int, e: int, lang: LigatureLanguage) -> bool:
    """Whether ``text[s:e]`` and the word one space before or after it
    make a word with a glyph lost between them (``pro t``, ``o er``)."""
    gaps = _index(lang, "\x00")
    tok = text[s:e].lower()
    if s >= 2 and text[s - 1] == " " and text[s - 2].isalpha():
        j = s - 2
        while j > 0 and text[j - 1].isalpha():
            j -= 1
        if f"{text[j:s - 1].lower()}\x00{tok}" in gaps:
            return True
    after = _NEXT_WORD.match(text, e + 1) if text[e:e + 1] == " " else None
    return after is not None and f"{tok}\x00{after.group().lower()}" in gaps


def _in_prose(c: _Candidate) -> _Candidate:
    """The candidate with P(word) re-weighed for a fragment between the words
    of a sentence (:data:`FRAGMENT_DISCOUNT`)."""
    d = FRAGMENT_DISCOUNT.get(len(c.original.strip(" ")), 0.0)  # (the letters: not a gap's space)
    w = 10.0 ** c.z_word
    b = 10.0 ** c.z_broken
    # P(word) = W / (W + others + B): take the broken form's share B down by d
    others = max(0.0, w / c.p_word - b - w)
    return _Candidate(
        c.start, c.end, c.original, c.replacement, c.lost, c.mode, c.z_broken, c.z_word,
        w / (w + others + b * 10.0 ** -d), c.unambiguous, d,
    )


def _without(p: float, log_lr: float) -> float:
    """P(region damaged) with one piece of evidence (log10 ratio) taken out."""
    if p >= 1.0:
        return 1.0
    odds = p / (1.0 - p) / 10.0 ** log_lr
    return float(odds / (1.0 + odds))


def _mode_family(mode: str) -> tuple[str, ...]:
    return ("dropped", "marker") if mode in ("dropped", "marker") else ("space", "split")


_MODE_WHY = {
    "dropped": "ligature letters dropped by PDF extraction",
    "marker": "a NUL or U+FFFD stands where a ligature glyph was",
    "space": "a space stands where a ligature glyph was",
    "split": "a stray space after a ligature glyph",
}


def restore_dropped_ligatures(text: str) -> str:
    """Put back the letters of ligature glyphs lost in PDF extraction.

    >>> restore_dropped_ligatures("the rst lm was diult to nd")
    'the first film was difficult to find'
    >>> restore_dropped_ligatures("signi\\ufffdcant and signi cant")
    'significant and significant'
    """
    return STEP.fix(text)


def _gather(text: str) -> LigatureEvidence:
    return gather_ligature_evidence(text)


def _merge(a: object, b: object) -> LigatureEvidence:
    if not isinstance(a, LigatureEvidence) or not isinstance(b, LigatureEvidence):
        raise TypeError("restore_dropped_ligatures can only merge LigatureEvidence")
    return merge_ligature_evidence(a, b)


STEP = Step(
    _STEP,
    detect_dropped_ligatures,
    "Put back the letters of ligature glyphs lost in PDF extraction (diult -> difficult).",
    gather=_gather,
    merge=_merge,
)
