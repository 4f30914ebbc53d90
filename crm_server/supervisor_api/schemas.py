"""What the supervisor view reads: each desk's heartbeat."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel


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
