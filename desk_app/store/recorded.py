"""What this desk recorded over some days (the Pantauan page's own part, which it
shows when the CRM cannot be reached): who recorded each complaint, and when."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.store.models import ComplaintRow


def recorded_between(
    session: Session, first: dt.date, last: dt.date
) -> list[tuple[str, dt.datetime]]:
    """(officer's name, recorded at, aware UTC) for each complaint of the days
    ``first``…``last`` (the desk's own days; the indexed ``created_day``)."""
    rows = session.execute(
        select(ComplaintRow.officer_name, ComplaintRow.created_at).where(
            ComplaintRow.created_day >= first, ComplaintRow.created_day <= last
        )
    ).all()
    return [(name, at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)) for name, at in rows]
