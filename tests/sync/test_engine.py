"""The engine against the real CRM on loopback, no faults: the plain paths."""

from __future__ import annotations

from complaint_domain.status import Status
from desk_app.services.intake import AttachmentFile
from desk_app.store import keyvalue, outbox
from desk_app.sync.engine import CURSOR_KEY, REFERENCE_ETAG_KEY
from tests.sync.conftest import OFFICER, DeskRig, png
from tests.sync.crm import CrmProcess, assert_converged, crm_snapshot
from tests.sync.faultproxy import FaultProxy


def test_push_pull_round_trip_with_files_events_and_statuses(
    make_desk, crm_server: CrmProcess, proxy: FaultProxy
):
    rig: DeskRig = make_desk()
    ids = rig.record(250, every_file=10)
    changed: list[str] = []
    rig.engine.subscribe(on_changes=changed.extend)
    report = rig.engine.run_once()
    assert report.ok, report
    assert report.accepted == 250 and report.uploaded_files == 25
    # Pushed in batches of at most 100.
    assert proxy.count("/api/v1/sync/complaints") == 3
    assert rig.engine.state.pending_count == 0 and rig.engine.state.online
    detail = rig.desk.lookup.detail(OFFICER, ids[0])
    assert detail is not None and detail.status is Status.RECEIVED and detail.crm_id
    assert set(changed) == set(ids)
    # The citizen comes back with another document; the CRM moves the case on.
    code = detail.ticket_code
    rig.desk.intake.add_citizen_event(
        OFFICER, ids[0], "Membawa surat RT tambahan.", [AttachmentFile("rt.png", png(999))]
    )
    crm_server.act(code, "accept")
    crm_server.act(code, "handle", note="Ditangani kelurahan.")
    report = rig.engine.run_once()
    assert report.ok and report.accepted == 1 and report.uploaded_files == 1
    assert ids[0] in report.changed_complaints
    detail = rig.desk.lookup.detail(OFFICER, ids[0])
    assert detail is not None and detail.status is Status.IN_PROGRESS
    assert [e.status for e in detail.events if e.kind.value == "status"][-1] is Status.IN_PROGRESS
    assert_converged(crm_server, rig.desk)
    with rig.desk.database.read() as s:
        assert int(keyvalue.get(s, CURSOR_KEY)) > 0
        assert keyvalue.get(s, REFERENCE_ETAG_KEY)


def test_files_already_on_the_crm_are_not_sent_again(make_desk, proxy: FaultProxy):
    first: DeskRig = make_desk("PBK1")
    second: DeskRig = make_desk("PBK2")
    first.record(5, every_file=1)
    assert first.engine.run_once().uploaded_files == 5
    # Same scans at another desk: it does not know the CRM has them, so it sends
    # each once (the PUT is idempotent: "had it") and never again.
    second.record(5, every_file=1)
    puts_before = proxy.count("/api/v1/attachments/", "PUT")
    assert second.engine.run_once().ok
    assert proxy.count("/api/v1/attachments/", "PUT") - puts_before == 5
    # A second push of the first desk sends no file at all.
    first.record(1)
    puts_before = proxy.count("/api/v1/attachments/", "PUT")
    assert first.engine.run_once().ok
    assert proxy.count("/api/v1/attachments/", "PUT") == puts_before


def test_rejected_item_shows_reason_and_can_be_resent(make_desk, crm_server: CrmProcess):
    rig: DeskRig = make_desk()
    ids = rig.record(3)
    # A channel the CRM does not know (an unknown area or category is no refusal:
    # it goes to triage, see test_correct_rejected).
    with rig.desk.database.write() as s:
        from desk_app.store.models import ComplaintRow

        row = s.get(ComplaintRow, 2)
        assert row is not None
        row.channel = "NOPE"
    report = rig.engine.run_once()
    assert report.ok and report.accepted == 2 and report.rejected == 1
    assert rig.engine.state.rejected_count == 1
    with rig.desk.database.read() as s:
        (item,) = outbox.rejected(s)
    assert item.item_id == ids[1]
    assert item.error_code == "unknown_channel" and item.error_field == "channel"
    assert item.error_message
    # Corrected by the officer, queued again, accepted.
    with rig.desk.database.write() as s:
        row = s.get(ComplaintRow, 2)
        assert row is not None
        row.channel = "PENDOPO"
        outbox.requeue(s, ids[1])
    assert rig.engine.run_once().accepted == 1
    assert_converged(crm_server, rig.desk)


def test_bad_token_stops_and_asks_for_enrolment(make_desk, crm_server: CrmProcess):
    rig: DeskRig = make_desk()
    rig.record(2)
    rig.client.token = "mdt_not-a-real-token"
    report = rig.engine.run_once()
    assert not report.ok
    state = rig.engine.state
    assert state.needs_enrolment and state.needs_attention and state.pending_count == 2
    assert not rig.engine.due()
    # Enrolling again (the CRM issues a new code) brings it back.
    from desk_app.sync.client import CrmClient

    fresh = CrmClient(crm_server.url).enrol(crm_server.enrolment_code("PBK1"))
    rig.engine.set_token(fresh.token)
    assert rig.engine.run_once().ok
    assert_converged(crm_server, rig.desk)


def test_same_batch_sent_twice_is_stored_once(make_desk, crm_server: CrmProcess):
    rig: DeskRig = make_desk()
    rig.record(20)
    from desk_app.services.desk import Desk
    from desk_app.store import complaints
    from desk_app.sync.wire import complaint_item

    desk: Desk = rig.desk
    with desk.database.read() as s:
        items = [complaint_item(complaints.get(s, i.item_id)) for i in outbox.pending(s)]  # type: ignore[arg-type]
    # Same body, same key: the stored answer; same body, another key: "already_had".
    first = rig.client.push(items, "key-1")
    again = rig.client.push(items, "key-1")
    other = rig.client.push(items, "key-2")
    assert [r["outcome"] for r in first] == ["accepted"] * 20
    assert again == first
    assert [r["outcome"] for r in other] == ["already_had"] * 20
    # The desk did not see those answers: it sends the batch a third time itself.
    report = rig.engine.run_once()
    assert report.ok and report.already_had == 20 and report.accepted == 0
    assert len(crm_snapshot(crm_server.crm, "PBK1")["complaints"]) == 20
    assert_converged(crm_server, rig.desk)
