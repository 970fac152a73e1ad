"""Word evidence from wordfreq: how common a word is in English or Russian.

wordfreq is imported lazily, on the first look-up, and its frequency lists
are turned once into plain dictionaries of Zipf values (log10 of the
frequency per billion words), cached with :func:`functools.lru_cache`.
Look-ups are then dictionary reads, cheap enough to run on every candidate.

wordfreq has no Kazakh list: Kazakh words are simply unknown here, which
the steps that use this module treat as "no evidence", never as damage.

>>> zipf("film", "en") > 4
True
>>> zipf("filmand", "en")
0.0
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from .evidence.wordlists import HashedLists, PackedZipf, iter_buckets, read_buckets, trim_heap

__all__ = [
    "LANGUAGES",
    "RIVALS",
    "best_language",
    "common_words",
    "is_known",
    "language_sums",
    "reads_best_as",
    "language_of",
    "small_vocabulary",
    "zipf",
    "ZIPF_VALUES",
    "zipf_dict",
    "zipf_table",
]

LANGUAGES: tuple[str, ...] = ("en", "ru")
"""The languages this module has word lists for."""


ZIPF_VALUES: tuple[float, ...] = tuple(round(9 - i / 100, 2) for i in range(1024))
"""The Zipf value of each of wordfreq's buckets (centibels): ``9 - i / 100``."""

_PACKED = frozenset({"ru"})
"""Languages whose large list is kept as a :class:`PackedZipf` (about 22 MB
instead of ~90 MB for Russian's 713,000 words; a look-up costs a microsecond).
English stays a dict: the PDF steps iterate it and look words up in hot loops."""


@lru_cache(maxsize=4)
def zipf_table(lang: str) -> Mapping[str, float]:
    """Every word wordfreq's large list knows in ``lang``, with its Zipf value.

    Keys are lower-case (wordfreq folds case). Raises ValueError for a
    language without a list. One table per language serves this module and
    :func:`cleantext.evidence_words.frequency_table`: a dict for English, a
    compact :class:`~cleantext.evidence.wordlists.PackedZipf` for Russian.

    >>> zipf_table("ru")["привет"] == zipf_table("ru").get("привет") > 3
    True
    """
    if lang not in LANGUAGES:
        raise ValueError(f"no word list for {lang!r}; known: {', '.join(LANGUAGES)}")
    buckets = iter_buckets(lang, "large")
    table = PackedZipf(buckets, ZIPF_VALUES) if lang in _PACKED else zipf_dict(buckets)
    trim_heap()
    return table


def zipf_dict(buckets: Iterable[list[str]]) -> dict[str, float]:
    """wordfreq buckets as a dict of word -> Zipf value, rounded to the
    centibel wordfreq stores (bucket ``i`` is Zipf ``9 - i / 100``).

    The words of a bucket share one float object: a float per word would
    add 24 bytes to each word.

    >>> zipf_dict([[], ["a", "b"]])
    {'a': 8.99, 'b': 8.99}
    """
    return {word: ZIPF_VALUES[i] for i, bucket in enumerate(buckets) for word in bucket}


def zipf(word: str, lang: str) -> float:
    """The Zipf frequency of ``word`` in ``lang`` (0.0 when unknown).

    Case is ignored; ``ё`` is looked up as written and, failing that, as ``е``.

    >>> zipf("The", "en") == zipf("the", "en")
    True
    """
    table = zipf_table(lang)
    key = word.lower()
    value = table.get(key)
    if value is None and lang == "ru" and "ё" in key:
        value = table.get(key.replace("ё", "е"))
    return value or 0.0


def is_known(word: str, lang: str, min_zipf: float = 1.0) -> bool:
    """Whether ``word`` is a word of ``lang`` with at least ``min_zipf``.

    >>> is_known("Kazakhstan", "en"), is_known("Dvortsevoi", "en")
    (True, False)
    """
    return zipf(word, lang) >= min_zipf


def language_of(word: str) -> str | None:
    """``"en"`` for a word of basic Latin letters, ``"ru"`` for a Russian
    Cyrillic word, None otherwise (mixed, other scripts, Kazakh letters).

    >>> language_of("film"), language_of("фильм"), language_of("қала")
    ('en', 'ru', None)
    """
    if word.isascii():
        return "en" if word.isalpha() else None
    if all("а" <= c <= "я" or "А" <= c <= "Я" or c in "ёЁ" for c in word):
        return "ru"
    return None


@lru_cache(maxsize=8)
def common_words(lang: str, n: int = 5000) -> tuple[str, ...]:
    """The ``n`` most common words of ``lang``, most common first
    (``wordfreq.top_n_list``), keeping only alphabetic ones.

    >>> "the" in common_words("en", 100)
    True
    """
    if lang not in LANGUAGES:
        raise ValueError(f"no word list for {lang!r}; known: {', '.join(LANGUAGES)}")
    from wordfreq.numbers import has_digit_sequence

    # What wordfreq.top_n_list does, without keeping the whole large list in
    # wordfreq's cache: the first n words that hold no run of digits.
    top: list[str] = []
    for bucket in iter_buckets(lang, "large"):
        top.extend(w for w in bucket if not has_digit_sequence(w))
        if len(top) >= n:
            break
    return tuple(w for w in top[:n] if w.isalpha())


RIVALS: dict[str, tuple[str, ...]] = {
    "latin": ("en", "de", "fr", "es", "it", "nl", "pt", "sv", "da", "nb", "fi",
              "pl", "cs", "sk", "sl", "tr", "ro", "hu", "id", "ms", "ca", "lt", "lv", "fil", "vi"),
    "cyrillic": ("ru", "uk", "bg", "mk"),
}
"""Languages that write with the same letters, by script, whose common words
wordfreq knows: a document is judged with one language's word list only
when that list explains its words at least as well as every rival's."""


@lru_cache(maxsize=64)
def small_vocabulary(lang: str) -> dict[str, float]:
    """wordfreq's small list for ``lang`` (its ~30,000 most common words,
    quick to load), with each word's Zipf value.

    >>> small_vocabulary("de")["und"] > 6
    True
    """
    buckets = read_buckets(lang, "small")
    values = [9 - i / 100 for i in range(len(buckets))]  # one float per bucket
    return {word: values[i] for i, bucket in enumerate(buckets) for word in bucket}


@lru_cache(maxsize=len(RIVALS))
def _small_lists(script: str) -> HashedLists:
    """The small lists of the languages of ``script``, compact (see
    :class:`cleantext.evidence.wordlists.HashedLists`): 8 bytes a word."""
    table = HashedLists((lang, iter_buckets(lang, "small")) for lang in RIVALS[script])
    trim_heap()
    return table


_SMALL_ZIPF: tuple[float, ...] = tuple(9 - i / 100 for i in range(1024))
"""Zipf value of each bucket, as :func:`small_vocabulary` computes it."""


def _weights(tokens: set[str], script: str) -> dict[str, float]:
    """The summed Zipf values of ``tokens`` in each language of ``script``.

    Each sum adds the same values in the same order as summing over
    :func:`small_vocabulary` would, so the results are the same floats.
    """
    table = _small_lists(script)
    values: list[list[float]] = [[] for _ in table.names]
    for t in tokens:
        for index, bucket in table.find(t):
            values[index].append(_SMALL_ZIPF[bucket])
    return {lang: sum(v) for lang, v in zip(table.names, values, strict=True)}


def language_sums(
    counts: Mapping[str, int], script: str
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """How well each language of ``script`` explains a text's (lower-case)
    words, counted as often as they occur: for each language of
    ``RIVALS[script]``, in that order, the summed Zipf values of the words in
    its common words (in hundredths: whole numbers, so that the sums of the
    pieces of a text add up to the sum of the text exactly), and how many of
    the occurrences its common words hold.

    >>> sums, known = language_sums({"the": 2, "city": 1}, "latin")  # en, de, ...
    >>> sums[0] > sums[1], known[0]
    (True, 3)
    """
    held, buckets = _small_lists(script).count(counts)
    # (bucket b holds Zipf 9 - b / 100: 900 - b hundredths)
    return tuple(900 * n - b for n, b in zip(held, buckets, strict=True)), tuple(held)


def reads_best_as(sums: Sequence[int], lang: str, script: str) -> bool:
    """:func:`best_language` for the summed Zipf values (hundredths) that
    :func:`language_sums` gives: whether ``lang`` explains the words at
    least as well as every rival, within the same margin.

    >>> reads_best_as(language_sums({"the": 2, "city": 1}, "latin")[0], "en", "latin")
    True
    """
    own = sums[RIVALS[script].index(lang)] + round(100 * _MARGIN)
    return all(s <= own for s in sums)


def _weight(tokens: set[str], lang: str) -> float:
    vocabulary = small_vocabulary(lang)
    return sum(vocabulary.get(t, 0.0) for t in tokens)


def best_language(tokens: set[str], lang: str, script: str) -> bool:
    """Whether ``lang``'s common words explain the (lower-case) ``tokens`` at
    least as well as those of every other language of ``script``: the sum of
    the tokens' Zipf values in each language's list is compared.

    wordfreq's large lists know many foreign words (the English one knows
    German ``liegt`` and ``fahren``), and every small list knows ``and`` and
    ``film`` from the web, so "most tokens are known" alone would read
    German as English; how common the words are in each language does not.

    >>> best_language({"die", "stadt", "liegt", "in", "westfalen"}, "en", "latin")
    False
    >>> best_language({"it", "was", "diult", "to", "nd", "the"}, "en", "latin")
    True
    """
    weights = _weights(tokens, script)
    own = (weights[lang] if lang in weights else _weight(tokens, lang)) + _MARGIN
    return all(weights[rival] <= own for rival in RIVALS[script] if rival != lang)


_MARGIN = 4.0
"""How much better (in summed Zipf values, about one common word) a rival
language must explain a text before it is judged not to be in ``lang``: a
few words (``dierent oense``) prove nothing either way."""
