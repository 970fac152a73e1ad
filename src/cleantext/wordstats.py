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

from functools import lru_cache

__all__ = ["LANGUAGES", "common_words", "is_known", "language_of", "zipf", "zipf_table"]

LANGUAGES: tuple[str, ...] = ("en", "ru")
"""The languages this module has word lists for."""


@lru_cache(maxsize=4)
def zipf_table(lang: str) -> dict[str, float]:
    """Every word wordfreq's large list knows in ``lang``, with its Zipf value.

    Keys are lower-case (wordfreq folds case). Raises ValueError for a
    language without a list.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"no word list for {lang!r}; known: {', '.join(LANGUAGES)}")
    import wordfreq  # lazily: loading the lists takes about a second

    # wordfreq stores its list in buckets of one centibel: the words of bucket
    # i have the frequency 10 ** (-i / 100), that is the Zipf value 9 - i/100.
    # Reading the buckets directly gives the same values as
    # get_frequency_dict(), without a logarithm per word.
    buckets = wordfreq.get_frequency_list(lang, wordlist="large")
    return {word: round(9 - i / 100, 2) for i, bucket in enumerate(buckets) for word in bucket}


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
    import wordfreq

    return tuple(w for w in wordfreq.top_n_list(lang, n, wordlist="large") if w.isalpha())
