"""The visitor queue through its HTTP front, on SQLite and PostgreSQL: numbers unique
per site and day, the fairness rule, recall / no-show / reinstate, transfer, serving,
the link to a complaint, offline events counted once, the public board and figures."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi.testclient import TestClient

from crm_server.core.crm import Crm
from tests.crm_server.conftest import FakeClock, assert_no_personal_data


def enrol(crm: Crm, client: TestClient, code: str, site: str = "Pendopo Balai Kota") -> dict:
    answer = client.post("/api/v1/enrol", json={"enrolment_code": crm.create_enrolment(code, site)})
    return {"Authorization": f"Bearer {answer.json()['token']}"}


def issue(client: TestClient, desk: dict, **body: Any) -> dict[str, Any]:
    answer = client.post("/api/v1/queue/tickets", json=body, headers=desk)
    assert answer.status_code == 201, answer.text
    return answer.json()


def call(client: TestClient, desk: dict) -> dict[str, Any] | None:
    answer = client.post("/api/v1/queue/call-next", json={"officer": "Petugas Satu"}, headers=desk)
    assert answer.status_code == 200, answer.text
    return answer.json()["ticket"]


def step(client: TestClient, desk: dict, ticket: dict, action: str, **body: Any):
    return client.post(f"/api/v1/queue/tickets/{ticket['id']}/{action}", json=body, headers=desk)


def test_numbers_are_unique_per_site_and_day(crm: Crm, client: TestClient, clock: FakeClock):
    one, two = enrol(crm, client, "PBK1"), enrol(crm, client, "PBK2")
    other = enrol(crm, client, "KGR1", "Kelurahan Gambir")
    numbers = [issue(client, d)["ticket"]["number"] for d in (one, two, one, two)]
    assert numbers == ["A001", "A002", "A003", "A004"]
    assert issue(client, other)["ticket"]["number"] == "A001"  # another site
    clock.advance(days=1)
    assert issue(client, one)["ticket"]["number"] == "A001"  # another day
    first = issue(client, one)
    assert first["ahead"] == 1 and first["estimated_minutes"] > 0


def test_fairness_priority_first_at_most_n_in_a_row(crm: Crm, client: TestClient):
    desk = enrol(crm, client, "PBK1")
    regular = [issue(client, desk)["ticket"]["number"] for _ in range(2)]
    elderly = [issue(client, desk, priority="lansia")["ticket"]["number"] for _ in range(5)]
    assert crm.settings.queue_priority_run == 3
    order = [call(client, desk)["number"] for _ in range(7)]  # type: ignore[index]
    assert order == [*elderly[:3], regular[0], *elderly[3:], regular[1]]
    assert call(client, desk) is None
    bad = client.post("/api/v1/queue/tickets", json={"priority": "vip"}, headers=desk)
    assert bad.status_code == 422


def test_no_show_after_two_calls_and_reinstate(crm: Crm, client: TestClient):
    desk = enrol(crm, client, "PBK1")
    issue(client, desk, seat_call=True)
    ticket = call(client, desk)
    assert ticket is not None and ticket["seat_call"]
    assert step(client, desk, ticket, "no-show").status_code == 409  # called once only
    assert step(client, desk, ticket, "recall").json()["ticket"]["call_count"] == 2
    assert step(client, desk, ticket, "no-show").json()["ticket"]["state"] == "no_show"
    assert call(client, desk) is None
    assert step(client, desk, ticket, "reinstate").json()["ticket"]["state"] == "waiting"
    again = call(client, desk)
    assert again is not None and again["id"] == ticket["id"] and again["call_count"] == 1


def test_transfer_start_finish_and_follow_up_link(crm: Crm, client: TestClient, clock):
    one, two = enrol(crm, client, "PBK1"), enrol(crm, client, "PBK2")
    returning = issue(client, one, complaint_code="PBK1-20261118-0001")["ticket"]
    assert returning["follow_up"] and returning["complaint_code"] == "PBK1-20261118-0001"
    issue(client, one)
    ticket = call(client, one)
    assert ticket is not None and ticket["id"] == returning["id"]
    moved = step(client, one, ticket, "transfer", to_desk="PBK2").json()["ticket"]
    assert moved["target_desk"] == "PBK2"
    assert call(client, one)["id"] != ticket["id"]  # type: ignore[index]
    assert call(client, two)["id"] == ticket["id"]  # type: ignore[index]
    clock.advance(minutes=1)
    assert step(client, two, ticket, "start").json()["ticket"]["state"] == "serving"
    clock.advance(minutes=9)
    done = step(client, two, ticket, "finish").json()["ticket"]
    assert done["state"] == "done" and done["complaint_code"] == "PBK1-20261118-0001"
    other = enrol(crm, client, "KGR1", "Kelurahan Gambir")
    assert step(client, other, ticket, "recall").status_code == 404  # not its site
    assert step(client, one, ticket, "dance").status_code == 422


def test_offline_events_count_each_ticket_once(crm: Crm, client: TestClient, clock):
    desk = enrol(crm, client, "PBK1")
    issue(client, desk)
    ticket_id = str(uuid.uuid4())
    at = clock().isoformat()
    events = [
        {
            "id": str(uuid.uuid4()),
            "ticket_id": ticket_id,
            "kind": "issued",
            "at": at,
            "number": "PBK1-001",
            "seq": 1,
        },
        {"id": str(uuid.uuid4()), "ticket_id": ticket_id, "kind": "called", "at": at},
        {"id": str(uuid.uuid4()), "ticket_id": ticket_id, "kind": "started", "at": at},
        {"id": str(uuid.uuid4()), "ticket_id": ticket_id, "kind": "finished", "at": at},
    ]
    sent = client.post("/api/v1/queue/events", json={"events": events}, headers=desk)
    assert sent.json() == {"applied": 4, "duplicate": 0}
    again = client.post("/api/v1/queue/events", json={"events": events}, headers=desk)
    assert again.json() == {"applied": 0, "duplicate": 4}
    foreign = [
        {**events[0], "id": str(uuid.uuid4()), "ticket_id": str(uuid.uuid4()), "number": "XYZ9-001"}
    ]
    refused = client.post("/api/v1/queue/events", json={"events": foreign}, headers=desk)
    assert refused.status_code == 422
    day = clock().date().isoformat()
    figures = client.get(f"/api/v1/queue/figures?from={day}&to={day}", headers=desk).json()
    assert figures["tickets"] == 2 and figures["served"] == 1


def test_board_and_public_screen_show_numbers_never_names(crm: Crm, client, clock):
    desk = enrol(crm, client, "PBK2")
    for _ in range(6):
        issue(client, desk)
    clock.advance(minutes=12)
    for _ in range(5):
        ticket = call(client, desk)
        clock.advance(seconds=30)
    board = client.get("/api/v1/queue/board", headers=desk).json()
    assert board["waiting"] == 1 and board["longest_wait_minutes"] == 14
    assert [r["number"] for r in board["recent"]] == ["A005", "A004", "A003", "A002"]
    assert board["calling"][0]["words"] == "Nomor antrean A 0 0 5, silakan ke meja 2"
    page = client.get("/layar/Pendopo Balai Kota")
    assert page.status_code == 200 and 'http-equiv="refresh"' in page.text
    assert "A005" in page.text and "Meja 2" in page.text and "Petugas" not in page.text
    public = client.get("/layar/Pendopo Balai Kota.json").json()
    assert public == {**board, "at": public["at"]}
    assert "Petugas" not in str(public)
    assert_no_personal_data(page.text)
    assert client.get("/api/v1/queue/board").status_code == 401
    assert ticket is not None


def test_figures_wait_walk_service_per_desk_officer_hour(crm: Crm, client, clock, staff):
    desk = enrol(crm, client, "PBK1")
    for _ in range(3):
        issue(client, desk)
    clock.advance(minutes=10)
    for minutes in (4, 6):
        ticket = call(client, desk)
        clock.advance(minutes=1)
        step(client, desk, ticket, "start")
        clock.advance(minutes=minutes)
        step(client, desk, ticket, "finish")
    last = call(client, desk)
    step(client, desk, last, "recall")
    step(client, desk, last, "no-show")
    day = clock().date().isoformat()
    got = client.get(f"/api/v1/queue/figures?from={day}&to={day}", headers=desk).json()
    assert got["tickets"] == 3 and got["served"] == 2 and got["no_shows"] == 1
    assert got["service"] == {"mean": 5.0, "median": 5.0, "max": 6.0}
    assert got["walk"]["mean"] == 1.0 and got["wait"]["max"] == 22.0
    assert got["by_desk"]["PBK1"]["tickets"] == 3
    assert got["by_officer"]["Petugas Satu"]["no_shows"] == 1
    assert list(got["by_hour"]) == ["09:00"]
    per_ticket = [(t["number"], t["state"], t["wait"], t["service"]) for t in got["per_ticket"]]
    assert per_ticket == [
        ("A001", "done", 10.0, 4.0),
        ("A002", "done", 15.0, 6.0),
        ("A003", "no_show", 22.0, None),
    ]
    as_staff = client.get(
        f"/api/v1/queue/figures?from={day}&to={day}&site=Pendopo Balai Kota",
        headers=staff["koordinator"] if "koordinator" in staff else next(iter(staff.values())),
    ).json()
    assert as_staff["tickets"] == 3


def test_an_event_time_or_number_beyond_the_calendar_is_a_422(crm: Crm, client: TestClient):
    """Found by a review: the year 9999 (a day computed from it overflowed) and a
    sequence number beyond 64 bits were 500s."""
    desk = enrol(crm, client, "PBK1")
    base = {"id": str(uuid.uuid4()), "ticket_id": str(uuid.uuid4()), "kind": "issued"}
    for wrong in (
        {"at": "9999-12-31T23:00:00+00:00"},
        {"at": "2026-11-18T08:00:00+07:00", "seq": 2**63},
    ):
        body = {"events": [{**base, "number": "PBK1-001", "seq": 1, **wrong}]}
        answer = client.post("/api/v1/queue/events", json=body, headers=desk)
        assert answer.status_code == 422, answer.text
