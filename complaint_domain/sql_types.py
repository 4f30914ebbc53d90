"""The one database column type the desk's SQLite and the CRM's database share.

This is the only module of the shared domain that imports SQLAlchemy (an
import-linter contract keeps the rest pure, and keeps the rest from importing it):
both sides store timestamps the same way, so the type exists once, here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import DateTime, TypeDecorator
from sqlalchemy.engine import Dialect


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware datetimes stored as naive UTC (SQLite has no time zones of its own, and
    both databases then compare and sort the same way); read back as aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: every timestamp must carry its time zone")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        return value.replace(tzinfo=dt.UTC)
