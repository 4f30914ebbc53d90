"""The administrators' working-day settings: the time limit of each state and the
extra days off (cuti bersama, a holiday the ``holidays`` package does not know yet).

The settings (environment) give the defaults; a change here is a row in
``time_limits`` or ``holidays``, audited in the same transaction, and the core counts
it at once (``CrmContext.forget_calendar``): a new complaint's due date, overdue and
*digantung* all follow.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from crm_server.core.audit import add_audit
from crm_server.core.context import CrmContext
from crm_server.db.engine import transaction
from crm_server.db.models import Holiday, TimeLimit

MAX_LIMIT_DAYS = 365
MAX_HOLIDAY_NAME = 120


@dataclass(frozen=True)
class StateLimit:
    status: str
    days: int  # what the core counts now
    default: int  # the settings'

    @property
    def changed(self) -> bool:
        return self.days != self.default


@dataclass(frozen=True)
class DayOff:
    day: dt.date
    name: str


def state_limits(crm: CrmContext) -> list[StateLimit]:
    """Every state with a time limit, in the settings' order."""
    limits = crm.time_limits()
    return [
        StateLimit(status, limits.get(status, default), default)
        for status, default in crm.settings.time_limits.items()
    ]


def set_time_limits(crm: CrmContext, actor: str, days: dict[str, int]) -> list[str]:
    """Change the limits of some states (a value equal to the settings' default
    removes the change); the states that changed."""
    defaults = crm.settings.time_limits
    for status, value in days.items():
        if status not in defaults:
            raise ValueError(f"no time limit for the state {status!r}")
        if not 0 < value <= MAX_LIMIT_DAYS:
            raise ValueError(f"a time limit is 1 to {MAX_LIMIT_DAYS} working days")
    now = crm.now()
    current = crm.time_limits()
    changed = []
    with transaction(crm.sessions) as session:
        for status, value in days.items():
            before = current.get(status, defaults[status])
            if value == before:
                continue
            row = session.get(TimeLimit, status)
            if value == defaults[status]:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(TimeLimit(status=status, days=value))
            else:
                row.days = value
            add_audit(
                session,
                now,
                actor,
                "time_limit_changed",
                f"status:{status}",
                detail={"before": before, "after": value, "default": defaults[status]},
            )
            changed.append(status)
    crm.forget_calendar()
    return changed


def days_off(crm: CrmContext) -> list[DayOff]:
    """The administrators' days off, the earliest first."""
    with crm.sessions() as session:
        return [
            DayOff(row.day, row.name)
            for row in session.scalars(select(Holiday).order_by(Holiday.day))
        ]


def add_day_off(crm: CrmContext, actor: str, day: dt.date, name: str) -> bool:
    """Add (or rename) a day off; False when the day already had that name."""
    name = " ".join(name.split())
    if not name or len(name) > MAX_HOLIDAY_NAME:
        raise ValueError(f"a day off needs a name of 1 to {MAX_HOLIDAY_NAME} characters")
    with transaction(crm.sessions) as session:
        row = session.get(Holiday, day)
        if row is not None and row.name == name:
            return False
        if row is None:
            session.add(Holiday(day=day, name=name))
        else:
            row.name = name
        add_audit(
            session,
            crm.now(),
            actor,
            "holiday_added",
            f"day:{day.isoformat()}",
            detail={"name": name},
        )
    crm.forget_calendar()
    return True


def remove_day_off(crm: CrmContext, actor: str, day: dt.date) -> bool:
    with transaction(crm.sessions) as session:
        row = session.get(Holiday, day)
        if row is None:
            return False
        name = row.name
        session.delete(row)
        add_audit(
            session,
            crm.now(),
            actor,
            "holiday_removed",
            f"day:{day.isoformat()}",
            detail={"name": name},
        )
    crm.forget_calendar()
    return True
