"""Zero-width characters that hide inside words: zero-width space, word
joiner, U+FEFF inside the text, and stray joiners/non-joiners."""

from __future__ import annotations

import re

from ..config import Config
from ..finding import Finding
from ..step import Step, evidence_of

__all__ = [
    "STEP",
    "ZeroWidthEvidence",
    "detect_zero_width",
    "gather_zero_width",
    "merge_zero_width",
    "remove_zero_width",
]

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]+")

_ZERO_WIDTH_CHARS = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
_ZWNJ, _ZWJ, _ZWSP = "\u200c", "\u200d", "\u200b"

# Scripts whose spelling uses ZWJ/ZWNJ: Hebrew, Arabic (Persian, Urdu...),
# Syriac, Thaana, N'Ko, Samaritan, Mandaic; the Indic scripts (Devanagari
# to Sinhala); Thai, Lao, Tibetan, Myanmar; Khmer, Mongolian, Limbu, Tai
# scripts, Buginese, Balinese, Sundanese, Batak; Syloti Nagri to Javanese,
# Cham; Arabic presentation forms; historic Brahmic scripts (U+10A00-U+11FFF).
_JOINING_SCRIPT = re.compile(
    "[\u0590-\u08ff\u0900-\u0dff\u0e00-\u0fff\u1000-\u109f\u1780-\u18af"
    "\u1900-\u1aff\u1b00-\u1bff\ua800-\ua8ff\ua980-\uaa7f\ufb1d-\ufdff\ufe70-\ufefc"
    "\U00010a00-\U00011fff]"
)
# Scripts written without spaces, where U+200B marks word boundaries.
_SPACELESS_SCRIPT = re.compile("[\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff]")
_SPACELESS = "\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff"
# A zero-width space next to a letter of such a script (literal first: fast).
_SPACELESS_ZWSP = re.compile(f"\u200b(?:(?<=[{_SPACELESS}]\u200b)|(?=[{_SPACELESS}]))")
# A joiner next to a letter of a script that spells with joiners.
_SCRIPT_JOINER = re.compile(
    "[\u200c\u200d](?:(?<=" + _JOINING_SCRIPT.pattern + "[\u200c\u200d])|(?="
    + _JOINING_SCRIPT.pattern + "))"
)
# Characters that may stand on either side of a ZWJ in an emoji sequence:
# pictographs (Extended_Pictographic, generously), the emoji presentation
# selector, skin-tone modifiers, tag characters.
_EMOJI_LEFT = re.compile(
    "[\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21aa\u231a-\u23ff\u24c2\u25aa-\u25fe"
    "\u2600-\u27bf\u2934\u2935\u2b05-\u2b55\u3030\u303d\u3297\u3299\ufe0f"
    "\U0001f000-\U0001faff\U0001fc00-\U0001fffd\U000e0020-\U000e007f]"
)
_EMOJI_RIGHT = re.compile(
    "[\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21aa\u231a-\u23ff\u24c2\u25aa-\u25fe"
    "\u2600-\u27bf\u2934\u2935\u2b05-\u2b55\u3030\u303d\u3297\u3299"
    "\U0001f000-\U0001faff\U0001fc00-\U0001fffd]"
)

_NAMES = {
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    "\ufeff": "zero-width no-break space (U+FEFF) inside the text",
}


def _kept(char: str, before: str, after: str) -> bool:
    """Whether a zero-width character between ``before`` and ``after`` does a job."""
    if char == _ZWJ and _EMOJI_LEFT.match(before) and _EMOJI_RIGHT.match(after):
        return True
    if char in (_ZWJ, _ZWNJ):
        return bool(_JOINING_SCRIPT.match(before) or _JOINING_SCRIPT.match(after))
    if char == _ZWSP:
        # one side is enough: Khmer and Myanmar typists (and their keyboards)
        # put it next to spaces, brackets and line ends too
        return bool(_SPACELESS_SCRIPT.match(before) or _SPACELESS_SCRIPT.match(after))
    return False


ZeroWidthEvidence = tuple[bool, bool]
"""What a document says of its zero-width characters: whether it marks word
boundaries with U+200B next to a letter of a spaceless script (Thai, Lao,
Tibetan, Myanmar, Khmer), and whether it spells with joiners (ZWJ/ZWNJ next
to a letter of a script that uses them)."""


def gather_zero_width(text: str) -> ZeroWidthEvidence:
    """The document-level evidence of :func:`detect_zero_width` in a piece of
    a document (see :data:`ZeroWidthEvidence`); one piece that shows either
    convention shows it for the whole document (see :func:`merge_zero_width`).

    >>> gather_zero_width("\u0e20\u0e32\u200b\u0e44"), gather_zero_width("he\u200bllo")
    ((True, False), (False, False))
    """
    boundary_marks = _ZWSP in text and _SPACELESS_ZWSP.search(text) is not None
    script_joiners = (_ZWJ in text or _ZWNJ in text) and _SCRIPT_JOINER.search(
        text
    ) is not None
    return boundary_marks, script_joiners


def merge_zero_width(a: ZeroWidthEvidence, b: ZeroWidthEvidence) -> ZeroWidthEvidence:
    """Fold the evidence of two pieces: a convention either shows holds.

    >>> merge_zero_width((True, False), (False, True))
    (True, True)
    """
    return a[0] or b[0], a[1] or b[1]


def detect_zero_width(text: str, config: Config | None = None) -> list[Finding]:
    """Find zero-width characters that do no job, one finding per run.

    Removed: U+200B zero-width space, U+2060 word joiner and U+FEFF anywhere
    but at the very start (a byte-order mark there is ``remove_bom``'s), and
    U+200C/U+200D that stand between letters of scripts that do not use them.

    Kept (not even reported): a ZWJ between emoji (👩‍💻, 🏳️‍🌈); ZWJ and ZWNJ
    next to a letter of a script that spells with them (Persian ``می‌خواهم``,
    Arabic, Hebrew, the Indic scripts, Sinhala, Khmer, Myanmar, ...); a
    zero-width space between letters of Thai, Lao, Tibetan, Myanmar or Khmer,
    which are written without spaces and use it to mark word boundaries (one
    such letter on either side is enough, and so are doubled marks).
    Whether the document marks word boundaries or spells with joiners at all
    is taken from ``config.evidence["remove_zero_width"]`` when given (the
    whole document's, see :func:`gather_zero_width`), else from ``text``.

    >>> [(f.start, f.end) for f in detect_zero_width("he\\u200bllo")]
    [(2, 3)]
    >>> detect_zero_width("👩\\u200d💻"), detect_zero_width("می\\u200cخواهم")
    ([], [])
    """
    if text.isascii() or not any(c in text for c in _ZERO_WIDTH_CHARS):
        return []
    findings: list[Finding] = []
    # A text that marks word boundaries with U+200B (Khmer, Thai...) or
    # spells with joiners (Persian, the Indic scripts) does so next to
    # spaces, quotes and Latin words too: there they are its convention.
    given = evidence_of(config, STEP.name)
    evidence: ZeroWidthEvidence = gather_zero_width(text) if given is None else given
    boundary_marks, script_joiners = evidence
    for m in _ZERO_WIDTH.finditer(text):
        start, end = m.start(), m.end()
        if start == 0 and text[0] == "\ufeff":
            start += 1  # a byte-order mark: remove_bom's business
        before = text[start - 1] if start > 0 else ""
        after = text[end] if end < len(text) else ""
        run = text[start:end]
        if len(run) == 1 and _kept(run, before, after):
            continue
        if set(run) == {_ZWSP} and (boundary_marks or _kept(_ZWSP, before, after)):
            continue  # word-boundary marks (doubled too) in Khmer text, as typed
        if set(run) <= {_ZWJ, _ZWNJ} and (script_joiners or _JOINING_SCRIPT.match(before)
                                          or _JOINING_SCRIPT.match(after)):
            continue  # joiners of a script that spells with them, as typed
        if not run:
            continue
        kinds = ", ".join(sorted({_NAMES[c] for c in run}))
        if len(run) > 1 and any(_kept(c, before, after) for c in run):
            # a run mixing a joiner that does a job with junk: keep the joiner
            keep = next(c for c in run if _kept(c, before, after))
            findings.append(
                Finding(
                    "zero_width", start, end, run, keep, 0.8, "remove_zero_width",
                    f"a run of invisible characters ({kinds}) where only one "
                    f"{_NAMES[keep]} does a job",
                )
            )
            continue
        confident = 0.7 if set(run) <= {_ZWJ, _ZWNJ} else 0.9
        findings.append(
            Finding(
                "zero_width", start, end, run, "", confident, "remove_zero_width",
                f"an invisible {kinds} between characters that do not use it "
                f"splits words for search and tokenising",
            )
        )
    return findings


def remove_zero_width(text: str) -> str:
    """Remove zero-width characters that do no job; keep emoji and script joiners.

    >>> remove_zero_width("zero\\u200bwidth\\u2060 and 👩\\u200d💻")
    'zerowidth and 👩\\u200d💻'
    """
    return STEP.fix(text)


STEP = Step(
    "remove_zero_width",
    detect_zero_width,
    "Remove zero-width spaces, word joiners and stray (non-)joiners; keep emoji "
    "and script joiners.",
    gather=gather_zero_width,
    merge=merge_zero_width,
)
