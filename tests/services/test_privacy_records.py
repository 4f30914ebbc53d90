"""The audit trail chained by hashes (one past entry altered: the check names it),
and retention (the dry-run changes nothing; the run removes the personal fields of
complaints closed long ago, counts per state and category unchanged, audited)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path

import pytest
from sqlalchemy import update

from complaint_domain.status import Status
from desk_app.cli import main
from desk_app.services.accounts import Officer, Role
from desk_app.services.audit_trail import verify_audit
from desk_app.services.desk import Desk, open_desk
from desk_app.services.intake import AttachmentFile, IntakeForm
from desk_app.services.retention import run_if_due, run_retention
from desk_app.store import complaints as complaint_repo
from desk_app.store import retention as retention_repo
from desk_app.store.models import OutboxRow
from tests import dbdump

OFFICER = Officer("ani", "Ani", Role.OFFICER)
ADMIN = Officer("admin", "Admin", Role.ADMIN)
NOW = dt.datetime(2026, 12, 1, 3, 0, tzinfo=dt.UTC)


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def desk(data_dir: Path) -> Desk:
    d = open_desk(data_dir, clock=Clock())
    yield d  # type: ignore[misc]
    d.close()


def _record(
    desk: Desk, i: int, category: str = "JALAN.RUSAK", description: str | None = None
) -> str:
    form = IntakeForm(
        name=f"Sulastri Wiryaningsih {i}",
        nik=f"317101551288{i:04d}",
        phone=f"0813987654{i:02d}",
        address=f"Jalan Kenari Tengah {i}",
        consent=True,
        kelurahan_code="31.71.03.1005",
        street=f"Gang Kelinci {i}",
        category_code=category,
        description=description or f"Jalan berlubang besar nomor {i}.",
        attachments=[AttachmentFile(f"f{i}.png", b"\x89PNG\r\n\x1a\n" + bytes([i]) * 300)],
    )
    return str(desk.intake.record(OFFICER, form).complaint.id)


def _close(desk: Desk, complaint_id: str, status: Status, at: dt.datetime) -> None:
    """As the sync would: the item sent, then the CRM's final state pulled."""
    with desk.database.write() as session:
        session.execute(
            update(OutboxRow).where(OutboxRow.complaint_id == complaint_id).values(state="sent")
        )
        complaint_repo.set_statuses(session, [(complaint_id, status, at, "")])


def test_one_altered_past_entry_is_named_by_the_check(desk: Desk, capsys):
    desk.accounts.create_first_admin("admin", "Admin", "rahasia-sekali")
    desk.accounts.sign_in("admin", "rahasia-sekali")
    first = _record(desk, 1)
    desk.lookup.detail(OFFICER, first)
    desk.lookup.detail(OFFICER, first, "sync")
    views = [e for e in _audit(desk) if e.action == "complaint.view"]
    assert [(e.actor, e.details["purpose"]) for e in views] == [("ani", "sync"), ("ani", "service")]
    desk.save_settings(ADMIN, desk.settings)
    check = verify_audit(desk)
    assert check.whole and check.checked >= 4
    assert main(["--data-dir", str(desk.data_dir), "audit-verify"]) == 0
    assert "utuh" in capsys.readouterr().out

    with desk.database.raw_connection(isolation_level=None) as raw:  # behind the app
        pks = [pk for (pk,) in raw.execute("SELECT pk FROM audit_log ORDER BY pk")]
        target = pks[2]
        raw.execute("DROP TRIGGER audit_log_no_update")
        raw.execute("UPDATE audit_log SET actor = 'orang-lain' WHERE pk = ?", (target,))
    check = verify_audit(desk)
    assert not check.whole and check.first_altered is not None
    assert check.first_altered.pk == target and check.first_altered.checked == 2
    assert main(["--data-dir", str(desk.data_dir), "audit-verify"]) == 1
    assert f"nomor {target} " in capsys.readouterr().err


def test_a_removed_entry_is_found_too(desk: Desk):
    for i in range(3):
        _record(desk, i)
    with desk.database.raw_connection(isolation_level=None) as raw:
        pks = [pk for (pk,) in raw.execute("SELECT pk FROM audit_log ORDER BY pk")]
        raw.execute("DROP TRIGGER audit_log_no_delete")
        raw.execute("DELETE FROM audit_log WHERE pk = ?", (pks[1],))
    broken = verify_audit(desk).first_altered
    assert broken is not None and broken.pk == pks[2]


def test_retention_dry_run_changes_nothing_and_the_run_keeps_the_facts(desk: Desk, capsys):
    clock = desk.clock
    assert isinstance(clock, Clock)
    old, recent, still_open = (
        _record(desk, 1),
        _record(desk, 2, "KEBERSIHAN.SAMPAH"),
        _record(desk, 3),
    )
    rejected_old = _record(desk, 4, "KEBERSIHAN.SAMPAH")
    long_ago = NOW - dt.timedelta(days=800)
    _close(desk, old, Status.DONE, long_ago)
    _close(desk, rejected_old, Status.REJECTED, long_ago)
    _close(desk, recent, Status.DONE, NOW - dt.timedelta(days=30))
    with desk.database.read() as session:
        counts = retention_repo.counts_by_state_and_category(session)
    before = [row for row in dbdump.dump(desk.database) if not row.startswith("audit_log")]
    files_before = sorted(p.name for p in (desk.data_dir / "files").rglob("*") if p.is_file())

    assert main(["--data-dir", str(desk.data_dir), "retention", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Akan dihapus: data pribadi 2 aduan" in out and "Sulastri" not in out
    after = [row for row in dbdump.dump(desk.database) if not row.startswith("audit_log")]
    assert after == before
    assert sorted(p.name for p in (desk.data_dir / "files").rglob("*") if p.is_file()) == (
        files_before
    )

    report = run_retention(desk, ADMIN)
    assert {e.complaint_id for e in report.found} == {old, rejected_old}
    assert report.files_removed == 2
    dump = "\n".join(dbdump.dump(desk.database))
    for i in (1, 4):  # gone: name, NIK, phone, address, street
        for value in (f"Wiryaningsih {i}", f"317101551288{i:04d}", f"0813987654{i:02d}"):
            assert value not in dump
        assert f"Kenari Tengah {i}" not in dump and f"Gang Kelinci {i}" not in dump
    for i in (2, 3):  # kept: closed recently, still open
        assert f"317101551288{i:04d}" in dump
    with desk.database.read() as session:
        assert retention_repo.counts_by_state_and_category(session) == counts
        assert complaint_repo.search_words(session, "Wiryaningsih") != []
        found = {s.id for s in complaint_repo.search_words(session, "Wiryaningsih")}
        assert found == {recent, still_open}
        kept = complaint_repo.get(session, old)
        assert kept is not None and kept.description == "Jalan berlubang besar nomor 1."
    gone = hashlib.sha256(b"\x89PNG\r\n\x1a\n" + bytes([1]) * 300).hexdigest()
    assert not desk.files.has(gone)
    assert "retention.run" in {e.action for e in _audit(desk)}
    assert "retention.dry_run" in {e.action for e in _audit(desk)}
    assert verify_audit(desk).whole

    # The schedule: due after a day, not before; a second run finds nothing new.
    assert run_if_due(desk) is None
    clock.now += dt.timedelta(days=1, minutes=1)
    again = run_if_due(desk)
    assert again is not None and again.found == []


def test_the_retention_time_is_a_setting(desk: Desk):
    complaint = _record(desk, 1)
    _close(desk, complaint, Status.DUPLICATE, NOW - dt.timedelta(days=100))
    assert run_retention(desk, ADMIN, dry_run=True).found == []
    desk.settings = dataclasses.replace(desk.settings, retention_days=90)
    assert [e.ticket_code for e in run_retention(desk, ADMIN, dry_run=True).found] != []
    with pytest.raises(Exception, match=r"admin|Admin|izin|hak"):
        run_retention(desk, OFFICER)


def _audit(desk: Desk) -> list:
    from desk_app.store import audit

    with desk.database.read() as session:
        return audit.entries(session, limit=1000)


def test_retention_takes_the_numbers_out_of_the_description_and_the_search(desk: Desk):
    written = "Jalan berlubang. Hubungi anak saya 0857-1111-2222 atau sari@example.id."
    complaint_id = _record(desk, 9, description=written)
    _close(desk, complaint_id, Status.DONE, NOW - dt.timedelta(days=800))
    with desk.database.read() as session:
        assert complaint_repo.search_words(session, "2222") != []  # the premise
    run_retention(desk, ADMIN)
    with desk.database.read() as session:
        kept = complaint_repo.get(session, complaint_id)
        assert kept is not None
        assert kept.description == "Jalan berlubang. Hubungi anak saya [dihapus] atau [dihapus]."
        assert complaint_repo.search_words(session, "2222") == []  # the index followed
        assert complaint_repo.search_words(session, "berlubang") != []
    dump = "\n".join(dbdump.dump(desk.database))
    assert "1111-2222" not in dump and "sari@example.id" not in dump
