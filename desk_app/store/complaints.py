"""Complaints and their events: writing, reading, searching.

Rows are turned into domain objects here; nothing above the store sees an ORM row.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import uuid
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, cast

from sqlalchemy import Select, bindparam, delete, func, or_, select, text, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from complaint_domain.complaint import (
    Attachment,
    Complainant,
    Complaint,
    ComplaintEvent,
    EventKind,
    Location,
    Urgency,
)
from complaint_domain.status import FINAL_STATES, Status
from complaint_domain.text import fold
from desk_app.store import attachments as attachment_repo
from desk_app.store.db import among, json_list
from desk_app.store.models import (
    ComplaintAttachmentRow,
    ComplaintRow,
    EventRow,
    OutboxRow,
    table_of,
)

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
    """Append an event recorded at this desk (with its files). Events pulled from
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
    for attachment in event.attachments:
        attachment_repo.register(session, attachment, event.at)
        attachment_repo.link(session, str(event.complaint_id), attachment, str(event.id))


def set_printed(session: Session, complaint_id: str, at: dt.datetime | None) -> None:
    """``at`` None: the print failed, keep it in the "to print" list."""
    row = session.execute(select(ComplaintRow).where(ComplaintRow.id == complaint_id)).scalar_one()
    row.print_pending = at is None
    if at is not None and row.printed_at is None:
        row.printed_at = at


def _to_domain(session: Session, row: ComplaintRow, with_events: bool = True) -> Complaint:
    files = attachment_repo.for_complaint(session, row.id)
    events: tuple[ComplaintEvent, ...] = ()
    if with_events:
        event_rows = session.execute(
            select(EventRow)
            .where(EventRow.complaint_id == row.id)
            .order_by(EventRow.at, EventRow.pk)
        ).scalars()
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
            )
            for e in event_rows
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


def _one(session: Session, where: ColumnElement[bool]) -> Complaint | None:
    row = session.execute(select(ComplaintRow).where(where)).scalar_one_or_none()
    return _to_domain(session, row) if row else None


def get(session: Session, complaint_id: str) -> Complaint | None:
    return _one(session, ComplaintRow.id == complaint_id)


def by_ticket_code(session: Session, code: str) -> Complaint | None:
    return _one(session, ComplaintRow.ticket_code == code)


def _summaries(
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
    return _summaries(session, ComplaintRow.created_day == day, limit)


def print_pending(session: Session, limit: int = 200) -> list[ComplaintSummary]:
    return _summaries(session, ComplaintRow.print_pending.is_(True), limit)


def by_nik_or_phone(
    session: Session, nik: str, phone: str, open_only: bool = True, limit: int = 20
) -> list[ComplaintSummary]:
    conditions = []
    if nik:
        conditions.append(ComplaintRow.nik == nik)
    if phone:
        conditions.append(ComplaintRow.phone == phone)
    if not conditions:
        return []
    where = or_(*conditions)
    if open_only:
        where = where & ComplaintRow.status.in_(OPEN_STATES)
    return _summaries(session, where, limit)


def open_in_area_category(
    session: Session, kelurahan_code: str, category_code: str, limit: int = 200
) -> list[ComplaintSummary]:
    return _summaries(
        session,
        (ComplaintRow.kelurahan_code == kelurahan_code)
        & (ComplaintRow.category_code == category_code)
        & ComplaintRow.status.in_(OPEN_STATES),
        limit,
    )


_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(words: str, *, prefix_last: bool = False) -> str:
    """An FTS5 query in which every word must match; the last one as a prefix when
    ``prefix_last``. User input never reaches FTS5's query syntax (quotes, NEAR,
    column filters) unescaped: each token is quoted."""
    tokens = [t for t in _WORD.findall(fold(words)) if t]
    parts = [f'"{t}"' for t in tokens]
    if prefix_last and parts:
        parts[-1] += "*"
    return " AND ".join(parts)


_FTS_NEWEST = text(
    "SELECT rowid FROM complaint_fts WHERE complaint_fts MATCH :q ORDER BY rowid DESC LIMIT :n"
)


def search_words(session: Session, words: str, limit: int = 50) -> list[ComplaintSummary]:
    """The newest complaints whose description or name holds every word.

    Whole words first: FTS5 walks a whole word's list newest-first and stops at
    ``limit``, a few ms even at a million complaints. Only when that finds fewer than
    ``limit`` is the last word taken as a prefix ("kali ciliw"), which makes FTS5
    merge the lists of every word with that prefix: slower, and only needed then.
    """
    exact = fts_query(words)
    if not exact:
        return []
    pks = [r[0] for r in session.execute(_FTS_NEWEST, {"q": exact, "n": limit})]
    if len(pks) < limit:
        pks = [
            r[0]
            for r in session.execute(
                _FTS_NEWEST, {"q": fts_query(words, prefix_last=True), "n": limit}
            )
        ]
    if not pks:
        return []
    return _summaries(session, ComplaintRow.pk.in_(pks), limit)


def summary_by_code(session: Session, code: str) -> ComplaintSummary | None:
    found = _summaries(session, ComplaintRow.ticket_code == code, 1)
    return found[0] if found else None


def count(session: Session) -> int:
    return int(session.execute(text("SELECT count(*) FROM complaints")).scalar_one())


# The sync's statements, built once (see ``db.among``).
_c = table_of(ComplaintRow).c
_EXISTING = select(_c.id).where(among(_c.id, "ids"))
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


def existing_ids(session: Session, ids: set[str]) -> set[str]:
    """Which of these complaint ids this desk holds (sync: changes for unknown ones are skipped)."""
    if not ids:
        return set()
    return set(session.connection().execute(_EXISTING, {"ids": json_list(ids)}).scalars())


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
