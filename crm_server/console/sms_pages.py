"""What staff see of the SMS channel (issue 21 item 5): the words of a complaint's
messages and their delivery state (the partial ``complaint_sms.html`` the complaint
page includes), and the koordinator's page of a day's totals and failures
(``GET /console/sms``, linked from the dashboard). Numbers are masked by the core
(``core.sms.staff``)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from complaint_domain.complaint import WIB
from crm_server.console.deps import crm_of, staff_with_role
from crm_server.console.inbox import STATE_WORDS
from crm_server.console.render import page
from crm_server.console.words import say
from crm_server.core.bounds import day_or_none
from crm_server.core.crm import Crm
from crm_server.core.sms.staff import complaint_messages, daily_totals
from crm_server.core.staff_sign_in import StaffSessionInfo

router = APIRouter()
City = Annotated[StaffSessionInfo, Depends(staff_with_role("koordinator", "admin"))]
DELIVERY_WORDS = {
    "queued": say("Antre"),
    "handing": say("Diserahkan ke gateway"),
    "handed": say("Di gateway"),
    "sent": say("Terkirim"),
    "delivered": say("Diterima ponsel"),
    "failed": say("Gagal"),
    "cancelled": say("Dibatalkan (BERHENTI)"),
}
KIND_WORDS = {
    **STATE_WORDS,
    "done": say("Selesai"),
    "reminder": say("Pengingat"),
    "co_reporter": say("Pelapor tambahan"),
}


def local(moment: dt.datetime | None) -> str:
    return moment.astimezone(WIB).strftime("%d-%m-%Y %H:%M") if moment else "–"


def messages_of(crm: Crm, ticket_code: str) -> dict[str, Any]:
    """The complaint page's SMS context: its messages (masked numbers) and words."""
    return {
        "sms": complaint_messages(crm, ticket_code) or [],
        "sms_delivery": DELIVERY_WORDS,
        "sms_kinds": KIND_WORDS,
        "sms_local": local,
    }


def _day(request: Request) -> dt.date | None:
    return day_or_none(request.query_params.get("hari", ""))


@router.get("/console/sms", response_class=HTMLResponse, include_in_schema=False)
async def sms_page(request: Request, staff: City) -> Response:
    totals = await run_in_threadpool(daily_totals, crm_of(request), _day(request))
    return page(
        request,
        "sms.html",
        staff,
        totals=totals,
        delivery=DELIVERY_WORDS,
        kinds=KIND_WORDS,
    )
