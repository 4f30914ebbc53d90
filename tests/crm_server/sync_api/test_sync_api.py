"""Desk sync API v1 through FastAPI's TestClient, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from crm_server.core import complaints
from crm_server.core.crm import Crm
from tests.crm_server.conftest import (
    PNG,
    FakeClock,
    assert_no_personal_data,
    auth,
    complaint_item,
    event_item,
    sha,
)

Push = Callable[..., dict[str, Any]]


def test_enrolment_code_is_single_use(crm: Crm, client: TestClient) -> None:
    code = crm.create_enrolment("PBK2", "Kantor Wali Kota Jakarta Pusat")
    first = client.post("/api/v1/enrol", json={"enrolment_code": code.lower()})
    assert first.status_code == 200
    body = first.json()
    assert body["desk_code"] == "PBK2" and body["site"] == "Kantor Wali Kota Jakarta Pusat"
    again = client.post("/api/v1/enrol", json={"enrolment_code": code})
    assert again.status_code == 401
    assert again.json()["error"]["code"] == "invalid_enrolment_code"
    # The token is stored hashed, never as given.
    with crm.engine.connect() as conn:
        from sqlalchemy import text

        stored = conn.execute(text("select token_hash from desks where code='PBK2'")).scalar()
    assert stored and body["token"] not in stored and len(stored) == 64


def test_re_enrolment_revokes_the_old_token(
    crm: Crm, client: TestClient, desk: dict[str, str]
) -> None:
    code = crm.create_enrolment("PBK1", "")
    client.post("/api/v1/enrol", json={"enrolment_code": code})
    old = client.get("/api/v1/sync/changes", headers=auth(desk))
    assert old.status_code == 401


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic abc"}, {"Authorization": ""}],
)
def test_bad_auth_is_a_json_401(client: TestClient, headers: dict[str, str]) -> None:
    answer = client.post("/api/v1/sync/complaints", json={"items": []}, headers=headers)
    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "unauthorized"


def test_a_bad_token_is_a_401_whatever_the_body(
    client: TestClient, desk: dict[str, str], crm: Crm
) -> None:
    """The token is checked before the body is read; a refused push is not noted."""
    answer = client.post(
        "/api/v1/sync/complaints",
        content=b"{not json",
        headers={"Authorization": "Bearer nope", "Content-Type": "application/json"},
    )
    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "unauthorized"
    malformed = client.post(
        "/api/v1/sync/complaints",
        content=b"{not json",
        headers={**auth(desk), "Content-Type": "application/json"},
    )
    assert malformed.status_code == 400
    assert [d.last_push_at for d in crm.desk_statuses()] == [None]


def test_a_push_is_noted_for_the_supervisor(push: Push, crm: Crm, clock: FakeClock) -> None:
    push(complaint_item())
    assert [d.last_push_at for d in crm.desk_statuses()] == [clock.now]


def test_push_accepts_then_already_had(push: Push) -> None:
    item = complaint_item()
    first = push(item)["results"][0]
    assert first["outcome"] == "accepted" and first["crm_id"].startswith("CRM-")
    assert first["error"] is None and first["id"] == item["id"]
    second = push(item)["results"][0]
    assert second == {**first, "outcome": "already_had"}


def test_idempotency_key_replays_the_first_answer(
    push: Push, client: TestClient, desk: dict[str, str]
) -> None:
    items = [complaint_item(), complaint_item()]
    first = push(*items, headers={"Idempotency-Key": "batch-1"})
    assert [r["outcome"] for r in first["results"]] == ["accepted", "accepted"]
    replay = push(*items, headers={"Idempotency-Key": "batch-1"})
    assert replay == first
    other = client.post(
        "/api/v1/sync/complaints",
        json={"items": [complaint_item()]},
        headers={**auth(desk), "Idempotency-Key": "batch-1"},
    )
    assert other.status_code == 422
    assert other.json()["error"]["code"] == "idempotency_key_reused"


def test_one_bad_item_does_not_sink_the_batch(push: Push) -> None:
    good = complaint_item()
    bad_nik = complaint_item()
    bad_nik["complainant"] = {**bad_nik["complainant"], "nik": "12"}
    wrong_desk = complaint_item(desk="JKT9")
    bad_code = complaint_item(ticket_code="PBK1-261118-0001-X")
    unknown_channel = complaint_item(channel="NOPE")
    results = push(good, bad_nik, wrong_desk, bad_code, unknown_channel, "not an object")["results"]
    outcomes = [(r["outcome"], r["error"] and r["error"]["code"]) for r in results]
    assert outcomes == [
        ("accepted", None),
        ("rejected", "invalid"),
        ("rejected", "wrong_desk"),
        ("rejected", "invalid_ticket_code"),
        ("rejected", "unknown_channel"),
        ("rejected", "invalid"),
    ]
    assert results[1]["error"]["field"] == "complainant.nik"
    assert results[4]["error"]["field"] == "channel"
    for r in results:
        assert_no_personal_data(json.dumps(r))


def test_an_unknown_area_or_category_goes_to_triage_never_refused(
    push: Push, crm: Crm, client: TestClient, desk: dict[str, str]
) -> None:
    """A printed receipt is a promise (DESIGN.md): a kelurahan or a category the CRM
    does not know is received, in the channel admin's triage, with an internal note."""
    unknown_kelurahan = {**complaint_item()["location"], "kelurahan_code": "31.71.99.9999"}
    area = complaint_item(location=unknown_kelurahan)
    category = complaint_item(category_code="BARU.SEKALI")
    both = complaint_item(category_code="BARU.SEKALI", location=unknown_kelurahan)
    results = push(area, category, both)["results"]
    assert [(r["outcome"], r["error"]) for r in results] == [("accepted", None)] * 3
    notes = {}
    for item in (area, category, both):
        shown = complaints.detail(crm, item["ticket_code"])
        assert shown is not None and shown["status"] == "received"
        internal = [e for e in shown["events"] if not e["public"]]  # type: ignore[attr-defined]
        assert [e["kind"] for e in internal] == ["note"]
        notes[item["id"]] = internal[0]["note"]
    assert "31.71.99.9999" in notes[area["id"]] and "BARU.SEKALI" not in notes[area["id"]]
    assert "BARU.SEKALI" in notes[category["id"]] and "kelurahan" not in notes[category["id"]]
    assert "31.71.99.9999" in notes[both["id"]] and "BARU.SEKALI" in notes[both["id"]]
    # The note is the staff's: it never goes down to the desk.
    feed = client.get("/api/v1/sync/changes?cursor=0", headers=auth(desk)).json()["changes"]
    assert [c["kind"] for c in feed] == ["status"] * 3
    # Pushed again: already had, and still one note.
    assert [r["outcome"] for r in push(area)["results"]] == ["already_had"]
    shown = complaints.detail(crm, area["ticket_code"])
    assert shown is not None
    assert sum(not e["public"] for e in shown["events"]) == 1  # type: ignore[attr-defined]


def test_a_nul_character_sinks_only_its_item(push: Push) -> None:
    """PostgreSQL text cannot hold NUL: the item is rejected, not the whole batch."""
    good, nul = complaint_item(), complaint_item()
    nul["location"] = {**nul["location"], "street": "Jl. Pasar\u0000"}
    results = push(good, nul)["results"]
    assert results[0]["outcome"] == "accepted"
    assert results[1]["outcome"] == "rejected"
    assert results[1]["error"]["code"] == "invalid"
    assert results[1]["error"]["field"] == "location.street"


def test_a_batch_of_stored_and_new_items(
    push: Push, client: TestClient, desk: dict[str, str]
) -> None:
    """Each item is answered for itself: the stored one keeps its CRM id, the new one
    gets its own, the one whose ticket code is taken is refused; one "received"
    event per complaint stored."""
    stored = complaint_item()
    first = push(stored)["results"][0]
    new = complaint_item()
    clash = {**complaint_item(), "ticket_code": stored["ticket_code"]}
    results = push(clash, stored, new)["results"]
    assert results[1] == {**first, "outcome": "already_had"}
    assert results[2]["outcome"] == "accepted"
    assert results[2]["crm_id"] not in (None, first["crm_id"])
    assert results[0]["outcome"] == "rejected"
    assert results[0]["error"]["code"] == "duplicate_ticket_code"
    feed = client.get("/api/v1/sync/changes", headers=auth(desk)).json()["changes"]
    assert [c["complaint_id"] for c in feed] == [stored["id"], new["id"]]


def test_same_ticket_code_with_another_id_is_rejected(push: Push) -> None:
    item = complaint_item()
    push(item)
    clash = {**item, "id": str(uuid.uuid4())}
    result = push(clash)["results"][0]
    assert result["outcome"] == "rejected"
    assert result["error"]["code"] == "duplicate_ticket_code"


def test_forgiving_ticket_code_is_stored_canonical(push: Push, client: TestClient) -> None:
    item = complaint_item()
    canonical = item["ticket_code"]
    item["ticket_code"] = canonical.replace("-", "").lower()
    assert push(item)["results"][0]["outcome"] == "accepted"
    page = client.get(f"/T/{canonical}/{item['tracking_token']}.json")
    assert page.json()["ticket_code"] == canonical


def test_attachment_upload_is_content_addressed(
    push: Push, client: TestClient, desk: dict[str, str]
) -> None:
    digest = sha(PNG)
    item = complaint_item(
        attachments=[{"sha256": digest, "size": len(PNG), "media_type": "image/png"}]
    )
    missing = push(item)["results"][0]
    assert missing["outcome"] == "rejected"
    assert missing["error"]["code"] == "attachment_missing"
    headers = {**auth(desk), "Content-Type": "image/png"}
    first = client.put(f"/api/v1/attachments/{digest}", content=PNG, headers=headers)
    assert first.status_code == 201
    again = client.put(f"/api/v1/attachments/{digest}", content=PNG, headers=headers)
    assert again.status_code == 200
    assert push(item)["results"][0]["outcome"] == "accepted"


@pytest.mark.parametrize(
    ("content", "media_type", "status", "code"),
    [
        (PNG, "text/html", 415, "unsupported_media_type"),
        (PNG + b"x", "image/png", 422, "hash_mismatch"),
        (b"%PDF-1.4 not a png", "image/png", 422, "type_mismatch"),
    ],
)
def test_attachment_checks(
    client: TestClient,
    desk: dict[str, str],
    content: bytes,
    media_type: str,
    status: int,
    code: str,
) -> None:
    digest = sha(content) if code != "hash_mismatch" else sha(PNG)
    answer = client.put(
        f"/api/v1/attachments/{digest}",
        content=content,
        headers={**auth(desk), "Content-Type": media_type},
    )
    assert answer.status_code == status
    assert answer.json()["error"]["code"] == code


def test_attachment_size_limit(crm: Crm, client: TestClient, desk: dict[str, str]) -> None:
    big = b"\x89PNG\r\n\x1a\n" + b"\0" * crm.settings.max_attachment_bytes
    answer = client.put(
        f"/api/v1/attachments/{sha(big)}",
        content=big,
        headers={**auth(desk), "Content-Type": "image/png"},
    )
    assert answer.status_code == 413
    assert answer.json()["error"]["code"] == "too_large"


def test_changes_feed_starts_with_received(
    push: Push, client: TestClient, desk: dict[str, str]
) -> None:
    items = [complaint_item() for _ in range(3)]
    push(*items)
    first = client.get("/api/v1/sync/changes?cursor=0&limit=2", headers=auth(desk)).json()
    assert first["has_more"] is True and len(first["changes"]) == 2
    change = first["changes"][0]
    assert change["status"] == "received" and change["public_label"] == "Menunggu"
    assert change["complaint_id"] == items[0]["id"]
    assert change["ticket_code"] == items[0]["ticket_code"]
    rest = client.get(
        f"/api/v1/sync/changes?cursor={first['next_cursor']}&limit=10", headers=auth(desk)
    ).json()
    assert [c["complaint_id"] for c in rest["changes"]] == [items[2]["id"]]
    assert rest["has_more"] is False
    empty = client.get(
        f"/api/v1/sync/changes?cursor={rest['next_cursor']}", headers=auth(desk)
    ).json()
    assert empty == {"changes": [], "next_cursor": rest["next_cursor"], "has_more": False}


def test_changes_feed_is_per_desk(crm: Crm, push: Push, client: TestClient) -> None:
    push(complaint_item())
    code = crm.create_enrolment("JKT9", "Kantor Lurah")
    other = client.post("/api/v1/enrol", json={"enrolment_code": code}).json()["token"]
    answer = client.get("/api/v1/sync/changes", headers={"Authorization": f"Bearer {other}"})
    assert answer.json()["changes"] == []


def test_events_from_the_desk(push: Push, client: TestClient, desk: dict[str, str]) -> None:
    item = complaint_item()
    event = event_item(item, "Warga membawa foto tambahan.")
    # In one batch, the event after its complaint.
    results = push(item, event)["results"]
    assert [r["outcome"] for r in results] == ["accepted", "accepted"]
    assert push(event)["results"][0]["outcome"] == "already_had"
    orphan = {**event, "id": str(uuid.uuid4()), "complaint_id": str(uuid.uuid4())}
    assert push(orphan)["results"][0]["error"]["code"] == "unknown_complaint"


def test_duplicate_ids_in_one_batch(push: Push) -> None:
    item = complaint_item()
    results = push(item, item)["results"]
    assert [r["outcome"] for r in results] == ["accepted", "already_had"]
    assert results[0]["crm_id"] == results[1]["crm_id"]


def test_reference_etag(client: TestClient, desk: dict[str, str]) -> None:
    first = client.get("/api/v1/reference", headers=auth(desk))
    assert first.status_code == 200
    etag = first.headers["ETag"]
    body = first.json()
    assert body["version"] in etag
    assert any(c["code"] == "JALAN.RUSAK" for c in body["categories"])
    assert any(a["code"] == "31.71.01.1001" for a in body["areas"])
    again = client.get("/api/v1/reference", headers={**auth(desk), "If-None-Match": etag})
    assert again.status_code == 304 and again.headers["ETag"] == etag


def test_heartbeat_and_supervisor_view(
    client: TestClient, desk: dict[str, str], staff: dict[str, dict[str, str]]
) -> None:
    beat = client.post(
        "/api/v1/sync/heartbeat",
        json={"pending_count": 4, "oldest_unsent_age_seconds": 3600, "app_version": "0.1.0"},
        headers=auth(desk),
    )
    assert beat.status_code == 200
    seen = client.get("/api/v1/desks", headers=auth(desk)).json()["desks"]
    assert seen[0]["code"] == "PBK1" and seen[0]["pending_count"] == 4
    assert seen[0]["oldest_unsent_age_seconds"] == 3600 and seen[0]["app_version"] == "0.1.0"
    as_staff = client.get("/api/v1/desks", headers=staff["verifikator"])
    assert as_staff.status_code == 200


def test_a_nul_in_the_app_version_is_a_422(client: TestClient, desk: dict[str, str]) -> None:
    """PostgreSQL text cannot hold NUL: refused as invalid, not a 500 from the database."""
    answer = client.post(
        "/api/v1/sync/heartbeat",
        json={"pending_count": 1, "app_version": "1.0\u0000"},
        headers=auth(desk),
    )
    assert answer.status_code == 422
    assert answer.json()["error"]["field"] == "app_version"


@pytest.mark.parametrize(
    "body",
    [b"{not json", b"", b"[]", b'{"items": 5}', b"\xff\xfe", b'{"items": [' + b"1," * 100 + b"1]}"],
)
def test_malformed_bodies_get_json_errors(
    client: TestClient, desk: dict[str, str], body: bytes
) -> None:
    answer = client.post(
        "/api/v1/sync/complaints",
        content=body,
        headers={**auth(desk), "Content-Type": "application/json"},
    )
    assert 400 <= answer.status_code < 500
    assert set(answer.json()["error"]) == {"code", "message", "field"}


def test_oversized_body(client: TestClient, desk: dict[str, str], crm: Crm) -> None:
    body = b'{"items": ["' + b"x" * crm.settings.max_json_bytes + b'"]}'
    answer = client.post(
        "/api/v1/sync/complaints",
        content=body,
        headers={**auth(desk), "Content-Type": "application/json"},
    )
    assert answer.status_code == 413
    assert answer.json()["error"]["code"] == "too_large"


def test_validation_errors_do_not_echo_input(client: TestClient) -> None:
    answer = client.post("/api/v1/enrol", json={"enrolment_code": "", "nik": "3171014506780003"})
    assert answer.status_code == 422
    assert "3171014506780003" not in answer.text


def test_healthz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok"}
