"""The desks as an administrator enrols them: each desk with its enrolment state
(enrolled when, the one-time codes still open and until when, its last heartbeat).
A code is made by ``desks.create_enrolment`` with the administrator as its actor."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from crm_server.core.context import CrmContext
from crm_server.db.models import Desk, EnrolmentCode


@dataclass(frozen=True)
class DeskEnrolment:
    code: str
    site: str
    enrolled_at: dt.datetime | None
    last_heartbeat_at: dt.datetime | None
    open_codes: int  # unused and unexpired
    open_until: dt.datetime | None  # the latest expiry of those

    @property
    def state(self) -> str:
        """``enrolled``, ``waiting`` (a code is open, never enrolled) or ``none``."""
        if self.enrolled_at is not None:
            return "enrolled"
        return "waiting" if self.open_codes else "none"


def desk_enrolments(crm: CrmContext) -> list[DeskEnrolment]:
    now = crm.now()
    with crm.sessions() as session:
        open_codes = {
            desk_id: (count, until)
            for desk_id, count, until in session.execute(
                select(EnrolmentCode.desk_id, func.count(), func.max(EnrolmentCode.expires_at))
                .where(EnrolmentCode.used_at.is_(None), EnrolmentCode.expires_at > now)
                .group_by(EnrolmentCode.desk_id)
            )
        }
        desks = list(session.scalars(select(Desk).order_by(Desk.code)))
    found = []
    for desk in desks:
        count, until = open_codes.get(desk.id, (0, None))
        found.append(
            DeskEnrolment(
                desk.code, desk.site, desk.enrolled_at, desk.last_heartbeat_at, int(count), until
            )
        )
    return found
