"""The administrators' time limits and days off in the core: what ``CrmContext``
counts (due dates, overdue, *digantung*), at once in the process that changed them
and within the cache's minute in another one."""

from __future__ import annotations

import datetime as dt

import pytest

from complaint_domain.status import Status
from crm_server.core import context, timing
from crm_server.core.calendar_settings import (
    add_day_off,
    days_off,
    remove_day_off,
    set_time_limits,
    state_limits,
)
from crm_server.core.crm import Crm
from crm_server.db.models import Complaint

WEDNESDAY = dt.datetime(2026, 11, 18, 2, 0, tzinfo=dt.UTC)  # 09:00 WIB
THURSDAY = dt.date(2026, 11, 19)


def quiet_complaint(since: dt.datetime) -> Complaint:
    return Complaint(status=Status.IN_PROGRESS.value, last_public_update_at=since)


def test_a_day_off_counts_for_due_dates_and_digantung(crm: Crm) -> None:
    assert timing.due_date(crm, Status.RECEIVED, WEDNESDAY) == THURSDAY
    complaint = quiet_complaint(WEDNESDAY)
    a_week_later = dt.date(2026, 11, 25)
    assert timing.quiet_days(crm, complaint, a_week_later) == 5
    assert timing.is_digantung(crm, complaint, a_week_later)
    assert add_day_off(crm, "admin.crm", THURSDAY, "Cuti bersama")
    assert not add_day_off(crm, "admin.crm", THURSDAY, "Cuti  bersama")  # the same name
    assert timing.due_date(crm, Status.RECEIVED, WEDNESDAY) == THURSDAY + dt.timedelta(days=1)
    assert timing.quiet_days(crm, complaint, a_week_later) == 4
    assert not timing.is_digantung(crm, complaint, a_week_later)
    assert crm.leave_days() == (THURSDAY,)
    assert [d.name for d in days_off(crm)] == ["Cuti bersama"]
    assert remove_day_off(crm, "admin.crm", THURSDAY)
    assert not remove_day_off(crm, "admin.crm", THURSDAY)
    assert timing.due_date(crm, Status.RECEIVED, WEDNESDAY) == THURSDAY


def test_a_changed_time_limit_counts_and_the_default_removes_it(crm: Crm) -> None:
    assert set_time_limits(crm, "admin.crm", {"verification": 6, "received": 1}) == ["verification"]
    assert timing.due_date(crm, Status.VERIFICATION, WEDNESDAY) == dt.date(2026, 11, 26)
    [verification] = [s for s in state_limits(crm) if s.status == "verification"]
    assert (verification.days, verification.default, verification.changed) == (6, 3, True)
    assert set_time_limits(crm, "admin.crm", {"verification": 3}) == ["verification"]
    assert crm.time_limits() == crm.settings.time_limits
    with pytest.raises(ValueError, match="working days"):
        set_time_limits(crm, "admin.crm", {"received": 0})
    with pytest.raises(ValueError, match="no time limit"):
        set_time_limits(crm, "admin.crm", {"done": 3})


def test_another_process_sees_the_change_when_its_cache_expires(
    crm: Crm, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = Crm(crm.settings, clock=crm.clock)
    try:
        assert other.time_limits()["received"] == 1  # read and cached
        set_time_limits(crm, "admin.crm", {"received": 2})
        add_day_off(crm, "admin.crm", THURSDAY, "Cuti bersama")
        assert other.time_limits()["received"] == 1  # still within its minute
        monkeypatch.setattr(context, "_CALENDAR_CACHE_SECONDS", 0.0)
        assert other.time_limits()["received"] == 2
        assert not other.calendar.is_working_day(THURSDAY)
    finally:
        other.close()
