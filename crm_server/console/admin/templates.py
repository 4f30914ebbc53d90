"""Response templates: the ready texts a step's form fills in, per action (or
any) and category (or any); listed, added, changed and deleted (each audited by
``core.response_templates``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from complaint_domain.reference import CATEGORIES, CATEGORY_BY_CODE
from crm_server.console.admin.base import Admin, admin_page, done
from crm_server.console.deps import ConsoleRefusal, RowId, crm_of
from crm_server.console.words import say
from crm_server.core.response_templates import (
    TemplateText,
    all_templates,
    delete_template,
    save_template,
)
from crm_server.core.workflow import ACTIONS

router = APIRouter(prefix="/console/admin")
MAX_TITLE = 120
MAX_BODY = 4000
ACTION_LABELS = {
    "accept": say("Terima aduan"),
    "reject": say("Tolak aduan"),
    "merge": say("Gabungkan dengan aduan lain"),
    "handle": say("Tangani sendiri (kelurahan)"),
    "forward": say("Teruskan ke Dinas"),
    "assign": say("Tugaskan Suku Dinas"),
    "report": say("Laporkan tindak lanjut"),
    "approve": say("Verifikasi selesai"),
    "return": say("Kembalikan dengan catatan"),
}
assert set(ACTION_LABELS) == set(ACTIONS)
PROBLEMS = {
    "title": say("Isi judul (paling banyak 120 karakter)."),
    "body": say("Isi teks templat (paling banyak 4000 karakter)."),
    "action": say("Pilih tindakan dari daftar."),
    "category": say("Pilih kategori dari daftar."),
}


def _page(
    request: Request,
    staff: Admin,
    template: str,
    status: int = 200,
    problem: str = "",
    text: TemplateText | None = None,
) -> HTMLResponse:
    crm = crm_of(request)
    return admin_page(
        request,
        template,
        staff,
        status_code=status,
        templates=all_templates(crm) if template == "templates.html" else [],
        actions=ACTION_LABELS,
        categories=CATEGORIES,
        category_names={c.code: c.name for c in CATEGORIES},
        problem=PROBLEMS.get(problem, ""),
        text=text or TemplateText(0, "", "", "", ""),
        max_title=MAX_TITLE,
        max_body=MAX_BODY,
    )


def _problem(text: TemplateText) -> str:
    if not text.title or len(text.title) > MAX_TITLE:
        return "title"
    if not text.body or len(text.body) > MAX_BODY:
        return "body"
    if text.action and text.action not in ACTIONS:
        return "action"
    if text.category_code and text.category_code not in CATEGORY_BY_CODE:
        return "category"
    return ""


def _found(request: Request, staff: Admin, template_id: RowId) -> TemplateText:
    for text in all_templates(crm_of(request)):
        if text.id == template_id:
            return text
    raise ConsoleRefusal(404, staff)


@router.get("/templates", response_class=HTMLResponse, include_in_schema=False)
async def templates_page(request: Request, staff: Admin) -> HTMLResponse:
    return await run_in_threadpool(_page, request, staff, "templates.html")


@router.get("/templates/{template_id}", response_class=HTMLResponse, include_in_schema=False)
async def template_page(request: Request, staff: Admin, template_id: RowId) -> HTMLResponse:
    text = await run_in_threadpool(_found, request, staff, template_id)
    return await run_in_threadpool(_page, request, staff, "template.html", text=text)


async def _save(request: Request, staff: Admin, text: TemplateText, where: str) -> Response:
    problem = _problem(text)
    if problem:
        return await run_in_threadpool(_page, request, staff, where, 422, problem, text)
    await run_in_threadpool(save_template, crm_of(request), staff.user.username, text)
    return done("/console/admin/templates", "saved")


Title = Annotated[str, Form(max_length=400)]
Body = Annotated[str, Form(max_length=20000)]
Code = Annotated[str, Form(max_length=60)]


@router.post("/templates", response_class=HTMLResponse, include_in_schema=False)
async def add_template(
    request: Request,
    staff: Admin,
    title: Title = "",
    action: Code = "",
    category: Code = "",
    body: Body = "",
) -> Response:
    text = TemplateText(0, " ".join(title.split()), action, category, body.strip())
    return await _save(request, staff, text, "templates.html")


@router.post("/templates/{template_id}", response_class=HTMLResponse, include_in_schema=False)
async def change_template(
    request: Request,
    staff: Admin,
    template_id: RowId,
    title: Title = "",
    action: Code = "",
    category: Code = "",
    body: Body = "",
) -> Response:
    await run_in_threadpool(_found, request, staff, template_id)
    text = TemplateText(template_id, " ".join(title.split()), action, category, body.strip())
    return await _save(request, staff, text, "template.html")


@router.post(
    "/templates/{template_id}/delete", response_class=HTMLResponse, include_in_schema=False
)
async def remove_template(request: Request, staff: Admin, template_id: RowId) -> Response:
    deleted = await run_in_threadpool(
        delete_template, crm_of(request), staff.user.username, template_id
    )
    if not deleted:
        raise ConsoleRefusal(404, staff)
    return done("/console/admin/templates", "deleted")
