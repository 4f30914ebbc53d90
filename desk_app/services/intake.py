"""Recording a complaint at the counter, and adding to one when the citizen returns.

The complaint, its first event, its outbox row and its audit entry are written in
one transaction, together with the day's ticket number: after a crash either all
of them are there or none is, and a ticket number is never handed out twice.
Attachment files are written (fsync'd) before that transaction; an orphan file
from a crash in between is harmless, a row pointing at a missing file is not.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from pathlib import Path

from complaint_domain.areas import AreaIndex, AreaLevel
from complaint_domain.complaint import (
    MAX_ATTACHMENTS,
    WIB,
    Attachment,
    Complainant,
    Complaint,
    ComplaintEvent,
    EventKind,
    Location,
    Urgency,
    check_attachment,
)
from complaint_domain.reference import CATEGORY_BY_CODE, CHANNEL_BY_CODE
from complaint_domain.status import Status
from complaint_domain.text import clean_line, clean_paragraphs
from complaint_domain.ticket import mint, new_tracking_token
from complaint_domain.validation import LIMITS, validate_complaint_fields
from desk_app.services.accounts import Officer, Role, require
from desk_app.services.errors import NotFound, UserFacingError, ValidationFailed
from desk_app.store import audit, complaints, drafts, outbox
from desk_app.store.attachments import FileStore
from desk_app.store.db import Database
from desk_app.store.sequence import next_sequence


@dataclass(frozen=True)
class AttachmentFile:
    """A file the officer added: its bytes and the name it had."""

    name: str
    data: bytes

    @classmethod
    def from_path(cls, path: Path) -> AttachmentFile:
        try:
            return cls(path.name, path.read_bytes())
        except OSError as err:
            raise UserFacingError(
                f"Berkas {path.name} tidak dapat dibaca: {err.strerror}."
            ) from None


@dataclass
class IntakeForm:
    """What the officer typed, as typed. Validation cleans it; nothing here is trusted."""

    name: str = ""
    nik: str = ""
    phone: str = ""
    address: str = ""
    keep_identity_private: bool = False
    consent: bool = False
    kelurahan_code: str = ""
    rt_rw: str = ""
    street: str = ""
    landmark: str = ""
    category_code: str = ""
    description: str = ""
    urgency: str = Urgency.NORMAL.value
    earlier_references: list[str] = field(default_factory=list)
    attachments: list[AttachmentFile] = field(default_factory=list)
    channel: str = "PENDOPO"
    draft_key: str = ""


@dataclass(frozen=True)
class RecordedComplaint:
    complaint: Complaint

    @property
    def ticket_code(self) -> str:
        return self.complaint.ticket_code


def check_attachments(files: list[AttachmentFile]) -> tuple[list[Attachment], dict[str, str]]:
    found: list[Attachment] = []
    errors: dict[str, str] = {}
    if len(files) > MAX_ATTACHMENTS:
        errors["attachments"] = f"Paling banyak {MAX_ATTACHMENTS} lampiran per aduan."
        return found, errors
    for f in files:
        media_type, problem = check_attachment(f.data, f.name)
        if problem:
            errors.setdefault("attachments", problem)
            continue
        found.append(
            Attachment(
                hashlib.sha256(f.data).hexdigest(),
                len(f.data),
                str(media_type),
                clean_line(f.name)[:255],
            )
        )
    return found, errors


def _with_intake(
    base: Complaint, values: dict[str, str], form: IntakeForm, attachments: list[Attachment]
) -> Complaint:
    """``base`` with the intake fields the officer typed (already validated and
    cleaned in ``values``): shared by recording and by correcting a complaint."""
    return replace(
        base,
        complainant=replace(
            base.complainant,
            name=values["name"],
            nik=values["nik"],
            phone=values["phone"],
            address=values["address"],
            keep_identity_private=form.keep_identity_private,
        ),
        location=replace(
            base.location,
            kelurahan_code=values["kelurahan_code"],
            rt_rw=values["rt_rw"],
            street=values["street"],
            landmark=values["landmark"],
        ),
        category_code=values["category_code"],
        description=values["description"],
        urgency=Urgency(form.urgency),
        earlier_references=tuple(r for r in values["earlier_references"].split("\n") if r),
        attachments=tuple(attachments),
    )


class IntakeService:
    def __init__(
        self,
        database: Database,
        files: FileStore,
        areas: Callable[[], AreaIndex],
        desk_code: Callable[[], str],
        clock: Callable[[], dt.datetime],
    ) -> None:
        self._db = database
        self._files = files
        self._areas = areas
        self._desk_code = desk_code
        self._clock = clock

    def validate(self, form: IntakeForm) -> dict[str, str]:
        """Every problem of the form, per field; empty when it can be saved."""
        return self._validate(form)[1]

    def _validate(
        self, form: IntakeForm
    ) -> tuple[dict[str, str], dict[str, str], list[Attachment]]:
        result = validate_complaint_fields(
            {
                "name": form.name,
                "nik": form.nik,
                "phone": form.phone,
                "address": form.address,
                "rt_rw": form.rt_rw,
                "street": form.street,
                "landmark": form.landmark,
                "description": form.description,
                "kelurahan_code": form.kelurahan_code,
                "category_code": form.category_code,
                "consent": "1" if form.consent else "",
            }
        )
        errors = dict(result.errors)
        values = result.values
        area = self._areas().get(values["kelurahan_code"])
        if values["kelurahan_code"] and (area is None or area.level is not AreaLevel.KELURAHAN):
            errors["kelurahan_code"] = "Kelurahan tidak dikenal: pilih dari daftar."
        category = CATEGORY_BY_CODE.get(values["category_code"])
        if values["category_code"] and category is None:
            errors["category_code"] = "Kategori tidak dikenal: pilih dari daftar."
        elif category is not None and category.parent is None:
            errors["category_code"] = "Pilih sub-kategori yang paling sesuai."
        if form.urgency not in {u.value for u in Urgency}:
            errors["urgency"] = "Tingkat urgensi tidak dikenal."
        if form.channel not in CHANNEL_BY_CODE:
            errors["channel"] = "Kanal aduan tidak dikenal."
        refs = [clean_line(r) for r in form.earlier_references if clean_line(r)]
        if any(len(r) > LIMITS["reference"] for r in refs):
            errors["earlier_references"] = (
                f"Nomor laporan sebelumnya paling panjang {LIMITS['reference']} karakter."
            )
        values["earlier_references"] = "\n".join(refs)
        attachments, attachment_errors = check_attachments(form.attachments)
        errors.update(attachment_errors)
        return values, errors, attachments

    def record(self, officer: Officer, form: IntakeForm) -> RecordedComplaint:
        require(officer, Role.OFFICER)
        values, errors, attachments = self._validate(form)
        if errors:
            raise ValidationFailed(errors)
        for f in form.attachments:
            self._files.put(f.data)
        now = self._clock()
        day = now.astimezone(WIB).date()
        desk = self._desk_code()
        complaint_id = uuid.uuid4()
        with self._db.write() as session:
            code = mint(desk, day, next_sequence(session, desk, day))
            identity = Complaint(
                id=complaint_id,
                ticket_code=str(code),
                tracking_token=new_tracking_token(),
                desk_code=desk,
                officer=officer.username,
                officer_name=officer.display_name,
                channel=form.channel,
                created_at=now,
                complainant=Complainant(name="", consent_given_at=now),
                location=Location(kelurahan_code=""),
                category_code="",
                description="",
                status=Status.NOT_SENT,
            )
            complaint = _with_intake(identity, values, form, attachments)
            complaints.insert(session, complaint, day)
            outbox.add(session, str(complaint_id), "complaint", str(complaint_id), now)
            audit.record(
                session,
                now,
                officer.username,
                "complaint.record",
                str(code),
                attachments=len(attachments),
            )
            if form.draft_key:
                drafts.discard(session, form.draft_key)
        return RecordedComplaint(complaint)

    def correct(
        self,
        officer: Officer,
        complaint_id: str,
        form: IntakeForm,
        remove_attachments: Collection[str] = (),
    ) -> Complaint:
        """The CRM refused a complaint as wrong: the officer corrects its intake fields.

        Only while the complaint's outbox item is *rejected*. A pending item may be in
        a push at this very moment (the CRM could store the old text while the desk
        shows the new), and once the CRM accepted a complaint its intake fields are
        final: later additions are events (:meth:`add_citizen_event`).

        The form is validated exactly like :meth:`record`. Id, ticket code, tracking
        token, created_at, officer and the consent time stay (the printed receipt stays
        valid). New attachments are added; existing ones are kept unless their sha256
        is in ``remove_attachments`` (a file the CRM refused). The update, the audit
        entry (field names, never values) and the requeue of the item (and of the
        additions refused only because the complaint was not at the CRM) are one
        transaction.
        """
        require(officer, Role.OFFICER)
        with self._db.read() as session:
            existing = complaints.get(session, complaint_id)
            state = outbox.state_of(session, complaint_id)
        if existing is None:
            raise NotFound("Aduan tidak ditemukan.")
        _check_correctable(existing.ticket_code, state)
        values, errors, added = self._validate(form)
        removed = {a.sha256 for a in existing.attachments} & set(remove_attachments)
        kept = [a for a in existing.attachments if a.sha256 not in removed]
        known = {a.sha256 for a in kept}
        added = [a for a in added if a.sha256 not in known]
        if "attachments" not in errors and len(kept) + len(added) > MAX_ATTACHMENTS:
            errors["attachments"] = f"Paling banyak {MAX_ATTACHMENTS} lampiran per aduan."
        if errors:
            raise ValidationFailed(errors)
        corrected = replace(
            _with_intake(existing, values, form, [*kept, *added]), channel=form.channel
        )
        changed = _changed_fields(existing, corrected)
        if not changed and not added and not removed:
            raise UserFacingError(
                "Belum ada yang diubah. Perbaiki isian yang disebut CRM, atau pilih "
                '"Kirim ulang" bila masalahnya sudah dibereskan di CRM.'
            )
        wanted = {a.sha256 for a in added}
        for f in form.attachments:
            if hashlib.sha256(f.data).hexdigest() in wanted:
                self._files.put(f.data)
        now = self._clock()
        with self._db.write() as session:
            # Checked again in the write transaction: sync may have moved it meanwhile.
            state = outbox.state_of(session, complaint_id)
            _check_correctable(existing.ticket_code, state)
            refused = [i for i in outbox.rejected(session) if i.item_id == complaint_id]
            crm_code = refused[0].error_code if refused else ""
            complaints.update_intake(session, corrected, now, added, removed)
            outbox.requeue(session, complaint_id)
            for other in outbox.rejected(session):
                if other.complaint_id == complaint_id and other.error_code == "unknown_complaint":
                    outbox.requeue(session, other.item_id)
            audit.record(
                session,
                now,
                officer.username,
                "complaint.correct",
                existing.ticket_code,
                fields=changed,
                attachments_added=len(added),
                attachments_removed=len(removed),
                crm_code=crm_code,
            )
            if form.draft_key:
                drafts.discard(session, form.draft_key)
            result = complaints.get(session, complaint_id)
        assert result is not None
        return result

    def add_citizen_event(
        self, officer: Officer, complaint_id: str, note: str, files: list[AttachmentFile]
    ) -> ComplaintEvent:
        """The citizen came back with more (a letter, photos): an append-only event on
        the same ticket, sent to the CRM like a complaint."""
        require(officer, Role.OFFICER)
        note = clean_paragraphs(note)
        errors: dict[str, str] = {}
        if len(note) < 5:
            errors["note"] = "Tulis keterangan tambahan (paling sedikit 5 karakter)."
        elif len(note) > LIMITS["note"]:
            errors["note"] = f"Keterangan tambahan paling panjang {LIMITS['note']} karakter."
        attachments, attachment_errors = check_attachments(files)
        errors.update(attachment_errors)
        if errors:
            raise ValidationFailed(errors)
        for f in files:
            self._files.put(f.data)
        now = self._clock()
        event = ComplaintEvent(
            id=uuid.uuid4(),
            complaint_id=uuid.UUID(complaint_id),
            kind=EventKind.CITIZEN_ADDED,
            at=now,
            note=note,
            actor=officer.username,
            attachments=tuple(attachments),
        )
        with self._db.write() as session:
            existing = complaints.get(session, complaint_id)
            if existing is None:
                raise NotFound("Aduan tidak ditemukan.")
            complaints.add_event(session, event)
            outbox.add(session, str(event.id), "event", complaint_id, now)
            audit.record(
                session,
                now,
                officer.username,
                "complaint.add_event",
                existing.ticket_code,
                attachments=len(attachments),
            )
        return event

    def mark_printed(self, complaint_id: str, ok: bool) -> None:
        now = self._clock()
        with self._db.write() as session:
            complaints.set_printed(session, complaint_id, now if ok else None)
            audit.record(
                session, now, "system", "receipt.printed" if ok else "receipt.failed", complaint_id
            )


def _check_correctable(ticket_code: str, state: str | None) -> None:
    if state == outbox.REJECTED:
        return
    if state == outbox.SENT:
        raise UserFacingError(
            f"Aduan {ticket_code} sudah diterima CRM: isian awalnya tidak dapat diubah lagi. "
            "Bila ada yang perlu diluruskan, tambahkan keterangan pada aduan ini."
        )
    if state == outbox.PENDING:
        raise UserFacingError(
            f"Aduan {ticket_code} sedang menunggu dikirim ke CRM. Hanya aduan yang ditolak "
            "CRM yang dapat diperbaiki."
        )
    raise NotFound(f"Aduan {ticket_code} tidak ada di antrean pengiriman.")


def _changed_fields(before: Complaint, after: Complaint) -> list[str]:
    """Which intake fields differ, by name (for the audit log: never the values)."""
    pairs = {
        "name": (before.complainant.name, after.complainant.name),
        "nik": (before.complainant.nik, after.complainant.nik),
        "phone": (before.complainant.phone, after.complainant.phone),
        "address": (before.complainant.address, after.complainant.address),
        "keep_identity_private": (
            before.complainant.keep_identity_private,
            after.complainant.keep_identity_private,
        ),
        "kelurahan_code": (before.location.kelurahan_code, after.location.kelurahan_code),
        "rt_rw": (before.location.rt_rw, after.location.rt_rw),
        "street": (before.location.street, after.location.street),
        "landmark": (before.location.landmark, after.location.landmark),
        "category_code": (before.category_code, after.category_code),
        "description": (before.description, after.description),
        "urgency": (before.urgency, after.urgency),
        "earlier_references": (before.earlier_references, after.earlier_references),
        "channel": (before.channel, after.channel),
    }
    return [name for name, (old, new) in pairs.items() if old != new]
