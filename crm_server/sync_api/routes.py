"""Desk sync API v1 (docs/sync-protocol.md): enrolment, the push, attachments, the
changes feed, reference data and the heartbeat; the lookup of any channel's
complaints is its own route group (``lookup``)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from crm_server.core.crm import Crm
from crm_server.core.errors import ApiError
from crm_server.core.schemas import PushRequest, Text
from crm_server.sync_api import lookup
from crm_server.sync_api.schemas import (
    ChangesResponse,
    EnrolRequest,
    EnrolResponse,
    HeartbeatRequest,
    HeartbeatResponse,
    PushResponse,
    ReferenceResponse,
)
from crm_server.web.deps import ERRORS, Credentials, CrmDep, DeskDep, bearer_token
from crm_server.web.metrics import CHANGES_SERVED, PUSH_ITEMS
from crm_server.web.ratelimit import RateLimits
from crm_server.web.schemas import ErrorBody

router = APIRouter(responses=ERRORS)
router.include_router(lookup.router)  # the desk sees the other channels


async def enrol_limit(request: Request) -> None:
    """A desk needs one or two tries; a few a minute from one address
    (MEJA_CRM_ENROL_PER_MINUTE) leaves the one-time codes nothing to guess at scale."""
    limits: RateLimits = request.app.state.rate_limits
    wait = await run_in_threadpool(limits.enrol.hit_client, request)
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
        "help_phone": crm.settings.help_phone,
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
    token = bearer_token(credentials)
    media_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if media_type != "application/json":
        raise ApiError(415, "unsupported_media_type", "Send the push as application/json.")
    raw = await request.body()
    key = request.headers.get("idempotency-key")
    # One trip to the worker thread for the token check, the parsing and the push (a
    # DeskDep dependency would cost a second one), and the answer leaves as bytes: it
    # is built as plain dicts in the shape of PushResponse, so FastAPI's validation
    # of the response model would only rebuild 100 models to serialise them.
    return await run_in_threadpool(_push, crm, token, raw, key)


def _push(crm: Crm, token: str, raw: bytes, key: str | None) -> Response:
    answer = crm.push_request(token, raw, key)
    for result in answer.get("results", ()):
        PUSH_ITEMS.labels(result.get("outcome", "unknown")).inc()
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
    CHANGES_SERVED.inc(len(rows))
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
    at = crm.heartbeat(
        desk,
        body.pending_count,
        body.oldest_unsent_age_seconds,
        body.app_version,
        officer=body.officer,
        desk_time=body.desk_time,
    )
    settings = crm.settings  # the desk release rolled out now (null: none announced)
    return {
        "received_at": at,
        "desk_release": settings.desk_release or None,
        "desk_download_url": settings.desk_download_url or None,
    }


def push_schema_components() -> dict[str, Any]:
    """The push body's schemas for the OpenAPI components (the route reads the body by hand)."""
    defs: dict[str, Any] = dict(_PUSH_SCHEMA.get("$defs", {}))
    main = {k: v for k, v in _PUSH_SCHEMA.items() if k != "$defs"}
    defs["PushRequest"] = main
    return defs
