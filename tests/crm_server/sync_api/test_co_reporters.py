"""``reporter_added`` events: a further citizen of the same problem, stored as a
co-reporter (idempotent by the event's id), counted for the staff and on the
tracking page, never shown there by name (SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from crm_server.core.crm import Crm
from crm_server.db.models import CoReporter
from tests.crm_server.conftest import assert_no_personal_data, complaint_item, event_item

Push = Callable[..., dict[str, Any]]
REPORTER = {
    "name": "Bambang Sutrisno",
    "nik": "3171021505700003",
    "phone": "+6281311112222",
    "address": "Gang Melati Rahasia 7",
    "keep_identity_private": False,
    "consent_given_at": "2026-11-19T09:00:00+07:00",
}


def reporter_event(complaint: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {"kind": "reporter_added", "reporter": REPORTER, **overrides}
    return event_item(complaint, "Lubang makin lebar.", **fields)


def test_co_reporters_are_stored_once_and_counted(
    push: Push, client: TestClient, crm: Crm, staff: dict[str, dict[str, str]]
) -> None:
    item = complaint_item()
    first, second = reporter_event(item), reporter_event(item)
    results = push(item, first, second)["results"]
    assert [r["outcome"] for r in results] == ["accepted"] * 3
    assert push(first)["results"][0]["outcome"] == "already_had"
    with crm.sessions() as s:
        rows = s.scalars(select(CoReporter).order_by(CoReporter.at)).all()
    assert sorted(str(r.event_id) for r in rows) == sorted([first["id"], second["id"]])
    assert rows[0].reporter["phone"] == "+6281311112222"

    admin = next(h for name, h in staff.items() if "admin" in name)
    code = item["ticket_code"]
    detail = client.get(f"/api/v1/workflow/complaints/{code}", headers=admin).json()
    assert detail["reporter_count"] == 3
    listed = client.get("/api/v1/workflow/complaints", headers=admin).json()["complaints"]
    assert [c["reporter_count"] for c in listed if c["ticket_code"] == code] == [3]
    # Nothing of the co-reporter in the staff's event history either.
    assert "Bambang" not in str(detail) and "81311112222" not in str(detail)

    page = client.get(f"/T/{code}/{item['tracking_token']}")
    data = client.get(f"/T/{code}/{item['tracking_token']}.json")
    assert "Dilaporkan oleh</dt><dd>3 warga" in page.text
    assert data.json()["reporter_count"] == 3
    for text in (page.text, data.text):
        assert_no_personal_data(text)
        for secret in ("Bambang", "Sutrisno", "3171021505700003", "81311112222", "Melati"):
            assert secret not in text


def test_a_complaint_without_co_reporters_counts_one(
    push: Push, client: TestClient, staff: dict[str, dict[str, str]]
) -> None:
    item = complaint_item()
    push(item, event_item(item, "Warga membawa foto tambahan."))
    admin = next(h for name, h in staff.items() if "admin" in name)
    detail = client.get(f"/api/v1/workflow/complaints/{item['ticket_code']}", headers=admin)
    assert detail.json()["reporter_count"] == 1
    assert (
        client.get(f"/T/{item['ticket_code']}/{item['tracking_token']}.json").json()[
            "reporter_count"
        ]
        == 1
    )


def test_a_reporter_goes_with_its_kind_only_and_is_checked(push: Push) -> None:
    item = complaint_item()
    push(item)
    without = event_item(item, "Lubang makin lebar.", kind="reporter_added")
    stray = event_item(item, "Foto tambahan.", reporter=REPORTER)
    bad_phone = reporter_event(item, reporter={**REPORTER, "phone": "0813"})
    no_consent = reporter_event(
        item, reporter={k: v for k, v in REPORTER.items() if k != "consent_given_at"}
    )
    results = push(without, stray, bad_phone, no_consent)["results"]
    assert [r["outcome"] for r in results] == ["rejected"] * 4
    assert {r["error"]["code"] for r in results} == {"invalid"}
    assert results[2]["error"]["field"] == "reporter.phone"
    assert "0813" not in str(results)
    assert push(reporter_event(item, id=str(uuid.uuid4())))["results"][0]["outcome"] == "accepted"


def test_an_event_far_in_the_future_is_refused_not_stored(
    push: Push, client: TestClient, staff: dict[str, dict[str, str]]
) -> None:
    """Found by a review: an event at 9999-12-31 was stored and the complaint's page
    answered 500 for every staff member from then on."""
    item = complaint_item()
    push(item)
    far = event_item(item, "Dari masa depan.", at="9999-12-31T23:00:00+00:00")
    early = event_item(item, "Dari masa lalu.", at="1999-01-01T08:00:00+07:00")
    results = push(far, early)["results"]
    assert [(r["outcome"], r["error"]["field"]) for r in results] == [("rejected", "at")] * 2
    code = item["ticket_code"]
    detail = client.get(f"/api/v1/workflow/complaints/{code}", headers=staff["koordinator"])
    assert detail.status_code == 200 and "masa depan" not in detail.text
