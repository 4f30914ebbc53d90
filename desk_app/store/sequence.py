"""The desk's daily ticket sequence. Taken inside the complaint's own write
transaction, so a crash can never hand out the same number twice: either the
complaint and the new counter value are both committed, or neither is."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.domain.ticket import MAX_DAILY_SEQUENCE
from desk_app.store.models import TicketSequenceRow


class SequenceExhausted(RuntimeError):
    pass


def next_sequence(session: Session, desk_code: str, day: dt.date) -> int:
    row = session.execute(
        select(TicketSequenceRow).where(
            TicketSequenceRow.desk_code == desk_code, TicketSequenceRow.day == day
        )
    ).scalar_one_or_none()
    if row is None:
        row = TicketSequenceRow(desk_code=desk_code, day=day, last=0)
        session.add(row)
    if row.last >= MAX_DAILY_SEQUENCE:
        raise SequenceExhausted(f"Nomor tiket hari ini sudah habis ({MAX_DAILY_SEQUENCE}).")
    row.last += 1
    session.flush()
    return row.last
