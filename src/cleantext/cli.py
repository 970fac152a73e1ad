"""The ``cleantext`` command line: a thin shell over the library.

``cleantext fix`` repairs files in place (or checks, diffs, prints),
``cleantext scan`` lists the damage, ``cleantext explain`` shows each change
with its context and reason. Exit codes are owned by
:class:`cleantext.report.Report` (0 clean, 1 changed, 2 usage, 123 failed,
130 interrupted).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

from .errors import CleantextError
from .files import DEFAULT_INCLUDE, Skipped, discover
from .render import (
    LineIndex,
    colour_diff,
    explain_finding,
    files_table,
    kind_table,
    scan_table,
)
from .report import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_USAGE, Report
from .settings import find_pyproject, load_settings
from .stream import process_pool, warm_up
from .writeback import (
    STREAM_ABOVE,
    FileOutcome,
    Options,
    Status,
    outcome_of_fix_file,
    process_bytes,
    process_file,
)

__all__ = ["cli", "main"]

_LARGE = 4 * 1024 * 1024
"""Total size from which a progress bar is shown even for named files."""

F = TypeVar("F", bound=Callable[..., Any])


def _split(values: Sequence[str]) -> frozenset[str]:
    return frozenset(n.strip() for v in values for n in v.split(",") if n.strip())


def _shared_options(f: F) -> F:
    """Options every command takes: what to repair, which files, how to talk."""
    decorators = [
        click.option("--profile", metavar="NAME",
                     help="Profile of steps: repair (default), normalize, ascii."),
        click.option("--enable", metavar="STEPS", multiple=True,
                     help="Steps to run on top of the profile's (comma-separated)."),
        click.option("--disable", metavar="STEPS", multiple=True,
                     help="Steps of the profile not to run (comma-separated)."),
        click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), metavar="X",
                     help="Apply findings at least this sure (default 0.5)."),
        click.option("--config", "config_file", metavar="FILE",
                     type=click.Path(exists=True, dir_okay=False, path_type=Path),
                     help="Read [tool.cleantext] from FILE instead of the nearest "
                          "pyproject.toml."),
        click.option("--include", metavar="GLOB", multiple=True,
                     help="Files to take in folders (gitignore-style glob; replaces the "
                          "default text-file globs)."),
        click.option("--exclude", metavar="GLOB", multiple=True,
                     help="Files and folders to leave out (gitignore-style glob)."),
        click.option("--no-gitignore", is_flag=True, help="Do not honour .gitignore files."),
        click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
                     help="Worker processes (0: one per CPU)."),
        click.option("-q", "--quiet", is_flag=True, help="Print errors only."),
        click.option("-v", "--verbose", is_flag=True,
                     help="Also list unchanged files and the settings used."),
        click.option("--color/--no-color", default=None,
                     help="Colour the output (default: only on a terminal)."),
    ]
    for decorate in reversed(decorators):
        f = decorate(f)
    return f


@dataclass
class _Run:
    """What a command needs: options, file filters, consoles."""

    options: Options
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    use_gitignore: bool
    jobs: int
    quiet: bool
    verbose: bool
    color: bool | None
    err: Console
    out: Console


def _prepare(
    paths: Sequence[str], *, profile: str | None, enable: Sequence[str],
    disable: Sequence[str], min_confidence: float | None, config_file: Path | None,
    include: Sequence[str], exclude: Sequence[str], no_gitignore: bool, jobs: int,
    quiet: bool, verbose: bool, color: bool | None, **_: object,
) -> _Run:
    """Merge the command line with ``[tool.cleantext]``; usage errors exit 2."""
    no_color = True if color is False else None  # None: rich honours NO_COLOR
    err = Console(stderr=True, markup=False, highlight=False, soft_wrap=True,
                  force_terminal=color, no_color=no_color)
    out = Console(markup=False, highlight=False, soft_wrap=True, force_terminal=color,
                  no_color=no_color)
    file_paths = [Path(p) for p in paths if p != "-"]
    try:
        settings = load_settings(config_file or find_pyproject(file_paths))
    except CleantextError as exc:
        raise click.UsageError(str(exc)) from exc
    for warning in settings.warnings:
        err.print(f"warning: {warning}", style="yellow")
    cli_enable, cli_disable = _split(enable), _split(disable)
    options = Options(
        profile=profile or settings.profile or "repair",
        enable=(settings.enable - cli_disable) | cli_enable,
        disable=(settings.disable - cli_enable) | cli_disable,
        min_confidence=(
            min_confidence if min_confidence is not None
            else settings.min_confidence if settings.min_confidence is not None else 0.5
        ),
        keep_encoding=bool(settings.keep_encoding),
        backup=bool(settings.backup),
        keep_bom=settings.keep_bom,
    )
    try:
        config = options.config()
    except (CleantextError, ValueError) as exc:
        raise click.UsageError(str(exc)) from exc
    if verbose and not quiet:
        where = f" (with {settings.source})" if settings.source else ""
        err.print(f"steps{where}: {', '.join(config.step_names()) or '(none)'}", style="dim")
    return _Run(
        options=options,
        include=tuple(include) or settings.include or DEFAULT_INCLUDE,
        exclude=(*settings.exclude, *exclude),
        use_gitignore=not no_gitignore,
        jobs=jobs or os.cpu_count() or 1,
        quiet=quiet,
        verbose=verbose,
        color=color,
        err=err,
        out=out,
    )


def _error(run: _Run, path: str, message: str) -> None:
    run.err.print(f"error: {path}: {message}", style="red")


def _outcomes(run: _Run, files: Sequence[Path], options: Options,
              show_progress: bool) -> Iterator[tuple[FileOutcome, Progress | None]]:
    """Work on every file (in worker processes with ``-j``), yielding outcomes."""
    names = [str(f) for f in files]
    progress: Progress | None = None
    if show_progress:
        sizes = {}
        for name in names:
            try:
                sizes[name] = os.stat(name).st_size
            except OSError:
                sizes[name] = 0
        progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.fields[done]}/{task.fields[count]} files"),
            DownloadColumn(),
            TransferSpeedColumn(),
            TimeRemainingColumn(),
            console=run.err,
            transient=True,
        )
    jobs = min(run.jobs, len(names))
    if jobs <= 1:
        results: Iterator[FileOutcome] = (process_file(n, options) for n in names)
        executor = None
    else:
        # Submit everything before a progress thread exists (workers are
        # forked); take the results in order, so the output is the same as
        # with one process.
        # Load the steps' word tables once, here: forked workers share them
        # instead of each loading its own.
        warm_up(options.config())
        executor = process_pool(jobs)
        futures = [executor.submit(process_file, n, options) for n in names]
        results = (f.result() for f in futures)
    try:
        if progress is None:
            for outcome in results:
                yield outcome, None
            return
        with progress:
            task = progress.add_task("cleantext", total=sum(sizes.values()),
                                     done=0, count=len(names))
            for n, outcome in enumerate(results, 1):
                progress.update(task, advance=sizes.get(outcome.path, 0), done=n)
                yield outcome, progress
    finally:
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


def _outcomes_on_dask(files: Sequence[Path], options: Options, scheduler: str
                      ) -> Iterator[tuple[FileOutcome, Progress | None]]:
    """Repair every file in place on a Dask cluster (one task per file)."""
    try:
        from .scale import fix_files_on_dask
    except ImportError as exc:  # pragma: no cover - dask is in the scale extra
        raise click.UsageError(
            f"--scheduler needs dask.distributed (pip install 'cleantext-repair[scale]'): {exc}"
        ) from exc
    names = [str(f) for f in files]
    if not names:
        return
    try:
        results = fix_files_on_dask(names, scheduler, options.config(),
                                    keep_bom=options.keeps_bom())
        for name, (_, result) in zip(names, results, strict=True):
            try:
                size = os.stat(name).st_size
            except OSError:
                size = 0
            yield outcome_of_fix_file(name, size, result), None
    except (OSError, TimeoutError, ImportError) as exc:
        raise click.UsageError(f"cannot use the Dask scheduler {scheduler!r}: {exc}") from exc


def _discover(run: _Run, paths: Sequence[str], report: Report) -> tuple[list[Path], bool]:
    found = discover([Path(p) for p in paths], include=run.include, exclude=run.exclude,
                     use_gitignore=run.use_gitignore)
    for skipped in found.skipped:
        _skip(run, skipped, report)
    folders = any(Path(p).is_dir() for p in paths)
    return list(found.files), folders


def _skip(run: _Run, skipped: Skipped, report: Report) -> None:
    _error(run, str(skipped.path), f"skipped: {skipped.reason}")
    report.failed()


def _want_progress(run: _Run, files: Sequence[Path], folders: bool) -> bool:
    if run.quiet or not sys.stderr.isatty():  # a terminal, not just --color
        return False
    if folders:
        return True
    total = 0
    for f in files:
        try:
            total += f.stat().st_size
        except OSError:
            continue
    return total >= _LARGE


def _stdout_bytes(data: bytes) -> None:
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _echo_diff(run: _Run, diff: str) -> None:
    colour = run.color if run.color is not None else run.out.is_terminal
    if colour and not os.environ.get("NO_COLOR"):
        diff = colour_diff(diff)
    click.echo(diff, nl=False, color=colour)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cleantext-repair")
def cli() -> None:
    """Find and repair damaged text (mojibake, stray controls, PDF damage...).

    \b
    Exit codes: 0 nothing to repair, 1 repaired (or would be),
    2 usage error, 123 some files could not be worked on, 130 interrupted.
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, allow_dash=True))
@click.option("--check", is_flag=True,
              help="Change nothing; exit 1 if anything would be repaired.")
@click.option("--diff", is_flag=True, help="Print a unified diff instead of writing.")
@click.option("--stdout", "to_stdout", is_flag=True,
              help="Print the repaired text instead of writing files.")
@click.option("--keep-encoding", is_flag=True, default=None,
              help="Write back in the source encoding when it can hold the result "
                   "(default: UTF-8).")
@click.option("--backup", is_flag=True, default=None,
              help="Keep the original of each rewritten file as FILE.orig.")
@click.option("--keep-bom/--drop-bom", "keep_bom", default=None,
              help="Write a file's leading byte-order mark back, or drop it (default: "
                   "kept, dropped by the normalize and ascii profiles).")
@click.option("--stream-above", type=click.FloatRange(min=0.0), default=STREAM_ABOVE / 2**20,
              show_default=True, metavar="MB",
              help="Repair files at least this big chunk by chunk, in bounded memory.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Repair the files on a Dask cluster (scheduler address); its workers "
                   "must see the files at the same paths.")
@_shared_options
@click.pass_context
def fix(ctx: click.Context, /, paths: tuple[str, ...], check: bool, diff: bool,
        to_stdout: bool, keep_encoding: bool | None, backup: bool | None,
        keep_bom: bool | None, stream_above: float, scheduler: str | None,
        **shared: Any) -> None:
    """Repair PATHS (files and folders) in place; - reads standard input.

    Prints one line per repaired file and a summary. Folders are walked
    recursively, honouring .gitignore and --include/--exclude.
    """
    if not paths:
        raise click.UsageError("no paths given (use - for standard input)")
    if "-" in paths and len(paths) > 1:
        raise click.UsageError("- (standard input) cannot be mixed with paths")
    if to_stdout and (check or diff):
        raise click.UsageError("--stdout cannot be combined with --check or --diff")
    if scheduler and (check or diff or to_stdout or backup or keep_encoding or "-" in paths):
        raise click.UsageError(
            "--scheduler repairs files in place: it cannot be combined with -, --check, "
            "--diff, --stdout, --backup or --keep-encoding"
        )
    run = _prepare(paths, **shared)
    options = replace(
        run.options,
        write=not (check or diff or to_stdout),
        diff=diff,
        keep_output=to_stdout,
        keep_encoding=run.options.keep_encoding if keep_encoding is None else keep_encoding,
        backup=run.options.backup if backup is None else backup,
        keep_bom=run.options.keep_bom if keep_bom is None else keep_bom,
        stream_above=int(stream_above * 2**20),
    )
    report = Report(check=not options.write)
    if paths == ("-",):
        data = sys.stdin.buffer.read()
        outcome = process_bytes("-", data, replace(options, keep_output=True))
        if outcome.output is not None and not (check or diff):
            _stdout_bytes(outcome.output)
        _account(run, outcome, report, check or diff)
    else:
        files, folders = _discover(run, paths, report)
        if len(files) == 1:  # -j spreads the chunks of a single large file
            options = replace(options, chunk_jobs=run.jobs)
        outcomes = (
            _outcomes_on_dask(files, options, scheduler) if scheduler
            else _outcomes(run, files, options, _want_progress(run, files, folders))
        )
        for outcome, progress in outcomes:
            if to_stdout and outcome.output is not None:
                _stdout_bytes(outcome.output)
            _account(run, outcome, report, not options.write, progress)
    if not run.quiet:
        run.err.print(("Oh no! " if report.failure_count else "All done! ") + str(report))
    ctx.exit(report.return_code)


def _account(run: _Run, outcome: FileOutcome, report: Report, dry: bool,
             progress: Progress | None = None) -> None:
    console = progress.console if progress is not None else run.err
    if outcome.status is Status.FAILED:
        report.failed()
        console.print(f"error: {outcome.path}: {outcome.message}", style="red")
        return
    if outcome.status is Status.UNCHANGED:
        report.unchanged()
        if run.verbose and not run.quiet:
            console.print(f"unchanged {outcome.path}", style="dim")
        return
    report.changed()
    if outcome.diff:
        _echo_diff(run, outcome.diff)
    if not run.quiet:
        verb = "would fix" if dry else "fixed"
        extra = f"; original kept as {outcome.backup}" if outcome.backup else ""
        console.print(f"{verb} {outcome.path} ({outcome.message}{extra})")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="Print all findings as one JSON array.")
@click.option("--jsonl", "as_jsonl", is_flag=True, help="Print one JSON object per finding.")
@click.option("--summary", "summary_only", is_flag=True,
              help="Only the summaries (per kind, and the files with most damage), "
                   "not a table per file: a report on a whole corpus.")
@_shared_options
@click.pass_context
def scan(ctx: click.Context, /, paths: tuple[str, ...], as_json: bool, as_jsonl: bool,
         summary_only: bool, **shared: Any) -> None:
    """List the damage in PATHS without changing anything; - reads standard input.

    A table per file and a summary per kind of damage, or --json/--jsonl
    records with file, line, column, kind, confidence, before and after.
    Exits 1 if something would be repaired.
    """
    if not paths:
        raise click.UsageError("no paths given (use - for standard input)")
    if "-" in paths and len(paths) > 1:
        raise click.UsageError("- (standard input) cannot be mixed with paths")
    if as_json + as_jsonl + summary_only > 1:
        raise click.UsageError("--json, --jsonl and --summary cannot be combined")
    run = _prepare(paths, **shared)
    options = replace(run.options, write=False, records=True)
    report = Report(check=True)
    records: list[dict[str, object]] = []  # every record, for --json
    tally: list[dict[str, object]] = []  # kind, file, applied: for the summaries
    machine = as_json or as_jsonl
    if paths == ("-",):
        data = sys.stdin.buffer.read()
        stream: Iterator[tuple[FileOutcome, Progress | None]] = iter(
            [(process_bytes("-", data, options), None)]
        )
    else:
        files, folders = _discover(run, paths, report)
        stream = _outcomes(run, files, options,
                           _want_progress(run, files, folders) and not machine)
    for outcome, progress in stream:
        console = progress.console if progress is not None else run.out
        if outcome.status is Status.FAILED:
            report.failed()
            _error(run, outcome.path, outcome.message)
            continue
        (report.changed if outcome.status is Status.CHANGED else report.unchanged)()
        mine = list(outcome.records)
        if as_json:
            records.extend(mine)
        elif not machine:
            tally.extend({k: r[k] for k in ("kind", "file", "applied")} for r in mine)
        if as_jsonl:
            for r in mine:
                click.echo(json.dumps(r, ensure_ascii=False))
        elif not machine and mine and not run.quiet and not summary_only:
            console.print(scan_table(outcome.path, mine, outcome.encoding))
        elif not machine and not mine and run.verbose and not run.quiet:
            run.err.print(f"clean {outcome.path}", style="dim")
    if as_json:
        click.echo(json.dumps(records, ensure_ascii=False, indent=1))
    elif not machine and not run.quiet:
        if tally:
            run.out.print(kind_table(tally))
        if tally and summary_only:
            run.out.print(files_table(tally))
        run.err.print(f"{len(tally)} finding{'s' if len(tally) != 1 else ''}; " + str(report))
    ctx.exit(report.return_code)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, allow_dash=True))
@_shared_options
@click.pass_context
def explain(ctx: click.Context, /, paths: tuple[str, ...], **shared: Any) -> None:
    """Show each change in FILE (or standard input) with its context and reason.

    Exits 1 if something would be repaired.
    """
    paths = paths or ("-",)
    if "-" in paths and len(paths) > 1:
        raise click.UsageError("- (standard input) cannot be mixed with paths")
    if paths == ("-",) and sys.stdin is not None and sys.stdin.isatty():
        raise click.UsageError("give a FILE, or pipe text into standard input")
    run = _prepare(paths, **shared)
    options = replace(run.options, write=False, keep_text=True)
    report = Report(check=True)
    if paths == ("-",):
        outcomes = [process_bytes("-", sys.stdin.buffer.read(), options)]
    else:
        files, _ = _discover(run, paths, report)
        outcomes = [o for o, _ in _outcomes(run, files, options, False)]
    for outcome in outcomes:
        if outcome.status is Status.FAILED:
            report.failed()
            _error(run, outcome.path, outcome.message)
            continue
        (report.changed if outcome.status is Status.CHANGED else report.unchanged)()
        head = f"{outcome.path} (read as {outcome.encoding})"
        run.out.print(head, style="bold underline")
        for note in outcome.notes:
            run.out.print(f"file: {note}")
        if not outcome.findings:
            run.out.print("no damage found" if not outcome.notes else "")
        index = LineIndex(outcome.text)
        fixed = set(outcome.applied)
        for finding in sorted(outcome.findings, key=lambda f: (f.start, f.end)):
            run.out.print(explain_finding(outcome.text, index, finding, finding in fixed))
        run.out.print()
    if not run.quiet:
        run.err.print(str(report))
    ctx.exit(report.return_code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code.

    >>> main(["--version"])  # doctest: +ELLIPSIS
    cleantext, version ...
    0
    """
    try:
        code = cli.main(args=list(argv) if argv is not None else None,
                        prog_name="cleantext", standalone_mode=False)
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code if exc.exit_code else EXIT_USAGE
    except click.exceptions.Abort:  # Ctrl-C: files done so far are whole, the rest untouched
        click.echo("Aborted!", err=True)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # the reader went away (e.g. `cleantext fix - < f | head`): nothing to report
        sys.stderr.close()
        return EXIT_FAILED
    return code if isinstance(code, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
