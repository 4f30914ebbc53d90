"""Gammu SMSD's SQL back-end in the CRM's own PostgreSQL: a real ``gammu-smsd`` (dummy
phone driver) reads our messages from its ``outbox`` table in a schema of the CRM's
database, and what a citizen sends reaches us through its ``inbox`` table."""

from __future__ import annotations

import dataclasses
import secrets
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from crm_server.core.crm import Crm
from crm_server.core.sms import templates
from crm_server.core.sms.gsm7 import fits
from crm_server.core.sms.sender import Outgoing
from crm_server.core.sms.staff import complaint_messages
from crm_server.sms_gateway.gammu_sql import GammuSqlGateway
from crm_server.sms_gateway.runner import run_once
from tests.crm_server.sms.gammu_rig import SKIP_REASON, available, wait_for
from tests.crm_server.sms.helpers import LIFE, LIFE_KINDS, OTHER, PHONE, sms_item, step

SCHEMA_SQL = Path("/usr/share/doc/gammu-smsd/examples/pgsql.sql")
pytestmark = pytest.mark.skipif(not available(), reason=SKIP_REASON)
Push = Callable[..., dict[str, Any]]
CONFIG = """[gammu]
device = {root}/phone
model = dummy
connection = none

[smsd]
service = sql
driver = native_pgsql
host = 127.0.0.1
user = {role}
password = {password}
database = {database}
commtimeout = 1
receivefrequency = 1
loopsleep = 1
statusfrequency = 0
checksecurity = 0
checkbattery = 0
checksignal = 0
checknetwork = 0
logfile = {root}/smsd.log
debuglevel = 1
"""


@pytest.fixture
def sql_daemon(crm: Crm, tmp_path: Path) -> Iterator[Path]:
    """Gammu's tables in schema ``gammu`` of the test database, a role for the daemon
    whose search_path is that schema, and the daemon running; its log's path."""
    if crm.dialect != "postgresql":
        pytest.skip("Gammu's SQL back-end lives in the CRM's PostgreSQL")
    if not SCHEMA_SQL.exists():
        pytest.skip(f"{SCHEMA_SQL} (Gammu's PostgreSQL schema, in gammu-smsd) is missing")
    role, password = f"meja_smsd_{secrets.token_hex(3)}", secrets.token_hex(12)
    database = make_url(crm.settings.database_url).database
    script = SCHEMA_SQL.read_text().replace("CREATE LANGUAGE plpgsql;", "")
    with crm.engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA IF EXISTS gammu CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA gammu")
        conn.exec_driver_sql("SET LOCAL search_path = gammu")
        conn.exec_driver_sql(script)
        conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
        conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA gammu TO {role}")
        conn.exec_driver_sql(f"GRANT ALL ON ALL TABLES IN SCHEMA gammu TO {role}")
        conn.exec_driver_sql(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA gammu TO {role}")
        conn.exec_driver_sql(f'ALTER ROLE {role} IN DATABASE "{database}" SET search_path = gammu')
    root = tmp_path / "gammu-sql"
    (root / "phone").mkdir(parents=True)
    config = root / "smsdrc"
    config.write_text(CONFIG.format(root=root, role=role, password=password, database=database))
    daemon = subprocess.Popen(
        ["gammu-smsd", "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    log = root / "smsd.log"
    try:
        wait_for(lambda: log.exists() and "Starting phone" in log.read_text(), 15, "gammu-smsd")
        yield log
    finally:
        daemon.terminate()
        daemon.wait(timeout=15)
        with crm.engine.begin() as conn:
            conn.exec_driver_sql("DROP SCHEMA gammu CASCADE")
            conn.exec_driver_sql(f"DROP OWNED BY {role}")
            conn.exec_driver_sql(f"DROP ROLE {role}")


def sent(crm: Crm) -> list[tuple[str, str, str]]:
    with crm.engine.connect() as conn:
        rows = conn.execute(
            text(
                'SELECT "CreatorID", "DestinationNumber", "TextDecoded" FROM gammu.sentitems '
                'ORDER BY "ID"'
            )
        ).all()
    return [tuple(r) for r in rows]


def test_a_whole_life_and_cek_through_gammus_sql_tables(
    crm: Crm, push: Push, staff: Any, sql_daemon: Path
) -> None:
    crm.settings = dataclasses.replace(crm.settings, sms_daily_cap=20)
    gateway = GammuSqlGateway(crm.engine)
    item = sms_item()
    push(item)
    ticket = item["ticket_code"]
    for who, action, body in LIFE:
        step(crm, who, ticket, action, **body)
    report = run_once(crm, gateway)
    assert report is not None and report.hand_over.handed == len(LIFE_KINDS)
    wait_for(lambda: len(sent(crm)) == len(LIFE_KINDS), 60, "the daemon to send them")
    again = run_once(crm, gateway)
    assert again is not None and again.hand_over.handed == 0
    listed = complaint_messages(crm, ticket)
    assert listed is not None
    assert [(m["kind"], m["state"]) for m in listed] == [(k, "sent") for k in LIFE_KINDS]
    rows = sent(crm)
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)  # in order, once each
    assert [r[2] for r in rows] == [m["text"] for m in listed]
    assert all(fits(r[2]) and r[1] == PHONE for r in rows)
    # Handed again after a crash: found by its CreatorID, not inserted twice.
    assert gateway.submit(Outgoing(rows[0][0], PHONE, rows[0][2], retry=True)) == rows[0][0]
    with crm.engine.connect() as conn:
        copies = conn.scalar(
            text(
                'SELECT (SELECT count(*) FROM gammu.outbox WHERE "CreatorID" = :r) + '
                '(SELECT count(*) FROM gammu.sentitems WHERE "CreatorID" = :r)'
            ),
            {"r": rows[0][0]},
        )
    assert copies == 1

    # A citizen's messages arrive in Gammu's inbox table (as the daemon stores them).
    with crm.engine.begin() as conn:
        for sender, message in ((PHONE, f"cek {ticket.lower()}"), (OTHER, f"CEK {ticket}")):
            conn.execute(
                text(
                    'INSERT INTO gammu.inbox ("SenderNumber", "TextDecoded", "UDH", "Text", '
                    "\"RecipientID\") VALUES (:s, :t, '', '', '')"
                ),
                {"s": sender, "t": message},
            )
    report = run_once(crm, gateway)
    assert report is not None and report.received == 2 and report.hand_over.handed == 2
    wait_for(lambda: len(sent(crm)) == len(LIFE_KINDS) + 2, 30, "the replies")
    replies = {r[1]: r[2] for r in sent(crm)[-2:]}
    assert replies[PHONE].startswith(f"Aduan {ticket}: Selesai")
    assert replies[OTHER] == templates.NOT_FOUND
    assert run_once(crm, gateway).received == 0  # type: ignore[union-attr]
    assert "Transmitted" in sql_daemon.read_text()
