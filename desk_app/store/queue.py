"""The desk's own queue while the CRM is unreachable: its numbers (prefixed with the
desk's code) and the events that wait to reach the CRM. Plain values out, never a row."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desk_app.store.models import QueueLocalTicketRow, QueueOutboxRow


@dataclass(frozen=True)
class LocalTicket:
    id: str
    number: str
    priority: str
    seat_call: bool
    state: str
    issued_at: dt.datetime
    call_count: int
    complaint_code: str


def _plain(row: QueueLocalTicketRow) -> LocalTicket:
    return LocalTicket(
        row.id,
        row.number,
        row.priority,
        row.seat_call,
        row.state,
        row.issued_at,
        row.call_count,
        row.complaint_code,
    )


def next_seq(session: Session, day: str) -> int:
    last = session.execute(
        select(func.max(QueueLocalTicketRow.seq)).where(QueueLocalTicketRow.day == day)
    ).scalar_one()
    return int(last or 0) + 1


def add_ticket(session: Session, ticket: LocalTicket, day: str, seq: int) -> None:
    session.add(
        QueueLocalTicketRow(
            id=ticket.id,
            day=day,
            number=ticket.number,
            seq=seq,
            priority=ticket.priority,
            seat_call=ticket.seat_call,
            state=ticket.state,
            issued_at=ticket.issued_at,
            call_count=ticket.call_count,
            complaint_code=ticket.complaint_code,
            shared=False,
        )
    )


def get_ticket(session: Session, ticket_id: str) -> LocalTicket | None:
    row = session.get(QueueLocalTicketRow, ticket_id)
    return _plain(row) if row is not None else None


def set_state(
    session: Session, ticket_id: str, state: str, call_count: int, at: dt.datetime | None = None
) -> None:
    values: dict[str, Any] = {"state": state, "call_count": call_count}
    if at is not None:
        values["called_at"] = at
    session.execute(
        update(QueueLocalTicketRow).where(QueueLocalTicketRow.id == ticket_id).values(**values)
    )


def waiting(session: Session, day: str) -> list[LocalTicket]:
    """The desk's own waiting numbers the CRM does not have yet, first come first."""
    rows = session.execute(
        select(QueueLocalTicketRow)
        .where(
            QueueLocalTicketRow.day == day,
            QueueLocalTicketRow.state == "waiting",
            QueueLocalTicketRow.shared.is_(False),
        )
        .order_by(QueueLocalTicketRow.issued_at, QueueLocalTicketRow.seq)
    ).scalars()
    return [_plain(r) for r in rows]


def mark_shared(session: Session) -> None:
    """The CRM has every offline ticket now: from here on they are called there."""
    session.execute(
        update(QueueLocalTicketRow).where(QueueLocalTicketRow.shared.is_(False)).values(shared=True)
    )


def add_event(session: Session, event: dict[str, Any]) -> None:
    made = session.execute(select(func.count()).select_from(QueueOutboxRow)).scalar_one()
    session.add(
        QueueOutboxRow(id=event["id"], made=int(made) + 1, body=json.dumps(event), sent_at=None)
    )


def unsent(session: Session, limit: int = 500) -> list[dict[str, Any]]:
    rows = session.execute(
        select(QueueOutboxRow.body)
        .where(QueueOutboxRow.sent_at.is_(None))
        .order_by(QueueOutboxRow.made)
        .limit(limit)
    ).scalars()
    return [json.loads(body) for body in rows]


def mark_sent(session: Session, ids: list[str], at: dt.datetime) -> None:
    session.execute(update(QueueOutboxRow).where(QueueOutboxRow.id.in_(ids)).values(sent_at=at))


def unsent_count(session: Session) -> int:
    return int(
        session.execute(
            select(func.count()).select_from(QueueOutboxRow).where(QueueOutboxRow.sent_at.is_(None))
        ).scalar_one()
    )
