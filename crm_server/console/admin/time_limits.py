"""The time limit of each state, in working days: the settings' default, the
administrators' change, and one form to change them."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from crm_server.console.admin.base import Admin, admin_page, done
from crm_server.console.deps import crm_of
from crm_server.console.words import say
from crm_server.core.calendar_settings import MAX_LIMIT_DAYS, set_time_limits, state_limits

router = APIRouter(prefix="/console/admin")
STATE_LABELS = {
    "received": say("Menunggu (diperiksa admin kanal)"),
    "coordination": say("Koordinasi (di kelurahan)"),
    "disposition": say("Disposisi (di Dinas)"),
    "in_progress": say("Proses (tindak lanjut)"),
    "returned": say("Dikembalikan (tindak lanjut lagi)"),
    "verification": say("Verifikasi (Biro Pemerintahan)"),
}


def _page(
    request: Request, staff: Admin, status: int = 200, entered: dict[str, str] | None = None
) -> HTMLResponse:
    crm = crm_of(request)
    return admin_page(
        request,
        "time_limits.html",
        staff,
        status_code=status,
        limits=state_limits(crm),
        labels=STATE_LABELS,
        entered=entered or {},
        max_days=MAX_LIMIT_DAYS,
        digantung_days=crm.settings.digantung_days,
    )


@router.get("/time-limits", response_class=HTMLResponse, include_in_schema=False)
async def time_limits_page(request: Request, staff: Admin) -> HTMLResponse:
    return await run_in_threadpool(_page, request, staff)


@router.post("/time-limits", response_class=HTMLResponse, include_in_schema=False)
async def save_time_limits(request: Request, staff: Admin) -> Response:
    form = await request.form()
    crm = crm_of(request)
    entered = {
        status: str(form.get(f"days:{status}", "")).strip() for status in crm.settings.time_limits
    }
    if not all(v.isdigit() and 0 < int(v) <= MAX_LIMIT_DAYS for v in entered.values()):
        return await run_in_threadpool(_page, request, staff, 422, entered)
    days = {status: int(value) for status, value in entered.items()}
    changed = await run_in_threadpool(set_time_limits, crm, staff.user.username, days)
    return done("/console/admin/time-limits", "saved" if changed else "nothing")
