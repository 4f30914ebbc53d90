"""Routes of the queue: the desks' API under ``/api/v1/queue`` (a desk token, scoped
to the desk's own site) and the public display page ``/layar/{site}`` (numbers and
desks only, never a name; it refreshes itself with a meta refresh, a small script
makes it quicker and adds the chime and the voice)."""

from __future__ import annotations

import datetime as dt
import time
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.concurrency import run_in_threadpool

from crm_server.core import queue, queue_board, queue_calling
from crm_server.core.context import CrmContext
from crm_server.core.errors import ApiError
from crm_server.core.schemas import Text
from crm_server.queue_api.schemas import Action, CallBody, EventsBody, IssueBody, StepBody
from crm_server.queue_api.screen import SCRIPT, render_screen
from crm_server.web.deps import ERRORS, Credentials, CrmDep, DeskDep, bearer_token

router = APIRouter(responses=ERRORS)
STEPS = {
    "recall": "recalled",
    "no-show": "no_show",
    "reinstate": "reinstated",
    "transfer": "transferred",
    "start": "started",
    "finish": "finished",
    "link": "linked",
}
_PUBLIC = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "script-src 'self'; connect-src 'self'",
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


@router.post("/api/v1/queue/tickets", status_code=201, tags=["queue"])
def issue(crm: CrmDep, desk: DeskDep, body: IssueBody) -> dict[str, Any]:
    """A new number for the desk's site, with how many are ahead and the estimate."""
    ticket, ahead, minutes = queue.issue(
        crm, desk, body.priority, body.seat_call, body.complaint_code
    )
    return {"ticket": ticket.as_json(), "ahead": ahead, "estimated_minutes": minutes}


@router.post("/api/v1/queue/call-next", tags=["queue"])
def call_next(crm: CrmDep, desk: DeskDep, body: CallBody) -> dict[str, Any]:
    """Call the next visitor (one atomic step); ``ticket`` is null when nobody waits."""
    ticket = queue_calling.call_next(crm, desk, body.officer)
    return {"ticket": ticket.as_json() if ticket else None}


@router.post("/api/v1/queue/tickets/{ticket_id}/{action}", tags=["queue"])
def act(
    crm: CrmDep, desk: DeskDep, ticket_id: uuid.UUID, action: Action, body: StepBody
) -> dict[str, Any]:
    """recall, no-show, reinstate, transfer, start, finish or link one ticket."""
    kind = STEPS[action]
    ticket = queue.act(
        crm, desk, str(ticket_id), kind, body.officer, body.to_desk, body.complaint_code
    )
    return {"ticket": ticket.as_json()}


@router.get("/api/v1/queue/tickets", tags=["queue"])
def tickets(crm: CrmDep, desk: DeskDep) -> dict[str, Any]:
    """Today's unfinished tickets of the desk's site."""
    return {"tickets": [t.as_json() for t in queue.current(crm, desk)]}


# A screen that gives the version it shows waits for a change, up to ``wait`` seconds
# (a long poll: told at once, where asking every second showed a call up to a second
# late). Kept under the desks' read timeout (30 s) and most proxies' idle limits.
After = Annotated[str | None, Query(max_length=64, pattern="^[0-9a-f]*$")]
Wait = Annotated[float, Query(ge=0, le=25)]


async def _board(crm: CrmContext, site: str, after: str | None, wait: float) -> dict[str, Any]:
    """The site's board; with ``after``, once it differs from that version, or when
    ``wait`` seconds passed (then as it is)."""
    changes = crm.queue_changes
    seen = changes.generation(site)
    shown = await run_in_threadpool(queue_board.board, crm, site)
    deadline = time.monotonic() + wait
    while after is not None and shown["version"] == after:
        left = deadline - time.monotonic()
        if left <= 0:
            break
        moved = await changes.wait(site, seen, left)
        seen = changes.generation(site)
        shown = await run_in_threadpool(queue_board.board, crm, site)
        if not moved:  # the period is over: the board as it is (its clock moved on)
            break
    return shown


@router.get("/api/v1/queue/board", tags=["queue"])
async def board(crm: CrmDep, desk: DeskDep, after: After = None, wait: Wait = 20) -> dict[str, Any]:
    """The display's data for the desk's site (``after``: see ``/layar/{site}.json``)."""
    return await _board(crm, desk.site, after, wait)


@router.post("/api/v1/queue/events", tags=["queue"])
def events(crm: CrmDep, desk: DeskDep, body: EventsBody) -> dict[str, int]:
    """Queue events a desk made while it was offline; each counts once."""
    events = [e.model_dump(mode="json") for e in body.events]
    return queue_board.apply_offline(crm, desk, events)


@router.get("/api/v1/queue/figures", tags=["queue"])
def figures(
    crm: CrmDep,
    credentials: Credentials,
    first: Annotated[dt.date, Query(alias="from")],
    last: Annotated[dt.date, Query(alias="to")],
    site: Annotated[Text, Query(max_length=200)] = "",
) -> dict[str, Any]:
    """The queue's figures: a desk token reads its own site's, a staff token any site."""
    token = bearer_token(credentials)
    try:
        site = crm.desk_for_token(token).site
    except ApiError:
        crm.user_for_token(token)
        if not site:
            raise ApiError(422, "invalid", "A site is required.", "site") from None
    if last < first or (last - first).days > 92:
        raise ApiError(422, "invalid", "The period is at most 92 days.", "to")
    return queue_board.figures(crm, site, first, last)


# ---------------------------------------------------------------- the public screen


@router.get("/layar.js", include_in_schema=False)
def screen_script() -> Response:
    return Response(SCRIPT, media_type="text/javascript", headers=_PUBLIC)


@router.get("/layar/{site}.json", tags=["queue"])
async def screen_json(
    crm: CrmDep,
    site: Annotated[Text, Path(max_length=200)],
    after: After = None,
    wait: Wait = 20,
) -> JSONResponse:
    """The display's data: numbers and desks only. With ``after`` (the ``version`` the
    screen shows) the answer waits until the board differs, at most ``wait`` seconds."""
    return JSONResponse(await _board(crm, site, after, wait), headers=_PUBLIC)


@router.get("/layar/{site}", response_class=HTMLResponse, tags=["queue"])
def screen(crm: CrmDep, site: Annotated[Text, Path(max_length=200)]) -> HTMLResponse:
    """The display page for a TV's browser."""
    return HTMLResponse(render_screen(queue_board.board(crm, site)), headers=_PUBLIC)
