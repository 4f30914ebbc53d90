"""Routes of the public tracking page (``/T/{code}/{token}`` and ``.json``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, Response

from crm_server.core.workflow import Workflow
from crm_server.tracking.page import render_not_found, render_page, render_rate_limited
from crm_server.tracking.view import lookup
from crm_server.web.errors import error_body
from crm_server.web.ratelimit import RateLimits

router = APIRouter(tags=["tracking"])
_HEADERS = {
    # No script at all; the page must work without JavaScript anyway.
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'",
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}
NOT_FOUND_JSON: dict[str, Any] = {
    "error": {
        "code": "not_found",
        "message": "Aduan tidak ditemukan. Periksa kode tiket dan kode pelacakan.",
        "field": None,
    }
}


def rate_limited_json(wait: int) -> dict[str, Any]:
    message = f"Terlalu banyak permintaan dari jaringan Anda. Coba lagi dalam {wait} detik."
    return error_body("rate_limited", message)


@router.get(
    "/T/{code}/{token}",
    response_class=HTMLResponse,
    responses={
        404: {"description": "Not found (the same page for every wrong input)"},
        429: {"description": "Too many requests from this address (Retry-After)"},
    },
)
async def tracking_page(request: Request, code: str, token: str) -> Response:
    return await _tracking(request, code, token)


# The address under the QR, typed by hand in lower case ("/t/..."): the same page.
@router.get("/t/{code}/{token}", include_in_schema=False)
async def tracking_page_lower_case(request: Request, code: str, token: str) -> Response:
    return await _tracking(request, code, token)


async def _tracking(request: Request, code: str, token: str) -> Response:
    # One route for both forms: a token ending in ".json" asks for JSON.
    want_json = token.lower().endswith(".json")
    if want_json:
        token = token[:-5]
    # Tokens are short (6 characters): guessing one takes many tries, so one address
    # gets only so many a minute (MEJA_CRM_TRACKING_PER_MINUTE).
    limits: RateLimits = request.app.state.rate_limits
    wait = await run_in_threadpool(limits.tracking.hit_client, request)
    if wait is not None:
        headers = {**_HEADERS, "Retry-After": str(wait)}
        if want_json:
            return JSONResponse(rate_limited_json(wait), status_code=429, headers=headers)
        return HTMLResponse(render_rate_limited(wait), status_code=429, headers=headers)
    view = await run_in_threadpool(lookup, Workflow(request.app.state.crm), code, token)
    if want_json:
        if view is None:
            return JSONResponse(NOT_FOUND_JSON, status_code=404, headers=_HEADERS)
        return JSONResponse(view.as_json(), headers=_HEADERS)
    if view is None:
        return HTMLResponse(render_not_found(), status_code=404, headers=_HEADERS)
    return HTMLResponse(render_page(view), headers=_HEADERS)
