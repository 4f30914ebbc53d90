"""The desk sees the other channels (issue 22, item 5), at the CRM: an enrolled desk
finds complaints of any channel by ticket code, phone or NIK — by the keyed hashes,
with no personal data in the answer — each lookup audited, the rate limited; and a
desk's follow-up visit lands on a complaint it did not record."""

from __future__ import annotations

import json
import uuid
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select, update

from crm_server.app import create_app
from crm_server.core import audit
from crm_server.core.channel_intake import ChannelReport, record
from crm_server.core.crm import Crm
from crm_server.db.models import Desk, Event
from tests.crm_server.conftest import (
    KELURAHAN,
    FakeClock,
    assert_no_personal_data,
    auth,
    complaint_item,
)

EMAIL_PHONE = "0812 7777 3131"
EMAIL_NAME = "Bu Kartini Rahayu"


def email_complaint(crm: Crm, phone: str = EMAIL_PHONE, msgid: str = "<a1@mail.example.id>") -> str:
    """A complaint that came by e-mail, recorded through the CRM's channel intake."""
    user = crm.user_for_token(crm.create_user(f"ema-{msgid[2:6]}", "Admin Email", "channel_admin"))
    report = ChannelReport(
        channel="EMAIL",
        source=msgid,
        contact=phone,
        name=EMAIL_NAME,
        description="Lampu jalan di gang kami padam sejak dua minggu lalu.",
        kelurahan_code=KELURAHAN,
        category_code="JALAN.RUSAK",
    )
    return record(crm, user.id, "Admin Email", report).ticket_code


def ask(client: TestClient, desk: dict[str, str], kind: str, value: str) -> Any:
    return client.post(
        "/api/v1/sync/lookup",
        json={"kind": kind, "value": value, "officer": "ani"},
        headers=auth(desk),
    )


def test_an_email_complaint_is_found_by_the_phone_written_differently(
    crm: Crm, client: TestClient, desk: dict[str, str]
) -> None:
    code = email_complaint(crm)
    answer = ask(client, desk, "phone", "+62 812-7777-3131")
    assert answer.status_code == 200, answer.text
    [found] = answer.json()["complaints"]
    assert found["ticket_code"] == code and code.startswith("EMA-")
    assert found["channel"] == "EMAIL" and found["channel_name"]
    assert found["desk"] == ""
    assert found["status"] == "received" and found["public_label"] == "Menunggu"
    assert found["kelurahan_code"] == KELURAHAN and found["kelurahan_name"] == "Gambir"
    assert found["due_date"] and found["overdue"] is False
    assert found["last_public_note"]["note"] == "Aduan diterima CRM."
    text = answer.text
    for secret in (EMAIL_NAME, "Kartini", "7777", "Lampu jalan"):
        assert secret not in text


def test_nik_and_ticket_code_of_a_desk_complaint_and_a_co_reporter(
    crm: Crm, client: TestClient, desk: dict[str, str]
) -> None:
    item = complaint_item()
    pushed = client.post("/api/v1/sync/complaints", json={"items": [item]}, headers=auth(desk))
    assert pushed.json()["results"][0]["outcome"] == "accepted"
    by_nik = ask(client, desk, "nik", "3171 0145 0678 0003")
    assert [c["ticket_code"] for c in by_nik.json()["complaints"]] == [item["ticket_code"]]
    assert by_nik.json()["complaints"][0]["desk"] == "PBK1"
    by_code = ask(client, desk, "ticket", item["ticket_code"].lower())
    assert [c["id"] for c in by_code.json()["complaints"]] == [item["id"]]
    assert_no_personal_data(by_nik.text + by_code.text)
    # A co-reporter's phone finds the complaint too.
    reporter = {
        **item["complainant"],
        "name": "Pak Co",
        "nik": "",
        "phone": "+6285711112222",
    }
    event = {
        "type": "event",
        "id": str(uuid.uuid4()),
        "complaint_id": item["id"],
        "ticket_code": item["ticket_code"],
        "kind": "reporter_added",
        "at": item["created_at"],
        "reporter": reporter,
    }
    client.post("/api/v1/sync/complaints", json={"items": [event]}, headers=auth(desk))
    by_co = ask(client, desk, "phone", "0857-1111-2222")
    assert [c["ticket_code"] for c in by_co.json()["complaints"]] == [item["ticket_code"]]
    assert "Pak Co" not in by_co.text and "5711112222" not in by_co.text


def test_not_found_and_bad_input_in_the_usual_shape(
    crm: Crm, client: TestClient, desk: dict[str, str]
) -> None:
    email_complaint(crm)
    assert ask(client, desk, "phone", "0813 0000 0000").json() == {"complaints": [], "more": False}
    assert ask(client, desk, "ticket", "EMA-261118-0099-X").status_code == 422
    for kind, value, code in (
        ("phone", "12", "invalid_phone"),
        ("phone", "Kartini 0812 7777 3131", "invalid_phone"),  # a name is no phone
        ("nik", "12345", "invalid_nik"),
        ("ticket", "not a code", "invalid_ticket_code"),
    ):
        answer = ask(client, desk, kind, value)
        assert answer.status_code == 422
        error = answer.json()["error"]
        assert error["code"] == code and error["field"] == "value"
        assert value not in error["message"]
    wrong = client.post(
        "/api/v1/sync/lookup",
        json={"kind": "name", "value": "x", "officer": "a"},
        headers=auth(desk),
    )
    assert wrong.status_code == 422 and set(wrong.json()["error"]) == {"code", "message", "field"}


def test_an_unknown_or_revoked_desk_is_refused(
    crm: Crm, client: TestClient, desk: dict[str, str]
) -> None:
    email_complaint(crm)
    assert ask(client, {"Authorization": "Bearer nope"}, "phone", EMAIL_PHONE).status_code == 401
    no_token = client.post("/api/v1/sync/lookup", json={"kind": "phone", "value": EMAIL_PHONE})
    assert no_token.status_code == 401
    with crm.sessions() as s, s.begin():
        s.execute(update(Desk).where(Desk.code == "PBK1").values(token_hash=None))
    refused = ask(client, desk, "phone", EMAIL_PHONE)
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "unauthorized"
    assert not audit.entries(crm, action="desk.lookup")


def test_each_lookup_is_audited_without_the_key(
    crm: Crm, client: TestClient, desk: dict[str, str]
) -> None:
    code = email_complaint(crm)
    ask(client, desk, "phone", EMAIL_PHONE)
    ask(client, desk, "ticket", code)
    entries = audit.entries(crm, action="desk.lookup")
    assert [e.detail["key"] for e in entries] == ["ticket", "phone"]
    for e in entries:
        assert e.detail["desk"] == "PBK1" and e.detail["officer"] == "ani"
        assert e.detail["found"] == [code]
        stored = json.dumps(e.detail) + e.subject + e.reason + e.actor
        assert "7777" not in stored and "Kartini" not in stored
    assert audit.verify(crm)[1] is None


def test_lookups_are_rate_limited_per_desk(crm: Crm, desk: dict[str, str]) -> None:
    # The limits' clock stands still: no token comes back while the test runs.
    with TestClient(create_app(crm=crm, rate_clock=lambda: 1_000.0)) as client:
        for _ in range(crm.settings.desk_lookup_per_minute):
            assert ask(client, desk, "phone", EMAIL_PHONE).status_code == 200
        limited = ask(client, desk, "phone", EMAIL_PHONE)
        assert limited.status_code == 429 and int(limited.headers["Retry-After"]) >= 1
        assert limited.json()["error"]["code"] == "rate_limited"
        # Another desk has its own.
        code = crm.create_enrolment("PBK2", "Pendopo Balai Kota")
        token = client.post("/api/v1/enrol", json={"enrolment_code": code}).json()["token"]
        other = {"Authorization": f"Bearer {token}"}
        assert ask(client, other, "phone", EMAIL_PHONE).status_code == 200


def test_a_visit_lands_on_another_channels_complaint_once(
    crm: Crm, client: TestClient, desk: dict[str, str]
) -> None:
    code = email_complaint(crm)
    [found] = ask(client, desk, "ticket", code).json()["complaints"]
    visit = {
        "type": "event",
        "id": str(uuid.uuid4()),
        "complaint_id": found["id"],
        "ticket_code": code,
        "kind": "desk_visit",
        "at": "2026-11-18T09:00:00+07:00",
        "note": "Warga menanyakan kapan lampu diperbaiki.",
        "officer": "Ani Petugas",
    }
    for outcome in ("accepted", "already_had"):
        answer = client.post("/api/v1/sync/complaints", json={"items": [visit]}, headers=auth(desk))
        assert answer.json()["results"][0]["outcome"] == outcome, answer.text
    with crm.sessions() as s:
        events = s.scalars(select(Event).where(Event.kind == "desk_visit")).all()
    [event] = events
    assert event.public is False and event.actor == "Meja PBK1 · Ani Petugas"
    assert event.note == visit["note"]
    # Any other kind of event is still refused on a complaint the desk did not record.
    note = {**visit, "id": str(uuid.uuid4()), "kind": "citizen_added"}
    refused = client.post("/api/v1/sync/complaints", json={"items": [note]}, headers=auth(desk))
    assert refused.json()["results"][0]["error"]["code"] == "unknown_complaint"
    # A wrong ticket code for the id is refused.
    wrong = {**visit, "id": str(uuid.uuid4()), "ticket_code": "PBK1-261118-0001-" + "X"}
    answer = client.post("/api/v1/sync/complaints", json={"items": [wrong]}, headers=auth(desk))
    assert answer.json()["results"][0]["outcome"] == "rejected"


def test_a_late_complaint_says_how_late_in_working_days(
    crm: Crm, client: TestClient, desk: dict[str, str], clock: FakeClock
) -> None:
    email_complaint(crm)
    [found] = ask(client, desk, "phone", EMAIL_PHONE).json()["complaints"]
    clock.advance(days=14)  # two weeks on: past the first response's limit
    [late] = ask(client, desk, "phone", EMAIL_PHONE).json()["complaints"]
    assert late["overdue"] is True and late["due_date"] == found["due_date"]
    assert late["working_days_late"] >= 5


def test_a_citizen_with_more_than_twenty_complaints_gets_the_newest_and_is_told(
    client: TestClient, desk: dict[str, str]
) -> None:
    def push(items: list[dict[str, Any]]) -> None:
        pushed = client.post("/api/v1/sync/complaints", json={"items": items}, headers=auth(desk))
        assert {r["outcome"] for r in pushed.json()["results"]} == {"accepted"}

    items = [complaint_item() for _ in range(20)]
    nik = items[0]["complainant"]["nik"]
    push(items)
    twenty = ask(client, desk, "nik", nik).json()
    assert len(twenty["complaints"]) == 20 and twenty["more"] is False
    items.append(complaint_item())
    push(items[-1:])
    answer = ask(client, desk, "nik", nik).json()
    assert answer["more"] is True
    # the 20 newest, newest first: the first one pushed is the one left out
    listed = [c["ticket_code"] for c in answer["complaints"]]
    assert listed == [item["ticket_code"] for item in reversed(items[1:])]
