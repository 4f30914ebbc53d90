"""The complaint page: its fields, attachments, history and the actions this user
may take now (``GET /console/c/{ticket}``), one action sent as a form
(``POST …/act``, then Post/Redirect/Get), the citizen's contact behind a recorded
reason (``POST …/contact``) and the complaint's files (``GET …/files/{sha256}``).

Whoever may not see a complaint gets the same not-found page as for a code that
does not exist, for the page, its forms and its files."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from crm_server.console.complaint_actions import (
    ActionRefused,
    SentAction,
    read_action,
    take_action,
)
from crm_server.console.complaint_forms import ACTION_WORDS, NOTE_REQUIRED, add_templates
from crm_server.console.complaint_view import ComplaintView, complaint_view, contact_of
from crm_server.console.deps import ConsoleRefusal, Staff, crm_of
from crm_server.console.render import page
from crm_server.console.sms_pages import messages_of
from crm_server.console.words import say
from crm_server.core.audit import record
from crm_server.core.complaints import find_complaint
from crm_server.core.crm import Crm
from crm_server.core.staff_sign_in import StaffSessionInfo
from crm_server.core.visibility import may_see, may_see_contact
from crm_server.db.models import Complaint, Event, StoredAttachment

router = APIRouter()
TicketPath = Annotated[str, Path()]  # any text: a wrong one is not found, like a foreign one
SHA256 = re.compile(r"^[0-9a-f]{64}$")
DONE_WORDS = {
    "accept": say("Aduan diterima dan diteruskan ke kelurahan."),
    "reject": say("Aduan ditolak. Warga membaca alasannya di halaman pelacakan."),
    "merge": say("Aduan digabung dengan aduan yang lebih dulu."),
    "handle": say("Kelurahan menangani aduan ini sendiri."),
    "forward": say("Aduan diteruskan ke dinas."),
    "assign": say("Suku dinas ditunjuk untuk menangani aduan ini."),
    "report": say("Hasil penanganan dilaporkan dan menunggu verifikasi."),
    "approve": say("Penanganan diverifikasi: aduan selesai."),
    "return": say("Aduan dikembalikan ke penangan dengan catatan."),
}
CONTACT_ACTION = "contact_viewed"


def _visible(crm: Crm, staff: StaffSessionInfo, ticket_code: str) -> Complaint:
    """The complaint, or the not-found page (also when this user may not see it)."""
    with crm.sessions() as session:
        complaint = find_complaint(session, ticket_code)
        if complaint is None or not may_see(staff.user, complaint):
            raise ConsoleRefusal(404, staff)
        session.expunge(complaint)
        return complaint


def _render(
    request: Request,
    staff: StaffSessionInfo,
    ticket_code: str,
    status_code: int = 200,
    refused: ActionRefused | None = None,
    sent: SentAction | None = None,
    show_contact: bool = False,
    **context: Any,
) -> HTMLResponse:
    """The page; ``refused``: the form ``sent`` comes back with its message;
    ``show_contact``: with the citizen's contact (after its look was recorded)."""
    crm = crm_of(request)
    areas = crm.areas()  # before the session: on SQLite a second one would wait
    with crm.sessions() as session:
        complaint = find_complaint(session, ticket_code)
        if complaint is None or not may_see(staff.user, complaint):
            raise ConsoleRefusal(404, staff)
        view = complaint_view(crm, session, areas, staff.user, complaint)
        if show_contact:
            context["contact"] = contact_of(session, complaint, staff.user)
    add_templates(crm, view.actions, view.category_code)
    for form in view.actions:
        if sent is not None and form.name == sent.action:
            form.values = sent.values
            if refused is not None:
                form.error, form.error_values = refused.message, refused.values
                form.values["error_field"] = refused.field_name
                form.values["files_lost"] = "1" if sent.files else ""
    done = request.query_params.get("done", "")
    return page(
        request,
        "complaint.html",
        staff,
        status_code=status_code,
        c=view,
        action_words=ACTION_WORDS,
        note_required=NOTE_REQUIRED,
        done=DONE_WORDS.get(done, ""),
        action_error=refused.message if refused and sent and not _has_form(view, sent) else "",
        **messages_of(crm, view.ticket_code),  # its SMS (complaint_sms.html)
        **context,
    )


def _has_form(view: ComplaintView, sent: SentAction) -> bool:
    return any(form.name == sent.action for form in view.actions)


@router.get("/console/c/{ticket_code}", response_class=HTMLResponse, include_in_schema=False)
async def complaint_page(request: Request, staff: Staff, ticket_code: TicketPath) -> Response:
    return await run_in_threadpool(_render, request, staff, ticket_code)


@router.post("/console/c/{ticket_code}/act", include_in_schema=False)
async def act(request: Request, staff: Staff, ticket_code: TicketPath) -> Response:
    crm = crm_of(request)
    complaint = await run_in_threadpool(_visible, crm, staff, ticket_code)
    sent = await read_action(request)
    try:
        await run_in_threadpool(take_action, crm, staff.user, complaint.ticket_code, sent)
    except ActionRefused as refused:
        return await run_in_threadpool(
            _render, request, staff, complaint.ticket_code, 422, refused, sent
        )
    target = f"/console/c/{complaint.ticket_code}?done={sent.action}"
    return RedirectResponse(target, status_code=303)


@router.post("/console/c/{ticket_code}/contact", include_in_schema=False)
async def show_contact(
    request: Request,
    staff: Staff,
    ticket_code: TicketPath,
    reason: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    crm = crm_of(request)
    complaint = await run_in_threadpool(_visible, crm, staff, ticket_code)
    if not may_see_contact(staff.user, complaint):
        raise ConsoleRefusal(403, staff)
    reason = reason.strip()
    if len(reason) < 5 or "\x00" in reason:
        return await run_in_threadpool(
            _render,
            request,
            staff,
            complaint.ticket_code,
            422,
            contact_error=say(
                "Tulis alasan Anda perlu melihat kontak warga (paling sedikit 5 huruf)."
            ),
            contact_reason=reason.replace("\x00", ""),
        )
    await run_in_threadpool(
        record,
        crm,
        staff.user.username,
        CONTACT_ACTION,
        complaint.ticket_code,
        reason,
        {"role": staff.user.role, "unit": staff.user.unit_code},
    )
    return await run_in_threadpool(
        _render,
        request,
        staff,
        complaint.ticket_code,
        show_contact=True,
        contact_reason=reason,
    )


def _file(crm: Crm, staff: StaffSessionInfo, ticket_code: str, sha256: str) -> StoredAttachment:
    complaint = _visible(crm, staff, ticket_code)
    if not SHA256.match(sha256):
        raise ConsoleRefusal(404, staff)
    refs = list(complaint.attachments or [])
    with crm.sessions() as session:
        for files in session.scalars(
            select(Event.attachments).where(Event.complaint_pk == complaint.pk)
        ):
            refs += files or []
        stored = session.get(StoredAttachment, sha256)
        if stored is not None:
            session.expunge(stored)
    named = any(isinstance(r, dict) and r.get("sha256") == sha256 for r in refs)
    if not named or stored is None or not crm.attachment_path(sha256).is_file():
        raise ConsoleRefusal(404, staff)
    return stored


@router.get("/console/c/{ticket_code}/files/{sha256}", include_in_schema=False)
async def complaint_file(
    request: Request,
    staff: Staff,
    ticket_code: TicketPath,
    sha256: str,
) -> Response:
    crm = crm_of(request)
    stored = await run_in_threadpool(_file, crm, staff, ticket_code, sha256)
    return FileResponse(
        crm.attachment_path(sha256),
        media_type=stored.media_type,
        headers={
            "Content-Disposition": "inline",
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "private, no-store",
        },
    )
