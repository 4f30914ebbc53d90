"""Messages made from what happened: each public status event after a stored cursor
(the complaint received, every public step) and each co-reporter's addition becomes
one message per consenting number, and a complaint silent for N working days gets a
"still being handled" message, until it is closed.

The cursor moves in the same transaction as the messages it covers, and every
message has a unique key (the event, or the complaint and the day, with a hash of
the number): a crash, a second run or a second worker never makes one twice. Nothing
here hooks into the workflow: it reads the events the workflow writes anyway.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any, cast

from sqlalchemy import Connection, Table, and_, func, or_, select

from complaint_domain.complaint import WIB
from complaint_domain.status import FINAL_STATES, Status
from crm_server.core import timing
from crm_server.core.complaints import VERIFIER_UNIT
from crm_server.core.context import CrmContext
from crm_server.core.sms import templates
from crm_server.core.sms.outbox import (
    MESSAGES,
    NewMessage,
    claim_cursor,
    consenting_phone,
    opted_out,
    phone_hash,
    set_cursor,
    url_for,
    write,
)
from crm_server.core.sms.templates import Facts
from crm_server.db.bulk import one_of
from crm_server.db.models import Complaint, CoReporter, Event

EVENTS = cast(Table, Event.__table__)
COMPLAINTS = cast(Table, Complaint.__table__)
CO_REPORTERS = cast(Table, CoReporter.__table__)
EVENTS_CURSOR = "events"
BATCH = 2000


def plan_events(crm: CrmContext, limit: int = BATCH) -> int:
    """Messages for the next ``limit`` events after the cursor; the number made."""
    return _plan_batch(crm, limit)[0]


def plan_all_events(crm: CrmContext, limit: int = BATCH) -> int:
    """Messages for every event after the cursor, ``limit`` at a time; the number made.
    (Until the cursor reaches the last event: a batch of complaints whose citizens asked
    for no SMS makes nothing and is no sign of the end.)"""
    made, more = _plan_batch(crm, limit)
    while more:
        step, more = _plan_batch(crm, limit)
        made += step
    return made


def _plan_batch(crm: CrmContext, limit: int) -> tuple[int, bool]:
    """The messages of one batch: how many were made, and whether events remain."""
    now = crm.now()
    with crm.engine.begin() as conn:
        start = claim_cursor(conn, EVENTS_CURSOR)
        # The highest seq first, then the events up to it: on PostgreSQL each statement
        # sees its own snapshot, and the feed lock makes what is visible a prefix.
        high = conn.scalar(select(func.max(EVENTS.c.seq))) or 0
        if high <= start:
            return 0, False
        e, c = EVENTS.c, COMPLAINTS.c
        rows = conn.execute(
            select(
                e.seq,
                e.id,
                e.kind,
                e.status,
                e.note,
                e.unit_name,
                e.at,
                e.complaint_pk,
                c.ticket_code,
                c.tracking_token,
                c.complainant,
                c.merged_into,
            )
            .join(COMPLAINTS, c.pk == e.complaint_pk)
            .where(
                e.seq > start,
                e.seq <= high,
                or_(and_(e.kind == "status", e.public.is_(True)), e.kind == "reporter_added"),
            )
            .order_by(e.seq)
            .limit(limit)
        ).all()
        end = rows[-1].seq if len(rows) == limit else high
        reporters = _co_reporters(conn, {r.complaint_pk for r in rows})
        messages = []
        for row in rows:
            messages += _event_messages(crm, row, reporters.get(row.complaint_pk, []))
        blocked = opted_out(conn, {m.phone for m in messages})
        made = write(conn, now, [m for m in messages if m.phone not in blocked])
        set_cursor(conn, EVENTS_CURSOR, end)
    return made, end < high


def _co_reporters(conn: Connection, pks: set[int]) -> dict[int, list[tuple[int, Any, str]]]:
    """Each complaint's co-reporters who consented: (their event's seq, event id, phone)."""
    if not pks:
        return {}
    r, e = CO_REPORTERS.c, EVENTS.c
    found: dict[int, list[tuple[int, Any, str]]] = defaultdict(list)
    for row in conn.execute(
        select(r.complaint_pk, r.event_id, r.reporter, e.seq)
        .join(EVENTS, e.id == r.event_id)
        .where(one_of(conn, r.complaint_pk, pks))
    ):
        phone = consenting_phone(row.reporter)
        if phone:
            found[row.complaint_pk].append((row.seq, row.event_id, phone))
    return found


def _event_messages(
    crm: CrmContext, row: Any, reporters: list[tuple[int, Any, str]]
) -> list[NewMessage]:
    url = url_for(crm, row.ticket_code, row.tracking_token)
    if row.kind == "reporter_added":
        phones = [p for _seq, event_id, p in reporters if event_id == row.id]
        facts = Facts(code=row.ticket_code, url=url, status=Status(row.status))
        text, kind = templates.co_reporter_message(facts), "co_reporter"
    else:
        status = Status(row.status)
        first = consenting_phone(row.complainant)
        # The first citizen, and those who joined before this step.
        phones = [first] if first else []
        phones += [p for seq, _id, p in reporters if seq < row.seq]
        facts = Facts(
            code=row.ticket_code,
            url=url,
            status=status,
            unit=row.unit_name,
            note="" if status in (Status.RECEIVED, Status.DUPLICATE) else row.note,
            due=timing.due_date(crm, status, row.at),
            target=row.merged_into,
        )
        text = templates.status_message(facts)
        kind = "done" if status in FINAL_STATES else status.value
    return [
        NewMessage(f"e:{row.id}:{phone_hash(p)}", row.complaint_pk, p, kind, text)
        for p in dict.fromkeys(phones)
    ]


def plan_reminders(crm: CrmContext) -> int:
    """ "Still being handled" messages for open complaints with no public news, and no
    reminder, for N working days; the number made."""
    now, today = crm.now(), crm.today()
    days = crm.settings.sms_reminder_days
    c = COMPLAINTS.c
    with crm.engine.begin() as conn:
        candidates = conn.execute(
            select(
                c.pk,
                c.ticket_code,
                c.tracking_token,
                c.complainant,
                c.status,
                c.unit_name,
                c.due_date,
                c.last_public_update_at,
            ).where(
                c.status.not_in([s.value for s in FINAL_STATES]),
                # N working days are at least N calendar days: a cheap first cut.
                c.last_public_update_at <= now - dt.timedelta(days=days),
            )
        ).all()
        if not candidates:
            return 0
        pks = {row.pk for row in candidates}
        reporters = _co_reporters(conn, pks)
        m = MESSAGES.c
        last_reminder = dict(
            conn.execute(
                select(m.complaint_pk, func.max(m.created_at))
                .where(m.kind == "reminder", one_of(conn, m.complaint_pk, pks))
                .group_by(m.complaint_pk)
            ).all()
        )
        messages = []
        for row in candidates:
            first = consenting_phone(row.complainant)
            phones = [first] if first else []
            phones += [p for _seq, _id, p in reporters.get(row.pk, [])]
            if not phones:
                continue
            since = row.last_public_update_at
            if row.pk in last_reminder:
                since = max(since, last_reminder[row.pk])
            quiet = crm.calendar.working_days_between(since.astimezone(WIB).date(), today)
            if quiet < days:
                continue
            status = Status(row.status)
            facts = Facts(
                code=row.ticket_code,
                url=url_for(crm, row.ticket_code, row.tracking_token),
                status=status,
                unit=VERIFIER_UNIT if status is Status.VERIFICATION else row.unit_name,
                due=row.due_date,
            )
            text = templates.reminder_message(facts, today)
            messages += [
                NewMessage(
                    f"r:{row.pk}:{today.isoformat()}:{phone_hash(p)}", row.pk, p, "reminder", text
                )
                for p in dict.fromkeys(phones)
            ]
        blocked = opted_out(conn, {msg.phone for msg in messages})
        return write(conn, now, [msg for msg in messages if msg.phone not in blocked])
