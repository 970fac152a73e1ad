"""``cleantext fix --scheduler``: files repaired on a Dask cluster (a LocalCluster
here) give the same bytes as a local run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleantext.cli import cli
from cleantext.report import EXIT_CHANGED, EXIT_FAILED, EXIT_USAGE

distributed = pytest.importorskip("distributed")

BOM = b"\xef\xbb\xbf"
FILES = {
    "a.txt": BOM + BOM + b"Hello &amp; welcome\n",
    "b.txt": "Привет, мир\n".encode(),
    "c.txt": "Сәлем &amp; әлем\n".encode(),
}


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    cluster = distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    )
    try:
        yield str(cluster.scheduler_address)
    finally:
        cluster.close()


def _write(folder: Path) -> None:
    folder.mkdir()
    for name, data in FILES.items():
        (folder / name).write_bytes(data)


def test_scheduler_run_equals_local_run(tmp_path: Path, scheduler: str,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "local")
    _write(tmp_path / "dask")
    (tmp_path / "dask" / "bin.txt").write_bytes(b"\x00\x01\x02\x03" * 10)
    runner = CliRunner()
    local = runner.invoke(cli, ["fix", "local"], catch_exceptions=False)
    remote = runner.invoke(cli, ["fix", "--scheduler", scheduler, "dask"],
                           catch_exceptions=False)
    assert local.exit_code == EXIT_CHANGED
    assert remote.exit_code == EXIT_FAILED  # the binary file
    for name in FILES:
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()
    assert (tmp_path / "dask" / "bin.txt").read_bytes() == b"\x00\x01\x02\x03" * 10
    fixed = sorted(line.split()[1] for line in remote.stderr.splitlines()
                   if line.startswith("fixed"))
    assert fixed == ["dask/a.txt", "dask/c.txt"]
    assert "error: dask/bin.txt: not repaired" in remote.stderr


def test_scheduler_refuses_dry_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    scheduler: str) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "d")
    result = CliRunner().invoke(cli, ["fix", "--check", "--scheduler", scheduler, "d"])
    assert result.exit_code == EXIT_USAGE
    assert (tmp_path / "d" / "a.txt").read_bytes() == FILES["a.txt"]
