#!/usr/bin/env bash
# Sourced by the test command. If PostgreSQL 15 is installed, start it and let the
# current user connect through the socket; export MEJA_TEST_POSTGRES for the tests.
# Where it is absent, say so in one line: the PostgreSQL tests are then skipped.
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql/15/main ]; then
    if [ "$(id -u)" = 0 ]; then
        pg_ctlcluster --skip-systemctl-redirect 15 main start 2>/dev/null || true
        su postgres -c "createuser --superuser $(id -un)" 2>/dev/null || true
    fi
    if psql -d postgres -Atc 'select 1' >/dev/null 2>&1; then
        export MEJA_TEST_POSTGRES="postgresql+psycopg:///postgres"
        echo "== PostgreSQL is running: the PostgreSQL tests will use it"
    else
        echo "== PostgreSQL is installed but not reachable: PostgreSQL tests will be SKIPPED"
    fi
else
    echo "== PostgreSQL is not installed: PostgreSQL tests will be SKIPPED"
fi
