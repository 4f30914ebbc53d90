"""What the real CRM does with what a desk sends it: reference data it does not know
goes to triage (a receipt is a promise); a refused complaint is corrected on the desk
and re-sent: accepted, held once, under the ticket code printed on the receipt."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import select

from complaint_domain.areas import default_area_file
from complaint_domain.status import Status
from crm_server.core import complaints as crm_complaints
from crm_server.db.models import Complaint as CrmComplaint
from desk_app.services.errors import UserFacingError
from desk_app.services.sync_control import SyncControl
from desk_app.store import outbox
from desk_app.store.models import ComplaintRow
from tests.sync.conftest import KELURAHAN, OFFICER, DeskRig, form
from tests.sync.crm import CrmProcess, assert_converged, crm_snapshot

NEW_KELURAHAN = "31.71.03.1099"  # on the desk's newer area list, not yet at the CRM


def test_an_area_or_category_the_crm_does_not_know_goes_to_triage(
    make_desk, crm_server: CrmProcess, tmp_path: Path
):
    """A desk with a newer area list (the next decree's file) and a category the CRM
    does not have: its receipts were printed, so the CRM receives both, in the
    channel admin's triage with an internal note, and refuses nothing."""
    rig: DeskRig = make_desk()
    areas = tmp_path / "wilayah-baru.csv"
    areas.write_text(
        default_area_file().read_text(encoding="utf-8").rstrip("\n")
        + f"\n{NEW_KELURAHAN},Kelurahan Baru,kelurahan\n",
        encoding="utf-8",
    )
    rig.desk.import_areas(None, areas)
    new_area = rig.desk.intake.record(
        OFFICER, dataclasses.replace(form(1), kelurahan_code=NEW_KELURAHAN)
    ).complaint
    new_category = rig.desk.intake.record(OFFICER, form(2)).complaint
    with rig.desk.database.write() as s:  # a category of a newer list than the CRM's
        row = s.scalar(select(ComplaintRow).where(ComplaintRow.id == str(new_category.id)))
        assert row is not None
        row.category_code = "BARU.SEKALI"
    rig.desk.intake.add_citizen_event(OFFICER, str(new_area.id), "Membawa surat RT.", [])

    report = rig.engine.run_once()
    assert report.ok and report.accepted == 3 and report.rejected == 0, report
    assert rig.engine.state.rejected_count == 0
    with rig.desk.database.read() as s:
        assert outbox.rejected(s) == []
    for complaint, unknown in ((new_area, NEW_KELURAHAN), (new_category, "BARU.SEKALI")):
        shown = crm_complaints.detail(crm_server.crm, complaint.ticket_code)
        assert shown is not None and shown["status"] == Status.RECEIVED.value
        notes = [e for e in shown["events"] if not e["public"]]  # type: ignore[attr-defined]
        triage = [e["note"] for e in notes if e["kind"] == "note" and e["actor"] == "CRM"]
        assert len(triage) == 1 and unknown in triage[0] and "triase" in triage[0]
        detail = rig.desk.lookup.detail(OFFICER, str(complaint.id))
        assert detail is not None and detail.status is Status.RECEIVED
        # The staff's note stays with the staff: not on the desk's timeline.
        assert all("triase" not in e.note for e in detail.events)
    assert_converged(crm_server, rig.desk)


def test_rejected_complaint_corrected_and_resent_is_accepted_once(
    make_desk, crm_server: CrmProcess
):
    rig: DeskRig = make_desk()
    good = rig.desk.intake.record(OFFICER, form(1)).complaint
    bad = rig.desk.intake.record(OFFICER, form(2)).complaint
    with rig.desk.database.write() as s:  # a channel the CRM does not know
        row = s.scalar(select(ComplaintRow).where(ComplaintRow.id == str(bad.id)))
        assert row is not None
        row.channel = "NOPE"
    event = rig.desk.intake.add_citizen_event(OFFICER, str(bad.id), "Membawa surat RT.", [])

    report = rig.engine.run_once()
    assert report.accepted == 1 and report.rejected == 2, report
    with rig.desk.database.read() as s:
        refused = {i.item_id: i for i in outbox.rejected(s)}
    item = refused[str(bad.id)]
    assert item.error_code == "unknown_channel" and item.error_field == "channel"
    assert refused[str(event.id)].error_code == "unknown_complaint"
    # As the Sinkronisasi panel gets it: the CRM's reason in Indonesian, its words after.
    (line,) = [x for x in SyncControl(rig.desk).rejected() if x.item_id == item.item_id]
    assert (
        line.reason.startswith("Kanal aduan tidak dikenal CRM")
        and item.error_message in line.reason
    )

    corrected = rig.desk.intake.correct(OFFICER, str(bad.id), form(2))
    assert corrected.ticket_code == bad.ticket_code
    assert corrected.tracking_token == bad.tracking_token

    report = rig.engine.run_once()
    assert report.ok and report.accepted == 2 and report.rejected == 0, report
    assert_converged(crm_server, rig.desk)
    snap = crm_snapshot(crm_server.crm, "PBK1")
    codes = sorted(c[1] for c in snap["complaints"])
    assert codes == sorted([good.ticket_code, bad.ticket_code])
    with crm_server.crm.sessions() as s:
        held = s.execute(
            select(CrmComplaint.kelurahan_code, CrmComplaint.tracking_token).where(
                CrmComplaint.ticket_code == bad.ticket_code
            )
        ).all()
    assert held == [(KELURAHAN, bad.tracking_token)]
    # Accepted: its intake fields are final now.
    with pytest.raises(UserFacingError, match="sudah diterima CRM"):
        rig.desk.intake.correct(OFFICER, str(bad.id), form(3))
