"""Evidence that a Cyrillic word is real: word lists, alphabets, letter pairs.

Three independent kinds of evidence, each over a whole word:

* :func:`known_in` — the languages whose frequent-word list holds the word;
* :func:`alphabet_languages` — the languages whose alphabet has every letter of
  the word (``ќ`` with ``ы`` fits no language: such a word is damaged);
* :func:`bigram_score` — the mean log-probability of the word's letter pairs
  (with word boundaries) under the best-fitting language's model, counted
  from wordfreq's lists weighted by frequency (the counts ship in
  ``data/cyrillic_letter_pairs.tsv``, made by ``scripts/gen_language_tables.py``).

>>> sorted(alphabet_languages("ұлы"))
['kk']
>>> alphabet_languages("ыќ")
frozenset()
>>> known_in("Привет")[0]
'ru'
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from functools import cache, lru_cache, reduce
from operator import add

from .wordlists import HashedLists, trim_heap, weighted_words

__all__ = [
    "ALPHABETS", "CYRILLIC_LANGS", "PAIRS_FILE", "SHIPPED_PAIRS", "PairCounts",
    "alphabet_languages", "bigram_score", "case_is_normal", "compute_pair_counts",
    "format_pair_counts", "known_in", "load_letter_pairs", "normalize_word",
    "parse_pair_counts",
]

CYRILLIC_LANGS: tuple[str, ...] = ("ru", "uk", "bg", "mk", "sr", "kk")
"""Languages with word evidence (``kk`` from the hand-written list)."""

_RU = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
ALPHABETS: dict[str, frozenset[str]] = {
    "ru": frozenset(_RU),
    "uk": frozenset("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'"),
    "be": frozenset("абвгдеёжзійклмнопрстуўфхцчшыьэюя'"),
    "bg": frozenset("абвгдежзийклмнопрстуфхцчшщъьюя"),
    "sr": frozenset("абвгдђежзијклљмнњопрстћуфхцчџш"),
    "mk": frozenset("абвгдѓежзѕијклљмнњопрстќуфхцчџш"),
    "kk": frozenset(_RU + "әғқңөұүһі"),
    # Languages with no word list here, whose letters must still count as a
    # real alphabet: Uzbek ў/қ/ғ/ҳ next to Russian letters is clean Uzbek,
    # not Kazakh ұ read through windows-1251.
    "uz": frozenset(_RU + "ўқғҳ"),
    "ky": frozenset(_RU + "ңөү"),
    "tg": frozenset(_RU + "ғӣқӯҳҷ"),
    "mn": frozenset(_RU + "өү"),
    "tt": frozenset(_RU + "әөүҗңһ"),
    "ba": frozenset(_RU + "ғҙҡңөҫүһә"),
}
"""Lower-case alphabets of the Cyrillic languages we tell apart."""

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})


def normalize_word(word: str) -> str:
    """Lower-case a word and unify its apostrophes, for look-ups."""
    lower = word.lower()
    if "’" in lower or "ʼ" in lower or "`" in lower:
        return lower.translate(_APOSTROPHES)
    return lower


@cache
def _known_lists() -> HashedLists:
    """:func:`~cleantext.evidence.wordlists.known_words` of every language of
    :data:`CYRILLIC_LANGS` in one compact table (2 MB where six sets of
    strings took ~35 MB)."""
    table = HashedLists(
        (lang, [[w.lower() for w, _ in weighted_words(lang, 50000)]]) for lang in CYRILLIC_LANGS
    )
    trim_heap()
    return table


@lru_cache(maxsize=1 << 16)
def known_in(word: str) -> tuple[str, ...]:
    """The languages of :data:`CYRILLIC_LANGS` whose word list holds ``word``
    (the :func:`~cleantext.evidence.wordlists.known_words` of each)."""
    found = _known_lists().find(normalize_word(word))
    if not found:
        return ()
    # (find gives each list once, by index: the order of CYRILLIC_LANGS)
    return tuple(CYRILLIC_LANGS[index] for index, _ in found)


def alphabet_languages(word: str) -> frozenset[str]:
    """The languages whose alphabet holds every letter of ``word``."""
    letters = {ch for ch in set(normalize_word(word)) if ch.isalpha() or ch == "'"}
    if not letters <= _ANY_ALPHABET:
        return _NONE
    return frozenset(lang for lang, abc in ALPHABETS.items() if letters <= abc)


_ANY_ALPHABET = frozenset().union(*ALPHABETS.values())
_NONE: frozenset[str] = frozenset()


def case_is_normal(word: str) -> bool:
    """Whether the word is lower-case, Title-case or UPPER-case.

    >>> case_is_normal("Привет"), case_is_normal("пРИВЕТ")
    (True, False)
    """
    letters = word if word.isalpha() else "".join(filter(str.isalpha, word))
    if len(letters) < 2:
        return True
    # (character by character, at C level: ``str.islower`` of the whole
    # string would pass uncased letters)
    if all(map(str.islower, letters[1:])):
        return True
    return all(map(str.isupper, letters))


_SMOOTH = 0.05
_UNSEEN = -7.0
# Kazakh has no frequency list: its own letters are scored as their nearest
# Russian letters (the alphabet check says whether they fit).
_KAZAKH_AS_RUSSIAN = str.maketrans("әғқңөұүһі", "агкноууxи".replace("x", "х"))
_KAZAKH_OWN = frozenset("әғқңөұүһі")


PairCounts = tuple[dict[tuple[str, str], float], dict[str, float]]
"""Weighted counts of the letter pairs of ``^word$`` (``^``/``$``: the word's
edges), and of their first letters."""

PAIRS_FILE = "cyrillic_letter_pairs.tsv"
"""The counts of :func:`compute_pair_counts` for :data:`SHIPPED_PAIRS`, made
by ``scripts/gen_language_tables.py`` (counting them takes about half a
second of every process that needs them)."""

SHIPPED_PAIRS: tuple[str, ...] = ("ru", "uk", "bg", "mk", "sr")
"""The languages whose pair counts ship in :data:`PAIRS_FILE` (Kazakh's come
from the hand-written list, at no cost)."""


def compute_pair_counts(lang: str) -> PairCounts:
    """Count the letter pairs of ``lang``'s 30,000 most frequent words, each
    weighted by the square root of its frequency (Kazakh: every word alike).

    >>> pairs, firsts = compute_pair_counts("kk")
    >>> pairs[("^", "қ")] > 0, firsts["^"] > 0
    (True, True)
    """
    pairs: defaultdict[tuple[str, str], float] = defaultdict(float)
    firsts: defaultdict[str, float] = defaultdict(float)
    limit = 30000
    for word, freq in weighted_words(lang, limit):
        w = "^" + normalize_word(word) + "$"
        if not all(ch.isalpha() or ch in "^$'" for ch in w):
            continue
        weight = freq ** 0.5 if lang != "kk" else 1.0
        for a, b in zip(w, w[1:], strict=False):
            pairs[a, b] += weight
            firsts[a] += weight
    return dict(pairs), dict(firsts)


def format_pair_counts(counts: dict[str, PairCounts]) -> str:
    """The lines of :data:`PAIRS_FILE` for ``counts`` (by language): language,
    the pair's two characters (the second empty for a first-letter count),
    and the count as Python writes the float, which reads back the same.

    >>> format_pair_counts({"ru": ({("^", "а"): 0.5}, {"^": 0.5})}).splitlines()
    ['ru\\t^\\tа\\t0.5', 'ru\\t^\\t\\t0.5']
    """
    lines = []
    for lang, (pairs, firsts) in counts.items():
        lines += [f"{lang}\t{a}\t{b}\t{n!r}\n" for (a, b), n in pairs.items()]
        lines += [f"{lang}\t{a}\t\t{n!r}\n" for a, n in firsts.items()]
    return "".join(lines)


def parse_pair_counts(text: str) -> dict[str, PairCounts]:
    """Read what :func:`format_pair_counts` wrote (``#`` lines are comments).

    >>> parse_pair_counts("# made so\\nru\\t^\\tа\\t0.5\\nru\\t^\\t\\t0.5\\n")
    {'ru': ({('^', 'а'): 0.5}, {'^': 0.5})}
    """
    out: dict[str, PairCounts] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        lang, a, b, n = line.split("\t")
        pairs, firsts = out.setdefault(lang, ({}, {}))
        if b:
            pairs[a, b] = float(n)
        else:
            firsts[a] = float(n)
    return out


@cache
def _shipped_pairs() -> dict[str, PairCounts]:
    from importlib import resources

    return parse_pair_counts(
        resources.files("cleantext").joinpath("data", PAIRS_FILE).read_text("utf-8")
    )


@cache
def _bigram_model(lang: str) -> tuple[dict[tuple[str, str], float], dict[str, float], int]:
    pairs, firsts = _shipped_pairs()[lang] if lang in SHIPPED_PAIRS else compute_pair_counts(lang)
    alphabet = len(ALPHABETS.get(lang, frozenset(_RU))) + 2
    return pairs, firsts, alphabet


_OUTSIDE = "\x00"
"""Stands for every character the models have never seen."""


@cache
def _pair_scores(langs: tuple[str, ...]) -> tuple[dict[str, tuple[float, ...]], re.Pattern[str]]:
    """The log-probability of every letter pair under the models of ``langs``
    (by two-character string, one number per language), and a regex of the
    characters none of the models has seen.

    Characters a model never saw behave alike (a pair starting with one is
    :data:`_UNSEEN`, a pair ending with one is unseen after its first letter),
    so they all become :data:`_OUTSIDE` and the table is complete: scoring a
    word is one look-up per pair, the sums made of the same numbers in the
    same order as letter by letter.
    """
    models = [_bigram_model(lang) for lang in langs]
    chars = sorted({ch for pairs, firsts, _ in models for ch in (*firsts, *(b for _, b in pairs))})
    domain = [*chars, _OUTSIDE]
    rows: dict[tuple[float, ...], tuple[float, ...]] = {}  # one object per distinct row
    table: dict[str, tuple[float, ...]] = {}
    for a in domain:
        for b in domain:
            row = []
            for pairs, firsts, size in models:
                den = firsts.get(a, 0.0)
                if den <= 0.0:
                    row.append(_UNSEEN)
                else:
                    num = pairs.get((a, b), 0.0)
                    row.append(math.log((num + _SMOOTH * den / size) / (den * (1.0 + _SMOOTH))))
            table[a + b] = rows.setdefault(tuple(row), tuple(row))
    outside = re.compile("[^" + "".join(re.escape(ch) for ch in chars) + "]")
    return table, outside


def _scores_in(word: str, langs: tuple[str, ...]) -> list[float]:
    """The mean log-probability of the letter pairs of ``^word$`` under each
    model of ``langs``."""
    table, outside = _pair_scores(langs)
    w = outside.sub(_OUTSIDE, "^" + word + "$")
    columns = zip(*map(table.__getitem__, map(add, w, w[1:])), strict=True)
    n = len(w) - 1
    # (``reduce``, not ``sum``: left to right as a loop adds, in every Python)
    return [reduce(add, column, 0.0) / n for column in columns]


_LANGS = SHIPPED_PAIRS
"""The languages :func:`bigram_score` compares by default: those with word
lists, whose pair counts ship."""


def load_letter_pairs() -> None:
    """Build the letter-pair models :func:`bigram_score` uses now (a few
    hundredths of a second from the shipped counts), not at its first word:
    for :func:`cleantext.stream.warm_up`."""
    for langs in (_LANGS, ("ru",), ("kk",)):
        _pair_scores(langs)


@lru_cache(maxsize=1 << 16)
def bigram_score(word: str, langs: tuple[str, ...] = _LANGS) -> float:
    """Mean natural-log probability of the word's letter pairs, best language.

    Real words score around -2 to -3; letter salad scores well below -4.
    Kazakh has no frequency list: a word with Kazakh letters that fits the
    Kazakh alphabet is also scored with a model of the hand-written Kazakh
    list and with the Russian model, its Kazakh letters read as their nearest
    Russian ones.
    """
    w = normalize_word(word)
    best = max(_scores_in(w, langs))
    if not _KAZAKH_OWN.isdisjoint(w) and "kk" in alphabet_languages(w):
        best = max(best, *_scores_in(w.translate(_KAZAKH_AS_RUSSIAN), ("ru",)),
                   *_scores_in(w, ("kk",)))
    return best
