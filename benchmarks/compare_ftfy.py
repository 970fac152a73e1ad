"""cleantext and ftfy side by side on every corpus case.

Run from the repository root::

    python benchmarks/compare_ftfy.py [--kind KIND] [--source SOURCE] [--show-failures]

For each case, cleantext runs with the case's configuration (the default
profile ``repair``, with the steps a case disables switched off: only the
seed 003 does) and ftfy with ``ftfy.fix_text`` and its defaults. Each is
judged against the gold that stands for what it promises:

* cleantext passes when its output equals ``gold``.
* ftfy passes when its output equals ``gold`` after ftfy's own default
  normalisations (quotes straightened, full-width characters narrowed,
  line breaks and control characters, NFC) are applied to the gold, or, on
  ftfy's own cases, when it equals ftfy's published expectation. So ftfy is
  not counted wrong for straightening quotes, which it does on purpose; the
  column "ftfy exact" shows how often its output is the gold byte for byte.

It prints one table by kind of damage and one by source (ftfy's own cases are
the sources "ftfy test-cases ..."), then the cases ftfy passes and cleantext
does not. Not a test and not a timing: see the test suite for the first.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import ftfy

from cleantext import Config, fix_text
from cleantext.registry import STEP_NAMES

ROOT = Path(__file__).resolve().parent.parent

# ftfy's default steps that normalise rather than repair: applied to the gold
# to get what ftfy's default output of a perfect repair looks like.
FTFY_NORMALISE_ONLY = ftfy.TextFixerConfig(
    unescape_html=False, remove_terminal_escapes=False, fix_encoding=False,
    restore_byte_a0=False, replace_lossy_sequences=False, decode_inconsistent_utf8=False,
    fix_c1_controls=False, fix_latin_ligatures=False, fix_surrogates=False,
)


def _corpus_io() -> ModuleType:
    name = "corpus_io"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "corpus_io.py")
    if spec is None or spec.loader is None:
        raise ImportError("cannot load scripts/corpus_io.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Outcome:
    """How both tools did on one case."""

    case: Any
    ours: str
    theirs: str
    ours_ok: bool
    theirs_ok: bool
    theirs_exact: bool


def _config(case: Any) -> Config:
    return Config(
        profile=case.profile,
        enable=frozenset(n for n in case.enable if n in STEP_NAMES),
        disable=frozenset(n for n in case.disable if n in STEP_NAMES),
    )


def _run(fix: Callable[[str], str], text: str) -> str:
    try:
        return fix(text)
    except Exception as error:  # noqa: BLE001 - reported in the output, counted as a failure
        return f"<{type(error).__name__}: {error}>"


def judge(case: Any) -> Outcome:
    """Run both tools on ``case`` and judge each against its gold."""
    config = _config(case)
    ours = _run(lambda t: fix_text(t, config), case.damaged)
    theirs = _run(ftfy.fix_text, case.damaged)
    accepted = {case.gold, ftfy.fix_text(case.gold, FTFY_NORMALISE_ONLY)}
    if "ftfy_fixed" in case.extra and case.extra.get("ftfy_expect") == "pass":
        accepted.add(case.extra["ftfy_fixed"])
    return Outcome(case, ours, theirs, ours == case.gold, theirs in accepted,
                   theirs == case.gold)


HEADER = ("cases", "cleantext", "ftfy", "both", "only-cleantext", "only-ftfy", "ftfy exact")


def table(title: str, groups: dict[str, list[Outcome]]) -> str:
    """A plain-text table: one row per group, then the total."""
    rows: list[tuple[str, ...]] = []

    def row(name: str, items: Iterable[Outcome]) -> tuple[str, ...]:
        items = list(items)
        ours = sum(o.ours_ok for o in items)
        theirs = sum(o.theirs_ok for o in items)
        both = sum(o.ours_ok and o.theirs_ok for o in items)
        return (name, str(len(items)), str(ours), str(theirs), str(both),
                str(ours - both), str(theirs - both), str(sum(o.theirs_exact for o in items)))

    for name in sorted(groups):
        rows.append(row(name, groups[name]))
    rows.append(row("TOTAL", (o for items in groups.values() for o in items)))
    head = (title, *HEADER)
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]

    def fmt(r: tuple[str, ...]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                         for i, (c, w) in enumerate(zip(r, widths, strict=True)))

    rule = "-" * len(fmt(head))
    return "\n".join([fmt(head), rule, *(fmt(r) for r in rows[:-1]), rule, fmt(rows[-1])])


def main(argv: list[str] | None = None) -> int:
    """Print the comparison tables; returns the exit code (always 0)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kind", help="only cases of this kind")
    parser.add_argument("--source", help="only cases whose source starts with this")
    parser.add_argument("--show-failures", action="store_true",
                        help="also list every case cleantext fails, with both outputs")
    args = parser.parse_args(argv)

    cases = _corpus_io().load_cases()
    if args.kind:
        cases = [c for c in cases if c.kind == args.kind]
    if args.source:
        cases = [c for c in cases if c.source.startswith(args.source)]
    outcomes = [judge(c) for c in cases]

    by_kind: dict[str, list[Outcome]] = defaultdict(list)
    by_source: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        by_kind[o.case.kind].append(o)
        by_source[o.case.source].append(o)

    print(f"cleantext vs ftfy {ftfy.__version__} on {len(outcomes)} corpus cases")
    print("(cleantext: default profile; ftfy: fix_text defaults, judged modulo its own"
          " normalisations; see the docstring)\n")
    print(table("kind", by_kind))
    print()
    print(table("source", by_source))

    ftfy_own = [o for o in outcomes if o.case.extra.get("ftfy_expect") == "pass"]
    if ftfy_own:
        print(f"\nftfy's own 'pass' cases: ftfy {sum(o.theirs_ok for o in ftfy_own)}"
              f"/{len(ftfy_own)}, cleantext {sum(o.ours_ok for o in ftfy_own)}/{len(ftfy_own)}")

    only_ftfy = [o for o in outcomes if o.theirs_ok and not o.ours_ok]
    print(f"\nftfy passes, cleantext does not ({len(only_ftfy)}):")
    for o in only_ftfy:
        print(f"  {o.case.label}\n    damaged   {o.case.damaged[:150]!r}\n"
              f"    cleantext {o.ours[:150]!r}\n    gold      {o.case.gold[:150]!r}")
    if args.show_failures:
        failed = [o for o in outcomes if not o.ours_ok and not o.theirs_ok]
        print(f"\nboth fail ({len(failed)}):")
        for o in failed:
            print(f"  {o.case.label}\n    cleantext {o.ours[:150]!r}\n"
                  f"    ftfy      {o.theirs[:150]!r}\n    gold      {o.case.gold[:150]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
