"""What the supervisor view reads: each desk's heartbeat, and the Pantauan page."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field


class DeskStatus(BaseModel):
    code: str
    site: str
    enrolled: bool
    last_heartbeat_at: dt.datetime | None
    pending_count: int | None
    oldest_unsent_age_seconds: int | None
    app_version: str | None
    last_push_at: dt.datetime | None


class DeskStatusResponse(BaseModel):
    desks: list[DeskStatus]


# ---------------------------------------------------------------- the Pantauan page


class SiteDesk(BaseModel):
    code: str
    enrolled: bool
    officer: str
    online: bool
    last_heartbeat_at: dt.datetime | None
    heartbeat_age_seconds: int | None
    pending_count: int | None
    oldest_unsent_age_seconds: int | None = Field(
        description="Age now of the oldest unsent item (the last heartbeat's, aged since)"
    )
    last_push_at: dt.datetime | None
    app_version: str
    outdated: bool
    clock_offset_seconds: int | None = Field(description="Desk clock minus CRM clock")
    silent: bool
    silent_reasons: list[Literal["unsent", "no_heartbeat"]]


class Count(BaseModel):
    count: int


class DeskCount(Count):
    desk: str


class OfficerCount(DeskCount):
    officer: str


class HourCount(Count):
    hour: int


class DayCount(Count):
    day: dt.date


class StateCount(Count):
    status: str


class Recorded(BaseModel):
    first_day: dt.date
    days: int
    total: int
    per_desk: list[DeskCount]
    per_officer: list[OfficerCount]
    per_hour: list[HourCount]
    per_day: list[DayCount]


class Thresholds(BaseModel):
    unsent_minutes: int
    heartbeat_minutes: int
    opens: str
    closes: str


class ListedComplaint(BaseModel):
    """No personal data: the code, the facts of the case and where it stands."""

    ticket_code: str
    desk: str
    category_code: str
    kelurahan_code: str
    status: str
    public_label: str
    unit: str
    status_since: dt.datetime
    due_date: dt.date | None
    working_days_late: int
    last_public_update_at: dt.datetime
    quiet_working_days: int


class SupervisionResponse(BaseModel):
    site: str
    as_of: dt.datetime
    today: dt.date
    expected_app_version: str
    thresholds: Thresholds
    desks: list[SiteDesk]
    recorded: Recorded
    per_state: list[StateCount]
    overdue_total: int
    overdue: list[ListedComplaint]
    digantung_days: int
    digantung_total: int
    digantung: list[ListedComplaint]


class PublicStep(BaseModel):
    at: dt.datetime
    status: str
    public_label: str
    unit: str
    note: str


class ComplaintHistory(ListedComplaint):
    events: list[PublicStep]
