"""Kill -9 a writer at random moments: nothing acknowledged may be lost or issued twice."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from desk_app.services.desk_key import desk_keys
from desk_app.store import outbox
from desk_app.store.complaints import by_ticket_code
from desk_app.store.db import Database

CHILD = Path(__file__).with_name("durability_child.py")
KILLS = 20


@pytest.mark.slow
def test_sigkill_never_loses_an_acknowledged_complaint(data_dir: Path):
    rng = random.Random(os.environ.get("MEJA_DURABILITY_SEED", "20261122"))
    acknowledged: list[tuple[str, str]] = []
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(data_dir)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "READY", (
            child.stderr.read() if child.stderr else ""
        )
        time.sleep(rng.uniform(0.0, 0.6))  # somewhere inside a write, or between two
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL
        acknowledged += [
            tuple(line.split()[1:3]) for line in out.splitlines() if line.startswith("ACK ")
        ]  # type: ignore[misc]

    assert len(acknowledged) > KILLS, "the child barely wrote anything; the test proves little"
    codes = [code for code, _ in acknowledged]
    assert len(codes) == len(set(codes)), "a ticket code was issued twice"

    database = Database(data_dir / "desk.sqlite3", desk_keys(data_dir))
    assert database.integrity_check() == "ok"
    with database.read() as session:
        for code, complaint_id in acknowledged:
            complaint = by_ticket_code(session, code)
            assert complaint is not None, f"{code} was acknowledged and then lost"
            assert str(complaint.id) == complaint_id
            assert outbox.state_of(session, complaint_id) == "pending"
        total = session.execute(
            text("SELECT count(*), count(DISTINCT ticket_code) FROM complaints")
        ).one()
        orphans = session.execute(
            text(
                "SELECT count(*) FROM complaints c LEFT JOIN outbox o ON o.complaint_id = c.id "
                "WHERE o.pk IS NULL"
            )
        ).scalar()
    assert total[0] == total[1]  # no code twice among everything written
    assert orphans == 0  # never a complaint without its outbox row
    database.close()
