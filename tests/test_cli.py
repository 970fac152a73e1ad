"""The ``cleantext`` command line, in process (click's runner and ``main``).

pre-commit-hooks style: write bytes to a temporary folder, run the command,
assert the exit code, the output and the exact bytes on disk.

The damage used here is repaired by steps that exist from the start (a
byte-order mark decoded as text, HTML entities, zero-width characters) or by
no step at all (a windows-1251 file converted to UTF-8).
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cleantext import writeback
from cleantext.cli import cli, main
from cleantext.report import EXIT_CHANGED, EXIT_CLEAN, EXIT_FAILED, EXIT_USAGE

BOM = b"\xef\xbb\xbf"
# A UTF-8 file that starts with two byte-order marks: the first is the file's
# signature, the second was decoded as text (U+FEFF) and is damage.
DAMAGED = BOM + BOM + b"Hello, world.\n"
REPAIRED = BOM + b"Hello, world.\n"  # the leading mark is a signature: kept
CLEAN = "Привет, мир. Hello, world. Сәлем, әлем!\n".encode()
CP1251 = "Привет, мир.\n".encode("cp1251")


def run(*args: str, input: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)


def test_exit_codes_are_distinct() -> None:
    assert len({EXIT_CLEAN, EXIT_CHANGED, EXIT_USAGE, EXIT_FAILED}) == 4
    assert (EXIT_CLEAN, EXIT_CHANGED, EXIT_USAGE, EXIT_FAILED) == (0, 1, 2, 123)


def test_fix_clean_file_prints_nothing_and_does_not_write(tmp_path: Path) -> None:
    f = tmp_path / "clean.txt"
    f.write_bytes(CLEAN)
    os.utime(f, ns=(1_000_000_000, 1_000_000_000))
    result = run("fix", "clean.txt")
    assert result.exit_code == EXIT_CLEAN
    assert "clean.txt" not in result.output
    assert "1 file left unchanged" in result.stderr
    assert f.read_bytes() == CLEAN
    assert f.stat().st_mtime_ns == 1_000_000_000  # never rewritten


def test_fix_damaged_file_in_place(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(DAMAGED)
    result = run("fix", "a.txt")
    assert result.exit_code == EXIT_CHANGED
    assert f.read_bytes() == REPAIRED
    lines = result.stderr.splitlines()
    assert lines[0].startswith("fixed a.txt (")
    assert lines[-1] == "All done! 1 file repaired."
    assert result.stdout == ""
    # a second run finds nothing
    again = run("fix", "a.txt")
    assert again.exit_code == EXIT_CLEAN
    assert f.read_bytes() == REPAIRED


def test_one_line_per_changed_file_only(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(DAMAGED)
    (tmp_path / "b.txt").write_bytes(CLEAN)
    (tmp_path / "c.txt").write_bytes(b"Tom &amp; Jerry\n")
    result = run("fix", "a.txt", "b.txt", "c.txt")
    assert result.exit_code == EXIT_CHANGED
    fixed = [line for line in result.stderr.splitlines() if line.startswith("fixed")]
    assert [line.split()[1] for line in fixed] == ["a.txt", "c.txt"]
    assert "b.txt" not in result.stderr
    assert "2 files repaired, 1 file left unchanged" in result.stderr
    assert (tmp_path / "c.txt").read_bytes() == b"Tom & Jerry\n"


def test_check_changes_nothing(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(DAMAGED)
    result = run("fix", "--check", "a.txt")
    assert result.exit_code == EXIT_CHANGED
    assert f.read_bytes() == DAMAGED
    assert "would fix a.txt" in result.stderr
    assert "1 file would be repaired" in result.stderr
    (tmp_path / "b.txt").write_bytes(CLEAN)
    assert run("fix", "--check", "b.txt").exit_code == EXIT_CLEAN


def test_diff_prints_a_unified_diff_and_changes_nothing(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"line one\nTom &amp; Jerry\n")
    result = run("fix", "--diff", "a.txt")
    assert result.exit_code == EXIT_CHANGED
    assert f.read_bytes() == b"line one\nTom &amp; Jerry\n"
    assert result.stdout == (
        "--- a.txt\n+++ a.txt (repaired)\n@@ -1,2 +1,2 @@\n"
        " line one\n-Tom &amp; Jerry\n+Tom & Jerry\n"
    )
    assert "\x1b[" not in result.stdout  # no colour off a terminal
    coloured = run("fix", "--diff", "--color", "a.txt")
    assert "\x1b[31m-Tom &amp; Jerry\x1b[0m" in coloured.stdout


def test_stdout_prints_repaired_bytes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(DAMAGED)
    result = run("fix", "--stdout", "a.txt")
    assert result.exit_code == EXIT_CHANGED
    assert result.stdout_bytes == REPAIRED
    assert (tmp_path / "a.txt").read_bytes() == DAMAGED


def test_stdin_to_stdout() -> None:
    result = run("fix", "-", input=DAMAGED)
    assert result.exit_code == EXIT_CHANGED
    assert result.stdout_bytes == REPAIRED
    clean = run("fix", "-", input=CLEAN)
    assert clean.exit_code == EXIT_CLEAN
    assert clean.stdout_bytes == CLEAN
    checked = run("fix", "--check", "-", input=DAMAGED)
    assert checked.exit_code == EXIT_CHANGED
    assert checked.stdout_bytes == b""


@pytest.mark.parametrize(
    "args",
    [
        ["fix"],
        ["fix", "--profile", "nonsense", "a.txt"],
        ["fix", "--enable", "remove_bom,no_such_step", "a.txt"],
        ["fix", "--disable", "no_such_step", "a.txt"],
        ["fix", "missing.txt"],
        ["fix", "--stdout", "--check", "a.txt"],
        ["fix", "-", "a.txt"],
        ["fix", "--no-such-option", "a.txt"],
        ["scan", "--json", "--jsonl", "a.txt"],
        ["nonsense"],
    ],
)
def test_usage_errors_exit_2_and_change_nothing(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "a.txt").write_bytes(DAMAGED)
    result = run(*args)
    assert result.exit_code == EXIT_USAGE, result.output
    assert "Error" in result.stderr
    assert (tmp_path / "a.txt").read_bytes() == DAMAGED


def test_unknown_step_message_names_it(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(DAMAGED)
    result = run("fix", "--enable", "no_such_step", "a.txt")
    assert "no_such_step" in result.stderr


def test_binary_file_is_skipped_never_written(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(DAMAGED)
    binary = bytes(range(256)) * 4
    (tmp_path / "b.txt").write_bytes(binary)
    result = run("fix", "a.txt", "b.txt")
    assert result.exit_code == EXIT_FAILED
    assert (tmp_path / "b.txt").read_bytes() == binary
    assert (tmp_path / "a.txt").read_bytes() == REPAIRED  # the others are still repaired
    assert "error: b.txt: not repaired: not text" in result.stderr
    assert "1 file failed" in result.stderr


def test_image_named_txt_is_refused(tmp_path: Path) -> None:
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(200))
    (tmp_path / "u.txt").write_bytes(data)
    result = run("fix", "u.txt")
    assert result.exit_code == EXIT_FAILED
    assert (tmp_path / "u.txt").read_bytes() == data


def test_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_bytes(DAMAGED)
    real_open = open

    def deny(path: object, *args: object, **kwargs: object) -> object:
        if str(path).endswith("a.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(writeback, "open", deny, raising=False)
    result = run("fix", "a.txt")
    assert result.exit_code == EXIT_FAILED
    assert "error: a.txt: cannot read: Permission denied" in result.stderr
    assert (tmp_path / "a.txt").read_bytes() == DAMAGED


def test_line_endings_final_newline_and_mode_are_kept(tmp_path: Path) -> None:
    f = tmp_path / "crlf.txt"
    f.write_bytes(BOM + BOM + b"one\r\ntwo &amp; three\r\nno newline at the end")
    f.chmod(0o751)
    assert run("fix", "crlf.txt").exit_code == EXIT_CHANGED
    assert f.read_bytes() == BOM + b"one\r\ntwo & three\r\nno newline at the end"
    assert stat.S_IMODE(f.stat().st_mode) == 0o751


def test_legacy_encoding_is_written_as_utf8_unless_kept(tmp_path: Path) -> None:
    f = tmp_path / "ru.txt"
    f.write_bytes(CP1251)
    kept = run("fix", "--keep-encoding", "ru.txt")
    assert kept.exit_code == EXIT_CLEAN
    assert f.read_bytes() == CP1251
    converted = run("fix", "ru.txt")
    assert converted.exit_code == EXIT_CHANGED
    assert "windows-1251 -> utf-8" in converted.stderr
    assert f.read_bytes() == "Привет, мир.\n".encode()


def test_keep_encoding_writes_repairs_in_the_source_encoding(tmp_path: Path) -> None:
    f = tmp_path / "ru.txt"
    f.write_bytes("Привет, мир &amp; Вася.\n".encode("cp1251"))
    result = run("fix", "--keep-encoding", "ru.txt")
    assert result.exit_code == EXIT_CHANGED
    assert f.read_bytes() == "Привет, мир & Вася.\n".encode("cp1251")


def test_backup_keeps_the_original(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(DAMAGED)
    result = run("fix", "--backup", "a.txt")
    assert result.exit_code == EXIT_CHANGED
    assert f.read_bytes() == REPAIRED
    assert (tmp_path / "a.txt.orig").read_bytes() == DAMAGED
    assert "original kept as a.txt.orig" in result.stderr
    # a second damaged version never overwrites the first backup
    f.write_bytes(DAMAGED + b"more\n")
    run("fix", "--backup", "a.txt")
    assert (tmp_path / "a.txt.orig").read_bytes() == DAMAGED
    assert (tmp_path / "a.txt.orig.1").read_bytes() == DAMAGED + b"more\n"


def test_pyproject_settings_are_read_and_unknown_keys_warned(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.cleantext]\ndisable = ["unescape_html"]\ncolour = "blue"\n'
    )
    f = tmp_path / "a.txt"
    f.write_bytes(b"Tom &amp; Jerry\n")
    result = run("fix", "a.txt")
    assert result.exit_code == EXIT_CLEAN
    assert f.read_bytes() == b"Tom &amp; Jerry\n"
    assert "unknown key 'colour' in [tool.cleantext]" in result.stderr
    # the command line wins over the file
    result = run("fix", "--enable", "unescape_html", "a.txt")
    assert result.exit_code == EXIT_CHANGED
    assert f.read_bytes() == b"Tom & Jerry\n"


def test_pyproject_with_bad_values_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(DAMAGED)
    (tmp_path / "pyproject.toml").write_text('[tool.cleantext]\nprofile = "nope"\n')
    assert run("fix", "a.txt").exit_code == EXIT_USAGE
    (tmp_path / "pyproject.toml").write_text("[tool.cleantext]\nbackup = 3\n")
    assert run("fix", "a.txt").exit_code == EXIT_USAGE
    (tmp_path / "pyproject.toml").write_text("[tool.cleantext\n")
    assert run("fix", "a.txt").exit_code == EXIT_USAGE
    assert (tmp_path / "a.txt").read_bytes() == DAMAGED


def test_pyproject_keep_encoding_and_backup(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.cleantext]\nkeep-encoding = true\nbackup = true\n"
    )
    f = tmp_path / "ru.txt"
    f.write_bytes("Привет &amp; мир\n".encode("cp1251"))
    result = run("fix", "ru.txt")
    assert result.exit_code == EXIT_CHANGED
    assert f.read_bytes() == "Привет & мир\n".encode("cp1251")
    assert (tmp_path / "ru.txt.orig").read_bytes() == "Привет &amp; мир\n".encode("cp1251")


def test_pyproject_keep_bom(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"\xef\xbb\xbfcaf\xc3\x83\xc2\xa9\n")
    (tmp_path / "pyproject.toml").write_text("[tool.cleantext]\nkeep-bom = false\n")
    assert run("fix", "a.txt").exit_code == EXIT_CHANGED
    assert f.read_bytes() == "café\n".encode()
    f.write_bytes(b"\xef\xbb\xbfcaf\xc3\x83\xc2\xa9\n")
    (tmp_path / "pyproject.toml").write_text("[tool.cleantext]\nkeep-bom = true\n")
    assert run("fix", "--profile", "normalize", "a.txt").exit_code == EXIT_CHANGED
    assert f.read_bytes() == "\ufeffcafé\n".encode()
    f.write_bytes(b"\xef\xbb\xbfcaf\xc3\x83\xc2\xa9\n")
    assert run("fix", "--drop-bom", "a.txt").exit_code == EXIT_CHANGED  # the option wins
    assert f.read_bytes() == "café\n".encode()


def test_stdin_that_is_not_text_fails_and_prints_nothing() -> None:
    result = run("fix", "-", input=b"\x00\x01\x02\x03" * 50)
    assert result.exit_code == EXIT_FAILED
    assert result.stdout_bytes == b""
    assert "error: -: not repaired: not text" in result.stderr


def test_stdout_with_several_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(DAMAGED)
    (tmp_path / "b.txt").write_bytes(CLEAN)
    result = run("fix", "--stdout", "a.txt", "b.txt")
    assert result.exit_code == EXIT_CHANGED
    assert result.stdout_bytes == REPAIRED + CLEAN
    assert (tmp_path / "a.txt").read_bytes() == DAMAGED


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_large_files_are_repaired_in_chunks_with_the_same_result(
    tmp_path: Path, jobs: str
) -> None:
    body = "".join(
        f"Paragraph {i}: Tom &amp; Jerry, x\u200by.\n\n" if i % 500 == 0
        else f"Paragraph {i}: nothing to see here.\n\n"
        for i in range(7000)
    )
    data = BOM + BOM + body.encode()
    (tmp_path / "big.txt").write_bytes(data)
    (tmp_path / "whole.txt").write_bytes(data)
    checked = run("fix", "--check", "--stream-above", "0.01", "big.txt")
    assert checked.exit_code == EXIT_CHANGED and "in 2 chunks" in checked.stderr
    assert (tmp_path / "big.txt").read_bytes() == data
    chunked = run("fix", "-j", jobs, "--stream-above", "0.01", "big.txt")
    assert chunked.exit_code == EXIT_CHANGED
    assert "in 2 chunks)" in chunked.stderr  # it went through the bounded-memory path
    whole = run("fix", "whole.txt")
    assert whole.exit_code == EXIT_CHANGED and "chunk" not in whole.stderr
    assert (tmp_path / "big.txt").read_bytes() == (tmp_path / "whole.txt").read_bytes()
    assert run("fix", "--stream-above", "0.01", "big.txt").exit_code == EXIT_CLEAN


def test_large_file_that_is_not_text_is_refused(tmp_path: Path) -> None:
    data = b"\x00\x01\x02\x03" * 10000
    (tmp_path / "big.txt").write_bytes(data)
    result = run("fix", "--stream-above", "0.01", "big.txt")
    assert result.exit_code == EXIT_FAILED
    assert (tmp_path / "big.txt").read_bytes() == data


STREAMED = ("--stream-above", "0")  # every file through the bounded-memory path


@pytest.mark.parametrize("path", [(), STREAMED], ids=["whole", "streamed"])
def test_a_file_clean_but_for_its_byte_order_mark_is_not_rewritten(
    tmp_path: Path, path: tuple[str, ...]
) -> None:
    f = tmp_path / "bom.txt"
    f.write_bytes(BOM + CLEAN)
    os.utime(f, ns=(1_000_000_000, 1_000_000_000))
    result = run("fix", *path, "bom.txt")
    assert result.exit_code == EXIT_CLEAN, result.stderr
    assert f.read_bytes() == BOM + CLEAN
    assert f.stat().st_mtime_ns == 1_000_000_000  # not even rewritten
    assert run("fix", "--check", *path, "bom.txt").exit_code == EXIT_CLEAN


@pytest.mark.parametrize("path", [(), STREAMED], ids=["whole", "streamed"])
def test_the_signature_is_kept_and_stray_marks_removed(
    tmp_path: Path, path: tuple[str, ...]
) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(BOM + BOM + b"one\n\ntwo\xef\xbb\xbf three\n")
    result = run("fix", *path, "a.txt")
    assert result.exit_code == EXIT_CHANGED
    assert f.read_bytes() == BOM + b"one\n\ntwo three\n"
    assert "byte-order mark removed" not in result.stderr


@pytest.mark.parametrize("path", [(), STREAMED], ids=["whole", "streamed"])
def test_normalising_profiles_and_drop_bom_drop_the_signature(
    tmp_path: Path, path: tuple[str, ...]
) -> None:
    for args in (("--profile", "normalize"), ("--profile", "ascii"), ("--drop-bom",)):
        f = tmp_path / "a.txt"
        f.write_bytes(BOM + CLEAN)
        result = run("fix", *path, *args, "a.txt")
        assert result.exit_code == EXIT_CHANGED, args
        assert "byte-order mark removed" in result.stderr
        assert not f.read_bytes().startswith(BOM), args
    f.write_bytes(BOM + b"Hello, world.\n")
    assert run("fix", *path, "--profile", "normalize", "--keep-bom", "a.txt").exit_code == 0
    assert f.read_bytes() == BOM + b"Hello, world.\n"


def test_stdin_keeps_its_signature() -> None:
    result = run("fix", "-", input=BOM + BOM + b"Hello, world.\n")
    assert result.stdout_bytes == BOM + b"Hello, world.\n"
    result = run("fix", "--drop-bom", "-", input=BOM + b"Hello, world.\n")
    assert result.stdout_bytes == b"Hello, world.\n"


def test_disabling_remove_bom_keeps_the_byte_order_mark(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(DAMAGED)
    assert run("fix", "--disable", "remove_bom", "a.txt").exit_code == EXIT_CLEAN
    assert f.read_bytes() == DAMAGED


def test_profile_option_is_used(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"one\r\ntwo\r\n")
    assert run("fix", "a.txt").exit_code == EXIT_CLEAN  # repair keeps CRLF
    assert run("fix", "--profile", "normalize", "a.txt").exit_code == EXIT_CHANGED
    assert f.read_bytes() == b"one\ntwo\n"


def test_folders_honour_gitignore_and_globs(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / ".gitignore").write_text("ignored/\n*.skip.txt\n")
    (root / "sub" / ".gitignore").write_text("local.txt\n")
    for name in ("a.txt", "sub/b.md", "sub/deeper/c.txt", "x.skip.txt", "sub/local.txt",
                 "image.png", "sub/e.csv"):
        (root / name).write_bytes(DAMAGED)
    (root / "ignored").mkdir()
    (root / "ignored" / "d.txt").write_bytes(DAMAGED)
    (root / ".git" / "config.txt").write_bytes(DAMAGED)
    result = run("fix", "--exclude", "*.csv", "corpus")
    assert result.exit_code == EXIT_CHANGED
    fixed = sorted(line.split()[1] for line in result.stderr.splitlines()
                   if line.startswith("fixed"))
    assert fixed == ["corpus/a.txt", "corpus/sub/b.md", "corpus/sub/deeper/c.txt"]
    for name in ("x.skip.txt", "sub/local.txt", "image.png", "sub/e.csv", "ignored/d.txt",
                 ".git/config.txt"):
        assert (root / name).read_bytes() == DAMAGED, name
    # --include replaces the default globs; a file named explicitly is always taken
    result = run("fix", "--include", "*.png", "corpus", "corpus/sub/e.csv")
    assert (root / "image.png").read_bytes() == REPAIRED
    assert (root / "sub" / "e.csv").read_bytes() == REPAIRED


def test_symlink_out_of_the_tree_is_skipped(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_bytes(DAMAGED)
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "inside.txt").write_bytes(DAMAGED)
    (tree / "link.txt").symlink_to(outside)
    (tree / "inner-link.txt").symlink_to(tree / "inside.txt")
    result = run("fix", "tree")
    assert result.exit_code == EXIT_FAILED
    assert "tree/link.txt: skipped: symlink leading outside the tree" in result.stderr
    assert outside.read_bytes() == DAMAGED
    assert (tree / "link.txt").is_symlink()
    assert (tree / "inside.txt").read_bytes() == REPAIRED
    assert (tree / "inner-link.txt").is_symlink()  # a link inside stays a link


def test_jobs_give_the_same_result(tmp_path: Path) -> None:
    for n in range(12):
        (tmp_path / f"f{n}.txt").write_bytes(DAMAGED if n % 3 else b"a &amp; b\n")
    scans = [run("scan", "--jsonl", "-j", jobs, ".").stdout for jobs in ("1", "2")]
    assert scans[0] == scans[1] and scans[0].count("\n") == 12
    checks = [run("fix", "--check", "-j", jobs, ".").stderr for jobs in ("1", "2")]
    assert checks[0] == checks[1]  # same lines in the same order
    for n in range(12):
        if not n % 3:
            (tmp_path / f"f{n}.txt").write_bytes(CLEAN)
    result = run("fix", "-j", "2", ".")
    assert result.exit_code == EXIT_CHANGED
    assert "8 files repaired, 4 files left unchanged" in result.stderr
    for n in range(12):
        assert (tmp_path / f"f{n}.txt").read_bytes() == (REPAIRED if n % 3 else CLEAN)


def test_no_progress_bar_off_a_terminal(tmp_path: Path) -> None:
    for n in range(3):
        (tmp_path / f"f{n}.txt").write_bytes(DAMAGED)
    result = run("fix", ".")
    assert "MB/s" not in result.output and "files" not in result.stderr.splitlines()[0]


def test_quiet_prints_errors_only(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(DAMAGED)
    (tmp_path / "b.txt").write_bytes(b"\x00\x01")
    result = run("fix", "-q", "a.txt", "b.txt")
    assert result.exit_code == EXIT_FAILED
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: b.txt: not repaired: not text: ")
    assert (tmp_path / "a.txt").read_bytes() == REPAIRED


def test_scan_table_and_summary(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"first line\nTom &amp; Jerry\n")
    (tmp_path / "b.txt").write_bytes(CLEAN)
    result = run("scan", "a.txt", "b.txt")
    assert result.exit_code == EXIT_CHANGED
    assert "a.txt" in result.stdout and "b.txt" not in result.stdout
    assert "html_entity" in result.stdout or "entity" in result.stdout
    assert "&amp;" in result.stdout
    assert "Damage by kind" in result.stdout
    assert "1 finding;" in result.stderr
    assert (tmp_path / "a.txt").read_bytes() == b"first line\nTom &amp; Jerry\n"
    assert run("scan", "b.txt").exit_code == EXIT_CLEAN


def test_scan_summary_for_a_corpus(tmp_path: Path) -> None:
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_bytes(b"x &amp; y &lt; z\n")
    (tmp_path / "c" / "b.txt").write_bytes(b"x &amp; y\n")
    (tmp_path / "c" / "clean.txt").write_bytes(CLEAN)
    result = run("scan", "--summary", "c")
    assert result.exit_code == EXIT_CHANGED
    out = result.stdout
    assert "Damage by kind" in out and "Files with most damage" in out
    assert "line" not in out  # no per-file tables
    assert out.index("c/a.txt") < out.index("c/b.txt")  # most damage first
    assert "clean.txt" not in out
    assert "3 findings;" in result.stderr


def test_scan_json_has_positions(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("first line\nПривет &amp; мир\n".encode())
    result = run("scan", "--json", "a.txt")
    assert result.exit_code == EXIT_CHANGED
    records = json.loads(result.stdout)
    assert len(records) == 1
    r = records[0]
    assert (r["file"], r["line"], r["column"], r["before"], r["after"], r["applied"]) == (
        "a.txt", 2, 8, "&amp;", "&", True
    )
    assert set(r) >= {"file", "line", "column", "kind", "confidence", "before", "after"}
    jsonl = run("scan", "--jsonl", "a.txt")
    assert [json.loads(line) for line in jsonl.stdout.splitlines()] == records


def test_scan_stdin() -> None:
    result = run("scan", "--jsonl", "-", input="x\u200by\n".encode())
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["file"], r["line"], r["column"], r["before"], r["after"]) for r in records] == [
        ("-", 1, 2, "\u200b", "")
    ]


def test_explain_shows_context_and_reason(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"first line\nTom &amp; Jerry went home\n")
    result = run("explain", "a.txt")
    assert result.exit_code == EXIT_CHANGED
    out = result.stdout
    assert "line 2, column 5" in out
    assert "before: Tom &amp; Jerry went home" in out
    assert "after:  Tom & Jerry went home" in out
    assert "why:" in out
    piped = run("explain", input=b"Tom &amp; Jerry\n")
    assert "after:  Tom & Jerry" in piped.stdout
    clean = run("explain", input=CLEAN)
    assert clean.exit_code == EXIT_CLEAN
    assert "no damage found" in clean.stdout


def test_main_returns_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(DAMAGED)
    assert main(["fix", "--check", str(f)]) == EXIT_CHANGED
    assert main(["fix", str(f)]) == EXIT_CHANGED
    assert f.read_bytes() == REPAIRED
    assert main(["fix", str(f)]) == EXIT_CLEAN
    assert main(["fix", "--profile", "nope", str(f)]) == EXIT_USAGE
    assert "unknown profile" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["cli", "files", "writeback", "report", "render"])
def test_doctests(name: str) -> None:
    import doctest
    import importlib

    module = importlib.import_module(f"cleantext.{name}")
    failures, attempted = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert attempted > 0
    assert failures == 0


def test_nearest_pyproject_stops_at_the_git_root(tmp_path: Path) -> None:
    from cleantext.settings import find_pyproject

    (tmp_path / "pyproject.toml").write_text("[tool.cleantext]\n")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "corpus").mkdir()
    (repo / "corpus" / "a.txt").write_text("x")
    assert find_pyproject([repo / "corpus" / "a.txt"]) is None
    (repo / "pyproject.toml").write_text("[tool.cleantext]\n")
    assert find_pyproject([repo / "corpus" / "a.txt", repo / "corpus"]) == (
        repo / "pyproject.toml"
    ).resolve()


def test_config_option_names_the_settings_file(tmp_path: Path) -> None:
    (tmp_path / "cleantext.toml").write_text('[tool.cleantext]\nprofile = "normalize"\n')
    f = tmp_path / "a.txt"
    f.write_bytes(b"one\r\ntwo\r\n")
    assert run("fix", "--config", "cleantext.toml", "a.txt").exit_code == EXIT_CHANGED
    assert f.read_bytes() == b"one\ntwo\n"
