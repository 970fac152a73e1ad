"""File discovery and writing: nothing lost, even when killed mid-run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleantext import files
from cleantext.files import FileChangedError, discover, write_atomically, write_backup
from cleantext.writeback import Options, Status, encode_text, process_file

BOM = b"\xef\xbb\xbf"


def test_discover_walks_folders_in_a_stable_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ("z.txt", "a.md", "b/c.txt", "b/d.bin", "b/e.json"):
        (tmp_path / name).write_text("x")
    found = discover([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found.files] == [
        "a.md", "b/c.txt", "b/e.json", "z.txt"
    ]
    assert found.skipped == ()


def test_discover_takes_each_file_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    found = discover([tmp_path, tmp_path / "a.txt", tmp_path])
    assert found.files == (tmp_path / "a.txt",)


def test_discover_without_gitignore(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("*.txt\n")
    (tmp_path / "a.txt").write_text("x")
    assert discover([tmp_path]).files == ()
    assert discover([tmp_path], use_gitignore=False).files == (tmp_path / "a.txt",)


def test_gitignore_above_the_walked_folder_applies(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("drafts/\n")
    (tmp_path / "corpus" / "drafts").mkdir(parents=True)
    (tmp_path / "corpus" / "drafts" / "a.txt").write_text("x")
    (tmp_path / "corpus" / "b.txt").write_text("x")
    assert discover([tmp_path / "corpus"]).files == (tmp_path / "corpus" / "b.txt",)


def test_named_symlink_out_of_the_tree_is_skipped(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    (tmp_path / "secret.txt").write_text("x")
    (tree / "link.txt").symlink_to(tmp_path / "secret.txt")
    found = discover([tree / "link.txt"], tree=tree)
    assert found.files == ()
    assert "outside the tree" in found.skipped[0].reason


def test_named_pipe_is_skipped_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    found = discover([fifo, tmp_path])
    assert found.files == ()
    assert [s.reason for s in found.skipped] == ["not a regular file (a pipe, socket or device)"]


def test_missing_path_is_skipped(tmp_path: Path) -> None:
    found = discover([tmp_path / "nope.txt"])
    assert found.skipped[0].reason == "no such file or folder"


def test_write_atomically_keeps_mode_and_leaves_no_temp(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"old")
    f.chmod(0o604)
    write_atomically(f, b"new")
    assert f.read_bytes() == b"new"
    assert (f.stat().st_mode & 0o777) == 0o604
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"old")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(f, b"new")
    assert f.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_file_changed_on_disk_is_left_alone(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"old")
    before = f.stat()
    f.write_bytes(b"someone else's edit")
    with pytest.raises(FileChangedError):
        write_atomically(f, b"new", expect=before)
    assert f.read_bytes() == b"someone else's edit"


def test_backup_never_overwrites(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"v2")
    (tmp_path / "a.txt.orig").write_bytes(b"v1")
    assert write_backup(f, b"v2") == tmp_path / "a.txt.orig.1"
    assert (tmp_path / "a.txt.orig").read_bytes() == b"v1"


def test_process_file_reports_instead_of_raising(tmp_path: Path) -> None:
    f = tmp_path / "a.bin"
    f.write_bytes(b"\x00\x01\x02" * 10)
    outcome = process_file(str(f), Options())
    assert outcome.status is Status.FAILED
    assert "not text" in outcome.message
    assert process_file(str(tmp_path / "missing"), Options()).status is Status.FAILED


def test_encode_text_keeps_utf16_with_its_bom() -> None:
    data, target, _ = encode_text("hi", "utf-16-le", "utf-16-le", True, False)
    assert (data, target) == (b"\xff\xfeh\x00i\x00", "utf-16-le")
    data, target, _ = encode_text("hi", "utf-16-le", "utf-16-le", False, False)
    assert (data, target) == (b"hi", "utf-8")


def _make_corpus(folder: Path, n: int) -> dict[Path, tuple[bytes, bytes]]:
    """``n`` damaged files of various sizes; their old and expected new bytes."""
    expected = {}
    line = b"The quick brown fox jumps over the lazy dog.\n"
    for i in range(n):
        body = b"%d\n" % i + line * (20 + 9 * (i % 40))
        old = BOM + BOM + body
        path = folder / f"f{i:04d}.txt"
        path.write_bytes(old)
        expected[path] = (old, BOM + body)  # the signature stays, the stray mark goes
    return expected


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux ``/proc``; [] elsewhere)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended while we looked
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return False


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_kill_mid_run_leaves_every_file_old_or_new(tmp_path: Path, jobs: str) -> None:
    """SIGKILL a run over many files: each file is exactly old or exactly new."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    expected = _make_corpus(corpus, 150)
    proc = subprocess.Popen(
        [sys.executable, "-m", "cleantext.cli", "fix", "-j", jobs, str(corpus)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    assert proc.stderr is not None
    # wait until it has written a few files, then kill it without warning
    for _ in range(5):
        line = proc.stderr.readline()
        assert line.startswith(b"fixed"), line
    time.sleep(0.05)
    workers = _children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    # the workers of -j 2 see their parent gone and leave (they used to wait
    # for work forever, ~100 MB each)
    assert (1 <= len(workers) <= 2 if jobs == "2" else not workers) or not Path("/proc").is_dir()
    deadline = time.monotonic() + 10
    while workers and time.monotonic() < deadline:
        workers = [w for w in workers if Path(f"/proc/{w}").exists() and not _zombie(w)]
        time.sleep(0.1)
    assert workers == [], "workers outlived their killed parent"
    old = new = 0
    for path, (before, after) in expected.items():
        data = path.read_bytes()
        assert data in (before, after), f"{path.name} is neither old nor new ({len(data)} bytes)"
        old += data == before
        new += data == after
    assert new >= 5
    assert old >= 1, "the run finished before the kill: make the corpus bigger"
    # only our own temporary files may be left behind, and a new run ignores them
    strays = [p for p in corpus.iterdir() if p not in expected]
    assert all(p.name.endswith(".cleantext") for p in strays), strays
    done = subprocess.run([sys.executable, "-m", "cleantext.cli", "fix", "-q", str(corpus)],
                          capture_output=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert all(path.read_bytes() == after for path, (_, after) in expected.items())
