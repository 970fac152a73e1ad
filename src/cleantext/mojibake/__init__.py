"""UTF-8 mojibake: code page tables, the plausibility model and the search.

The step that uses them is :mod:`cleantext.steps.mojibake`.
"""

from .codepages import CODEPAGES, CodePage, table
from .detect import (
    Candidate,
    Decision,
    analyse,
    candidates,
    decide,
    dominant_codepage,
    evidence_of,
    merge_evidence,
)
from .score import char_info, cost

__all__ = [
    "CODEPAGES", "Candidate", "analyse", "CodePage", "Decision", "candidates", "char_info", "cost",
    "decide", "dominant_codepage", "evidence_of", "merge_evidence", "table",
]
