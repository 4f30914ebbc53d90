"""The koordinator's figures per channel (issue 22): ``GET /console/kanal``, linked
from the city dashboard."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from crm_server.console.deps import crm_of, staff_with_role
from crm_server.console.render import page
from crm_server.core.bounds import day_or_none
from crm_server.core.channel_figures import channel_figures
from crm_server.core.staff_sign_in import StaffSessionInfo

router = APIRouter()
City = Annotated[StaffSessionInfo, Depends(staff_with_role("koordinator", "admin"))]


def _day(request: Request, name: str) -> dt.date | None:
    return day_or_none(request.query_params.get(name, ""))


@router.get("/console/kanal", response_class=HTMLResponse, include_in_schema=False)
async def figures_page(request: Request, staff: City) -> Response:
    start, end = _day(request, "dari"), _day(request, "sampai")
    if start and end and start > end:
        start = end = None
    period_from, period_to, rows = await run_in_threadpool(
        channel_figures, crm_of(request), start, end
    )
    return page(
        request,
        "channel_figures.html",
        staff,
        period_from=period_from,
        period_to=period_to,
        rows=rows,
    )
