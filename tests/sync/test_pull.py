"""A page of the CRM's changes applied on the desk (no server: a stub client serves
the page): what is stored, what is skipped, and that a page applied twice is harmless."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import select

from complaint_domain.status import Status
from desk_app.services.desk import open_desk
from desk_app.store import complaints, keyvalue
from desk_app.store.models import ComplaintRow, EventRow
from desk_app.sync.client import CrmClient, ReferenceAnswer
from desk_app.sync.engine import CURSOR_KEY, SyncEngine
from tests.sync.conftest import OFFICER, form


class PageClient(CrmClient):
    """Accepts every pushed item; serves one page of changes from cursor 0."""

    def __init__(self, page: list[dict[str, Any]]) -> None:
        super().__init__("http://127.0.0.1:9", "token")
        self.page = page

    def push_body(self, body: bytes, idempotency_key: str) -> list[dict[str, Any]]:
        items = json.loads(body)["items"]
        return [{"id": i["id"], "outcome": "accepted", "crm_id": f"C-{i['id']}"} for i in items]

    def changes(self, cursor: int, limit: int) -> tuple[list[dict[str, Any]], int, bool]:
        return (self.page, len(self.page), False) if cursor == 0 else ([], cursor, False)

    def reference(self, etag: str) -> ReferenceAnswer:
        return ReferenceAnswer(etag, None)

    def heartbeat(
        self, pending_count: int, oldest_age_s: int | None, app_version: str, officer: str = ""
    ) -> None:
        pass


def _change(seq: int, complaint_id: str, status: str, **fields: Any) -> dict[str, Any]:
    return {
        "seq": seq,
        "event_id": str(uuid.uuid4()),
        "complaint_id": complaint_id,
        "kind": "status",
        "status": status,
        "at": f"2026-11-2{seq % 10}T03:00:00Z",
        "note": f"Langkah {seq}.",
        "unit": "Kelurahan Kemayoran",
        "public_label": "",
        **fields,
    }


def test_a_page_of_changes_is_checked_stored_once_and_sets_the_latest_status(tmp_path: Path):
    desk = open_desk(tmp_path / "desk")
    desk.settings.desk_code = "PBK1"
    try:
        first, second = (str(desk.intake.record(OFFICER, form(i)).complaint.id) for i in (1, 2))
        page = [
            _change(1, first, "received"),
            _change(2, first, "coordination", public_label="Koordinasi dengan RW"),
            _change(3, second, "received", kind="some_future_kind", at="2026-11-23T10:00:00"),
            _change(4, str(uuid.uuid4()), "received"),  # not on this desk
            _change(5, second, "no_such_status"),
            _change(6, second, ["coordination"]),
            _change(7, second, "coordination", event_id="not-a-uuid"),
            _change(8, second, "coordination", at="yesterday"),
            {k: v for k, v in _change(9, second, "coordination").items() if k != "seq"},
        ]
        page[0]["event_id"] = page[0]["event_id"].upper()
        engine = SyncEngine(
            desk.database, desk.files, PageClient(page), lambda: dt.datetime.now(dt.UTC)
        )
        report = engine.run_once()
        assert report.ok and report.accepted == 2 and report.pulled == len(page)
        assert set(report.changed_complaints) == {first, second}
        with desk.database.read() as s:
            crm_events = {
                e.crm_seq: e
                for e in s.execute(select(EventRow).where(EventRow.source == "crm")).scalars()
            }
            assert int(keyvalue.get(s, CURSOR_KEY)) == len(page)
            one, two = complaints.get(s, first), complaints.get(s, second)
        assert sorted(crm_events) == [1, 2, 3]
        assert crm_events[1].id == page[0]["event_id"].lower()
        assert crm_events[2].kind == "status" and crm_events[2].status == "coordination"
        assert crm_events[2].unit == crm_events[2].actor == "Kelurahan Kemayoran"
        assert crm_events[2].note == "Langkah 2."
        assert crm_events[2].at == dt.datetime(2026, 11, 22, 3, tzinfo=dt.UTC)
        assert crm_events[3].kind == "note"  # a kind this version does not know
        assert crm_events[3].at == dt.datetime(2026, 11, 23, 10, tzinfo=dt.UTC)  # naive: UTC
        assert one is not None and one.status is Status.COORDINATION
        assert two is not None and two.status is Status.RECEIVED
        assert (one.crm_id, two.crm_id) == (f"C-{first}", f"C-{second}")  # from the push
        with desk.database.read() as s:
            rows = s.execute(select(ComplaintRow.id, ComplaintRow.status_note))
            notes = {complaint_id: note for complaint_id, note in rows}
        assert notes == {first: "Koordinasi dengan RW", second: ""}  # only a label of its own

        # The same page again (a crash before the cursor moved): nothing twice.
        with desk.database.write() as s:
            keyvalue.put(s, CURSOR_KEY, "0")
        assert engine.run_once().ok
        with desk.database.read() as s:
            again = s.execute(select(EventRow.crm_seq).where(EventRow.source == "crm")).all()
        assert sorted(r[0] for r in again) == [1, 2, 3]
    finally:
        desk.close()
