"""Receiving a complaint: the one way a complaint enters the CRM, whatever the
channel. The desk push hands in whole batches (``core.push``), Open311
``POST requests`` one complaint without a ticket code (``receive_one``); both end in
:func:`receive`, which writes the complaints and their "received" events.

The channel owns what the citizen said (its :class:`NewComplaint`); the CRM adds
what it owns: the state, the first due date, the handling unit.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, cast

from sqlalchemy import Connection, Table, func, select

from complaint_domain.complaint import WIB
from complaint_domain.reference import CHANNEL_BY_CODE
from complaint_domain.status import Status
from complaint_domain.ticket import mint
from crm_server.core.context import CrmContext
from crm_server.core.desks import CRM_DESK_CODE
from crm_server.db.bulk import bulk_insert
from crm_server.db.crypto import email_hash, person_hashes
from crm_server.db.engine import lock_feed
from crm_server.db.models import Complaint, Event

EVENT_NAMESPACE = uuid.UUID("6f1c9a52-3b0e-4c59-9a57-0f3c8e1d2a11")
# The tables written with Core statements (the mapped classes type them as FromClause).
COMPLAINTS = cast(Table, Complaint.__table__)
EVENTS = cast(Table, Event.__table__)


def crm_id(pk: int) -> str:
    return f"CRM-{pk:07d}"


def received_event_id(complaint_id: uuid.UUID) -> uuid.UUID:
    """Deterministic, so that the "received" event exists once whatever happens."""
    return uuid.uuid5(EVENT_NAMESPACE, f"{complaint_id}/received")


def channel_admin_unit(channel: str) -> str:
    channel_name = CHANNEL_BY_CODE[channel].name if channel in CHANNEL_BY_CODE else channel
    return f"Admin kanal {channel_name}"


@dataclass(frozen=True)
class NewComplaint:
    """A complaint as a channel hands it in (already validated by the channel)."""

    id: uuid.UUID
    ticket_code: str  # canonical; "" asks receive_one to mint a CRM ticket code
    tracking_token: str
    desk_id: int | None  # None: not from a desk (Open311, later the staff console)
    channel: str
    officer: str
    urgency: str
    category_code: str
    description: str
    earlier_references: list[str]
    complainant: dict[str, Any]  # personal data: never in a public answer or a log
    location: dict[str, Any]  # holds kelurahan_code
    attachments: list[dict[str, Any]]
    created_at: dt.datetime
    # What the CRM did not know (its category, its kelurahan): a receipt is a promise,
    # so the complaint is received all the same, into the channel admin's triage,
    # with an internal note naming each (see :func:`triage_note`).
    unknown: tuple[str, ...] = ()


def triage_note(unknown: Sequence[str]) -> str:
    """The internal note for the channel admin on a complaint received with
    reference data the CRM did not know."""
    return (
        "Diterima untuk triase admin kanal: "
        + "; ".join(unknown)
        + ". Periksa dan lengkapi sebelum diteruskan."
    )


class Reception:
    """What the CRM adds to the complaints it receives at one moment ``now`` (the
    same for a whole batch: computed once)."""

    def __init__(self, crm: CrmContext, now: dt.datetime) -> None:
        self.now = now
        self._limit = crm.time_limits()[Status.RECEIVED]
        self._calendar = crm.calendar
        self.due_date = crm.calendar.add_working_days(now.astimezone(WIB).date(), self._limit)
        self._due_by_day = {now.astimezone(WIB).date(): self.due_date}

    def due_for(self, created_at: dt.datetime) -> dt.date:
        """The first response is due the received limit's working days after the
        complaint was *recorded* (the date its receipt promised: a desk that was
        offline sends it days later), never after now (a desk clock running ahead)."""
        day = min(created_at, self.now).astimezone(WIB).date()
        due = self._due_by_day.get(day)
        if due is None:
            due = self._due_by_day[day] = self._calendar.add_working_days(day, self._limit)
        return due

    def row(self, new: NewComplaint) -> dict[str, Any]:
        """The ``complaints`` row."""
        now = self.now
        kelurahan_code = new.location["kelurahan_code"]
        nik_hash, phone_hash = person_hashes(new.complainant)
        return {
            "id": new.id,
            "ticket_code": new.ticket_code,
            "tracking_token": new.tracking_token,
            "desk_id": new.desk_id,
            "channel": new.channel,
            "officer": new.officer,
            "urgency": new.urgency,
            "category_code": new.category_code,
            "description": new.description,
            "earlier_references": new.earlier_references,
            "complainant": new.complainant,
            "complainant_nik_hash": nik_hash,
            "complainant_phone_hash": phone_hash,
            "complainant_email_hash": email_hash(new.complainant),
            "kelurahan_code": kelurahan_code,
            "kota_code": ".".join(kelurahan_code.split(".")[:2]),
            "location": new.location,
            "attachments": new.attachments,
            "created_at": new.created_at,
            "received_at": now,
            "status": Status.RECEIVED.value,
            "status_since": now,
            "last_public_update_at": now,
            "due_date": self.due_for(new.created_at),
            "agency_code": "",
            "unit_code": "",
            "unit_name": channel_admin_unit(new.channel),
            "reason": "",
            "merged_into": "",
        }

    def received_event(self, new: NewComplaint, pk: int) -> dict[str, Any]:
        """The ``events`` row that says the complaint was received."""
        return {
            "id": received_event_id(new.id),
            "complaint_pk": pk,
            "desk_id": new.desk_id,
            "kind": "status",
            "status": Status.RECEIVED.value,
            "actor": "CRM",
            "actor_role": "system",
            "note": "Aduan diterima CRM.",
            "unit_name": channel_admin_unit(new.channel),
            "public_label": Status.RECEIVED.public_label,
            "at": self.now,
            "recorded_at": self.now,
            "public": True,
            "attachments": [],
        }

    def triage_event(self, new: NewComplaint, pk: int) -> dict[str, Any]:
        """The internal note naming what the CRM did not know: for the staff only
        (not public, and no desk: it never goes back down the changes feed)."""
        return {
            **self.received_event(new, pk),
            "id": uuid.uuid5(EVENT_NAMESPACE, f"{new.id}/triage"),
            "desk_id": None,
            "kind": "note",
            "note": triage_note(new.unknown),
            "public": False,
        }


def receive(
    conn: Connection, reception: Reception, complaints: Sequence[NewComplaint]
) -> dict[uuid.UUID, int]:
    """Store new complaints, each with its "received" event, in the caller's
    transaction (which holds the feed lock); their keys by id. One insert per table
    whatever the number. A complaint whose id is stored already, or whose ticket
    code is taken (also by an earlier one of ``complaints``), is skipped: the
    caller tells which it was."""
    if not complaints:
        return {}
    c = COMPLAINTS.c
    rows = [reception.row(new) for new in complaints]
    inserted = {row.id: row.pk for row in bulk_insert(conn, COMPLAINTS, rows, (c.id, c.pk))}
    events = [
        reception.received_event(new, inserted[new.id]) for new in complaints if new.id in inserted
    ]
    events += [
        reception.triage_event(new, inserted[new.id])
        for new in complaints
        if new.unknown and new.id in inserted
    ]
    if events:
        bulk_insert(conn, EVENTS, events)
    return inserted


def receive_one(
    crm: CrmContext,
    new: NewComplaint,
    now: dt.datetime | None = None,
    desk_code: str = CRM_DESK_CODE,
    within: Callable[[Connection, NewComplaint, int], None] | None = None,
) -> str:
    """Receive one complaint in a transaction of its own, at ``now`` (the clock's
    time by default); its ticket code. Without a ticket code it gets the CRM's own
    (``WEB-YYMMDD-NNNN-C``, the day's next; a channel recorded in the console
    passes its own ``desk_code``, see ``desks.CHANNEL_TICKET_CODES``). ``within``
    runs in the same transaction, under the feed lock, after the complaint is
    written (with its key): what raises there undoes the complaint."""
    now = now or crm.now()
    reception = Reception(crm, now)
    with crm.engine.begin() as conn:
        lock_feed(conn)  # also serialises the daily sequence below
        ticket = new.ticket_code
        if not ticket:
            day = now.astimezone(WIB).date()
            prefix = f"{desk_code}-{day:%y%m%d}-"
            taken = conn.scalar(
                select(func.count())
                .select_from(COMPLAINTS)
                .where(COMPLAINTS.c.ticket_code.like(prefix + "%"))
            )
            ticket = str(mint(desk_code, day, (taken or 0) + 1))
            new = replace(new, ticket_code=ticket)
        inserted = receive(conn, reception, [new])
        if new.id not in inserted:
            raise RuntimeError("the complaint's id or ticket code is taken")
        if within is not None:
            within(conn, new, inserted[new.id])
    return ticket
