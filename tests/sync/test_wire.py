"""The push's wire items, built straight from the database rows, are the protocol's
items of the desk's complaints and events (no server needed)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from desk_app.services.desk import open_desk
from desk_app.services.intake import AttachmentFile
from desk_app.store import complaints
from desk_app.sync.client import CrmClient
from desk_app.sync.engine import SyncEngine
from desk_app.sync.wire import complaint_item
from tests.sync.conftest import OFFICER, form, png


def test_batch_items_from_rows_match_the_records(tmp_path: Path):
    desk = open_desk(tmp_path / "desk")
    desk.settings.desk_code = "PBK1"
    try:
        plain = desk.intake.record(OFFICER, form(1)).complaint
        detailed = desk.intake.record(
            OFFICER,
            replace(
                form(2, [AttachmentFile("ktp.png", png(1)), AttachmentFile("foto.png", png(2))]),
                address="Jl. Medan Merdeka Selatan 8–9",
                keep_identity_private=True,
                rt_rw="003/007",
                street="Jl. Kebon Sirih",
                landmark="Depan masjid",
                urgency="urgent",
                earlier_references=["Lapor lewat JAKI 12 Nov", "Surat RT 4/2026"],
            ),
        ).complaint
        event = desk.intake.add_citizen_event(
            OFFICER, str(plain.id), "Membawa surat RT tambahan.", [AttachmentFile("rt.png", png(3))]
        )
        client = CrmClient("http://127.0.0.1:9", "token")  # never called: no request here
        engine = SyncEngine(desk.database, desk.files, client, lambda: dt.datetime.now(dt.UTC))
        batch = engine._batch()
        assert batch is not None
        with desk.database.read() as s:
            records = {c.id: complaints.get(s, str(c.id)) for c in (plain, detailed)}
        stored = records[plain.id]
        assert stored is not None and records[detailed.id] is not None
        (stored_event,) = [e for e in stored.events if e.id == event.id]

        assert list(batch.payloads) == [str(plain.id), str(detailed.id), str(event.id)]
        for c in records.values():
            assert c is not None
            assert batch.payloads[str(c.id)] == complaint_item(c)
        assert batch.payloads[str(detailed.id)]["earlier_references"] == [
            "Lapor lewat JAKI 12 Nov",
            "Surat RT 4/2026",
        ]
        assert [a["original_name"] for a in batch.payloads[str(detailed.id)]["attachments"]] == [
            "ktp.png",
            "foto.png",
        ]
        assert batch.payloads[str(event.id)] == {
            "type": "event",
            "id": str(event.id),
            "complaint_id": str(plain.id),
            "ticket_code": plain.ticket_code,
            "kind": "citizen_added",
            "at": stored_event.at.astimezone(dt.UTC).isoformat(),
            "note": "Membawa surat RT tambahan.",
            "attachments": [
                {
                    "sha256": stored_event.attachments[0].sha256,
                    "size": stored_event.attachments[0].size,
                    "media_type": "image/png",
                    "original_name": "rt.png",
                }
            ],
        }
        # The files the CRM may lack, with the items that need them.
        assert sorted(len(ids) for _a, ids in batch.needed.values()) == [1, 1, 1]
    finally:
        desk.close()
