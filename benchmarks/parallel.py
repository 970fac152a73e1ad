"""Wall time of ``cleantext fix -j N``: many files, and one large file.

Run from the repository root (needs Debian's ``fortunes fortunes-ru`` for
the prose, see :mod:`benchmarks.prose`)::

    python -m benchmarks.parallel                  # 40 files of 200 kB + one 8 MB file
    python -m benchmarks.parallel --files 10 --big-mb 2 --repeat 1   # quick look

Each run repairs a fresh copy of the inputs in place with the real command
(``python -m cleantext.cli fix -q -j N``), so the time includes starting the
interpreter, importing, loading the word tables in every process and writing
the files. Prints, per case and ``-j``, the best and median wall time of
``--repeat`` runs, the speed-up over ``-j 1`` and the CPU time of all its
processes (which a busy machine does not inflate much: ``-j 2`` on two idle
cores can at best take half of ``-j 1``'s CPU time as wall time), then the
load average before and after (the machine may be shared: compare runs made
under the same load). A startup line times ``fix`` on one tiny file: the
fixed cost every process pays. Last, a CPU model of the many-files case that
a busy machine does not skew (see :func:`model_speedup`).

Inputs: paragraphs of clean English and Russian prose with one paragraph in
six damaged (UTF-8 read as windows-1252 or windows-1251, HTML entities, a
zero-width space, a dropped "fi" ligature), deterministic.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.prose import load_prose
from cleantext.stream import process_pool, warm_up
from cleantext.writeback import Options, process_file

__all__ = ["main", "make_inputs", "model_speedup"]


def _damage(paragraph: str, rng: random.Random) -> str:
    kind = rng.randrange(5)
    if kind == 0:
        return paragraph.encode("utf-8").decode("windows-1252", errors="replace")
    if kind == 1 and not paragraph.isascii():
        return paragraph.encode("utf-8").decode("windows-1251", errors="replace")
    if kind == 2:
        return paragraph.replace("&", "&amp;").replace(" the ", " the &amp; ")
    if kind == 3:
        return paragraph.replace(" ", " \u200b", 3)
    return paragraph.replace("fi", "")


def _document(paragraphs: list[str], size: int, rng: random.Random) -> str:
    out: list[str] = []
    total = 0
    while total < size:
        p = rng.choice(paragraphs)
        if rng.randrange(6) == 0:
            p = _damage(p, rng)
        out.append(p)
        total += len(p.encode("utf-8")) + 2
    return "\n\n".join(out) + "\n"


def make_inputs(folder: Path, files: int, file_kb: int, big_mb: float) -> tuple[Path, Path]:
    """Write ``files`` documents of about ``file_kb`` kB into ``folder/many``
    and one of about ``big_mb`` MB as ``folder/big/big.txt``."""
    rng = random.Random(20261121)
    paragraphs = [
        p for lang in ("en", "ru") for p in load_prose(lang, 1_000_000).split("\n\n") if p.strip()
    ]
    many = folder / "many"
    many.mkdir(parents=True)
    for i in range(files):
        (many / f"doc{i:03d}.txt").write_text(
            _document(paragraphs, file_kb * 1000, rng), "utf-8"
        )
    big = folder / "big"
    big.mkdir()
    (big / "big.txt").write_text(_document(paragraphs, int(big_mb * 1e6), rng), "utf-8")
    return many, big


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _fix(target: Path, jobs: int, extra: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (all processes) of one ``cleantext fix`` on ``target``."""
    cmd = [sys.executable, "-m", "cleantext.cli", "fix", "-q", "-j", str(jobs), *extra,
           str(target)]
    cpu = _cpu()
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr!r}")
    return elapsed, _cpu() - cpu


def _time_runs(source: Path, scratch: Path, jobs: int, extra: list[str],
               repeat: int) -> tuple[list[float], list[float]]:
    walls, cpus = [], []
    for _ in range(repeat):
        work = scratch / f"run-{jobs}"
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(source, work)
        wall, cpu = _fix(work, jobs, extra)
        walls.append(wall)
        cpus.append(cpu)
        shutil.rmtree(work)
    return walls, cpus


def _file_task(path: str, options: Options) -> tuple[int, float]:
    start = time.process_time()
    process_file(path, options)
    return os.getpid(), time.process_time() - start


def model_speedup(folder: Path, jobs: int) -> tuple[float, float, list[float]]:
    """CPU seconds of the serial warm-up, of all files in one process, and
    of each of ``jobs`` forked workers (as ``cleantext fix -j`` runs them,
    without writing): on idle cores the wall time of ``-j N`` is about the
    warm-up plus the busiest worker, whatever the load when measured."""
    options = Options(write=False)
    start = time.process_time()
    warm_up(options.config())
    warm = time.process_time() - start
    files = sorted(str(p) for p in folder.iterdir())
    alone = sum(_file_task(f, options)[1] for f in files)
    per: dict[int, float] = {}
    with process_pool(jobs) as pool:
        for pid, cpu in pool.map(_file_task, files, [options] * len(files)):
            per[pid] = per.get(pid, 0.0) + cpu
    return warm, alone, sorted(per.values(), reverse=True)


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def main(argv: list[str] | None = None) -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--file-kb", type=int, default=200)
    parser.add_argument("--big-mb", type=float, default=8.0)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"cores: {os.cpu_count()}, load average before: {_load()}")
    with tempfile.TemporaryDirectory(prefix="cleantext-parallel-") as tmp:
        folder = Path(tmp)
        many, big = make_inputs(folder / "in", args.files, args.file_kb, args.big_mb)
        tiny = folder / "in" / "tiny"
        tiny.mkdir()
        (tiny / "a.txt").write_text("Hello, wor\u200bld.\n", "utf-8")
        startup, startup_cpu = _time_runs(tiny, folder, 1, [], args.repeat)
        print(f"startup (fix on one tiny file): best {min(startup):.2f} s wall, "
              f"{min(startup_cpu):.2f} s CPU")
        cases = [
            (f"{args.files} files of {args.file_kb} kB", many, []),
            (f"one file of {args.big_mb:g} MB, in chunks", big, ["--stream-above", "1"]),
        ]
        print()
        print("| input | -j | wall best (s) | wall median (s) | speed-up (best) | CPU (s) |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        for name, source, extra in cases:
            base = None
            for jobs in args.jobs:
                times, cpus = _time_runs(source, folder, jobs, extra, args.repeat)
                best = min(times)
                base = base or best
                print(f"| {name} | {jobs} | {best:.2f} | {statistics.median(times):.2f} "
                      f"| {base / best:.2f}x | {min(cpus):.2f} |", flush=True)
        if 2 in args.jobs:
            warm, alone, workers = model_speedup(many, 2)
            print()
            print(f"CPU model, {args.files} files: warm-up {warm:.2f} s, all files in one "
                  f"process {alone:.2f} s, per worker with -j 2 "
                  f"{', '.join(f'{w:.2f}' for w in workers)} s; on idle cores -j 2 would "
                  f"take {(warm + alone) / (warm + workers[0]):.2f}x less wall time "
                  f"(plus {min(startup_cpu):.2f} s startup on both)")
    print()
    print(f"load average after: {_load()}")


if __name__ == "__main__":
    main()
