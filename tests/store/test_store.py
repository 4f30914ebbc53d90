"""The local store through the service layer: real SQLite files, real migrations."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from complaint_domain.status import Status
from desk_app.services.accounts import Officer, Role
from desk_app.services.desk import Desk, open_desk
from desk_app.services.errors import ValidationFailed
from desk_app.services.intake import AttachmentFile, IntakeForm
from desk_app.services.lookup import MatchedBy
from desk_app.store import audit, outbox
from desk_app.store.db import SCHEMA_HEAD, Database, current_revision, migrate

OFFICER = Officer("ani", "Ani Petugas", Role.OFFICER)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 22, 1, 30, tzinfo=dt.UTC)  # 08:30 WIB

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=1)
        return self.now


def form(**overrides: object) -> IntakeForm:
    values: dict[str, object] = dict(
        name="Siti Nurhaliza",
        nik="3171011708450001",
        phone="0812-3456-7890",
        consent=True,
        kelurahan_code="31.71.03.1005",
        category_code="JALAN.RUSAK",
        description="Jalan berlubang besar di depan pasar Kemayoran, sudah dua bulan.",
    )
    values.update(overrides)
    return IntakeForm(**values)  # type: ignore[arg-type]


@pytest.fixture
def desk(data_dir: Path):
    d = open_desk(data_dir, clock=Clock())
    yield d
    d.close()


def test_pragmas(desk: Desk):
    with desk.database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_record_writes_complaint_outbox_and_audit_together(desk: Desk):
    recorded = desk.intake.record(OFFICER, form(attachments=[AttachmentFile("scan.png", PNG)]))
    assert recorded.ticket_code == "PBK1-261122-0001-" + recorded.ticket_code[-1]
    with desk.database.read() as session:
        assert outbox.state_of(session, str(recorded.complaint.id)) == "pending"
        assert [e.action for e in audit.entries(session, recorded.ticket_code)] == [
            "complaint.record"
        ]
    second = desk.intake.record(OFFICER, form())
    assert second.ticket_code.startswith("PBK1-261122-0002-")
    stored = desk.lookup.detail(OFFICER, str(recorded.complaint.id))
    assert stored is not None
    assert stored.complainant.phone == "+6281234567890"
    assert stored.status is Status.NOT_SENT
    assert [a.original_name for a in stored.attachments] == ["scan.png"]
    assert desk.files.read(stored.attachments[0].sha256) == PNG


def test_validation_failure_names_fields_and_writes_nothing(desk: Desk):
    with pytest.raises(ValidationFailed) as err:
        desk.intake.record(
            OFFICER,
            form(
                name="",
                nik="123",
                kelurahan_code="31.71.03",
                category_code="JALAN",
                attachments=[AttachmentFile("virus.exe", b"MZ\x90\x00")],
            ),
        )
    assert set(err.value.errors) == {
        "name",
        "nik",
        "kelurahan_code",
        "category_code",
        "attachments",
    }
    assert "virus.exe" in err.value.errors["attachments"]
    with desk.database.read() as session:
        assert outbox.pending_summary(session)[0] == 0


def test_search_by_code_forgiving_nik_phone_name_and_words(desk: Desk):
    first = desk.intake.record(OFFICER, form())
    desk.intake.record(
        OFFICER,
        form(
            name="Budi Santoso",
            nik="",
            phone="021-3822255",
            description="Sampah menumpuk di pinggir kali Ciliwung.",
        ),
    )
    code = first.ticket_code
    messy = code[:-1].lower().replace("-", " ").replace("1", "l") + code[-1]
    result = desk.lookup.search(OFFICER, messy)
    assert result.matched_by is MatchedBy.TICKET and [i.ticket_code for i in result.items] == [code]
    scanned = f"HTTPS://LACAK.JAKARTA.GO.ID/T/{code}/{first.complaint.tracking_token}"
    assert desk.lookup.search(OFFICER, scanned).items[0].ticket_code == code
    assert desk.lookup.search(OFFICER, "3171011708450001").matched_by is MatchedBy.NIK
    assert len(desk.lookup.search(OFFICER, "0812 3456 7890").items) == 1
    assert [i.name for i in desk.lookup.search(OFFICER, "budi").items] == ["Budi Santoso"]
    assert [i.name for i in desk.lookup.search(OFFICER, "kali ciliw").items] == ["Budi Santoso"]
    assert desk.lookup.search(OFFICER, 'berlubang" OR *').matched_by is MatchedBy.WORDS
    assert desk.lookup.search(OFFICER, "tidakada").items == []


def test_citizen_event_is_appended_and_queued(desk: Desk):
    recorded = desk.intake.record(OFFICER, form())
    event = desk.intake.add_citizen_event(
        OFFICER,
        str(recorded.complaint.id),
        "Warga datang lagi membawa surat RT.",
        [AttachmentFile("surat.pdf", b"%PDF-1.4 test")],
    )
    complaint = desk.lookup.detail(OFFICER, str(recorded.complaint.id))
    assert complaint is not None
    assert [e.kind.value for e in complaint.events] == ["created", "citizen_added"]
    assert complaint.events[1].attachments[0].original_name == "surat.pdf"
    with desk.database.read() as session:
        assert [i.item_id for i in outbox.pending(session)] == [
            str(recorded.complaint.id),
            str(event.id),
        ]


def test_audit_log_is_append_only(desk: Desk):
    desk.intake.record(OFFICER, form())
    with pytest.raises(DBAPIError, match="append-only"), desk.database.write() as session:
        session.execute(text("DELETE FROM audit_log"))
    with pytest.raises(DBAPIError, match="append-only"), desk.database.write() as session:
        session.execute(text("UPDATE audit_log SET actor='x'"))


def test_drafts_survive_reopening(data_dir: Path):
    desk = open_desk(data_dir, clock=Clock())
    key = desk.drafts.key_for(OFFICER)
    desk.drafts.save(OFFICER, key, {"name": "Siti", "description": "Jalan ber"})
    desk.close()
    again = open_desk(data_dir, clock=Clock())
    draft = again.drafts.load(key)
    assert draft is not None and draft.fields["description"] == "Jalan ber"
    again.intake.record(OFFICER, form(draft_key=key))
    assert again.drafts.load(key) is None  # saved for real: the draft has done its job
    again.close()


def test_migrations_from_empty_and_from_first(tmp_path: Path):
    empty = Database(tmp_path / "a.sqlite3")
    assert current_revision(empty) is None
    migrate(empty)
    assert current_revision(empty) == SCHEMA_HEAD

    old = Database(tmp_path / "b.sqlite3")
    migrate(old, "0001")
    assert current_revision(old) == "0001"
    with old.raw_connection() as raw:  # a complaint written by a 0001-era desk
        raw.execute(
            "INSERT INTO complaints (id, ticket_code, tracking_token, desk_code, officer_username,"
            " officer_name, channel, created_at, created_day, name, name_folded, nik, phone,"
            " address, keep_identity_private, kelurahan_code, rt_rw, street, landmark,"
            " category_code, description, urgency, earlier_references, status, status_note,"
            " print_pending) VALUES ('u1','PBK1-261122-0001-X','ABCDEF','PBK1','ani','Ani',"
            "'PENDOPO','2026-11-22 01:00:00','2026-11-22','Warga Lama','warga lama','','',"
            "'',0,'31.71.03.1005','','','','JALAN.RUSAK','Trotoar amblas dekat halte','normal',"
            "'[]','not_sent','',1)"
        )
    migrate(old)
    assert current_revision(old) == SCHEMA_HEAD
    with old.read() as session:  # the FTS index was built over the existing rows
        from desk_app.store.complaints import search_words

        assert [s.name for s in search_words(session, "amblas")] == ["Warga Lama"]
    assert old.integrity_check() == "ok"


def test_areas_import_official_file(desk: Desk, official_area_file: Path):
    assert desk.import_areas(None, official_area_file) == 318
    assert any(a.name == "Gunung Sahari Selatan" for a in desk.areas.search("gunung sah"))
    # Intake validates against the imported list at once (Pasar Baru is not in the demo set).
    recorded = desk.intake.record(OFFICER, form(kelurahan_code="31.71.02.1001"))
    assert recorded.complaint.location.kelurahan_code == "31.71.02.1001"


def test_schema_head_constant_matches_alembic():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from desk_app.store.db import MIGRATIONS, SCHEMA_HEAD

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)  # resolved as Alembic resolves it
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_HEAD


def test_the_recording_officer_is_remembered_by_name(desk: Desk):
    recorded = desk.intake.record(OFFICER, form())
    stored = desk.lookup.detail(
        Officer("budi", "Budi Lain", Role.OFFICER), str(recorded.complaint.id)
    )
    assert stored is not None
    assert (stored.officer, stored.officer_name) == ("ani", "Ani Petugas")


def test_the_to_print_list_is_read_through_its_own_index(desk: Desk):
    """Nearly every complaint has been printed; finding the few still to print must not
    walk the whole table (every refresh of the home page asks for them)."""
    from sqlalchemy import event

    from desk_app.store import complaints

    desk.intake.record(OFFICER, form())
    seen: list[tuple[str, object]] = []

    def capture(_conn, _cursor, statement, parameters, _context, _many) -> None:
        seen.append((statement, parameters))

    event.listen(desk.database.engine, "before_cursor_execute", capture)
    try:
        with desk.database.read() as session:
            assert len(complaints.print_pending(session)) == 1
    finally:
        event.remove(desk.database.engine, "before_cursor_execute", capture)
    statement, parameters = next((s, p) for s, p in seen if "print_pending IS" in s)
    with desk.database.raw_connection() as raw:
        plan = [row[3] for row in raw.execute("EXPLAIN QUERY PLAN " + statement, parameters)]
    assert any("ix_complaints_print_pending" in step for step in plan), plan
    assert "SCAN complaints" not in plan, plan
