"""The desk process killed with SIGKILL in the middle of a push and of a pull: a
child process runs the engine; the test kills it while a request is in flight,
then a fresh engine (a restarted app) finishes the job."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from sqlalchemy import select

from crm_server.db.models import Desk as CrmDesk
from crm_server.db.models import Event as CrmEvent
from desk_app.store import keyvalue, outbox
from desk_app.store.models import EventRow
from desk_app.sync.engine import CURSOR_KEY
from tests.sync.conftest import DeskRig, fast_engine
from tests.sync.crm import REPO, CrmProcess, assert_converged, crm_snapshot
from tests.sync.faultproxy import FaultProxy

PUSH = "/api/v1/sync/complaints"
CHANGES = "/api/v1/sync/changes"


def _child(rig: DeskRig, url: str, page: int = 500, batch: int = 100) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "MEJA_TEST_TOKEN": rig.client.token,
        "MEJA_TEST_BATCH": str(batch),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.sync.child_sync", str(rig.desk.data_dir), url, str(page)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
    return proc


def _wait(predicate, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def _kill(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    assert proc.returncode == -signal.SIGKILL


def _restart(rig: DeskRig, make_desk) -> DeskRig:  # type: ignore[no-untyped-def]
    """The app starts again after the kill: a new engine on the same data folder."""
    rig.desk.close()
    from desk_app.services.desk import open_desk

    desk = open_desk(rig.desk.data_dir)
    desk.settings.desk_code = rig.desk.settings.desk_code
    assert desk.database.integrity_check() == "ok"
    return DeskRig(desk, fast_engine(desk, rig.client), rig.client)


def test_sigkill_in_the_middle_of_pushes(make_desk, crm_server: CrmProcess, proxy: FaultProxy):
    rig: DeskRig = make_desk()
    rig.record(450, every_file=10)
    # Answers held a while: each kill lands after the CRM applied a batch and
    # before the desk could record the confirmation — the worst moment.
    proxy.set("delay", delay_s=0.4, only=PUSH)
    unconfirmed = []
    for target in (1, 2, 4):
        proc = _child(rig, proxy.url, batch=50)
        _wait(lambda t=target: proxy.count(PUSH) >= t)
        time.sleep(0.05)
        _kill(proc)
        with rig.desk.database.read() as s:
            sent = 450 - outbox.pending_summary(s)[0]
        # The CRM finishes the request it received even though the desk is gone.
        deadline = time.monotonic() + 10
        while True:
            applied = len(crm_snapshot(crm_server.crm, "PBK1")["complaints"])
            if applied > sent or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        unconfirmed.append(applied - sent)
    # Each kill left a batch the CRM applied and the desk never heard about.
    assert all(n > 0 for n in unconfirmed), unconfirmed
    # And once while files are going up.
    proxy.set("delay", delay_s=0.3, only="/api/v1/attachments/")
    puts = proxy.count("/api/v1/attachments/", "PUT")
    proc = _child(rig, proxy.url, batch=50)
    _wait(lambda: proxy.count("/api/v1/attachments/", "PUT") > puts)
    _kill(proc)
    proxy.clear()
    applied = len(crm_snapshot(crm_server.crm, "PBK1")["complaints"])
    assert 0 < applied < 450
    rig = _restart(rig, make_desk)
    rig.converge()
    assert_converged(crm_server, rig.desk)


def test_sigkill_in_the_middle_of_a_pull(make_desk, crm_server: CrmProcess, proxy: FaultProxy):
    rig: DeskRig = make_desk()
    rig.record(120)
    rig.converge()
    codes = [c[1] for c in crm_snapshot(crm_server.crm, "PBK1")["complaints"]]
    for code in codes:
        crm_server.act(code, "accept")
    for code in codes[::2]:
        crm_server.act(code, "handle", note="Ditangani kelurahan.")
    proxy.set("delay", delay_s=0.1, only=CHANGES)
    pulls = proxy.count(CHANGES)
    proc = _child(rig, proxy.url, page=10)
    _wait(lambda: proxy.count(CHANGES) >= pulls + 6)
    _kill(proc)
    proxy.clear()
    rig = _restart(rig, make_desk)
    # What survived the kill is consistent: the events on the desk are exactly those
    # up to the saved cursor — never a cursor past an event that is not there.
    with rig.desk.database.read() as s:
        cursor = int(keyvalue.get(s, CURSOR_KEY))
        local = set(s.execute(select(EventRow.id).where(EventRow.source == "crm")).scalars())
    with crm_server.crm.sessions() as s:
        desk_id = s.execute(select(CrmDesk.id).where(CrmDesk.code == "PBK1")).scalar_one()
        upto = {
            str(i)
            for i in s.execute(
                select(CrmEvent.id).where(CrmEvent.desk_id == desk_id, CrmEvent.seq <= cursor)
            ).scalars()
        }
        total = s.execute(select(CrmEvent.id).where(CrmEvent.desk_id == desk_id)).all()
    assert local == upto
    assert 120 < len(upto) < len(total)  # killed part-way through the new events
    rig.converge()
    assert_converged(crm_server, rig.desk)
