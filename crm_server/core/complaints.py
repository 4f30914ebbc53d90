"""Reading complaints: find one by its ticket code, the unit a citizen is told
handles it, how many citizens reported it, and the staff's summary, detail and
filtered lists (overdue and *digantung* counted in working days)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from complaint_domain.status import Status, public_status_text
from complaint_domain.ticket import TicketCodeError, parse_ticket_code
from crm_server.core import timing
from crm_server.core.auth import UserAuth
from crm_server.core.context import CrmContext
from crm_server.core.intake import crm_id
from crm_server.core.visibility import may_see, visible
from crm_server.db.models import Complaint, CoReporter, Event

VERIFIER_UNIT = "Biro Pemerintahan"


def shown_unit(complaint: Complaint) -> str:
    """The unit a citizen is told is handling the case right now."""
    if complaint.status == Status.VERIFICATION:
        return VERIFIER_UNIT
    return complaint.unit_name


def reporter_counts(session: Session, pks: Collection[int]) -> dict[int, int]:
    """How many citizens reported each of these complaints: the first one and every
    co-reporter (one query, whatever the number of complaints)."""
    if not pks:
        return {}
    counts = {pk: 1 for pk in pks}
    for pk, more in session.execute(
        select(CoReporter.complaint_pk, func.count())
        .where(CoReporter.complaint_pk.in_(list(pks)))
        .group_by(CoReporter.complaint_pk)
    ):
        counts[pk] += int(more)
    return counts


def find_complaint(session: Session, ticket_text: str) -> Complaint | None:
    try:
        code = str(parse_ticket_code(ticket_text))
    except TicketCodeError:
        return None
    return session.scalar(select(Complaint).where(Complaint.ticket_code == code))


def summary(
    crm: CrmContext, c: Complaint, reporters: int, today: dt.date | None = None
) -> dict[str, object]:
    """``reporters``: how many citizens reported it (:func:`reporter_counts`)."""
    status = Status(c.status)
    return {
        "crm_id": crm_id(c.pk),
        "id": c.id,
        "ticket_code": c.ticket_code,
        "status": status.value,
        "public_label": public_status_text(status, c.reason, c.merged_into),
        "category_code": c.category_code,
        "kelurahan_code": c.kelurahan_code,
        "agency_code": c.agency_code,
        "unit": shown_unit(c),
        "status_since": c.status_since,
        "due_date": c.due_date,
        "overdue": timing.is_overdue(crm, c, today),
        "digantung": timing.is_digantung(crm, c, today),
        "last_public_update_at": c.last_public_update_at,
        "reporter_count": reporters,
    }


def detail(
    crm: CrmContext, ticket_text: str, user: UserAuth | None = None
) -> dict[str, object] | None:
    """A complaint with its steps, internal ones included; None when no complaint has
    this code or, given ``user``, when it is not theirs to see (the same answer, so that
    a staff member cannot learn which codes exist outside their unit)."""
    with crm.sessions() as session:
        c = find_complaint(session, ticket_text)
        if c is None or (user is not None and not may_see(user, c)):
            return None
        events = session.scalars(
            select(Event).where(Event.complaint_pk == c.pk).order_by(Event.seq)
        ).all()
        return {
            **summary(crm, c, reporter_counts(session, [c.pk])[c.pk]),
            "description": c.description,
            "urgency": c.urgency,
            "channel": c.channel,
            "reason": c.reason,
            "merged_into": c.merged_into,
            "events": [
                {
                    "seq": e.seq,
                    "event_id": e.id,
                    "kind": e.kind,
                    "status": e.status,
                    "actor": e.actor,
                    "note": e.note,
                    "unit": e.unit_name,
                    "at": e.at,
                    "public": e.public,
                }
                for e in events
            ],
        }


def search(
    crm: CrmContext,
    status: str | None = None,
    overdue: bool | None = None,
    digantung: bool | None = None,
    unit: str | None = None,
    limit: int = 100,
    user: UserAuth | None = None,
) -> list[dict[str, object]]:
    """Open complaints by filter, given ``user`` only those they may see. Overdue and
    digantung are computed here, in working days, because a SQL date comparison
    cannot count holidays."""
    today = crm.today()
    with crm.sessions() as session:
        query = select(Complaint).order_by(Complaint.pk)
        if user is not None:
            query = query.where(visible(user))
        if status:
            query = query.where(Complaint.status == status)
        if unit:
            query = query.where(Complaint.unit_code == unit)
        if digantung:
            # N working days are at least N calendar days: a cheap pre-filter.
            cutoff = crm.now() - dt.timedelta(days=crm.settings.digantung_days)
            query = query.where(Complaint.last_public_update_at <= cutoff)
        if overdue or digantung:
            finals = [s.value for s in Status if s.is_final]
            query = query.where(Complaint.status.not_in(finals))
        found: list[tuple[int, dict[str, object]]] = []
        for c in session.scalars(query):
            row = summary(crm, c, 1, today)  # the count follows, for them all at once
            if overdue is not None and row["overdue"] != overdue:
                continue
            if digantung is not None and row["digantung"] != digantung:
                continue
            found.append((c.pk, row))
            if len(found) >= limit:
                break
        counts = reporter_counts(session, [pk for pk, _ in found])
        for pk, row in found:
            row["reporter_count"] = counts[pk]
        return [row for _, row in found]
