"""Repair on pandas and on a Dask LocalCluster equals the single-process run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

# Dask and pandas are in the test extra: CI must run these, never skip them.
import dask.bag as dask_bag
import dask.dataframe as dd
import distributed
import pandas as pd
import pytest

from cleantext import Config, fix_text
from cleantext.errors import NotTextError
from cleantext.scale import fix_bag, fix_column, fix_files_on_dask, fix_series, fix_strings
from cleantext.stream import FileResult, fix_file

TEXTS = [
    "\ufeffHello, world", "Привет, мир", "The cafÃ© is open", "naïve", "",
    "ﬁnd the ﬂow", "a\u00adb", "Қазақстан", "&amp; more", "plain ASCII",
] * 5


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_fix_strings_passes_missing_values_and_refuses_others() -> None:
    assert fix_strings(["\ufeffa", None, float("nan"), "b"])[:2] == ["a", None]
    with pytest.raises(TypeError, match="int"):
        fix_strings(["a", 3])


def test_fix_series_and_pandas_column() -> None:
    expected = [fix_text(t) for t in TEXTS]
    series = pd.Series(TEXTS, name="text")
    assert fix_series(series).tolist() == expected
    frame = pd.DataFrame({"id": range(len(TEXTS)), "text": TEXTS})
    fixed = fix_column(frame, "text")
    assert fixed["text"].tolist() == expected
    assert fixed["id"].tolist() == list(range(len(TEXTS)))
    assert frame["text"].tolist() == TEXTS  # the input is not changed
    with_missing = pd.Series(["\ufeffx", None], dtype=object)
    out = fix_series(with_missing)
    assert out[0] == "x" and out[1] is None


def test_dask_bag_on_a_local_cluster_equals_single_process(client: Any) -> None:
    config = Config(profile="normalize")
    bag = dask_bag.from_sequence(TEXTS, npartitions=4)
    assert fix_bag(bag, config).compute() == [fix_text(t, config) for t in TEXTS]


def test_dask_dataframe_column_on_a_local_cluster(client: Any) -> None:
    frame = pd.DataFrame({"id": range(len(TEXTS)), "text": TEXTS})
    ddf = dd.from_pandas(frame, npartitions=3)
    out = fix_column(ddf, "text").compute()
    assert out["text"].tolist() == [fix_text(t) for t in TEXTS]
    assert out["id"].tolist() == list(range(len(TEXTS)))


def test_files_on_a_local_cluster_by_address(client: Any, tmp_path: Path) -> None:
    paths = []
    for i, text in enumerate(TEXTS[:10]):
        path = tmp_path / f"{i}.txt"
        path.write_text(f"P {text}\n\nP more {i}\n", "utf-8")
        paths.append(path)
    bad = tmp_path / "binary.dat"
    bad.write_bytes(b"\x00\x01" * 50)
    single = tmp_path / "single"
    single.mkdir()
    expected = {}
    for path in paths:
        fix_file(path, output=single / path.name)
        expected[path.name] = (single / path.name).read_bytes()
    address = client.scheduler.address
    results = list(fix_files_on_dask([*paths, bad], address))
    assert [p.name for p, _ in results] == [p.name for p in paths] + ["binary.dat"]
    for path, result in results[:-1]:
        assert isinstance(result, FileResult)
        assert path.read_bytes() == expected[path.name]
    assert isinstance(results[-1][1], NotTextError)
    with pytest.raises(ValueError, match="output"):
        list(fix_files_on_dask(paths, client, output="x"))


def test_the_guide_examples_run(client: Any) -> None:
    import doctest

    guide = Path(__file__).resolve().parent.parent / "docs" / "scale.md"
    failed, attempted = doctest.testfile(str(guide), module_relative=False)
    assert attempted >= 8 and failed == 0
