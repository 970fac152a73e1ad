"""A Griffe extension for the API reference: doctest examples become code blocks.

Docstrings in cleantext show examples as doctests (``>>>`` lines followed by
their output), which Markdown would otherwise render as running text (and
read ``['mojibake']`` as a link). Each run of doctest lines, up to the next
blank line, is wrapped in a ``pycon`` fenced block. Used by mkdocstrings
(``extensions:`` in ``mkdocs.yml``); not part of the package.
"""

from __future__ import annotations

from typing import Any

import griffe


def fence_doctests(text: str) -> str:
    """Wrap each run of doctest lines in a fenced ``pycon`` block.

    >>> print(fence_doctests("Example:\\n\\n>>> 1 + 1\\n2\\n\\nMore."))
    Example:
    <BLANKLINE>
    ```pycon
    >>> 1 + 1
    2
    ```
    <BLANKLINE>
    More.
    """
    lines = text.split("\n")
    out: list[str] = []
    in_fence = False
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
        elif not in_fence and stripped.startswith(">>>"):
            indent = line[: len(line) - len(stripped)]
            block = []
            while i < len(lines) and lines[i].strip():
                block.append(lines[i])
                i += 1
            out += [f"{indent}```pycon", *block, f"{indent}```"]
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    """Fence the doctests of every loaded object's docstring."""

    def on_object(self, *, obj: Any, loader: Any, **kwargs: Any) -> None:
        """Rewrite the docstring of ``obj`` (called once per object)."""
        if obj.docstring is not None and ">>>" in obj.docstring.value:
            obj.docstring.value = fence_doctests(obj.docstring.value)
