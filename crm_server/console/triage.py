"""The channels' triage (issue 22): the drafts a channel brought in by itself (the
complaints mailbox: ``GET /console/kanal/email``; SMS that were no reply command:
``GET /console/kanal/sms``), each with the open complaints of every channel that may
be the same problem, confirmed as a complaint, merged into an existing one (the
sender kept as a co-reporter) or dismissed with a reason (``POST …/{id}``, then
Post/Redirect/Get). For a channel admin of that channel, or one without a channel.

The sender (an e-mail address, a phone number) is shown to the admin who decides:
they need it to tell a citizen's message from spam; each look is in the audit log
(``triage_viewed``, with the drafts' ids)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from complaint_domain.complaint import WIB
from crm_server.console.channel_record import REFUSAL_WORDS, choices_for, kelurahan_code
from crm_server.console.deps import ConsoleRefusal, RowId, crm_of, staff_with_role
from crm_server.console.render import page
from crm_server.console.suggested import shown
from crm_server.console.words import say
from crm_server.core import audit
from crm_server.core.crm import Crm
from crm_server.core.mail import triage as mail_triage
from crm_server.core.staff_sign_in import StaffSessionInfo
from crm_server.core.triage import sms as sms_triage
from crm_server.core.triage.drafts import DraftRefused

router = APIRouter()
VIEW_ACTION = "triage_viewed"
# The oldest drafts first, this many at a time: each is shown with its suggestions
# (a few look-ups each), and a flood of spam must not make the page slow.
PAGE = 25
ChannelAdmin = Annotated[StaffSessionInfo, Depends(staff_with_role("channel_admin"))]


@dataclass(frozen=True)
class TriageChannel:
    """One channel's triage: its path, its channel, its core module and words."""

    kind: str  # "email" | "sms": the path's last part and the template's branch
    channel: str
    core: ModuleType
    title: str
    done: dict[str, str]
    decided: str
    nothing: str
    dismiss_button: str


CHANNELS = {
    "email": TriageChannel(
        "email",
        "EMAIL",
        mail_triage,
        say("Triase e-mail"),
        {
            "confirmed": say("E-mail dicatat sebagai aduan {ticket}; pengirim diberi tahu."),
            "merged": say("E-mail digabung ke aduan {ticket}; pengirim dicatat sebagai pelapor."),
            "dismissed": say("E-mail diabaikan."),
        },
        say("E-mail ini sudah diputuskan."),
        say("Tidak ada e-mail yang menunggu triase."),
        say("Abaikan e-mail"),
    ),
    "sms": TriageChannel(
        "sms",
        "SMS",
        sms_triage,
        say("Triase SMS"),
        {
            "confirmed": say("SMS dicatat sebagai aduan {ticket}; pengirim diberi tahu lewat SMS."),
            "merged": say("SMS digabung ke aduan {ticket}; pengirim dicatat sebagai pelapor."),
            "dismissed": say("SMS diabaikan."),
        },
        say("SMS ini sudah diputuskan."),
        say("Tidak ada SMS yang menunggu triase."),
        say("Abaikan SMS"),
    ),
}
REASON_WORDS = {
    "spam": say("Spam"),
    "not_a_complaint": say("Bukan aduan"),
    "other": say("Alasan lain"),
}
DRAFT_REFUSALS = {
    **REFUSAL_WORDS,
    "unknown_ticket": say("Kode tiket tidak ditemukan."),
    "closed_ticket": say("Aduan {ticket} sudah ditutup: catat sebagai aduan baru."),
    "reason": say("Pilih alasan; untuk alasan lain tulis keterangannya."),
}


def _admin_of(staff: StaffSessionInfo, channel: TriageChannel) -> None:
    if staff.user.unit_code not in ("", channel.channel):
        raise ConsoleRefusal(403, staff)


def _listed(crm: Crm, channel: TriageChannel) -> list[dict[str, Any]]:
    """Each waiting draft with its suggestions, in words."""
    listed = []
    for draft in channel.core.drafts(crm, PAGE):
        received = draft.received_at.astimezone(WIB).strftime("%d-%m-%Y %H.%M WIB")
        suggestions = shown(crm, channel.core.suggestions(crm, draft))
        listed.append(
            {
                "draft": draft,
                "text": channel.core.text_of(draft),
                "received": received,
                "suggestions": suggestions,
            }
        )
    return listed


def _routes(channel: TriageChannel) -> None:
    path = f"/console/kanal/{channel.kind}"

    @router.get(path, response_class=HTMLResponse, include_in_schema=False)
    async def triage_page(request: Request, staff: ChannelAdmin) -> Response:
        _admin_of(staff, channel)
        crm = crm_of(request)
        listed = await run_in_threadpool(_listed, crm, channel)
        if listed:  # the senders were shown: each look is recorded
            shown_ids = [item["draft"].id for item in listed]
            await run_in_threadpool(
                audit.record,
                crm,
                staff.user.username,
                VIEW_ACTION,
                channel.channel,
                "",
                {"drafts": shown_ids, "role": staff.user.role, "unit": staff.user.unit_code},
            )
        choices = await run_in_threadpool(choices_for, crm, [channel.channel])
        waiting = await run_in_threadpool(channel.core.waiting, crm)
        query = request.query_params
        refusals = {**DRAFT_REFUSALS, "decided": channel.decided}
        return page(
            request,
            "triage.html",
            staff,
            channel=channel,
            action_path=path,
            listed=listed,
            more=max(0, waiting - len(listed)),
            choices=choices,
            reasons=REASON_WORDS,
            done=channel.done.get(query.get("done", ""), ""),
            done_ticket=query.get("tiket", "")[:30],
            error=refusals.get(query.get("gagal", ""), ""),
            first_ticket=query.get("pertama", "")[:30],
        )

    @router.post(path + "/{draft_id}", include_in_schema=False)
    async def decide(request: Request, staff: ChannelAdmin, draft_id: RowId) -> Response:
        _admin_of(staff, channel)
        crm = crm_of(request)
        form = await request.form()
        value = {
            k: str(form.get(k, "") or "")
            for k in (
                "decision",
                "kelurahan",
                "category",
                "description",
                "ticket",
                "reason",
                "note",
            )
        }
        user = staff.user
        run: Callable[..., Any] = run_in_threadpool
        try:
            if value["decision"] == "confirm":
                choices = await run(choices_for, crm, [channel.channel])
                kelurahan = kelurahan_code(choices, value["kelurahan"])
                ticket = await run(
                    channel.core.confirm,
                    crm,
                    draft_id,
                    user.id,
                    user.display_name,
                    kelurahan,
                    value["category"],
                    value["description"],
                )
                done = f"confirmed&tiket={ticket}"
            elif value["decision"] == "merge":
                who = (user.id, user.display_name, user.role)
                ticket = await run(channel.core.merge, crm, draft_id, who, value["ticket"])
                done = f"merged&tiket={ticket}"
            else:
                await run(
                    channel.core.dismiss, crm, draft_id, user.id, value["reason"], value["note"]
                )
                done = "dismissed"
        except DraftRefused as refused:
            target = f"{path}?gagal={refused.code}&pertama={refused.ticket_code}#d{draft_id}"
            return RedirectResponse(target, status_code=303)
        return RedirectResponse(f"{path}?done={done}", status_code=303)


for _channel in CHANNELS.values():
    _routes(_channel)
