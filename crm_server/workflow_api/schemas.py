"""The answers of the workflow API: a complaint's summary, its detail with steps, lists."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import BaseModel, Field


class EventOut(BaseModel):
    seq: int
    event_id: uuid.UUID
    kind: str
    status: str
    actor: str
    note: str
    unit: str
    at: dt.datetime
    public: bool = True


class ComplaintSummary(BaseModel):
    crm_id: str
    id: uuid.UUID
    ticket_code: str
    status: str
    public_label: str
    category_code: str
    kelurahan_code: str
    agency_code: str
    unit: str
    status_since: dt.datetime
    due_date: dt.date | None
    overdue: bool
    digantung: bool
    last_public_update_at: dt.datetime
    reporter_count: int = Field(
        description="How many citizens reported this problem: the first and every co-reporter."
    )


class ComplaintDetail(ComplaintSummary):
    description: str
    urgency: str
    channel: str
    reason: str
    merged_into: str
    events: list[EventOut]


class ComplaintList(BaseModel):
    complaints: list[ComplaintSummary]


class SmsMessageOut(BaseModel):
    """One SMS to a citizen (issue 21): the number masked, the text holds nothing personal."""

    kind: str
    to: str = Field(description="The number, masked (+62812******90).")
    text: str
    state: str = Field(description="queued, handing, handed, sent, delivered, failed, cancelled")
    attempts: int
    created_at: dt.datetime
    handed_at: dt.datetime | None
    done_at: dt.datetime | None
    error: str


class SmsMessages(BaseModel):
    messages: list[SmsMessageOut]


class SmsFailure(BaseModel):
    ticket_code: str
    kind: str
    error: str


class SmsTotals(BaseModel):
    day: dt.date
    total: int
    by_state: dict[str, int]
    by_kind: dict[str, int]
    failures: list[SmsFailure]
