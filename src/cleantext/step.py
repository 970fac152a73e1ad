"""What a step is, and how findings are applied to text."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from .finding import Finding

if TYPE_CHECKING:
    from .config import Config

__all__ = [
    "Deferred", "Detector", "Step", "add_counts", "apply_findings", "evidence_of",
    "select_findings",
]

Detector = Callable[[str, "Config"], list[Finding]]
"""A detector reads text (and the configuration) and returns findings whose
spans index that text. It never changes anything itself."""


@dataclass(frozen=True, slots=True)
class Step:
    """A named, toggleable step of the pipeline.

    ``name`` is a verb_object name (``fix_mojibake``); it is also the name used
    in profiles, in ``--enable``/``--disable`` and in replayable plans.
    """

    name: str
    """The step's name, as used in profiles and plans."""
    detect: Detector
    """Finds the damage this step repairs (or reports)."""
    summary: str
    """One line saying what the step does, for documentation and ``--help``."""
    gather: Callable[[str], Any] | None = None
    """For steps that decide with document-level evidence: collect that
    evidence from a piece of the document. Streaming and parallel repair call
    it on every chunk, fold the results with ``merge``, and hand the total to
    ``detect`` through ``config.evidence[step.name]``, so that a document
    repaired in chunks gets the same result as when repaired whole. ``detect``
    reads it with :func:`evidence_of` (the pipeline may hand it over
    :class:`Deferred`) and must fall back to ``gather(text)`` when there is
    none."""
    merge: Callable[[Any, Any], Any] | None = None
    """Folds two pieces of evidence from ``gather`` into one."""

    def fix(self, text: str, config: Config | None = None) -> str:
        """Run this step alone on ``text``: apply the findings the pipeline
        would apply (see :func:`select_findings`), once.

        >>> from cleantext.registry import step_named
        >>> step_named("remove_bom").fix("\\ufeffHello")
        'Hello'
        """
        from .config import Config

        config = config or Config()
        found = select_findings(self.detect(text, config), config.min_confidence)
        return apply_findings(text, found)


def select_findings(findings: Iterable[Finding], min_confidence: float) -> list[Finding]:
    """Keep the findings that are to be applied, sorted, without overlaps.

    A finding is applied when it proposes a change and its confidence reaches
    ``min_confidence``. When two such findings overlap, the earlier (and, at
    the same start, the longer) one wins.
    """
    chosen: list[Finding] = []
    last_end = -1
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if not f.changes or f.confidence < min_confidence:
            continue
        if f.start < last_end:
            continue
        chosen.append(f)
        last_end = max(f.end, f.start + (1 if f.start == f.end else 0))
    return chosen


def apply_findings(text: str, findings: Sequence[Finding]) -> str:
    """Replace each finding's span by its replacement.

    ``findings`` must be sorted and must not overlap (see
    :func:`select_findings`).

    >>> apply_findings("a&amp;b", [Finding("html_entity", 1, 6, "&amp;", "&", 1.0,
    ...                "unescape_html", "entity")])
    'a&b'
    """
    if not findings:
        return text
    parts: list[str] = []
    pos = 0
    for f in findings:
        parts.append(text[pos:f.start])
        parts.append(f.replacement)
        pos = f.end
    parts.append(text[pos:])
    return "".join(parts)


T = TypeVar("T")


class Deferred:
    """Evidence not gathered yet: ``gather(text)``, gathered on first use.

    The pipeline hands a later run of a step the evidence of the text the
    step first ran on this way, so that a run which finds nothing to judge
    does not pay for gathering it. :func:`evidence_of` resolves it.

    >>> d = Deferred(len, "abc")
    >>> d.value(), d.value()
    (3, 3)
    """

    __slots__ = ("_facts", "_gather", "_value", "text")

    def __init__(self, gather: Callable[[str], Any], text: str) -> None:
        self._gather: Callable[[str], Any] | None = gather
        self._value: Any = None
        self._facts: dict[Callable[[str], Any], Any] = {}
        self.text = text
        """The text the evidence is to be gathered from."""

    def fact(self, read: Callable[[str], T]) -> T:
        """``read(text)``, computed on the first call for each ``read`` only:
        a cheaper fact about the text that may make the evidence unneeded.

        >>> Deferred(len, "abc").fact(str.isupper)
        False
        """
        if read not in self._facts:
            self._facts[read] = read(self.text)
        result: T = self._facts[read]
        return result

    def value(self) -> Any:
        """The evidence, gathered on the first call only."""
        if self._gather is not None:
            self._value = self._gather(self.text)
            self._gather = None
        return self._value


def evidence_of(config: Config | None, name: str) -> Any:
    """The document-level evidence ``config`` holds for the step ``name``
    (``None`` when it holds none), gathering it first if it is
    :class:`Deferred`.

    >>> from cleantext.config import Config
    >>> evidence_of(Config(evidence={"s": Deferred(len, "ab")}), "s")
    2
    >>> evidence_of(None, "s") is None
    True
    """
    if config is None:
        return None
    given = config.evidence.get(name)
    return given.value() if isinstance(given, Deferred) else given


K = TypeVar("K")
N = TypeVar("N", int, float)


def add_counts(a: Mapping[K, N], b: Mapping[K, N]) -> dict[K, N]:
    """Fold two pieces of counted evidence into one: the sum per key (the
    ``merge`` of the steps whose ``gather`` counts).

    >>> add_counts({"a": 1, "b": 2}, {"b": 1, "c": 4})
    {'a': 1, 'b': 3, 'c': 4}
    """
    out = dict(a)
    for key, value in b.items():
        out[key] = out.get(key, 0) + value
    return out
