"""The push's overlapped stages (the next batch read and its files uploaded while one
is in flight, a batch's answers written while the next one is out) against the real
CRM: what must not change with them."""

from __future__ import annotations

import threading

from desk_app.store import attachments as attachment_repo
from desk_app.store import complaints, outbox
from tests.sync.conftest import OFFICER, DeskRig
from tests.sync.crm import CrmProcess, assert_converged, crm_snapshot
from tests.sync.faultproxy import FaultProxy

PUSH = "/api/v1/sync/complaints"


def _file_of(rig: DeskRig, complaint_id: str) -> str:
    with rig.desk.database.read() as s:
        complaint = complaints.get(s, complaint_id)
    assert complaint is not None and complaint.attachments
    return complaint.attachments[0].sha256


def test_an_event_does_not_overtake_its_complaint_left_pending(
    make_desk, crm_server: CrmProcess, proxy: FaultProxy
):
    # One item a batch: the complaint, then its citizen event, then another complaint.
    rig: DeskRig = make_desk(batch_size=1)
    (first,) = rig.record(1, every_file=1)
    rig.desk.intake.add_citizen_event(OFFICER, first, "Membawa surat RT tambahan.", [])
    rig.record(1, start=1)
    # The desk believes the CRM has the complaint's scan; it does not.
    with rig.desk.database.write() as s:
        attachment_repo.mark_uploaded_many(s, [_file_of(rig, first)])
    report = rig.engine.run_once()
    # "attachment_missing": the complaint stays pending, and the event read ahead
    # behind it is not sent (the CRM would refuse it for good: unknown complaint).
    assert not report.ok and rig.engine.state.last_error_code == "not_confirmed"
    assert proxy.count(PUSH) == 1
    snapshot = crm_snapshot(crm_server.crm, "PBK1")
    assert snapshot["complaints"] == [] and snapshot["events"] == []
    with rig.desk.database.read() as s:
        assert outbox.pending_summary(s)[0] == 3 and outbox.rejected_count(s) == 0
    # The next cycle uploads the scan again; everything goes, in order.
    report = rig.converge()
    assert report.uploaded_files == 1
    assert_converged(crm_server, rig.desk)


def test_an_unreadable_file_refuses_its_complaint_and_the_rest_goes(
    make_desk, crm_server: CrmProcess
):
    rig: DeskRig = make_desk()
    ids = rig.record(30, every_file=10)
    rig.desk.files.path_for(_file_of(rig, ids[10])).write_bytes(b"\x89PNG\r\n\x1a\nrusak")
    report = rig.engine.run_once()
    assert report.ok and report.accepted == 29 and report.uploaded_files == 2
    with rig.desk.database.read() as s:
        (refused,) = outbox.rejected(s)
        assert outbox.pending_summary(s)[0] == 0
    assert refused.item_id == ids[10] and refused.error_code == "attachment_unreadable"
    assert refused.error_field == "attachments" and refused.error_message
    sent = {c[0] for c in crm_snapshot(crm_server.crm, "PBK1")["complaints"]}
    assert sent == set(ids) - {ids[10]}


def test_a_body_too_large_for_the_crm_halves_the_batch(
    make_desk, crm_server: CrmProcess, proxy: FaultProxy
):
    crm_server.env["MEJA_CRM_MAX_JSON_BYTES"] = "30000"  # some 40 complaints
    crm_server.restart(kill=False)
    rig: DeskRig = make_desk()
    rig.record(120, every_file=10)
    report = rig.engine.run_once()
    assert report.ok and report.accepted == 120 and report.uploaded_files == 12
    size = rig.engine.batch_size
    assert size in (50, 25, 12)
    refused = {50: 1, 25: 2, 12: 3}[size]  # 100 refused, then 50, ...
    assert proxy.count(PUSH) == refused + -(-120 // size)
    assert_converged(crm_server, rig.desk)


def test_an_item_whose_data_is_gone_is_refused_not_read_for_ever(make_desk, crm_server: CrmProcess):
    """An outbox item whose event row vanished (only possible by damage: the store
    never deletes one) is refused with a reason; the cycle ends and the rest goes."""

    rig: DeskRig = make_desk()
    (first,) = rig.record(1)
    event = rig.desk.intake.add_citizen_event(OFFICER, first, "Membawa surat RT.", [])
    with rig.desk.database.raw_connection() as raw:  # the damage, behind the store
        raw.execute("PRAGMA foreign_keys = OFF")
        for (trigger,) in raw.execute(
            "SELECT name FROM sqlite_master"
            " WHERE type = 'trigger' AND tbl_name = 'complaint_events'"
        ).fetchall():
            raw.execute(f'DROP TRIGGER "{trigger}"')
        gone = raw.execute("DELETE FROM complaint_events WHERE id = ?", (str(event.id),))
        assert gone.rowcount == 1
    # On a thread: before the guard this cycle never ended (the same item read again).
    reports = []
    cycle = threading.Thread(target=lambda: reports.append(rig.engine.run_once()), daemon=True)
    cycle.start()
    cycle.join(timeout=60)
    assert not cycle.is_alive(), "the cycle keeps reading the item whose data is gone"
    (report,) = reports
    assert report.ok and report.accepted == 1
    with rig.desk.database.read() as s:
        (refused,) = outbox.rejected(s)
        assert outbox.pending_summary(s)[0] == 0
    assert refused.error_code == "item_unreadable"
