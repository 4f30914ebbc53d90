"""Open311 GeoReport v2 at ``/open311/v2/`` (https://wiki.open311.org/GeoReport_v2/):
``requests`` — read them, and create one (through the core's one way to receive a
complaint, ``core.intake``).

Services are the complaint categories; ``service_request_id`` is the ticket code.
The specification has only ``open``/``closed``; our workflow state travels in
``status_notes`` (the public Indonesian label) and an added ``extended_status`` field.

Public answers never carry personal data: ``description`` (free text that often
names people) is withheld, ``address`` is the kelurahan, and coordinates are
rounded to about 100 m.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from sqlalchemy import select

from complaint_domain.areas import AreaIndex
from complaint_domain.complaint import WIB
from complaint_domain.reference import CATEGORY_BY_CODE, CHANNEL_BY_CODE
from complaint_domain.status import Status, public_status_text
from complaint_domain.ticket import new_tracking_token
from crm_server.core.auth import api_key_known
from crm_server.core.complaints import shown_unit
from crm_server.core.crm import Crm
from crm_server.core.intake import NewComplaint, receive_one
from crm_server.core.workflow import Workflow
from crm_server.db.models import Complaint
from crm_server.open311.formats import (
    ERROR_RESPONSES,
    Open311Error,
    check_format,
    crm_of,
    error,
    iso,
    render,
)
from crm_server.open311.params import (
    FORM_FIELDS,
    checked,
    coordinate,
    listing,
    parse_date,
    single_values,
)

router = APIRouter()
MAX_RESULTS = 1000
DEFAULT_DAYS = 90
SERVICE_NOTICE = (
    "Aduan diterima. Lacak statusnya dengan kode tiket ini; langkah pertama paling lambat "
    "1 hari kerja."
)


def _request_json(c: Complaint, areas: AreaIndex, workflow: Workflow) -> dict[str, Any]:
    status = Status(c.status)
    label = public_status_text(status, c.reason, c.merged_into)
    category = CATEGORY_BY_CODE.get(c.category_code)
    loc = c.location or {}
    lat, lon = loc.get("latitude"), loc.get("longitude")
    due = (
        dt.datetime.combine(c.due_date, dt.time(23, 59, 59), WIB)
        if c.due_date is not None
        else None
    )
    return {
        "service_request_id": c.ticket_code,
        "status": "closed" if status.is_final else "open",
        "status_notes": f"{label} — {shown_unit(c)}",
        "extended_status": status.value,
        "service_name": category.name if category else c.category_code,
        "service_code": c.category_code,
        "description": None,  # free text often names people: not public
        "agency_responsible": shown_unit(c),
        "service_notice": None,
        "requested_datetime": iso(c.created_at),
        "updated_datetime": iso(c.last_public_update_at),
        "expected_datetime": iso(due),
        "address": areas.describe(c.kelurahan_code) or None,
        "address_id": c.kelurahan_code,
        "zipcode": None,
        "lat": round(lat, 3) if isinstance(lat, int | float) else None,
        "long": round(lon, 3) if isinstance(lon, int | float) else None,
        "media_url": None,
    }


def _query(crm: Crm, params: Mapping[str, str]) -> list[dict[str, Any]]:
    workflow = Workflow(crm)
    areas = crm.areas()
    query = select(Complaint)
    ids = [p.strip().upper() for p in params.get("service_request_id", "").split(",") if p.strip()]
    if ids:
        # The specification: with service_request_id, every other filter is ignored.
        query = query.where(Complaint.ticket_code.in_(ids[:MAX_RESULTS]))
    else:
        end = parse_date(params["end_date"], "end_date") if params.get("end_date") else crm.now()
        start = (
            parse_date(params["start_date"], "start_date")
            if params.get("start_date")
            else end - dt.timedelta(days=DEFAULT_DAYS)
        )
        query = query.where(Complaint.created_at >= start, Complaint.created_at <= end)
        codes = [s.strip() for s in params.get("service_code", "").split(",") if s.strip()]
        if codes:
            query = query.where(Complaint.category_code.in_(codes))
        wanted = {s.strip().lower() for s in params.get("status", "").split(",") if s.strip()}
        finals = [s.value for s in Status if s.is_final]
        if wanted == {"open"}:
            query = query.where(Complaint.status.not_in(finals))
        elif wanted == {"closed"}:
            query = query.where(Complaint.status.in_(finals))
        elif wanted - {"open", "closed"}:
            raise Open311Error(400, "status must be open or closed.")
    query = query.order_by(Complaint.created_at.desc()).limit(MAX_RESULTS)
    with crm.sessions() as session:
        return [_request_json(c, areas, workflow) for c in session.scalars(query)]


def _create(crm: Crm, form: Mapping[str, str]) -> dict[str, Any]:
    if not api_key_known(crm, form.get("api_key", "")):
        raise Open311Error(403, "Invalid api_key received -- can't proceed with create_request.")
    code = form.get("service_code", "").strip()
    if not code:
        raise Open311Error(400, "service_code was not provided.")
    if code not in CATEGORY_BY_CODE:
        raise Open311Error(404, "service_code was not found.")
    description = form.get("description", "").strip()
    if not 10 <= len(description) <= 4000:
        raise Open311Error(400, "description must be 10 to 4000 characters.")
    lat, lon = coordinate(form.get("lat"), -90, 90), coordinate(form.get("long"), -180, 180)
    kelurahan, unknown = _kelurahan(crm, form, lat is not None and lon is not None)
    channel = form.get("channel", "JAKI").strip().upper()
    if channel not in CHANNEL_BY_CODE:
        channel = "JAKI"
    now = crm.now()
    name = " ".join(p for p in (form.get("first_name", ""), form.get("last_name", "")) if p)
    ticket = receive_one(
        crm,
        NewComplaint(
            id=uuid.uuid4(),
            ticket_code="",  # the CRM mints its own
            tracking_token=new_tracking_token(),
            desk_id=None,
            channel=channel,
            officer="Open311",
            urgency="normal",
            category_code=code,
            description=description,
            earlier_references=[],
            complainant={
                "name": name[:120],
                "phone": form.get("phone", "")[:30],
                "email": form.get("email", "")[:200],
                "account_id": form.get("account_id", "")[:100],
                "consent_given_at": now.isoformat(),
            },
            location={
                "kelurahan_code": kelurahan,
                "street": form.get("address_string", "")[:200],
                "latitude": lat,
                "longitude": lon,
            },
            attachments=[],
            created_at=now,
            unknown=unknown,
        ),
        now,
    )
    return {
        "service_request_id": ticket,
        "service_notice": SERVICE_NOTICE,
        "account_id": form.get("account_id") or None,
    }


def _kelurahan(crm: Crm, form: Mapping[str, str], has_point: bool) -> tuple[str, tuple[str, ...]]:
    """The kelurahan of a new request, and what the channel admin must settle. The
    specification asks for a location as address_id, as lat and long, or as
    address_string: without address_id the request is received all the same (a
    receipt is a promise) into the channel admin's triage, who sets its kelurahan."""
    kelurahan = form.get("address_id", "").strip()
    if kelurahan:
        area = crm.areas().get(kelurahan)
        if area is None or area.level.value != "kelurahan":
            raise Open311Error(
                400, "address_id must be the Kemendagri code of a kelurahan (e.g. 31.71.01.1001)."
            )
        return kelurahan, ()
    if not has_point and not form.get("address_string", "").strip():
        raise Open311Error(
            400, "A location is needed: address_id, lat and long, or address_string."
        )
    return "", ("kelurahan belum diketahui: tentukan dari lokasi yang dikirim",)


@router.get("/requests.{fmt}", responses=ERROR_RESPONSES)
async def get_requests(request: Request, fmt: str) -> Response:
    return await listing(request, fmt, _query, "service_requests", "request")


@router.post(
    "/requests.{fmt}",
    responses=ERROR_RESPONSES,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/x-www-form-urlencoded": {
                    "schema": {
                        "type": "object",
                        "properties": {name: {"type": "string"} for name in FORM_FIELDS},
                        "required": ["api_key", "service_code"],
                    }
                }
            },
        }
    },
)
async def post_request(request: Request, fmt: str) -> Response:
    try:
        fmt = check_format(fmt)
        media_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
        if media_type != "application/x-www-form-urlencoded":
            raise Open311Error(400, "Send the request as application/x-www-form-urlencoded.")
        raw = await request.body()
        try:
            form = single_values(parse_qs(raw.decode("utf-8"), keep_blank_values=True))
        except UnicodeDecodeError:
            raise Open311Error(400, "The body must be UTF-8 form data.") from None
        created = await run_in_threadpool(_create, crm_of(request), checked(form))
    except Open311Error as exc:
        return error(fmt, exc.code, exc.description)
    return render(fmt, [created], "service_requests", "request")


@router.get("/requests/{service_request_id}.{fmt}", responses=ERROR_RESPONSES)
async def get_request(request: Request, service_request_id: str, fmt: str) -> Response:
    try:
        fmt = check_format(fmt)
        params = checked({"service_request_id": service_request_id})
        found = await run_in_threadpool(_query, crm_of(request), params)
    except Open311Error as exc:
        return error(fmt, exc.code, exc.description)
    if not found:
        return error(fmt, 404, "service_request_id was not found.")
    return render(fmt, found, "service_requests", "request")
