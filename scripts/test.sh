#!/usr/bin/env bash
# Set up a virtualenv (.venv) and run the whole test suite: pytest (which also
# runs ruff and mypy, see tests/test_lint.py).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
.venv/bin/python -m pytest "$@"
