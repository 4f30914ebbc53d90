"""One source for the first-response date: the receipt's date and the tracking page's
agree for the same complaint — also one recorded while the desk was offline and sent
days later (issue 14, item 8). Both count the CRM's time limit for a received
complaint in working days from the moment the complaint was recorded at the desk."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import requests

from complaint_domain.complaint import WIB
from desk_app.services.desk import open_desk
from desk_app.services.receipts import ReceiptService
from desk_app.sync.client import CrmClient
from tests.sync.conftest import OFFICER, fast_engine, form
from tests.sync.crm import CrmProcess


def test_the_receipt_and_the_tracking_page_promise_the_same_first_response_date(
    tmp_path: Path,
) -> None:
    server = CrmProcess(tmp_path / "crm")
    # Not the desk's own setting (3): the desk must take the CRM's published limit.
    server.env["MEJA_CRM_TIME_LIMITS"] = "received=2"
    server.start()
    # Recorded on a Thursday a week and more ago, while the desk was offline.
    today = dt.datetime.now(WIB).date()
    thursday = today - dt.timedelta(days=(today.weekday() - 3) % 7 + 7)
    recorded = dt.datetime.combine(thursday, dt.time(10, 0), WIB)
    desk = open_desk(tmp_path / "desk", clock=lambda: recorded.astimezone(dt.UTC))
    try:
        assert desk.settings.first_response_working_days == 3
        enrolment = CrmClient(server.url).enrol(server.enrolment_code("PBK1"))
        engine = fast_engine(desk, CrmClient(server.url, enrolment.token))
        assert engine.run_once().ok  # the pull stores the CRM's reference data
        desk.reload_reference()  # what SyncControl does when the pull announces it
        assert desk.first_response_days == 2

        complaint = desk.intake.record(OFFICER, form(1)).complaint
        receipt = ReceiptService(desk).data_for("Ani Petugas", complaint)
        assert receipt.first_response_due is not None
        report = engine.run_once()  # sent after it was printed
        assert report.ok and engine.state.pending_count == 0

        url = f"{server.url}/T/{complaint.ticket_code}/{complaint.tracking_token}.json"
        page = requests.get(url, timeout=10).json()
        print(f"\nreceipt: {receipt.first_response_due}, tracking page: {page['due_date']}")
        assert page["due_date"] == receipt.first_response_due.isoformat()
        # Thursday + 2 working days: the next Monday (no holiday in the way, or later);
        # the desk's own 3 days would have said Tuesday.
        assert receipt.first_response_due >= thursday + dt.timedelta(days=4)
        assert receipt.first_response_due == desk.calendar.add_working_days(thursday, 2)
        assert receipt.first_response_due != desk.calendar.add_working_days(thursday, 3)
    finally:
        desk.close()
        server.close()
