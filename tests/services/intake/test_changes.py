"""IntakeService.correct: a complaint the CRM refused, corrected by the officer."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from pathlib import Path

import pytest

from desk_app.services.accounts import Officer, Role
from desk_app.services.desk import open_desk
from desk_app.services.errors import NotFound, UserFacingError, ValidationFailed
from desk_app.services.intake import AttachmentFile, IntakeForm
from desk_app.store import audit, complaints, drafts, outbox

OFFICER = Officer("ani", "Ani Petugas", Role.OFFICER)
OTHER_KELURAHAN = "31.71.01.1001"  # Gambir


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 23, 1, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now


def png(seed: int, size: int = 200) -> bytes:
    rng = random.Random(seed)
    return b"\x89PNG\r\n\x1a\n" + bytes(rng.getrandbits(8) for _ in range(size))


def a_form(**changes: object) -> IntakeForm:
    form = IntakeForm(
        name="Siti Aminah",
        nik="3171011708450001",
        phone="0812-3456-7890",
        consent=True,
        kelurahan_code="31.71.03.1005",
        category_code="JALAN.RUSAK",
        description="Jalan berlubang besar di depan pasar Senen sejak sebulan.",
        earlier_references=["JAKI: 12345"],
    )
    return dataclasses.replace(form, **changes)  # type: ignore[arg-type]


@pytest.fixture
def desk(data_dir: Path):
    d = open_desk(data_dir, clock=Clock())
    yield d
    d.close()


def _record(desk, **changes: object) -> str:
    return str(desk.intake.record(OFFICER, a_form(**changes)).complaint.id)


def _reject(desk, item_id: str, code: str = "unknown_area", field: str = "") -> None:
    """What the sync engine writes when the CRM answers "rejected"."""
    with desk.database.write() as s:
        outbox.mark_rejected(s, item_id, code, "Unknown kelurahan code.", field)


def test_correcting_a_rejected_complaint_updates_it_in_place_and_requeues(desk):
    cid = _record(desk, attachments=[AttachmentFile("surat.png", png(1))])
    with desk.database.read() as s:
        before = complaints.get(s, cid)
    assert before is not None
    _reject(desk, cid, field="location.kelurahan_code")
    # An addition the CRM refused only because the complaint was not there.
    event = desk.intake.add_citizen_event(OFFICER, cid, "Membawa foto tambahan.", [])
    with desk.database.write() as s:
        outbox.mark_rejected(s, str(event.id), "unknown_complaint", "Unknown complaint.")
    desk.clock.now += dt.timedelta(hours=2)

    corrected = desk.intake.correct(
        OFFICER,
        cid,
        a_form(
            kelurahan_code=OTHER_KELURAHAN,
            description="Jalan berlubang besar di depan kantor kelurahan Gambir.",
            attachments=[AttachmentFile("foto.png", png(2))],
            draft_key="correct-x:ani",
        ),
    )

    # Same identity: the printed receipt stays valid.
    assert corrected.id == before.id and corrected.ticket_code == before.ticket_code
    assert corrected.tracking_token == before.tracking_token
    assert corrected.created_at == before.created_at and corrected.officer == before.officer
    assert corrected.complainant.consent_given_at == before.complainant.consent_given_at
    assert corrected.location.kelurahan_code == OTHER_KELURAHAN
    assert "Gambir" in corrected.description
    assert [a.original_name for a in corrected.attachments] == ["surat.png", "foto.png"]
    with desk.database.read() as s:
        assert outbox.state_of(s, cid) == outbox.PENDING
        assert outbox.state_of(s, str(event.id)) == outbox.PENDING
        assert outbox.rejected_count(s) == 0
        (entry,) = [e for e in audit.entries(s) if e.action == "complaint.correct"]
        # the search index follows the new text
        found = complaints.search_words(s, "kelurahan gambir")
        assert [f.id for f in found] == [cid]
        assert complaints.search_words(s, "pasar senen") == []
        assert complaints.count(s) == 1
    assert entry.subject == before.ticket_code and entry.actor == "ani"
    assert entry.details == {
        "fields": ["kelurahan_code", "description"],
        "attachments_added": 1,
        "attachments_removed": 0,
        "crm_code": "unknown_area",
    }
    # No personal data and no values in the audit entry.
    text = repr(entry)
    for value in ("Siti", "3171011708450001", "0812", "Gambir", OTHER_KELURAHAN):
        assert value not in text
    assert desk.files.read(corrected.attachments[1].sha256) == png(2)


def test_a_refused_attachment_can_be_removed(desk):
    cid = _record(
        desk, attachments=[AttachmentFile("a.png", png(1)), AttachmentFile("b.png", png(2))]
    )
    with desk.database.read() as s:
        before = complaints.get(s, cid)
    assert before is not None
    _reject(desk, cid, "unsupported_media_type", "attachments")
    bad = before.attachments[1].sha256
    corrected = desk.intake.correct(OFFICER, cid, a_form(), remove_attachments=[bad])
    assert [a.original_name for a in corrected.attachments] == ["a.png"]
    with desk.database.read() as s:
        (entry,) = [e for e in audit.entries(s) if e.action == "complaint.correct"]
    assert entry.details["fields"] == [] and entry.details["attachments_removed"] == 1


def test_the_correction_discards_its_own_draft_only(desk):
    cid = _record(desk)
    _reject(desk, cid)
    desk.drafts.save(OFFICER, "intake:ani", {"name": "baru"})
    desk.drafts.save(OFFICER, f"correct-{cid}:ani", {"name": "koreksi"})
    desk.intake.correct(
        OFFICER, cid, a_form(kelurahan_code=OTHER_KELURAHAN, draft_key=f"correct-{cid}:ani")
    )
    with desk.database.read() as s:
        assert drafts.load(s, f"correct-{cid}:ani") is None
        assert drafts.load(s, "intake:ani") is not None


def test_refused_once_the_crm_accepted_it_or_while_it_waits(desk):
    sent, waiting = _record(desk), _record(desk)
    with desk.database.write() as s:
        outbox.mark_sent(s, sent, desk.clock())
    with pytest.raises(UserFacingError, match="sudah diterima CRM") as accepted:
        desk.intake.correct(OFFICER, sent, a_form(kelurahan_code=OTHER_KELURAHAN))
    assert "tidak dapat diubah" in accepted.value.message
    with pytest.raises(UserFacingError, match="menunggu dikirim"):
        desk.intake.correct(OFFICER, waiting, a_form(kelurahan_code=OTHER_KELURAHAN))
    with pytest.raises(NotFound):
        desk.intake.correct(OFFICER, "00000000-0000-0000-0000-000000000000", a_form())
    with desk.database.read() as s:
        for cid in (sent, waiting):
            c = complaints.get(s, cid)
            assert c is not None and c.location.kelurahan_code == "31.71.03.1005"
        assert not [e for e in audit.entries(s) if e.action == "complaint.correct"]


def test_nothing_changed_is_said_not_resent(desk):
    cid = _record(desk)
    _reject(desk, cid)
    with pytest.raises(UserFacingError, match="Belum ada yang diubah"):
        desk.intake.correct(OFFICER, cid, a_form())
    with desk.database.read() as s:
        assert outbox.state_of(s, cid) == outbox.REJECTED


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"nik": "1234"}, "nik"),
        ({"phone": "12"}, "phone"),
        ({"consent": False}, "consent"),
        ({"kelurahan_code": "31.71.03.9999"}, "kelurahan_code"),
        ({"category_code": "JALAN"}, "category_code"),
        ({"description": "rusak"}, "description"),
        ({"urgency": "kiamat"}, "urgency"),
        ({"earlier_references": ["x" * 200]}, "earlier_references"),
        ({"attachments": [AttachmentFile("virus.exe", b"MZ" + b"0" * 100)]}, "attachments"),
    ],
)
def test_validated_exactly_like_record(desk, changes: dict[str, object], field: str):
    cid = _record(desk)
    _reject(desk, cid)
    form = a_form(**changes)
    with pytest.raises(ValidationFailed) as recorded:
        desk.intake.record(OFFICER, form)
    with pytest.raises(ValidationFailed) as corrected:
        desk.intake.correct(OFFICER, cid, form)
    assert field in corrected.value.errors
    assert corrected.value.errors == recorded.value.errors
    with desk.database.read() as s:
        assert outbox.state_of(s, cid) == outbox.REJECTED
