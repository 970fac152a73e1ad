"""Repair at scale: pandas columns, Dask bags and dataframes, files on a Dask cluster.

Dask and pandas are optional (``pip install cleantext-repair[scale]``); they
are imported only when these functions are called. Every function gives the
same text as :func:`cleantext.fix_text` run on each value in one process.

>>> import pandas as pd
>>> fix_series(pd.Series(["\\ufeffHello", "Привет"])).tolist()
['Hello', 'Привет']
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .api import fix_text
from .config import Config
from .errors import CleantextError
from .stream import FileResult, fix_file

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "fix_bag",
    "fix_column",
    "fix_files_on_dask",
    "fix_series",
    "fix_strings",
]


def fix_strings(values: Iterable[Any], config: Config | None = None) -> list[Any]:
    """Repair every string in ``values``; None and NaN (missing values) pass
    through unchanged; anything else is refused with a TypeError.

    >>> fix_strings(["\\ufeffa", None, "b"])
    ['a', None, 'b']
    """
    config = config or Config()
    out: list[Any] = []
    for value in values:
        if isinstance(value, str):
            out.append(fix_text(value, config))
        elif value is None or (isinstance(value, float) and value != value):
            out.append(value)
        else:
            raise TypeError(f"expected str or a missing value, got {type(value).__name__}")
    return out


def fix_series(series: pd.Series, config: Config | None = None) -> pd.Series:
    """Repair every string of a pandas Series (index, name and dtype kept;
    missing values pass through)."""
    present = series.notna()
    out = series.copy()
    if present.any():
        out[present] = fix_strings(series[present].tolist(), config)
    return out


def fix_column(frame: Any, column: str, config: Config | None = None) -> Any:
    """A copy of a pandas or Dask dataframe with the strings of ``column`` repaired.

    With a Dask dataframe the repair is lazy: it runs, partition by
    partition, on the workers when the result is computed.
    """
    config = config or Config()
    if hasattr(frame, "map_partitions"):  # a Dask dataframe
        series = frame[column].map_partitions(fix_series, config, meta=frame[column]._meta)
        return frame.assign(**{column: series})
    out = frame.copy()
    out[column] = fix_series(frame[column], config)
    return out


def fix_bag(bag: Any, config: Config | None = None) -> Any:
    """A Dask bag of the repaired strings of ``bag`` (lazy, partition by partition).

    Every element must be a string or a missing value (None, NaN).
    """
    config = config or Config()
    return bag.map_partitions(fix_strings, config)


def _fix_one(path: str, config: Config, kwargs: dict[str, Any]) -> FileResult | Exception:
    """Repair one file on a worker; a file that cannot be repaired comes back
    as its error (so one bad file does not stop the others)."""
    try:
        return fix_file(path, config, **kwargs)
    except (OSError, CleantextError) as exc:
        return exc


def fix_files_on_dask(
    paths: Sequence[str | os.PathLike[str]],
    scheduler: Any,
    config: Config | None = None,
    **fix_file_options: Any,
) -> Iterator[tuple[Path, FileResult | Exception]]:
    """Repair files on a Dask cluster, one task per file, with :func:`cleantext.fix_file`.

    ``scheduler`` is a scheduler address (``"tcp://host:8786"``) or a
    ``distributed.Client``. The workers must see the files at the same paths
    (a shared filesystem); each file is repaired in place unless
    ``fix_file_options`` says otherwise (``output`` makes no sense for many
    files). Yields ``(path, result)`` in the order of ``paths`` as results
    arrive; a file that could not be repaired (unreadable, not text) yields
    its error instead of a result.
    """
    from distributed import Client

    config = config or Config()
    if "output" in fix_file_options:
        raise ValueError("fix_files_on_dask repairs files in place; output is not allowed")
    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)  # type: ignore[no-untyped-call]
    try:
        names = [os.fspath(Path(p).absolute()) for p in paths]
        futures = client.map(
            _fix_one, names, config=config, kwargs=fix_file_options, pure=False
        )
        for name, future in zip(names, futures, strict=True):
            yield Path(name), future.result()
    finally:
        if client is not scheduler:
            client.close()  # type: ignore[no-untyped-call]
