"""Discovery and the service list: what this endpoint offers (services are the
complaint categories)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from complaint_domain.reference import CATEGORIES, CATEGORY_BY_CODE
from crm_server.open311.formats import ERROR_RESPONSES, Open311Error, check_format, error, render
from crm_server.open311.params import checked

router = APIRouter()
SPEC = "http://wiki.open311.org/GeoReport_v2"
CHANGESET = "2026-11-22T00:00:00+07:00"


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


@router.get("/discovery.{fmt}", responses=ERROR_RESPONSES)
def discovery(request: Request, fmt: str) -> Response:
    try:
        fmt = check_format(fmt)
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


@router.get("/services.{fmt}", responses=ERROR_RESPONSES)
def services(fmt: str) -> Response:
    try:
        fmt = check_format(fmt)
    except Open311Error as exc:
        return error(fmt, exc.code, exc.description)
    data = [_service(c.code) for c in CATEGORIES if c.parent is not None]
    return render(fmt, data, "services", "service")


@router.get("/services/{service_code}.{fmt}", responses=ERROR_RESPONSES)
def service_definition(service_code: str, fmt: str) -> Response:
    try:
        fmt = check_format(fmt)
        checked({"service_code": service_code})  # the 404 below names it back
    except Open311Error as exc:
        return error(fmt, exc.code, exc.description)
    if service_code not in CATEGORY_BY_CODE:
        return error(fmt, 404, "service_code was not found.")
    # No extra attributes: every service has metadata false.
    return render(fmt, {"service_code": service_code, "attributes": []}, "service_definition")
