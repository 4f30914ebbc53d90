"""The PII probe (issue 18, "what must be shown"): a complaint with a NIK, a phone
number, a name and a street is pushed to the real running CRM (uvicorn on loopback),
then every public surface, the console's pages for a user who may not see the
contact, and the error body of a malformed request to every route are read, and so
is everything the server logged. None holds the complaint's NIK, its phone number
in any written form, its name or its street."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx2
import pytest
from fastapi import FastAPI

from crm_server.core.auth import add_api_key
from crm_server.core.crm import Crm
from tests.crm_server.console.conftest import (  # noqa: F401 (fixtures)
    Console,
    accounts,
    password_hash,
    signed_in,
)
from tests.crm_server.test_logs import _Everything, logged, server  # noqa: F401 (fixtures)

NIK = "3171014506780003"
NAME = "Sulastri Wijayakusuma"
STREET = "Jl. Kenari Rahasia"  # the complainant's home
PHONES = (
    "+6281234567890",
    "6281234567890",
    "081234567890",
    "81234567890",
    "0812 3456 7890",
    "0812-3456-7890",
    "+62 812 3456 7890",
    "+62-812-3456-7890",
    "+62 812-3456-7890",
)
SECRETS = (NIK, "Sulastri", "Wijayakusuma", "Kenari Rahasia", *PHONES)


def _item(complaint_item: Callable[..., dict[str, Any]]) -> dict[str, Any]:
    item = complaint_item()
    item["complainant"].update(name=NAME, nik=NIK, phone="+6281234567890")
    item["complainant"]["address"] = f"{STREET} No. 17"
    # Where the problem is, and what it is, are no personal data (the staff work
    # from them): kept apart from the complainant's own name and address here.
    item["location"]["street"] = "Jl. Medan Merdeka Barat"
    item["description"] = "Jalan berlubang di depan kantor pos, sudah dua bulan."
    return item


def _assert_clean(where: str, text: str) -> None:
    # The phone number with its separators removed too, so that no written form
    # escapes the list above.
    squeezed = "".join(ch for ch in text if ch not in " -.")
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} in {where}"
    assert "81234567890" not in squeezed, f"a phone number in {where}"
    assert NIK not in squeezed, f"the NIK in {where}"


def _malformed_calls(app: FastAPI) -> list[tuple[str, str, dict[str, Any]]]:
    """Each route of the API with its path parameters set to a NIK, a phone number
    in its query and personal data in a body that is not what the route wants."""
    calls = []
    spec = app.openapi()
    bodies: list[dict[str, Any]] = [
        {"content": NIK.encode(), "headers": {"Content-Type": "application/json"}},
        {
            "content": json.dumps({"items": [{"nik": NIK, "phone": PHONES[0], "name": NAME}]}),
            "headers": {"Content-Type": "application/json"},
        },
        {"content": f"nik={NIK}&phone={PHONES[2]}&first_name=Sulastri".encode()},
    ]
    for path, methods in spec["paths"].items():
        url = path.replace("{fmt}", "json")
        for name in ("ticket_code", "service_request_id", "service_code", "code", "token"):
            url = url.replace("{" + name + "}", NIK)
        url = url.replace("{sha256}", "0" * 63 + "g")
        for method in methods:
            query = {"status": NIK, "phone": PHONES[4], "service_request_id": NIK}
            if method in ("post", "put", "patch"):
                for body in bodies:
                    calls.append((method.upper(), url, {"params": query, **body}))
            else:
                calls.append((method.upper(), url, {"params": query}))
    return calls


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_no_personal_data_anywhere_outside(
    app: FastAPI,
    crm: Crm,
    server: str,  # noqa: F811
    logged: _Everything,  # noqa: F811
    desk: dict[str, str],
    signed_in: Callable[[str], Console],  # noqa: F811
) -> None:
    from tests.crm_server.conftest import complaint_item

    item = _item(complaint_item)
    key = add_api_key(crm, "probe")
    seen: dict[str, str] = {}
    headers = {"Authorization": desk["Authorization"]}
    code, token = item["ticket_code"], item["tracking_token"]
    with httpx2.Client(base_url=server, timeout=30) as http:
        pushed = http.post("/api/v1/sync/complaints", json={"items": [item]}, headers=headers)
        assert pushed.json()["results"][0]["outcome"] == "accepted", pushed.text
        public = {
            "tracking": f"/T/{code}/{token}",
            "tracking json": f"/T/{code}/{token}.json",
            "tracking lower case": f"/t/{code.lower()}/{token.lower()}",
        }
        for fmt in ("json", "xml"):
            public |= {
                f"discovery {fmt}": f"/open311/v2/discovery.{fmt}",
                f"services {fmt}": f"/open311/v2/services.{fmt}",
                f"service {fmt}": f"/open311/v2/services/JALAN.RUSAK.{fmt}",
                f"requests {fmt}": f"/open311/v2/requests.{fmt}",
                f"request {fmt}": f"/open311/v2/requests/{code}.{fmt}",
                f"updates {fmt}": f"/open311/v2/servicerequestupdates.{fmt}",
            }
        for where, url in public.items():
            answer = http.get(url)
            assert answer.status_code == 200, (where, answer.text)
            seen[where] = answer.text
        # A new Open311 request with personal data: its answer and the lists after it.
        created = http.post(
            "/open311/v2/requests.json",
            data={
                "api_key": key,
                "service_code": "JALAN.RUSAK",
                "address_string": STREET,
                "description": "Jalan rusak sekali, tolong segera diperbaiki.",
                "first_name": "Sulastri",
                "last_name": "Wijayakusuma",
                "phone": PHONES[4],
            },
        )
        assert created.status_code == 200, created.text
        seen["open311 created"] = created.text
        seen["requests after"] = http.get("/open311/v2/requests.xml").text
        for method, url, kwargs in _malformed_calls(app):
            answer = http.request(method, url, **kwargs)
            assert answer.status_code != 500, (method, url, answer.text)
            seen[f"{method} {url} {answer.status_code}"] = answer.text
    # The console, for a user who may not see the contact (signed in on the same app).
    console = signed_in("koordinator")
    for url in ("/console/", f"/console/c/{code}", "/console/dashboard", f"/console/c/{NIK}"):
        page = console.get(url)
        seen[f"console {url}"] = page.text  # type: ignore[attr-defined]
    assert code in seen[f"console /console/c/{code}"]
    for where, text in seen.items():
        _assert_clean(where, text)
    # The root logger also catches this test's own HTTP client: its lines are not
    # the server's.
    server_lines = [line for line in logged.lines if not line.startswith(("httpx", "httpcore"))]
    _assert_clean("the server's log", "\n".join(server_lines))
    assert any("uvicorn.access" in line for line in logged.lines)  # the log was captured


def test_a_public_note_with_a_phone_number_is_refused(
    push: Callable[..., dict[str, Any]], client: Any, staff: dict[str, dict[str, str]]
) -> None:
    from tests.crm_server.conftest import complaint_item

    item = complaint_item()
    push(item)
    for phone in ("0812-3456-7890", "+62 812 3456 7890", "081234567890"):
        answer = client.post(
            f"/api/v1/workflow/complaints/{item['ticket_code']}/actions",
            json={"action": "accept", "note": f"Hubungi pelapor di {phone}."},
            headers=staff["admin.kanal"],
        )
        assert answer.status_code == 422, answer.text
        assert phone not in answer.text
