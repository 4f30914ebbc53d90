"""CEK and STOP/BERHENTI from citizens: the status only to a number recorded with the
complaint, the same "not found" for anyone else as for a code that does not exist;
STOP stops what would follow at once and is confirmed once; every received message
is handled once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from crm_server.core.crm import Crm
from crm_server.core.sms import inbound, planner, sender, templates
from tests.crm_server.conftest import assert_no_personal_data
from tests.crm_server.sms.helpers import LIFE, OTHER, PHONE, KeepingGateway, sms_item, step

Push = Callable[..., dict[str, Any]]


def test_cek_answers_the_recorded_number_only(crm: Crm, push: Push, staff: Any) -> None:
    item = sms_item(consent=False)  # no news asked for: a question is still answered
    push(item)
    ticket = item["ticket_code"]
    step(crm, "admin.kanal", ticket, "accept")
    forgiving = "  cek " + ticket.lower().replace("-", " ")
    assert inbound.receive(crm, "IN1", "0812-3456-7890", forgiving) == "cek"
    assert inbound.receive(crm, "IN1", "0812-3456-7890", forgiving) == "seen"  # once
    inbound.receive(crm, "IN2", OTHER, f"CEK {ticket}")
    inbound.receive(crm, "IN3", OTHER, "CEK PBK1-991231-0001-X")
    inbound.receive(crm, "IN4", PHONE, "halo pak")  # no command: no answer
    gateway = KeepingGateway()
    sender.hand_over(crm, gateway)
    (answer,) = gateway.texts(PHONE)
    assert answer.startswith(f"Aduan {ticket}: Koordinasi, di Kelurahan Gambir.")
    assert item["tracking_token"] in answer
    assert gateway.texts(OTHER) == [templates.NOT_FOUND, templates.NOT_FOUND]
    for text in gateway.texts(PHONE) + gateway.texts(OTHER):
        assert_no_personal_data(text)


def test_berhenti_stops_what_would_follow_and_is_confirmed_once(
    crm: Crm, push: Push, staff: Any
) -> None:
    item = sms_item()
    push(item)
    ticket = item["ticket_code"]
    step(crm, "admin.kanal", ticket, "accept")
    planner.plan_events(crm)  # two queued: received, coordination
    assert inbound.receive(crm, "IN9", PHONE, "Berhenti") == "stop"
    assert inbound.receive(crm, "IN10", PHONE, "STOP") == "stop"
    for who, action, body in LIFE[1:]:
        step(crm, who, ticket, action, **body)
    planner.plan_events(crm)
    inbound.receive(crm, "IN11", PHONE, f"CEK {ticket}")
    gateway = KeepingGateway()
    run = sender.hand_over(crm, gateway)
    assert gateway.texts(PHONE) == [templates.STOPPED]
    assert run.cancelled == 0  # the queued ones were cancelled at once, by the STOP
    listed = [m["state"] for m in _messages(crm, ticket)]
    assert listed == ["cancelled", "cancelled"]


def _messages(crm: Crm, ticket: str) -> list[dict[str, Any]]:
    from crm_server.core.sms.staff import complaint_messages

    found = complaint_messages(crm, ticket)
    assert found is not None
    return found
