"""The desk's daily ticket sequence. Taken inside the complaint's own write
transaction, so a crash can never hand out the same number twice: either the
complaint and the new counter value are both committed, or neither is."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text
from sqlalchemy.orm import Session

from complaint_domain.messages import QT_TRANSLATE_NOOP
from complaint_domain.ticket import MAX_DAILY_SEQUENCE


class SequenceExhausted(RuntimeError):
    """The day's ticket numbers are used up; ``message`` is for the officer."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


_NEXT = text(
    "INSERT INTO ticket_sequence (desk_code, day, last) VALUES (:desk, :day, 1) "
    "ON CONFLICT (desk_code, day) DO UPDATE SET last = last + 1 RETURNING last"
)


def next_sequence(session: Session, desk_code: str, day: dt.date) -> int:
    # One upsert statement: no read-then-write window between two writers.
    params = {"desk": desk_code, "day": day.isoformat()}
    value = int(session.connection().execute(_NEXT, params).scalar_one())
    if value > MAX_DAILY_SEQUENCE:
        raise SequenceExhausted(
            QT_TRANSLATE_NOOP("Storage", "Nomor tiket hari ini sudah habis ({count}).").format(
                count=MAX_DAILY_SEQUENCE
            )
        )
    return value
