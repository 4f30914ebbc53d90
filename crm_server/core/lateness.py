"""Overdue and *digantung* for lists of a million complaints.

SQL cannot count Indonesian holidays, but it does not need to:

- **overdue** is exactly ``due_date < today`` on a complaint that is not closed
  (``due_date`` is stored, counted in working days at each step);
- **digantung** (no public update for N working days) is exactly
  ``last_public_update_at`` before the start of the day after the *cutoff*: the
  latest calendar day from which N working days have passed by today. The cutoff
  is found here, in Python, with the work calendar; the comparison is SQL's, and
  an index serves it.

How many working days late (or quiet) a row is, is counted here too, for the rows
of one page only (:class:`DayCounter` remembers what it counted).
"""

from __future__ import annotations

import datetime as dt
import weakref

from sqlalchemy import BindParameter, ColumnElement, and_, bindparam

from complaint_domain.complaint import WIB
from complaint_domain.status import Status
from complaint_domain.workdays import WorkCalendar
from crm_server.db.models import Complaint

FINAL = tuple(s.value for s in Status if s.is_final)


def digantung_cutoff(calendar: WorkCalendar, today: dt.date, days: int) -> dt.date:
    """The latest day ``d`` with ``calendar.working_days_between(d, today) >= days``."""
    counted, day = 0, today
    while True:
        if calendar.is_working_day(day):
            counted += 1
            if counted >= max(days, 1):
                return day - dt.timedelta(days=1)
        day -= dt.timedelta(days=1)


def start_of_day(day: dt.date) -> dt.datetime:
    """Midnight of ``day`` in Jakarta, as the aware instant the database compares."""
    return dt.datetime.combine(day, dt.time(0, 0), WIB)


def is_open() -> ColumnElement[bool]:
    """Not closed, with the states written into the SQL (not bound): only then can
    PostgreSQL use the partial indexes on open complaints in a prepared plan."""
    finals: BindParameter[str] = bindparam(
        "final_states", list(FINAL), expanding=True, literal_execute=True
    )
    return Complaint.status.not_in(finals)


def overdue(today: dt.date) -> ColumnElement[bool]:
    """The SQL condition of the overdue complaints (exact)."""
    return and_(is_open(), Complaint.due_date < today)


def quiet_before(calendar: WorkCalendar, today: dt.date, days: int) -> dt.datetime:
    """A complaint whose last public update is before this instant is *digantung*."""
    return start_of_day(digantung_cutoff(calendar, today, days) + dt.timedelta(days=1))


def digantung(calendar: WorkCalendar, today: dt.date, days: int) -> ColumnElement[bool]:
    """The SQL condition of the *digantung* complaints (exact)."""
    return and_(is_open(), Complaint.last_public_update_at < quiet_before(calendar, today, days))


class _Ordinals:
    """The working days counted once per calendar: ``counts[i]`` is how many working
    days there are in ``[first, first + i]``. A page of rows years late then costs
    a subtraction per row, not a walk over every day since (at 1 000 000 complaints
    that walk was most of a page's time). The span is replaced whole, never changed
    in place, so threads that read it while another extends it stay right."""

    def __init__(self, calendar: WorkCalendar) -> None:
        self.calendar = calendar
        self.span: tuple[dt.date, list[int]] = (dt.date.max, [])

    def between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end], ``start < end``."""
        first, counts = self.span
        if start < first or (end - first).days >= len(counts):
            last = max(end, first + dt.timedelta(days=len(counts) - 1)) if counts else end
            first, counts = self._build(
                dt.date(min(start, first).year, 1, 1), dt.date(last.year, 12, 31)
            )
            self.span = (first, counts)
        return counts[(end - first).days] - counts[(start - first).days]

    def _build(self, first: dt.date, last: dt.date) -> tuple[dt.date, list[int]]:
        counts, total, day = [], 0, first
        while day <= last:
            total += self.calendar.is_working_day(day)
            counts.append(total)
            day += dt.timedelta(days=1)
        return first, counts


_ORDINALS: weakref.WeakKeyDictionary[WorkCalendar, _Ordinals] = weakref.WeakKeyDictionary()


def working_days_between(calendar: WorkCalendar, start: dt.date, end: dt.date) -> int:
    """``calendar.working_days_between(start, end)``, from counts kept per calendar."""
    if end <= start:
        return 0
    ordinals = _ORDINALS.get(calendar)
    if ordinals is None:
        ordinals = _ORDINALS[calendar] = _Ordinals(calendar)
    return ordinals.between(start, end)


class DayCounter:
    """Working days between a day and today, for the rows of a page."""

    def __init__(self, calendar: WorkCalendar, today: dt.date) -> None:
        self.calendar = calendar
        self.today = today

    def since(self, day: dt.date) -> int:
        """Working days in (day, today]: how late, or how long quiet."""
        return working_days_between(self.calendar, day, self.today)

    def until(self, day: dt.date) -> int:
        """Working days in (today, day]: how many are left."""
        return working_days_between(self.calendar, self.today, day)

    def quiet(self, last_public_update: dt.datetime) -> int:
        return self.since(last_public_update.astimezone(WIB).date())
