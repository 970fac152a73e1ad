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

__all__ = [
    "LANGUAGES",
    "RIVALS",
    "best_language",
    "common_words",
    "is_known",
    "known_share",
    "language_of",
    "small_vocabulary",
    "zipf",
    "zipf_table",
]

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
    import wordfreq

    buckets = wordfreq.get_frequency_list(lang, wordlist="small")
    return {word: 9 - i / 100 for i, bucket in enumerate(buckets) for word in bucket}


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
    own = _weight(tokens, lang) + _MARGIN
    return all(_weight(tokens, rival) <= own for rival in RIVALS[script] if rival != lang)


_MARGIN = 4.0
"""How much better (in summed Zipf values, about one common word) a rival
language must explain a text before it is judged not to be in ``lang``: a
few words (``dierent oense``) prove nothing either way."""


def known_share(tokens: set[str], lang: str) -> float:
    """The share of ``tokens`` that are among ``lang``'s common words.

    >>> known_share({"это", "мой", "файлдар"}, "ru") > 0.6
    True
    """
    if not tokens:
        return 0.0
    return len(tokens & small_vocabulary(lang).keys()) / len(tokens)
