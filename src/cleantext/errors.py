"""Errors raised by cleantext."""

from __future__ import annotations

__all__ = ["CleantextError", "NotTextError", "UnknownStepError", "PlanError"]


class CleantextError(Exception):
    """Base class of every error cleantext raises on purpose."""


class NotTextError(CleantextError, ValueError):
    """The input bytes are binary or undecodable: they are not text.

    Raised instead of returning garbage. ``reason`` says what gave it away.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class UnknownStepError(CleantextError, KeyError):
    """A step or profile name that the registry does not know."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown step"


class PlanError(CleantextError, ValueError):
    """A plan that cannot be replayed (unknown step or malformed entry)."""
