"""Open311 GeoReport v2 at ``/open311/v2/`` (https://wiki.open311.org/GeoReport_v2/).

Services are the complaint categories; ``service_request_id`` is the ticket code.
Both formats of the specification (``.json`` and ``.xml``) and its error shape
(a list of ``{code, description}``) are served. The specification has only
``open``/``closed``; our workflow state travels in ``status_notes`` (the public
Indonesian label) and an added ``extended_status`` field.

Public answers never carry personal data: ``description`` (free text that often
names people) is withheld, ``address`` is the kelurahan, and coordinates are
rounded to about 100 m.
"""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from sqlalchemy import func, select

from complaint_domain.areas import AreaIndex
from complaint_domain.complaint import WIB
from complaint_domain.reference import CATEGORIES, CATEGORY_BY_CODE, CHANNEL_BY_CODE
from complaint_domain.status import Status, public_status_text
from complaint_domain.ticket import mint, new_tracking_token
from crm_server.db import lock_feed, transaction
from crm_server.models import ApiKey, Complaint, Event
from crm_server.schemas import holds_nul
from crm_server.security import hash_secret
from crm_server.service import CRM_DESK_CODE, Crm, channel_admin_unit, received_event_id
from crm_server.workflow import Workflow, shown_unit

router = APIRouter(prefix="/open311/v2", tags=["open311"])
SPEC = "http://wiki.open311.org/GeoReport_v2"
CHANGESET = "2026-11-22T00:00:00+07:00"
MAX_RESULTS = 1000
DEFAULT_DAYS = 90
SERVICE_NOTICE = (
    "Aduan diterima. Lacak statusnya dengan kode tiket ini; langkah pertama paling lambat "
    "1 hari kerja."
)
_ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"description": "Open311 error list"} for code in (400, 403, 404)
}


class Open311Error(Exception):
    def __init__(self, code: int, description: str) -> None:
        super().__init__(description)
        self.code, self.description = code, description


# ------------------------------------------------------------------ rendering


def _xml_value(parent: ET.Element, tag: str, value: Any, item_tags: Mapping[str, str]) -> None:
    node = ET.SubElement(parent, tag)
    if value is None:
        return
    if isinstance(value, bool):
        node.text = "true" if value else "false"
    elif isinstance(value, list):
        child_tag = item_tags.get(tag, tag.rstrip("s"))
        for element in value:
            _xml_value(node, child_tag, element, item_tags)
    elif isinstance(value, dict):
        for key, inner in value.items():
            _xml_value(node, key, inner, item_tags)
    else:
        node.text = str(value)


def render(
    fmt: str,
    data: Any,
    root: str,
    item: str = "",
    status: int = 200,
    item_tags: Mapping[str, str] | None = None,
) -> Response:
    if fmt == "json":
        return JSONResponse(data, status_code=status)
    tags = dict(item_tags or {})
    if item:
        tags[root] = item
    top = ET.Element(root)
    if isinstance(data, list):
        for element in data:
            _xml_value(top, item, element, tags)
    else:
        for key, value in data.items():
            _xml_value(top, key, value, tags)
    body = ET.tostring(top, encoding="unicode")
    xml = f'<?xml version="1.0" encoding="utf-8"?>\n{body}'
    return Response(xml, status_code=status, media_type="text/xml; charset=utf-8")


def error(fmt: str, code: int, description: str) -> Response:
    return render(
        fmt if fmt in ("json", "xml") else "json",
        [{"code": code, "description": description}],
        "errors",
        "error",
        status=code,
    )


def _fmt(fmt: str) -> str:
    fmt = fmt.lower()
    if fmt not in ("json", "xml"):
        raise Open311Error(404, "Format must be json or xml.")
    return fmt


def _iso(value: dt.datetime | None) -> str | None:
    return value.astimezone(WIB).isoformat(timespec="seconds") if value else None


def _parse_date(text: str, name: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise Open311Error(400, f"{name} must be an ISO 8601 date-time.") from None
    # Far from the years datetime can hold: the default window (a date less 90 days)
    # and the conversion to UTC for the query would overflow at its ends.
    if not 1900 <= value.year <= 9000:
        raise Open311Error(400, f"{name} must be between the years 1900 and 9000.")
    return value if value.tzinfo else value.replace(tzinfo=WIB)


# ------------------------------------------------------------------ helpers


def _service(code: str) -> dict[str, Any]:
    category = CATEGORY_BY_CODE[code]
    group = CATEGORY_BY_CODE[category.parent].name if category.parent else category.name
    return {
        "service_code": category.code,
        "service_name": category.name,
        "description": f"Aduan tentang: {category.name.lower()}.",
        "metadata": False,
        "type": "realtime",
        "keywords": ", ".join(w for w in category.code.lower().split(".")),
        "group": group,
    }


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
        "requested_datetime": _iso(c.created_at),
        "updated_datetime": _iso(c.last_public_update_at),
        "expected_datetime": _iso(due),
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
        end = _parse_date(params["end_date"], "end_date") if params.get("end_date") else crm.now()
        start = (
            _parse_date(params["start_date"], "start_date")
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


def _updates(crm: Crm, params: Mapping[str, str]) -> list[dict[str, Any]]:
    end = _parse_date(params["end_date"], "end_date") if params.get("end_date") else crm.now()
    start = (
        _parse_date(params["start_date"], "start_date")
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
            "updated_datetime": _iso(e.at),
            "description": f"{e.public_label}: {e.note}" if e.note else e.public_label,
            "media_url": None,
        }
        for e, ticket in rows
    ]


def _create(crm: Crm, form: Mapping[str, str]) -> dict[str, Any]:
    key = form.get("api_key", "")
    with crm.sessions() as session:
        known = bool(key) and session.get(ApiKey, hash_secret(key)) is not None
    if not known:
        raise Open311Error(403, "Invalid api_key received -- can't proceed with create_request.")
    code = form.get("service_code", "").strip()
    if not code:
        raise Open311Error(400, "service_code was not provided.")
    if code not in CATEGORY_BY_CODE:
        raise Open311Error(404, f"service_code {code} was not found.")
    areas = crm.areas()
    kelurahan = form.get("address_id", "").strip()
    area = areas.get(kelurahan)
    if area is None or area.level.value != "kelurahan":
        raise Open311Error(
            400, "address_id must be the Kemendagri code of a kelurahan (e.g. 31.71.01.1001)."
        )
    description = form.get("description", "").strip()
    if not 10 <= len(description) <= 4000:
        raise Open311Error(400, "description must be 10 to 4000 characters.")
    lat, lon = _coordinate(form.get("lat"), -90, 90), _coordinate(form.get("long"), -180, 180)
    channel = form.get("channel", "JAKI").strip().upper()
    if channel not in CHANNEL_BY_CODE:
        channel = "JAKI"
    now = crm.now()
    name = " ".join(p for p in (form.get("first_name", ""), form.get("last_name", "")) if p)
    workflow = Workflow(crm)
    with transaction(crm.sessions) as session:
        lock_feed(session)  # also serialises the daily sequence below
        day = now.astimezone(WIB).date()
        prefix = f"{CRM_DESK_CODE}-{day:%y%m%d}-"
        taken = session.scalar(
            select(func.count())
            .select_from(Complaint)
            .where(Complaint.ticket_code.like(prefix + "%"))
        )
        ticket = str(mint(CRM_DESK_CODE, day, (taken or 0) + 1))
        complaint = Complaint(
            id=uuid.uuid4(),
            ticket_code=ticket,
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
            kelurahan_code=kelurahan,
            kota_code=area.kota_code or "",
            location={
                "kelurahan_code": kelurahan,
                "street": form.get("address_string", "")[:200],
                "latitude": lat,
                "longitude": lon,
            },
            attachments=[],
            created_at=now,
            received_at=now,
            status=Status.RECEIVED.value,
            status_since=now,
            last_public_update_at=now,
            due_date=workflow.due_date(Status.RECEIVED, now),
            unit_name=channel_admin_unit(channel),
        )
        session.add(complaint)
        session.flush()
        session.add(
            Event(
                id=received_event_id(complaint.id),
                complaint_pk=complaint.pk,
                desk_id=None,
                kind="status",
                status=Status.RECEIVED.value,
                actor="CRM",
                actor_role="system",
                note="Aduan diterima CRM.",
                unit_name=complaint.unit_name,
                public_label=Status.RECEIVED.public_label,
                at=now,
                recorded_at=now,
                public=True,
                attachments=[],
            )
        )
    return {
        "service_request_id": ticket,
        "service_notice": SERVICE_NOTICE,
        "account_id": form.get("account_id") or None,
    }


def _coordinate(raw: str | None, low: float, high: float) -> float | None:
    if raw is None or not raw.strip():
        return None
    try:
        value = float(raw)
    except ValueError:
        raise Open311Error(400, "lat and long must be decimal degrees.") from None
    if not low <= value <= high:
        raise Open311Error(400, "lat and long are out of range.")
    return value


def _single(params: Mapping[str, Sequence[str]]) -> dict[str, str]:
    return {k: v[0] for k, v in params.items() if v}


# The fields of a POST requests (the specification's, and our channel), and every
# parameter name a client may send.
_FORM_FIELDS = (
    "api_key", "service_code", "lat", "long", "address_string", "address_id", "email",
    "device_id", "account_id", "first_name", "last_name", "phone", "description",
    "media_url", "channel",
)  # fmt: skip
_PARAMETERS = frozenset(_FORM_FIELDS) | {"service_request_id", "start_date", "end_date", "status"}


def checked(params: Mapping[str, str]) -> Mapping[str, str]:
    """Every parameter (path, query or form) before use: one with a NUL is a 400, as
    ``schemas.Text`` refuses it in the JSON API (PostgreSQL text cannot hold NUL).
    Only a parameter name of the specification is named back, never client input."""
    for name, value in params.items():
        if holds_nul(name) or holds_nul(value):
            what = name if name in _PARAMETERS else "A parameter"
            raise Open311Error(400, f"{what} must not contain NUL characters.")
    return params


# ------------------------------------------------------------------ routes


def _crm(request: Request) -> Crm:
    crm: Crm = request.app.state.crm
    return crm


@router.get("/discovery.{fmt}", responses=_ERROR_RESPONSES)
def discovery(request: Request, fmt: str) -> Response:
    try:
        fmt = _fmt(fmt)
    except Open311Error as exc:
        return error(fmt, exc.code, exc.description)
    base = str(request.base_url).rstrip("/") + "/open311/v2/"
    data = {
        "changeset": CHANGESET,
        "contact": "Biro Pemerintahan Provinsi DKI Jakarta",
        "key_service": "Minta api_key kepada Biro Pemerintahan (crm-server add-api-key).",
        "endpoints": [
            {
                "specification": SPEC,
                "url": base,
                "changeset": CHANGESET,
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }
    return render(fmt, data, "discovery", item_tags={"endpoints": "endpoint", "formats": "format"})


@router.get("/services.{fmt}", responses=_ERROR_RESPONSES)
def services(fmt: str) -> Response:
    try:
        fmt = _fmt(fmt)
    except Open311Error as exc:
        return error(fmt, exc.code, exc.description)
    data = [_service(c.code) for c in CATEGORIES if c.parent is not None]
    return render(fmt, data, "services", "service")


@router.get("/services/{service_code}.{fmt}", responses=_ERROR_RESPONSES)
def service_definition(service_code: str, fmt: str) -> Response:
    try:
        fmt = _fmt(fmt)
        checked({"service_code": service_code})  # the 404 below names it back
    except Open311Error as exc:
        return error(fmt, exc.code, exc.description)
    if service_code not in CATEGORY_BY_CODE:
        return error(fmt, 404, f"service_code {service_code} was not found.")
    # No extra attributes: every service has metadata false.
    return render(fmt, {"service_code": service_code, "attributes": []}, "service_definition")


@router.get("/requests.{fmt}", responses=_ERROR_RESPONSES)
async def get_requests(request: Request, fmt: str) -> Response:
    try:
        fmt = _fmt(fmt)
        params = checked(dict(request.query_params))
        data = await run_in_threadpool(_query, _crm(request), params)
    except Open311Error as exc:
        return error(fmt, exc.code, exc.description)
    return render(fmt, data, "service_requests", "request")


@router.post(
    "/requests.{fmt}",
    responses=_ERROR_RESPONSES,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/x-www-form-urlencoded": {
                    "schema": {
                        "type": "object",
                        "properties": {name: {"type": "string"} for name in _FORM_FIELDS},
                        "required": ["api_key", "service_code"],
                    }
                }
            },
        }
    },
)
async def post_request(request: Request, fmt: str) -> Response:
    try:
        fmt = _fmt(fmt)
        raw = await request.body()
        try:
            form = _single(parse_qs(raw.decode("utf-8"), keep_blank_values=True))
        except UnicodeDecodeError:
            raise Open311Error(400, "The body must be UTF-8 form data.") from None
        created = await run_in_threadpool(_create, _crm(request), checked(form))
    except Open311Error as exc:
        return error(fmt, exc.code, exc.description)
    return render(fmt, [created], "service_requests", "request")


@router.get("/requests/{service_request_id}.{fmt}", responses=_ERROR_RESPONSES)
async def get_request(request: Request, service_request_id: str, fmt: str) -> Response:
    try:
        fmt = _fmt(fmt)
        params = checked({"service_request_id": service_request_id})
        found = await run_in_threadpool(_query, _crm(request), params)
    except Open311Error as exc:
        return error(fmt, exc.code, exc.description)
    if not found:
        return error(fmt, 404, f"service_request_id {service_request_id} was not found.")
    return render(fmt, found, "service_requests", "request")


@router.get("/servicerequestupdates.{fmt}", responses=_ERROR_RESPONSES)
async def request_updates(request: Request, fmt: str) -> Response:
    try:
        fmt = _fmt(fmt)
        params = checked(dict(request.query_params))
        data = await run_in_threadpool(_updates, _crm(request), params)
    except Open311Error as exc:
        return error(fmt, exc.code, exc.description)
    return render(fmt, data, "service_request_updates", "request_update")
