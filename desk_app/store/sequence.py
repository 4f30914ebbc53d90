"""The desk's daily ticket sequence. Taken inside the complaint's own write
transaction, so a crash can never hand out the same number twice: either the
complaint and the new counter value are both committed, or neither is."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text
from sqlalchemy.orm import Session

from complaint_domain.ticket import MAX_DAILY_SEQUENCE


class SequenceExhausted(RuntimeError):
    pass


_NEXT = text(
    "INSERT INTO ticket_sequence (desk_code, day, last) VALUES (:desk, :day, 1) "
    "ON CONFLICT (desk_code, day) DO UPDATE SET last = last + 1 RETURNING last"
)


def next_sequence(session: Session, desk_code: str, day: dt.date) -> int:
    # One upsert statement: no read-then-write window between two writers.
    params = {"desk": desk_code, "day": day.isoformat()}
    value = int(session.connection().execute(_NEXT, params).scalar_one())
    if value > MAX_DAILY_SEQUENCE:
        raise SequenceExhausted(f"Nomor tiket hari ini sudah habis ({MAX_DAILY_SEQUENCE}).")
    return value
