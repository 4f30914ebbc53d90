"""The range a date or a row id from outside may take. Dates beyond it make the
calendar's arithmetic overflow (``date.max`` plus a day) and ids beyond a signed
64-bit integer overflow the database's columns: both answered 500 before."""

from __future__ import annotations

import datetime as dt

from crm_server.core.errors import ApiError

FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2100, 12, 31)
MAX_ROW_ID = 2**63 - 1  # PostgreSQL's BIGINT, SQLite's INTEGER


def is_sane_day(day: dt.date) -> bool:
    return FIRST_DAY <= day <= LAST_DAY


def check_day(day: dt.date | None, field: str) -> None:
    """For an API's date parameter: the usual 422 when it is outside the range."""
    if day is not None and not is_sane_day(day):
        raise ApiError(
            422, "invalid", f"{field} must be between {FIRST_DAY} and {LAST_DAY}.", field
        )


def day_or_none(text: str) -> dt.date | None:
    """An ISO date typed in a form or a link, or None when it is empty, not a date
    or outside the range (a stray value is ignored, never an error page)."""
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        return None
    return day if is_sane_day(day) else None
