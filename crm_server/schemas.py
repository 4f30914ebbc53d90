"""The wire format of sync protocol v1 (docs/sync-protocol.md), as pydantic models.

Push items are validated one by one, so one bad item is rejected with a field name
while the rest of the batch is accepted.

Every string a client sends is :data:`Text`: PostgreSQL text and jsonb cannot hold
NUL (U+0000), so a NUL let through would end as a 500 from the database. Request
bodies and the API's query, path and header parameters use the type; Open311, which
reads its parameters by hand, applies :func:`holds_nul` to them (``open311.checked``);
the tracking page's code and token are "not found" when they hold one
(``tracking.lookup``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, TypeAdapter
from pydantic_core import PydanticCustomError

from complaint_domain.validation import LIMITS

MAX_BATCH = 100
NUL_MESSAGE = "Text must not contain NUL characters."


def holds_nul(text: str) -> bool:
    return "\x00" in text


def _refuse_nul(text: str) -> str:
    if holds_nul(text):
        raise PydanticCustomError("nul_character", NUL_MESSAGE)
    return text


# A string from a client (see the module docstring). A plain function rather than a
# pattern: pydantic calls it about twice as fast as it matches a regex.
Text = Annotated[str, AfterValidator(_refuse_nul)]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
AppVersion = Annotated[Text, Field(max_length=40)]
IDEMPOTENCY_KEY = TypeAdapter(Annotated[Text, Field(min_length=1, max_length=200)])


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorDetail(BaseModel):
    code: str
    message: str
    field: str | None = None


class ErrorBody(BaseModel):
    error: ErrorDetail


class AttachmentRef(Strict):
    sha256: Sha256
    size: int = Field(ge=1)
    media_type: Text = Field(max_length=60)
    original_name: Text = Field(default="", max_length=200)


class ComplainantIn(Strict):
    name: Text = Field(min_length=1, max_length=LIMITS["name"])
    nik: Text = Field(default="", pattern=r"^(\d{16})?$")
    phone: Text = Field(default="", pattern=r"^(\+\d{6,15})?$")
    address: Text = Field(default="", max_length=LIMITS["address"])
    keep_identity_private: bool = False
    consent_given_at: AwareDatetime


class LocationIn(Strict):
    kelurahan_code: Text = Field(pattern=r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$")
    rt_rw: Text = Field(default="", max_length=LIMITS["rt_rw"])
    street: Text = Field(default="", max_length=LIMITS["street"])
    landmark: Text = Field(default="", max_length=LIMITS["landmark"])
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)


class ComplaintItem(Strict):
    type: Literal["complaint"]
    id: uuid.UUID
    ticket_code: Text = Field(max_length=30)
    tracking_token: Text = Field(pattern=r"^[0-9A-HJKMNP-TV-Z]{6}$")
    created_at: AwareDatetime
    channel: Text = Field(max_length=20)
    officer: Text = Field(min_length=1, max_length=120)
    urgency: Literal["normal", "urgent"] = "normal"
    category_code: Text = Field(max_length=40)
    description: Text = Field(min_length=1, max_length=LIMITS["description"])
    earlier_references: list[Annotated[Text, Field(max_length=LIMITS["reference"])]] = Field(
        default_factory=list, max_length=20
    )
    complainant: ComplainantIn
    location: LocationIn
    attachments: list[AttachmentRef] = Field(default_factory=list, max_length=10)


class EventItem(Strict):
    type: Literal["event"]
    id: uuid.UUID
    complaint_id: uuid.UUID
    ticket_code: Text = Field(max_length=30)
    kind: Literal["citizen_added", "note"]
    at: AwareDatetime
    note: Text = Field(default="", max_length=LIMITS["note"])
    attachments: list[AttachmentRef] = Field(default_factory=list, max_length=10)


PushItem = Annotated[ComplaintItem | EventItem, Field(discriminator="type")]
PUSH_ITEM = TypeAdapter(PushItem)


class PushRequest(BaseModel):
    """The push body. One valid as a whole is validated with this model in one pass;
    any other is read and checked item by item (``service._Push.read``)."""

    items: list[PushItem] = Field(max_length=MAX_BATCH)


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


class HeartbeatResponse(BaseModel):
    received_at: dt.datetime


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


class Health(BaseModel):
    status: Literal["ok"]
    database: Literal["ok"]


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


class ActionRequest(Strict):
    action: Literal[
        "accept", "reject", "merge", "handle", "forward", "assign", "report", "approve", "return"
    ]
    note: Text = Field(default="", max_length=LIMITS["note"])
    reason: Text = Field(default="", max_length=500)
    target_ticket: Text = Field(default="", max_length=30)
    agency_code: Text = Field(default="", max_length=20)
    attachments: list[AttachmentRef] = Field(default_factory=list, max_length=10)


class EventOut(BaseModel):
    seq: int
    event_id: uuid.UUID
    kind: str
    status: str
    actor: str
    note: str
    unit: str
    at: dt.datetime


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


class ComplaintDetail(ComplaintSummary):
    description: str
    urgency: str
    channel: str
    reason: str
    merged_into: str
    events: list[EventOut]


class ComplaintList(BaseModel):
    complaints: list[ComplaintSummary]
