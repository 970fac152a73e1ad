"""Showing findings to people and to machines: records, tables, explanations, diffs."""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence

from rich.table import Table
from rich.text import Text

from .finding import Finding

__all__ = [
    "LineIndex",
    "colour_diff",
    "explain_finding",
    "files_table",
    "finding_records",
    "kind_table",
    "scan_table",
    "visible",
]

_CONTEXT = 30


def visible(text: str) -> str:
    """``text`` with invisible and control characters spelled out.

    >>> visible("a\\ufeffb\\x00\\n")
    'a<U+FEFF>b<U+0000>\\\\n'
    """
    out = []
    for ch in text:
        if ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") or (
            unicodedata.category(ch) == "Zs" and ch != " "
        ):
            out.append(f"<U+{ord(ch):04X}>")
        else:
            out.append(ch)
    return "".join(out)


class LineIndex:
    """Turns offsets in a text into 1-based line and column numbers.

    Lines end at ``\\n``; columns count characters (code points).

    >>> LineIndex("ab\\ncd").position(4)
    (2, 2)
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self.starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def position(self, offset: int) -> tuple[int, int]:
        """The (line, column) of ``offset``, both from 1."""
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_span(self, offset: int) -> tuple[int, int]:
        """Start and end (without the line break) of the line holding ``offset``."""
        line = bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)
        if end > start and self.text[end - 1] == "\r":
            end -= 1
        return start, end


def finding_records(
    path: str, text: str, findings: Sequence[Finding], applied: Iterable[Finding]
) -> list[dict[str, object]]:
    """One JSON-ready record per finding, with file, line and column, in text order.

    >>> f = Finding("bom", 0, 1, "\\ufeff", "", 1.0, "remove_bom", "a BOM")
    >>> r = finding_records("a.txt", "\\ufeffx", [f], [f])[0]
    >>> r["file"], r["line"], r["column"], r["kind"], r["before"], r["after"], r["applied"]
    ('a.txt', 1, 1, 'bom', '\\ufeff', '', True)
    """
    index = LineIndex(text)
    fixed = set(applied)
    records = []
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        line, column = index.position(f.start)
        end_line, end_column = index.position(f.end)
        records.append({
            "file": path,
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
            "start": f.start,
            "end": f.end,
            "kind": f.kind,
            "confidence": round(f.confidence, 4),
            "before": f.original,
            "after": f.replacement,
            "applied": f in fixed,
            "step": f.step,
            "why": f.why,
        })
    return records


def _clip(text: str, width: int = 60) -> str:
    """``text`` cut to ``width`` characters, with an ellipsis in the middle.

    >>> _clip("abcdefghij", 7)
    'abc…hij'
    """
    if len(text) <= width:
        return text
    half = (width - 1) // 2
    return text[:half] + "…" + text[len(text) - (width - 1 - half):]


def scan_table(path: str, records: Sequence[dict[str, object]], encoding: str | None) -> Table:
    """A readable table of one file's findings."""
    title = f"{path}" + (f" (read as {encoding})" if encoding else "")
    table = Table(title=title, title_justify="left", show_lines=False)
    for name, justify in (("line", "right"), ("col", "right"), ("kind", "left"),
                          ("conf", "right"), ("before", "left"), ("after", "left"),
                          ("action", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for r in records:
        action = "fix" if r["applied"] else ("left" if r["before"] != r["after"] else "report")
        table.add_row(
            str(r["line"]), str(r["column"]), str(r["kind"]), f"{r['confidence']:.2f}",
            Text(_clip(visible(str(r["before"]))), style="red"),
            Text(_clip(visible(str(r["after"]))), style="green"),
            Text(action, style="bold" if action == "fix" else "dim"),
        )
    return table


def kind_table(records: Sequence[dict[str, object]]) -> Table:
    """A summary per kind of damage: findings, fixes, files."""
    found: Counter[str] = Counter()
    fixed: Counter[str] = Counter()
    files: dict[str, set[str]] = {}
    for r in records:
        kind = str(r["kind"])
        found[kind] += 1
        fixed[kind] += bool(r["applied"])
        files.setdefault(kind, set()).add(str(r["file"]))
    table = Table(title="Damage by kind", title_justify="left")
    table.add_column("kind")
    table.add_column("findings", justify="right")
    table.add_column("would fix", justify="right")
    table.add_column("files", justify="right")
    for kind, n in found.most_common():
        table.add_row(kind, str(n), str(fixed[kind]), str(len(files[kind])))
    return table


def files_table(records: Sequence[dict[str, object]], limit: int = 20) -> Table:
    """The files with the most findings (at most ``limit``), with their kinds."""
    found: Counter[str] = Counter()
    fixed: Counter[str] = Counter()
    kinds: dict[str, Counter[str]] = {}
    for r in records:
        name = str(r["file"])
        found[name] += 1
        fixed[name] += bool(r["applied"])
        kinds.setdefault(name, Counter())[str(r["kind"])] += 1
    shown = found.most_common(limit)
    title = "Files with most damage" + (f" (top {limit} of {len(found)})"
                                        if len(found) > limit else "")
    table = Table(title=title, title_justify="left")
    table.add_column("file", overflow="fold")
    table.add_column("findings", justify="right")
    table.add_column("would fix", justify="right")
    table.add_column("kinds")
    for name, n in shown:
        table.add_row(name, str(n), str(fixed[name]),
                      ", ".join(k for k, _ in kinds[name].most_common()))
    return table


def explain_finding(text: str, index: LineIndex, finding: Finding, applied: bool) -> Text:
    """A finding with its context, before and after, and the reason."""
    line, column = index.position(finding.start)
    start, end = index.line_span(finding.start)
    left_start = max(start, finding.start - _CONTEXT)
    right_end = min(max(end, finding.end), finding.end + _CONTEXT)
    left = ("…" if left_start > start else "") + visible(text[left_start:finding.start])
    right = visible(text[finding.end:right_end]) + ("…" if right_end < end else "")
    action = "fixed" if applied else ("left alone" if finding.changes else "reported")
    out = Text()
    out.append(f"line {line}, column {column}: ", style="bold")
    out.append(finding.kind, style="bold cyan")
    out.append(f" ({finding.step}, confidence {finding.confidence:.2f}) {action}\n")
    out.append("  before: " + left)
    out.append(visible(finding.original), style="bold red")
    out.append(right + "\n")
    out.append("  after:  " + left)
    out.append(visible(finding.replacement), style="bold green")
    out.append(right + "\n")
    out.append("  why:    " + finding.why, style="italic")
    return out


def colour_diff(diff: str) -> str:
    """A unified diff with ANSI colours (red removed, green added, cyan hunks)."""
    out = []
    for line in diff.splitlines(keepends=True):
        body = line.rstrip("\n")
        rest = line[len(body):]
        if line.startswith(("+++", "---")):
            out.append(f"\x1b[1m{body}\x1b[0m{rest}")
        elif line.startswith("@@"):
            out.append(f"\x1b[36m{body}\x1b[0m{rest}")
        elif line.startswith("+"):
            out.append(f"\x1b[32m{body}\x1b[0m{rest}")
        elif line.startswith("-"):
            out.append(f"\x1b[31m{body}\x1b[0m{rest}")
        else:
            out.append(line)
    return "".join(out)
