"""Words run together where the space between them was lost.

Two kinds of evidence, weighed differently:

* a **case join**: a lower-case letter directly followed by a capital inside
  one word (``outcastsThe``, ``RussiaKazakhstanGermanyPoland``). When the
  capitalised piece is a word that starts sentences (``The``, ``This``,
  ``В``...) the join is confident on its own. Other case joins are also how
  brands, names and code are written (``McDonald``, ``YouTube``,
  ``getElementById``, ``LinuxWorld``, ``FileReader``): a lowerCamel word is
  only reported; a CamelCase word of common words is a candidate, repaired
  when the document shows damage of the other kinds too.
* a **dictionary split**: an all-lower-case (or capitalised) word that no
  word list knows, which splits into pieces that are all common words
  (``filmand``, ``firstinternational``). Clean prose is full of such words
  (rare compounds, coinages, jokes), so a dictionary split is only a
  candidate on its own, repaired when the document shows this damage at a
  rate clean text does not reach (see :class:`JoinEvidence`).

Names that no dictionary knows (``Dvortsevoi``, ``Tokayev``, ``akimat``,
``dombra``) are never split: every piece of a split must be a common word,
short pieces very common ones. Only spaces are inserted: case, hyphens,
digits and punctuation stay, and text in other scripts is not touched.
Word evidence comes from wordfreq (English and Russian), see
:mod:`cleantext.wordstats`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from ..config import Config
from ..finding import Finding
from ..step import Deferred, Step, evidence_of
from ..wordstats import RIVALS, language_of, language_sums, reads_best_as, zipf, zipf_table

__all__ = [
    "STEP",
    "JoinEvidence",
    "detect_joined_words",
    "gather_join_evidence",
    "merge_join_evidence",
    "split_joined_words",
    "split_word",
]

_NAME = "split_joined_words"
_KIND = "joined_words"

# A run of letters: the unit this step looks at.
_LETTERS = re.compile(r"[^\W\d_]+")
# Cheap gates: a lower-to-upper join, and a long run of letters. (The join is
# found from its capital: capitals are rare, so the regex engine skips ahead
# on them three times faster than on the lower-case letter before.)
_CASE_JOIN = re.compile(r"[A-ZА-ЯЁ](?<=[a-zа-яё][A-ZА-ЯЁ])")
_LONG_WORD = re.compile(r"(?<![^\W\d_])[A-Za-zА-Яа-яЁё]{5,}(?![^\W\d_])")
# Pieces of a case join: a capital (optional) and lower-case letters, or a
# run of capitals (an acronym, which makes the token an identifier).
_HUMP = re.compile(r"[A-ZА-ЯЁ]?[a-zа-яё]+|[A-ZА-ЯЁ]+(?![a-zа-яё])")

def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# A line of source code (or of a config file, a formula): identifiers there
# are written without spaces on purpose (lineno, pencolor, TurtleScreen).
# Several simple patterns, each fast to search, rather than one alternation.
_CODE_MARKS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.MULTILINE) for p in (
        r"[={}<>]", r";[ \t]*$", r"->", r"::",  # operators, braces, statement ends
        r"[(_](?<=\w[(_])",                      # call(  snake_case
        r"\.(?<=\w\.)\w+\(",                  # obj.method(
        r"0x(?<!\w0x)[0-9A-Fa-f]",               # hex numbers
        r"['\"][^'\"\s]+['\"]\s*:",             # 'key': (dict and JSON literals)
        r"^[ \t]*(?:(?:def|class)[ \t]+\w+[ \t]*[(:]|import[ \t]+[\w.]+[ \t]*$"
        r"|from[ \t]+[\w.]+[ \t]+import\b|#include\b)",
    )
)


def _looks_like_code(line: str) -> bool:
    return any(p.search(line) for p in _CODE_MARKS)


_NON_EMPTY_LINE = re.compile(r"^[ \t]*\S", re.MULTILINE)

# Characters next to a word that make it part of an identifier, an address
# or a path rather than prose.
_CODE_BEFORE = frozenset("_@#$./\\<{[=&%~`")
_CODE_AFTER = frozenset("_@/\\(=<>{[`")

# Capitalised words that often begin a sentence: after a lower-case word
# they mark a sentence boundary whose full stop and space were lost.
_SENTENCE_STARTERS: dict[str, frozenset[str]] = {
    "en": _words(
        "The This That These Those It Its In On At As An He She We They His Her "
        "Our Their But And However When While After Before There Here What Who "
        "Why How For From With During According Since If Some Many Most All "
        "Both Each Every One Two Three Also Yet Then Now Today Yesterday Last "
        "Next Such Other Another Although Despite Meanwhile Moreover Still "
        "Thus Therefore Instead"
    ),
    "ru": _words(
        "В Во На По За Из От До Для Он Она Оно Они Мы Вы Я Это Этот Эта Эти "
        "Но И А Как Что Когда Его Ее Её Их Так Там Тогда Теперь Сегодня Вчера "
        "После Перед При Если Хотя Однако Также Все Всё Многие Один Одна Два "
        "Три Кроме Между Среди Уже Еще Ещё"
    ),
}

# Name prefixes: a case join after one of these is a surname (McDonald,
# MacArthur, DeGaulle, LeBlanc, VanDyke, O'Neil, DiCaprio).
_NAME_PREFIXES = _words(
    "mc mac de di le la van von du da del della dos das o st fitz ibn al el bin ben ter ten"
)
# Function words: capitalised inside a CamelCase token they mark a phrase
# deliberately written that way (PrayToGod), not proper nouns run together.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "a an the to of in on at by for from with up out is are was be and or but "
        "not no my your his her its our their this that these those it he she we "
        "they me you like as if so do did does have has had"
    ),
    "ru": _words(
        "в во на по за из от до для и а но или не ни что как это он она они мы вы "
        "я ты его ее её их с со к ко у о об"
    ),
}

# Productive prefixes and suffixes: a word made with them is a real word
# that the list may lack (``nonproblems``, ``starlike``, ``небольшой``), so
# they are not accepted as pieces of a dictionary split.
_BOUND_LEFT: dict[str, frozenset[str]] = {
    "en": _words(
        "non un re de over under out up self anti pre post sub super co ex mis "
        "dis counter inter multi semi hyper mega micro mini back down off fore "
        "after"
    ),
    "ru": _words(
        "не ни по за на от до при пере под над без раз рас вы со об про полу "
        "само сверх анти супер меж через вне пред недо псевдо квази ультра гипер "
        "мега микро макро мини авиа авто фото видео радио теле электро агро эко нео "
        "пост экс вице контр суб интер транс мульти много мало взаимо двух трех"
    ),
}
_BOUND_RIGHT: dict[str, frozenset[str]] = {
    "en": _words(
        "able ible less ness like man men woman women ship ward wards wise hood "
        "dom ful ly ing er ed st est ist ism ish ment age ance ence fold"
    ),
    # Besides Russian particles, the postfixed definite articles of Bulgarian
    # and Macedonian (свободата, градът, хората): clean text in those languages
    # would otherwise look like Russian words with a pronoun run on.
    "ru": _words("то либо нибудь ка же ли бы та те ът ят та то ов ва во на"),
}

_MIN_PIECE_ZIPF = 3.0
"""Every piece of a split must be at least this common."""
_MIN_SHORT_PIECE_ZIPF = 5.0
"""Pieces of two letters must be very common (on, of, in, to...)."""
_MIN_LONG_RUSSIAN_ZIPF = 1.5
"""Russian spreads a word over many inflected forms, each rarer than the
English word: long Russian pieces need less (``фестивальное`` is 1.96)."""
_MIN_THREE_LETTER_ZIPF = 4.0
"""Pieces of three letters must be common (and, the, fox; not dom, bra)."""
_MAX_WHOLE_ZIPF = 1.0
"""A word at least this common is a word, never split (wordfreq's large
lists stop near Zipf 1, so this means: not in the list)."""


@dataclass(frozen=True, slots=True)
class JoinEvidence:
    """How much run-together-word damage a document shows.

    ``sentence_joins`` counts confident case joins (``outcastsThe``);
    ``dictionary_joins`` unknown words that split into common words
    (``filmand``); ``camel_joins`` capitalised words run together
    (``RussiaKazakhstan``); ``words`` the words of the document
    (whitespace-separated tokens, so counts of pieces cut at whitespace add
    up). Candidates are counted once per distinct word (a coinage used five
    times is one piece of evidence); ``joins`` holds those words, so that
    pieces of a document that share one count it once when merged.
    """

    words: int = 0
    """Words in the document."""
    sentence_joins: int = 0
    """Lower-case word joined to a sentence-starting capitalised word."""
    dictionary_joins: int = 0
    """Unknown words that split into common words, unambiguously."""
    camel_joins: int = 0
    """Capitalised common words run together (not code, not a phrase)."""
    lines: int = 0
    """Non-empty lines in the document."""
    code_lines: int = 0
    """Lines that look like source code (``=``, ``{``, ``name(``, ``def``...)."""
    joins: frozenset[tuple[str, str]] = frozenset()
    """The (kind, lower-case word) of each candidate counted above, when
    gathered from text (empty when the counts are given by hand)."""
    scripts: tuple[tuple[int, ...], ...] = ()
    """The document's words by script, for :meth:`readable_languages`: per
    script of :data:`_SCRIPTS`, its words' occurrences, then per language of
    ``RIVALS[script]`` their summed Zipf values (hundredths) and the
    occurrences its common words hold (see
    :func:`cleantext.wordstats.language_sums`); whole numbers, so the
    pieces of a document add up to it. Empty when not gathered from text."""

    def readable_languages(self) -> frozenset[str]:
        """The languages whose word lists may judge this document's words:
        English when its Latin words read best as English, Russian when its
        Cyrillic words read best as Russian and at least half of their
        occurrences are common Russian words (Kazakh, Kyrgyz and Serbian
        share most letters with Russian but few words).

        >>> sorted(gather_join_evidence("the filmand outcastsThe end").readable_languages())
        ['en']
        >>> sorted(gather_join_evidence("samlet fram. Laget innhold").readable_languages())
        []
        """
        found: set[str] = set()
        for (script, lang), counts in zip(_SCRIPTS, self.scripts, strict=False):
            words, rest = counts[0], counts[1:]
            n = len(rest) // 2
            sums, known = rest[:n], rest[n:]
            if not words or not reads_best_as(sums, lang, script):
                continue
            if lang == "ru" and known[RIVALS[script].index(lang)] < _MIN_RUSSIAN_SHARE * words:
                continue
            found.add(lang)
        return frozenset(found)

    @property
    def code(self) -> bool:
        """Whether the document looks like source code: more than one non-empty
        line in five has ``=``, braces, ``name(``, ``snake_case``, ``def``..."""
        return self.code_lines * 5 > self.lines

    @property
    def support(self) -> int:
        """Weighted count of damage: a confident join counts twice."""
        return 2 * self.sentence_joins + self.dictionary_joins + self.camel_joins

    @property
    def damaged(self) -> bool:
        """Whether the document shows this damage at a rate clean text does not.

        At least three units of support (:attr:`support`), at least one per
        150 words, and at least two of them not from CamelCase words (a
        technical text full of class names such as ``FileReader`` is not
        damaged); never in source code (more than one line in five looks
        like code). On 1 MB of clean English and of clean Russian prose the
        rate stays far below that (``scripts/measure_word_splits.py``).

        >>> JoinEvidence(words=600, sentence_joins=1, dictionary_joins=3, camel_joins=1).damaged
        True
        >>> JoinEvidence(words=200_000, sentence_joins=3, dictionary_joins=300).damaged
        False
        >>> JoinEvidence(words=100, camel_joins=6).damaged
        False
        >>> JoinEvidence(words=600, dictionary_joins=9, lines=10, code_lines=3).damaged
        False
        >>> JoinEvidence(words=600, dictionary_joins=9).damaged
        False
        """
        prose = 2 * self.sentence_joins + self.dictionary_joins
        if self.code:
            return False  # source code: identifiers are joined on purpose
        if not self.sentence_joins:
            # Dictionary splits alone are what clean text in a language
            # without a word list looks like (Kazakh Файлдар, Dutch opende,
            # technical testsuite): a confident case join must anchor them.
            return False
        return prose >= 2 and self.support >= 3 and self.support * 150 >= self.words

    @property
    def camel_damaged(self) -> bool:
        """Whether CamelCase candidates are to be split too: the document is
        :attr:`damaged` and shows at least as many joins of the other kinds
        (a text full of ``FileReader``-like names keeps them).

        >>> JoinEvidence(words=529, sentence_joins=1, dictionary_joins=3, camel_joins=1
        ...              ).camel_damaged
        True
        >>> JoinEvidence(words=300, dictionary_joins=2, camel_joins=6).camel_damaged
        False
        """
        prose = 2 * self.sentence_joins + self.dictionary_joins
        return self.damaged and prose >= self.camel_joins


def merge_join_evidence(a: JoinEvidence, b: JoinEvidence) -> JoinEvidence:
    """Add up the evidence of two pieces of a document; a candidate word both
    pieces hold counts once, as in the whole document.

    >>> e = gather_join_evidence("the filmand outcastsThe end")
    >>> merge_join_evidence(e, e).sentence_joins, merge_join_evidence(e, e).words
    (1, 8)
    """
    both = a.joins & b.joins

    def twice(kind: str) -> int:
        return sum(1 for k, _ in both if k == kind)

    return JoinEvidence(
        a.words + b.words,
        a.sentence_joins + b.sentence_joins - twice("sentence"),
        a.dictionary_joins + b.dictionary_joins - twice("dictionary"),
        a.camel_joins + b.camel_joins - twice("camel"),
        a.lines + b.lines,
        a.code_lines + b.code_lines,
        a.joins | b.joins,
        _add_scripts(a.scripts, b.scripts),
    )


def _add_scripts(
    a: tuple[tuple[int, ...], ...], b: tuple[tuple[int, ...], ...]
) -> tuple[tuple[int, ...], ...]:
    if not a or not b:
        return a or b
    return tuple(tuple(x + y for x, y in zip(p, q, strict=True)) for p, q in zip(a, b, strict=True))


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    pieces: tuple[str, ...]
    kind: str  # "sentence", "camel" or "dictionary"
    base: float
    why: str

    @property
    def sentence_join(self) -> bool:
        return self.kind == "sentence"


def _in_code(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before.isdigit() or after.isdigit():
        return True
    if before in _CODE_BEFORE or after in _CODE_AFTER:
        return True
    # "example.com", "file.txt": a dot directly followed by a letter
    return after == "." and end + 1 < len(text) and text[end + 1].isalnum()


def _is_title_or_lower(piece: str) -> bool:
    return piece.islower() or (piece[0].isupper() and piece[1:].islower())


def _case_join(text: str, start: int, end: int) -> _Candidate | None:
    token = text[start:end]
    lang = language_of(token)
    if lang is None or _in_code(text, start, end):
        return None
    pieces = _HUMP.findall(token)
    if len(pieces) < 2 or "".join(pieces) != token:
        return None
    if any(len(p) < 2 or not _is_title_or_lower(p) for p in pieces):
        return None  # iPhone, BenC, OpenGL, LinuxGER: not words joined
    if zipf(token, lang) >= _MAX_WHOLE_ZIPF:
        return None  # McDonald, YouTube, JavaScript: known as one word
    first = pieces[0].lower()
    if first in _NAME_PREFIXES:
        return None
    if not all(zipf(p, lang) >= _MIN_PIECE_ZIPF for p in pieces[1:]):
        return None
    left_ok = zipf(first, lang) >= (2.5 if len(first) >= 3 else _MIN_SHORT_PIECE_ZIPF)
    if not left_ok:
        return None
    starters = _SENTENCE_STARTERS[lang]
    if len(pieces) == 2 and pieces[0].islower() and pieces[1] in starters:
        return _Candidate(
            start, end, tuple(pieces), "sentence", 0.85,
            f"a lower-case word runs into {pieces[1]!r}, a word that starts "
            "sentences: the space (and perhaps a full stop) between them was lost",
        )
    if pieces[0].islower():
        base = 0.2  # fileName, getName, toString: camelCase is how code is written
    elif any(p.lower() in _FUNCTION_WORDS[lang] for p in pieces[1:]):
        base = 0.2  # PrayToGod, BackUpYourData: a phrase written in CamelCase
    else:
        base = 0.35
    return _Candidate(
        start, end, tuple(pieces), "camel", base,
        "common words run together without spaces "
        f"({', '.join(pieces)}); the whole is not a known word",
    )


def _piece_ok(piece: str, lang: str) -> bool:
    z = zipf(piece, lang)
    if len(piece) < 2:
        return False
    if len(piece) == 2:
        return z >= _MIN_SHORT_PIECE_ZIPF
    if len(piece) == 3:
        return z >= _MIN_THREE_LETTER_ZIPF
    if lang == "ru" and len(piece) >= 6:
        return z >= _MIN_LONG_RUSSIAN_ZIPF
    return z >= _MIN_PIECE_ZIPF


@lru_cache(maxsize=65536)
def split_word(word: str, lang: str) -> tuple[tuple[str, ...], float, float] | None:
    """The best split of an unknown word into common words, if any.

    Returns the pieces (in the word's own case), the score of that split
    (the sum of the pieces' log10 probabilities) and the margin over the
    next best split (large: unambiguous), or None when the word is known
    or has no split whose every piece is a common word.

    >>> split_word("filmand", "en")[0]
    ('film', 'and')
    >>> split_word("Dvortsevoi", "en") is None, split_word("dombra", "en") is None
    (True, True)
    """
    low = word.lower()
    if zipf(low, lang) >= _MAX_WHOLE_ZIPF or len(low) < 4:
        return None
    n = len(low)
    # best[i]: the two best (score, cut positions) for low[:i]
    best: list[list[tuple[float, tuple[int, ...]]]] = [[] for _ in range(n + 1)]
    best[0] = [(0.0, ())]
    for i in range(2, n + 1):
        options: list[tuple[float, tuple[int, ...]]] = []
        for j in range(max(0, i - 24), i - 1):
            if not best[j]:
                continue
            piece = low[j:i]
            if not _piece_ok(piece, lang):
                continue
            cost = zipf(piece, lang) - 9.0
            for score, cuts in best[j]:
                options.append((score + cost, cuts + (j,)))
        options.sort(reverse=True)
        best[i] = options[:2]
    splits = [(s, c) for s, c in best[n] if len(c) >= 2]
    if not splits:
        return None
    score, cuts = splits[0]
    margin = score - splits[1][0] if len(splits) > 1 else 99.0
    bounds = list(cuts[1:]) + [n]
    pieces = tuple(word[a:b] for a, b in zip(cuts, bounds, strict=True))
    if len(pieces) > 3 or (len(pieces) == 3 and min(map(len, pieces)) < 4):
        return None  # three short pieces: too easy to find by chance (mast at ion)
    if pieces[0].lower() in _BOUND_LEFT[lang] or pieces[-1].lower() in _BOUND_RIGHT[lang]:
        return None  # a prefix or suffix: the whole is a derived word
    return pieces, score, margin


def _dictionary_split(text: str, start: int, end: int) -> _Candidate | None:
    token = text[start:end]
    lang = language_of(token)
    if lang is None or not _is_title_or_lower(token) or _in_code(text, start, end):
        return None
    if lang == "ru" and len(token) < 6:
        return None
    if not token.islower() and not _sentence_start(text, start):
        return None  # a capitalised unknown word inside a sentence: a name
    found = split_word(token, lang)
    if found is None:
        return None
    pieces, _score, margin = found
    weakest = min(zipf(p, lang) for p in pieces)
    strong = 2.5 if lang == "ru" else 3.5
    base = 0.3 if margin >= 1.0 and weakest >= strong else 0.2
    return _Candidate(
        start, end, pieces, "dictionary", base,
        f"{token!r} is not a known word, but splits into common words "
        f"({', '.join(pieces)}; weakest Zipf {weakest:.1f}, next split "
        f"{margin:.1f} less likely)",
    )


def _could_be_joined(token: str) -> bool:
    """Whether a long run of letters could be words run together (cached work)."""
    if not (token.islower() or (token[0].isupper() and token[1:].islower())):
        return False
    lang = language_of(token)
    return lang is not None and split_word(token, lang) is not None


def _case_candidates(text: str) -> dict[int, _Candidate]:
    """The case joins of ``text`` (``outcastsThe``, ``RussiaKazakhstan``), by start."""
    found: dict[int, _Candidate] = {}
    seen: set[int] = set()
    for m in _CASE_JOIN.finditer(text):
        word = _LETTERS.search(text, _word_start(text, m.start()))
        if word is None or word.start() in seen:
            continue
        seen.add(word.start())
        cand = _case_join(text, word.start(), word.end())
        if cand is not None:
            found[word.start()] = cand
    return found


def _add_dictionary_candidates(text: str, found: dict[int, _Candidate]) -> None:
    """Add the dictionary splits of ``text`` (``filmand``) where no case join starts."""
    # Each distinct long word is judged once; only the few that could be
    # joins are then looked for in the text.
    # The word lists load on first need only: English text never loads the
    # Russian list, and text without long words loads none.
    suspects = {
        t for t in set(_LONG_WORD.findall(text))
        if t.lower() not in zipf_table("en" if t.isascii() else "ru") and _could_be_joined(t)
    }
    if suspects:
        for m in _LONG_WORD.finditer(text):
            if m.group() not in suspects or m.start() in found:
                continue
            cand = _dictionary_split(text, m.start(), m.end())
            if cand is not None:
                found[m.start()] = cand


def _outside_code(text: str, found: dict[int, _Candidate]) -> list[_Candidate]:
    """The candidates, in order, without those on lines that look like code."""
    if found and _looks_like_code(text):
        return [found[k] for k in sorted(found) if not in_code_line(text, k)]
    return [found[k] for k in sorted(found)]


def _has_anchor(text: str) -> bool:
    """Whether ``text`` holds a case join outside code: without one, the
    evidence :func:`gather_join_evidence` finds in it has no
    ``sentence_joins`` and so is never :attr:`JoinEvidence.damaged`.

    >>> _has_anchor("social outcastsThe film"), _has_anchor("no such thing")
    (True, False)
    """
    return any(c.sentence_join for c in _outside_code(text, _case_candidates(text)))


def _candidates(text: str) -> list[_Candidate]:
    """Every candidate of ``text``: case joins and dictionary splits."""
    found = _case_candidates(text)
    _add_dictionary_candidates(text, found)
    return _outside_code(text, found)


def _line_at(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end if end >= 0 else len(text)]


def in_code_line(text: str, pos: int) -> bool:
    """Whether the line of ``text`` holding ``pos`` looks like source code.

    >>> in_code_line("prose here\\nx = f(y)\\n", 12)
    True
    """
    return _looks_like_code(_line_at(text, pos))


def looks_like_code(text: str) -> bool:
    """Whether two or more, and more than one in three, of the lines of ``text`` look like
    source code (``=``, braces, ``name(``, ``snake_case``, ``def``...):
    identifiers there are joined and abbreviated on purpose.

    >>> looks_like_code("def f(x):\\n    return x_y\\n")
    True
    >>> looks_like_code("It was a film about migrants.")
    False
    """
    lines, code = _code_lines(text)
    return code >= 2 and code * 3 > lines


def _code_lines(text: str) -> tuple[int, int]:
    """Non-empty lines, and how many of them look like source code."""
    lines = len(_NON_EMPTY_LINE.findall(text))
    code = {text.rfind("\n", 0, m.start()) for p in _CODE_MARKS for m in p.finditer(text)}
    return lines, len(code)


def _sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'«“„(":
        i -= 1
    return i < 0 or text[i] in ".!?…\n"


def _word_start(text: str, pos: int) -> int:
    while pos > 0 and (text[pos - 1].isalpha()):
        pos -= 1
    return pos


def _evidence_from(text: str, candidates: list[_Candidate], lazy: bool = False
                   ) -> JoinEvidence:
    """The evidence of ``text``; with ``lazy``, lines are counted only when
    the result could depend on them (never for gather: pieces must add up)."""
    # Distinct words only: a coinage used five times is one piece of evidence.
    kinds: dict[str, set[str]] = {"sentence": set(), "dictionary": set(), "camel": set()}
    for c in candidates:
        if c.kind == "sentence" or c.base >= 0.3:
            kinds[c.kind].add(text[c.start:c.end].lower())
    found = JoinEvidence(
        len(text.split()), len(kinds["sentence"]), len(kinds["dictionary"]), len(kinds["camel"]),
        joins=frozenset((kind, word) for kind, words in kinds.items() for word in words),
        scripts=_script_counts(text),
    )
    if lazy and not found.sentence_joins and not found.damaged:
        return found  # counting code lines could only lower the evidence further
    lines, code_lines = _code_lines(text)
    return replace(found, lines=lines, code_lines=code_lines)


def gather_join_evidence(text: str) -> JoinEvidence:
    """Count the words and the run-together-word candidates in ``text``.

    >>> gather_join_evidence("the filmand outcastsThe end").sentence_joins
    1
    """
    return _evidence_from(text, _candidates(text))


def detect_joined_words(text: str, config: Config | None = None) -> list[Finding]:
    """Find words run together, each with how sure the split is.

    Confident case joins (``outcastsThe``) are applied on their own; the
    other candidates only in a document that shows the damage at a rate
    clean text does not (:attr:`JoinEvidence.damaged`). In such a document
    the weaker candidates (``maxValue``) are reported with a confidence
    below the default threshold; in any other document they are not
    reported at all: clean prose is full of them (``flamewars``, ``EasyFlow``).

    >>> [f.replacement for f in detect_joined_words("social outcastsThe film")]
    ['outcasts The']
    >>> detect_joined_words("Sergei Dvortsevoi and Gulnara Sarsenova, akimat")
    []
    """
    # Only a confident case join is worth a finding in a document that does
    # not show the damage (see JoinEvidence.damaged): clean prose is full of
    # unknown compounds and CamelCase names (flamewars, EasyFlow), and saying
    # so about each of them is noise. So the dictionary splits, the costly
    # part, are looked for only once the document has such an anchor.
    case = _outside_code(text, _case_candidates(text))
    anchored = any(c.sentence_join for c in case)
    given = config.evidence.get(_NAME) if config is not None else None
    if isinstance(given, Deferred) and not anchored and not given.fact(_has_anchor):
        # Evidence from a text without an anchor is never damaged, so only
        # this text's anchors could be findings: there are none.
        return []
    given = evidence_of(config, _NAME)
    evidence = given if isinstance(given, JoinEvidence) else None
    if evidence is not None and not evidence.damaged:
        candidates = [c for c in case if c.sentence_join]
    elif evidence is None and not anchored:
        return []  # no anchor: the document's own evidence cannot be damaged
    else:
        candidates = _candidates(text)
        if evidence is None:
            evidence = _evidence_from(text, candidates, lazy=True)
            if not evidence.damaged:
                candidates = [c for c in candidates if c.sentence_join]
    if not candidates:
        return []
    scripts = evidence.scripts if evidence is not None and evidence.scripts else None
    readable = JoinEvidence(scripts=scripts or _script_counts(text)).readable_languages()
    findings = []
    for c in candidates:
        confidence = c.base
        why = c.why
        lang = language_of(text[c.start:c.end])
        if lang not in readable:
            findings.append(Finding(
                _KIND, c.start, c.end, text[c.start:c.end], " ".join(c.pieces),
                min(confidence, 0.3), _NAME,
                why + "; not repaired: the text does not read as English or Russian, "
                "the languages whose words the split relies on",
            ))
            continue
        damaged = evidence.camel_damaged if c.kind == "camel" else evidence.damaged
        if c.sentence_join and evidence.code:
            confidence = 0.4
            why += "; not repaired: the document looks like source code"
        elif not c.sentence_join and damaged and c.base >= 0.3:
            confidence = 0.7
            why += (
                f"; the document shows this damage {evidence.support} times in "
                f"{evidence.words} words"
            )
        elif not c.sentence_join and c.base < 0.3:
            why += ("; not repaired: too weak a sign on its own, although the "
                    "document shows this damage")
        elif not c.sentence_join:
            why += ("; not repaired: the document has more CamelCase words than "
                    "joins of the other kinds")
        original = text[c.start:c.end]
        findings.append(
            Finding(_KIND, c.start, c.end, original, " ".join(c.pieces), confidence, _NAME, why)
        )
    return findings


_LATIN_RUN = re.compile(r"[A-Za-z]+")
_CYRILLIC_RUN = re.compile(r"[\u0400-\u04ff]+")
_SCRIPTS: tuple[tuple[str, str], ...] = (("latin", "en"), ("cyrillic", "ru"))
"""The scripts whose words decide :meth:`JoinEvidence.readable_languages`,
with the language of each that this step has word lists for."""
_RUNS = {"latin": _LATIN_RUN, "cyrillic": _CYRILLIC_RUN}
_MIN_RUSSIAN_SHARE = 0.5
"""Share of a text's Cyrillic word occurrences that must be common Russian
words before Russian word evidence is trusted (Kazakh, Kyrgyz and Serbian
text share most letters with Russian but few words). Occurrences, not
distinct words: the share of distinct words falls as a text grows (its rare
words keep coming), below a half in 2.5 MB of Russian fortunes."""


def _script_counts(text: str) -> tuple[tuple[int, ...], ...]:
    """:attr:`JoinEvidence.scripts` of ``text``."""
    out: list[tuple[int, ...]] = []
    for script, _ in _SCRIPTS:
        counts: Counter[str] = Counter()
        for word, n in Counter(_RUNS[script].findall(text)).items():
            counts[word.lower()] += n
        if not counts:
            out.append((0,) * (1 + 2 * len(RIVALS[script])))
            continue
        sums, known = language_sums(counts, script)
        out.append((sum(counts.values()), *sums, *known))
    return tuple(out)


def split_joined_words(text: str, config: Config | None = None) -> str:
    """Split the words of ``text`` that evidently ran together.

    >>> split_joined_words("They were social outcastsThe film is about them.")
    'They were social outcasts The film is about them.'
    """
    return STEP.fix(text, config)


STEP = Step(
    _NAME,
    detect_joined_words,
    "Split words run together where a space was lost (outcastsThe, filmand); names stay whole.",
    gather=gather_join_evidence,
    merge=merge_join_evidence,
)
