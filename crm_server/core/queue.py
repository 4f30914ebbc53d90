"""The visitor queue of a site (DESIGN.md, "The visitor queue"): issue a number,
call the next one, recall, no-show and reinstate, transfer, start and finish serving,
link a ticket to a complaint; and the queue events a desk sent after working offline.

Every step is one transaction. Issuing takes the next number with one
``UPDATE … RETURNING`` on the site's day row; calling next locks that row (so the
fairness streak stays exact) and takes the first waiting ticket with ``FOR UPDATE
SKIP LOCKED`` (PostgreSQL; SQLite's BEGIN IMMEDIATE serialises writers already), so
two desks calling at the same instant never get the same ticket. Nothing lives in a
process: any worker on any host serves any desk.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from complaint_domain.complaint import WIB
from complaint_domain.queue import CALLS_BEFORE_NO_SHOW, PRIORITIES, shared_number
from crm_server.core.auth import DeskAuth
from crm_server.core.context import CrmContext
from crm_server.core.errors import ApiError
from crm_server.core.queue_changes import announce, committed
from crm_server.db.engine import transaction
from crm_server.db.queue_models import QueueDay, QueueEvent, QueueTicket

# Before any ticket of the day was served, the slip's estimate uses this.
DEFAULT_MINUTES_PER_VISITOR = 6.0
KINDS = (
    "issued",
    "called",
    "recalled",
    "no_show",
    "reinstated",
    "transferred",
    "started",
    "finished",
    "linked",
)


@dataclass(frozen=True)
class Ticket:
    """A ticket as the desks see it (no name: there is none to show)."""

    id: str
    number: str
    priority: str
    seat_call: bool
    state: str
    issued_at: dt.datetime
    called_at: dt.datetime | None
    call_count: int
    desk_code: str
    target_desk: str
    complaint_code: str
    follow_up: bool

    @classmethod
    def of(cls, row: QueueTicket) -> Ticket:
        return cls(
            str(row.id),
            row.number,
            row.priority,
            row.seat_call,
            row.state,
            row.issued_at,
            row.called_at,
            row.call_count,
            row.desk_code,
            row.target_desk,
            row.complaint_code,
            row.follow_up,
        )

    def as_json(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        out["issued_at"] = self.issued_at.isoformat()
        out["called_at"] = self.called_at.isoformat() if self.called_at else None
        return out


# SQLite serves one process by design, and serialises writers anyway: taking turns
# here instead of in SQLite's busy handler (which sleeps in growing steps) keeps the
# slowest call of a busy morning short.
_SQLITE_TURN = threading.Lock()


def writing(crm: CrmContext) -> AbstractContextManager[object]:
    """Hold around a queue write transaction."""
    return _SQLITE_TURN if crm.dialect == "sqlite" else nullcontext()


@contextmanager
def site_write(crm: CrmContext, site: str) -> Iterator[Session]:
    """One write transaction on a site's queue; its display screens are told at the
    commit (``core.queue_changes``), not before: a screen woken earlier would read the
    board without the change."""
    with writing(crm), transaction(crm.sessions) as session:
        # First, before any lock is taken: the notice waits for the commit anyway, and
        # sent last it cost a round trip while the site's day row was held.
        announce(session, site)
        yield session
    committed(crm.queue_changes, crm.dialect, site)


def queue_day(crm: CrmContext, at: dt.datetime | None = None) -> dt.date:
    """A queue's day is a day in Jakarta."""
    return (at or crm.now()).astimezone(WIB).date()


def _ensure_day(session: Session, site: str, day: dt.date) -> None:
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(
        insert(QueueDay)
        .values(site=site, day=day, last_seq=0, priority_streak=0)
        .on_conflict_do_nothing()
    )


def _event(
    session: Session,
    ticket: QueueTicket,
    kind: str,
    at: dt.datetime,
    desk_code: str,
    officer: str = "",
    event_id: uuid.UUID | None = None,
) -> None:
    session.add(
        QueueEvent(
            id=event_id or uuid.uuid4(),
            ticket_id=ticket.id,
            kind=kind,
            at=at,
            desk_code=desk_code,
            officer=officer[:120],
        )
    )


def _conflict(message: str) -> ApiError:
    return ApiError(409, "queue_state", message)


def step(
    ticket: QueueTicket,
    kind: str,
    at: dt.datetime,
    desk_code: str,
    officer: str = "",
    to_desk: str = "",
    complaint_code: str = "",
) -> None:
    """One change of a ticket's state; refused (409) when the state does not allow it.
    The same rules for the CRM's own steps and for a desk's offline events."""
    state = ticket.state
    if kind in ("called", "recalled"):
        if kind == "called" and state != "waiting":
            raise _conflict("This number is not waiting.")
        if kind == "recalled" and state != "called":
            raise _conflict("Only a called number can be called again.")
        ticket.state, ticket.called_at = "called", at
        ticket.first_called_at = ticket.first_called_at or at
        ticket.call_count += 1
        if kind == "called" or officer:
            ticket.officer = officer[:120]
        ticket.desk_code, ticket.target_desk = desk_code, ""
    elif kind == "no_show":
        if state != "called" or ticket.call_count < CALLS_BEFORE_NO_SHOW:
            raise _conflict("A number is a no-show only after it was called twice.")
        ticket.state = "no_show"
    elif kind == "reinstated":
        if state != "no_show":
            raise _conflict("Only a no-show can be reinstated.")
        ticket.state, ticket.call_count, ticket.desk_code = "waiting", 0, ""
    elif kind == "transferred":
        if state not in ("waiting", "called", "serving") or not to_desk:
            raise _conflict("This number cannot be transferred.")
        ticket.state, ticket.target_desk, ticket.desk_code = "waiting", to_desk.upper(), ""
        ticket.call_count, ticket.started_at = 0, None
    elif kind == "started":
        if state != "called":
            raise _conflict("Only a called number can be served.")
        ticket.state, ticket.started_at = "serving", at
        ticket.desk_code, ticket.officer = desk_code, officer[:120] or ticket.officer
    elif kind == "finished":
        if state != "serving":
            raise _conflict("Only a number being served can be finished.")
        ticket.state, ticket.finished_at = "done", at
        ticket.complaint_code = complaint_code or ticket.complaint_code
    elif kind == "linked":
        if not complaint_code:
            raise ApiError(422, "invalid", "A ticket code is required.", "complaint_code")
        ticket.complaint_code, ticket.follow_up = complaint_code, True
    else:
        raise ApiError(422, "invalid", "Unknown queue step.", "kind")


# ---------------------------------------------------------------- issuing


def issue(
    crm: CrmContext,
    desk: DeskAuth,
    priority: str = "",
    seat_call: bool = False,
    complaint_code: str = "",
) -> tuple[Ticket, int, int]:
    """A new shared number for the desk's site: the ticket, how many are ahead of it
    and the estimated wait in minutes."""
    if priority and priority not in PRIORITIES:
        raise ApiError(422, "invalid", "Unknown priority class.", "priority")
    now, day = crm.now(), queue_day(crm)
    with site_write(crm, desk.site) as session:
        _ensure_day(session, desk.site, day)
        seq = session.execute(
            update(QueueDay)
            .where(QueueDay.site == desk.site, QueueDay.day == day)
            .values(last_seq=QueueDay.last_seq + 1)
            .returning(QueueDay.last_seq)
        ).scalar_one()
        row = QueueTicket(
            id=uuid.uuid4(),
            site=desk.site,
            day=day,
            number=shared_number(seq),
            seq=seq,
            priority=priority,
            seat_call=seat_call,
            state="waiting",
            origin="crm",
            issued_by=desk.code,
            issued_at=now,
            call_count=0,
            desk_code="",
            officer="",
            target_desk="",
            complaint_code=complaint_code,
            follow_up=bool(complaint_code),
        )
        session.add(row)
        session.flush()
        _event(session, row, "issued", now, desk.code)
        ahead = _ahead(session, row)
        minutes = estimate_minutes(session, desk.site, day, ahead)
        return Ticket.of(row), ahead, minutes


def _ahead(session: Session, row: QueueTicket) -> int:
    """Waiting tickets that will be called before this one (priority ones go first)."""
    before = or_(
        QueueTicket.issued_at < row.issued_at,
        and_(QueueTicket.issued_at == row.issued_at, QueueTicket.seq < row.seq),
    )
    query = select(func.count()).where(
        QueueTicket.site == row.site,
        QueueTicket.day == row.day,
        QueueTicket.state == "waiting",
        QueueTicket.id != row.id,
    )
    if row.priority:
        query = query.where(QueueTicket.priority != "", before)
    else:
        query = query.where(or_(QueueTicket.priority != "", before))
    return int(session.execute(query).scalar_one())


def estimate_minutes(session: Session, site: str, day: dt.date, ahead: int) -> int:
    """People ahead × the day's mean time per visitor so far, over the desks calling."""
    rows = session.execute(
        select(QueueTicket.called_at, QueueTicket.finished_at, QueueTicket.desk_code).where(
            QueueTicket.site == site, QueueTicket.day == day, QueueTicket.state == "done"
        )
    ).all()
    spans = [(f - c).total_seconds() / 60 for c, f, _ in rows if c and f and f >= c]
    per = sum(spans) / len(spans) if spans else DEFAULT_MINUTES_PER_VISITOR
    desks = max(1, len({d for _, _, d in rows if d}))
    return round(ahead * per / desks)


# ---------------------------------------------------------------- serving


def act(
    crm: CrmContext,
    desk: DeskAuth,
    ticket_id: str,
    kind: str,
    officer: str = "",
    to_desk: str = "",
    complaint_code: str = "",
) -> Ticket:
    """Recall, no-show, reinstate, transfer, start, finish or link one ticket of the
    desk's own site."""
    if kind not in KINDS or kind in ("issued", "called"):
        raise ApiError(422, "invalid", "Unknown queue step.", "kind")
    try:
        key = uuid.UUID(ticket_id)
    except ValueError:
        raise ApiError(404, "not_found", "No such queue ticket.") from None
    now = crm.now()
    with site_write(crm, desk.site) as session:
        row = session.execute(
            select(QueueTicket).where(QueueTicket.id == key).with_for_update()
        ).scalar_one_or_none()
        if row is None or row.site != desk.site:
            raise ApiError(404, "not_found", "No such queue ticket.")
        step(row, kind, now, desk.code, officer, to_desk, complaint_code)
        _event(session, row, kind, now, desk.code, officer)
        return Ticket.of(row)


def current(crm: CrmContext, desk: DeskAuth) -> list[Ticket]:
    """The site's tickets of today that are not finished (the desks' list)."""
    with crm.sessions() as session:
        rows = session.execute(
            select(QueueTicket)
            .where(
                QueueTicket.site == desk.site,
                QueueTicket.day == queue_day(crm),
                QueueTicket.state.in_(("waiting", "called", "serving", "no_show")),
            )
            .order_by(QueueTicket.issued_at, QueueTicket.seq)
        ).scalars()
        return [Ticket.of(r) for r in rows]
