"""The Pantauan page's data (``/api/v1/supervision``), on SQLite and PostgreSQL:
desks marked silent and outdated, what was recorded per desk, officer and hour,
the overdue and *digantung* lists in working days (Christmas and New Year counted),
a desk token that sees its own site only, and no personal data anywhere."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi.testclient import TestClient

from complaint_domain.complaint import WIB
from crm_server.core import supervision
from crm_server.core.crm import Crm
from tests.crm_server.conftest import FakeClock, assert_no_personal_data, auth, complaint_item

SITE = "Pendopo Balai Kota"


def wib(y: int, m: int, d: int, hh: int = 9, mm: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=WIB).astimezone(dt.UTC)


def enrol(crm: Crm, client: TestClient, code: str, site: str = SITE) -> dict[str, str]:
    answer = client.post("/api/v1/enrol", json={"enrolment_code": crm.create_enrolment(code, site)})
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['token']}"}


def push(client: TestClient, desk: dict[str, str], *items: dict[str, Any]) -> None:
    answer = client.post("/api/v1/sync/complaints", json={"items": list(items)}, headers=desk)
    assert [r["outcome"] for r in answer.json()["results"]] == ["accepted"] * len(items)


def act(client: TestClient, staff: dict[str, dict[str, str]], ticket: str, **body: Any) -> None:
    who = "admin.kanal"
    answer = client.post(
        f"/api/v1/workflow/complaints/{ticket}/actions", json=body, headers=staff[who]
    )
    assert answer.status_code == 200, answer.text


def overview(client: TestClient, desk: dict[str, str], **params: Any) -> dict[str, Any]:
    answer = client.get("/api/v1/supervision", params=params, headers=desk)
    assert answer.status_code == 200, answer.text
    assert_no_personal_data(answer.text)
    body: dict[str, Any] = answer.json()
    return body


def test_lists_in_working_days_scoped_to_the_site(
    crm: Crm,
    client: TestClient,
    clock: FakeClock,
    desk: dict[str, str],
    staff: dict[str, dict[str, str]],
) -> None:
    clock.now = wib(2026, 12, 23)
    pbk1 = auth(desk)
    other = enrol(crm, client, "KGR1", "Kelurahan Gambir")
    a = complaint_item("PBK1", day=dt.date(2026, 12, 23))
    closed = complaint_item("PBK1", day=dt.date(2026, 12, 23))
    elsewhere = complaint_item("KGR1", day=dt.date(2026, 12, 23))
    push(client, pbk1, a, closed)
    push(client, other, elsewhere)
    act(client, staff, closed["ticket_code"], action="reject", reason="Bukan wewenang DKI.")

    clock.now = wib(2026, 12, 28)
    b = complaint_item("PBK1", day=dt.date(2026, 12, 28), officer="Petugas Dua")
    push(client, pbk1, b)
    act(client, staff, b["ticket_code"], action="accept")  # coordination, due 30 Dec

    page = overview(client, pbk1)
    # Due 24 Dec (one working day after the 23rd); late on the 28th by one working
    # day: Christmas (Friday 25th) and the weekend do not count.
    assert [(r["ticket_code"], r["due_date"], r["working_days_late"]) for r in page["overdue"]] == [
        (a["ticket_code"], "2026-12-24", 1)
    ]
    assert page["overdue_total"] == 1
    assert page["digantung"] == []  # two working days quiet: not yet
    assert page["recorded"]["per_desk"] == [{"desk": "PBK1", "count": 1}]  # the 28th only
    assert page["recorded"]["per_officer"] == [
        {"desk": "PBK1", "officer": "Petugas Dua", "count": 1}
    ]
    assert page["recorded"]["per_hour"][8] == {"hour": 8, "count": 1}  # 08.30 WIB
    states = {s["status"]: s["count"] for s in page["per_state"]}
    assert (states["received"], states["coordination"], states["rejected"]) == (1, 1, 1)

    clock.now = wib(2027, 1, 4)
    page = overview(client, pbk1)
    rows = [
        (r["ticket_code"], r["status"], r["working_days_late"], r["quiet_working_days"])
        for r in page["overdue"]
    ]
    # a: 28, 29, 30, 31 Dec and 4 Jan (New Year's Day out); b: due 30 Dec, late 31, 4.
    assert rows == [(a["ticket_code"], "received", 5, 6), (b["ticket_code"], "coordination", 2, 4)]
    # Five working days without a public update: a (six) hangs, b (four) does not.
    assert [r["ticket_code"] for r in page["digantung"]] == [a["ticket_code"]]
    assert page["digantung_total"] == 1
    assert page["digantung"][0]["unit"] == "Admin kanal Pendopo Balai Kota"
    assert page["digantung"][0]["kelurahan_code"] == a["location"]["kelurahan_code"]

    # The other site's token gets none of these rows, and they none of its.
    theirs = overview(client, other)
    assert [d["code"] for d in theirs["desks"]] == ["KGR1"]
    assert [r["ticket_code"] for r in theirs["overdue"]] == [elsewhere["ticket_code"]]
    assert elsewhere["ticket_code"] not in str(page)
    for ticket in (a["ticket_code"], b["ticket_code"]):
        answer = client.get(f"/api/v1/supervision/complaints/{ticket}", headers=other)
        assert answer.status_code == 404
    # A week from Monday 28 December: per day.
    week = overview(client, pbk1, day="2026-12-28", days=7)
    assert week["recorded"]["per_day"][0] == {"day": "2026-12-28", "count": 1}
    assert week["recorded"]["total"] == 1


def test_history_in_public_labels(
    crm: Crm,
    client: TestClient,
    clock: FakeClock,
    desk: dict[str, str],
    staff: dict[str, dict[str, str]],
) -> None:
    item = complaint_item("PBK1")
    push(client, auth(desk), item)
    act(client, staff, item["ticket_code"], action="accept", note="Diteruskan ke kelurahan.")
    answer = client.get(
        f"/api/v1/supervision/complaints/{item['ticket_code'].lower()}", headers=auth(desk)
    )
    assert answer.status_code == 200, answer.text
    assert_no_personal_data(answer.text)
    steps = answer.json()["events"]
    assert [s["public_label"] for s in steps] == ["Menunggu", "Koordinasi"]
    assert steps[1]["note"] == "Diteruskan ke kelurahan."
    assert client.get("/api/v1/supervision", headers=next(iter(staff.values()))).status_code == 401


def test_desks_silent_outdated_and_offset(
    crm: Crm, client: TestClient, clock: FakeClock, desk: dict[str, str]
) -> None:
    clock.now = wib(2026, 12, 28, 9, 0)
    pbk2 = enrol(crm, client, "PBK2")
    old = enrol(crm, client, "PBK3")
    version = supervision.crm_version()
    beat = {"app_version": version, "officer": "Ani Petugas"}
    desk_time = (clock.now + dt.timedelta(seconds=95)).isoformat()
    sent = client.post(
        "/api/v1/sync/heartbeat",
        json={**beat, "pending_count": 3, "oldest_unsent_age_seconds": 600, "desk_time": desk_time},
        headers=pbk2,
    )
    assert sent.status_code == 200, sent.text
    # An old desk: no officer, no clock; an old version.
    sent = client.post(
        "/api/v1/sync/heartbeat", json={"pending_count": 0, "app_version": "0.0.1"}, headers=old
    )
    assert sent.status_code == 200, sent.text

    clock.now = wib(2026, 12, 28, 9, 10)
    client.post("/api/v1/sync/heartbeat", json={**beat, "pending_count": 0}, headers=auth(desk))
    clock.now = wib(2026, 12, 28, 11, 0)  # two hours on: PBK2 silent for its 3 receipts
    client.post("/api/v1/sync/heartbeat", json={**beat, "pending_count": 0}, headers=auth(desk))
    client.post("/api/v1/sync/heartbeat", json={"pending_count": 0}, headers=old)
    desks = {d["code"]: d for d in overview(client, auth(desk))["desks"]}
    assert desks["PBK1"]["silent"] is False and desks["PBK1"]["online"] is True
    assert desks["PBK1"]["officer"] == "Ani Petugas"
    b = desks["PBK2"]
    assert (b["silent"], b["online"], b["pending_count"]) == (True, False, 3)
    assert b["silent_reasons"] == ["unsent", "no_heartbeat"]
    assert b["oldest_unsent_age_seconds"] == 600 + 2 * 3600  # aged since the heartbeat
    assert b["heartbeat_age_seconds"] == 2 * 3600
    assert b["clock_offset_seconds"] == 95
    # A desk clock set to the Middle Ages is said as far off as the column holds.
    far = {"pending_count": 0, "desk_time": "1117-08-02T08:23:12Z"}
    assert client.post("/api/v1/sync/heartbeat", json=far, headers=old).status_code == 200
    clock_of = {d["code"]: d for d in overview(client, auth(desk))["desks"]}["PBK3"]
    assert clock_of["clock_offset_seconds"] == -(2**31 - 1)
    c = desks["PBK3"]
    assert (c["outdated"] is bool(supervision.version_key(version)), c["silent"]) == (True, False)
    assert (c["officer"], c["clock_offset_seconds"]) == ("", None)
    assert desks["PBK1"]["outdated"] is False

    # After closing time no heartbeat is expected: only the unsent receipts count.
    clock.now = wib(2026, 12, 28, 17, 0)
    b = {d["code"]: d for d in overview(client, auth(desk))["desks"]}["PBK2"]
    assert b["silent_reasons"] == ["unsent"]
    # A stricter threshold from the desk's settings: PBK1's 6 h quiet is now too long…
    # …only in opening hours, which the desk may also set.
    late = {d["code"]: d for d in overview(client, auth(desk), closes="18:00")["desks"]}
    assert late["PBK1"]["silent_reasons"] == ["no_heartbeat"]


def test_bad_parameters_are_refused(client: TestClient, desk: dict[str, str]) -> None:
    for params in ({"days": 8}, {"opens": "25:00"}, {"unsent_minutes": 0}):
        answer = client.get("/api/v1/supervision", params=params, headers=auth(desk))
        assert answer.status_code == 422, params
    assert client.get("/api/v1/supervision").status_code == 401


def test_working_days_counted_backwards_agree_with_the_calendar(crm: Crm) -> None:
    today = dt.date(2027, 1, 4)
    days = supervision.WorkingDaysTo(crm, today)
    for back in (*range(0, 800, 7), 3, 1, 799, 10):  # in any order
        day = today - dt.timedelta(days=back)
        assert days.since(day) == crm.calendar.working_days_between(day, today), day
