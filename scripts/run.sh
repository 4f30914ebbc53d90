#!/usr/bin/env bash
# The one command that sets everything up and runs the desk app (make run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
DATA=${MEJA_DEMO_DIR:-.demo}
mkdir -p "$DATA"
exec .venv/bin/desk-app --data-dir "$DATA/desk" "$@"
