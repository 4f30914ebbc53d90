"""Desk enrolment: a one-time code for a desk code and its site (shown once, with
its expiry; the audit records that it was made, never the code), and the desks
with their enrolment state."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from complaint_domain.ticket import validate_desk_code
from crm_server.console.admin.base import Admin, admin_page
from crm_server.console.deps import crm_of
from crm_server.console.words import say
from crm_server.core.desk_enrolment import desk_enrolments
from crm_server.core.desks import RESERVED_DESK_CODES, create_enrolment

router = APIRouter(prefix="/console/admin")
MAX_SITE = 200
PROBLEMS = {
    "code": say("Kode meja 1–6 huruf A–Z atau angka 0–9, tanpa huruf I, L dan O, misalnya PBK1."),
    "reserved": say("Kode meja ini dipakai CRM sendiri; pilih kode lain."),
    "site": say("Isi nama lokasi meja (paling banyak 200 karakter)."),
}
STATES = {
    "enrolled": say("Terdaftar"),
    "waiting": say("Menunggu pendaftaran"),
    "none": say("Belum terdaftar"),
}


def _page(
    request: Request,
    staff: Admin,
    status: int = 200,
    problem: str = "",
    new_code: str = "",
    new_desk: str = "",
    **entered: str,
) -> HTMLResponse:
    crm = crm_of(request)
    desks = desk_enrolments(crm)
    expires = next((d.open_until for d in desks if d.code == new_desk), None)
    return admin_page(
        request,
        "desks.html",
        staff,
        status_code=status,
        desks=desks,
        states=STATES,
        problem=PROBLEMS.get(problem, ""),
        new_code=new_code,
        new_desk=new_desk,
        new_expires=expires,
        form={"desk_code": "", "site": "", **entered},
        max_site=MAX_SITE,
    )


@router.get("/desks", response_class=HTMLResponse, include_in_schema=False)
async def desks_page(request: Request, staff: Admin) -> HTMLResponse:
    return await run_in_threadpool(_page, request, staff)


@router.post("/desks", response_class=HTMLResponse, include_in_schema=False)
async def new_enrolment_code(
    request: Request,
    staff: Admin,
    desk_code: Annotated[str, Form(max_length=40)] = "",
    site: Annotated[str, Form(max_length=400)] = "",
) -> Response:
    entered = {"desk_code": desk_code, "site": site}
    site = " ".join(site.split())
    try:
        code = validate_desk_code(desk_code.strip().upper())
    except ValueError:
        return await run_in_threadpool(_page, request, staff, 422, "code", **entered)
    if code in RESERVED_DESK_CODES:
        return await run_in_threadpool(_page, request, staff, 422, "reserved", **entered)
    if not site or len(site) > MAX_SITE:
        return await run_in_threadpool(_page, request, staff, 422, "site", **entered)
    secret = await run_in_threadpool(
        create_enrolment, crm_of(request), code, site, staff.user.username
    )
    # Shown this once, on the answer to the post (no-store): never in a URL or a log.
    return await run_in_threadpool(_page, request, staff, 200, "", secret, code)
