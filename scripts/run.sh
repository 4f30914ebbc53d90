#!/usr/bin/env bash
# The one command that sets everything up and runs the desk app against a local demo
# CRM on SQLite (make run). Everything lives in .demo/ (MEJA_DEMO_DIR to change it):
#   .demo/crm   the demo CRM (started in the background, seeded once; log in crm.log)
#   .demo/desk  the desk's database, files and settings
# On the first start the desk asks for its first admin account.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/desk-system-deps.sh  # the system libraries Qt's X11 window needs
export MEJA_DEMO_DIR=${MEJA_DEMO_DIR:-.demo}
DESK="$MEJA_DEMO_DIR/desk"
mkdir -p "$DESK"
code=$(scripts/demo-crm.sh "$MEJA_DEMO_DIR/crm" | tail -n 1)
if [ ! -s "$DESK/desk-token" ] && [ ! -f "$DESK/.enrolled" ]; then
    .venv/bin/desk-app --data-dir "$DESK" enrol --crm "http://127.0.0.1:${MEJA_CRM_PORT:-8765}" --code "$code" \
        && touch "$DESK/.enrolled"
fi
echo "== desk app (data $DESK); stop the demo CRM with: kill \$(cat $MEJA_DEMO_DIR/crm/crm.pid)"
exec .venv/bin/desk-app --data-dir "$DESK" "$@"
