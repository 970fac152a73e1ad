#!/usr/bin/env bash
# Set up a virtualenv (.venv) and run `cleantext fix` on a copy of a damaged
# sample from corpus/ (the original stays as it is), then show the result.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
sample="${1:-corpus/seeds/003_unesco_interview.damaged.txt}"
work="$(mktemp -d)"
cp "$sample" "$work/sample.txt"
.venv/bin/cleantext fix "$work/sample.txt" || true
echo "--- first lines of the repaired file ($work/sample.txt):"
head -n 20 "$work/sample.txt"
