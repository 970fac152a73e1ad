"""Folding text to ASCII with Unidecode (the "ascii" profile)."""

from __future__ import annotations

import re

from ..config import Config
from ..finding import Finding
from ..step import Step

__all__ = ["STEP", "detect_non_ascii", "fold_to_ascii"]

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def detect_non_ascii(text: str, config: Config | None = None) -> list[Finding]:
    """Find non-ASCII runs and their Unidecode transliteration, one finding per run.

    Characters Unidecode has no transliteration for become ``?`` (never
    silently dropped). The space Unidecode puts after a CJK syllable is kept
    between syllables but dropped before a space, punctuation or the end.

    >>> [(f.original, f.replacement) for f in detect_non_ascii("Привет, café")]
    [('Привет', 'Privet'), ('é', 'e')]
    >>> detect_non_ascii("北京.")[0].replacement
    'Bei Jing'
    """
    if text.isascii():
        return []
    from unidecode import unidecode

    findings: list[Finding] = []
    for m in _NON_ASCII.finditer(text):
        run = m.group()
        folded = unidecode(run, errors="replace", replace_str="?")
        end = m.end()
        if folded.endswith(" ") and (end == len(text) or not text[end].isalnum()):
            # Unidecode ends CJK syllables with a space ("Bei Jing "): drop it
            # before a space, punctuation or the end of the text.
            folded = folded.rstrip(" ")
        findings.append(
            Finding(
                "non_ascii", m.start(), m.end(), run, folded, 1.0, "fold_to_ascii",
                "non-ASCII characters are transliterated to ASCII (ascii profile)",
            )
        )
    return findings


def fold_to_ascii(text: str) -> str:
    """Transliterate the text to ASCII with Unidecode.

    >>> fold_to_ascii("Qazaqstan — Қазақстан")
    "Qazaqstan -- K'azak'stan"
    """
    return STEP.fix(text)


STEP = Step("fold_to_ascii", detect_non_ascii, "Transliterate to ASCII with Unidecode.")
