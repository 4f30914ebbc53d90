"""Changes to a complaint already recorded: a correction of its intake fields after
the CRM refused it, and what the citizen brings back later (an append-only event).

Each is one transaction with its audit entry and its outbox row, as recording is.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Callable, Collection, Mapping
from dataclasses import replace

from complaint_domain.areas import AreaIndex
from complaint_domain.complaint import (
    CITIZEN_FIELDS,
    MAX_ATTACHMENTS,
    Attachment,
    Complainant,
    Complaint,
    ComplaintEvent,
    EventKind,
)
from complaint_domain.messages import QT_TRANSLATE_NOOP
from complaint_domain.reference import Category
from complaint_domain.text import clean_paragraphs
from complaint_domain.validation import LIMITS
from desk_app.services.accounts import Officer, Role, require
from desk_app.services.errors import (
    COMPLAINT_NOT_FOUND,
    NotFound,
    UserFacingError,
    ValidationFailed,
)
from desk_app.services.intake.form import (
    TOO_MANY_ATTACHMENTS,
    AttachmentFile,
    IntakeForm,
    check_attachments,
    validate_form,
    with_intake,
)
from desk_app.store import audit, complaints, drafts, outbox
from desk_app.store.attachments import FileStore
from desk_app.store.db import Database

MIN_NOTE = 5  # characters of a citizen's addition


class ComplaintChanges:
    """Corrections and additions; the intake service hands its callers here."""

    def __init__(
        self,
        database: Database,
        files: FileStore,
        areas: Callable[[], AreaIndex],
        clock: Callable[[], dt.datetime],
        categories: Callable[[], Mapping[str, Category]] | None = None,
    ) -> None:
        self._db = database
        self._categories = categories  # those in use (the CRM's): read at each use
        self._files = files
        self._areas = areas
        self._clock = clock

    def _categories_in_use(self) -> Mapping[str, Category] | None:
        return self._categories() if self._categories is not None else None

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

        The form is validated exactly like :meth:`IntakeService.record`. Id, ticket code, tracking
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
            raise NotFound(COMPLAINT_NOT_FOUND)
        _check_correctable(existing.ticket_code, state)
        values, errors, added = validate_form(form, self._areas(), self._categories_in_use())
        removed = {a.sha256 for a in existing.attachments} & set(remove_attachments)
        kept = [a for a in existing.attachments if a.sha256 not in removed]
        known = {a.sha256 for a in kept}
        added = [a for a in added if a.sha256 not in known]
        if "attachments" not in errors and len(kept) + len(added) > MAX_ATTACHMENTS:
            errors["attachments"] = TOO_MANY_ATTACHMENTS
        if errors:
            raise ValidationFailed(errors)
        corrected = replace(
            with_intake(existing, values, form, [*kept, *added]), channel=form.channel
        )
        changed = _changed_fields(existing, corrected)
        if not changed and not added and not removed:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Intake",
                    "Belum ada yang diubah. Perbaiki isian yang disebut CRM, atau pilih "
                    '"Kirim ulang" bila masalahnya sudah dibereskan di CRM.',
                )
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
            outbox.requeue(session, complaint_id, now, officer.display_name)
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
        note, attachments = _checked_addition(note, files, MIN_NOTE, {})
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
        return self._append(officer, event, files, "complaint.add_event")

    def _append(
        self,
        officer: Officer,
        event: ComplaintEvent,
        files: list[AttachmentFile],
        action: str,
        draft_key: str = "",
    ) -> ComplaintEvent:
        """Store an addition: its files first (content-addressed, harmless if the
        write fails), then the event, its outbox row and the audit entry (no personal
        data) in one transaction; the form's draft goes with them."""
        for f in files:
            self._files.put(f.data)
        complaint_id = str(event.complaint_id)
        with self._db.write() as session:
            existing = complaints.get(session, complaint_id)
            if existing is None:
                raise NotFound(COMPLAINT_NOT_FOUND)
            complaints.add_event(session, event)
            outbox.add(session, str(event.id), "event", complaint_id, event.at)
            audit.record(
                session,
                event.at,
                officer.username,
                action,
                existing.ticket_code,
                attachments=len(event.attachments),
            )
            if draft_key:
                drafts.discard(session, draft_key)
        return event

    def add_co_reporter(
        self,
        officer: Officer,
        complaint_id: str,
        form: IntakeForm,
        note: str,
        files: list[AttachmentFile],
    ) -> ComplaintEvent:
        """Another citizen reports the same problem: they become a co-reporter of the
        complaint (DESIGN.md, "Several citizens, one problem").

        Their own fields of ``form`` (consent, name, NIK, phone, address; keeping the
        identity private) are validated exactly like the first citizen's; ``note`` is
        what they said, optional. An append-only ``reporter_added`` event with its own
        UUID carries them, and goes to the CRM like any addition; its outbox row and
        the audit entry (no personal data) commit with it. Their receipt is printed
        from the returned event after that.
        """
        require(officer, Role.OFFICER)
        values, all_errors, _ = validate_form(form, self._areas())
        errors = {k: v for k, v in all_errors.items() if k in CITIZEN_FIELDS}
        note, attachments = _checked_addition(note, files, 0, errors)  # what they said: optional
        now = self._clock()
        event = ComplaintEvent(
            id=uuid.uuid4(),
            complaint_id=uuid.UUID(complaint_id),
            kind=EventKind.REPORTER_ADDED,
            at=now,
            note=note,
            actor=officer.username,
            attachments=tuple(attachments),
            reporter=Complainant(
                name=values["name"],
                nik=values["nik"],
                phone=values["phone"],
                address=values["address"],
                keep_identity_private=form.keep_identity_private,
                consent_given_at=now,
                sms_consent=form.sms_consent and bool(values["phone"]),
            ),
        )
        return self._append(officer, event, files, "complaint.add_reporter", form.draft_key)


def _checked_addition(
    note: str, files: list[AttachmentFile], minimum: int, errors: dict[str, str]
) -> tuple[str, list[Attachment]]:
    """An addition's note (cleaned, ``minimum`` to the limit of characters) and its
    files, checked; every problem found, ``errors`` (the form's own) included, is
    raised at once so that the officer sees them all beside their fields."""
    note = clean_paragraphs(note)
    errors = dict(errors)
    if len(note) < minimum:
        errors["note"] = QT_TRANSLATE_NOOP(
            "Intake", "Tulis keterangan tambahan (paling sedikit {count} karakter)."
        ).format(count=minimum)
    elif len(note) > LIMITS["note"]:
        errors["note"] = QT_TRANSLATE_NOOP(
            "Intake", "Keterangan tambahan paling panjang {count} karakter."
        ).format(count=LIMITS["note"])
    attachments, attachment_errors = check_attachments(files)
    errors.update(attachment_errors)
    if errors:
        raise ValidationFailed(errors)
    return note, attachments


def _check_correctable(ticket_code: str, state: str | None) -> None:
    if state == outbox.REJECTED:
        return
    if state == outbox.SENT:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Intake",
                "Aduan {code} sudah diterima CRM: isian awalnya tidak dapat diubah lagi. "
                "Bila ada yang perlu diluruskan, tambahkan keterangan pada aduan ini.",
            ).format(code=ticket_code)
        )
    if state == outbox.PENDING:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Intake",
                "Aduan {code} sedang menunggu dikirim ke CRM. Hanya aduan yang ditolak "
                "CRM yang dapat diperbaiki.",
            ).format(code=ticket_code)
        )
    raise NotFound(
        QT_TRANSLATE_NOOP("Intake", "Aduan {code} tidak ada di antrean pengiriman.").format(
            code=ticket_code
        )
    )


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
        "sms_consent": (before.complainant.sms_consent, after.complainant.sms_consent),
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
