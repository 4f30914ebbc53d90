"""What a supervisor reads: every desk's heartbeat (``/api/v1/desks``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from crm_server.core.errors import ApiError
from crm_server.supervisor_api.schemas import DeskStatus, DeskStatusResponse
from crm_server.web.deps import ERRORS, Credentials, CrmDep, bearer_token

router = APIRouter(responses=ERRORS)


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
