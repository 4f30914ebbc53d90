"""The desk sees the other channels (issue 22, item 5): an enrolled desk asks which
complaints of *any* channel (e-mail, SMS, social media, another desk …) belong to
the citizen in front of it, by a ticket code, their phone number or their NIK.

Phone and NIK are compared by the keyed hashes only (``db.crypto``; the values are
encrypted): an index lookup, never a scan that decrypts rows. The answer carries
what the officer needs to recognise a complaint and tell the citizen where it
stands, and no personal data of anyone (neither the complainant's nor a
co-reporter's, nor the description, which citizens fill with names). Each lookup
is audited with the desk, the officer and the kind of key, never the key itself.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, load_only

from complaint_domain.areas import AreaIndex
from complaint_domain.reference import CHANNEL_BY_CODE
from complaint_domain.status import Status, public_status_text
from complaint_domain.ticket import TicketCodeError, parse_ticket_code
from complaint_domain.validation import normalise_nik, normalise_phone
from crm_server.core.audit import record
from crm_server.core.auth import DeskAuth
from crm_server.core.complaints import shown_unit
from crm_server.core.context import CrmContext
from crm_server.core.errors import ApiError
from crm_server.core.supervision import WorkingDaysTo
from crm_server.db.crypto import normal_phone
from crm_server.db.models import Complaint, CoReporter, Desk, Event

KINDS = ("ticket", "phone", "nik")
MAX_FOUND = 20  # a citizen with more complaints than this is asked for a ticket code
AUDIT_ACTION = "desk.lookup"
_PHONE_TEXT = re.compile(r"[0-9+()\-. ]{6,30}")

# What a found complaint is read with: its facts, never the columns holding its
# citizen (so nothing personal is even decrypted in this process).
_FACTS = (
    Complaint.pk,
    Complaint.id,
    Complaint.ticket_code,
    Complaint.desk_id,
    Complaint.channel,
    Complaint.category_code,
    Complaint.kelurahan_code,
    Complaint.status,
    Complaint.reason,
    Complaint.merged_into,
    Complaint.unit_name,
    Complaint.received_at,
    Complaint.due_date,
    Complaint.last_public_update_at,
)


def lookup(crm: CrmContext, desk: DeskAuth, officer: str, kind: str, value: str) -> dict[str, Any]:
    """The complaints that ``value`` (a ``kind`` of key) finds, newest first, at most
    :data:`MAX_FOUND` (``complaints``), and whether it finds more (``more``); raises
    :class:`ApiError` (422) for a key that is not one. Audited before it is answered."""
    key_hashes, ticket = _key(crm, kind, value)
    today = crm.today()
    # Read first, then the audit entry in a transaction of its own: on SQLite a write
    # transaction is an immediate one, and the areas and the calendar read the
    # database through connections of their own, which would wait on it.
    areas, days = crm.areas(), WorkingDaysTo(crm, today)
    with crm.sessions() as session:
        found = _found(session, kind, key_hashes, ticket)
        more = len(found) > MAX_FOUND
        found = found[:MAX_FOUND]
        desks = _desk_codes(session, {c.desk_id for c in found if c.desk_id is not None})
        answer = [_shown(session, c, desks, today, areas, days) for c in found]
    record(
        crm,
        f"Meja {desk.code}",
        AUDIT_ACTION,
        subject=desk.code,
        reason="warga di meja",
        detail={
            "desk": desk.code,
            "officer": officer,
            "key": kind,  # which kind of key: never the phone, NIK or code typed
            "found": [c["ticket_code"] for c in answer],
            "more": more,
        },
    )
    return {"complaints": answer, "more": more}


def _key(crm: CrmContext, kind: str, value: str) -> tuple[list[str], str]:
    """The key's hashes under every live data key (phone, NIK), or the canonical
    ticket code. The messages never repeat the value."""
    if kind == "ticket":
        try:
            return [], str(parse_ticket_code(value))
        except TicketCodeError:
            raise ApiError(
                422, "invalid_ticket_code", "Not a valid ticket code.", "value"
            ) from None
    if kind == "phone":
        # Only what a number is written with: phonenumbers alone would pick a number
        # out of any text (a name and a number typed together).
        phone, problem = normalise_phone(value) if _PHONE_TEXT.fullmatch(value) else ("", "")
        if problem is not None or not phone:
            raise ApiError(422, "invalid_phone", "Not a valid phone number.", "value")
        return crm.data_keys.lookup_hashes("phone", normal_phone(phone)), ""
    if kind == "nik":
        nik, problem = normalise_nik(value)
        if problem is not None or not nik:
            raise ApiError(422, "invalid_nik", "Not a valid NIK.", "value")
        return crm.data_keys.lookup_hashes("nik", nik), ""
    raise ApiError(422, "invalid", "kind must be ticket, phone or nik.", "kind")


def _found(session: Session, kind: str, hashes: list[str], ticket: str) -> list[Any]:
    query = select(Complaint).options(load_only(*_FACTS, raiseload=True))
    if kind == "ticket":
        query = query.where(Complaint.ticket_code == ticket)
    else:
        own = (
            Complaint.complainant_phone_hash if kind == "phone" else Complaint.complainant_nik_hash
        )
        theirs = CoReporter.phone_hash if kind == "phone" else CoReporter.nik_hash
        co_reported = select(CoReporter.complaint_pk).where(theirs.in_(hashes))
        query = query.where(or_(own.in_(hashes), Complaint.pk.in_(co_reported)))
    # one more than is shown: whether there are others is part of the answer
    query = query.order_by(Complaint.received_at.desc(), Complaint.pk.desc())
    query = query.limit(MAX_FOUND + 1)
    return list(session.scalars(query))


def _desk_codes(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(session.execute(select(Desk.id, Desk.code).where(Desk.id.in_(ids))).all())


def _last_public_note(session: Session, pk: int) -> dict[str, Any] | None:
    """The newest public step that says something (its words were checked for
    personal data when a staff member wrote them)."""
    row = session.execute(
        select(Event.note, Event.at, Event.public_label)
        .where(Event.complaint_pk == pk, Event.public.is_(True), Event.note != "")
        .order_by(Event.seq.desc())
        .limit(1)
    ).first()
    return None if row is None else {"note": row.note, "at": row.at, "label": row.public_label}


def _shown(
    session: Session,
    c: Any,
    desks: dict[int, str],
    today: dt.date,
    areas: AreaIndex,
    days: WorkingDaysTo,
) -> dict[str, Any]:
    status = Status(c.status)
    late = not status.is_final and c.due_date is not None and today > c.due_date
    area = areas.get(c.kelurahan_code)
    channel = CHANNEL_BY_CODE.get(c.channel)
    return {
        "id": uuid.UUID(str(c.id)),
        "ticket_code": c.ticket_code,
        "channel": c.channel,
        "channel_name": channel.name if channel else c.channel,
        "desk": desks.get(c.desk_id, "") if c.desk_id is not None else "",
        "status": status.value,
        "public_label": public_status_text(status, c.reason, c.merged_into),
        "unit": shown_unit(c),
        "kelurahan_code": c.kelurahan_code,
        "kelurahan_name": area.name if area else "",
        "category_code": c.category_code,
        "received_at": c.received_at,
        "due_date": c.due_date,
        "overdue": late,
        "working_days_late": days.since(c.due_date) if late else 0,
        "last_public_note": _last_public_note(session, c.pk),
    }
