"""Holes an outside probe found in Open311 (issue 18, item 6): each test failed on
the code before its fix."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from fastapi.testclient import TestClient

from crm_server.core.auth import add_api_key
from crm_server.core.crm import Crm
from crm_server.core.workflow import Workflow
from crm_server.seed import seed_demo
from tests.crm_server.console.conftest import (  # noqa: F401 (fixtures)
    Console,
    accounts,
    password_hash,
    signed_in,
)

BASE = "/open311/v2"
NIK = "3171014506780003"


def _form(**overrides: str) -> dict[str, str]:
    form = {
        "api_key": "k-probe",
        "service_code": "POHON.TUMBANG",
        "description": "Pohon besar miring ke jalan setelah hujan deras.",
    }
    form.update(overrides)
    return form


def test_error_messages_do_not_repeat_what_the_client_sent(client: TestClient, crm: Crm) -> None:
    add_api_key(crm, "probe", "k-probe")
    answers = [
        client.get(f"{BASE}/requests/{NIK}.json"),
        client.get(f"{BASE}/requests/{NIK}.xml"),
        client.get(f"{BASE}/services/{NIK}.json"),
        client.post(f"{BASE}/requests.json", data=_form(service_code=NIK, address_id="x")),
    ]
    for answer in answers:
        assert answer.status_code in (400, 404), answer.text
        assert NIK not in answer.text


def test_a_request_with_only_a_point_or_only_an_address_goes_to_triage(
    client: TestClient,
    crm: Crm,
    signed_in: Callable[[str], Console],  # noqa: F811
) -> None:
    add_api_key(crm, "probe", "k-probe")
    point = client.post(f"{BASE}/requests.json", data=_form(lat="-6.1754", long="106.8272"))
    street = client.post(f"{BASE}/requests.json", data=_form(address_string="Jl. Medan Merdeka"))
    nowhere = client.post(f"{BASE}/requests.json", data=_form())
    assert (point.status_code, street.status_code, nowhere.status_code) == (200, 200, 400)
    for answer in (point, street):
        ticket = answer.json()[0]["service_request_id"]
        detail = Workflow(crm).detail(ticket)
        assert detail is not None
        notes = [e["note"] for e in detail["events"] if not e.get("public", True)]
        assert any("kelurahan belum diketahui" in n for n in notes), detail["events"]
    # The channel admin finds them in the inbox and opens them.
    admin = signed_in("admin.kanal")
    inbox = admin.get("/console/")
    assert inbox.status_code == 200  # type: ignore[attr-defined]
    for answer in (point, street):
        ticket = answer.json()[0]["service_request_id"]
        assert ticket in inbox.text  # type: ignore[attr-defined]
        assert admin.get(f"/console/c/{ticket}").status_code == 200  # type: ignore[attr-defined]


def test_a_json_body_is_a_400_not_an_invalid_key(client: TestClient, crm: Crm) -> None:
    add_api_key(crm, "probe", "k-probe")
    answer = client.post(
        f"{BASE}/requests.json",
        content=json.dumps(_form(address_id="31.71.01.1001")),
        headers={"Content-Type": "application/json"},
    )
    assert answer.status_code == 400, answer.text
    assert "api_key" not in answer.text


def test_the_demo_seeds_no_fixed_key(crm: Crm) -> None:
    first = seed_demo(crm, password="demo-sandi-panjang").open311_api_key
    assert re.fullmatch(r"o311_[A-Za-z0-9_-]{20,}", first), first
    crm.reset_all()
    crm.ensure_reference_data()
    second = seed_demo(crm, password="demo-sandi-panjang").open311_api_key
    assert first != second
