"""Holidays and cuti bersama: the days off the administrators add to the public
holidays (the ``holidays`` package) and the settings' cuti bersama."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import holidays
from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from crm_server.console.admin.base import Admin, admin_page, done
from crm_server.console.deps import ConsoleRefusal, crm_of
from crm_server.console.render import language
from crm_server.console.words import say
from crm_server.core.calendar_settings import (
    MAX_HOLIDAY_NAME,
    add_day_off,
    days_off,
    remove_day_off,
)

router = APIRouter(prefix="/console/admin")
PROBLEMS = {
    "day": say("Isi tanggal yang benar (tahun-bulan-tanggal)."),
    "name": say("Isi nama hari libur (paling banyak 120 karakter)."),
}


def _page(
    request: Request, staff: Admin, status: int = 200, problem: str = "", **entered: str
) -> HTMLResponse:
    crm = crm_of(request)
    today = crm.today()
    days = days_off(crm)
    names = {d.day: d.name for d in days}
    # The public holidays' names in the page's language.
    public = holidays.country_holidays(
        "ID", language="en_US" if language(request) == "en" else "id"
    )
    upcoming = []
    calendar = crm.calendar
    for offset in range(0, 120):
        day = today + dt.timedelta(days=offset)
        if day.weekday() < 5 and not calendar.is_working_day(day):
            upcoming.append((day, names.get(day) or public.get(day) or calendar.holiday_name(day)))
    return admin_page(
        request,
        "holidays.html",
        staff,
        status_code=status,
        days=days,
        settings_days=crm.settings.cuti_bersama,
        upcoming=upcoming[:12],
        problem=PROBLEMS.get(problem, ""),
        form={"day": "", "name": "", **entered},
        max_name=MAX_HOLIDAY_NAME,
    )


@router.get("/holidays", response_class=HTMLResponse, include_in_schema=False)
async def holidays_page(request: Request, staff: Admin) -> HTMLResponse:
    return await run_in_threadpool(_page, request, staff)


@router.post("/holidays", response_class=HTMLResponse, include_in_schema=False)
async def add_holiday(
    request: Request,
    staff: Admin,
    day: Annotated[str, Form(max_length=20)] = "",
    name: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    try:
        when = dt.date.fromisoformat(day.strip())
    except ValueError:
        return await run_in_threadpool(_page, request, staff, 422, "day", day=day, name=name)
    try:
        added = await run_in_threadpool(
            add_day_off, crm_of(request), staff.user.username, when, name
        )
    except ValueError:
        return await run_in_threadpool(_page, request, staff, 422, "name", day=day, name=name)
    return done("/console/admin/holidays", "added" if added else "nothing")


@router.post("/holidays/{day}/delete", response_class=HTMLResponse, include_in_schema=False)
async def remove_holiday(request: Request, staff: Admin, day: str) -> Response:
    try:
        when = dt.date.fromisoformat(day)
    except ValueError:
        raise ConsoleRefusal(404, staff) from None
    removed = await run_in_threadpool(remove_day_off, crm_of(request), staff.user.username, when)
    if not removed:
        raise ConsoleRefusal(404, staff)
    return done("/console/admin/holidays", "removed")
