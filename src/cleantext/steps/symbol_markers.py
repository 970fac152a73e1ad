"""Glyph codes of a symbol (dingbat) font left before captions by PDF extraction.

A PDF's caption arrow or bullet set in a dingbat font comes out as whatever
letter shares its glyph code: the UNESCO seed has ``Ý`` and ``Ü`` (read as
``√ù``/``√ú`` before its Mac Roman repair) at the start of caption lines,
followed by two spaces. Such a lone capital at the start of a line, followed
by a wider gap, is a marker, not a word; real words (``Ýmir``, ``Über``) are
never touched.

``mark_symbol_markers`` (default profile) only reports them;
``replace_symbol_markers`` (``normalize`` profile) replaces them with
``Config.symbol_marker``, or removes them with their gap when that is empty.
"""

from __future__ import annotations

import re

from ..config import Config
from ..finding import Finding
from ..step import Step, apply_findings

__all__ = [
    "MARK_STEP",
    "REPLACE_STEP",
    "STEP",
    "detect_symbol_markers",
    "replace_symbol_markers",
]

# A lone non-ASCII capital (Latin-1 and Latin Extended-A, but not the
# one-letter words À and É), or its Mac Roman mojibake (√ plus a character),
# at the start of a line and followed by two or more spaces or a tab.
_CAPS = "ÁÂÃÄÅÆÇÈÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ" + "".join(
    chr(c) for c in range(0x100, 0x180) if chr(c).isupper()
)
_GLYPH_GAP = rf"([ \t]*)((?:[{_CAPS}]|\u221a[^\s\w]?[^\s])(?:  +|\t[ \t]*))(?=\S)"
_MARKER = re.compile(rf"(?m)^{_GLYPH_GAP}")
_MARKER_AFTER_BREAK = re.compile(rf"\n{_GLYPH_GAP}")
""":data:`_MARKER` after a line break: the literal it opens with lets the
search skip ahead at C speed (a pattern opening with ``^`` is tried at every
position, 3x slower)."""


def _markers(text: str) -> list[re.Match[str]]:
    """What ``_MARKER.finditer(text)`` finds (a match lies within its line):
    the first line's, then every other line's, found from its line break.

    >>> [m.group(2) for m in _markers("Ý  a\\nÜ\\tb\\nÜber")]
    ['Ý  ', 'Ü\\t']
    """
    first = _MARKER.match(text)
    found = list(_MARKER_AFTER_BREAK.finditer(text))
    return [first, *found] if first is not None else found


def _findings(text: str, config: Config | None, replace: bool) -> list[Finding]:
    if text.isascii():
        return []
    found = _markers(text)
    if not found:
        return []
    marker = config.symbol_marker if config is not None else ""
    step = "replace_symbol_markers" if replace else "mark_symbol_markers"
    out = []
    for m in found:
        span = m.group(2)
        glyph = span.rstrip(" \t")
        if replace:
            start, end = m.start(2), m.end(2)
            original = span
            replacement = f"{marker} " if marker else ""
        else:
            start, end = m.start(2), m.start(2) + len(glyph)
            original = replacement = glyph
        out.append(Finding(
            "symbol_font", start, end, original, replacement, 0.9, step,
            f"{glyph!r} alone at the start of a line before a wide gap is the glyph code "
            "of a symbol font (a caption arrow or bullet), not a letter",
        ))
    return out


def detect_symbol_markers(text: str, config: Config | None = None) -> list[Finding]:
    """Report symbol-font markers (the text is left as it is).

    >>> [f.original for f in detect_symbol_markers("Ý  Sergey at Cannes.\\nÜber alles")]
    ['Ý']
    >>> detect_symbol_markers("Ýmir and Über")
    []
    """
    return _findings(text, config, replace=False)


def detect_replaceable_symbol_markers(text: str, config: Config | None = None) -> list[Finding]:
    """Find symbol-font markers and propose ``config.symbol_marker`` in their place.

    >>> f = detect_replaceable_symbol_markers("Ü  Sergey at the festival")[0]
    >>> (f.original, f.replacement)
    ('Ü  ', '')
    """
    return _findings(text, config, replace=True)


def replace_symbol_markers(text: str, marker: str = "") -> str:
    """Replace symbol-font markers by ``marker`` (remove them when it is empty).

    >>> replace_symbol_markers("Ý  Sergey Dvortsevoy and Samal")
    'Sergey Dvortsevoy and Samal'
    >>> replace_symbol_markers("Ý  Sergey", "▶")
    '▶ Sergey'
    """
    return apply_findings(
        text, detect_replaceable_symbol_markers(text, Config(symbol_marker=marker))
    )


MARK_STEP = Step(
    "mark_symbol_markers",
    detect_symbol_markers,
    "Report glyph codes of symbol fonts left before captions (Ý, Ü); change nothing.",
)
REPLACE_STEP = Step(
    "replace_symbol_markers",
    detect_replaceable_symbol_markers,
    "Replace glyph codes of symbol fonts before captions by Config.symbol_marker "
    "(empty: remove them).",
)
STEP = MARK_STEP
