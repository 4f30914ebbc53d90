"""Faults between the desk and the real CRM, injected by the proxy. After each: the
CRM has exactly the desk's complaints, once each, same codes and files, and the
desk shows every status the CRM holds."""

from __future__ import annotations

import datetime as dt
import threading
import time

from desk_app.services.intake import AttachmentFile
from desk_app.store import keyvalue
from desk_app.sync.engine import CURSOR_KEY
from desk_app.sync.runner import SyncRunner
from tests.sync.conftest import OFFICER, DeskRig, png
from tests.sync.crm import CrmProcess, assert_converged, crm_snapshot
from tests.sync.faultproxy import FaultProxy

PUSH = "/api/v1/sync/complaints"
CHANGES = "/api/v1/sync/changes"


def move_some(server: CrmProcess, rig: DeskRig, ids: list[str], n: int) -> None:
    """The CRM's staff move ``n`` complaints on (accept, some handled, one rejected)."""
    for i, cid in enumerate(ids[:n]):
        detail = rig.desk.lookup.detail(OFFICER, cid)
        assert detail is not None
        if i % 7 == 3:
            server.act(detail.ticket_code, "reject", reason="Bukan wewenang Pemprov.")
            continue
        server.act(detail.ticket_code, "accept")
        if i % 2:
            server.act(detail.ticket_code, "handle", note="Ditangani kelurahan.")


def test_server_down_for_a_while_then_up(make_desk, crm_server: CrmProcess, proxy: FaultProxy):
    rig: DeskRig = make_desk()
    proxy.set("down")
    rig.record(30, every_file=5)
    for expected in (1, 2, 3):
        report = rig.engine.run_once()
        assert not report.ok
        state = rig.engine.state
        assert state.online is False and state.consecutive_failures == expected
        assert state.last_error_code == "offline" and state.next_retry_at is not None
        assert state.pending_count == 30 and state.oldest_pending_at is not None
    rig.record(10, start=30)  # the counter keeps working while offline
    proxy.clear()
    report = rig.converge()
    assert rig.engine.state.consecutive_failures == 0 and rig.engine.state.online
    assert rig.engine.state.last_success_at is not None
    assert_converged(crm_server, rig.desk)
    assert report.ok


def test_random_500s_and_resets(make_desk, crm_server: CrmProcess, proxy: FaultProxy):
    rig: DeskRig = make_desk()
    ids = rig.record(300, every_file=10)
    proxy.set("http500", p=0.35)
    rig.converge(max_cycles=400)
    move_some(crm_server, rig, ids, 40)
    proxy.set("reset", p=1.0)
    assert not rig.engine.run_once().ok
    proxy.set("http500", p=0.35)
    rig.converge(max_cycles=400)
    assert sum(proxy.faulted.values()) > 0
    proxy.clear()
    rig.converge()
    assert_converged(crm_server, rig.desk)


def test_timeouts_after_the_crm_applied_the_request(
    make_desk, crm_server: CrmProcess, proxy: FaultProxy
):
    rig: DeskRig = make_desk(timeout=(1.0, 1.0))
    ids = rig.record(150, every_file=15)
    # The answer is held longer than the desk waits: every push times out, applied.
    proxy.set("delay", delay_s=1.5, only=PUSH)
    report = rig.engine.run_once()
    assert not report.ok and rig.engine.state.last_error_code == "timeout"
    assert len(crm_snapshot(crm_server.crm, "PBK1")["complaints"]) == 100  # applied
    assert rig.engine.state.pending_count == 150  # but not confirmed
    # A request that never reaches the CRM at all.
    proxy.set("blackhole", delay_s=1.5)
    assert not rig.engine.run_once().ok
    proxy.clear()
    report = rig.converge()
    assert report.already_had >= 100 or report.accepted + report.already_had == 150
    move_some(crm_server, rig, ids, 20)
    proxy.set("delay", delay_s=1.5, only=CHANGES)
    assert not rig.engine.run_once().ok
    proxy.clear()
    rig.converge()
    assert_converged(crm_server, rig.desk)


def test_batch_applied_and_answer_lost(make_desk, crm_server: CrmProcess, proxy: FaultProxy):
    rig: DeskRig = make_desk()
    ids = rig.record(120, every_file=6)
    rig.desk.intake.add_citizen_event(
        OFFICER, ids[0], "Foto tambahan dari warga.", [AttachmentFile("x.png", png(4242))]
    )
    proxy.set("drop", only=PUSH)
    report = rig.engine.run_once()
    assert not report.ok
    assert (
        proxy.faulted[PUSH] == 1 and len(crm_snapshot(crm_server.crm, "PBK1")["complaints"]) == 100
    )
    proxy.clear()
    report = rig.converge()
    # The same batch went again with the same Idempotency-Key: the CRM replayed its
    # stored answer ("accepted") instead of applying anything twice.
    assert report.accepted == 121 and report.already_had == 0
    assert len(crm_snapshot(crm_server.crm, "PBK1")["complaints"]) == 120
    # Answers of the changes feed lost: the cursor stays, nothing is skipped.
    move_some(crm_server, rig, ids, 30)
    with rig.desk.database.read() as s:
        before = keyvalue.get(s, CURSOR_KEY)
    proxy.set("drop", only=CHANGES)
    assert not rig.engine.run_once().ok
    with rig.desk.database.read() as s:
        assert keyvalue.get(s, CURSOR_KEY) == before
    proxy.clear()
    rig.converge()
    assert_converged(crm_server, rig.desk)


def test_retry_after_is_respected_and_attempts_are_visible(make_desk, proxy: FaultProxy):
    rig: DeskRig = make_desk()
    rig.record(3)
    proxy.set("http503")
    before = dt.datetime.now(dt.UTC)
    assert not rig.engine.run_once().ok
    state = rig.engine.state
    assert state.next_retry_at is not None
    assert state.next_retry_at >= before + dt.timedelta(seconds=1)  # Retry-After: 1
    assert state.online is True and state.last_error
    for _ in range(4):
        rig.engine.run_once()
    assert rig.engine.state.needs_attention  # 5 failures in a row: the officer sees it
    from desk_app.store import outbox

    with rig.desk.database.read() as s:
        # 503 on the push itself: each item shows how often it was tried.
        assert {i.attempts for i in outbox.pending(s)} == {5}


def test_server_restarted_mid_run(make_desk, crm_server: CrmProcess, proxy: FaultProxy):
    rig: DeskRig = make_desk()
    ids = rig.record(200, every_file=20)
    runner = SyncRunner(rig.engine, interval_s=0.05)
    runner.start()
    try:
        for round_ in range(3):
            time.sleep(0.3)
            crm_server.restart(kill=True)  # SIGKILL: no graceful shutdown
            rig.record(20, start=200 + 20 * round_)
            runner.sync_now()
        deadline = time.monotonic() + 60
        while not set(ids[:15]) <= {
            c[0] for c in crm_snapshot(crm_server.crm, "PBK1")["complaints"]
        }:
            assert time.monotonic() < deadline, "the first complaints never reached the CRM"
            time.sleep(0.1)
        move_some(crm_server, rig, ids, 15)
        runner.sync_now()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            state = rig.engine.state
            if state.pending_count == 0 and state.phase == "idle" and state.online:
                break
            time.sleep(0.1)
    finally:
        assert runner.stop()
    rig.converge()
    assert_converged(crm_server, rig.desk)


def test_runner_sync_now_and_changes_callback(make_desk, crm_server: CrmProcess):
    rig: DeskRig = make_desk()
    ids = rig.record(5)
    seen: list[str] = []
    done = threading.Event()

    def on_changes(changed: list[str]) -> None:
        seen.extend(changed)
        if set(ids) <= set(seen):
            done.set()

    rig.engine.subscribe(on_changes=on_changes)
    runner = SyncRunner(rig.engine, interval_s=3600)
    runner.start()
    try:
        assert done.wait(20)  # the first cycle runs at start
        done.clear()
        detail = rig.desk.lookup.detail(OFFICER, ids[2])
        assert detail is not None
        crm_server.act(detail.ticket_code, "accept")
        seen.clear()
        ids[:] = [ids[2]]
        runner.sync_now()  # "Kirim sekarang": no waiting for the hour
        assert done.wait(20)
    finally:
        assert runner.stop()
