"""The record of one piece of damage: what, where, why and how sure."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Finding"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of damage found by a step.

    ``start``/``end`` index the text the finding is reported against: in the
    results of :func:`cleantext.scan_text` and :func:`cleantext.fix_and_explain`
    that is the caller's input text (spans found in later passes are mapped
    back onto it). ``original`` is the damaged text as the step saw it and
    ``replacement`` what the step proposes; a finding whose replacement equals
    its original is a report only (something suspicious that is left alone).

    A finding is applied when its ``confidence`` reaches the configured
    ``min_confidence`` and it proposes a change.

    >>> f = Finding("mojibake", 0, 2, "Ã©", "é", 0.99, "fix_mojibake",
    ...             "UTF-8 read as windows-1252")
    >>> f.changes
    True
    """

    kind: str
    """Kind of damage, e.g. ``"mojibake"``, ``"html_entity"``."""
    start: int
    """Start of the damaged span (inclusive)."""
    end: int
    """End of the damaged span (exclusive)."""
    original: str
    """The damaged text, as the step saw it."""
    replacement: str
    """The proposed repair (equal to ``original`` for a report-only finding)."""
    confidence: float
    """How sure the step is, from 0 to 1."""
    step: str
    """Name of the step that found it (a verb_object name from the registry)."""
    why: str
    """A human sentence saying why this is damage and why this repair."""

    @property
    def changes(self) -> bool:
        """Whether the finding proposes a change at all."""
        return self.replacement != self.original

    def moved(self, start: int, end: int) -> Finding:
        """Return the same finding with another span."""
        return Finding(
            self.kind, start, end, self.original, self.replacement,
            self.confidence, self.step, self.why,
        )

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dictionary of the finding."""
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "original": self.original,
            "replacement": self.replacement,
            "confidence": round(self.confidence, 4),
            "step": self.step,
            "why": self.why,
        }
