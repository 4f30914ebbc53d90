#!/usr/bin/env bash
# Benchmarks (make bench / make bench-big): each prints its own table. PostgreSQL is
# started as for the tests so the CRM benchmarks measure it too; the GUI runs offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
# shellcheck source=/dev/null
source scripts/postgres.sh
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m benchmarks "$@"
