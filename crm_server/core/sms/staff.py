"""What staff see of the SMS channel (the console's complaint page, the supervisor,
the koordinator): a complaint's messages with their delivery state, and a day's
totals and failures. Numbers are masked; a message's text holds nothing personal."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from sqlalchemy import select

from complaint_domain.complaint import WIB
from crm_server.core.complaints import find_complaint
from crm_server.core.context import CrmContext
from crm_server.db.models import Complaint
from crm_server.db.sms_models import SmsMessage

STATES = ("queued", "handing", "handed", "sent", "delivered", "failed", "cancelled")


def masked(phone: str) -> str:
    """``+6281234567890`` → ``+62812******90``: enough to tell two numbers apart."""
    return phone[:6] + "*" * max(len(phone) - 8, 0) + phone[-2:] if len(phone) > 8 else "***"


def complaint_messages(crm: CrmContext, ticket_text: str) -> list[dict[str, Any]] | None:
    """A complaint's messages, oldest first; None when no complaint has this code."""
    with crm.sessions() as session:
        complaint = find_complaint(session, ticket_text)
        if complaint is None:
            return None
        rows = session.scalars(
            select(SmsMessage)
            .where(SmsMessage.complaint_pk == complaint.pk)
            .order_by(SmsMessage.id)
        ).all()
    return [
        {
            "kind": m.kind,
            "to": masked(m.phone),
            "text": m.text,
            "state": m.state,
            "attempts": m.attempts,
            "created_at": m.created_at,
            "handed_at": m.handed_at,
            "done_at": m.done_at,
            "error": m.error,
        }
        for m in rows
    ]


def daily_totals(crm: CrmContext, day: dt.date | None = None) -> dict[str, Any]:
    """The messages made on ``day`` (Jakarta time; today by default): how many in
    each state, by kind, and the failures with their ticket code and reason."""
    day = day or crm.today()
    start = dt.datetime.combine(day, dt.time(), WIB)
    end = start + dt.timedelta(days=1)
    with crm.sessions() as session:
        rows = session.execute(
            select(SmsMessage.kind, SmsMessage.state, SmsMessage.error, Complaint.ticket_code)
            .outerjoin(Complaint, Complaint.pk == SmsMessage.complaint_pk)
            .where(SmsMessage.created_at >= start, SmsMessage.created_at < end)
        ).all()
    states = Counter(r.state for r in rows)
    return {
        "day": day,
        "total": len(rows),
        "by_state": {s: states.get(s, 0) for s in STATES},
        "by_kind": dict(Counter(r.kind for r in rows)),
        "failures": [
            {"ticket_code": r.ticket_code or "", "kind": r.kind, "error": r.error}
            for r in rows
            if r.state == "failed"
        ],
    }
