"""The real server under uvicorn on 127.0.0.1, and idempotency under concurrency."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx2
import pytest
from sqlalchemy import func, select

from crm_server.core.crm import Crm
from crm_server.db.models import Complaint, Event
from tests.crm_server.conftest import complaint_item


def test_enrol_push_track_over_real_http(crm: Crm, live_server: str) -> None:
    code = crm.create_enrolment("PBK1", "Pendopo Balai Kota")
    with httpx2.Client(base_url=live_server, timeout=10) as http:
        assert http.get("/healthz").json()["status"] == "ok"
        token = http.post("/api/v1/enrol", json={"enrolment_code": code}).json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        item = complaint_item()
        answer = http.post("/api/v1/sync/complaints", json={"items": [item]}, headers=headers)
        assert answer.json()["results"][0]["outcome"] == "accepted"
        page = http.get(f"/T/{item['ticket_code']}/{item['tracking_token']}")
        assert page.status_code == 200 and "Menunggu" in page.text
        bad = http.post(
            "/api/v1/sync/complaints",
            content=b"{",
            headers={**headers, "Content-Type": "application/json"},
        )
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "malformed_json"


def test_fifty_concurrent_pushes_of_one_batch(crm: Crm, live_server: str) -> None:
    """50 clients push the same 20 items at once: exactly one row per item."""
    if crm.dialect != "postgresql":
        pytest.skip("the concurrency proof is for PostgreSQL (SQLite serialises writers)")
    code = crm.create_enrolment("PBK1", "Pendopo Balai Kota")
    token = httpx2.post(f"{live_server}/api/v1/enrol", json={"enrolment_code": code}).json()[
        "token"
    ]
    items = [complaint_item() for _ in range(20)]
    barrier = threading.Barrier(50)

    def one(n: int) -> list[str]:
        with httpx2.Client(base_url=live_server, timeout=60) as http:
            barrier.wait()
            # Half with an Idempotency-Key, half without: both paths race.
            headers = {"Authorization": f"Bearer {token}"}
            if n % 2:
                headers["Idempotency-Key"] = "same-batch"
            answer = http.post("/api/v1/sync/complaints", json={"items": items}, headers=headers)
            assert answer.status_code == 200, answer.text
            return [r["outcome"] for r in answer.json()["results"]]

    with ThreadPoolExecutor(50) as pool:
        outcomes = list(pool.map(one, range(50)))
    accepted = sum(o.count("accepted") for o in outcomes)
    # One request accepted every item. If it carried the key, the other 24 keyed
    # requests replay its answer (accepted); otherwise they all say already_had.
    assert all(set(o) <= {"accepted", "already_had"} for o in outcomes)
    assert accepted in (20, 20 * 25)
    with crm.sessions() as session:
        wanted = [uuid.UUID(i["id"]) for i in items]
        rows = session.scalar(
            select(func.count()).select_from(Complaint).where(Complaint.id.in_(wanted))
        )
        events = session.scalar(select(func.count()).select_from(Event))
    assert rows == 20
    assert events == 20  # one "received" event per complaint, not one per push
