"""What the queue shows and what it adds up to: the board of a site (the display
screen's numbers, never a name), the queue events a desk sends after working
offline, and the figures for supervisors (wait, walk and service time per desk,
officer and hour; no-shows)."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import statistics
import uuid
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, bindparam, func, select

from complaint_domain.complaint import WIB
from complaint_domain.queue import PRIORITIES, call_words, desk_label
from crm_server.core.auth import DeskAuth
from crm_server.core.context import CrmContext
from crm_server.core.errors import ApiError
from crm_server.core.queue import KINDS, _event, queue_day, site_write, step
from crm_server.db.queue_models import QueueEvent, QueueTicket

RECENT = 4


def _last_called() -> Select[str, str, dt.datetime | None, int, str]:
    """The site's twelve tickets called last today, the last first. The order of
    calls is the order of their events (two calls in the same instant still have one)."""
    on_the_day = (
        QueueTicket.site == bindparam("the_site"),
        QueueTicket.day == bindparam("the_day"),
    )
    last_call = (
        select(QueueEvent.ticket_id, func.max(QueueEvent.seq).label("last"))
        .join(QueueTicket, QueueTicket.id == QueueEvent.ticket_id)
        .where(*on_the_day, QueueEvent.kind.in_(("called", "recalled")))
        .group_by(QueueEvent.ticket_id)
        .subquery()
    )
    return (
        select(
            QueueTicket.number,
            QueueTicket.desk_code,
            QueueTicket.called_at,
            QueueTicket.call_count,
            QueueTicket.state,
        )
        .join(last_call, last_call.c.ticket_id == QueueTicket.id)
        .where(QueueTicket.called_at.is_not(None))
        .order_by(last_call.c.last.desc())
        .limit(12)
    )


# Built once with bound parameters: the display asks every second, the desks after
# every call, and building the statements each time cost as much as running them.
_LAST_CALLED = _last_called()
_WAITING = select(func.count(), func.min(QueueTicket.issued_at)).where(
    QueueTicket.site == bindparam("the_site"),
    QueueTicket.day == bindparam("the_day"),
    QueueTicket.state == "waiting",
)


def board(crm: CrmContext, site: str) -> dict[str, Any]:
    """The display screen's data: the numbers being called now with their desk and
    the words of the call, the last four called, how many wait and the longest wait
    now. Only numbers and desks: this is public."""
    now, day = crm.now(), queue_day(crm)
    key = {"the_site": site, "the_day": day}
    with crm.reads() as session:
        called = session.execute(_LAST_CALLED, key).all()
        waiting, oldest = session.execute(_WAITING, key).one()
    calling = [
        {
            "number": number,
            "desk": desk_label(desk),
            "words": call_words(number, desk),
            "call": f"{number}/{count}/{at.isoformat() if at else ''}",
        }
        for number, desk, at, count, state in called
        if state == "called"
    ]
    shown = {
        "site": site,
        "time": now.astimezone(WIB).strftime("%H.%M"),
        "calling": calling[:RECENT],
        "recent": [{"number": n, "desk": desk_label(d)} for n, d, *_ in called[:RECENT]],
        "waiting": int(waiting),
        "longest_wait_minutes": int((now - oldest).total_seconds() // 60) if oldest else 0,
    }
    # What the screen shows, fingerprinted: a screen gives it back and waits until
    # the board differs (``queue_api``'s long poll).
    version = hashlib.sha256(json.dumps(shown, sort_keys=True).encode()).hexdigest()[:16]
    return {**shown, "at": now.isoformat(), "version": version}


# ---------------------------------------------------------------- offline events


def apply_offline(
    crm: CrmContext, desk: DeskAuth, events: Iterable[dict[str, Any]]
) -> dict[str, int]:
    """A desk's queue events from a time it was offline, in the order it made them.
    Each event has its own id, so one sent twice counts once; a ticket's ``issued``
    event creates it (its number carries the desk's prefix, so it never collides)."""
    applied = duplicate = 0
    for raw in events:
        try:
            event_id = uuid.UUID(str(raw["id"]))
            ticket_id = uuid.UUID(str(raw["ticket_id"]))
            kind = str(raw["kind"])
            at = dt.datetime.fromisoformat(str(raw["at"]))
        except (KeyError, ValueError):
            raise ApiError(422, "invalid", "A queue event is malformed.", "events") from None
        if kind not in KINDS or at.tzinfo is None:
            raise ApiError(422, "invalid", "A queue event is malformed.", "events")
        officer = str(raw.get("officer", ""))[:120]
        with site_write(crm, desk.site) as session:
            seen = select(QueueEvent.seq).where(QueueEvent.id == event_id)
            if session.execute(seen).first() is not None:
                duplicate += 1
                continue
            row = session.get(QueueTicket, ticket_id, with_for_update=True)
            if kind == "issued":
                if row is None:
                    row = _offline_ticket(desk, ticket_id, at, raw)
                    session.add(row)
                    session.flush()
                elif row.site != desk.site:
                    raise ApiError(
                        422, "invalid", "A queue event names an unknown ticket.", "events"
                    )
            elif row is None or row.site != desk.site:
                raise ApiError(422, "invalid", "A queue event names an unknown ticket.", "events")
            else:
                # When the shared queue moved on meanwhile the event is kept for the
                # figures, and the ticket keeps its shared state.
                with contextlib.suppress(ApiError):
                    step(
                        row,
                        kind,
                        at,
                        desk.code,
                        officer,
                        str(raw.get("to_desk", "")),
                        str(raw.get("complaint_code", "")),
                    )
            _event(session, row, kind, at, desk.code, officer, event_id)
            applied += 1
    return {"applied": applied, "duplicate": duplicate}


def _offline_ticket(
    desk: DeskAuth, ticket_id: uuid.UUID, at: dt.datetime, raw: dict[str, Any]
) -> QueueTicket:
    number = str(raw.get("number", ""))
    priority = str(raw.get("priority", ""))
    if not number.upper().startswith(f"{desk.code}-") or (priority and priority not in PRIORITIES):
        raise ApiError(422, "invalid", "An offline number must carry the desk's code.", "events")
    return QueueTicket(
        id=ticket_id,
        site=desk.site,
        day=at.astimezone(WIB).date(),
        number=number.upper(),
        seq=int(raw.get("seq", 0)),
        priority=priority,
        seat_call=bool(raw.get("seat_call")),
        state="waiting",
        origin=desk.code,
        issued_by=desk.code,
        issued_at=at,
        call_count=0,
        desk_code="",
        officer="",
        target_desk="",
        complaint_code=str(raw.get("complaint_code", ""))[:24],
        follow_up=bool(raw.get("complaint_code")),
    )


# ---------------------------------------------------------------- figures


def _minutes(start: dt.datetime | None, end: dt.datetime | None) -> float | None:
    if start is None or end is None or end < start:
        return None
    return (end - start).total_seconds() / 60


def _summary(values: list[float]) -> dict[str, float | None]:
    if not values:
        return {"mean": None, "median": None, "max": None}
    return {
        "mean": round(statistics.fmean(values), 1),
        "median": round(statistics.median(values), 1),
        "max": round(max(values), 1),
    }


def figures(crm: CrmContext, site: str, first: dt.date, last: dt.date) -> dict[str, Any]:
    """Per ticket the wait (issued → first called), the walk (called → started) and
    the service time (started → finished), in the order the numbers were taken; summed
    per desk, officer and hour of issue (Jakarta time); no-shows. Each ticket counts
    once, whoever sent it."""
    with crm.sessions() as session:
        rows = (
            session.execute(
                select(QueueTicket).where(
                    QueueTicket.site == site, QueueTicket.day >= first, QueueTicket.day <= last
                )
            )
            .scalars()
            .all()
        )
        no_show_calls = session.execute(
            select(func.count())
            .select_from(QueueEvent)
            .join(QueueTicket)
            .where(
                QueueTicket.site == site,
                QueueTicket.day >= first,
                QueueTicket.day <= last,
                QueueEvent.kind == "no_show",
            )
        ).scalar_one()
    groups: dict[str, dict[str, dict[str, list[float]]]] = {
        "desk": defaultdict(lambda: defaultdict(list)),
        "officer": defaultdict(lambda: defaultdict(list)),
        "hour": defaultdict(lambda: defaultdict(list)),
    }
    totals: dict[str, list[float]] = defaultdict(list)
    per_ticket: list[dict[str, Any]] = []
    for t in sorted(rows, key=lambda r: (r.issued_at, r.seq)):
        keys = {
            "desk": t.desk_code or "-",
            "officer": t.officer or "-",
            "hour": f"{t.issued_at.astimezone(WIB).hour:02d}:00",
        }
        spans = {
            "wait": _minutes(t.issued_at, t.first_called_at),
            "walk": _minutes(t.called_at, t.started_at),
            "service": _minutes(t.started_at, t.finished_at),
        }
        per_ticket.append(
            {
                "number": t.number,
                "issued_at": t.issued_at.isoformat(),
                "state": t.state,
                "desk": t.desk_code,
                "officer": t.officer,
                **{span: None if v is None else round(v, 1) for span, v in spans.items()},
            }
        )
        for name, key in keys.items():
            bucket = groups[name][key]
            bucket["tickets"].append(1)
            if t.state == "no_show":
                bucket["no_show"].append(1)
            for span, value in spans.items():
                if value is not None:
                    bucket[span].append(value)
        totals["tickets"].append(1)
        for span, value in spans.items():
            if value is not None:
                totals[span].append(value)

    def flat(bucket: dict[str, list[float]]) -> dict[str, Any]:
        return {
            "tickets": len(bucket["tickets"]),
            "no_shows": len(bucket["no_show"]),
            **{span: _summary(bucket[span]) for span in ("wait", "walk", "service")},
        }

    return {
        "site": site,
        "from": first.isoformat(),
        "to": last.isoformat(),
        "tickets": len(rows),
        "no_shows": sum(1 for t in rows if t.state == "no_show"),
        "no_show_marks": int(no_show_calls),
        "served": sum(1 for t in rows if t.state == "done"),
        **{span: _summary(totals[span]) for span in ("wait", "walk", "service")},
        **{f"by_{name}": {k: flat(v) for k, v in sorted(g.items())} for name, g in groups.items()},
        "per_ticket": per_ticket,  # numbers, desks and minutes: never a visitor's name
    }
