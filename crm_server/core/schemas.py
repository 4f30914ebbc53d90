"""What the core reads from clients, as pydantic models: the push body of sync
protocol v1 (docs/sync-protocol.md) and a workflow action. The fronts' answers have
their own schemas beside their routes.

Push items are validated one by one, so one bad item is rejected with a field name
while the rest of the batch is accepted.

Every string a client sends is :data:`Text`: PostgreSQL text and jsonb cannot hold
NUL (U+0000), so a NUL let through would end as a 500 from the database. Request
bodies and the API's query, path and header parameters use the type; Open311, which
reads its parameters by hand, applies :func:`holds_nul` to them
(``open311.params.checked``); the tracking page's code and token are "not found"
when they hold one (``tracking.view.lookup``).
"""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    model_validator,
)
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
    # A separate consent: news of the complaint by SMS to ``phone`` (optional: older desks).
    sms_consent: bool = False


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
    # desk_visit: the citizen came to this desk about a complaint of any channel (one
    # this desk did not record too); the officer's note is for the staff only.
    kind: Literal["citizen_added", "note", "reporter_added", "desk_visit"]
    at: AwareDatetime
    note: Text = Field(default="", max_length=LIMITS["note"])
    # The officer who recorded it (desk_visit; older desks send none).
    officer: Text = Field(default="", max_length=80)
    attachments: list[AttachmentRef] = Field(default_factory=list, max_length=10)
    # reporter_added: a further citizen who reported the same problem (a co-reporter),
    # with their own consent; the same fields as a complaint's complainant.
    reporter: ComplainantIn | None = None

    @model_validator(mode="after")
    def _reporter_with_its_kind(self) -> EventItem:
        if (self.kind == "reporter_added") != (self.reporter is not None):
            raise PydanticCustomError(
                "reporter_mismatch", "reporter is required for reporter_added, and only there."
            )
        return self


PushItem = Annotated[ComplaintItem | EventItem, Field(discriminator="type")]
PUSH_ITEM = TypeAdapter(PushItem)


class PushRequest(BaseModel):
    """The push body. One valid as a whole is validated with this model in one pass;
    any other is read and checked item by item (``core.push.batch.Batch.read``)."""

    model_config = ConfigDict(extra="forbid")

    items: list[PushItem] = Field(max_length=MAX_BATCH)


class ActionRequest(Strict):
    action: Literal[
        "accept", "reject", "merge", "handle", "forward", "assign", "report", "approve", "return"
    ]
    # The public note: on the step's status event, which the citizen reads on the
    # tracking page and Open311 clients receive (refused when it looks like it holds
    # personal data: ``complaint_domain.public_note``).
    note: Text = Field(default="", max_length=LIMITS["note"])
    # The internal note: a separate event for the staff only, never published.
    internal_note: Text = Field(default="", max_length=LIMITS["note"])
    reason: Text = Field(default="", max_length=500)
    target_ticket: Text = Field(default="", max_length=30)
    agency_code: Text = Field(default="", max_length=20)
    # At acceptance, the kelurahan of a complaint that came without one the CRM knows
    # (Open311 without an address id, a desk's newer area code): without it nobody
    # below the city could see or act on the complaint.
    kelurahan_code: Text = Field(default="", max_length=20)
    attachments: list[AttachmentRef] = Field(default_factory=list, max_length=10)
