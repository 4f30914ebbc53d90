"""``servicerequestupdates``: the public steps of requests, in server order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import select

from complaint_domain.status import Status
from crm_server.core.crm import Crm
from crm_server.db.models import Complaint, Event
from crm_server.open311.formats import (
    ERROR_RESPONSES,
    iso,
)
from crm_server.open311.params import listing, parse_date
from crm_server.open311.requests import MAX_RESULTS

router = APIRouter()


def _updates(crm: Crm, params: Mapping[str, str]) -> list[dict[str, Any]]:
    end = parse_date(params["end_date"], "end_date") if params.get("end_date") else crm.now()
    start = (
        parse_date(params["start_date"], "start_date")
        if params.get("start_date")
        else end - dt.timedelta(days=1)
    )
    query = (
        select(Event, Complaint.ticket_code)
        .join(Complaint, Complaint.pk == Event.complaint_pk)
        .where(Event.public.is_(True), Event.at >= start, Event.at <= end)
        .order_by(Event.seq)
        .limit(MAX_RESULTS)
    )
    if params.get("service_request_id"):
        query = query.where(Complaint.ticket_code == params["service_request_id"].strip().upper())
    with crm.sessions() as session:
        rows = session.execute(query).all()
    return [
        {
            "update_id": str(e.id),
            "service_request_id": ticket,
            "status": "closed" if Status(e.status).is_final else "open",
            "extended_status": e.status,
            "updated_datetime": iso(e.at),
            "description": f"{e.public_label}: {e.note}" if e.note else e.public_label,
            "media_url": None,
        }
        for e, ticket in rows
    ]


@router.get("/servicerequestupdates.{fmt}", responses=ERROR_RESPONSES)
async def request_updates(request: Request, fmt: str) -> Response:
    return await listing(request, fmt, _updates, "service_request_updates", "request_update")
