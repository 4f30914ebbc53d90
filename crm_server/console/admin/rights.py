"""The citizen's rights (UU No. 27/2022, docs/privacy.md section 7): an admin records
a request (ticket code, the NIK or phone the citizen gives, the kind), sees its
3 × 24-hour deadline until it is answered, and answers it: an export of everything
held about that person (a ``.json`` file), a correction, or a removal, each over
every complaint the person is recorded on and the triage drafts from their number or
address (both listed on the request's page, the drafts without their contents). The
core (``core.rights``) audits every step."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from crm_server.console.admin.base import NOTICES, Admin, admin_page, done
from crm_server.console.deps import ConsoleRefusal, RowId, crm_of
from crm_server.console.words import say
from crm_server.core import rights

router = APIRouter(prefix="/console/admin")
PROBLEMS = {
    "no_match": say("Kode tiket dan NIK atau nomor telepon itu tidak cocok dengan aduan mana pun."),
    "kind": say("Pilih jenis permintaan."),
    "field": say("Isi paling sedikit satu data yang diperbaiki."),
    "phone": say("Nomor telepon tidak sah."),
}
KINDS = {
    "see": say("Melihat data"),
    "correct": say("Memperbaiki data"),
    "remove": say("Menghapus data"),
}
ANSWERS = {
    "exported": say("Data diekspor"),
    "corrected": say("Data diperbaiki"),
    "removed": say("Data dihapus"),
}
# A triage draft's state, as the request's page names it.
DRAFT_STATES = {
    "draft": say("menunggu keputusan"),
    "confirmed": say("diterima sebagai aduan"),
    "merged": say("digabung ke aduan"),
    "dismissed": say("ditolak"),
}
NOTICES.update(
    {
        "recorded": say("Permintaan dicatat. Jawab dalam 3 × 24 jam."),
        "corrected": say(
            "Data diperbaiki; log audit mencatat kolomnya, bukan isinya. Draf triase tetap"
            " seperti diterima."
        ),
        "erased": say("Data pribadi dihapus; fakta aduan tetap untuk statistik."),
    }
)


def _page(
    request: Request, staff: Admin, status: int = 200, problem: str = "", **entered: str
) -> HTMLResponse:
    return admin_page(
        request,
        "rights.html",
        staff,
        status_code=status,
        requests=rights.requests(crm_of(request)),
        kinds=KINDS,
        answers=ANSWERS,
        problem=PROBLEMS.get(problem, ""),
        form={"ticket_code": "", "kind": "see", **entered},
    )


@router.get("/rights", response_class=HTMLResponse, include_in_schema=False)
async def rights_page(request: Request, staff: Admin) -> HTMLResponse:
    return await run_in_threadpool(_page, request, staff)


@router.post("/rights", response_class=HTMLResponse, include_in_schema=False)
async def record(
    request: Request,
    staff: Admin,
    ticket_code: Annotated[str, Form(max_length=40)] = "",
    identifier: Annotated[str, Form(max_length=40)] = "",
    kind: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    try:
        await run_in_threadpool(
            rights.record_request, crm_of(request), staff.user.username, ticket_code, identifier,
            kind,
        )  # fmt: skip
    except rights.RightsError as exc:
        # The NIK or phone is not written back into the form.
        return await run_in_threadpool(
            _page, request, staff, 422, exc.problem, ticket_code=ticket_code, kind=kind
        )
    return done("/console/admin/rights", "recorded")


def _one(request: Request, staff: Admin, request_id: RowId) -> rights.RightsRow:
    for row in rights.requests(crm_of(request), request_id=request_id):
        return row
    raise ConsoleRefusal(404, staff)


def _request_page(
    request: Request, staff: Admin, row: rights.RightsRow, status: int = 200, problem: str = ""
) -> HTMLResponse:
    return admin_page(
        request, "right.html", staff, status_code=status, r=row, kinds=KINDS, answers=ANSWERS,
        problem=PROBLEMS.get(problem, ""),
        tickets=rights.ticket_codes(crm_of(request), row.id),
        drafts=rights.drafts(crm_of(request), row.id), draft_states=DRAFT_STATES,
    )  # fmt: skip


@router.get("/rights/{request_id}", response_class=HTMLResponse, include_in_schema=False)
async def one_request(request: Request, staff: Admin, request_id: RowId) -> HTMLResponse:
    row = await run_in_threadpool(_one, request, staff, request_id)
    return await run_in_threadpool(_request_page, request, staff, row)


@router.post("/rights/{request_id}/export", include_in_schema=False)
async def export(request: Request, staff: Admin, request_id: RowId) -> Response:
    row = await run_in_threadpool(_one, request, staff, request_id)
    document = await run_in_threadpool(
        rights.export, crm_of(request), staff.user.username, request_id
    )
    body = json.dumps(document, ensure_ascii=False, indent=2).encode()
    name = f"data-pribadi-{row.ticket_code}.json"
    return Response(
        body,
        media_type="application/json; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
        },
    )


@router.post("/rights/{request_id}/correct", response_class=HTMLResponse, include_in_schema=False)
async def correct(
    request: Request,
    staff: Admin,
    request_id: RowId,
    name: Annotated[str, Form(max_length=120)] = "",
    phone: Annotated[str, Form(max_length=30)] = "",
    address: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    row = await run_in_threadpool(_one, request, staff, request_id)
    changes = {
        k: v for k, v in (("name", name), ("phone", phone), ("address", address)) if v.strip()
    }
    try:
        await run_in_threadpool(
            rights.correct, crm_of(request), staff.user.username, request_id, changes
        )
    except rights.RightsError as exc:
        return await run_in_threadpool(_request_page, request, staff, row, 422, exc.problem)
    return done(f"/console/admin/rights/{request_id}", "corrected")


@router.post("/rights/{request_id}/remove", include_in_schema=False)
async def remove(request: Request, staff: Admin, request_id: RowId) -> Response:
    await run_in_threadpool(_one, request, staff, request_id)
    await run_in_threadpool(rights.remove, crm_of(request), staff.user.username, request_id)
    return done(f"/console/admin/rights/{request_id}", "erased")
