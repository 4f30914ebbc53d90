"""What a supervisor reads: every desk's heartbeat (``/api/v1/desks``), and the
desk's "Pantauan" page for its own site (``/api/v1/supervision``)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from crm_server.core import supervision
from crm_server.core.bounds import check_day
from crm_server.core.errors import ApiError
from crm_server.core.schemas import Text
from crm_server.supervisor_api.schemas import (
    ComplaintHistory,
    DeskStatus,
    DeskStatusResponse,
    SupervisionResponse,
)
from crm_server.web.deps import ERRORS, Credentials, CrmDep, DeskDep, bearer_token

router = APIRouter(responses=ERRORS)
HOUR_MINUTE = r"^([01]\d|2[0-3]):[0-5]\d$"
TicketPath = Annotated[Text, Path(max_length=30)]


@router.get("/api/v1/desks", response_model=DeskStatusResponse, tags=["supervisor"])
def desks(crm: CrmDep, credentials: Credentials) -> dict[str, Any]:
    """Per-desk heartbeat for the supervisor view: a desk token sees the desks of its
    own site, a staff token sees every desk."""
    token = bearer_token(credentials)
    try:
        site: str | None = crm.desk_for_token(token).site
    except ApiError:
        crm.user_for_token(token)
        site = None
    return {
        "desks": [
            DeskStatus(
                code=d.code,
                site=d.site,
                enrolled=d.token_hash is not None,
                last_heartbeat_at=d.last_heartbeat_at,
                pending_count=d.pending_count,
                oldest_unsent_age_seconds=d.oldest_unsent_age_s,
                app_version=d.app_version,
                last_push_at=d.last_push_at,
            )
            for d in crm.desk_statuses(site)
        ]
    }


def _time(text: str) -> dt.time:
    hours, minutes = text.split(":")
    return dt.time(int(hours), int(minutes))


@router.get("/api/v1/supervision", response_model=SupervisionResponse, tags=["supervisor"])
def supervision_overview(
    crm: CrmDep,
    desk: DeskDep,
    unsent_minutes: Annotated[int, Query(ge=1, le=24 * 60)] = 120,
    heartbeat_minutes: Annotated[int, Query(ge=1, le=24 * 60)] = 30,
    opens: Annotated[str, Query(pattern=HOUR_MINUTE)] = "08:00",
    closes: Annotated[str, Query(pattern=HOUR_MINUTE)] = "16:00",
    day: dt.date | None = None,
    days: Annotated[int, Query(ge=1, le=supervision.MAX_DAYS)] = 1,
) -> dict[str, Any]:
    """The desk's own site only (a desk token never sees another site): its desks
    (silent when receipts wait longer than ``unsent_minutes``, or during opening
    hours no heartbeat came for ``heartbeat_minutes``), what was recorded from
    ``day`` (today) for ``days`` days, the counts per state and the overdue and
    *digantung* lists, oldest first. No personal data."""
    check_day(day, "day")
    thresholds = supervision.Thresholds(
        unsent=dt.timedelta(minutes=unsent_minutes),
        heartbeat=dt.timedelta(minutes=heartbeat_minutes),
        opens=_time(opens),
        closes=_time(closes),
    )
    return supervision.overview(crm, desk.site, thresholds, day, days)


@router.get(
    "/api/v1/supervision/complaints/{ticket_code}",
    response_model=ComplaintHistory,
    tags=["supervisor"],
)
def supervision_history(crm: CrmDep, desk: DeskDep, ticket_code: TicketPath) -> dict[str, Any]:
    """One complaint recorded at a desk of this desk's site: its public steps. Any
    other code (unknown, or another site's) is the same 404."""
    found = supervision.history(crm, desk.site, ticket_code.strip().upper())
    if found is None:
        raise ApiError(404, "not_found", "Aduan tidak ditemukan di lokasi ini.", "ticket_code")
    return found
