"""Frequency-weighted word lists from wordfreq, loaded lazily and cached.

>>> "привет" in known_words("ru")
True
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

__all__ = ["known_words", "weighted_words", "LANGUAGE_NAMES"]

LANGUAGE_NAMES: dict[str, str] = {
    "ru": "Russian", "uk": "Ukrainian", "bg": "Bulgarian", "mk": "Macedonian",
    "sr": "Serbian", "kk": "Kazakh", "be": "Belarusian",
    "zh": "Chinese", "ja": "Japanese", "ko": "Korean",
}
"""English names of the languages the evidence modules speak of."""

# Serbian in wordfreq ("sh") is written in the Latin alphabet; Serbian
# Cyrillic is its one-to-one transliteration (digraphs first).
_SH_TO_SR: tuple[tuple[str, str], ...] = (
    ("dž", "џ"), ("lj", "љ"), ("nj", "њ"), ("a", "а"), ("b", "б"), ("c", "ц"),
    ("č", "ч"), ("ć", "ћ"), ("d", "д"), ("đ", "ђ"), ("e", "е"), ("f", "ф"),
    ("g", "г"), ("h", "х"), ("i", "и"), ("j", "ј"), ("k", "к"), ("l", "л"),
    ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"),
    ("š", "ш"), ("t", "т"), ("u", "у"), ("v", "в"), ("z", "з"), ("ž", "ж"),
)


def _to_serbian_cyrillic(word: str) -> str | None:
    out = word
    for latin, cyrillic in _SH_TO_SR:
        out = out.replace(latin, cyrillic)
    return None if any("a" <= ch <= "z" for ch in out) else out


def weighted_words(lang: str, limit: int = 50000) -> Iterator[tuple[str, float]]:
    """The ``limit`` most frequent words of ``lang`` with their frequencies.

    ``lang`` is a wordfreq language code, or ``"sr"`` (wordfreq's Serbo-Croatian
    list transliterated to Cyrillic), or ``"kk"`` (the hand-written Kazakh list,
    every word given the same weight).
    """
    if lang == "kk":
        from .kazakh import COMMON_KAZAKH_WORDS

        for word in sorted(COMMON_KAZAKH_WORDS):
            yield word, 1e-4
        return
    import wordfreq

    source = "sh" if lang == "sr" else lang
    count = 0
    for bucket, words in enumerate(wordfreq.get_frequency_list(source)):
        freq = 10.0 ** (-bucket / 100.0)
        for word in words:
            if lang == "sr":
                converted = _to_serbian_cyrillic(word)
                if converted is None:
                    continue
                word = converted
            yield word, freq
            count += 1
            if count >= limit:
                return


@cache
def known_words(lang: str, limit: int = 50000) -> frozenset[str]:
    """The ``limit`` most frequent words of ``lang``, lower-cased."""
    return frozenset(word.lower() for word, _ in weighted_words(lang, limit))
