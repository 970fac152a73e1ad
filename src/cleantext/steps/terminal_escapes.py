"""ANSI / VT100 terminal escape sequences captured with the text (colours,
cursor movement, window titles)."""

from __future__ import annotations

import re

from ..config import Config
from ..finding import Finding
from ..step import Step

__all__ = ["STEP", "detect_terminal_escapes", "remove_terminal_escapes"]

# Each alternative has a bounded or class-disjoint shape: linear time.
_ESCAPE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours (ESC[1;31m), cursor, erase
    r"|\x1b\][^\x07\x1b]{0,4096}(?:\x07|\x1b\\)"  # OSC: window title, hyperlinks
    r"|\x1b[()*+][0-~]"  # character set designation
    r"|\x1b[PX^_][^\x1b]{0,4096}\x1b\\"  # DCS, SOS, PM, APC strings
    r"|\x1b[78=>cDEHMNOZ\\]"  # two-byte escapes: save/restore cursor, keypad, reset
    r"|\x1b"  # a lone ESC that starts nothing known
)


def detect_terminal_escapes(text: str, config: Config | None = None) -> list[Finding]:
    """Find terminal escape sequences.

    CSI sequences (``ESC [ ... m`` colours and cursor movement), OSC strings
    (``ESC ] ... BEL``: window titles, hyperlinks), DCS/APC strings, character
    set designations and the common two-byte escapes are removed. A lone ESC
    that starts none of these is reported and left alone.

    >>> [f.original for f in detect_terminal_escapes("\\x1b[1;31mred\\x1b[0m")]
    ['\\x1b[1;31m', '\\x1b[0m']
    """
    if "\x1b" not in text:
        return []
    findings: list[Finding] = []
    for m in _ESCAPE.finditer(text):
        s = m.group()
        if s == "\x1b":
            findings.append(
                Finding(
                    "terminal_escape", m.start(), m.end(), s, s, 0.3,
                    "remove_terminal_escapes",
                    "an escape character (U+001B) that starts no known terminal "
                    "sequence; left alone",
                )
            )
            continue
        findings.append(
            Finding(
                "terminal_escape", m.start(), m.end(), s, "", 0.95,
                "remove_terminal_escapes",
                "a terminal escape sequence (colour, cursor or title control) captured "
                "from a terminal is not text",
            )
        )
    return findings


def remove_terminal_escapes(text: str) -> str:
    """Remove terminal escape sequences.

    >>> remove_terminal_escapes("\\x1b[32mOK\\x1b[0m done")
    'OK done'
    """
    return STEP.fix(text)


STEP = Step(
    "remove_terminal_escapes",
    detect_terminal_escapes,
    "Remove ANSI/VT100 terminal escape sequences (colours, cursor moves, titles).",
)
