"""Reading complaints: whole ones (as domain objects, with their events and files),
the one-line summaries the lists show, and the columns sync sends.

Rows are turned into domain objects here; nothing above the store sees an ORM row.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import uuid
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, cast

from sqlalchemy import Select, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from complaint_domain.complaint import (
    Complainant,
    Complaint,
    ComplaintEvent,
    EventKind,
    Location,
    Urgency,
)
from complaint_domain.status import FINAL_STATES, Status
from desk_app.store import attachments as attachment_repo
from desk_app.store.db import among, json_list
from desk_app.store.models import ComplaintRow, CoReporterRow, EventRow, OutboxRow, table_of

OPEN_STATES = [s.value for s in Status if s not in FINAL_STATES]


@dataclass(frozen=True)
class ComplaintSummary:
    """One line of a list: what today's list and search results show."""

    id: str
    ticket_code: str
    created_at: dt.datetime
    name: str
    category_code: str
    kelurahan_code: str
    status: Status
    sent: bool
    print_pending: bool
    description: str


def _to_domain(session: Session, row: ComplaintRow, with_events: bool = True) -> Complaint:
    files = attachment_repo.for_complaint(session, row.id)
    events: tuple[ComplaintEvent, ...] = ()
    if with_events:
        event_rows = session.execute(
            select(EventRow)
            .where(EventRow.complaint_id == row.id)
            .order_by(EventRow.at, EventRow.pk)
        ).all()
        reporters = _reporters(session, row.id)
        events = tuple(
            ComplaintEvent(
                id=uuid.UUID(e.id),
                complaint_id=uuid.UUID(e.complaint_id),
                kind=EventKind(e.kind),
                at=e.at,
                note=e.note,
                status=Status(e.status) if e.status else None,
                actor=e.unit or e.actor,
                attachments=tuple(a for a, ev in files if ev == e.id),
                reporter=reporters.get(e.id),
            )
            for (e,) in event_rows
        )
    return Complaint(
        id=uuid.UUID(row.id),
        ticket_code=row.ticket_code,
        tracking_token=row.tracking_token,
        desk_code=row.desk_code,
        officer=row.officer_username,
        channel=row.channel,
        created_at=row.created_at,
        complainant=Complainant(
            name=row.name,
            nik=row.nik,
            phone=row.phone,
            address=row.address,
            keep_identity_private=row.keep_identity_private,
            sms_consent=row.sms_consent,
            consent_given_at=row.consent_given_at,
        ),
        location=Location(
            kelurahan_code=row.kelurahan_code,
            rt_rw=row.rt_rw,
            street=row.street,
            landmark=row.landmark,
            latitude=row.latitude,
            longitude=row.longitude,
        ),
        category_code=row.category_code,
        description=row.description,
        urgency=Urgency(row.urgency),
        earlier_references=tuple(json.loads(row.earlier_references)),
        attachments=tuple(a for a, ev in files if ev is None),
        status=Status(row.status),
        crm_id=row.crm_id,
        officer_name=row.officer_name,
        events=events,
    )


def _reporters(session: Session, complaint_id: str) -> dict[str, Complainant]:
    """The co-reporters of a complaint, by the id of their event."""
    rows = session.execute(
        select(CoReporterRow).where(CoReporterRow.complaint_id == complaint_id)
    ).scalars()
    return {
        r.event_id: Complainant(
            name=r.name,
            nik=r.nik,
            phone=r.phone,
            address=r.address,
            keep_identity_private=r.keep_identity_private,
            sms_consent=r.sms_consent,
            consent_given_at=r.consent_given_at,
        )
        for r in rows
    }


def _one(session: Session, where: ColumnElement[bool]) -> Complaint | None:
    row = session.execute(select(ComplaintRow).where(where)).scalar_one_or_none()
    return _to_domain(session, row) if row else None


def get(session: Session, complaint_id: str) -> Complaint | None:
    return _one(session, ComplaintRow.id == complaint_id)


def by_ticket_code(session: Session, code: str) -> Complaint | None:
    return _one(session, ComplaintRow.ticket_code == code)


def summaries_where(
    session: Session, where: object, limit: int, order_desc: bool = True
) -> list[ComplaintSummary]:
    sent_subquery = (
        select(OutboxRow.pk)
        .where(OutboxRow.complaint_id == ComplaintRow.id, OutboxRow.state != "sent")
        .exists()
    )
    query = (
        select(
            ComplaintRow.id,
            ComplaintRow.ticket_code,
            ComplaintRow.created_at,
            ComplaintRow.name,
            ComplaintRow.category_code,
            ComplaintRow.kelurahan_code,
            ComplaintRow.status,
            sent_subquery,
            ComplaintRow.print_pending,
            ComplaintRow.description,
        )
        .where(where)  # type: ignore[arg-type]
        .order_by(ComplaintRow.pk.desc() if order_desc else ComplaintRow.pk)
        .limit(limit)
    )
    return [
        ComplaintSummary(
            r[0], r[1], r[2], r[3], r[4], r[5], Status(r[6]), not r[7], bool(r[8]), r[9]
        )
        for r in session.execute(query).all()
    ]


def for_day(session: Session, day: dt.date, limit: int = 1000) -> list[ComplaintSummary]:
    return summaries_where(session, ComplaintRow.created_day == day, limit)


def print_pending(session: Session, limit: int = 200) -> list[ComplaintSummary]:
    """Complaints whose receipt is still to print, or the receipt of one of their
    co-reporters: newest first. Two queries, so that the first keeps its partial
    index (co-reporters are few; theirs scans them)."""
    own = summaries_where(session, ComplaintRow.print_pending.is_(True), limit)
    theirs = summaries_where(session, ComplaintRow.id.in_(_REPORTER_TO_PRINT), limit)
    if not theirs:
        return own
    merged = {s.id: s for s in own}
    for s in theirs:
        merged.setdefault(s.id, replace(s, print_pending=True))
    newest = sorted(merged.values(), key=lambda s: s.created_at, reverse=True)
    return newest[:limit]


_REPORTER_TO_PRINT = select(CoReporterRow.complaint_id).where(CoReporterRow.print_pending.is_(True))


def reporter_to_print(session: Session, complaint_id: str) -> str | None:
    """The event id of the first co-reporter of this complaint whose own receipt is
    still to print; None when there is none."""
    return session.execute(
        select(CoReporterRow.event_id)
        .where(CoReporterRow.complaint_id == complaint_id, CoReporterRow.print_pending.is_(True))
        .order_by(CoReporterRow.pk)
        .limit(1)
    ).scalar_one_or_none()


def count(session: Session) -> int:
    return int(session.execute(text("SELECT count(*) FROM complaints")).scalar_one())


# Sync asks which complaints it holds, built once (see ``db.among``).
_c = table_of(ComplaintRow).c
_EXISTING = select(_c.id).where(among(_c.id, "ids"))


def existing_ids(session: Session, ids: set[str]) -> set[str]:
    """Which of these complaint ids this desk holds (sync: changes for unknown ones are skipped)."""
    if not ids:
        return set()
    return set(session.connection().execute(_EXISTING, {"ids": json_list(ids)}).scalars())


_r = table_of(CoReporterRow).c
REPORTER_COLUMNS = (
    "name",
    "nik",
    "phone",
    "address",
    "keep_identity_private",
    "consent_given_at",
    "sms_consent",
)
_REPORTERS = select(_r.event_id, *(_r[n] for n in REPORTER_COLUMNS)).where(
    among(_r.event_id, "ids")
)


def reporters_by_event(
    session: Session, event_ids: Collection[str]
) -> dict[str, Mapping[str, Any]]:
    """The co-reporter columns (``REPORTER_COLUMNS``) of these events, by event id
    (events of other kinds have none): sync sends them with their event."""
    if not event_ids:
        return {}
    result = session.connection().execute(_REPORTERS, {"ids": json_list(event_ids)})
    rows = {row["event_id"]: row for row in result.mappings()}
    return cast("dict[str, Mapping[str, Any]]", rows)


def rows_by_id(
    session: Session, ids: Collection[str], columns: Sequence[str], *, events: bool = False
) -> dict[str, Mapping[str, Any]]:
    """Just these columns of these complaints (of these events when ``events``), by
    id, in one Core query and without domain objects: sync builds a batch's wire
    items straight from them."""
    if not ids:
        return {}
    query = _rows_query(tuple(columns), events)
    result = session.connection().execute(query, {"ids": json_list(ids)})
    rows = {row["id"]: row for row in result.mappings()}
    return cast("dict[str, Mapping[str, Any]]", rows)  # (RowMapping: keys may be columns)


@functools.cache
def _rows_query(columns: tuple[str, ...], events: bool) -> Select[Any]:
    table = table_of(EventRow if events else ComplaintRow)
    return select(*(table.c[name] for name in columns)).where(among(table.c.id, "ids"))
