"""Evidence about Latin-script words made only of accented letters.

Text in a Cyrillic code page decoded as latin-1 turns every Cyrillic letter
into an accented Latin letter (``Ïðèâåò``). Real words of Western languages
made only of such letters are few (``à``, ``é``, Icelandic ``þú``); this
module knows them, from wordfreq's lists of the languages written with
latin-1 and windows-1252 letters.

>>> is_known_accented_word("þú")
True
>>> is_known_accented_word("Ïðèâåò")
False
"""

from __future__ import annotations

from functools import lru_cache

from .wordlists import weighted_words

__all__ = ["LATIN_LANGS", "is_known_accented_word"]

LATIN_LANGS: tuple[str, ...] = (
    "en", "fr", "de", "es", "pt", "it", "ca", "nl", "da", "nb", "sv", "fi", "is",
    "tr", "cs", "sk", "pl", "hu", "ro", "vi", "lt", "lv", "sl", "id", "ms", "fil",
)
"""wordfreq languages written in the Latin alphabet."""


def _all_accented(word: str) -> bool:
    return len(word) >= 2 and all(
        ch.isalpha() and not ch.isascii() and ord(ch) < 0x180 for ch in word
    )


@lru_cache(maxsize=1)
def _accented_words() -> frozenset[str]:
    words: set[str] = set()
    for lang in LATIN_LANGS:
        for word, _ in weighted_words(lang, 50000):
            w = word.lower()
            if _all_accented(w):
                words.add(w)
    return frozenset(words)


def is_known_accented_word(word: str) -> bool:
    """Whether ``word`` (all accented letters) is a frequent Latin-script word."""
    return word.lower() in _accented_words()
