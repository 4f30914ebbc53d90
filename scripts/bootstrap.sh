#!/usr/bin/env bash
# Creates .venv and installs the project with its test extras. Safe to run again:
# it reinstalls only when pyproject.toml or this script changed. Nothing is installed system-wide.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    echo "== creating .venv with $($PYTHON --version)"
    "$PYTHON" -m venv .venv
fi
# Reinstall when the dependencies or this script change.
stamp=".venv/.installed-$(cat pyproject.toml scripts/bootstrap.sh | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
    echo "== installing dependencies into .venv"
    .venv/bin/python -m pip install --quiet --upgrade pip uv
    # --compile-bytecode: as an installer does, so that no start pays for compiling
    # SQLAlchemy & co. from source (0.4 s more per start where PYTHONDONTWRITEBYTECODE
    # is set, as on the CI machines).
    .venv/bin/uv pip install --quiet --compile-bytecode --python .venv/bin/python -e '.[desk,crm,test]'
    rm -f .venv/.installed-*
    touch "$stamp"
fi
# The project's own modules (installed editable) too; only changed files are compiled.
.venv/bin/python -m compileall -q complaint_domain desk_app crm_server >/dev/null
