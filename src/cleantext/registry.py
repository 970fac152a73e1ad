"""The one ordered list of steps. Steps run in this order, pass after pass,
until the text stops changing. Nothing is discovered by magic: a step exists
because it is listed here."""

from __future__ import annotations

from .step import Step
from .steps import bom

__all__ = ["STEPS", "STEP_NAMES", "step_named"]

STEPS: tuple[Step, ...] = (
    # -- invisible or structural damage that would hide other damage
    bom.STEP,  # remove_bom
    # -- encoding damage (mojibake)
    # -- characters left behind by other software
    # -- normalisation (off in the default profile)
)
"""Every step, in the order it runs."""

STEP_NAMES: tuple[str, ...] = tuple(step.name for step in STEPS)
"""The names of every step, in order."""


def step_named(name: str) -> Step:
    """The step with this name.

    >>> step_named("remove_bom").name
    'remove_bom'
    """
    for step in STEPS:
        if step.name == name:
            return step
    from .errors import UnknownStepError

    raise UnknownStepError(f"unknown step {name!r}")
