"""What every part of the core works with: the settings, the clock, the database
engine and sessions, the working-day calendar and the cached area index.

The time limits and the days off are the settings' defaults with the
administrators' changes (tables ``time_limits`` and ``holidays``) on top, read again
at most once a minute and at once after a change (:meth:`CrmContext.forget_calendar`).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from complaint_domain.areas import Area as DomainArea
from complaint_domain.areas import AreaIndex, AreaLevel
from complaint_domain.complaint import WIB
from complaint_domain.workdays import WorkCalendar
from crm_server.core.queue_changes import QueueChanges
from crm_server.db import crypto
from crm_server.db.engine import make_engine, make_read_session_factory, make_session_factory
from crm_server.db.models import Area, Holiday, TimeLimit
from crm_server.settings import Settings

Clock = Callable[[], dt.datetime]
_AREA_CACHE_SECONDS = 60.0
_CALENDAR_CACHE_SECONDS = 60.0


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class CrmContext:
    """The state the core's functions share (the facade ``core.crm.Crm`` is one)."""

    def __init__(
        self, settings: Settings, clock: Clock = utc_now, engine: Engine | None = None
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.data_keys = crypto.load(settings.data_key, settings.data_key_file, settings.data_dir)
        crypto.install(self.data_keys)
        self.engine = engine or make_engine(settings.database_url)
        self.sessions: sessionmaker[Session] = make_session_factory(self.engine)
        # For the hot paths that only read (a desk's token, the queue's board).
        self.reads: sessionmaker[Session] = make_read_session_factory(self.engine)
        # who waits for a site's queue to change (the display screens' long poll)
        self.queue_changes = QueueChanges()
        self._areas: AreaIndex | None = None
        self._areas_loaded = 0.0
        self._working: _Working | None = None
        self._calendar_kept: tuple[tuple[dt.date, ...], WorkCalendar] | None = None

    def close(self) -> None:
        self.engine.dispose()

    def now(self) -> dt.datetime:
        return self.clock()

    def today(self) -> dt.date:
        """Working days are counted in Jakarta time."""
        return self.now().astimezone(WIB).date()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def areas(self) -> AreaIndex:
        """The area index, read again at most once a minute."""
        if self._areas is None or time.monotonic() - self._areas_loaded > _AREA_CACHE_SECONDS:
            with self.sessions() as session:
                rows = session.execute(select(Area.code, Area.name, Area.level)).all()
            self._areas = AreaIndex(DomainArea(c, n, AreaLevel(lv)) for c, n, lv in rows)
            self._areas_loaded = time.monotonic()
        return self._areas

    def forget_areas(self) -> None:
        """The areas changed: read them again at the next use."""
        self._areas = None

    # ------------------------------------------------ time limits and days off

    @property
    def calendar(self) -> WorkCalendar:
        """Weekends, public holidays, the settings' cuti bersama and the
        administrators' days off."""
        return self._working_days().calendar

    def time_limits(self) -> dict[str, int]:
        """Working days per state: the settings' with the administrators' changes."""
        return dict(self._working_days().limits)

    def leave_days(self) -> tuple[dt.date, ...]:
        """The extra days off (cuti bersama and the like), sorted."""
        return self._working_days().leave_days

    def forget_calendar(self) -> None:
        """An administrator changed a time limit or a day off: read them again."""
        self._working = None

    def _working_days(self) -> _Working:
        working = self._working
        if (
            working is None
            or working.settings is not self.settings
            or time.monotonic() - working.loaded > _CALENDAR_CACHE_SECONDS
        ):
            limits, days = self._read_working_days()
            leave = tuple(sorted({*self.settings.cuti_bersama, *days}))
            # The same days off keep the same calendar: its holiday table stays warm.
            kept = self._calendar_kept
            calendar = (
                kept if kept is not None and kept[0] == leave else (leave, WorkCalendar(leave))
            )
            self._calendar_kept = calendar
            working = self._working = _Working(
                self.settings,
                time.monotonic(),
                {**self.settings.time_limits, **limits},
                leave,
                calendar[1],
            )
        return working

    def _read_working_days(self) -> tuple[dict[str, int], list[dt.date]]:
        """Read outside any transaction (a raw pooled connection): the calendar is
        asked for inside other transactions, and on SQLite a second transaction of
        the same thread would wait for the first one's lock."""
        limits_sql = str(select(TimeLimit.status, TimeLimit.days).compile(self.engine))
        days_sql = str(select(Holiday.day).compile(self.engine))
        raw = self.engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute(limits_sql)
            limits = {str(status): int(days) for status, days in cursor.fetchall()}
            cursor.execute(days_sql)
            days = [
                value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
                for (value,) in cursor.fetchall()
            ]
            cursor.close()
        finally:
            raw.close()
        return limits, days


@dataclass(frozen=True)
class _Working:
    settings: Settings
    loaded: float
    limits: dict[str, int]
    leave_days: tuple[dt.date, ...]
    calendar: WorkCalendar
