"""Two desks calling at the same instant never get the same ticket: 2 desks × 50
concurrent call-next over real HTTP (uvicorn on loopback) against 100 waiting
tickets hand out each ticket exactly once (SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import requests
from sqlalchemy import func, select

from crm_server.core.crm import Crm
from crm_server.db.queue_models import QueueEvent
from tests.crm_server.conftest import FakeClock


def test_100_concurrent_call_next_hand_out_each_ticket_once(
    crm: Crm, live_server: str, clock: FakeClock
) -> None:
    headers = []
    for code in ("PBK1", "PBK2"):
        enrolment = crm.create_enrolment(code, "Pendopo Balai Kota")
        token = requests.post(
            f"{live_server}/api/v1/enrol", json={"enrolment_code": enrolment}, timeout=10
        ).json()["token"]
        headers.append({"Authorization": f"Bearer {token}"})
    issued = set()
    for n in range(100):
        body = {"priority": "lansia"} if n % 7 == 0 else {}
        answer = requests.post(
            f"{live_server}/api/v1/queue/tickets", json=body, headers=headers[n % 2], timeout=10
        )
        issued.add(answer.json()["ticket"]["id"])
    assert len(issued) == 100
    start = threading.Barrier(100)
    local = threading.local()

    def call(n: int) -> str | None:
        session = getattr(local, "session", None) or requests.Session()
        local.session = session
        start.wait()
        answer = session.post(
            f"{live_server}/api/v1/queue/call-next",
            json={"officer": f"Petugas {n % 2}"},
            headers=headers[n % 2],
            timeout=60,
        )
        assert answer.status_code == 200, answer.text
        ticket = answer.json()["ticket"]
        return None if ticket is None else str(ticket["id"])

    with ThreadPoolExecutor(max_workers=100) as pool:
        got = list(pool.map(call, range(100)))
    assert None not in got
    assert len(got) == len(set(got)) == 100
    assert set(got) == issued
    again = requests.post(
        f"{live_server}/api/v1/queue/call-next", json={}, headers=headers[0], timeout=10
    )
    assert again.json()["ticket"] is None
    with crm.sessions() as session:
        calls = session.execute(
            select(func.count()).select_from(QueueEvent).where(QueueEvent.kind == "called")
        ).scalar_one()
    assert calls == 100
