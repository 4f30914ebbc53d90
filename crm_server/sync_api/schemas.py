"""The answers of desk sync API v1 (and its enrolment and heartbeat bodies); the push
body itself is read by the core (``crm_server.core.schemas``)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import BaseModel, Field

from crm_server.core.schemas import AppVersion, Strict, Text
from crm_server.web.schemas import ErrorDetail


class PushResult(BaseModel):
    id: str
    outcome: Literal["accepted", "already_had", "rejected"]
    crm_id: str | None = None
    error: ErrorDetail | None = None


class PushResponse(BaseModel):
    results: list[PushResult]


class EnrolRequest(Strict):
    enrolment_code: Text = Field(min_length=1, max_length=40)
    app_version: AppVersion = ""


class EnrolResponse(BaseModel):
    desk_code: str
    site: str
    token: str
    token_type: Literal["bearer"] = "bearer"
    # The host the desk prints in receipt QR codes: the CRM's public tracking page.
    tracking_host: str = ""
    # The help line the desk prints on its receipts ("": none known; never 112).
    help_phone: str = ""


class Change(BaseModel):
    seq: int
    event_id: uuid.UUID
    complaint_id: uuid.UUID
    ticket_code: str
    kind: str
    status: str
    public_label: str
    note: str
    unit: str
    at: dt.datetime


class ChangesResponse(BaseModel):
    changes: list[Change]
    next_cursor: int
    has_more: bool


class HeartbeatRequest(Strict):
    pending_count: int = Field(ge=0, le=10_000_000)
    oldest_unsent_age_seconds: int | None = Field(default=None, ge=0, le=10**9)
    app_version: AppVersion = ""
    # Optional (desks before 0006 send neither): the officer signed in at the desk
    # ("" when nobody is) and the desk's own clock when it sent this, for the offset.
    officer: Text | None = Field(default=None, max_length=120)
    desk_time: dt.datetime | None = None


class HeartbeatResponse(BaseModel):
    received_at: dt.datetime
    # The desk release rolled out now (MEJA_CRM_DESK_RELEASE) and where to get it;
    # null when none is announced. Added fields: a desk that does not know them ignores them.
    desk_release: str | None = None
    desk_download_url: str | None = None


class ReferenceCategory(BaseModel):
    code: str
    name: str
    parent: str | None
    agency: str


class ReferenceAgency(BaseModel):
    code: str
    name: str
    kota_unit: str


class ReferenceArea(BaseModel):
    code: str
    name: str
    level: str


class ReferenceChannel(BaseModel):
    code: str
    name: str


class ReferenceResponse(BaseModel):
    version: str
    categories: list[ReferenceCategory]
    agencies: list[ReferenceAgency]
    channels: list[ReferenceChannel]
    areas: list[ReferenceArea]
    # Working days per state ("received": the first response a receipt promises).
    time_limits: dict[str, int]
    cuti_bersama: list[str]  # extra leave days, YYYY-MM-DD
