"""Language evidence for decisions that must not rest on a single character.

Word lists and letter statistics come from wordfreq (imported lazily, at first
use, and cached in memory: no data file is shipped); Kazakh, which wordfreq
does not cover, has a small hand-written list of common words
(:mod:`cleantext.evidence.kazakh`) and a letter inventory.
"""

from __future__ import annotations

__all__: list[str] = []
