"""Open311's two formats (JSON and XML) and its error shape: a list of
``{code, description}``, in the format asked for."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from complaint_domain.complaint import WIB
from crm_server.core.crm import Crm

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"description": "Open311 error list"} for code in (400, 403, 404)
}


class Open311Error(Exception):
    def __init__(self, code: int, description: str) -> None:
        super().__init__(description)
        self.code, self.description = code, description


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


def check_format(fmt: str) -> str:
    fmt = fmt.lower()
    if fmt not in ("json", "xml"):
        raise Open311Error(404, "Format must be json or xml.")
    return fmt


def iso(value: dt.datetime | None) -> str | None:
    return value.astimezone(WIB).isoformat(timespec="seconds") if value else None


def crm_of(request: Request) -> Crm:
    crm: Crm = request.app.state.crm
    return crm
