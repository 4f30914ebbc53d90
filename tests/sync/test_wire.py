"""The push's wire items, built straight from the database rows, are the protocol's
items of the desk's complaints and events (no server needed)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from desk_app.services.desk import open_desk
from desk_app.services.intake import AttachmentFile
from desk_app.store import complaints
from desk_app.sync.batches import read_batch
from desk_app.sync.client import CrmClient
from desk_app.sync.engine import SyncEngine
from desk_app.sync.wire import complaint_item
from tests.sync.conftest import KELURAHAN, OFFICER, form, png


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
                sms_consent=True,
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
        batch = read_batch(engine.db, engine.batch_size)
        assert batch is not None
        with desk.database.read() as s:
            records = {c.id: complaints.get(s, str(c.id)) for c in (plain, detailed)}
        stored = records[plain.id]
        assert stored is not None and records[detailed.id] is not None
        (stored_event,) = [e for e in stored.events if e.id == event.id]

        assert list(batch.payloads) == [str(plain.id), str(detailed.id), str(event.id)]
        # Written out by hand from what was typed, not built by the code under test:
        # a field sent under another name, or a value from the wrong column, shows.
        kept = records[detailed.id]
        assert kept is not None
        created = kept.created_at.astimezone(dt.UTC).isoformat()
        assert batch.payloads[str(detailed.id)] == {
            "type": "complaint",
            "id": str(detailed.id),
            "ticket_code": detailed.ticket_code,
            "tracking_token": detailed.tracking_token,
            "created_at": created,
            "channel": "PENDOPO",
            "officer": OFFICER.username,
            "urgency": "urgent",
            "category_code": "JALAN.RUSAK",
            "description": "Jalan berlubang besar di depan pasar, laporan nomor 2.",
            "earlier_references": ["Lapor lewat JAKI 12 Nov", "Surat RT 4/2026"],
            "complainant": {
                "name": "Warga Nomor 2",
                "nik": "3171011708450001",
                "phone": "+6281234567890",
                "address": "Jl. Medan Merdeka Selatan 8–9",
                "keep_identity_private": True,
                "consent_given_at": created,
                "sms_consent": True,
            },
            "location": {
                "kelurahan_code": KELURAHAN,
                "rt_rw": "003/007",
                "street": "Jl. Kebon Sirih",
                "landmark": "Depan masjid",
                "latitude": None,
                "longitude": None,
            },
            "attachments": [
                {
                    "sha256": a.sha256,
                    "size": a.size,
                    "media_type": "image/png",
                    "original_name": name,
                }
                for a, name in zip(kept.attachments, ("ktp.png", "foto.png"), strict=True)
            ],
        }
        # The wire's own builder for a record (used by the tests and the benchmark to
        # send by hand) says the same, for both complaints.
        for c in records.values():
            assert c is not None
            assert batch.payloads[str(c.id)] == complaint_item(c)
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
