"""Time limits and *digantung*, in working days (Indonesian public holidays and the
configured cuti bersama counted), in Jakarta time. The limits and the days off
are the settings' with the administrators' changes (``CrmContext.time_limits``)."""

from __future__ import annotations

import datetime as dt

from complaint_domain.complaint import WIB
from complaint_domain.status import Status
from crm_server.core.context import CrmContext
from crm_server.db.models import Complaint


def due_date(crm: CrmContext, status: Status, since: dt.datetime) -> dt.date | None:
    """The day by which a complaint that entered ``status`` at ``since`` must move on."""
    days = crm.time_limits().get(status.value)
    if days is None or status.is_final:
        return None
    return crm.calendar.add_working_days(since.astimezone(WIB).date(), days)


def is_overdue(crm: CrmContext, complaint: Complaint, today: dt.date | None = None) -> bool:
    today = today or crm.today()
    return (
        not Status(complaint.status).is_final
        and complaint.due_date is not None
        and today > complaint.due_date
    )


def quiet_days(crm: CrmContext, complaint: Complaint, today: dt.date | None = None) -> int:
    """Working days since the last public update."""
    today = today or crm.today()
    last = complaint.last_public_update_at.astimezone(WIB).date()
    return crm.calendar.working_days_between(last, today)


def is_digantung(crm: CrmContext, complaint: Complaint, today: dt.date | None = None) -> bool:
    """No public update for N working days on a case that is not closed."""
    return (
        not Status(complaint.status).is_final
        and quiet_days(crm, complaint, today) >= crm.settings.digantung_days
    )
