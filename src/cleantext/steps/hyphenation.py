"""Words hyphenated across a line end by a typesetter (``docu-`` / ``mentary``).

A PDF column breaks long words at a line end with a hyphen; extracted text
keeps the hyphen and the break. The step joins the two halves when the joined
word is a known word and clearly the better reading, and keeps the hyphen of
compounds: when the second half starts with a capital (``Russian-`` /
``Kazakh``), when a digit is involved, when the joined form is not a
frequent word (``русско-`` / ``казахский``, ``long-`` / ``term``), when the
halves form a Russian hyphenated particle (``из-за``, ``кто-нибудь``), or when
the document itself writes the hyphenated form inside a line.

The line structure is kept: the joined word (with any punctuation after it)
ends the first line and the rest of the second line stays on its own line:
``docu-\\nmentary is`` becomes ``documentary\\nis``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..config import Config
from ..evidence_words import zipf
from ..finding import Finding
from ..step import Step, evidence_of

__all__ = [
    "STEP",
    "detect_hyphenated_words",
    "gather_compounds",
    "join_hyphenated_words",
    "merge_compounds",
]

MIN_JOINED = 3.0
"""The joined word must be at least this frequent (Zipf) in its language."""

_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("en", "A-Za-zÀ-ÖØ-öø-ÿ"),
    ("ru", "А-Яа-яЁё"),
)
_RU_PARTICLES = frozenset({"то", "либо", "нибудь", "таки", "ка", "де", "тка"})
_RU_PREFIXES = frozenset({"из", "кое", "кой", "во", "в"})
_RU_ADVERB_ENDINGS = ("ски", "цки", "ому", "ему", "ьи")

_PATTERNS = [
    (
        lang,
        re.compile(
            rf"(?<![\w-])([{letters}]+)-([ \t]*)\n([ \t]*)([{letters}]+)(?![\w-])"
            rf"(\S*)([ \t]*)(\n|$)?"
        ),
        re.compile(rf"[{letters}]"),
    )
    for lang, letters in _SCRIPTS
]
# Where a line ends in a hyphen: a literal search, far faster than trying
# the patterns above at every letter of the text.
_LINE_END_HYPHEN = re.compile(r"-[ \t]*\n")


def _matches(text: str, pattern: re.Pattern[str], letter: re.Pattern[str]
             ) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, tried only where a line ends in a
    hyphen: a match starts where the run of letters before that hyphen starts."""
    pos = 0
    for hit in _LINE_END_HYPHEN.finditer(text):
        start = hit.start()
        while start > pos and letter.match(text, start - 1):
            start -= 1
        if start == hit.start():
            continue  # no letter before the hyphen (or it was in the last match)
        m = pattern.match(text, start)
        if m is not None:
            yield m
            pos = m.end()


_LETTER = re.compile(r"[^\W\d_]")
_INNER_HYPHEN = re.compile(r"-(?<=[^\W\d_]-)(?=[^\W\d_])")


def _compounds(text: str) -> set[str]:
    """The hyphenated forms ``text`` writes inside lines, lower-cased: what
    ``re.findall(r"[^\\W\\d_]+-[^\\W\\d_]+", text)`` finds, found from the
    hyphens (a literal search) rather than tried at every letter.

    >>> sorted(_compounds("a well-known, semi-well-done x-"))
    ['semi-well', 'well-known']
    """
    found: set[str] = set()
    pos = 0
    for hit in _INNER_HYPHEN.finditer(text):
        hyphen = hit.start()
        if hyphen < pos:
            continue
        start = hyphen
        while start > pos and _LETTER.match(text, start - 1):
            start -= 1
        if start == hyphen:
            continue  # the letters before were taken by the last compound
        end = hyphen + 1
        while _LETTER.match(text, end):
            end += 1
        found.add(text[start:end].lower())
        pos = end
    return found


def gather_compounds(text: str) -> frozenset[str]:
    """The document-level evidence of :func:`detect_hyphenated_words` in a
    piece of a document: the hyphenated forms it writes inside lines,
    lower-cased. A compound any piece writes is kept hyphenated at line ends
    throughout the document (see :func:`merge_compounds`).

    >>> sorted(gather_compounds("they co-operate\\nwell-"))
    ['co-operate']
    """
    if "-" not in text:
        return frozenset()
    return frozenset(_compounds(text))


def merge_compounds(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    """Fold the evidence of two pieces: the compounds either writes.

    >>> sorted(merge_compounds(frozenset({"co-operate"}), frozenset({"e-mail"})))
    ['co-operate', 'e-mail']
    """
    return a | b


def _compound(a: str, b: str, lang: str) -> bool:
    """Whether ``a-b`` is a hyphenated compound of the language by rule."""
    if lang != "ru":
        return False
    al, bl = a.lower(), b.lower()
    return (
        bl in _RU_PARTICLES
        or al in _RU_PREFIXES
        or (al == "по" and bl.endswith(_RU_ADVERB_ENDINGS))
    )


def detect_hyphenated_words(text: str, config: Config | None = None) -> list[Finding]:
    """Find words broken by a hyphen at a line end that should be joined.

    >>> [f.replacement for f in detect_hyphenated_words("a docu-\\nmentary is")]
    ['documentary\\n']
    >>> detect_hyphenated_words("Russian-\\nKazakh writer; long-\\nterm; COVID-\\n19")
    []

    The compounds the document writes are taken from
    ``config.evidence["join_hyphenated_words"]`` when given (the whole
    document's, see :func:`gather_compounds`), else from ``text``.
    """
    if "-" not in text or "\n" not in text or not _LINE_END_HYPHEN.search(text):
        return []
    out: list[Finding] = []
    # hyphenated forms the document writes inside lines (found when needed)
    compounds: frozenset[str] | None = evidence_of(config, STEP.name)
    for lang, pattern, letter in _PATTERNS:
        for m in _matches(text, pattern, letter):
            a, ws1, ws2, b, tail, ws3, eol = m.groups()
            if not b[0].islower() or _compound(a, b, lang):
                continue
            joined = a + b
            z = zipf(joined, lang)
            if z < MIN_JOINED:
                continue
            low = joined.lower()
            if compounds is None:
                compounds = gather_compounds(text)
            if f"{a}-{b}".lower() in compounds:  # the document writes the compound
                continue
            # more text after the word on its line: it keeps a line of its own
            replacement = joined + tail + ("\n" + ws2 if eol is None else ws3)
            end = m.end(6)
            original = text[m.start(1):end]
            if replacement == original:
                continue
            out.append(Finding(
                "line_end_hyphen", m.start(1), end, original, replacement, 0.9,
                "join_hyphenated_words",
                f"{a}- / {b} is {low!r} hyphenated at a line end: {low!r} is a known "
                f"{lang} word (Zipf {z:.1f}) and neither half makes a compound with a "
                "capital, a digit or a hyphen used elsewhere in the text",
            ))
    out.sort(key=lambda f: f.start)
    return out


def join_hyphenated_words(text: str) -> str:
    """Join words hyphenated across line ends, keeping compounds and lines.

    >>> join_hyphenated_words("a docu-\\nmentary is shown")
    'a documentary\\nis shown'
    >>> join_hyphenated_words("доку-\\nментальный фильм; русско-\\nказахский")
    'документальный\\nфильм; русско-\\nказахский'
    """
    return STEP.fix(text)


STEP = Step(
    "join_hyphenated_words",
    detect_hyphenated_words,
    "Join words a typesetter hyphenated across a line end (docu-/mentary), keeping "
    "compounds and the line structure.",
    gather=gather_compounds,
    merge=merge_compounds,
)
