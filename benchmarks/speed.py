"""Speed and memory of cleantext, ftfy and plsfix on the same inputs.

Run from the repository root (needs ``pip install -e .[bench]`` and Debian's
``fortunes fortunes-ru`` packages for the prose)::

    python -m benchmarks.speed              # ~5 MB inputs, best of 3
    python -m benchmarks.speed --mb 1 --repeat 1 --no-linearity   # quick look

Prints two markdown tables:

1. Throughput (MB/s of UTF-8 input, CPU time by ``time.process_time``, best of
   ``--repeat`` runs) of cleantext (default profile; the PDF input with the PDF
   steps enabled), ``ftfy.fix_text`` and ``plsfix.fix_text``, the ratio to
   ftfy, and peak memory of one run traced by ``tracemalloc`` beyond the input
   (plsfix allocates in Rust, which tracemalloc does not see).
2. Linearity: cleantext's time on an input of size S and on the same input
   twice (2S), and the ratio (2.0 means linear), including pathological
   inputs. (Fresh 2S inputs hold other content, which may need another pass
   of the pipeline: that measures the content, not the size.)

A run that takes more than ``--limit`` CPU seconds is stopped and shown as
"< X MB/s".

Inputs: clean English+Russian prose (and the same after cleantext's repair,
which removes the little real damage the fortunes hold); the same as UTF-8 read as windows-1252
and as Mac Roman; PDF text (the UNESCO seed, repeated); Cyrillic chains
(Russian in one encoding read as another: UTF-8 as cp1251/koi8-r/mac-cyrillic,
cp1251 as koi8-r, koi8-r as cp1251, cp866 as cp1251).
"""

from __future__ import annotations

import argparse
import gc
import random
import signal
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.prose import load_prose

if TYPE_CHECKING:
    from cleantext import Config

ROOT = Path(__file__).resolve().parent.parent
UNESCO = ROOT / "corpus" / "seeds" / "003_unesco_interview.damaged.txt"
UNESCO_SHARED = ROOT.parent / "shared" / "seeds" / "003_4eda92d6010d5cbd.txt"

PDF_STEPS = ("restore_dropped_ligatures", "join_hyphenated_words", "mark_symbol_markers")

Fixer = Callable[[str], str]


def _fit(text: str, size: int) -> str:
    """``text`` repeated or cut to about ``size`` bytes of UTF-8, at a line end."""
    while len(text.encode("utf-8")) < size:
        text += text
    cut = text[: size if text.isascii() else size // 2 + size // 4]
    while len(cut.encode("utf-8")) < size and len(cut) < len(text):
        cut = text[: len(cut) + max(1, (size - len(cut.encode("utf-8"))) // 2)]
    end = cut.rfind("\n")
    return cut[: end + 1] if end > 0 else cut


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def clean_prose(size: int) -> str:
    """Half English, half Russian clean prose, paragraphs interleaved."""
    en = _paragraphs(load_prose("en", size))
    ru = _paragraphs(load_prose("ru", size))
    mixed = [p for pair in zip(en, ru, strict=False) for p in pair]
    return _fit("\n\n".join(mixed) + "\n", size)


def read_as(text: str, wrote: str, read: str) -> str:
    """``text`` written in encoding ``wrote`` and read back as ``read``, line by
    line; lines that cannot be written or read are kept as they are."""
    import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-* codecs)

    out = []
    for line in text.splitlines(keepends=True):
        try:
            out.append(line.encode(wrote).decode(read))
        except (UnicodeEncodeError, UnicodeDecodeError):
            out.append(line)
    return "".join(out)


def pdf_text(size: int) -> str:
    """The UNESCO seed (PDF extraction damage), repeated."""
    path = UNESCO if UNESCO.exists() else UNESCO_SHARED
    return _fit(path.read_text("utf-8"), size)


CYRILLIC_CHAINS = (
    ("utf-8", "sloppy-windows-1251"),
    ("utf-8", "koi8-r"),
    ("utf-8", "mac-cyrillic"),
    ("cp1251", "koi8-r"),
    ("koi8-r", "cp1251"),
    ("cp866", "cp1251"),
)


def cyrillic_chains(size: int) -> str:
    """Russian paragraphs, each damaged by one of :data:`CYRILLIC_CHAINS` in turn."""
    paragraphs = _paragraphs(load_prose("ru", size * 2 // 3))
    out = []
    for i, p in enumerate(paragraphs):
        wrote, read = CYRILLIC_CHAINS[i % len(CYRILLIC_CHAINS)]
        out.append(read_as(p, wrote, read))
    return _fit("\n\n".join(out) + "\n", size)


def repaired(text: str) -> str:
    """``text`` after cleantext's repair: the fortunes hold some real damage
    (Latin letters in Russian words, mojibake quotes), which makes the
    pipeline run a second pass; repaired, the same prose has none left, the
    case of a clean corpus."""
    from cleantext import fix_text

    return fix_text(text)


def inputs(size: int) -> dict[str, tuple[str, str]]:
    """Input name -> (text, which cleantext configuration to use)."""
    clean = clean_prose(size)
    return {
        "clean en+ru prose": (clean, "repair"),
        "the same, repaired first": (repaired(clean), "repair"),
        "UTF-8 read as windows-1252": (read_as(clean, "utf-8", "sloppy-windows-1252"), "repair"),
        "UTF-8 read as Mac Roman": (read_as(clean, "utf-8", "mac_roman"), "repair"),
        "PDF text (UNESCO seed)": (pdf_text(size), "pdf"),
        "Cyrillic chains": (cyrillic_chains(size), "repair"),
    }


def pathological(size: int) -> dict[str, str]:
    """Inputs meant to find super-linear corners."""
    rng = random.Random(6)
    alphabet = [chr(c) for c in range(0x20, 0x3000) if not 0xD800 <= c < 0xE000]
    return {
        '"Ã" * n': "Ã" * (size // 2),
        '"Ã©" * n, no spaces': "Ã©" * (size // 4),
        "random code points": "".join(rng.choice(alphabet) for _ in range(size // 3)),
        "one long line of prose": clean_prose(size).replace("\n", " "),
        "one long word (ASCII)": "a" * size,
        "ﬁ ligature soup": "ﬁ ﬂ nd lm " * (size // 14),
    }


def cleantext_config(kind: str) -> Config:
    """The configuration cleantext runs with on an input of ``kind``."""
    from cleantext import PROFILES, Config
    from cleantext.registry import STEP_NAMES

    if kind == "pdf":
        if "pdf" in PROFILES:
            return Config(profile="pdf")
        return Config(enable={s for s in PDF_STEPS if s in STEP_NAMES})
    return Config(profile=kind)


def cleantext_fixer(kind: str) -> Fixer:
    """cleantext's fix_text with the configuration for ``kind``."""
    from cleantext import fix_text

    config = cleantext_config(kind)
    return lambda text: fix_text(text, config)


class TooSlow(Exception):
    """A run went over the CPU-time limit (``--limit``)."""


def _stop(signum: int, frame: object) -> None:
    raise TooSlow


LIMIT = [120.0]
"""CPU seconds one run may take before it is stopped (set by ``--limit``)."""


def fresh_cleantext() -> None:
    """Empty every cache of cleantext (the steps keep what they worked out for
    a text, a line or a run: a second run on the same text would be timed on
    the first run's work), then load the tables again by repairing a small
    sample unrelated to the inputs (:func:`cleantext.stream.warm_up`): each
    timed run is the first on its input in a process that has its tables,
    like a worker after its first file."""
    import functools

    from cleantext.stream import warm_up

    for obj in gc.get_objects():
        if isinstance(obj, functools._lru_cache_wrapper) and str(
            getattr(obj, "__module__", "")
        ).startswith("cleantext"):
            obj.cache_clear()
    gc.collect()
    warm_up()


def best_time(fix: Fixer, text: str, repeat: int, ours: bool = False) -> tuple[float, str]:
    """Best CPU time of ``repeat`` runs, and the output; a run stopped at the
    limit counts as infinitely slow (and the output is empty). cleantext
    (``ours``) starts each run with empty caches (:func:`fresh_cleantext`)."""
    best = float("inf")
    out = "" if ours else fix(text[:200_000])  # warm up: lazy imports
    signal.signal(signal.SIGPROF, _stop)
    for _ in range(repeat):
        if ours:
            fresh_cleantext()
        gc.collect()
        start = time.process_time()
        signal.setitimer(signal.ITIMER_PROF, LIMIT[0])
        try:
            out = fix(text)
        except TooSlow:
            return float("inf"), ""
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
        best = min(best, time.process_time() - start)
    return max(best, 1e-9), out


def _rate(mb: float, seconds: float) -> str:
    return f"< {mb / LIMIT[0]:.2f}" if seconds == float("inf") else f"{mb / seconds:.1f}"


def _ratio(slow: float, fast: float) -> str:
    return "-" if fast == float("inf") else f"{slow / fast:.1f}x"


def peak_memory(fix: Fixer, text: str, ours: bool = False) -> float:
    """Peak traced allocations (MB) of one run, beyond the input (cleantext's
    with empty caches, see :func:`fresh_cleantext`)."""
    if ours:
        fresh_cleantext()
    gc.collect()
    tracemalloc.start()
    try:
        fix(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 1e6


def throughput_table(size: int, repeat: int, memory: bool) -> str:
    import ftfy
    import plsfix

    rows = [
        "| input | MB | cleantext MB/s | ftfy MB/s | plsfix MB/s | cleantext / ftfy "
        "| plsfix / ftfy | cleantext changed | cleantext peak MB | ftfy peak MB |",
        "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|",
    ]
    for name, (text, kind) in inputs(size).items():
        mb = len(text.encode("utf-8")) / 1e6
        ours = cleantext_fixer(kind)
        t_ours, out = best_time(ours, text, repeat, ours=True)
        t_ftfy, _ = best_time(ftfy.fix_text, text, repeat)
        t_pls, _ = best_time(plsfix.fix_text, text, repeat)
        changed_s = "yes" if out != text else "no"
        mem = (
            (
                f"{peak_memory(ours, text, ours=True):.0f}" if t_ours < LIMIT[0] / 2 else "-",
                f"{peak_memory(ftfy.fix_text, text):.0f}",
            )
            if memory else ("-", "-")
        )
        if t_ours == float("inf"):
            changed_s, mem = f"stopped after {LIMIT[0]:g} s", ("-", mem[1])
        rows.append(
            f"| {name} | {mb:.1f} | {_rate(mb, t_ours)} | {mb / t_ftfy:.1f} | {mb / t_pls:.1f} "
            f"| {_ratio(t_ftfy, t_ours)} | {t_ftfy / t_pls:.1f}x | {changed_s} "
            f"| {mem[0]} | {mem[1]} |"
        )
        print(rows[-1], file=sys.stderr, flush=True)
    return "\n".join(rows)


def linearity_table(size: int, repeat: int) -> str:
    rows = [
        "| input (cleantext) | S MB | time at S (s) | time at 2S (s) | 2S / S |",
        "|---|---:|---:|---:|---:|",
    ]
    cases: dict[str, tuple[Callable[[int], str], str]] = {
        name: ((lambda n, name=name: inputs(n)[name][0]), kind)
        for name, (_, kind) in inputs(1000).items()
    }
    for name in pathological(1000):
        cases[name] = ((lambda n, name=name: pathological(n)[name]), "repair")
    for name, (make, kind) in cases.items():
        fix = cleantext_fixer(kind)
        small = make(size)
        # the same content twice: size alone changes (the steps' caches make
        # a line seen before cheaper, as in any document that repeats lines)
        large = small + small
        t1, _ = best_time(fix, small, repeat, ours=True)
        t2, _ = best_time(fix, large, repeat, ours=True)
        mb = len(small.encode("utf-8")) / 1e6
        ratio = "-" if t2 == float("inf") or t1 == float("inf") else f"{t2 / t1:.2f}"
        rows.append(f"| {name} | {mb:.2f} | {t1:.3f} | {t2:.3f} | {ratio} |")
        print(rows[-1], file=sys.stderr, flush=True)
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="input size in MB (default 5)")
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    parser.add_argument("--linear-mb", type=float, default=1.0,
                        help="size S of the linearity check in MB (default 1)")
    parser.add_argument("--no-linearity", action="store_true")
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument("--limit", type=float, default=120.0,
                        help="stop a run after this many CPU seconds (default 120)")
    args = parser.parse_args(argv)
    LIMIT[0] = args.limit
    size = int(args.mb * 1e6)
    print(f"## Throughput (~{args.mb:g} MB inputs, CPU time, best of {args.repeat})\n")
    print(throughput_table(size, args.repeat, not args.no_memory))
    if not args.no_linearity:
        print(f"\n## Linearity (S = {args.linear_mb:g} MB, best of {args.repeat})\n")
        print(linearity_table(int(args.linear_mb * 1e6), args.repeat))


if __name__ == "__main__":
    main()
