"""Working-day arithmetic for time limits: weekends, Indonesian public holidays
(the ``holidays`` package, country ID) and the government's extra leave days
(cuti bersama), which change every year and so are configuration."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from complaint_domain.messages import QT_TRANSLATE_NOOP


class WorkCalendar:
    """Answers "is this a working day" and "what is N working days after".

    ``extra_leave_days`` are the cuti bersama dates set by joint ministerial decree.
    """

    def __init__(self, extra_leave_days: Iterable[dt.date] = ()) -> None:
        self._extra = frozenset(extra_leave_days)
        self._holiday_table: Any = None
        # Answers kept per day: the lists of late cases ask about the same few hundred
        # days again and again, and the holiday table's look-up costs ~20 times a dict's.
        # A calendar is immutable (a change of days off makes a new one), so this never
        # goes stale.
        self._working: dict[dt.date, bool] = {}

    @property
    def _holidays(self) -> Any:
        # Imported on first use: the holidays package costs ~0.3 s to import, which a
        # desk should not pay before its window is up.
        if self._holiday_table is None:
            import holidays

            self._holiday_table = holidays.country_holidays("ID")
        return self._holiday_table

    def is_working_day(self, day: dt.date) -> bool:
        known = self._working.get(day)
        if known is None:
            known = day.weekday() < 5 and day not in self._holidays and day not in self._extra
            self._working[day] = known
        return known

    def holiday_name(self, day: dt.date) -> str | None:
        if day in self._extra:
            return QT_TRANSLATE_NOOP("Calendar", "Cuti bersama")
        name = self._holidays.get(day)
        return str(name) if name else None

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The date ``days`` working days after ``start`` (``start`` itself not counted).

        With ``days == 0``, ``start`` if it is a working day, else the next one.
        """
        if days < 0:
            raise ValueError("days must be >= 0")
        day = start
        if days == 0:
            while not self.is_working_day(day):
                day += dt.timedelta(days=1)
            return day
        remaining = days
        while remaining:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]: how many working days have passed since start."""
        if end <= start:
            return 0
        count = 0
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count
