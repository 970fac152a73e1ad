"""HTML character references (``&eacute;``, ``&#233;``, double-escaped
``&amp;eacute;``) left in plain text."""

from __future__ import annotations

import html
import re
from html.entities import html5

from ..config import Config
from ..finding import Finding
from ..step import Step, evidence_of

__all__ = [
    "STEP",
    "detect_html_entities",
    "gather_markup",
    "looks_like_markup",
    "merge_markup",
    "unescape_html",
]

# A reference needs its semicolon: "AT&T", "R&D", "&copy 2020", "?a=1&lang=en"
# are left alone. Any number of "amp;" layers in front is a double escape.
_ENTITY = re.compile(
    r"&((?:amp;)*)(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)

# Evidence that the text is markup (HTML, XML, SVG): a tag, comment,
# doctype, CDATA section or processing instruction.
_MARKUP = re.compile(
    r"</?[A-Za-z][A-Za-z0-9:_.-]{0,64}(?:[\s/>])|<!--|<!\[CDATA\[|<![A-Za-z]|<\?[A-Za-z]"
)


def looks_like_markup(text: str) -> bool:
    """Whether the text holds a tag, comment, doctype or processing instruction.

    >>> looks_like_markup("<p>caf&eacute;</p>"), looks_like_markup("if a < b &amp; c")
    (True, False)
    """
    return _MARKUP.search(text) is not None


def gather_markup(text: str) -> bool:
    """The document-level evidence of :func:`detect_html_entities` in a piece
    of a document: whether the piece is markup (:func:`looks_like_markup`).
    One piece that is markup makes the whole document markup (see
    :func:`merge_markup`).

    >>> gather_markup("a &amp; b"), gather_markup("<br/>")
    (False, True)
    """
    return looks_like_markup(text)


def merge_markup(a: bool, b: bool) -> bool:
    """Fold the evidence of two pieces: the document is markup when either is.

    >>> merge_markup(False, True)
    True
    """
    return a or b


def _decode(ref: str) -> str | None:
    """The character(s) a single reference (without '&' and ';') stands for."""
    if ref[0] == "#":
        value = int(ref[2:], 16) if ref[1] in "xX" else int(ref[1:])
        if value == 0 or value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
            return None
        char = html.unescape(f"&{ref};")
    else:
        got = html5.get(ref + ";")
        if got is None:
            return None
        char = got
    if not char or any(c < " " and c not in "\t\n\r" for c in char):
        return None
    return char


def detect_html_entities(text: str, config: Config | None = None) -> list[Finding]:
    """Find HTML character references in text that is not markup.

    The decision is per document: if the text holds any tag, comment, doctype,
    CDATA section or processing instruction, it is markup, where references
    are meant to stay, and nothing is reported. That decision is taken from
    ``config.evidence["unescape_html"]`` when given (the whole document's, as
    gathered by :func:`gather_markup`), else from ``text``. Otherwise each named reference
    known to HTML5 and each numeric reference (with its semicolon) becomes its
    character; ``&amp;eacute;`` (escaped twice or more) becomes ``é`` at once.
    A bare ``&`` (``AT&T``, ``R&D``, ``Q&A;``) and references without a
    semicolon are left alone. Numeric references to control characters, NUL,
    surrogates or beyond U+10FFFF are reported and left alone.

    >>> [(f.original, f.replacement) for f in detect_html_entities("caf&amp;eacute; AT&T")]
    [('&amp;eacute;', 'é')]
    >>> detect_html_entities("<p>caf&eacute;</p>")
    []
    """
    if "&" not in text:
        return []
    first = _ENTITY.search(text)
    if first is None:
        return []
    evidence = evidence_of(config, STEP.name)
    if looks_like_markup(text) if evidence is None else evidence:
        return []
    findings: list[Finding] = []
    for m in _ENTITY.finditer(text, first.start()):
        layers, ref = m.group(1), m.group(2)
        char = _decode(ref)
        original = m.group()
        if char is None:
            if ref[0] == "#":
                findings.append(
                    Finding(
                        "html_entity", m.start(), m.end(), original, original, 0.3,
                        "unescape_html",
                        f"a numeric HTML reference &{ref}; to a character that plain text "
                        f"cannot hold (a control, NUL or surrogate); left alone",
                    )
                )
            continue
        double = f" escaped {len(layers) // 4 + 1} times" if layers else ""
        findings.append(
            Finding(
                "html_entity", m.start(), m.end(), original, char, 0.95, "unescape_html",
                f"the HTML character reference &{ref};{double} stands for {char!r} "
                f"in text that is not markup",
            )
        )
    return findings


def unescape_html(text: str) -> str:
    """Replace HTML character references by their characters, unless the text
    is markup.

    >>> unescape_html("Caf&eacute; &amp; bar &#8212; AT&T")
    'Café & bar — AT&T'
    >>> unescape_html("<b>Caf&eacute;</b>")
    '<b>Caf&eacute;</b>'
    """
    return STEP.fix(text)


STEP = Step(
    "unescape_html",
    detect_html_entities,
    "Replace HTML character references (also double-escaped ones) in text that is not markup.",
    gather=gather_markup,
    merge=merge_markup,
)
