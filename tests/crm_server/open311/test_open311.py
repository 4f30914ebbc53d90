"""Open311 GeoReport v2, checked field by field against the specification's examples
(https://wiki.open311.org/GeoReport_v2/, "Example response" of each method)."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from crm_server.core.auth import hash_secret
from crm_server.core.crm import Crm
from crm_server.db.models import ApiKey
from tests.crm_server.conftest import assert_no_personal_data, complaint_item

Push = Callable[..., dict[str, Any]]

# The specification's examples (values shortened; the field sets and types are what count).
SPEC_SERVICE = {
    "service_code": "001",
    "service_name": "Cans left out 24x7",
    "description": "Garbage or recycling cans that have been left out...",
    "metadata": True,
    "type": "realtime",
    "keywords": "lorem, ipsum, dolor",
    "group": "sanitation",
}
SPEC_REQUEST = {
    "service_request_id": "638344",
    "status": "closed",
    "status_notes": "Duplicate request.",
    "service_name": "Sidewalk and Curb Issues",
    "service_code": "006",
    "description": None,
    "agency_responsible": None,
    "service_notice": None,
    "requested_datetime": "2010-04-14T06:37:38-08:00",
    "updated_datetime": "2010-04-14T06:37:38-08:00",
    "expected_datetime": "2010-04-15T06:37:38-08:00",
    "address": "8TH AVE and JUDAH ST",
    "address_id": "545483",
    "zipcode": "94122",
    "lat": 37.762221815,
    "long": -122.4651145,
    "media_url": "http://city.gov.s3.amazonaws.com/requests/media/638344.jpg",
}
SPEC_POST_ANSWER = {"service_request_id": "293944", "service_notice": "...", "account_id": None}
SPEC_DISCOVERY = {"changeset", "contact", "key_service", "endpoints"}
SPEC_ENDPOINT = {"specification", "url", "changeset", "type", "formats"}
SPEC_ERROR = {"code": 403, "description": "Invalid api_key received -- can't proceed."}
BASE = "/open311/v2"


def test_discovery(client: TestClient) -> None:
    body = client.get(f"{BASE}/discovery.json").json()
    assert set(body) == SPEC_DISCOVERY
    assert set(body["endpoints"][0]) == SPEC_ENDPOINT
    assert body["endpoints"][0]["formats"] == ["text/xml", "application/json"]
    xml = ET.fromstring(client.get(f"{BASE}/discovery.xml").content)
    assert xml.tag == "discovery"
    assert xml.find("endpoints/endpoint/formats/format") is not None


def test_services_match_the_spec_example(client: TestClient) -> None:
    services = client.get(f"{BASE}/services.json").json()
    assert services and all(set(s) == set(SPEC_SERVICE) for s in services)
    road = next(s for s in services if s["service_code"] == "JALAN.RUSAK")
    assert road["metadata"] is False and road["type"] == "realtime"
    assert road["group"] == "Jalan dan trotoar"
    answer = client.get(f"{BASE}/services.xml")
    assert answer.headers["content-type"].startswith("text/xml")
    root = ET.fromstring(answer.content)
    assert root.tag == "services"
    first = root.find("service")
    assert first is not None
    assert [child.tag for child in first] == list(SPEC_SERVICE)
    assert first.findtext("metadata") == "false"


def test_service_definition(client: TestClient) -> None:
    body = client.get(f"{BASE}/services/JALAN.RUSAK.json").json()
    assert body == {"service_code": "JALAN.RUSAK", "attributes": []}
    missing = client.get(f"{BASE}/services/NOPE.json")
    assert missing.status_code == 404
    assert [set(e) for e in missing.json()] == [set(SPEC_ERROR)]


def test_requests_match_the_spec_example(push: Push, client: TestClient, crm: Crm) -> None:
    item = complaint_item()
    push(item)
    found = client.get(f"{BASE}/requests.json").json()
    assert len(found) == 1
    request = found[0]
    assert set(request) == set(SPEC_REQUEST) | {"extended_status"}
    assert request["service_request_id"] == item["ticket_code"]
    assert request["status"] == "open" and request["extended_status"] == "received"
    assert request["status_notes"].startswith("Menunggu")
    assert request["description"] is None
    assert request["address"] == "Kel. Gambir, Kec. Gambir, Jakarta Pusat"
    assert request["lat"] == -6.17 and request["long"] == 106.82
    assert dt.datetime.fromisoformat(request["requested_datetime"]).utcoffset() == dt.timedelta(
        hours=7
    )
    assert_no_personal_data(str(found))
    one = client.get(f"{BASE}/requests/{item['ticket_code']}.json").json()
    assert one == found
    xml = ET.fromstring(client.get(f"{BASE}/requests/{item['ticket_code']}.xml").content)
    assert xml.tag == "service_requests"
    node = xml.find("request")
    assert node is not None
    assert [c.tag for c in node] == [
        *list(SPEC_REQUEST)[:3],
        "extended_status",
        *list(SPEC_REQUEST)[3:],
    ]


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("status=open", 1),
        ("status=closed", 0),
        ("service_code=JALAN.RUSAK", 1),
        ("service_code=POHON.TUMBANG", 0),
        ("start_date=2026-11-19T00:00:00%2B07:00", 0),
        ("end_date=2026-11-17T00:00:00Z", 0),
    ],
)
def test_request_filters(push: Push, client: TestClient, query: str, count: int) -> None:
    push(complaint_item())
    assert len(client.get(f"{BASE}/requests.json?{query}").json()) == count


def test_errors_follow_the_spec(client: TestClient) -> None:
    bad = client.get(f"{BASE}/requests.json?start_date=yesterday")
    assert bad.status_code == 400
    assert [set(e) for e in bad.json()] == [set(SPEC_ERROR)]
    # Dates at the ends of what Python can hold (the window less 90 days, or UTC,
    # would overflow): refused, not a 500.
    for query in ("end_date=0001-01-01T00:00:00", "start_date=9999-12-31T23:59:59-12:00"):
        for method in ("requests", "servicerequestupdates"):
            far = client.get(f"{BASE}/{method}.json?{query}")
            assert far.status_code == 400, (method, query, far.text)
            assert [set(e) for e in far.json()] == [set(SPEC_ERROR)]
    xml = client.get(f"{BASE}/requests/NOPE.xml")
    assert xml.status_code == 404
    root = ET.fromstring(xml.content)
    assert root.tag == "errors" and root.findtext("error/code") == "404"
    assert client.get(f"{BASE}/services.csv").status_code == 404


def test_post_request(client: TestClient, crm: Crm) -> None:
    with crm.sessions() as session, session.begin():
        session.add(ApiKey(key_hash=hash_secret("k1"), name="test", created_at=crm.now()))
    form = {
        "service_code": "POHON.TUMBANG",
        "address_id": "31.71.01.1001",
        "lat": "-6.1754",
        "long": "106.8272",
        "description": "Pohon besar miring ke jalan setelah hujan deras.",
        "first_name": "Sulastri",
        "phone": "081234567890",
    }
    denied = client.post(f"{BASE}/requests.json", data={**form, "api_key": "wrong"})
    assert denied.status_code == 403
    assert [set(e) for e in denied.json()] == [set(SPEC_ERROR)]
    created = client.post(f"{BASE}/requests.json", data={**form, "api_key": "k1"})
    assert created.status_code == 200, created.text
    answer = created.json()
    assert [set(a) for a in answer] == [set(SPEC_POST_ANSWER)]
    ticket = answer[0]["service_request_id"]
    assert ticket.startswith("WEB-261118-0001-")
    body = client.get(f"{BASE}/requests/{ticket}.json").json()[0]
    assert body["service_code"] == "POHON.TUMBANG" and body["extended_status"] == "received"
    assert "Sulastri" not in str(body)
    xml = client.post(f"{BASE}/requests.xml", data={**form, "api_key": "k1"})
    root = ET.fromstring(xml.content)
    assert root.findtext("request/service_request_id", "").startswith("WEB-261118-0002-")
    missing = client.post(
        f"{BASE}/requests.json",
        data={**form, "api_key": "k1", "address_id": "", "lat": "", "long": ""},
    )
    assert missing.status_code == 400


def test_service_request_updates(push: Push, client: TestClient, staff: dict[str, Any]) -> None:
    item = complaint_item()
    push(item)
    client.post(
        f"/api/v1/workflow/complaints/{item['ticket_code']}/actions",
        json={"action": "reject", "reason": "Bukan wilayah DKI"},
        headers=staff["admin.kanal"],
    )
    updates = client.get(f"{BASE}/servicerequestupdates.json").json()
    assert [u["extended_status"] for u in updates] == ["received", "rejected"]
    assert set(updates[0]) == {
        "update_id", "service_request_id", "status", "extended_status",
        "updated_datetime", "description", "media_url",
    }  # fmt: skip
    assert updates[1]["status"] == "closed"
    assert updates[1]["description"].startswith("Ditolak — Bukan wilayah DKI")
    root = ET.fromstring(client.get(f"{BASE}/servicerequestupdates.xml").content)
    assert root.tag == "service_request_updates"
    assert len(root.findall("request_update")) == 2
