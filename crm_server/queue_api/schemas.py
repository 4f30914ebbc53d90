"""Request bodies of the queue API."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class IssueBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    priority: str = Field("", max_length=20)
    seat_call: bool = False
    # A returning citizen's receipt scanned at reception: the complaint to follow up.
    complaint_code: str = Field("", max_length=24)


class CallBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    officer: str = Field("", max_length=120)


class StepBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    officer: str = Field("", max_length=120)
    to_desk: str = Field("", max_length=6)
    complaint_code: str = Field("", max_length=24)


class EventsBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    events: list[dict[str, Any]] = Field(max_length=2000)
