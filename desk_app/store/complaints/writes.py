"""Writing complaints and their events: what intake records, what a correction
changes, and what sync stores from the CRM (events, statuses, CRM ids).

Every function takes the caller's session: the services and the sync engine decide
the transaction, so a complaint, its outbox row and its audit entry commit together.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Collection, Sequence
from typing import NamedTuple

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from complaint_domain.complaint import Attachment, Complaint, ComplaintEvent, EventKind
from complaint_domain.status import Status
from complaint_domain.text import fold
from desk_app.store import attachments as attachment_repo
from desk_app.store.models import (
    ComplaintAttachmentRow,
    ComplaintRow,
    CoReporterRow,
    EventRow,
    table_of,
)


def _intake_columns(c: Complaint) -> dict[str, object]:
    """The columns an officer fills in at intake and may correct later (one list, so
    that a new field is both stored and corrected)."""
    return dict(
        name=c.complainant.name,
        name_folded=fold(c.complainant.name),
        nik=c.complainant.nik,
        phone=c.complainant.phone,
        address=c.complainant.address,
        keep_identity_private=c.complainant.keep_identity_private,
        sms_consent=c.complainant.sms_consent,
        kelurahan_code=c.location.kelurahan_code,
        rt_rw=c.location.rt_rw,
        street=c.location.street,
        landmark=c.location.landmark,
        category_code=c.category_code,
        description=c.description,
        urgency=c.urgency.value,
        earlier_references=json.dumps(list(c.earlier_references), ensure_ascii=False),
    )


def insert(session: Session, complaint: Complaint, created_day: dt.date) -> None:
    c = complaint
    session.connection().execute(
        table_of(ComplaintRow).insert(),
        dict(
            id=str(c.id),
            ticket_code=c.ticket_code,
            tracking_token=c.tracking_token,
            desk_code=c.desk_code,
            officer_username=c.officer,
            officer_name=c.officer_name or c.officer,
            channel=c.channel,
            created_at=c.created_at,
            created_day=created_day,
            consent_given_at=c.complainant.consent_given_at,
            latitude=c.location.latitude,
            longitude=c.location.longitude,
            **_intake_columns(c),
            status=c.status.value,
            status_note="",
            print_pending=True,
        ),
    )
    for attachment in c.attachments:
        attachment_repo.register(session, attachment, c.created_at)
        attachment_repo.link(session, str(c.id), attachment)
    add_event(
        session,
        ComplaintEvent(
            id=uuid.uuid4(),
            complaint_id=c.id,
            kind=EventKind.CREATED,
            at=c.created_at,
            status=Status.NOT_SENT,
            actor=c.officer,
        ),
    )


def update_intake(
    session: Session,
    complaint: Complaint,
    at: dt.datetime,
    added: Sequence[Attachment] = (),
    removed: Collection[str] = (),
) -> None:
    """The officer corrected a complaint the CRM refused: its intake fields in place.

    Id, ticket code, tracking token, desk, officer, created_at and consent time are
    not touched (the printed receipt stays valid). ``added``: new intake attachments;
    ``removed``: sha256 of intake attachments to unlink (files stay in the file store;
    events' attachments are never touched). The FTS triggers follow the UPDATE.
    """
    c = complaint
    session.execute(
        update(ComplaintRow)
        .where(ComplaintRow.id == str(c.id))
        .values(
            channel=c.channel,
            **_intake_columns(c),
        )
        .execution_options(synchronize_session=False)
    )
    if removed:
        session.execute(
            delete(ComplaintAttachmentRow)
            .where(
                ComplaintAttachmentRow.complaint_id == str(c.id),
                ComplaintAttachmentRow.event_id.is_(None),
                ComplaintAttachmentRow.sha256.in_(list(removed)),
            )
            .execution_options(synchronize_session=False)
        )
    for attachment in added:
        attachment_repo.register(session, attachment, at)
        attachment_repo.link(session, str(c.id), attachment)


def add_event(session: Session, event: ComplaintEvent) -> None:
    """Append an event recorded at this desk (with its files, and the co-reporter
    of a ``reporter_added`` event). Events pulled from
    the CRM go through :func:`add_crm_events`, which skips those already here."""
    session.connection().execute(
        table_of(EventRow).insert(),
        dict(
            id=str(event.id),
            complaint_id=str(event.complaint_id),
            kind=event.kind.value,
            at=event.at,
            note=event.note,
            status=event.status.value if event.status else None,
            actor=event.actor,
            unit="",
            source="desk",
            crm_seq=None,
        ),
    )
    if event.reporter is not None:
        r = event.reporter
        session.connection().execute(
            table_of(CoReporterRow).insert(),
            dict(
                event_id=str(event.id),
                complaint_id=str(event.complaint_id),
                name=r.name,
                name_folded=fold(r.name),
                nik=r.nik,
                phone=r.phone,
                address=r.address,
                keep_identity_private=r.keep_identity_private,
                sms_consent=r.sms_consent,
                consent_given_at=r.consent_given_at or event.at,
                print_pending=True,
            ),
        )
    for attachment in event.attachments:
        attachment_repo.register(session, attachment, event.at)
        attachment_repo.link(session, str(event.complaint_id), attachment, str(event.id))


def set_printed(session: Session, complaint_id: str, at: dt.datetime | None) -> None:
    """``at`` None: the print failed, keep it in the "to print" list."""
    row = session.execute(select(ComplaintRow).where(ComplaintRow.id == complaint_id)).scalar_one()
    row.print_pending = at is None
    if at is not None and row.printed_at is None:
        row.printed_at = at


def set_reporter_printed(session: Session, event_id: str, printed: bool) -> None:
    """A co-reporter's own receipt printed (or failed: it stays "to print")."""
    session.execute(
        update(CoReporterRow)
        .where(CoReporterRow.event_id == event_id)
        .values(print_pending=not printed)
        .execution_options(synchronize_session=False)
    )


# The sync's statements, built once (see ``db.among``).
_c = table_of(ComplaintRow).c
_ADD_CRM_EVENT = sqlite_insert(table_of(EventRow)).on_conflict_do_nothing()
_SET_STATUS = (
    update(table_of(ComplaintRow))
    .where(_c.id == bindparam("cid"))
    .values(status=bindparam("st"), status_at=bindparam("sat"), status_note=bindparam("sn"))
)
_pair = func.json_each(bindparam("pairs")).table_valued("value").alias("pair")
_SET_CRM_IDS = (
    update(table_of(ComplaintRow))
    .where(_c.id == func.json_extract(_pair.c.value, "$[0]"))
    .values(crm_id=func.json_extract(_pair.c.value, "$[1]"))
)


class CrmEvent(NamedTuple):
    """An event pulled from the CRM, checked, as :func:`add_crm_events` stores it."""

    id: str
    complaint_id: str
    kind: str
    at: dt.datetime
    note: str
    status: str
    unit: str  # who acted: also the event's actor
    crm_seq: int


def add_crm_events(session: Session, events: list[CrmEvent]) -> int:
    """Append events pulled from the CRM, skipping those already here (same id: the
    insert ignores them). The bulk form of ``add_event`` for the CRM's events;
    returns how many were added."""
    if not events:
        return 0
    result = session.connection().execute(
        _ADD_CRM_EVENT,
        [
            {
                "id": e.id,
                "complaint_id": e.complaint_id,
                "kind": e.kind,
                "at": e.at,
                "note": e.note,
                "status": e.status,
                "actor": e.unit,
                "unit": e.unit,
                "source": "crm",
                "crm_seq": e.crm_seq,
            }
            for e in events
        ],
    )
    return int(result.rowcount)


def set_statuses(session: Session, changes: list[tuple[str, Status, dt.datetime, str]]) -> None:
    """``set_status`` for many complaints at once: ``(id, status, at, note)``."""
    if changes:
        session.connection().execute(
            _SET_STATUS,
            [{"cid": c, "st": s.value, "sat": at, "sn": note} for c, s, at, note in changes],
        )


def set_crm_ids(session: Session, pairs: list[tuple[str, str]]) -> None:
    """``set_crm_id`` for many complaints at once: ``(complaint id, crm id)``, passed
    as one JSON array that a single UPDATE ... FROM json_each reads (an executemany
    costs SQLAlchemy a parameter set per row in Python: ~0.3 ms a sync batch)."""
    if pairs:
        session.connection().execute(_SET_CRM_IDS, {"pairs": json.dumps(pairs)})
