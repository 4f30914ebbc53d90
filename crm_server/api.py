"""Desk sync API v1, the workflow API and health (JSON). See docs/sync-protocol.md."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import text

from crm_server.errors import ApiError, unauthorized
from crm_server.ratelimit import RateLimits
from crm_server.schemas import (
    ActionRequest,
    ChangesResponse,
    ComplaintDetail,
    ComplaintList,
    DeskStatus,
    DeskStatusResponse,
    EnrolRequest,
    EnrolResponse,
    ErrorBody,
    Health,
    HeartbeatRequest,
    HeartbeatResponse,
    PushRequest,
    PushResponse,
    ReferenceResponse,
    Text,
)
from crm_server.service import Crm, DeskAuth, UserAuth
from crm_server.workflow import Workflow

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": "Error"}
    for code in (400, 401, 403, 404, 409, 413, 422)
}
bearer = HTTPBearer(auto_error=False, description="Per-desk token from enrolment, or a staff token")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]

router = APIRouter(responses=ERRORS)


def get_crm(request: Request) -> Crm:
    crm: Crm = request.app.state.crm
    return crm


CrmDep = Annotated[Crm, Depends(get_crm)]


def _token(credentials: HTTPAuthorizationCredentials | None) -> str:
    if credentials is None or not credentials.credentials:
        raise unauthorized()
    return credentials.credentials


def desk_auth(crm: CrmDep, credentials: Credentials) -> DeskAuth:
    return crm.desk_for_token(_token(credentials))


def user_auth(crm: CrmDep, credentials: Credentials) -> UserAuth:
    return crm.user_for_token(_token(credentials))


DeskDep = Annotated[DeskAuth, Depends(desk_auth)]
UserDep = Annotated[UserAuth, Depends(user_auth)]


@router.get("/healthz", response_model=Health, tags=["health"])
def healthz(crm: CrmDep) -> dict[str, str]:
    with crm.sessions() as session:
        session.execute(text("SELECT 1"))
    return {"status": "ok", "database": "ok"}


async def enrol_limit(request: Request) -> None:
    """A desk needs one or two tries; a few a minute from one address
    (MEJA_CRM_ENROL_PER_MINUTE) leaves the one-time codes nothing to guess at scale."""
    limits: RateLimits = request.app.state.rate_limits
    wait = limits.enrol.hit_client(request)
    if wait is not None:
        raise ApiError(
            429,
            "rate_limited",
            f"Too many enrolment attempts from this address; try again in {wait} s.",
            headers={"Retry-After": str(wait)},
        )


@router.post(
    "/api/v1/enrol",
    response_model=EnrolResponse,
    tags=["sync"],
    dependencies=[Depends(enrol_limit)],
    responses={429: {"model": ErrorBody, "description": "Too many attempts (Retry-After)"}},
)
def enrol(crm: CrmDep, body: EnrolRequest) -> dict[str, str]:
    desk, token = crm.enrol(body.enrolment_code, body.app_version)
    return {
        "desk_code": desk.code,
        "site": desk.site,
        "token": token,
        "token_type": "bearer",
        "tracking_host": crm.settings.public_host,
    }


_PUSH_SCHEMA = PushRequest.model_json_schema(ref_template="#/components/schemas/{model}")


@router.post(
    "/api/v1/sync/complaints",
    response_model=PushResponse,
    tags=["sync"],
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/PushRequest"}}
            },
        },
        "parameters": [
            {
                "name": "Idempotency-Key",
                "in": "header",
                "required": False,
                "schema": {"type": "string", "maxLength": 200},
            }
        ],
    },
)
async def push(request: Request, crm: CrmDep, credentials: Credentials) -> Response:
    token = _token(credentials)
    raw = await request.body()
    key = request.headers.get("idempotency-key")
    # One trip to the worker thread for the token check, the parsing and the push (a
    # DeskDep dependency would cost a second one), and the answer leaves as bytes: it
    # is built as plain dicts in the shape of PushResponse, so FastAPI's validation
    # of the response model would only rebuild 100 models to serialise them.
    return await run_in_threadpool(_push, crm, token, raw, key)


def _push(crm: Crm, token: str, raw: bytes, key: str | None) -> Response:
    answer = crm.push_request(token, raw, key)
    # A replayed answer goes through the same encoding: the same bytes as the first.
    content = json.dumps(answer, separators=(",", ":")).encode()
    return Response(content, media_type="application/json")


@router.put(
    "/api/v1/attachments/{sha256}",
    status_code=201,
    tags=["sync"],
    responses={
        200: {"description": "Already stored"},
        201: {"description": "Stored"},
        415: {"model": ErrorBody},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                t: {"schema": {"type": "string", "format": "binary"}}
                for t in ("image/jpeg", "image/png", "image/webp", "image/tiff", "application/pdf")
            },
        }
    },
)
async def put_attachment(
    request: Request,
    crm: CrmDep,
    desk: DeskDep,
    sha256: Annotated[str, Path(pattern=r"^[0-9a-fA-F]{64}$")],
) -> Response:
    media_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    data = await request.body()
    created = await run_in_threadpool(crm.store_attachment, desk, sha256.lower(), media_type, data)
    return Response(status_code=201 if created else 200)


@router.get("/api/v1/sync/changes", response_model=ChangesResponse, tags=["sync"])
def changes(
    crm: CrmDep,
    desk: DeskDep,
    cursor: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> dict[str, Any]:
    rows, next_cursor, has_more = crm.changes(desk, cursor, limit)
    return {"changes": rows, "next_cursor": next_cursor, "has_more": has_more}


@router.get(
    "/api/v1/reference",
    response_model=ReferenceResponse,
    tags=["sync"],
    responses={304: {"description": "Not modified"}},
)
def reference(
    crm: CrmDep,
    desk: DeskDep,
    response: Response,
    if_none_match: Annotated[Text | None, Header(max_length=500)] = None,
) -> Any:
    document, version = crm.reference()
    etag = f'"{version}"'
    if if_none_match and (
        if_none_match.strip() == "*"
        or etag in [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
    ):
        return Response(status_code=304, headers={"ETag": etag})
    response.headers["ETag"] = etag
    response.headers["Cache-Control"] = "no-cache"
    return document


@router.post("/api/v1/sync/heartbeat", response_model=HeartbeatResponse, tags=["sync"])
def heartbeat(crm: CrmDep, desk: DeskDep, body: HeartbeatRequest) -> dict[str, Any]:
    at = crm.heartbeat(desk, body.pending_count, body.oldest_unsent_age_seconds, body.app_version)
    return {"received_at": at}


@router.get("/api/v1/desks", response_model=DeskStatusResponse, tags=["supervisor"])
def desks(crm: CrmDep, credentials: Credentials) -> dict[str, Any]:
    """Per-desk heartbeat for the supervisor view: a desk token sees the desks of its
    own site, a staff token sees every desk."""
    token = _token(credentials)
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


# ---------------------------------------------------------------------- workflow

TicketPath = Annotated[Text, Path(max_length=40)]


@router.post(
    "/api/v1/workflow/complaints/{ticket_code}/actions",
    response_model=ComplaintDetail,
    tags=["workflow"],
)
def act(crm: CrmDep, user: UserDep, ticket_code: TicketPath, body: ActionRequest) -> Any:
    workflow = Workflow(crm)
    complaint = workflow.act(user, ticket_code, body)
    return workflow.detail(complaint.ticket_code)


@router.get(
    "/api/v1/workflow/complaints/{ticket_code}", response_model=ComplaintDetail, tags=["workflow"]
)
def complaint_detail(crm: CrmDep, user: UserDep, ticket_code: TicketPath) -> Any:
    detail = Workflow(crm).detail(ticket_code)
    if detail is None:
        raise ApiError(404, "not_found", "No complaint has this ticket code.", "ticket_code")
    return detail


@router.get("/api/v1/workflow/complaints", response_model=ComplaintList, tags=["workflow"])
def complaint_list(
    crm: CrmDep,
    user: UserDep,
    status: Annotated[Text | None, Query(max_length=20)] = None,
    overdue: bool | None = None,
    digantung: bool | None = None,
    unit: Annotated[Text | None, Query(max_length=60)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    rows = Workflow(crm).search(status, overdue, digantung, unit, limit)
    return {"complaints": rows}


def push_schema_components() -> dict[str, Any]:
    """The push body's schemas for the OpenAPI components (the route reads the body by hand)."""
    defs: dict[str, Any] = dict(_PUSH_SCHEMA.get("$defs", {}))
    main = {k: v for k, v in _PUSH_SCHEMA.items() if k != "$defs"}
    defs["PushRequest"] = main
    return defs
