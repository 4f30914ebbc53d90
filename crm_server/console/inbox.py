"""The inbox: what waits for the signed-in user's role and unit."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from crm_server.console.deps import Staff
from crm_server.console.render import page

router = APIRouter()


@router.get("/console/", response_class=HTMLResponse, include_in_schema=False)
async def inbox_page(request: Request, staff: Staff) -> HTMLResponse:
    return page(request, "inbox.html", staff)
