"""Configuration: one frozen dataclass; named profiles are data."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from .errors import UnknownStepError

if TYPE_CHECKING:
    from .step import Step

__all__ = ["Config", "PROFILES"]

# The steps each profile turns on. Order does not matter here: steps always
# run in the order of the registry (cleantext.registry.STEPS).
_REPAIR: tuple[str, ...] = (
    "fix_surrogates",
    "remove_terminal_escapes",
    "remove_bom",
    "unescape_html",
    "fix_mojibake",
    "fix_codepage_mixups",
    "fix_east_asian_mojibake",
    "fix_c1_controls",
    "remove_zero_width",
    "remove_soft_hyphens",
    "fix_latin_ligatures",
    "restore_dropped_ligatures",
    "join_hyphenated_words",
    "mark_symbol_markers",
    "fix_homoglyphs",
    "fix_kazakh_letters",
    "split_joined_words",
)
_NORMALIZE: tuple[str, ...] = _REPAIR + (
    "replace_symbol_markers",
    "normalize_line_endings",
    "normalize_whitespace",
    "normalize_nfc",
)
_ASCII: tuple[str, ...] = _NORMALIZE + ("fold_to_ascii",)

PROFILES: dict[str, tuple[str, ...]] = {
    # Changes only what is evidently damaged; clean text comes back unchanged.
    "repair": _REPAIR,
    # Adds NFC, whitespace and line-ending normalisation.
    "normalize": _NORMALIZE,
    # Adds folding to ASCII with Unidecode.
    "ascii": _ASCII,
    # Adds joining hard-wrapped lines (PDF columns) into paragraphs.
    "reflow": _REPAIR + ("reflow_paragraphs",),
}
"""Named profiles: the step names each one enables."""


def _names(value: Iterable[str] | str) -> frozenset[str]:
    if isinstance(value, str):
        return frozenset(n.strip() for n in value.split(",") if n.strip())
    return frozenset(value)


@dataclass(frozen=True)
class Config:
    """What to repair and how.

    >>> Config().profile
    'repair'
    >>> "normalize_nfc" in Config(profile="normalize").step_names()
    True
    >>> "fix_mojibake" in Config(disable={"fix_mojibake"}).step_names()
    False
    """

    profile: str = "repair"
    """Name of the profile in :data:`PROFILES` that chooses the steps."""
    enable: frozenset[str] = field(default_factory=frozenset)
    """Steps to run on top of the profile's."""
    disable: frozenset[str] = field(default_factory=frozenset)
    """Steps of the profile not to run."""
    min_confidence: float = 0.5
    """Findings below this confidence are reported, not applied."""
    max_passes: int = 8
    """The pipeline runs its steps until nothing changes, at most this often."""
    symbol_marker: str = ""
    """What symbol-font markers become when they are replaced (empty: removed)."""
    evidence: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    """Document-level evidence gathered beforehand, by step name (see
    :attr:`cleantext.step.Step.gather`); empty means each step gathers its own
    from the text it is given."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "enable", _names(self.enable))
        object.__setattr__(self, "disable", _names(self.disable))
        object.__setattr__(self, "evidence", MappingProxyType(dict(self.evidence)))
        if self.profile not in PROFILES:
            raise UnknownStepError(
                f"unknown profile {self.profile!r}; known: {', '.join(sorted(PROFILES))}"
            )
        from .registry import STEP_NAMES

        unknown = (self.enable | self.disable) - set(STEP_NAMES)
        if unknown:
            raise UnknownStepError(
                f"unknown step(s) {', '.join(sorted(unknown))}; "
                f"known: {', '.join(STEP_NAMES)}"
            )
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ValueError("min_confidence must be between 0 and 1")
        if self.max_passes < 1:
            raise ValueError("max_passes must be at least 1")

    def step_names(self) -> tuple[str, ...]:
        """The enabled step names, in the order they run."""
        return tuple(step.name for step in self.steps())

    def steps(self) -> tuple[Step, ...]:
        """The enabled steps, in the order they run."""
        from .registry import STEPS

        cached = self.__dict__.get("_steps")  # (registry, steps): cheap per call
        if cached is not None and cached[0] is STEPS:
            return cached[1]  # type: ignore[no-any-return]
        wanted = (set(PROFILES[self.profile]) | self.enable) - self.disable
        steps = tuple(step for step in STEPS if step.name in wanted)
        object.__setattr__(self, "_steps", (STEPS, steps))
        return steps

    def with_changes(self, **changes: object) -> Config:
        """A copy with some fields changed (validated again)."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle support, for process pools and Dask (pickle refuses the
        read-only ``evidence`` proxy, so it travels as a plain dict)."""
        state = {f.name: getattr(self, f.name) for f in fields(self)}
        state["evidence"] = dict(self.evidence)
        return (_config_from_state, (state,))


def _config_from_state(state: dict[str, Any]) -> Config:
    return Config(**state)
