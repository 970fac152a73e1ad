"""Replayable plans: the record of what the pipeline changed, step by step."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .errors import PlanError

__all__ = ["Edit", "Plan", "PlanStep", "apply_plan", "plan_from_json", "plan_to_json"]


@dataclass(frozen=True, slots=True)
class Edit:
    """One replacement made by a step, with its span in that step's input."""

    start: int
    end: int
    original: str
    replacement: str


@dataclass(frozen=True, slots=True)
class PlanStep:
    """The edits one step made to a text of ``input_length`` characters."""

    step: str
    input_length: int
    edits: tuple[Edit, ...]

    def replay(self, text: str) -> str:
        """Apply this step's edits to ``text``.

        On the text the plan was made from, the edits are applied at their
        recorded positions. On any other text, every occurrence of a recorded
        damaged string is replaced by its repair (the longest first), which is
        how a plan learnt on one sample repairs text damaged the same way.
        """
        if self._fits(text):
            parts: list[str] = []
            pos = 0
            for e in self.edits:
                parts.append(text[pos:e.start])
                parts.append(e.replacement)
                pos = e.end
            parts.append(text[pos:])
            return "".join(parts)
        mapping: dict[str, str] = {}
        for e in self.edits:
            if e.original:
                mapping.setdefault(e.original, e.replacement)
        if not mapping:
            return text
        pattern = re.compile(
            "|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True))
        )
        return pattern.sub(lambda m: mapping[m.group(0)], text)

    def _fits(self, text: str) -> bool:
        return len(text) == self.input_length and all(
            text[e.start:e.end] == e.original for e in self.edits
        )


Plan = tuple[PlanStep, ...]
"""A plan: the steps that changed something, in the order they did."""


def apply_plan(text: str, plan: Sequence[PlanStep]) -> str:
    """Replay a plan (from :func:`cleantext.fix_and_explain`) on a text.

    >>> from cleantext import fix_and_explain
    >>> result = fix_and_explain("caf\\u00c3\\u00a9")
    >>> apply_plan("caf\\u00c3\\u00a9", result.plan)
    'café'
    """
    for step in plan:
        if not isinstance(step, PlanStep):
            raise PlanError(f"not a plan step: {step!r}")
        text = step.replay(text)
    return text


def plan_to_json(plan: Sequence[PlanStep]) -> str:
    """Serialise a plan to JSON (see :func:`plan_from_json`)."""
    return json.dumps(
        [
            {
                "step": s.step,
                "input_length": s.input_length,
                "edits": [[e.start, e.end, e.original, e.replacement] for e in s.edits],
            }
            for s in plan
        ],
        ensure_ascii=False,
    )


def plan_from_json(data: str) -> Plan:
    """Read a plan written by :func:`plan_to_json`."""
    try:
        raw = json.loads(data)
        return tuple(
            PlanStep(
                str(s["step"]),
                int(s["input_length"]),
                tuple(Edit(int(a), int(b), str(o), str(r)) for a, b, o, r in s["edits"]),
            )
            for s in raw
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise PlanError(f"malformed plan: {exc}") from exc
