"""Administration (the admin role): users and units, routing rules, time limits,
holidays, response templates, desk enrolment codes and the audit log. Every page is
for admins only (others get the 403 page); every change is an audited event."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from crm_server.console.admin import (
    audit,
    enrolment,
    holidays,
    rights,
    routing,
    templates,
    time_limits,
    users,
)
from crm_server.console.admin.base import Admin, admin_page

router = APIRouter()


@router.get("/console/admin/", response_class=HTMLResponse, include_in_schema=False)
async def admin_index(request: Request, staff: Admin) -> HTMLResponse:
    return admin_page(request, "index.html", staff)


for part in (users, routing, time_limits, holidays, templates, enrolment, rights, audit):
    router.include_router(part.router)
