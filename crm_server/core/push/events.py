"""The desk's events in a push: on its own complaints a citizen's addition, a note,
a co-reporter; on a complaint of any channel, a citizen's visit (``desk_visit``).

A ``reporter_added`` event's citizen (their consent and contact) is stored apart
from the event, in ``co_reporters`` under the event's id, like a complaint's
``complainant``: the event's history and the changes feed never carry them."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, cast

from sqlalchemy import Connection, Table, select

from complaint_domain.status import Status
from complaint_domain.ticket import TicketCodeError, parse_ticket_code
from crm_server.core.auth import DeskAuth
from crm_server.core.intake import COMPLAINTS, EVENTS
from crm_server.core.push.answers import missing_attachment, rejected, result
from crm_server.core.schemas import EventItem
from crm_server.db.bulk import bulk_insert, one_of
from crm_server.db.crypto import email_hash, person_hashes
from crm_server.db.models import CoReporter

CO_REPORTERS = cast(Table, CoReporter.__table__)
VISIT = "desk_visit"
EARLIEST = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)  # before the desks existed


def store_events(
    conn: Connection,
    desk: DeskAuth,
    now: dt.datetime,
    events: list[tuple[int, EventItem]],
    known_files: set[str],
    results: list[dict[str, Any] | None],
) -> None:
    """Store a batch's ``events`` (each with its place in the batch); their answers
    go into ``results`` at that place."""
    if not events:
        return
    c, e = COMPLAINTS.c, EVENTS.c
    targets = {
        row.id: row
        for row in conn.execute(
            select(c.id, c.pk, c.desk_id, c.ticket_code, c.status, c.unit_name).where(
                one_of(conn, c.id, {item.complaint_id for _, item in events})
            )
        )
    }
    existing: dict[uuid.UUID, int] = {
        row.id: row.seq
        for row in conn.execute(
            select(e.id, e.seq).where(one_of(conn, e.id, [item.id for _, item in events]))
        )
    }
    rows, pending = [], []
    for i, item in events:
        item_id = str(item.id)
        if item.id in existing:
            results[i] = result(item_id, "already_had", f"E{existing[item.id]}")
            continue
        target = targets.get(item.complaint_id)
        # A visit may be about any channel's complaint; every other event only about
        # the desk's own (a desk that did not record it has nothing to add to it).
        visit = item.kind == VISIT
        if target is None or (target.desk_id != desk.id and not visit):
            results[i] = rejected(
                item_id,
                "unknown_complaint",
                "The complaint of this event is not known for this desk.",
                "complaint_id",
            )
            continue
        try:
            same = str(parse_ticket_code(item.ticket_code)) == target.ticket_code
        except TicketCodeError:
            same = False
        if not same:
            results[i] = rejected(
                item_id, "invalid", "ticket_code does not match complaint_id.", "ticket_code"
            )
            continue
        if missing := missing_attachment(item.attachments, known_files):
            results[i] = rejected(
                item_id,
                "attachment_missing",
                "Upload the attachment before the event.",
                missing,
            )
            continue
        # As a complaint's created_at: a time far ahead broke the complaint's page (its
        # working days counted to the year 9999) for every staff member.
        if not EARLIEST <= item.at <= now + dt.timedelta(days=1):
            results[i] = rejected(
                item_id, "invalid", "at is in the future or before the desks existed.", "at"
            )
            continue
        status = Status(target.status)
        rows.append(
            {
                "id": item.id,
                "complaint_pk": target.pk,
                "desk_id": desk.id,
                "kind": item.kind,
                "status": status.value,
                "actor": f"Meja {desk.code}" + (f" · {item.officer}" if item.officer else ""),
                "actor_role": "desk",
                "note": item.note,
                "unit_name": target.unit_name,
                "public_label": status.public_label,
                "at": item.at,
                "recorded_at": now,
                # A citizen's addition or visit is not news from the handler: it
                # does not reset the "digantung" clock. A visit's note is the
                # officer's words (they may name the citizen): for the staff only,
                # and it goes down no other desk's changes feed (this desk's
                # ignores a complaint it does not hold).
                "public": False,
                "attachments": [a.model_dump(mode="json") for a in item.attachments],
            }
        )
        pending.append((i, item))
    if not rows:
        return
    inserted: dict[uuid.UUID, int] = {
        row.id: row.seq for row in bulk_insert(conn, EVENTS, rows, (e.id, e.seq))
    }
    reporters = []
    for i, item in pending:
        seq = inserted.get(item.id)
        if seq is None:  # a concurrent push stored it first
            seq = conn.scalar(select(e.seq).where(e.id == item.id))
            results[i] = result(str(item.id), "already_had", f"E{seq}")
        else:
            results[i] = result(str(item.id), "accepted", f"E{seq}")
            if item.reporter is not None:
                reporter = item.reporter.model_dump(mode="json")
                nik_hash, phone_hash = person_hashes(reporter)
                reporters.append(
                    {
                        "event_id": item.id,
                        "complaint_pk": targets[item.complaint_id].pk,
                        "reporter": reporter,
                        "nik_hash": nik_hash,
                        "phone_hash": phone_hash,
                        "email_hash": email_hash(reporter),
                        "at": item.at,
                        "recorded_at": now,
                    }
                )
    if reporters:
        bulk_insert(conn, CO_REPORTERS, reporters)
