"""Routing rules: every category with the Dinas a forward suggests for it (the
rule, else the shared default), changed in one form. The Suku Dinas follows from
the agency and the complaint's kota: nothing to set."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from complaint_domain.reference import AGENCIES, AGENCY_BY_CODE
from crm_server.console.admin.base import Admin, admin_page, done
from crm_server.console.deps import crm_of
from crm_server.core.routing_rules import category_routes, set_routes

router = APIRouter(prefix="/console/admin")
FIELD = "route:"


def _page(
    request: Request, staff: Admin, status: int = 200, bad: frozenset[str] = frozenset()
) -> HTMLResponse:
    return admin_page(
        request,
        "routing.html",
        staff,
        status_code=status,
        routes=category_routes(crm_of(request)),
        agencies=AGENCIES,
        agency_names={a.code: a.name for a in AGENCIES},
        bad=bad,
        problem=status != 200,
    )


@router.get("/routing", response_class=HTMLResponse, include_in_schema=False)
async def routing_page(request: Request, staff: Admin) -> HTMLResponse:
    return await run_in_threadpool(_page, request, staff)


@router.post("/routing", response_class=HTMLResponse, include_in_schema=False)
async def save_routes(request: Request, staff: Admin) -> Response:
    form = await request.form()
    wanted = {
        key[len(FIELD) :]: value
        for key, value in form.multi_items()
        if key.startswith(FIELD) and isinstance(value, str)
    }
    bad = frozenset(
        code for code, agency in wanted.items() if agency and agency not in AGENCY_BY_CODE
    )
    if bad:
        return await run_in_threadpool(_page, request, staff, 422, bad)
    try:
        changed = await run_in_threadpool(set_routes, crm_of(request), staff.user.username, wanted)
    except ValueError:
        return await run_in_threadpool(_page, request, staff, 422)
    return done("/console/admin/routing", "saved" if changed else "nothing")
