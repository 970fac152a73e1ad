"""The pipeline: run the enabled steps, pass after pass, until nothing changes."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from .config import Config
from .finding import Finding
from .plan import Edit, Plan, PlanStep
from .step import Deferred, Step, apply_findings, select_findings

__all__ = ["Result", "run_pipeline"]

# Steps whose detect on a paragraph may differ from their detect on the whole
# document with the same evidence: they run on the whole text in every pass.
# (The others are "chunk-stable": tests/test_stream.py shows that repairing a
# document in chunks cut at paragraph breaks gives the same text, and
# tests/test_pipeline.py that a later pass over the changed paragraphs only
# gives the same text, findings and plan as a pass over the whole text.)
# (unescape_html, join_hyphenated_words and remove_zero_width decide with the
# whole document through gather/merge: the markup flag, the compounds the
# document writes, its spaceless scripts; see WHOLE_DOCUMENT_EVIDENCE in
# tests/test_stream.py)
_WHOLE_TEXT_STEPS = frozenset({
    # Kazakh letters anywhere in the text change which look-alikes wait
    "fix_homoglyphs",
    # Kazakh text or a palochka anywhere changes the decisions
    "fix_kazakh_letters",
})

# A paragraph break, as ``cleantext.stream._PARAGRAPH_CUT`` finds them (the
# cut is the end of group 1, after the break's last line break): a run of
# white space holding two or more line breaks, followed by a visible
# character that is not U+FEFF. The whole match (the run and that character)
# is what decides whether the cut is there.
_PARAGRAPH_BREAK = re.compile(r"[^\S\n]*(\n(?:[^\S\n]*\n)+)[^\S\n]*[^\s\ufeff]")

# Edits closer than this are tracked as one changed region.
_MERGE_GAP = 256
# Past this many changed regions a step runs on the whole text again.
_MAX_REGIONS = 1024


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

    def forward(self, start: int, end: int) -> tuple[int, int]:
        """The span that ``start``..``end`` of the input became in the output
        (grown to cover any edit it touches)."""
        i = bisect_right(self.old_starts, start) - 1
        if i >= 0 and start <= self.old_ends[i]:
            new_start = self.new_starts[i]
        elif i >= 0:
            new_start = self.new_ends[i] + (start - self.old_ends[i])
        else:
            new_start = start
        j = bisect_left(self.old_starts, end + 1) - 1
        if j >= 0 and end <= self.old_ends[j]:
            new_end = self.new_ends[j]
        elif j >= 0:
            new_end = self.new_ends[j] + (end - self.old_ends[j])
        else:
            new_end = end
        return new_start, max(new_start, new_end)

    def changed(self) -> list[tuple[int, int]]:
        """The spans of the output that the edits wrote, merged."""
        return _merge(list(zip(self.new_starts, self.new_ends, strict=True)))

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


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted closed spans, merged where they touch or lie close together."""
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1] + _MERGE_GAP:
            if b > merged[-1][1]:
                merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


class _Breaks:
    """The paragraph breaks of one text: where each decides (``lo``..``hi``)
    and where it cuts."""

    def __init__(self, text: str) -> None:
        self.lo: list[int] = []
        self.cut: list[int] = []
        self.hi: list[int] = []
        for m in _PARAGRAPH_BREAK.finditer(text):
            self.lo.append(m.start())
            self.cut.append(m.end(1))
            self.hi.append(m.end())


def _touches(spans: list[tuple[int, int]], starts: list[int], lo: int, hi: int) -> bool:
    """Whether a closed span of ``spans`` (sorted, apart) meets ``lo``..``hi``."""
    i = bisect_right(starts, hi) - 1
    return i >= 0 and spans[i][1] >= lo


def _regions(
    spans: list[tuple[int, int]], breaks: _Breaks, size: int
) -> list[tuple[int, int]]:
    """The paragraphs (runs of them, as ``start, end``) that hold a changed
    span, cut only at paragraph breaks that no change came near: such a break
    was there, and cut the same way, in the text before the changes."""
    starts = [a for a, _ in spans]
    cuts = breaks.cut
    regions: list[tuple[int, int]] = []

    def stable(k: int) -> bool:
        return not _touches(spans, starts, breaks.lo[k] - 1, breaks.hi[k] + 1)

    for a, b in spans:
        if regions and b < regions[-1][1]:
            continue  # within the region before
        k = bisect_left(cuts, a) - 1  # the last cut before a
        while k >= 0 and not stable(k):
            k -= 1
        lo = cuts[k] if k >= 0 else 0
        k = bisect_right(cuts, b)  # the first cut after b
        while k < len(cuts) and not stable(k):
            k += 1
        hi = cuts[k] if k < len(cuts) else size
        if regions and lo <= regions[-1][1]:
            regions[-1] = (regions[-1][0], hi)
        else:
            regions.append((lo, hi))
    return regions


def _detect_in(
    step: Step, text: str, config: Config, regions: list[tuple[int, int]]
) -> list[Finding]:
    """What ``step`` finds in ``regions`` of ``text``, each detected on its
    own, with spans in ``text``."""
    found: list[Finding] = []
    for lo, hi in regions:
        for f in step.detect(text[lo:hi], config):
            found.append(f.moved(f.start + lo, f.end + lo) if lo else f)
    return found


def run_pipeline(text: str, config: Config | None = None) -> Result:
    """Run the steps ``config`` enables on ``text`` until it stops changing.

    A step that needs document-level evidence (``Step.gather``) and finds none
    in ``config.evidence`` decides with the evidence of the text as it is when
    the step first runs, in every pass: so a document repaired in chunks with
    evidence gathered the same way (see :func:`cleantext.stream.gather_evidence`)
    gets the same result. (On its first run the detector gathers it itself;
    a later run gets it :class:`~cleantext.step.Deferred`, gathered from the
    text of the first run only if the detector asks for it.)

    Later runs keep that first evidence on purpose, on the step's own output
    too: a document whose clear cases are three layers of windows-1253 still
    vouches for the last layer of a short word that the first run peeled
    only twice. Deciding the step's own output with the evidence of that
    output instead loses those repairs (3-layer round trips in
    ``tests/test_mojibake.py`` fall from 31/32 to 25/32).

    A step is not run again on text it has already seen unchanged: its
    detector is deterministic, so it would find the same again. For the
    same reason a later run of a chunk-stable step (all but
    ``_WHOLE_TEXT_STEPS``) looks only at the paragraphs that changed since
    its last run: on the others it would find what it found then, which it
    did not apply (or they would have changed) and which is already reported.
    """
    return _run(text, config or Config(), incremental=True)


def _run(
    text: str, config: Config, *, incremental: bool, whole_above: float = 0.5
) -> Result:
    """:func:`run_pipeline`; with ``incremental`` false, every run of a step
    looks at the whole text (the plain fixed point, kept to test against).
    A later run looks at the whole text too when the changed paragraphs hold
    more than ``whole_above`` of it."""
    steps = config.steps()
    maps: list[_EditMap] = []
    findings: list[Finding] = []
    applied: list[Finding] = []
    seen: set[tuple[str, int, int, str, str]] = set()
    plan: list[PlanStep] = []
    version = 0  # bumped whenever the text changes
    ran_on = [-1] * len(steps)  # the version each step last ran on
    first_text: dict[int, str] = {}  # what each evidence step first ran on
    deferred: dict[int, Deferred] = {}  # the evidence of that text
    # per step, the spans of the text changed since its last run (merged,
    # closed); None: look at the whole text
    dirty: list[list[tuple[int, int]] | None] = [None] * len(steps)
    breaks: _Breaks | None = None  # the paragraph breaks of this version
    for _ in range(config.max_passes):
        changed = False
        for i, step in enumerate(steps):
            if ran_on[i] == version:
                continue
            ran_on[i] = version
            if step.gather is not None and step.name not in config.evidence:
                if i in first_text:  # a later run: keep the first run's evidence
                    evidence = dict(config.evidence)
                    if i not in deferred:  # gathered once, if ever
                        deferred[i] = Deferred(step.gather, first_text[i])
                    evidence[step.name] = deferred[i]
                    config = config.with_changes(evidence=evidence)
                else:
                    first_text[i] = text
            spans = dirty[i]
            if incremental and step.name not in _WHOLE_TEXT_STEPS:
                dirty[i] = []
            regions = None
            if spans is not None:
                if breaks is None:
                    breaks = _Breaks(text)
                regions = _regions(spans, breaks, len(text))
                if sum(b - a for a, b in regions) > whole_above * len(text):
                    regions = None
            found = step.detect(text, config) if regions is None else _detect_in(
                step, text, config, regions
            )
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
                # not applied after all: a later run must find them again
                again = dirty[i]
                if again is not None:
                    dirty[i] = _merge(again + [(f.start, f.end) for f in chosen])
                continue
            plan.append(
                PlanStep(
                    step.name,
                    len(text),
                    tuple(Edit(f.start, f.end, f.original, f.replacement) for f in chosen),
                )
            )
            edit_map = _EditMap(chosen)
            maps.append(edit_map)
            edited = edit_map.changed()
            for j, old in enumerate(dirty):
                if old is None:
                    continue
                moved = [edit_map.forward(a, b) for a, b in old]
                merged = _merge(moved + edited)
                dirty[j] = merged if len(merged) <= _MAX_REGIONS else None
            breaks = None
            text = new_text
            version += 1
            changed = True
        if not changed:
            break
    return Result(text, tuple(findings), tuple(applied), tuple(plan))
