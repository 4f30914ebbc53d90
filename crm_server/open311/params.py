"""The parameters of Open311 requests, read by hand: dates, coordinates, form
fields, and the NUL check every parameter goes through."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from complaint_domain.complaint import WIB
from crm_server.core.crm import Crm
from crm_server.core.schemas import holds_nul
from crm_server.open311.formats import Open311Error, check_format, crm_of, error, render


def parse_date(text: str, name: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise Open311Error(400, f"{name} must be an ISO 8601 date-time.") from None
    # Far from the years datetime can hold: the default window (a date less 90 days)
    # and the conversion to UTC for the query would overflow at its ends.
    if not 1900 <= value.year <= 9000:
        raise Open311Error(400, f"{name} must be between the years 1900 and 9000.")
    return value if value.tzinfo else value.replace(tzinfo=WIB)


def coordinate(raw: str | None, low: float, high: float) -> float | None:
    if raw is None or not raw.strip():
        return None
    try:
        value = float(raw)
    except ValueError:
        raise Open311Error(400, "lat and long must be decimal degrees.") from None
    if not low <= value <= high:
        raise Open311Error(400, "lat and long are out of range.")
    return value


def single_values(params: Mapping[str, Sequence[str]]) -> dict[str, str]:
    return {k: v[0] for k, v in params.items() if v}


# The fields of a POST requests (the specification's, and our channel), and every
# parameter name a client may send.
FORM_FIELDS = (
    "api_key", "service_code", "lat", "long", "address_string", "address_id", "email",
    "device_id", "account_id", "first_name", "last_name", "phone", "description",
    "media_url", "channel",
)  # fmt: skip
_PARAMETERS = frozenset(FORM_FIELDS) | {"service_request_id", "start_date", "end_date", "status"}


def checked(params: Mapping[str, str]) -> Mapping[str, str]:
    """Every parameter (path, query or form) before use: one with a NUL is a 400, as
    ``core.schemas.Text`` refuses it in the JSON API (PostgreSQL text cannot hold NUL).
    Only a parameter name of the specification is named back, never client input."""
    for name, value in params.items():
        if holds_nul(name) or holds_nul(value):
            what = name if name in _PARAMETERS else "A parameter"
            raise Open311Error(400, f"{what} must not contain NUL characters.")
    return params


async def listing(
    request: Request,
    fmt: str,
    query: Callable[[Crm, Mapping[str, str]], list[dict[str, Any]]],
    root: str,
    item: str,
) -> Response:
    """A GET that lists (requests, updates): the format and every parameter checked,
    the query run off the event loop, the answer or the Open311 error in that format."""
    try:
        fmt = check_format(fmt)
        params = checked(dict(request.query_params))
        data = await run_in_threadpool(query, crm_of(request), params)
    except Open311Error as exc:
        return error(fmt, exc.code, exc.description)
    return render(fmt, data, root, item)
