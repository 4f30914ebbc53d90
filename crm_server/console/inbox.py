"""The inbox: what waits for the signed-in user's role and unit (or all they may
see), oldest due first, with the filters of a GET form and find-by-ticket-code."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from complaint_domain.areas import AreaLevel
from complaint_domain.reference import CATEGORIES, CHANNELS, category_label
from complaint_domain.status import Status
from crm_server.console.deps import Staff, crm_of
from crm_server.console.render import page
from crm_server.console.words import say
from crm_server.core.bounds import day_or_none
from crm_server.core.context import CrmContext
from crm_server.core.inbox import VIEWS, Cursor, Filters, find_visible, inbox

router = APIRouter()

# The states a filter offers, in the workflow's order ("Proses" stands for both
# in_progress and returned), and the words each state is shown with.
STATE_WORDS = {
    Status.RECEIVED.value: say("Menunggu"),
    Status.COORDINATION.value: say("Koordinasi"),
    Status.DISPOSITION.value: say("Disposisi"),
    Status.IN_PROGRESS.value: say("Proses"),
    Status.RETURNED.value: say("Proses (dikembalikan)"),
    Status.VERIFICATION.value: say("Verifikasi"),
    Status.DONE.value: say("Selesai"),
    Status.REJECTED.value: say("Ditolak"),
    Status.DUPLICATE.value: say("Digabung"),
}
FILTER_STATES = [s for s in STATE_WORDS if s != Status.RETURNED.value]
LATENESS = {"overdue": say("Terlambat"), "digantung": say("Digantung")}
FIELDS = (
    "tampilan",
    "status",
    "kota",
    "kecamatan",
    "kelurahan",
    "kategori",
    "kanal",
    "dari",
    "sampai",
    "tenggat",
)


def _date(text: str) -> dt.date | None:
    return day_or_none(text)


def filters_from(query: dict[str, str], crm: CrmContext) -> Filters:
    """The form's values, each one kept only when it names something real (a
    stray value is ignored, never an error page)."""
    areas = crm.areas()

    def area(name: str, level: AreaLevel) -> str:
        found = areas.get(query.get(name, ""))
        return found.code if found and found.level is level else ""

    categories = {c.code for c in CATEGORIES}
    channels = {c.code for c in CHANNELS}
    return Filters(
        view=query.get("tampilan", "") if query.get("tampilan") in VIEWS else "waiting",
        state=query.get("status", "") if query.get("status") in FILTER_STATES else "",
        kota=area("kota", AreaLevel.KOTA),
        kecamatan=area("kecamatan", AreaLevel.KECAMATAN),
        kelurahan=area("kelurahan", AreaLevel.KELURAHAN),
        category=query.get("kategori", "") if query.get("kategori") in categories else "",
        channel=query.get("kanal", "") if query.get("kanal") in channels else "",
        date_from=_date(query.get("dari", "")),
        date_to=_date(query.get("sampai", "")),
        lateness=query.get("tenggat", "") if query.get("tenggat") in LATENESS else "",
    )


def choices(crm: CrmContext) -> dict[str, Any]:
    """What the filter form's lists offer: the areas by level (kecamatan and
    kelurahan grouped under their parent), categories and channels."""
    areas = crm.areas()
    kotas = areas.at_level(AreaLevel.KOTA)
    return {
        "kotas": [(k.code, k.short_name) for k in kotas],
        "kecamatans": [
            (k.short_name, [(a.code, a.name) for a in areas.children(k.code)]) for k in kotas
        ],
        "kelurahans": [
            (kec.name, [(a.code, a.name) for a in areas.children(kec.code)])
            for kec in areas.at_level(AreaLevel.KECAMATAN)
        ],
        "categories": [(c.code, category_label(c.code)) for c in CATEGORIES],
        "channels": [(c.code, c.name) for c in CHANNELS],
        "states": [(s, STATE_WORDS[s]) for s in FILTER_STATES],
        "lateness": list(LATENESS.items()),
    }


@router.get("/console/", response_class=HTMLResponse, include_in_schema=False)
async def inbox_page(request: Request, staff: Staff) -> Response:
    crm = crm_of(request)
    query = dict(request.query_params)
    not_found = ""
    if "cari" in query:
        typed = query["cari"].strip()[:40]
        code = await run_in_threadpool(find_visible, crm, staff.user, typed) if typed else None
        if code is not None:
            return RedirectResponse(f"/console/c/{code}", status_code=303)
        not_found = typed
    f = await run_in_threadpool(filters_from, query, crm)
    cursor = Cursor.read(query.get("setelah", ""))
    found = await run_in_threadpool(inbox, crm, staff.user, f, cursor)
    kept = {k: query[k] for k in FIELDS if query.get(k)}
    next_url = None
    if found.next_cursor is not None:
        next_url = "/console/?" + urlencode({**kept, "setelah": found.next_cursor.text()})
    return page(
        request,
        "inbox.html",
        staff,
        f=f,
        form=kept,
        rows=found.rows,
        next_url=next_url,
        first_url="/console/?" + urlencode(kept) if cursor else None,
        not_found=not_found,
        state_words=STATE_WORDS,
        choices=await run_in_threadpool(choices, crm),
        filtered=any(k in kept for k in FIELDS if k != "tampilan"),
    )
