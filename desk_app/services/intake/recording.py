"""Recording a complaint at the counter; the changes that follow (a correction the
CRM asked for, what the citizen brings back) are in :mod:`.changes`.

The complaint, its first event, its outbox row and its audit entry are written in
one transaction, together with the day's ticket number: after a crash either all
of them are there or none is, and a ticket number is never handed out twice.
Attachment files are written (fsync'd) before that transaction; an orphan file
from a crash in between is harmless, a row pointing at a missing file is not.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Collection, Mapping

from complaint_domain.areas import AreaIndex
from complaint_domain.complaint import (
    WIB,
    Complainant,
    Complaint,
    ComplaintEvent,
    Location,
)
from complaint_domain.reference import Category
from complaint_domain.status import Status
from complaint_domain.ticket import mint, new_tracking_token
from desk_app.services.accounts import Officer, Role, require
from desk_app.services.errors import ValidationFailed
from desk_app.services.intake.changes import ComplaintChanges
from desk_app.services.intake.form import (
    AttachmentFile,
    IntakeForm,
    RecordedComplaint,
    validate_form,
    with_intake,
)
from desk_app.store import audit, complaints, drafts, outbox
from desk_app.store.attachments import FileStore
from desk_app.store.db import Database
from desk_app.store.sequence import next_sequence


class IntakeService:
    def __init__(
        self,
        database: Database,
        files: FileStore,
        areas: Callable[[], AreaIndex],
        desk_code: Callable[[], str],
        clock: Callable[[], dt.datetime],
        categories: Callable[[], Mapping[str, Category]] | None = None,
    ) -> None:
        self._db = database
        self._categories = categories  # those in use (the CRM's): read at each use
        self._files = files
        self._areas = areas
        self._desk_code = desk_code
        self._clock = clock
        self._changes = ComplaintChanges(database, files, areas, clock, categories)

    def _categories_in_use(self) -> Mapping[str, Category] | None:
        return self._categories() if self._categories is not None else None

    def validate(self, form: IntakeForm) -> dict[str, str]:
        """Every problem of the form, per field; empty when it can be saved."""
        return validate_form(form, self._areas(), self._categories_in_use())[1]

    def record(self, officer: Officer, form: IntakeForm) -> RecordedComplaint:
        require(officer, Role.OFFICER)
        values, errors, attachments = validate_form(form, self._areas(), self._categories_in_use())
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
            complaint = with_intake(identity, values, form, attachments)
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
        """The CRM refused a complaint as wrong: the officer corrects its intake fields
        (see :meth:`ComplaintChanges.correct`)."""
        return self._changes.correct(officer, complaint_id, form, remove_attachments)

    def add_citizen_event(
        self, officer: Officer, complaint_id: str, note: str, files: list[AttachmentFile]
    ) -> ComplaintEvent:
        """The citizen came back with more (see :meth:`ComplaintChanges.add_citizen_event`)."""
        return self._changes.add_citizen_event(officer, complaint_id, note, files)

    def add_co_reporter(
        self,
        officer: Officer,
        complaint_id: str,
        form: IntakeForm,
        note: str = "",
        files: list[AttachmentFile] | None = None,
    ) -> ComplaintEvent:
        """Another citizen reports the same problem: recorded as a co-reporter from
        their own fields of ``form`` (see :meth:`ComplaintChanges.add_co_reporter`)."""
        return self._changes.add_co_reporter(officer, complaint_id, form, note, files or [])

    def mark_printed(self, complaint_id: str, ok: bool, reporter_event_id: str = "") -> None:
        """The receipt of the complaint, or of its co-reporter of ``reporter_event_id``
        (their own), printed or failed (then it stays "to print")."""
        now = self._clock()
        with self._db.write() as session:
            if reporter_event_id:
                complaints.set_reporter_printed(session, reporter_event_id, ok)
            else:
                complaints.set_printed(session, complaint_id, now if ok else None)
            audit.record(
                session, now, "system", "receipt.printed" if ok else "receipt.failed", complaint_id
            )
