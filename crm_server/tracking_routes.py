"""Routes of the public tracking page (``/T/{code}/{token}`` and ``.json``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, Response

from crm_server.tracking import lookup, render_not_found, render_page
from crm_server.workflow import Workflow

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


@router.get(
    "/T/{code}/{token}",
    response_class=HTMLResponse,
    responses={404: {"description": "Not found (the same page for every wrong input)"}},
)
async def tracking_page(request: Request, code: str, token: str) -> Response:
    # One route for both forms: a token ending in ".json" asks for JSON.
    want_json = token.lower().endswith(".json")
    if want_json:
        token = token[:-5]
    view = await run_in_threadpool(lookup, Workflow(request.app.state.crm), code, token)
    if want_json:
        if view is None:
            return JSONResponse(NOT_FOUND_JSON, status_code=404, headers=_HEADERS)
        return JSONResponse(view.as_json(), headers=_HEADERS)
    if view is None:
        return HTMLResponse(render_not_found(), status_code=404, headers=_HEADERS)
    return HTMLResponse(render_page(view), headers=_HEADERS)
