"""Normalisation steps, off in the default profile: NFC, line endings,
whitespace, and (enabled by name only) quote straightening."""

from __future__ import annotations

import re
import unicodedata

from ..config import Config
from ..finding import Finding
from ..step import Step

__all__ = [
    "LINE_ENDINGS_STEP",
    "NFC_STEP",
    "QUOTES",
    "QUOTES_STEP",
    "WHITESPACE_STEP",
    "detect_line_endings",
    "detect_quotes",
    "detect_unnormalized",
    "detect_whitespace",
    "normalize_line_endings",
    "normalize_nfc",
    "normalize_whitespace",
    "straighten_quotes",
]

# --- NFC ---------------------------------------------------------------------

# NFC never changes ASCII, and no character composes with a following ASCII
# character, so the text can be normalised piece by piece: an optional ASCII
# starter (the base letter of "e" + U+0301) and the non-ASCII run after it.
_NON_ASCII_PIECE = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")


def detect_unnormalized(text: str, config: Config | None = None) -> list[Finding]:
    """Find text that is not in Unicode normalisation form C, one finding per
    changed run (between ASCII characters).

    >>> [(f.original, f.replacement) for f in detect_unnormalized("cafe\\u0301 ok")]
    [('e\\u0301', 'é')]
    """
    if unicodedata.is_normalized("NFC", text):
        return []
    findings: list[Finding] = []
    for m in _NON_ASCII_PIECE.finditer(text):
        piece = m.group()
        if unicodedata.is_normalized("NFC", piece):
            continue
        findings.append(
            Finding(
                "nfc", m.start(), m.end(), piece, unicodedata.normalize("NFC", piece), 1.0,
                "normalize_nfc",
                "decomposed or non-canonical character sequences become their composed "
                "NFC form",
            )
        )
    return findings


def normalize_nfc(text: str) -> str:
    """Put the text in Unicode normalisation form C.

    >>> normalize_nfc("cafe\\u0301") == "caf\\u00e9"
    True
    """
    return NFC_STEP.fix(text)


NFC_STEP = Step("normalize_nfc", detect_unnormalized, "Normalise to Unicode NFC.")

# --- line endings --------------------------------------------------------------

_CR_RUN = re.compile(r"(?:\r\n?)+")


def detect_line_endings(text: str, config: Config | None = None) -> list[Finding]:
    """Find CRLF and lone CR line endings, one finding per run of them.

    >>> [(f.original, f.replacement) for f in detect_line_endings("a\\r\\nb\\rc\\n")]
    [('\\r\\n', '\\n'), ('\\r', '\\n')]
    """
    if "\r" not in text:
        return []
    findings: list[Finding] = []
    for m in _CR_RUN.finditer(text):
        run = m.group()
        n = run.count("\r")
        findings.append(
            Finding(
                "line_ending", m.start(), m.end(), run, "\n" * n, 1.0,
                "normalize_line_endings",
                "Windows (CRLF) or old Mac (CR) line endings become LF",
            )
        )
    return findings


def normalize_line_endings(text: str) -> str:
    """Turn CRLF and CR line endings into LF.

    >>> normalize_line_endings("a\\r\\nb\\r")
    'a\\nb\\n'
    """
    return LINE_ENDINGS_STEP.fix(text)


LINE_ENDINGS_STEP = Step(
    "normalize_line_endings", detect_line_endings, "Turn CRLF and CR line endings into LF."
)

# --- whitespace ----------------------------------------------------------------

# Unicode spaces that become a plain space. U+3000 (ideographic space) is
# left alone: it is part of CJK typography, not a stray space.
_USPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f"
_USPACE = re.compile(f"[{_USPACES}]")
_WS_CANDIDATE = re.compile(
    f"[ \\t{_USPACES}]{{2,}}|[{_USPACES}]|[ \\t](?=[\\r\\n]|\\Z)"
)
_SPACE_RUN = re.compile(" {2,}")


def _whitespace_replacement(text: str, start: int, end: int) -> tuple[str, str]:
    """What a whitespace run becomes, and why."""
    run = text[start:end]
    if end == len(text) or text[end] in "\r\n":
        return "", "trailing whitespace at the end of a line"
    plain = _USPACE.sub(" ", run)
    if start == 0 or text[start - 1] in "\r\n":
        return plain, "Unicode spaces in the indentation become plain spaces"
    if "\t" in plain:
        return _SPACE_RUN.sub(" ", plain), "a run of spaces inside a line becomes one space"
    return " ", "a run of spaces (or a Unicode space) inside a line becomes one space"


def detect_whitespace(text: str, config: Config | None = None) -> list[Finding]:
    """Find whitespace to normalise, one finding per run.

    Trailing spaces and tabs at line ends are removed; runs of spaces inside a
    line become one space; no-break and other Unicode spaces (U+00A0, U+1680,
    U+2000-U+200A, U+202F, U+205F) become a plain space. Kept: newlines and
    blank lines, indentation at the start of a line (its Unicode spaces become
    plain ones, one for one), tabs inside a line (columns), and U+3000.

    >>> [(f.original, f.replacement) for f in detect_whitespace("a  b\\u00a0c \\n")]
    [('  ', ' '), ('\\xa0', ' '), (' ', '')]
    """
    first = _WS_CANDIDATE.search(text)
    if first is None:
        return []
    findings: list[Finding] = []
    for m in _WS_CANDIDATE.finditer(text, first.start()):
        replacement, why = _whitespace_replacement(text, m.start(), m.end())
        if replacement == m.group():
            continue
        findings.append(
            Finding(
                "whitespace", m.start(), m.end(), m.group(), replacement, 1.0,
                "normalize_whitespace", why,
            )
        )
    return findings


def normalize_whitespace(text: str) -> str:
    """Normalise spaces: no trailing spaces, single spaces inside lines, plain
    spaces for Unicode ones; newlines and indentation kept.

    >>> normalize_whitespace("a  b\\u00a0c  \\n\\n  d")
    'a b c\\n\\n  d'
    """
    return WHITESPACE_STEP.fix(text)


WHITESPACE_STEP = Step(
    "normalize_whitespace",
    detect_whitespace,
    "Remove trailing spaces, collapse runs of spaces, turn Unicode spaces into plain ones.",
)

# --- quotes ----------------------------------------------------------------------

QUOTES: dict[str, str] = {
    "\u201c": '"',  # “
    "\u201d": '"',  # ”
    "\u201e": '"',  # „
    "\u201f": '"',  # ‟
    "\u00ab": '"',  # «
    "\u00bb": '"',  # »
    "\u2018": "'",  # ‘
    "\u2019": "'",  # ’ (also the typographic apostrophe)
    "\u201a": "'",  # ‚
    "\u201b": "'",  # ‛
    "\u2039": "'",  # ‹
    "\u203a": "'",  # ›
}
"""The quotation marks ``straighten_quotes`` replaces: double ones (including
guillemets « ») by ``"``, single ones (including ‹ › and the apostrophe ’) by
``'``. Primes (′ ″), accents (´ `) and CJK brackets (「 」) are left alone."""

_QUOTE_RUN = re.compile("[" + "".join(QUOTES) + "]+")


def detect_quotes(text: str, config: Config | None = None) -> list[Finding]:
    """Find typographic quotation marks, one finding per run.

    >>> [(f.original, f.replacement) for f in detect_quotes("«Да», — “yes”")]
    [('«', '"'), ('»', '"'), ('“', '"'), ('”', '"')]
    """
    first = _QUOTE_RUN.search(text)
    if first is None:
        return []
    return [
        Finding(
            "quote", m.start(), m.end(), m.group(),
            "".join(QUOTES[c] for c in m.group()), 1.0, "straighten_quotes",
            "typographic quotation marks become straight ASCII quotes (asked for by name)",
        )
        for m in _QUOTE_RUN.finditer(text, first.start())
    ]


def straighten_quotes(text: str) -> str:
    """Replace typographic quotation marks by straight ones.

    >>> straighten_quotes("“It’s” «ok»")
    '"It\\'s" "ok"'
    """
    return QUOTES_STEP.fix(text)


QUOTES_STEP = Step(
    "straighten_quotes",
    detect_quotes,
    "Replace typographic quotes “” ‘’ „ « » ‹ › by straight ASCII quotes (in no profile).",
)
