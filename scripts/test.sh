#!/usr/bin/env bash
# The one command that sets everything up and runs every check (make test, .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/system-deps.sh
# shellcheck source=/dev/null
source scripts/postgres.sh
export QT_QPA_PLATFORM=offscreen
echo "== ruff";          .venv/bin/ruff check complaint_domain desk_app crm_server tests benchmarks
echo "== mypy";          .venv/bin/mypy
echo "== import-linter"; .venv/bin/lint-imports
echo "== pytest"
.venv/bin/pytest "$@"
