"""The shipped pre-commit hooks, end to end, with the real ``pre-commit`` tool.

A copy of this repository's current files is committed to a temporary hook
repository (so uncommitted work is what gets tested); a second temporary git
repository uses it from ``.pre-commit-config.yaml``. pre-commit pip-installs
the hook repository into its own virtualenv, which needs the package index.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

_BESIDE = Path(sys.executable).parent / "pre-commit"  # this environment's, first
PRE_COMMIT = str(_BESIDE) if _BESIDE.exists() else (shutil.which("pre-commit") or str(_BESIDE))

pytestmark = pytest.mark.skipif(
    not Path(PRE_COMMIT).exists() or shutil.which("git") is None,
    reason="pre-commit (or git) is not installed",
)

BOM = b"\xef\xbb\xbf"
DAMAGED = BOM + BOM + b"Tom &amp; Jerry\n"
REPAIRED = BOM + b"Tom & Jerry\n"  # the leading mark is a signature: kept


def _git(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)


def _hook_repo(tmp: Path, env: dict[str, str]) -> tuple[Path, str]:
    """A git repository holding the current package files; its commit."""
    repo = tmp / "hookrepo"
    shutil.copytree(ROOT / "src", repo / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"))
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, repo / name)
    _git("init", "-q", cwd=repo, env=env)
    _git("add", ".", cwd=repo, env=env)
    _git("commit", "-q", "-m", "hooks", cwd=repo, env=env)
    sha = _git("rev-parse", "HEAD", cwd=repo, env=env).stdout.strip()
    return repo, sha


def test_hooks_fix_then_pass(tmp_path: Path) -> None:
    started = time.monotonic()
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig"),
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PRE_COMMIT_COLOR": "never",
        # the hook's virtualenv is thrown away with tmp_path: skip the extras
        "PIP_NO_COMPILE": "1",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    env.pop("VIRTUAL_ENV", None)
    (tmp_path / "gitconfig").write_text("[init]\n\tdefaultBranch = main\n")
    hooks, sha = _hook_repo(tmp_path, env)

    work = tmp_path / "work"
    (work / "corpus").mkdir(parents=True)
    _git("init", "-q", cwd=work, env=env)
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {hooks}\n  rev: {sha}\n  hooks:\n"
        "  - id: cleantext-fix\n    files: ^corpus/\n"
    )
    (work / "corpus" / "a.txt").write_bytes(DAMAGED)
    (work / "corpus" / "clean.txt").write_bytes("Привет, мир\n".encode())
    (work / "corpus" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    installed = subprocess.run([PRE_COMMIT, "install"], cwd=work, env=env,
                               capture_output=True, text=True, timeout=60)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    _git("add", ".", cwd=work, env=env)

    # the hook repairs the damaged file and fails the commit
    first = _git("commit", "-m", "damaged text", cwd=work, env=env)
    assert first.returncode != 0, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout + first.stderr
    assert "fixed corpus/a.txt" in first.stdout + first.stderr
    assert (work / "corpus" / "a.txt").read_bytes() == REPAIRED
    assert (work / "corpus" / "image.png").read_bytes().startswith(b"\x89PNG")

    # the repaired file commits cleanly
    _git("add", ".", cwd=work, env=env)
    second = _git("commit", "-m", "repaired text", cwd=work, env=env)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "cleantext (repair damaged text)" in second.stdout + second.stderr

    # the checking hook fails on damage and changes nothing
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {hooks}\n  rev: {sha}\n  hooks:\n  - id: cleantext-check\n"
    )
    (work / "corpus" / "b.txt").write_bytes(DAMAGED)
    _git("add", ".", cwd=work, env=env)
    checked = subprocess.run([PRE_COMMIT, "run", "--all-files"], cwd=work, env=env,
                             capture_output=True, text=True, timeout=120)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "would fix corpus/b.txt" in checked.stdout
    assert (work / "corpus" / "b.txt").read_bytes() == DAMAGED
    (work / "corpus" / "b.txt").write_bytes(REPAIRED)
    _git("add", ".", cwd=work, env=env)
    passed = subprocess.run([PRE_COMMIT, "run", "--all-files"], cwd=work, env=env,
                            capture_output=True, text=True, timeout=120)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    print(f"pre-commit end-to-end: {time.monotonic() - started:.1f} s")


def test_manifest_is_valid() -> None:
    done = subprocess.run([PRE_COMMIT, "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    text = (ROOT / ".pre-commit-hooks.yaml").read_text()
    for hook in ("id: cleantext-fix", "id: cleantext-check", "language: python",
                 "types: [text]"):
        assert hook in text
