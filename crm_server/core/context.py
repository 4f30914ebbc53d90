"""What every part of the core works with: the settings, the clock, the database
engine and sessions, the working-day calendar and the cached area index."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from complaint_domain.areas import Area as DomainArea
from complaint_domain.areas import AreaIndex, AreaLevel
from complaint_domain.complaint import WIB
from complaint_domain.workdays import WorkCalendar
from crm_server.db.engine import make_engine, make_session_factory
from crm_server.db.models import Area
from crm_server.settings import Settings

Clock = Callable[[], dt.datetime]
_AREA_CACHE_SECONDS = 60.0


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class CrmContext:
    """The state the core's functions share (the facade ``core.crm.Crm`` is one)."""

    def __init__(
        self, settings: Settings, clock: Clock = utc_now, engine: Engine | None = None
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.engine = engine or make_engine(settings.database_url)
        self.sessions: sessionmaker[Session] = make_session_factory(self.engine)
        self.calendar = WorkCalendar(settings.cuti_bersama)
        self._areas: AreaIndex | None = None
        self._areas_loaded = 0.0

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
