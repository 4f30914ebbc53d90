"""The visitor queue on a busy morning: 20 desks of one site calling next on loopback
against the real CRM, and the hall's display screen watching the board as the TV's
page does (a long poll: it gives the version it shows and is answered when the board
changes).

Measured per call, "call-next → the display shows it": from the desk sending
call-next to the display receiving a board that shows the call — one that holds the
number, or one read after the call's answer (later calls may already have pushed the
number off the last four: it was shown by then). Two rounds: *steady* — each desk
calls after a random pause of 0–2 s (a call a second per desk on average, already far
busier than a real desk, which calls every few minutes) — and *burst* — all 20 call
back to back without a pause (the CRM's throughput).

*floor* — the same 20 desks asking the CRM's ``/healthz`` back to back, in the same
run: what one loopback request costs on this machine at this moment, under the same
concurrency (read the burst against it).

SQLite: one CRM process (``uvicorn``). PostgreSQL, when MEJA_TEST_POSTGRES (or
MEJA_BENCH_POSTGRES) names a server: ``crm-server serve --workers 2`` on a scratch
database, so the display and a desk are often served by different workers and the
call reaches the display through PostgreSQL's NOTIFY.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import requests

from benchmarks.common import percentile, print_table

DESKS = 20
CALLS_PER_DESK = 15
SITE = "Pendopo Balai Kota"
DESK_CODES = [f"Q{chr(ord('A') + i // 10)}{i % 10}" for i in range(DESKS)]


class Display(threading.Thread):
    """The hall's TV: asks the board with the version it shows, for as long as it runs;
    keeps (arrival, the board's reading time, the numbers shown) of every answer."""

    def __init__(self, base: str) -> None:
        super().__init__(daemon=True)
        self.url = f"{base}/layar/{quote(SITE)}.json"
        self.seen: list[tuple[float, float, frozenset[str]]] = []
        self._done = threading.Event()

    def run(self) -> None:
        http, version = requests.Session(), ""
        while not self._done.is_set():
            board = http.get(self.url, params={"after": version, "wait": "5"}, timeout=30).json()
            arrived = time.perf_counter()
            version = board["version"]
            numbers = {c["number"] for c in board["calling"]} | {
                r["number"] for r in board["recent"]
            }
            read_at = dt.datetime.fromisoformat(board["at"]).timestamp()
            self.seen.append((arrived, read_at, frozenset(numbers)))

    def stop(self) -> None:
        self._done.set()
        self.join(timeout=10)

    def shown(self, number: str, sent: float, answered_wall: float) -> float | None:
        """When the display first showed this call (perf_counter), None if never."""
        for arrived, read_at, numbers in self.seen:
            if arrived >= sent and (number in numbers or read_at >= answered_wall):
                return arrived
        return None


def _enrol(base: str, code_for: Callable[[str], str]) -> list[requests.Session]:
    sessions = []
    for code in DESK_CODES:
        answer = requests.post(
            f"{base}/api/v1/enrol", json={"enrolment_code": code_for(code)}, timeout=10
        )
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {answer.json()['token']}"
        sessions.append(session)
    return sessions


def _round(base: str, sessions: list[requests.Session], pause_s: float) -> dict[str, list[float]]:
    for i in range(DESKS * CALLS_PER_DESK):
        body = {"priority": "lansia"} if i % 6 == 0 else {}
        sessions[i % DESKS].post(
            f"{base}/api/v1/queue/tickets", json=body, timeout=10
        ).raise_for_status()
    display = Display(base)
    display.start()
    time.sleep(0.5)  # the display shows the morning so far
    start = threading.Barrier(DESKS)
    calls: list[tuple[str, float, float, float]] = []
    lock = threading.Lock()

    def desk(i: int) -> None:
        session, rng = sessions[i], random.Random(i)
        start.wait()
        for _ in range(CALLS_PER_DESK):
            if pause_s:
                time.sleep(rng.uniform(0, 2 * pause_s))
            t0 = time.perf_counter()
            answer = session.post(f"{base}/api/v1/queue/call-next", json={}, timeout=30)
            t1, wall = time.perf_counter(), time.time()
            with lock:
                calls.append((answer.json()["ticket"]["number"], t0, t1, wall))

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=DESKS) as pool:
        list(pool.map(desk, range(DESKS)))
    took = time.perf_counter() - began
    time.sleep(1.0)  # the display's last answers
    display.stop()
    numbers = [c[0] for c in calls]
    assert len(numbers) == len(set(numbers)) == DESKS * CALLS_PER_DESK  # each once
    shown = [display.shown(n, t0, wall) for n, t0, _t1, wall in calls]
    return {
        "call-next": [(t1 - t0) * 1000 for _n, t0, t1, _w in calls],
        "→ the display shows it": [
            (s - t0) * 1000 for s, (_n, t0, _t1, _w) in zip(shown, calls, strict=True) if s
        ],
        "never shown": [1.0 for s in shown if s is None],
        "rate": [len(numbers) / took],
    }


def _floor(base: str, sessions: list[requests.Session]) -> tuple[list[float], float]:
    start = threading.Barrier(DESKS)
    samples: list[float] = []
    lock = threading.Lock()

    def desk(i: int) -> None:
        start.wait()
        for _ in range(CALLS_PER_DESK):
            t0 = time.perf_counter()
            sessions[i].get(f"{base}/healthz", timeout=30).raise_for_status()
            with lock:
                samples.append((time.perf_counter() - t0) * 1000)

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=DESKS) as pool:
        list(pool.map(desk, range(DESKS)))
    return samples, time.perf_counter() - began


@contextmanager
def _sqlite(tmp: Path) -> Iterator[tuple[str, Callable[[str], str]]]:
    from tests.sync.crm import CrmProcess

    server = CrmProcess(tmp / "crm")
    server.env["MEJA_CRM_ENROL_PER_MINUTE"] = "0"  # 20 enrolments from one address
    server.start()
    try:
        yield server.url, lambda code: server.enrolment_code(code, SITE)
    finally:
        server.close()


@contextmanager
def _postgres(tmp: Path) -> Iterator[tuple[str, Callable[[str], str]] | None]:
    from benchmarks.bench_city_morning import _free_port, start_crm
    from benchmarks.bench_crm import database
    from crm_server.core.crm import Crm
    from crm_server.settings import Settings

    with database("postgres", tmp) as url:
        if url is None:
            yield None
            return
        crm = Crm(Settings(data_dir=tmp / "pg", database_url=url))
        crm.ensure_reference_data()
        port = _free_port()
        server = start_crm(url, 2, tmp / "pg", port)
        try:
            yield f"http://127.0.0.1:{port}", lambda code: crm.create_enrolment(code, SITE)
        finally:
            server.terminate()
            server.wait(timeout=60)
            crm.close()


def _figures(samples: list[float]) -> list[object]:
    return [
        len(samples),
        f"{percentile(samples, 50):.0f}",
        f"{percentile(samples, 95):.0f}",
        f"{max(samples):.0f}",
    ]


def _measure(label: str, base: str, code_for: Callable[[str], str]) -> list[list[object]]:
    sessions = _enrol(base, code_for)
    floor, took = _floor(base, sessions)
    floor_rate = f"{len(floor) / took:.0f}"
    rows = [[label, "floor (no pause)", "GET /healthz", floor_rate, *_figures(floor)]]
    for name, pause in (("steady (0–2 s pauses)", 1.0), ("burst (no pause)", 0.0)):
        measured = _round(base, sessions, pause)
        rate = f"{measured['rate'][0]:.0f}"
        for step in ("call-next", "→ the display shows it"):
            rows.append([label, name, step, rate, *_figures(measured[step])])
        if measured["never shown"]:
            never = len(measured["never shown"])
            rows.append([label, name, "never shown", rate, never, "", "", ""])
    return rows


def run(big: bool = False) -> None:
    rows: list[list[object]] = []
    with tempfile.TemporaryDirectory(prefix="meja-bench-queue-") as tmp:
        with _sqlite(Path(tmp)) as (base, code_for):
            rows += _measure("SQLite, 1 process", base, code_for)
        if os.environ.get("MEJA_BENCH_QUEUE_SQLITE_ONLY") != "1":
            with _postgres(Path(tmp)) as served:
                if served is None:
                    print("bench_queue: PostgreSQL skipped (set MEJA_TEST_POSTGRES)")
                else:
                    rows += _measure("PostgreSQL, 2 workers", *served)
    print_table(
        f"Queue: {DESKS} desks of one site calling on loopback, the hall's display watching "
        "(each ticket handed out once); target: call-next → the display shows it, p95 < 300 ms",
        ["CRM", "round", "step", "calls/s", "calls", "p50 ms", "p95 ms", "max ms"],
        rows,
    )


if __name__ == "__main__":
    run()
