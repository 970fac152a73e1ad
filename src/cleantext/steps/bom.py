"""Byte-order marks decoded as text."""

from __future__ import annotations

from ..config import Config
from ..finding import Finding
from ..step import Step

__all__ = ["STEP", "detect_bom", "remove_bom"]

_BOM = "\ufeff"


def detect_bom(text: str, config: Config | None = None) -> list[Finding]:
    """Find a byte-order mark at the start of the text.

    A U+FEFF at the very start is an encoding signature that was decoded as a
    character. (Inside the text U+FEFF is a zero-width no-break space, the
    business of ``remove_zero_width``.)

    >>> detect_bom("\\ufeffHello")[0].why
    'a byte-order mark (U+FEFF) at the start of the text is an encoding signature, not text'
    """
    if not text.startswith(_BOM):
        return []
    return [
        Finding(
            "bom", 0, 1, _BOM, "", 1.0, "remove_bom",
            "a byte-order mark (U+FEFF) at the start of the text is an encoding "
            "signature, not text",
        )
    ]


def remove_bom(text: str) -> str:
    """Remove a byte-order mark from the start of the text.

    >>> remove_bom("\\ufeffHello")
    'Hello'
    """
    return STEP.fix(text)


STEP = Step("remove_bom", detect_bom, "Remove a byte-order mark at the start of the text.")
