"""Calling the next visitor of a site (DESIGN.md, "The visitor queue"): one atomic
step, so two desks calling at the same instant never get the same ticket, and the
fairness rule (at most ``queue_priority_run`` priority calls in a row) stays exact.

The site's day row is locked for the step (its priority streak), and the first
waiting ticket taken with ``FOR UPDATE SKIP LOCKED``. SQLite's writers take turns
anyway (``writing``), and there the step is the ORM's. On PostgreSQL the day row is
held until the commit by every desk of the site in turn, so what happens while it is
held is one statement: the ticket chosen, called, the streak moved on and the event
written, in one round trip instead of four (a burst of 20 desks spent its time
waiting for the round trips of the calls before its own). The two paths follow the
same rule (``queue.step``'s "called"); the queue's tests run both.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from sqlalchemy import (
    Select,
    String,
    bindparam,
    case,
    exists,
    func,
    insert,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from crm_server.core.auth import DeskAuth
from crm_server.core.context import CrmContext
from crm_server.core.queue import Ticket, _ensure_day, _event, queue_day, site_write, step
from crm_server.db.queue_models import QueueDay, QueueEvent, QueueTicket


def _next_waiting(priority_first: bool) -> Select[QueueTicket]:
    """The next ticket for the desk ``the_desk``: transferred to it first; then the
    priority classes first (or the regular ones, when ``priority_first`` is False);
    then first come, first served. Locked, skipping a ticket another desk holds."""
    to_desk = bindparam("the_desk", type_=String)
    is_priority = case((QueueTicket.priority != "", 0), else_=1)
    return (
        select(QueueTicket)
        .where(
            QueueTicket.site == bindparam("the_site"),
            QueueTicket.day == bindparam("the_day"),
            QueueTicket.state == "waiting",
            or_(QueueTicket.target_desk == "", QueueTicket.target_desk == to_desk),
        )
        .order_by(
            case((QueueTicket.target_desk == to_desk, 0), else_=1),
            is_priority if priority_first else -is_priority,
            QueueTicket.issued_at,
            QueueTicket.seq,
        )
        .limit(1)
        .with_for_update(skip_locked=True)
    )


def _call_in_one_statement(priority_first: bool) -> Select[tuple[object, ...]]:
    """PostgreSQL: the next ticket called, the streak moved on and the event written in
    one statement; it returns the called ticket (no row: nobody waits)."""
    chosen = _next_waiting(priority_first).with_only_columns(QueueTicket.id).cte("chosen")
    now = bindparam("now", type_=QueueTicket.called_at.type)
    desk = bindparam("the_desk", type_=String)
    officer = bindparam("officer", type_=String)
    called = (
        update(QueueTicket)
        .where(QueueTicket.id == chosen.c.id)
        .values(  # queue.step's "called", for a waiting ticket
            state="called",
            called_at=now,
            first_called_at=func.coalesce(QueueTicket.first_called_at, now),
            call_count=QueueTicket.call_count + 1,
            officer=officer,
            desk_code=desk,
            target_desk="",
        )
        .returning(*QueueTicket.__table__.c)
        .cte("called")
    )
    was_priority = select(called.c.priority != "").scalar_subquery()
    streak = (
        update(QueueDay)
        .where(*_DAY_ROW, exists(select(called.c.id)))
        .values(priority_streak=case((was_priority, bindparam("streak") + 1), else_=0))
        .cte("streak")
    )
    event = (
        insert(QueueEvent)
        .from_select(
            ["id", "ticket_id", "kind", "at", "desk_code", "officer"],
            select(bindparam("event_id"), called.c.id, literal("called"), now, desk, officer),
        )
        .cte("event")
    )
    return select(called).add_cte(streak, event)


# Built once, with bound parameters: built at every call (with their cache keys) they
# cost as much CPU as running them, and in a burst every desk waits for the call
# before its own.
_DAY_ROW = (QueueDay.site == bindparam("the_site"), QueueDay.day == bindparam("the_day"))
_NEXT_WAITING = {True: _next_waiting(True), False: _next_waiting(False)}
_CALL_IN_ONE = {True: _call_in_one_statement(True), False: _call_in_one_statement(False)}
_STREAK = select(QueueDay.priority_streak).where(*_DAY_ROW).with_for_update()
_SET_STREAK = update(QueueDay).where(*_DAY_ROW).values(priority_streak=bindparam("streak"))
_TICKET_FIELDS = [f.name for f in dataclasses.fields(Ticket)]


def call_next(crm: CrmContext, desk: DeskAuth, officer: str = "") -> Ticket | None:
    """The next ticket for this desk, called in one atomic step; None when nobody
    waits. Order: tickets transferred to this desk; then priority classes first,
    unless ``queue_priority_run`` priority calls were just made in a row and a
    regular ticket waits; then first come, first served."""
    now, day = crm.now(), queue_day(crm)
    limit = crm.settings.queue_priority_run
    with site_write(crm, desk.site) as session:
        streak = _locked_streak(session, desk.site, day)
        if streak is None:  # nothing issued today yet: the day's row comes first
            _ensure_day(session, desk.site, day)
            streak = _locked_streak(session, desk.site, day) or 0
        key = {"the_site": desk.site, "the_day": day, "the_desk": desk.code}
        if crm.dialect == "postgresql":
            values = {**key, "now": now, "officer": officer[:120], "streak": streak}
            found = (
                session.execute(_CALL_IN_ONE[streak < limit], {**values, "event_id": uuid.uuid4()})
                .mappings()
                .first()
            )
            return Ticket(**{f: found[f] for f in _TICKET_FIELDS}) if found else None
        row = session.execute(_NEXT_WAITING[streak < limit], key).scalar_one_or_none()
        if row is None:
            return None
        step(row, "called", now, desk.code, officer)
        session.execute(_SET_STREAK, {**key, "streak": streak + 1 if row.priority else 0})
        _event(session, row, "called", now, desk.code, officer)
        return Ticket.of(row)


def _locked_streak(session: Session, site: str, day: dt.date) -> int | None:
    """The day's priority streak, its row locked (None: no row yet). The day's row
    exists once a number was issued: an upsert at every call cost a statement."""
    streak: int | None = session.execute(
        _STREAK, {"the_site": site, "the_day": day}
    ).scalar_one_or_none()
    return streak
