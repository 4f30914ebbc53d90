"""What staff see of the SMS channel through the workflow API: a complaint's messages
with their delivery state (numbers masked, nothing personal), a day's totals and
failures; only with a staff token."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from crm_server.core.crm import Crm
from crm_server.core.sms import planner, sender
from crm_server.core.sms.sender import Outcome
from tests.crm_server.conftest import assert_no_personal_data
from tests.crm_server.sms.helpers import KeepingGateway, sms_item, step

Push = Callable[..., dict[str, Any]]


def test_staff_see_a_complaints_sms_and_the_days_totals(
    crm: Crm, push: Push, client: TestClient, staff: dict[str, dict[str, str]]
) -> None:
    item = sms_item()
    push(item)
    ticket = item["ticket_code"]
    step(crm, "admin.kanal", ticket, "accept")
    planner.plan_events(crm)
    gateway = KeepingGateway()
    sender.hand_over(crm, gateway)
    first_ref = next(iter(gateway.kept))
    sender.record_outcomes(crm, [Outcome(first_ref, "failed", "Gammu SMSD could not send it")])

    headers = staff["koordinator"]  # the city: every complaint, the SMS totals
    answer = client.get(f"/api/v1/workflow/complaints/{ticket.lower()}/sms", headers=headers)
    assert answer.status_code == 200, answer.text
    messages = answer.json()["messages"]
    assert [(m["kind"], m["state"]) for m in messages] == [
        ("received", "failed"),
        ("coordination", "handed"),
    ]
    assert {m["to"] for m in messages} == {"+62812******90"}
    assert_no_personal_data(answer.text)

    totals = client.get("/api/v1/workflow/sms/totals", headers=headers)
    assert totals.status_code == 200, totals.text
    body = totals.json()
    assert body["day"] == "2026-11-18" and body["total"] == 2
    assert (body["by_state"]["failed"], body["by_state"]["handed"]) == (1, 1)
    assert body["failures"] == [
        {"ticket_code": ticket, "kind": "received", "error": "Gammu SMSD could not send it"}
    ]
    other_day = client.get("/api/v1/workflow/sms/totals?day=2026-11-17", headers=headers)
    assert other_day.json()["total"] == 0

    missing = client.get("/api/v1/workflow/complaints/PBK1-991231-0001-X/sms", headers=headers)
    assert missing.status_code == 404
    assert client.get(f"/api/v1/workflow/complaints/{ticket}/sms").status_code == 401
    assert client.get("/api/v1/workflow/sms/totals?day=kemarin", headers=headers).status_code == 422
