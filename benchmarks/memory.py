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

Two other modes::

    python -m benchmarks.memory --tables        # what each word table costs
    python -m benchmarks.memory --big 200 --dir /var/tmp   # one 200 MB file

``--tables`` builds each word table in a fresh process (with what it needs
first: "alone") and all of them one after the other in one process ("added"),
and prints the growth of resident memory (``/proc/self/statm``, after a
garbage collection) and the CPU seconds each took; the last row is the first
``fix_text`` of a process on a short mixed text, which loads what the
default profile needs.

``--big MB`` writes one file of about MB megabytes (the same prose and
mojibake, repeated) and repairs it from a fresh process twice: with
``cleantext.fix_file`` (to a new file) and with the command line
``cleantext fix FILE`` (in place; files of 2 MB or more are streamed). It prints
each one's peak resident memory (``ru_maxrss``, word lists included), CPU
and wall time and MB/s. The 2 GB target of the README is ``--big 2000``
(needs ~2.5x the size in free disk under ``--dir``, and at ~0.5 MB/s about
an hour per run on one core). The text repeats a 4 MB block, so the
caches of the steps hit more often than on a real corpus: read the speed as
an upper bound, the memory as the point.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.speed import clean_prose, read_as

TABLES: tuple[tuple[str, str], ...] = (
    ("(reference) wordfreq's cached large list, en",
     "import wordfreq; wordfreq.get_frequency_list('en', 'large')"),
    ("(reference) wordfreq's cached large list, ru",
     "import wordfreq; wordfreq.get_frequency_list('ru', 'large')"),
    ("wordstats.zipf_table en", "from cleantext.wordstats import zipf_table as f; f('en')"),
    ("wordstats.zipf_table ru", "from cleantext.wordstats import zipf_table as f; f('ru')"),
    ("evidence_words.frequency_table en",
     "from cleantext.evidence_words import frequency_table as f; f('en')"),
    ("evidence_words.frequency_table ru",
     "from cleantext.evidence_words import frequency_table as f; f('ru')"),
    ("dropped_ligatures indexes (en)",
     "from cleantext.steps import dropped_ligatures as d; L = d.LANGUAGES[0]; "
     "d._viable_keys(L); d._rare_halves(L); d._low_index(L)"),
    ("wordstats.best_language: 29 small lists",
     "from cleantext.wordstats import best_language as f; "
     "f({'the'}, 'en', 'latin'); f({'\u0438'}, 'ru', 'cyrillic')"),
    ("evidence.cyrillic.known_in: 6 Cyrillic lists",
     "from cleantext.evidence.cyrillic import known_in; known_in('привет')"),
    ("evidence.cyrillic bigram models",
     "from cleantext.evidence.cyrillic import bigram_score; bigram_score('ұлы')"),
    ("evidence.cjk tables (zh ja ko)",
     "from cleantext.evidence.cjk import rank\nfor x in ('zh', 'ja', 'ko'): rank('的', x)"),
    ("steps.codepage_mixups + evidence.latin",
     "import cleantext; from cleantext.steps.codepage_mixups import fix_codepage_mixups as f; "
     "f('Ïðèâåò, ìèð! Êàê äåëà?')"),
    ("mojibake (tables, gates)",
     "from cleantext.steps.mojibake import fix_mojibake as f; f('ÐŸÑ€Ð¸Ð²ÐµÑ‚ cafÃ©')"),
    ("steps.east_asian", "from cleantext.steps.east_asian import STEP; import cleantext; "
     "cleantext.fix_text('\u00e4\u00b8\u00ad\u00e6\u2013\u2021 \u00c4\u00e3\u00b1\u00e2')"),
)
"""What ``--tables`` measures: a name and the code that builds the table(s)."""

TABLE_CHILD = r"""
import gc, json, resource, sys, time
def rss():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20
import cleantext
for code in sys.argv[1:]:
    gc.collect()
    r0, p0 = rss(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t = time.process_time()
    exec(code, {})
    dt = time.process_time() - t
    gc.collect()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"rss": rss() - r0, "peak": peak - p0, "s": dt, "total": rss()}))
"""

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


FIRST_CALL = ("import cleantext; cleantext.fix_text('Hello w\u00f6rld "
              "\u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440, the diult lm. "
              "\u00d0\u0178\u00d1\u20ac\u00d0\u00b8\u00d0\u00b2\u00d0\u00b5\u00d1\u201a')")
"""The first ``fix_text`` of a process, on a short mixed text: what it loads."""


def _table_run(codes: list[str]) -> list[dict[str, float]]:
    done = subprocess.run([sys.executable, "-c", TABLE_CHILD, *codes],
                          check=True, capture_output=True, text=True)
    return [json.loads(line) for line in done.stdout.strip().splitlines()]


def table_costs() -> None:
    """Print what each table costs: alone in a fresh process (with what it
    builds first), and added on top of the tables before it in one process
    (reference rows, wordfreq's own cache, are left out of that one)."""
    rows = [*TABLES, ("first fix_text (short mixed text)", FIRST_CALL)]
    ours = [code for name, code in rows if not name.startswith("(reference)")]
    added = iter(_table_run(ours))
    print("| table | alone: RSS MB | alone: CPU s | added: RSS MB | added: CPU s |")
    print("|---|---:|---:|---:|---:|")
    total, cpu = 0.0, 0.0
    for name, code in rows:
        (alone,) = _table_run([code])
        more = "| - | - |"
        if not name.startswith("(reference)"):
            r = next(added)
            total, cpu = r["total"], cpu + r["s"]
            more = f"| {r['rss']:.1f} | {r['s']:.2f} |"
        print(f"| {name} | {alone['rss']:.1f} | {alone['s']:.2f} {more}", flush=True)
    print(f"| all of the above | | | {total:.0f} (process RSS) | {cpu:.2f} |")


BIG_CHILD = r"""
import json, resource, sys, time
import cleantext
t, w = time.process_time(), time.perf_counter()
r = cleantext.fix_file(sys.argv[1], output=sys.argv[2])
cpu, wall = time.process_time() - t, time.perf_counter() - w
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"peak": peak, "cpu": cpu, "wall": wall, "chunks": r.chunks,
                  "repairs": r.repairs}))
"""
CLI_CHILD = "import sys; from cleantext.cli import main; sys.exit(main(sys.argv[1:]))"


def big_file(mb: float, folder: str | None, paths: str = "fix_file,cli") -> None:
    """Stream one large file (``mb`` megabytes, made by :func:`make_file`)
    through ``fix_file`` and through ``cleantext fix``, each in a fresh
    process from the start (word lists and all): peak RSS and MB/s."""
    import os
    import shutil
    import time

    print("| path | file MB | peak RSS MB | CPU s | wall s | MB/s (wall) |")
    print("|---|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        path = Path(tmp) / "big.txt"
        make_file(path, int(mb * 1e6))
        size = path.stat().st_size / 1e6
        if "fix_file" in paths:
            done = subprocess.run(
                [sys.executable, "-c", BIG_CHILD, str(path), str(Path(tmp) / "out.txt")],
                check=True, capture_output=True, text=True,
            )
            r = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"| fix_file | {size:.0f} | {r['peak']:.0f} | {r['cpu']:.0f} | {r['wall']:.0f} "
                  f"| {size / r['wall']:.2f} |", flush=True)
            os.remove(Path(tmp) / "out.txt")
        if "cli" not in paths:
            return
        copy = Path(tmp) / "cli.txt"
        shutil.copyfile(path, copy)
        os.remove(path)
        wall = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", CLI_CHILD, "fix", "-q", str(copy)])
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - wall
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise RuntimeError(f"cleantext fix failed with status {status}")
        cpu = usage.ru_utime + usage.ru_stime
        print(f"| cleantext fix | {size:.0f} | {usage.ru_maxrss / 1024:.0f} | {cpu:.0f} "
              f"| {wall:.0f} | {size / wall:.2f} |", flush=True)


def main(argv: list[str] | None = None) -> None:
    """Run the measurement and print a markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="size S in MB (default 20)")
    parser.add_argument("--jobs", type=int, default=2, help="also run with jobs=N (default 2)")
    parser.add_argument("--profile", default="repair")
    parser.add_argument("--disable", default="", help="steps to disable, comma-separated")
    parser.add_argument("--tables", action="store_true",
                        help="only measure what each word table costs (RSS, time)")
    parser.add_argument("--big", type=float, metavar="MB",
                        help="only stream one file of MB megabytes through fix_file and "
                        "the CLI (fresh processes; try 200, or 2000 for the 2 GB target)")
    parser.add_argument("--paths", default="fix_file,cli",
                        help="with --big: which of fix_file,cli to run (default both)")
    parser.add_argument("--dir", default=None,
                        help="folder for the --big files (needs 2.5x MB of free disk)")
    args = parser.parse_args(argv)
    if args.tables:
        table_costs()
        return
    if args.big:
        big_file(args.big, args.dir, args.paths)
        return
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
