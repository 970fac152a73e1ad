"""How common a CJK character, kana or Hangul syllable is in a language.

Character frequencies are counted lazily from wordfreq's Chinese, Japanese
and Korean word lists (each word's frequency shared among its characters)
and cached in memory. Traditional characters are scored through wordfreq's
own Traditional-to-Simplified table, since its Chinese list is Simplified.

>>> rank("的", "zh") < 10
True
>>> char_log_frequency("的", "zh") > char_log_frequency("鵯", "zh")
True
"""

from __future__ import annotations

import gzip
import math
import os
from functools import cache

__all__ = ["UNSEEN", "char_log_frequency", "rank", "to_simplified"]

UNSEEN = -7.0
"""Log10 frequency given to a character the language's list never uses."""


@cache
def _traditional_to_simplified() -> dict[int, str]:
    import msgpack
    import wordfreq

    path = os.path.join(os.path.dirname(wordfreq.__file__), "data",
                        "_chinese_mapping.msgpack.gz")
    with gzip.open(path) as f:
        table = msgpack.load(f, raw=False, strict_map_key=False)
    return {int(k): str(v) for k, v in table.items()}


def to_simplified(text: str) -> str:
    """Map Traditional Chinese characters to Simplified, one by one."""
    return text.translate(_traditional_to_simplified())


@cache
def _table(lang: str) -> tuple[dict[str, float], dict[str, int]]:
    from .wordlists import weighted_words

    counts: dict[str, float] = {}
    for word, freq in weighted_words(lang, 50000):
        chars = [ch for ch in word if ord(ch) > 0x2E7F]
        for ch in chars:
            counts[ch] = counts.get(ch, 0.0) + freq
    total = sum(counts.values()) or 1.0
    logs = {ch: math.log10(c / total) for ch, c in counts.items()}
    ranks = {ch: i for i, (ch, _) in enumerate(
        sorted(counts.items(), key=lambda kv: -kv[1]))}
    return logs, ranks


@cache
def _fanout() -> dict[str, int]:
    """How many characters (itself included) share each Simplified form."""
    counts: dict[str, int] = {}
    for key, simplified in _traditional_to_simplified().items():
        if chr(key) != simplified:
            counts[simplified] = counts.get(simplified, 1) + 1
    return counts


def char_log_frequency(ch: str, lang: str) -> float:
    """Log10 of the share of ``lang``'s text that is the character ``ch``.

    A Traditional character is scored as its Simplified form, its frequency
    shared among all the characters with that form (颱 and 臺 are both 台).
    """
    if lang != "zh":
        return _table(lang)[0].get(ch, UNSEEN)
    simplified = to_simplified(ch)
    log = _table(lang)[0].get(simplified, UNSEEN)
    if simplified != ch:
        log -= math.log10(_fanout().get(simplified, 1))
    return log


def rank(ch: str, lang: str) -> int:
    """The character's rank by frequency in ``lang`` (0 is the most common)."""
    if lang == "zh":
        ch = to_simplified(ch)
    return _table(lang)[1].get(ch, 1 << 30)
