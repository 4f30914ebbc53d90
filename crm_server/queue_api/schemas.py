"""Request bodies of the queue API. Every string is :data:`Text` (no NUL reaches the
database)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from crm_server.core.bounds import FIRST_DAY, LAST_DAY, MAX_ROW_ID, is_sane_day
from crm_server.core.schemas import Text

Action = Literal["recall", "no-show", "reinstate", "transfer", "start", "finish", "link"]
Kind = Literal[
    "issued",
    "called",
    "recalled",
    "no_show",
    "reinstated",
    "transferred",
    "started",
    "finished",
    "linked",
]


def _aware(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        raise ValueError("A time must carry its UTC offset.")
    # A queue's day is worked out from the time: the year 9999 overflowed (a 500).
    if not is_sane_day(value.date()):
        raise ValueError(f"A time must fall between {FIRST_DAY} and {LAST_DAY}.")
    return value


class IssueBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    priority: Text = Field("", max_length=20)
    seat_call: bool = False
    # A returning citizen's receipt scanned at reception: the complaint to follow up.
    complaint_code: Text = Field("", max_length=24)


class CallBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    officer: Text = Field("", max_length=120)


class StepBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    officer: Text = Field("", max_length=120)
    to_desk: Text = Field("", max_length=6)
    complaint_code: Text = Field("", max_length=24)


class QueueEventIn(BaseModel):
    """One step a desk took while the CRM was unreachable."""

    model_config = ConfigDict(extra="forbid")
    id: uuid.UUID
    ticket_id: uuid.UUID
    kind: Kind
    at: Annotated[dt.datetime, AfterValidator(_aware)]
    officer: Text = Field("", max_length=120)
    to_desk: Text = Field("", max_length=6)
    complaint_code: Text = Field("", max_length=24)
    # The "issued" event's ticket (its number carries the desk's code).
    number: Text = Field("", max_length=16)
    seq: int = Field(0, ge=0, le=MAX_ROW_ID)
    priority: Text = Field("", max_length=20)
    seat_call: bool = False


class EventsBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    events: list[QueueEventIn] = Field(max_length=2000)
