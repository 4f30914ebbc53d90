"""Holes an outside probe found in the desk sync API (issue 18, item 6): each test
failed on the code before its fix."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from crm_server.core.crm import Crm
from tests.crm_server.conftest import auth, complaint_item

Push = Callable[..., dict[str, Any]]
URL = "/api/v1/sync/complaints"


def _second_desk(crm: Crm, client: TestClient) -> dict[str, str]:
    code = crm.create_enrolment("PBK2", "Pendopo Balai Kota")
    token = client.post("/api/v1/enrol", json={"enrolment_code": code}).json()["token"]
    return {"Authorization": f"Bearer {token}"}


def test_replaying_another_desks_item_says_nothing_about_it(
    push: Push, client: TestClient, crm: Crm
) -> None:
    stored = complaint_item()
    push(stored)
    never_stored = complaint_item()
    other = _second_desk(crm, client)
    answers = [
        client.post(URL, json={"items": [item]}, headers=other).json()["results"][0]
        for item in (stored, never_stored)
    ]
    assert answers[0]["outcome"] == "rejected"
    assert answers[0]["crm_id"] is None
    # The same refusal, whether the id is stored (by another desk) or not.
    for a in answers:
        a.pop("id")
    assert answers[0] == answers[1]


def test_a_body_nested_thousands_deep_is_a_400(client: TestClient, desk: dict[str, str]) -> None:
    body = '{"items": [' + "[" * 50_000 + "]" * 50_000 + "]}"
    answer = client.post(
        URL, content=body, headers={**auth(desk), "Content-Type": "application/json"}
    )
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"]["code"] == "malformed_json"


def test_a_complaint_from_1900_or_the_far_future_is_rejected(push: Push) -> None:
    old = complaint_item(created_at="1900-01-01T08:00:00+07:00")
    future = complaint_item(created_at="2999-01-01T08:00:00+07:00")
    results = push(old, future)["results"]
    assert [(r["outcome"], r["error"]["field"]) for r in results] == [
        ("rejected", "created_at")
    ] * 2


def test_unknown_top_level_fields_are_refused(client: TestClient, desk: dict[str, str]) -> None:
    answer = client.post(URL, json={"items": [complaint_item()], "debug": True}, headers=auth(desk))
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"]["code"] == "invalid"


def test_a_push_sent_as_text_plain_is_refused(client: TestClient, desk: dict[str, str]) -> None:
    body = json.dumps({"items": [complaint_item()]})
    answer = client.post(URL, content=body, headers={**auth(desk), "Content-Type": "text/plain"})
    assert answer.status_code == 415, answer.text
    assert answer.json()["error"]["code"] == "unsupported_media_type"


def test_a_workflow_list_by_a_state_that_does_not_exist_is_refused(
    client: TestClient, staff: dict[str, dict[str, str]]
) -> None:
    url = "/api/v1/workflow/complaints"
    assert client.get(url, params={"status": "received"}, headers=staff["admin.kanal"]).is_success
    answer = client.get(url, params={"status": "bogus"}, headers=staff["admin.kanal"])
    assert answer.status_code == 422, answer.text
    assert "bogus" not in answer.text


def test_a_step_citing_a_file_never_uploaded_is_refused(
    push: Push, client: TestClient, staff: dict[str, dict[str, str]]
) -> None:
    item = complaint_item()
    push(item)
    answer = client.post(
        f"/api/v1/workflow/complaints/{item['ticket_code']}/actions",
        json={
            "action": "accept",
            "attachments": [
                {
                    "sha256": "ab" * 32,
                    "media_type": "image/png",
                    "original_name": "bukti.png",
                    "size": 9,
                }
            ],
        },
        headers=staff["admin.kanal"],
    )
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"]["code"] == "attachment_missing"


def test_the_tracking_address_typed_in_lower_case_answers_the_page(
    push: Push, client: TestClient
) -> None:
    item = complaint_item()
    push(item)
    code, token = item["ticket_code"].lower(), item["tracking_token"].lower()
    page = client.get(f"/t/{code}/{token}")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert item["ticket_code"] in page.text
    assert client.get(f"/t/{code}/{token}.json").json()["ticket_code"] == item["ticket_code"]
    missing = client.get(f"/t/{code}/zzzzzz")
    assert missing.status_code == 404 and "Aduan tidak ditemukan" in missing.text
