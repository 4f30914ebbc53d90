"""``POST /api/v1/sync/lookup``: an enrolled desk finds complaints of any channel by
ticket code, phone number or NIK (``core.desk_lookup``).

A POST, not a GET: the phone number or NIK travels in the body, never in a URL
that an access log, a proxy or a browser history would keep."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from crm_server.core import desk_lookup
from crm_server.core.errors import ApiError
from crm_server.core.schemas import Strict, Text
from crm_server.web.deps import ERRORS, CrmDep, DeskDep
from crm_server.web.ratelimit import RateLimits
from crm_server.web.schemas import ErrorBody

router = APIRouter(responses=ERRORS)


class LookupRequest(Strict):
    kind: Literal["ticket", "phone", "nik"]
    value: Text = Field(min_length=1, max_length=100)
    # The officer signed in at the desk (their user name): for the CRM's audit log.
    officer: Text = Field(min_length=1, max_length=120)


class PublicNote(BaseModel):
    note: str
    at: dt.datetime
    label: str


class FoundComplaint(BaseModel):
    """A complaint as a desk may see it: its facts and state, no personal data."""

    id: uuid.UUID
    ticket_code: str
    channel: str
    channel_name: str
    desk: str = Field(description='The desk that recorded it ("": another channel)')
    status: str
    public_label: str
    unit: str
    kelurahan_code: str
    kelurahan_name: str
    category_code: str
    received_at: dt.datetime
    due_date: dt.date | None
    overdue: bool
    working_days_late: int
    last_public_note: PublicNote | None


class LookupResponse(BaseModel):
    complaints: list[FoundComplaint]
    more: bool = Field(
        False,
        description="More complaints match than the 20 newest listed: the officer asks the "
        "citizen for the ticket code of another one",
    )


@router.post(
    "/api/v1/sync/lookup",
    response_model=LookupResponse,
    tags=["sync"],
    responses={429: {"model": ErrorBody, "description": "Too many lookups (Retry-After)"}},
)
def lookup(request: Request, crm: CrmDep, desk: DeskDep, body: LookupRequest) -> dict[str, Any]:
    """The complaints of any channel that the key finds, newest first (at most 20;
    ``more`` says whether there are others).
    Each lookup is audited at the CRM (desk, officer, kind of key; never the key)."""
    limits: RateLimits = request.app.state.rate_limits
    wait = limits.desk_lookup.hit((f"desk:{desk.id}", 1))
    if wait is not None:
        raise ApiError(
            429,
            "rate_limited",
            f"Too many lookups from this desk; try again in {wait} s.",
            headers={"Retry-After": str(wait)},
        )
    return desk_lookup.lookup(crm, desk, body.officer, body.kind, body.value)
