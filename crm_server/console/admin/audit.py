"""The audit log for admins: newest first, filtered by action; who, when (WIB),
what, on what and why."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from crm_server.console.admin.base import Admin, admin_page
from crm_server.console.deps import crm_of
from crm_server.console.words import say
from crm_server.core.audit import entries
from crm_server.core.context import CrmContext
from crm_server.db.models import AuditEntry

router = APIRouter(prefix="/console/admin")
LIMIT = 200
ACTION_LABELS = {
    "signed_in": say("Masuk ke konsol"),
    "account_locked": say("Akun dikunci (salah kata sandi)"),
    "password_set": say("Kata sandi diganti"),
    "user_created": say("Akun dibuat"),
    "user_changed": say("Akun diubah"),
    "user_deactivated": say("Akun dinonaktifkan"),
    "user_reactivated": say("Akun diaktifkan kembali"),
    "user_unlocked": say("Kunci akun dibuka"),
    "routing_rule_changed": say("Aturan rute diubah"),
    "time_limit_changed": say("Batas waktu diubah"),
    "holiday_added": say("Hari libur ditambahkan"),
    "holiday_removed": say("Hari libur dihapus"),
    "template_saved": say("Templat disimpan"),
    "template_deleted": say("Templat dihapus"),
    "enrolment_code_created": say("Kode pendaftaran meja dibuat"),
}


def _actions(crm: CrmContext) -> list[str]:
    with crm.sessions() as session:
        found = set(session.scalars(select(AuditEntry.action).distinct()))
    return sorted(found | set(ACTION_LABELS))


def _page(request: Request, staff: Admin) -> HTMLResponse:
    crm = crm_of(request)
    actions = _actions(crm)
    chosen = request.query_params.get("action", "")
    if chosen not in actions:
        chosen = ""
    return admin_page(
        request,
        "audit.html",
        staff,
        rows=entries(crm, action=chosen or None, limit=LIMIT),
        actions=actions,
        labels=ACTION_LABELS,
        chosen=chosen,
        limit=LIMIT,
    )


@router.get("/audit", response_class=HTMLResponse, include_in_schema=False)
async def audit_page(request: Request, staff: Admin) -> HTMLResponse:
    return await run_in_threadpool(_page, request, staff)
