"""Hard-wrapped lines of a PDF column, rejoined into paragraphs (profile ``reflow``).

Text extracted from a PDF keeps the column's line breaks (often with a
trailing space on each line). ``reflow_paragraphs`` joins a line to the next
when the break falls inside a sentence:

- the next line starts with a lower-case letter (or a dash and a lower-case
  word: ``– a feature film``), or
- the line ends with a word that cannot end a sentence (``of``, ``and``,
  ``the``, ``в``, ``и``...) and the next line starts a word, or
- the line fills the column (at least 70% of the longest of the three lines
  before and after it in its paragraph, and of the document's median line
  width) and does not end a sentence or a label (``.!?…:;`` and closing
  quotes) while the next line starts a word.

A paragraph (a block between blank lines) is judged on its own lines and the
document's line widths (gathered with ``Step.gather``), so a document
repaired in chunks cut at blank lines is reflowed as the whole.

Everything else keeps its line: a break before a more indented line, a
break after a sentence end, short lines
(headings, verse, the last line of a paragraph) before a capital, list items
(``-``, ``*``, ``•``, ``1.``, ``a)``), lines after which a symbol or marker
starts, and whole blocks that look like tables (tabs, runs of three spaces),
code (mostly indented, braces) or verse (three or more lines, three in four
of them starting with a capital). Blank lines stay. Trailing spaces of the
lines of prose blocks are removed. Non-space characters are never removed,
added or reordered; a line that ends with a hyphen is joined without a space
(``Russian-Kazakh``).
"""

from __future__ import annotations

import re

from ..config import Config
from ..finding import Finding
from ..step import Step, add_counts, evidence_of

__all__ = [
    "STEP",
    "detect_hard_wraps",
    "gather_line_widths",
    "merge_line_widths",
    "reflow_paragraphs",
    "typical_width",
]

_STEP = "reflow_paragraphs"
_SENTENCE_END = re.compile(r"[.!?…:;][\"'’”»)\]]*$")
_LIST_ITEM = re.compile(
    r"^(?:[-*•·▪‣◦]\s|\d{1,3}[.)]\s|[A-Za-zА-Яа-я][.)]\s|[–—]\s+[^\w\s]|[–—]\s+[A-ZА-ЯЁ])"
)
_DASH_LOWER = re.compile(r"^[–—-]\s+[a-zа-яё]")
_TABLE = re.compile(r"\t|\S {3,}\S")
_LONG = 0.7
_WINDOW = 3
# Words that cannot end a sentence: a line ending with one continues.
_FUNCTION_WORDS_TEXT = (
    "a an the and or but nor of to in on at by for with from into onto as than that "
    "whose which who whom if because while when where about over under between "
    "и или но а в во на с со по к ко о об от из за для до без при про что как чтобы"
)
_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())
_LAST_WORD = re.compile(r"(\w+)$")


def _width(lines: list[str], k: int, i: int, j: int, floor: int) -> int:
    """The column width around line ``k`` of the block ``lines[i:j]``: the
    longest of its neighbours in the block, and at least ``floor`` (the
    document's typical line width, see :func:`gather_line_widths`).

    The window stays inside the block, so that a paragraph is judged on its
    own and the document's widths: a paragraph repaired alone (in a chunk)
    is repaired as in the whole document.
    """
    lo, hi = max(i, k - _WINDOW), min(j, k + _WINDOW + 1)
    return max(floor, max((len(line.rstrip()) for line in lines[lo:hi]), default=0))


def gather_line_widths(text: str) -> dict[int, int]:
    """Document evidence: how many non-blank lines there are of each width
    (without trailing spaces). Additive: the widths of a document are the sum
    of the widths of its paragraphs.

    >>> gather_line_widths("ab \\n\\ncd\\nefg\\n")
    {2: 2, 3: 1}
    """
    widths: dict[int, int] = {}
    for line in text.split("\n"):
        body = line.rstrip()
        if body:
            widths[len(body)] = widths.get(len(body), 0) + 1
    return widths


def merge_line_widths(a: dict[int, int], b: dict[int, int]) -> dict[int, int]:
    """Add up the line widths of two pieces of a document."""
    return add_counts(a, b)


def typical_width(widths: dict[int, int]) -> int:
    """The median width of the document's non-blank lines: a block whose
    lines are all shorter (a heading over a short line, a short paragraph)
    is not taken for a narrow column of its own.

    >>> typical_width({10: 1, 40: 3})
    40
    """
    total = sum(widths.values())
    seen = 0
    for width in sorted(widths):
        seen += widths[width]
        if 2 * seen >= total:
            return width
    return 0


def _ends_with_function_word(body: str) -> bool:
    m = _LAST_WORD.search(body)
    return m is not None and m.group(1) in _FUNCTION_WORDS


def _is_code_or_table(block: list[str]) -> bool:
    """Whether a block is a table, code, or verse (lines that keep their breaks)."""
    if any(_TABLE.search(line.strip()) for line in block):
        return True
    capitals = sum(1 for line in block[1:] if line.lstrip()[:1].isupper())
    if len(block) >= 3 and capitals >= 0.75 * (len(block) - 1):
        return True  # verse, or a list of names or titles: every line starts anew
    indented = sum(1 for line in block if line.startswith(("    ", "\t")))
    braces = sum(1 for line in block if line.rstrip().endswith(("{", "}", ");")))
    return len(block) > 1 and (indented * 2 > len(block) or braces * 3 > len(block))


def _joins(line: str, nxt: str, width: int) -> bool:
    """Whether the break between ``line`` and ``nxt`` falls inside a sentence."""
    body, start = line.rstrip(), nxt.lstrip()
    if not body or not start:
        return False
    if len(nxt) - len(start) >= len(line) - len(line.lstrip()) + 2:
        return False  # the next line is indented: structure, not a wrap
    if _ends_with_function_word(body) and (start[0].isalnum() or start[0] in "\"'‘“«("):
        return True
    if _LIST_ITEM.match(start):
        return False
    if start[0].islower() or _DASH_LOWER.match(start):
        return not _SENTENCE_END.search(body) or start[0].islower()
    if not (start[0].isalnum() or start[0] in "\"'‘“«("):
        return False
    return len(body) >= _LONG * width and not _SENTENCE_END.search(body)


def detect_hard_wraps(text: str, config: Config | None = None) -> list[Finding]:
    """Find line breaks inside sentences and trailing spaces of prose lines.

    >>> t = "the shooting started, I had just \\nfinished my studies. \\nNow."
    >>> [(f.original, f.replacement) for f in detect_hard_wraps(t)]
    [(' \\n', ' '), (' ', '')]
    """
    if "\n" not in text and text.rstrip() == text:
        return []  # one line without trailing spaces: nothing to do
    widths = evidence_of(config, _STEP)
    floor = typical_width(widths if widths is not None else gather_line_widths(text))
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    out: list[Finding] = []
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].strip():
            j += 1
        block = lines[i:j]
        if not _is_code_or_table(block):
            out.extend(_block_findings(lines, starts, i, j, floor))
        i = j
    return out


def _block_findings(
    lines: list[str], starts: list[int], i: int, j: int, floor: int
) -> list[Finding]:
    out: list[Finding] = []
    for k in range(i, j):
        line = lines[k]
        body = line.rstrip()
        cut = starts[k] + len(body)
        if k + 1 < j and _joins(line, lines[k + 1], _width(lines, k, i, j, floor)):
            nxt = lines[k + 1]
            lead = len(nxt) - len(nxt.lstrip())
            end = starts[k + 1] + lead
            glue = "" if body.endswith("-") and not body.endswith(" -") else " "
            out.append(Finding(
                "hard_wrap", cut, end, f"{line[len(body):]}\n{nxt[:lead]}", glue, 0.9, _STEP,
                "a line break inside a sentence: the line is a hard wrap of a PDF column",
            ))
        elif len(body) < len(line) and (k + 1 < len(lines) or body):
            out.append(Finding(
                "hard_wrap", cut, starts[k] + len(line), line[len(body):], "", 0.9, _STEP,
                "trailing spaces of a hard-wrapped line",
            ))
    return out


def reflow_paragraphs(text: str) -> str:
    """Join hard-wrapped lines into paragraphs; keep lists, headings, verse, tables, code.

    >>> reflow_paragraphs("It was a long \\nstory, which \\nended.\\n\\n- one\\n- two")
    'It was a long story, which ended.\\n\\n- one\\n- two'
    """
    return STEP.fix(text)


STEP = Step(
    _STEP,
    detect_hard_wraps,
    "Join hard-wrapped lines of PDF columns into paragraphs (profile 'reflow').",
    gather=gather_line_widths,
    merge=merge_line_widths,
)
