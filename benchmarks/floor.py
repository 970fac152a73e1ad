"""How much of issue 6's time budgets the least work a Python pipeline must do takes.

Run from the repository root (needs ``pip install -e .[bench]`` and Debian's
``fortunes fortunes-ru``)::

    python -m benchmarks.floor            # 1 MB inputs, best of 3

Issue 6 sets its speed targets as ratios to ftfy measured side by side: clean
text at least as fast as plsfix (ftfy in Rust), mojibake at least 10x ftfy,
PDF text at least 5x ftfy. For each input of :mod:`benchmarks.speed` this
prints, in ms per MB of UTF-8 (CPU time, best of ``--repeat`` for the
whole runs, best of at least five for each operation of the floor):

- the budget the target allows, from ftfy's and plsfix's time in this run;
- cleantext's time (the default profile; the PDF input with the PDF steps);
- a floor: operations any pipeline doing cleantext's job in Python must do at
  least once, each timed alone at C speed:

  * **one word scan** (``re.findall(r"\\w+")``): the word-evidence steps
    (dropped ligatures, joined words) must look at every word, since any word
    may be damaged (a dropped ``fi`` leaves ``rst``, no character a scan for
    characters could find);
  * **one character scan**: every character gate of every step folded into a
    single regular expression that finds nothing (the best case: one scan for
    all steps);
  * **one record per repair** (principle 2, every change accounted for): a
    ``Finding`` made for each change cleantext makes on that input; ftfy and
    plsfix keep no record;
  * **one whole-text encode and decode**, on the inputs that hold mojibake.

The floor is not a design, only a lower bound: it leaves out every decision.
Where the floor alone is near or above the budget, no pure-Python design
meets the target; the targets need compiled code (see ``docs/scale.md``).
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable

from benchmarks.speed import best_time, cleantext_config, cleantext_fixer, inputs
from cleantext import fix_and_explain
from cleantext.finding import Finding

_WORD = re.compile(r"\w+")
# the characters some step's gate looks for, as one class that clean prose
# holds none of (C1 controls, surrogates, zero-width, private use, U+FFFD)
_NOTHING = re.compile("[\x80-\x9f\ud800-\udfff\u200b-\u200f\ue000-\uf8ff\ufffd]")

_TARGETS = {
    "clean en+ru prose": ("plsfix", 1.0),
    "the same, repaired first": ("plsfix", 1.0),
    "UTF-8 read as windows-1252": ("ftfy", 10.0),
    "UTF-8 read as Mac Roman": ("ftfy", 10.0),
    "PDF text (UNESCO seed)": ("ftfy", 5.0),
    "Cyrillic chains": ("ftfy", 10.0),
}
_WRONG_PAGE = {
    "UTF-8 read as windows-1252": "cp1252",
    "UTF-8 read as Mac Roman": "mac_roman",
    "PDF text (UNESCO seed)": "mac_roman",
}


def _time(fn: Callable[[], object], repeat: int) -> float:
    """The least CPU seconds of ``max(repeat, 5)`` calls of ``fn`` (the
    floor's operations take milliseconds: the least of several runs is what
    they cost)."""
    times = []
    for _ in range(max(repeat, 5)):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def _records(n: int) -> list[Finding]:
    """``n`` findings, as a detector makes them (one object per change)."""
    return [
        Finding("mojibake", i, i + 2, "Ã©", "é", 0.9, "fix_mojibake", "windows-1252")
        for i in range(n)
    ]


def _reencode(text: str, page: str) -> str:
    """The whole text encoded in ``page`` and decoded as UTF-8, where it can be."""
    return text.encode(page, errors="replace").decode("utf-8", errors="replace")


def floor_table(size: int, repeat: int) -> str:
    """The markdown table of budgets, cleantext's time and the floor."""
    import ftfy
    import plsfix

    rows = [
        "| input | target | budget | cleantext | floor | word scan | character scan "
        "| records (n) | encode+decode |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, (text, kind) in inputs(size).items():
        mb = len(text.encode("utf-8")) / 1e6
        ours = best_time(cleantext_fixer(kind), text, repeat, ours=True)[0]
        theirs = best_time(ftfy.fix_text, text, 1)[0]
        rust = best_time(plsfix.fix_text, text, repeat)[0]
        who, times = _TARGETS[name]
        budget = rust if who == "plsfix" else theirs / times
        n = sum(1 for f in fix_and_explain(text, cleantext_config(kind)).findings if f.changes)
        words = _time(lambda: _WORD.findall(text), repeat)  # noqa: B023
        chars = _time(lambda: _NOTHING.search(text), repeat)  # noqa: B023
        records = _time(lambda: _records(n), repeat)  # noqa: B023
        page = _WRONG_PAGE.get(name)
        codec = _time(lambda: _reencode(text, page), repeat) if page else 0.0  # noqa: B023
        floor = words + chars + records + codec
        label = "as fast as plsfix" if who == "plsfix" else f"{times:g}x ftfy"
        rows.append(
            f"| {name} | {label} | {budget * 1e3 / mb:.1f} | {ours * 1e3 / mb:.1f} "
            f"| **{floor * 1e3 / mb:.1f}** ({floor / budget:.0%} of the budget) "
            f"| {words * 1e3 / mb:.1f} | {chars * 1e3 / mb:.1f} "
            f"| {records * 1e3 / mb:.1f} ({n}) | {codec * 1e3 / mb:.1f} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    """Print the table (ms per MB)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=1.0, help="input size in MB")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    args = parser.parse_args(argv)
    print(floor_table(int(args.mb * 1e6), args.repeat))


if __name__ == "__main__":
    main()
