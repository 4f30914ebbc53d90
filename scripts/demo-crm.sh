#!/usr/bin/env bash
# Starts a local demo CRM on SQLite for `make run`: migrates, seeds demo data, enrols
# the demo desk PBK1 and serves on 127.0.0.1:8765 in the background.
# Prints (stdout, last line) the one-time enrolment code for the desk.
# Usage: scripts/demo-crm.sh [DATA_DIR]   (default .demo/crm); stop: kill "$(cat DATA_DIR/crm.pid)"
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-${MEJA_DEMO_DIR:-.demo}/crm}
mkdir -p "$DATA"
export MEJA_CRM_DATA_DIR="$DATA"
export MEJA_CRM_PORT=${MEJA_CRM_PORT:-8765}
export MEJA_CRM_PUBLIC_HOST=${MEJA_CRM_PUBLIC_HOST:-localhost:$MEJA_CRM_PORT}
unset MEJA_CRM_DATABASE_URL  # the demo is always the embedded SQLite file in $DATA
.venv/bin/crm-server migrate >&2
if [ ! -f "$DATA/.seeded" ]; then
    .venv/bin/crm-server seed-demo > "$DATA/demo-tokens.json"
    touch "$DATA/.seeded"
fi
if [ -f "$DATA/crm.pid" ] && kill -0 "$(cat "$DATA/crm.pid")" 2>/dev/null; then
    echo "== demo CRM already running (pid $(cat "$DATA/crm.pid"))" >&2
else
    nohup .venv/bin/crm-server serve >"$DATA/crm.log" 2>&1 &
    echo $! > "$DATA/crm.pid"
    for _ in $(seq 1 50); do
        if .venv/bin/python -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$MEJA_CRM_PORT/healthz', timeout=1)" 2>/dev/null; then
            break
        fi
        sleep 0.2
    done
    echo "== demo CRM on http://127.0.0.1:$MEJA_CRM_PORT (log $DATA/crm.log, staff tokens $DATA/demo-tokens.json)" >&2
fi
.venv/bin/crm-server enrol-desk --code PBK1 --site "Pendopo Balai Kota" 2>/dev/null
