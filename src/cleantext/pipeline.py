"""The pipeline: run the enabled steps, pass after pass, until nothing changes."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from .config import Config
from .finding import Finding
from .plan import Edit, Plan, PlanStep
from .step import apply_findings, select_findings

__all__ = ["Result", "run_pipeline"]


@dataclass(frozen=True)
class Result:
    """What a repair did: the text, the findings and a replayable plan.

    ``findings`` holds every finding, applied or reported only, with spans in
    the input text; ``applied`` the ones that changed the text.
    """

    text: str
    """The repaired text."""
    findings: tuple[Finding, ...]
    """Every finding, with spans in the input text."""
    applied: tuple[Finding, ...]
    """The findings that were applied, with spans in the input text."""
    plan: Plan
    """The replayable plan (see :func:`cleantext.apply_plan`)."""
    encoding: str | None = None
    """For :func:`cleantext.fix_bytes`: the encoding the bytes were decoded with
    (``"mixed"`` when lines needed different encodings)."""
    encodings: tuple[str, ...] = field(default_factory=tuple)
    """For :func:`cleantext.fix_bytes`: every encoding used, most used first."""

    @property
    def changed(self) -> bool:
        """Whether the repair changed anything."""
        return bool(self.plan)

    @property
    def steps(self) -> tuple[str, ...]:
        """The names of the steps that changed the text, in order."""
        return tuple(s.step for s in self.plan)

    def explain(self) -> str:
        """A readable account of every finding, one per line."""
        if not self.findings:
            return "no damage found"
        lines = []
        for f in self.findings:
            mark = "fixed" if f in self.applied else "left "
            lines.append(
                f"{mark} {f.start}-{f.end} {f.kind} ({f.confidence:.2f}, {f.step}): "
                f"{f.original!r} -> {f.replacement!r}: {f.why}"
            )
        return "\n".join(lines)


class _EditMap:
    """Maps positions in a step's output back to positions in its input."""

    def __init__(self, edits: Sequence[Finding]) -> None:
        self.old_starts: list[int] = []
        self.old_ends: list[int] = []
        self.new_starts: list[int] = []
        self.new_ends: list[int] = []
        delta = 0
        for f in edits:
            self.old_starts.append(f.start)
            self.old_ends.append(f.end)
            self.new_starts.append(f.start + delta)
            self.new_ends.append(f.start + delta + len(f.replacement))
            delta += len(f.replacement) - (f.end - f.start)

    def start(self, p: int) -> int:
        i = bisect_right(self.new_starts, p) - 1
        if i < 0:
            return p
        if p < self.new_ends[i]:
            return self.old_starts[i]
        return self.old_ends[i] + (p - self.new_ends[i])

    def end(self, p: int) -> int:
        i = bisect_left(self.new_starts, p) - 1
        if i < 0:
            return p
        if p <= self.new_ends[i]:
            return self.old_ends[i]
        return self.old_ends[i] + (p - self.new_ends[i])


def _map_back(f: Finding, maps: Sequence[_EditMap]) -> Finding:
    start, end = f.start, f.end
    for m in reversed(maps):
        start, end = m.start(start), m.end(end)
    if end < start:
        end = start
    return f if (start, end) == (f.start, f.end) else f.moved(start, end)


def run_pipeline(text: str, config: Config | None = None) -> Result:
    """Run the steps ``config`` enables on ``text`` until it stops changing.

    A step that needs document-level evidence (``Step.gather``) and finds none
    in ``config.evidence`` decides with the evidence of the text as it is when
    the step first runs, in every pass: so a document repaired in chunks with
    evidence gathered the same way (see :func:`cleantext.stream.gather_evidence`)
    gets the same result. (On its first run the detector gathers it itself;
    only a later run costs a ``gather``, on the text of the first run.)

    Later runs keep that first evidence on purpose, on the step's own output
    too: a document whose clear cases are three layers of windows-1253 still
    vouches for the last layer of a short word that the first run peeled
    only twice. Deciding the step's own output with the evidence of that
    output instead loses those repairs (3-layer round trips in
    ``tests/test_mojibake.py`` fall from 31/32 to 25/32).

    A step is not run again on text it has already seen unchanged: its
    detector is deterministic, so it would find the same again.
    """
    config = config or Config()
    steps = config.steps()
    maps: list[_EditMap] = []
    findings: list[Finding] = []
    applied: list[Finding] = []
    seen: set[tuple[str, int, int, str, str]] = set()
    plan: list[PlanStep] = []
    version = 0  # bumped whenever the text changes
    ran_on = [-1] * len(steps)  # the version each step last ran on
    first_text: dict[int, str] = {}  # what each evidence step first ran on
    for _ in range(config.max_passes):
        changed = False
        for i, step in enumerate(steps):
            if ran_on[i] == version:
                continue
            ran_on[i] = version
            if step.gather is not None and step.name not in config.evidence:
                if i in first_text:  # a later run: keep the first run's evidence
                    evidence = dict(config.evidence)
                    evidence[step.name] = step.gather(first_text[i])
                    config = config.with_changes(evidence=evidence)
                else:
                    first_text[i] = text
            found = step.detect(text, config)
            if not found:
                continue
            chosen = select_findings(found, config.min_confidence)
            chosen_ids = {id(f) for f in chosen}
            for f in found:
                mapped = _map_back(f, maps)
                key = (f.step, mapped.start, mapped.end, f.original, f.replacement)
                if id(f) in chosen_ids:
                    applied.append(mapped)
                    findings.append(mapped)
                elif key not in seen:
                    findings.append(mapped)
                seen.add(key)
            if not chosen:
                continue
            new_text = apply_findings(text, chosen)
            if new_text == text:
                continue
            plan.append(
                PlanStep(
                    step.name,
                    len(text),
                    tuple(Edit(f.start, f.end, f.original, f.replacement) for f in chosen),
                )
            )
            maps.append(_EditMap(chosen))
            text = new_text
            version += 1
            changed = True
        if not changed:
            break
    return Result(text, tuple(findings), tuple(applied), tuple(plan))
