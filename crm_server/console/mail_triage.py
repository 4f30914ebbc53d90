"""The e-mail admin's triage (issue 22): the drafts the complaints mailbox brought
in (``GET /console/kanal/email``), each confirmed as a complaint, merged into an
existing one or dismissed with a reason (``POST …/{id}``, then Post/Redirect/Get).
For a channel admin of the EMAIL channel, or one without a channel."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from crm_server.console.channel_record import REFUSAL_WORDS, choices_for, kelurahan_code
from crm_server.console.deps import ConsoleRefusal, crm_of, staff_with_role
from crm_server.console.render import page
from crm_server.console.words import say
from crm_server.core.mail import triage
from crm_server.core.staff_sign_in import StaffSessionInfo

router = APIRouter()
ChannelAdmin = Annotated[StaffSessionInfo, Depends(staff_with_role("channel_admin"))]
PATH = "/console/kanal/email"
DONE_WORDS = {
    "confirmed": say("E-mail dicatat sebagai aduan {ticket}; pengirim diberi tahu."),
    "merged": say("E-mail digabung ke aduan {ticket}; pengirim diberi tahu."),
    "dismissed": say("E-mail diabaikan."),
}
REASON_WORDS = {
    "spam": say("Spam"),
    "not_a_complaint": say("Bukan aduan"),
    "other": say("Alasan lain"),
}
DRAFT_REFUSALS = {
    **REFUSAL_WORDS,
    "decided": say("E-mail ini sudah diputuskan."),
    "unknown_ticket": say("Kode tiket tidak ditemukan."),
    "reason": say("Pilih alasan; untuk alasan lain tulis keterangannya."),
}


def _email_admin(staff: StaffSessionInfo) -> None:
    if staff.user.unit_code not in ("", "EMAIL"):
        raise ConsoleRefusal(403, staff)


@router.get(PATH, response_class=HTMLResponse, include_in_schema=False)
async def triage_page(request: Request, staff: ChannelAdmin) -> Response:
    _email_admin(staff)
    crm = crm_of(request)
    drafts = await run_in_threadpool(triage.drafts, crm)
    choices = await run_in_threadpool(choices_for, crm, ["EMAIL"])
    done = request.query_params.get("done", "")
    return page(
        request,
        "mail_triage.html",
        staff,
        drafts=drafts,
        choices=choices,
        reasons=REASON_WORDS,
        done=DONE_WORDS.get(done, ""),
        done_ticket=request.query_params.get("tiket", "")[:30],
        error=DRAFT_REFUSALS.get(request.query_params.get("gagal", ""), ""),
        first_ticket=request.query_params.get("pertama", "")[:30],
    )


@router.post(PATH + "/{draft_id}", include_in_schema=False)
async def decide(request: Request, staff: ChannelAdmin, draft_id: int) -> Response:
    _email_admin(staff)
    crm = crm_of(request)
    form = await request.form()
    value = {
        k: str(form.get(k, "") or "")
        for k in ("decision", "kelurahan", "category", "ticket", "reason", "note")
    }
    user = staff.user
    try:
        if value["decision"] == "confirm":
            choices = await run_in_threadpool(choices_for, crm, ["EMAIL"])
            ticket = await run_in_threadpool(
                triage.confirm,
                crm,
                draft_id,
                user.id,
                user.display_name,
                kelurahan_code(choices, value["kelurahan"]),
                value["category"],
            )
            done = f"confirmed&tiket={ticket}"
        elif value["decision"] == "merge":
            ticket = await run_in_threadpool(triage.merge, crm, draft_id, user.id, value["ticket"])
            done = f"merged&tiket={ticket}"
        else:
            await run_in_threadpool(
                triage.dismiss, crm, draft_id, user.id, value["reason"], value["note"]
            )
            done = "dismissed"
    except triage.DraftRefused as refused:
        target = f"{PATH}?gagal={refused.code}&pertama={refused.ticket_code}#d{draft_id}"
        return RedirectResponse(target, status_code=303)
    return RedirectResponse(f"{PATH}?done={done}", status_code=303)
