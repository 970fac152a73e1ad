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
# exit code 1 means "repaired something": a success for the demo; anything else fails it
status=0
.venv/bin/cleantext fix "$work/sample.txt" || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
    echo "cleantext fix failed with exit code $status" >&2
    exit "$status"
fi
echo "--- first lines of the repaired file ($work/sample.txt):"
head -n 20 "$work/sample.txt"
