"""Visits about complaints this desk does not hold, on their way to the CRM.

A visit leaves "pending" only in the write transaction that records the CRM's
answer for it (as the main outbox's items do); the CRM stores it once by its id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desk_app.store.models import VisitRow

PENDING, SENT, REJECTED = "pending", "sent", "rejected"


@dataclass(frozen=True)
class Visit:
    id: str
    complaint_id: str
    ticket_code: str
    channel: str
    note: str
    officer: str
    at: dt.datetime
    state: str = PENDING
    error_code: str = ""


def add(session: Session, visit: Visit) -> None:
    session.add(
        VisitRow(
            id=visit.id,
            complaint_id=visit.complaint_id,
            ticket_code=visit.ticket_code,
            channel=visit.channel,
            note=visit.note,
            officer=visit.officer,
            at=visit.at,
            state=PENDING,
            error_code="",
        )
    )


def _visit(row: VisitRow) -> Visit:
    return Visit(
        row.id,
        row.complaint_id,
        row.ticket_code,
        row.channel,
        row.note,
        row.officer,
        row.at,
        row.state,
        row.error_code,
    )


def pending(session: Session, limit: int = 100) -> list[Visit]:
    """The oldest waiting visits first."""
    rows = session.scalars(
        select(VisitRow).where(VisitRow.state == PENDING).order_by(VisitRow.at).limit(limit)
    )
    return [_visit(r) for r in rows]


def pending_count(session: Session) -> int:
    count = session.scalar(select(func.count()).where(VisitRow.state == PENDING))
    return int(count or 0)


def of_ticket(session: Session, ticket_code: str) -> list[Visit]:
    """This desk's visits about one complaint, the newest first."""
    rows = session.scalars(
        select(VisitRow).where(VisitRow.ticket_code == ticket_code).order_by(VisitRow.at.desc())
    )
    return [_visit(r) for r in rows]


def mark_sent(session: Session, ids: Collection[str], at: dt.datetime) -> None:
    if ids:
        session.execute(
            update(VisitRow)
            .where(VisitRow.id.in_(list(ids)), VisitRow.state == PENDING)
            .values(state=SENT, sent_at=at, error_code="")
        )


def mark_rejected(session: Session, visit_id: str, code: str) -> None:
    session.execute(
        update(VisitRow)
        .where(VisitRow.id == visit_id, VisitRow.state == PENDING)
        .values(state=REJECTED, error_code=code[:40])
    )


def rejected(session: Session) -> list[Visit]:
    rows = session.scalars(select(VisitRow).where(VisitRow.state == REJECTED).order_by(VisitRow.at))
    return [_visit(r) for r in rows]


def state_of(session: Session, visit_id: str) -> str | None:
    return session.scalar(select(VisitRow.state).where(VisitRow.id == visit_id))


def requeue(session: Session, visit_id: str) -> None:
    """A refused visit goes again on the next cycle (the officer asked)."""
    session.execute(
        update(VisitRow)
        .where(VisitRow.id == visit_id, VisitRow.state == REJECTED)
        .values(state=PENDING, error_code="")
    )


def rejected_count(session: Session) -> int:
    count = session.scalar(select(func.count()).where(VisitRow.state == REJECTED))
    return int(count or 0)
