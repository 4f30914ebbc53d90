"""The outbox: what the CRM has not confirmed yet.

An item leaves "pending" only through :func:`mark_sent` or :func:`mark_rejected`,
called in the same transaction that records the server's answer.
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, bindparam, func, select, update
from sqlalchemy.orm import Session

from desk_app.store.db import among, json_list
from desk_app.store.models import ComplaintRow, EventRow, OutboxRow, table_of

PENDING, SENT, REJECTED = "pending", "sent", "rejected"


@dataclass(frozen=True)
class OutboxItem:
    pk: int
    item_id: str
    kind: str
    complaint_id: str
    ticket_code: str
    created_at: dt.datetime
    state: str
    attempts: int
    error_code: str
    error_message: str
    error_field: str


def add(session: Session, item_id: str, kind: str, complaint_id: str, at: dt.datetime) -> None:
    session.connection().execute(
        table_of(OutboxRow).insert(),
        dict(
            item_id=item_id,
            kind=kind,
            complaint_id=complaint_id,
            created_at=at,
            state=PENDING,
            attempts=0,
            error_code="",
            error_message="",
            error_field="",
        ),
    )


def _items(
    session: Session, state: str, limit: int | None, exclude: Collection[int] = ()
) -> list[OutboxItem]:
    params: dict[str, object] = {"state": state, "limit": limit}
    if exclude:
        params["exclude"] = json_list(exclude)
    rows = session.execute(_items_query(limit is not None, bool(exclude)), params)
    return [OutboxItem(*row) for row in rows]


@functools.cache
def _items_query(limited: bool, excluding: bool) -> Select[Any]:
    """Built once (sync reads a batch with it every few ms; see :func:`among`)."""
    o, c = OutboxRow.__table__.c, ComplaintRow.__table__.c
    query = (
        select(
            o.pk,
            o.item_id,
            o.kind,
            o.complaint_id,
            c.ticket_code,
            o.created_at,
            o.state,
            o.attempts,
            o.error_code,
            o.error_message,
            o.error_field,
        )
        .join_from(OutboxRow.__table__, ComplaintRow.__table__, c.id == o.complaint_id)
        .where(o.state == bindparam("state"))
        .order_by(o.pk)
    )
    if excluding:
        query = query.where(~among(o.pk, "exclude"))
    if limited:
        query = query.limit(bindparam("limit"))
    return query


def pending(
    session: Session, limit: int | None = None, exclude: Collection[int] = ()
) -> list[OutboxItem]:
    """Waiting items in the order they were recorded (a complaint before its events);
    ``exclude``: outbox keys to leave out (sync: the batch in flight)."""
    return _items(session, PENDING, limit, exclude)


def rejected(session: Session) -> list[OutboxItem]:
    return _items(session, REJECTED, None)


def pending_summary(session: Session) -> tuple[int, dt.datetime | None]:
    """How many items wait, and when the oldest of them was recorded."""
    count, oldest = session.execute(
        select(func.count(OutboxRow.pk), func.min(OutboxRow.created_at)).where(
            OutboxRow.state == PENDING
        )
    ).one()
    return int(count), (oldest.replace(tzinfo=dt.UTC) if oldest is not None else None)


def note_attempt(session: Session, item_id: str, at: dt.datetime) -> None:
    row = session.execute(select(OutboxRow).where(OutboxRow.item_id == item_id)).scalar_one()
    row.attempts += 1
    row.last_attempt_at = at


def mark_sent(session: Session, item_id: str, at: dt.datetime) -> None:
    row = session.execute(select(OutboxRow).where(OutboxRow.item_id == item_id)).scalar_one()
    row.state, row.sent_at = SENT, at
    row.error_code = row.error_message = row.error_field = ""


def mark_rejected(
    session: Session,
    item_id: str,
    code: str,
    message: str,
    field: str = "",
    at: dt.datetime | None = None,
) -> None:
    """Refused (by the CRM, or here); with ``at``, the complaint's timeline says so."""
    row = session.execute(select(OutboxRow).where(OutboxRow.item_id == item_id)).scalar_one()
    row.state, row.error_code, row.error_message, row.error_field = REJECTED, code, message, field
    if at is not None:
        _timeline(session, row.complaint_id, "refused", at, note=code)


def requeue(session: Session, item_id: str, at: dt.datetime | None = None, actor: str = "") -> None:
    """After the officer corrected a rejected item: send it again; with ``at``, the
    complaint's timeline says who sent it again, when."""
    row = session.execute(select(OutboxRow).where(OutboxRow.item_id == item_id)).scalar_one()
    was_refused = row.state == REJECTED
    row.state = PENDING
    row.error_code = row.error_message = row.error_field = ""
    if at is not None and was_refused:
        _timeline(session, row.complaint_id, "resent", at, actor=actor)


def _timeline(
    session: Session, complaint_id: str, kind: str, at: dt.datetime, note: str = "", actor: str = ""
) -> None:
    """A step of the desk's own sync on the complaint's timeline (never sent)."""
    session.add(
        EventRow(
            id=str(uuid.uuid4()),
            complaint_id=complaint_id,
            kind=kind,
            at=at,
            note=note,
            actor=actor,
            source="desk",
        )
    )


def state_of(session: Session, item_id: str) -> str | None:
    return session.execute(
        select(OutboxRow.state).where(OutboxRow.item_id == item_id)
    ).scalar_one_or_none()


def rejected_count(session: Session) -> int:
    return int(
        session.execute(
            select(func.count(OutboxRow.pk)).where(OutboxRow.state == REJECTED)
        ).scalar_one()
    )


# Bulk forms for sync: one statement per batch instead of one per item, each built once.

_o = table_of(OutboxRow)
_STATES = select(_o.c.pk, _o.c.state).where(among(_o.c.pk, "keys"))
_NOTE_ATTEMPTS = (
    update(_o)
    .where(among(_o.c.pk, "keys"))
    .values(attempts=_o.c.attempts + 1, last_attempt_at=bindparam("at"))
)
_MARK_SENT = (
    update(_o)
    .where(among(_o.c.pk, "keys"), _o.c.state == PENDING)
    .values(state=SENT, sent_at=bindparam("at"), error_code="", error_message="", error_field="")
)


def states(session: Session, keys: list[int]) -> dict[int, str]:
    """The state of these items, by outbox key (sync: a batch's items are looked up
    by their key, the row id, rather than through the item id's index)."""
    rows = session.connection().execute(_STATES, {"keys": json_list(keys)})
    return {key: state for key, state in rows}


def note_attempts(session: Session, keys: list[int], at: dt.datetime) -> None:
    session.connection().execute(_NOTE_ATTEMPTS, {"keys": json_list(keys), "at": at})


def mark_sent_many(session: Session, keys: list[int], at: dt.datetime) -> None:
    """``mark_sent`` for a whole confirmed batch (by outbox key), only items still pending."""
    session.connection().execute(_MARK_SENT, {"keys": json_list(keys), "at": at})
