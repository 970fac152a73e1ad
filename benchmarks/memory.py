"""Peak memory and speed of ``fix_file`` on large files: bounded memory, ``jobs``.

Run from the repository root (needs Debian's ``fortunes fortunes-ru``)::

    python -m benchmarks.memory                 # files of 20 and 60 MB
    python -m benchmarks.memory --mb 10 --jobs 2

Writes files of S and 3S megabytes (clean English+Russian prose with one
paragraph in twenty turned into mojibake) to a temporary folder and repairs
each with :func:`cleantext.fix_file` in a fresh process, which reports its peak
resident memory (``ru_maxrss``) before the repair (after a warm-up on the first
200 kB, which loads the word lists and tables the steps use) and after it, and
the CPU and wall time. Bounded memory means the peak does not grow with the
file size.
With ``--jobs N`` the larger file is also repaired with ``jobs=N`` (wall-time
speedup; the worker processes' memory is reported separately).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.speed import clean_prose, read_as

CHILD = r"""
import json, resource, sys, time
import cleantext
from cleantext import Config
cfg = Config(profile=sys.argv[3], disable=set(sys.argv[4].split(",")) - {""})
with open(sys.argv[1], encoding="utf-8") as fh:  # warm up: word lists and tables
    cleantext.fix_text(fh.read(200_000) + " \u041ap\u044e\u0433\u0435p \u041cicrosoft", cfg)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t, w = time.process_time(), time.perf_counter()
r = cleantext.fix_file(sys.argv[1], cfg, output=sys.argv[2], jobs=int(sys.argv[5]))
cpu, wall = time.process_time() - t, time.perf_counter() - w
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"before": before / 1024, "after": after / 1024, "children": kids / 1024,
                  "cpu": cpu, "wall": wall, "chunks": r.chunks, "repairs": r.repairs}))
"""


def make_file(path: Path, size: int) -> None:
    """Write ``size`` bytes of prose, one paragraph in twenty as mojibake."""
    block = clean_prose(4_000_000)
    paragraphs = block.split("\n\n")
    damaged = "\n\n".join(
        read_as(p, "utf-8", "sloppy-windows-1252") if i % 20 == 7 else p
        for i, p in enumerate(paragraphs)
    ).encode("utf-8")
    written = 0
    with path.open("wb") as fh:
        while written < size:
            fh.write(damaged)
            written += len(damaged)


def run(path: Path, out: Path, profile: str, disable: str, jobs: int) -> dict[str, float]:
    """Repair ``path`` in a fresh process; its measurements."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(out), profile, disable, str(jobs)],
        check=True, capture_output=True, text=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> None:
    """Run the measurement and print a markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="size S in MB (default 20)")
    parser.add_argument("--jobs", type=int, default=2, help="also run with jobs=N (default 2)")
    parser.add_argument("--profile", default="repair")
    parser.add_argument("--disable", default="", help="steps to disable, comma-separated")
    args = parser.parse_args(argv)
    print(f"profile {args.profile}, disabled: {args.disable or 'none'}\n")
    print("| file MB | jobs | RSS before MB | peak RSS MB | worker peak MB | CPU s | wall s "
          "| MB/s (wall) | chunks |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for factor, jobs in ((1, 1), (3, 1), (3, args.jobs)):
            path = Path(tmp) / f"in{factor}.txt"
            if not path.exists():
                make_file(path, int(args.mb * factor * 1e6))
            mb = path.stat().st_size / 1e6
            r = run(path, Path(tmp) / "out.txt", args.profile, args.disable, jobs)
            print(f"| {mb:.0f} | {jobs} | {r['before']:.0f} | {r['after']:.0f} "
                  f"| {r['children']:.0f} | {r['cpu']:.1f} | {r['wall']:.1f} "
                  f"| {mb / r['wall']:.2f} | {r['chunks']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
