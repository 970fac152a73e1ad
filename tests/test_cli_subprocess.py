"""The ``cleantext`` command line as a separate process: the real entry point,
real standard streams, real exit codes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BOM = b"\xef\xbb\xbf"
DAMAGED = BOM + BOM + b"Hello, world.\n"
REPAIRED = BOM + b"Hello, world.\n"  # the leading mark is a signature: kept


def cleantext(*args: str, cwd: Path, input: bytes | None = None,
              env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "cleantext.cli", *args],
        cwd=cwd, input=input, capture_output=True, timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_fix_check_and_stdin(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(DAMAGED)
    checked = cleantext("fix", "--check", "a.txt", cwd=tmp_path)
    assert checked.returncode == 1
    assert f.read_bytes() == DAMAGED
    assert b"would fix a.txt" in checked.stderr
    fixed = cleantext("fix", "a.txt", cwd=tmp_path)
    assert fixed.returncode == 1
    assert fixed.stdout == b""
    assert f.read_bytes() == REPAIRED
    piped = cleantext("fix", "-", cwd=tmp_path, input=DAMAGED)
    assert (piped.returncode, piped.stdout) == (1, REPAIRED)


def test_usage_error_and_failure_codes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(DAMAGED)
    usage = cleantext("fix", "--profile", "nope", "a.txt", cwd=tmp_path)
    assert usage.returncode == 2
    assert b"unknown profile 'nope'" in usage.stderr
    (tmp_path / "b.txt").write_bytes(b"\x00" * 100)
    failed = cleantext("fix", "a.txt", "b.txt", cwd=tmp_path)
    assert failed.returncode == 123
    assert (tmp_path / "b.txt").read_bytes() == b"\x00" * 100


def test_console_script_is_installed(tmp_path: Path) -> None:
    beside = Path(sys.executable).parent / "cleantext"  # this environment's, first
    exe = str(beside) if beside.exists() else shutil.which("cleantext")
    if exe is None:
        pytest.skip("the cleantext console script is not installed")
    (tmp_path / "a.txt").write_bytes(DAMAGED)
    done = subprocess.run([exe, "fix", "a.txt"], cwd=tmp_path, capture_output=True, timeout=120)
    assert done.returncode == 1
    assert (tmp_path / "a.txt").read_bytes() == REPAIRED
    version = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and "version" in version.stdout


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    """On a terminal a folder run shows a progress bar (files, MB, MB/s)."""
    import pty

    for n in range(40):
        (tmp_path / f"f{n}.txt").write_bytes(DAMAGED * 2000)
    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "cleantext.cli", "fix", "."],
            cwd=tmp_path, stdout=subprocess.PIPE, stderr=slave,
            env={**os.environ, "COLUMNS": "150", "TERM": "xterm"},
        )
        os.close(slave)
        slave = -1
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        proc.wait(timeout=120)
    finally:
        os.close(master)
        if slave != -1:
            os.close(slave)
    seen = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 1
    assert "/40 files" in seen
    assert "MB" in seen or "kB" in seen
    assert "/s" in seen
