"""Generate the documentation's gallery page from the corpus.

One before/after example per kind of damage, taken from the hand-made cases
in ``corpus/cases/*.jsonl`` (the first short case of each kind), with what
cleantext returns for it today and why; a few negatives (suspicious-looking
clean text that must stay as it is); and the table of steps and profiles
from the registry.

Run it by hand to see the page::

    python scripts/gen_gallery.py            # print the Markdown
    python scripts/gen_gallery.py -o FILE    # write it to FILE

MkDocs runs it as a hook (``hooks:`` in ``mkdocs.yml``): the page
``gallery.md`` is generated at every build, so it never goes stale.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "corpus" / "cases"
PAGE = "gallery.md"
MAX_EXAMPLE = 240
"""Longest damaged text picked as a kind's example when a shorter one exists."""
NEGATIVES = 8
"""How many negatives the page shows."""


def _corpus_io() -> ModuleType:
    """``scripts/corpus_io.py``, the one module that knows the corpus format."""
    spec = importlib.util.spec_from_file_location("corpus_io", ROOT / "scripts" / "corpus_io.py")
    if spec is None or spec.loader is None:
        raise ImportError("cannot load scripts/corpus_io.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("corpus_io", module)
    spec.loader.exec_module(module)
    return module


def load_cases(folder: Path = CASES) -> list[Any]:
    """The hand-made cases, in file order."""
    corpus_io = _corpus_io()
    cases: list[Any] = []
    for path in sorted(folder.glob("*.jsonl")):
        cases.extend(corpus_io.read_jsonl(path))
    return cases


def pick_examples(cases: Iterable[Any]) -> dict[str, Any]:
    """One case per kind of damage: the first short one that is expected to pass."""
    by_kind: dict[str, list[Any]] = {}
    for case in cases:
        if not case.negative:
            by_kind.setdefault(case.kind, []).append(case)
    chosen = {}
    for kind, group in by_kind.items():
        good = [c for c in group if c.expect == "pass"] or group
        short = [c for c in good if len(c.damaged) <= MAX_EXAMPLE]
        chosen[kind] = (short or good)[0]
    return dict(sorted(chosen.items()))


def _config(case: Any) -> Any:
    from cleantext import Config
    from cleantext.registry import STEP_NAMES

    known = set(STEP_NAMES)
    return Config(
        profile=case.profile,
        enable=frozenset(n for n in case.enable if n in known),
        disable=frozenset(n for n in case.disable if n in known),
    )


def _block(text: str) -> list[str]:
    """A fenced block showing ``text`` with invisible characters spelled out."""
    from cleantext.render import visible

    shown = visible(text).replace("\\n", "\n")
    fence = "```"
    while fence in shown:
        fence += "`"
    return [f"{fence}text", shown, fence]


def _cell(text: str) -> str:
    from cleantext.render import visible

    shown = visible(text).replace("|", "\\|")
    ticks = "``" if "`" in shown else "`"
    return f"{ticks} {shown} {ticks}"


def render_example(case: Any) -> list[str]:
    """The section of one kind of damage."""
    from cleantext import fix_and_explain

    result = fix_and_explain(case.damaged, _config(case))
    lines = [f"## {case.kind}", ""]
    lines.append(f"Case `{case.label}` ({case.language}; {case.source})."
                 + (f" {case.note}." if case.note and not case.note.endswith(".") else
                    f" {case.note}" if case.note else ""))
    lines += ["", "Before:", "", *_block(case.damaged), "", "After (the corpus gold):", "",
              *_block(case.gold), ""]
    if result.text == case.gold:
        lines.append("cleantext returns exactly the gold.")
    else:
        lines += ["cleantext currently returns something else:", "", *_block(result.text)]
    reasons = []
    for f in result.applied:
        reason = f"`{f.step}`: {f.why}"
        if reason not in reasons:
            reasons.append(reason)
    if reasons:
        lines += ["", "Why:", ""] + [f"- {r}" for r in reasons[:3]]
    lines.append("")
    return lines


def render_negatives(cases: Iterable[Any]) -> list[str]:
    """A table of clean text that must come back unchanged, and whether it does."""
    from cleantext import fix_text

    negatives = [c for c in cases if c.negative][:NEGATIVES]
    if not negatives:
        return []
    lines = ["## Left alone", "",
             "Clean text that looks suspicious and must come back byte for byte "
             "(the corpus's negatives; a few of them):", "",
             "| case | text | unchanged |", "| --- | --- | --- |"]
    for case in negatives:
        same = fix_text(case.damaged, _config(case)) == case.damaged
        lines.append(f"| `{case.label}` | {_cell(case.damaged[:80])} | "
                     f"{'yes' if same else '**no**'} |")
    return [*lines, ""]


def render_steps() -> list[str]:
    """The table of steps, in the order they run, and the profiles that enable them."""
    from cleantext import PROFILES
    from cleantext.registry import STEPS

    lines = ["## Steps and profiles", "",
             "Every step, in the order it runs, and the profiles that turn it on "
             "(use `--enable`/`--disable` for the others).", "",
             "| step | what it does | profiles |", "| --- | --- | --- |"]
    for step in STEPS:
        profiles = ", ".join(name for name, steps in PROFILES.items() if step.name in steps)
        lines.append(f"| `{step.name}` | {step.summary.replace('|', '/')} | {profiles or '-'} |")
    return [*lines, ""]


def render_gallery(cases: list[Any]) -> str:
    """The whole gallery page, in Markdown."""
    examples = pick_examples(cases)
    lines = [
        "# Gallery",
        "",
        "<!-- generated by scripts/gen_gallery.py from corpus/cases/*.jsonl; "
        "do not edit -->",
        "",
        "One example per kind of damage, taken from the hand-made cases of the "
        "corpus (`corpus/cases/`), with what the default profile returns for it "
        "today. This page is generated from the corpus and the library at every "
        "build of the documentation by `scripts/gen_gallery.py`. Invisible "
        "characters are shown as `<U+XXXX>`.",
        "",
        "Kinds: " + ", ".join(f"[{kind}](#{kind})" for kind in examples) + ".",
        "",
    ]
    for case in examples.values():
        lines += render_example(case)
    lines += render_negatives(cases)
    lines += render_steps()
    return "\n".join(lines)


def on_files(files: Any, config: Any) -> Any:
    """MkDocs hook: add the generated gallery page to the site's files."""
    from mkdocs.structure.files import File

    content = render_gallery(load_cases())
    files.append(File.generated(config, PAGE, content=content))
    return files


def main(argv: list[str] | None = None) -> int:
    """Print the gallery page, or write it to ``--output``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("-o", "--output", type=Path, help="write the page here")
    args = parser.parse_args(argv)
    page = render_gallery(load_cases())
    if args.output:
        args.output.write_text(page, encoding="utf-8")
    else:
        sys.stdout.write(page)
    return 0


if __name__ == "__main__":
    sys.exit(main())
