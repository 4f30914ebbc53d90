"""The visitor queue on a busy morning: 20 desks of one site calling next on loopback
against the real CRM (uvicorn in a child process, SQLite), each followed by a board
fetch as the display makes it.

Measured per call: from sending call-next to a board, fetched after its answer, that
holds the number ("call-next → display shows it", the server's side). Two rounds:
*steady* — each desk calls after a random pause of 0–2 s (a call a second per desk
on average, already far busier than a real desk, which calls every few minutes) —
and *burst* — all 20 call back to back without a pause (the CRM's throughput). A
real display asks every second, so on the screen up to that period comes on top.

*floor* — the same 20 desks asking the CRM's ``/healthz`` back to back, in the same
run: what one loopback HTTP request costs on this machine at this moment, under the
same concurrency (the machine is shared; read the burst against it).
"""

from __future__ import annotations

import random
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import requests

from benchmarks.common import percentile, print_table
from tests.sync.crm import CrmProcess

DESKS = 20
CALLS_PER_DESK = 15
SITE = "Pendopo Balai Kota"
DESK_CODES = [f"Q{chr(ord('A') + i // 10)}{i % 10}" for i in range(DESKS)]


def _enrol(server: CrmProcess) -> list[requests.Session]:
    sessions = []
    for code in DESK_CODES:
        token = requests.post(
            f"{server.url}/api/v1/enrol",
            json={"enrolment_code": server.enrolment_code(code, SITE)},
            timeout=10,
        ).json()["token"]
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {token}"
        sessions.append(session)
    return sessions


def _round(
    server: CrmProcess, sessions: list[requests.Session], pause_s: float
) -> tuple[list[float], list[float], list[str], float]:
    for i in range(DESKS * CALLS_PER_DESK):
        body = {"priority": "lansia"} if i % 6 == 0 else {}
        sessions[i % DESKS].post(
            f"{server.url}/api/v1/queue/tickets", json=body, timeout=10
        ).raise_for_status()
    board_url = f"{server.url}/layar/{quote(SITE)}.json"
    start = threading.Barrier(DESKS)
    call_ms: list[float] = []
    shown_ms: list[float] = []
    numbers: list[str] = []
    lock = threading.Lock()

    def desk(i: int) -> None:
        session, display, rng = sessions[i], requests.Session(), random.Random(i)
        start.wait()
        for _ in range(CALLS_PER_DESK):
            if pause_s:
                time.sleep(rng.uniform(0, 2 * pause_s))
            t0 = time.perf_counter()
            answer = session.post(f"{server.url}/api/v1/queue/call-next", json={}, timeout=30)
            t1 = time.perf_counter()
            number = answer.json()["ticket"]["number"]
            board = display.get(board_url, timeout=30).json()
            t2 = time.perf_counter()
            on_board = {c["number"] for c in board["calling"]}
            on_board |= {r["number"] for r in board["recent"]}
            # Later calls of other desks may already have pushed it off the last
            # four: then it was shown before them.
            with lock:
                call_ms.append((t1 - t0) * 1000)
                shown_ms.append((t2 - t0) * 1000)
                numbers.append(number)

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=DESKS) as pool:
        list(pool.map(desk, range(DESKS)))
    took = time.perf_counter() - began
    assert len(numbers) == len(set(numbers)) == DESKS * CALLS_PER_DESK  # each once
    return call_ms, shown_ms, numbers, took


def _floor(server: CrmProcess, sessions: list[requests.Session]) -> tuple[list[float], float]:
    start = threading.Barrier(DESKS)
    samples: list[float] = []
    lock = threading.Lock()

    def desk(i: int) -> None:
        session = sessions[i]
        start.wait()
        for _ in range(CALLS_PER_DESK):
            t0 = time.perf_counter()
            session.get(f"{server.url}/healthz", timeout=30).raise_for_status()
            with lock:
                samples.append((time.perf_counter() - t0) * 1000)

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=DESKS) as pool:
        list(pool.map(desk, range(DESKS)))
    return samples, time.perf_counter() - began


def run(big: bool = False) -> None:
    rows: list[list[object]] = []
    with tempfile.TemporaryDirectory(prefix="meja-bench-queue-") as tmp:
        server = CrmProcess(Path(tmp) / "crm")
        server.env["MEJA_CRM_ENROL_PER_MINUTE"] = "0"  # 20 enrolments from one address
        server.start()
        try:
            sessions = _enrol(server)
            floor, took = _floor(server, sessions)
            rows.append(
                [
                    "floor (no pause)",
                    "GET /healthz",
                    len(floor),
                    f"{len(floor) / took:.0f}",
                    f"{percentile(floor, 50):.0f}",
                    f"{percentile(floor, 95):.0f}",
                    f"{max(floor):.0f}",
                ]
            )
            for label, pause in (("steady (0–2 s pauses)", 1.0), ("burst (no pause)", 0.0)):
                call_ms, shown_ms, numbers, took = _round(server, sessions, pause)
                for step, samples in (("call-next", call_ms), ("→ board shows it", shown_ms)):
                    rows.append(
                        [
                            label,
                            step,
                            len(samples),
                            f"{len(numbers) / took:.0f}",
                            f"{percentile(samples, 50):.0f}",
                            f"{percentile(samples, 95):.0f}",
                            f"{max(samples):.0f}",
                        ]
                    )
        finally:
            server.close()
    print_table(
        f"Queue: {DESKS} desks of one site calling on loopback (SQLite CRM, each ticket "
        "handed out once); target: call-next → display shows it, p95 < 300 ms",
        ["round", "step", "calls", "calls/s", "p50 ms", "p95 ms", "max ms"],
        rows,
    )
    print("  On the screen add up to the display's polling period (1 s).")


if __name__ == "__main__":
    run()
