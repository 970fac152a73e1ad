"""The public functions: fix, scan, explain, replay."""

from __future__ import annotations

from .config import Config
from .finding import Finding
from .pipeline import Result, run_pipeline

__all__ = ["fix_and_explain", "fix_text", "scan_text"]


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(
            f"expected str, got {type(text).__name__}"
            + ("; use fix_bytes() for bytes" if isinstance(text, bytes | bytearray) else "")
        )
    return text


def fix_text(text: str, config: Config | None = None) -> str:
    """Repair the damage in ``text``.

    The default profile (``repair``) changes only what is evidently damaged:
    clean text in any language comes back unchanged.

    >>> fix_text("The cafÃ© is open")
    'The café is open'
    >>> fix_text("Привет, мир")
    'Привет, мир'
    """
    return run_pipeline(_check_text(text), config).text


def fix_and_explain(text: str, config: Config | None = None) -> Result:
    """Repair ``text`` and say what was changed, where and why.

    >>> result = fix_and_explain("cafÃ©")
    >>> result.text, result.steps
    ('café', ('fix_mojibake',))
    """
    return run_pipeline(_check_text(text), config)


def scan_text(text: str, config: Config | None = None) -> list[Finding]:
    """Find the damage in ``text`` without changing it.

    Every finding's span indexes ``text``; findings below the configured
    confidence are included (they are what a repair would leave alone).

    >>> [f.kind for f in scan_text("cafÃ©")]
    ['mojibake']
    >>> scan_text("café")
    []
    """
    return list(run_pipeline(_check_text(text), config).findings)
