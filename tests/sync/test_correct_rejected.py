"""A complaint the real CRM refuses is corrected on the desk and re-sent: accepted,
held once, under the ticket code printed on the citizen's receipt."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import select

from complaint_domain.areas import demo_area_file
from crm_server.db.models import Complaint as CrmComplaint
from desk_app.services.errors import UserFacingError
from desk_app.services.sync_control import SyncControl
from desk_app.store import outbox
from tests.sync.conftest import KELURAHAN, OFFICER, DeskRig, form
from tests.sync.crm import CrmProcess, assert_converged, crm_snapshot

NEW_KELURAHAN = "31.71.03.1099"  # on the desk's newer area list, not yet at the CRM


def test_rejected_complaint_corrected_and_resent_is_accepted_once(
    make_desk, crm_server: CrmProcess, tmp_path: Path
):
    rig: DeskRig = make_desk()
    areas = tmp_path / "wilayah-baru.csv"
    areas.write_text(
        demo_area_file().read_text(encoding="utf-8").rstrip("\n")
        + f"\n{NEW_KELURAHAN},Kelurahan Baru,kelurahan\n",
        encoding="utf-8",
    )
    rig.desk.import_areas(None, areas)
    good = rig.desk.intake.record(OFFICER, form(1)).complaint
    bad = rig.desk.intake.record(
        OFFICER, dataclasses.replace(form(2), kelurahan_code=NEW_KELURAHAN)
    ).complaint
    event = rig.desk.intake.add_citizen_event(OFFICER, str(bad.id), "Membawa surat RT.", [])

    report = rig.engine.run_once()
    assert report.accepted == 1 and report.rejected == 2, report
    with rig.desk.database.read() as s:
        refused = {i.item_id: i for i in outbox.rejected(s)}
    item = refused[str(bad.id)]
    assert item.error_code == "unknown_area" and item.error_field == "location.kelurahan_code"
    assert refused[str(event.id)].error_code == "unknown_complaint"
    # As the Sinkronisasi panel gets it: the CRM's reason in Indonesian, its words after.
    (line,) = [x for x in SyncControl(rig.desk).rejected() if x.item_id == item.item_id]
    assert (
        line.reason.startswith("Kelurahan tidak dikenal CRM") and item.error_message in line.reason
    )

    corrected = rig.desk.intake.correct(
        OFFICER, str(bad.id), dataclasses.replace(form(2), kelurahan_code=KELURAHAN)
    )
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
        rig.desk.intake.correct(
            OFFICER, str(bad.id), dataclasses.replace(form(2), kelurahan_code=NEW_KELURAHAN)
        )
