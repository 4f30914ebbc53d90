#!/usr/bin/env bash
# Creates .venv and installs the project with its test extras. Safe to run again:
# it reinstalls only when pyproject.toml changed. Nothing is installed system-wide.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    echo "== creating .venv with $($PYTHON --version)"
    "$PYTHON" -m venv .venv
fi
stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
    echo "== installing dependencies into .venv"
    .venv/bin/python -m pip install --quiet --upgrade pip uv
    .venv/bin/uv pip install --quiet --python .venv/bin/python -e '.[test]'
    rm -f .venv/.installed-*
    touch "$stamp"
fi
