"""A city's morning (issue 19): the CRM as several worker processes on PostgreSQL
(``crm-server serve --workers N``, for real), while

- D desks come back online at once after an outage, each with a backlog of B
  complaints (one in ten with a 200 KB scan): attachments first, then the batch, as
  the desk's sync does (sync protocol v1, over HTTP);
- citizens open tracking pages at a steady rate, from many addresses (through a
  trusted proxy's X-Forwarded-For, so the per-address limit applies as in real life);
- staff load their inboxes in the console at a steady rate.

Prints throughput, p50/p95/p99 latency and errors per kind, how long until every
desk had sent everything, and the exactly-once check (every complaint stored once).

    .venv/bin/python -m benchmarks.bench_city_morning [--desks 320] [--backlog 30]
        [--workers 2] [--clients 64] [--tracking-rate 20] [--inbox-rate 2]

Its own command (make bench-city), not part of make bench or make test. Needs
PostgreSQL (MEJA_TEST_POSTGRES or MEJA_BENCH_POSTGRES); a fresh database is created
and dropped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import re
import secrets
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx2
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from benchmarks.common import percentile
from complaint_domain.complaint import WIB
from complaint_domain.ticket import mint, new_tracking_token
from crm_server.core.auth import create_user
from crm_server.core.crm import Crm
from crm_server.core.staff_sign_in import set_password
from crm_server.db.engine import migrate
from crm_server.db.models import Complaint
from crm_server.settings import Settings

JAKARTA_REPORTS_PER_DAY = 375  # ≈ 820 000 reports over 2017–2022
KELURAHAN = ("31.71.01.1001", "31.71.01.1002", "31.72.01.1001", "31.73.01.1001", "31.74.01.1001")
PASSWORD = "bench-password-1"


class Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)

    def timed(self, kind: str, call: Any) -> Any:
        started = time.perf_counter()
        try:
            answer = call()
        except httpx2.HTTPError:
            with self.lock:
                self.errors[kind] += 1
            return None
        elapsed = (time.perf_counter() - started) * 1000
        with self.lock:
            self.latency[kind].append(elapsed)
            if answer.status_code >= 400 and answer.status_code != 404:
                self.errors[kind] += 1
        return answer


def complaint(desk: str, seq: int, attachment: dict[str, Any] | None) -> dict[str, Any]:
    day = dt.date(2026, 12, 1)
    created = dt.datetime.combine(day, dt.time(8, 5), WIB).isoformat()
    return {
        "type": "complaint",
        "id": str(uuid.uuid4()),
        "ticket_code": str(mint(desk, day, seq)),
        "tracking_token": new_tracking_token(),
        "created_at": created,
        "channel": "PENDOPO",
        "officer": "Petugas",
        "urgency": "normal",
        "category_code": "JALAN.RUSAK",
        "description": "Jalan berlubang di depan pasar, membahayakan pengendara.",
        "earlier_references": [],
        "complainant": {"name": "Warga", "consent_given_at": created},
        "location": {"kelurahan_code": random.choice(KELURAHAN)},
        "attachments": [attachment] if attachment else [],
    }


def desk_code(n: int) -> str:
    alphabet = "ABCDEFGHJKMNPQRSTVWXYZ"
    return "D" + alphabet[n // 400 % 22] + f"{n % 400:03d}"


def start_crm(url: str, workers: int, data: Path, port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "MEJA_CRM_DATABASE_URL": url,
        "MEJA_CRM_DATA_DIR": str(data),
        "MEJA_CRM_TRUSTED_PROXIES": "127.0.0.1",
        "MEJA_CRM_SECURE_COOKIES": "0",
        "MEJA_CRM_LOG_LEVEL": "warning",
        "MEJA_CRM_RUN_JOBS": "1",
        # The desks enrol from this one address in a moment (in life: 320 addresses).
        "MEJA_CRM_ENROL_PER_MINUTE": "0",
    }
    command = [sys.executable, "-m", "crm_server.cli", "serve", "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--workers", str(workers)], env=env, stdout=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx2.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                return server
        except httpx2.HTTPError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit("the CRM did not come up")


def prepare(url: str, data: Path, desks: int) -> list[str]:
    """Enrolment codes of the desks, and a staff account per inbox kind."""
    crm = Crm(Settings(data_dir=data, database_url=url))
    crm.ensure_reference_data()
    codes = [crm.create_enrolment(desk_code(n), f"Site {n}") for n in range(desks)]
    create_user(crm, "bench.kanal", "Admin Kanal", "channel_admin")
    create_user(crm, "bench.lurah", "Kelurahan", "kelurahan", KELURAHAN[0])
    for name in ("bench.kanal", "bench.lurah"):
        set_password(crm, name, PASSWORD)
    crm.close()
    return codes


def run(args: argparse.Namespace) -> None:
    base_url = os.environ.get("MEJA_BENCH_POSTGRES") or os.environ.get("MEJA_TEST_POSTGRES")
    if not base_url:
        print("bench_city_morning: skipped (no PostgreSQL: MEJA_TEST_POSTGRES)")
        return
    name = f"meja_city_{secrets.token_hex(3)}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(base_url).set(database=name).render_as_string(hide_password=False)
    data = Path(tempfile.mkdtemp(prefix="meja-city-"))
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = None
    try:
        migrate(url)
        enrolment = prepare(url, data, args.desks)
        server = start_crm(url, args.workers, data, port)
        tokens = []
        with httpx2.Client(base_url=base, timeout=30) as http:
            for code in enrolment:
                tokens.append(http.post("/api/v1/enrol", json={"enrolment_code": code}).json())
        report(run_morning(args, base, tokens), args, url)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=60)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run_morning(args: argparse.Namespace, base: str, desks: list[dict[str, Any]]) -> dict[str, Any]:
    recorder = Recorder()
    scan = b"%PDF-1.4\n" + os.urandom(200 * 1024 - 9)  # what a scanner makes, in size
    stored: list[tuple[str, str]] = []  # (ticket, token) the citizens look up
    stop = threading.Event()

    def desk_session(desk: dict[str, Any]) -> float:
        headers = {"Authorization": f"Bearer {desk['token']}"}
        code = desk["desk_code"]
        with httpx2.Client(base_url=base, timeout=120) as http:
            items = []
            for seq in range(1, args.backlog + 1):
                attachment = None
                if seq % 10 == 0:
                    body = scan[:-16] + seq.to_bytes(8, "big") + code.encode().ljust(8)
                    sha = hashlib.sha256(body).hexdigest()
                    recorder.timed(
                        "attachment PUT",
                        lambda sha=sha, body=body: http.put(
                            f"/api/v1/attachments/{sha}",
                            content=body,
                            headers={**headers, "Content-Type": "application/pdf"},
                        ),
                    )
                    attachment = {"sha256": sha, "size": len(body), "media_type": "application/pdf"}
                items.append(complaint(code, seq, attachment))
            for start in range(0, len(items), 100):
                batch = items[start : start + 100]
                recorder.timed(
                    "push batch",
                    lambda batch=batch: http.post(
                        "/api/v1/sync/complaints",
                        json={"items": batch},
                        headers={**headers, "Idempotency-Key": str(uuid.uuid4())},
                    ),
                )
            with recorder.lock:
                stored.extend((i["ticket_code"], i["tracking_token"]) for i in items[:3])
        return time.perf_counter()

    def citizens() -> None:
        with httpx2.Client(base_url=base, timeout=30) as http:
            interval = 1 / args.tracking_rate
            next_at = time.perf_counter()
            while not stop.is_set():
                with recorder.lock:
                    pick = random.choice(stored) if stored else ("NOT-A-CODE", "ABCDEF")
                address = (
                    f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"
                )
                recorder.timed(
                    "tracking page",
                    lambda pick=pick, address=address: http.get(
                        f"/T/{pick[0]}/{pick[1]}", headers={"X-Forwarded-For": address}
                    ),
                )
                next_at += interval
                time.sleep(max(0.0, next_at - time.perf_counter()))

    def staff(username: str) -> None:
        with httpx2.Client(base_url=base, timeout=30) as http:
            page = http.get("/console/login").text
            pre = re.search(r'name="pre_token" value="([^"]+)"', page)
            http.post(
                "/console/login",
                data={
                    "username": username,
                    "password": PASSWORD,
                    "pre_token": pre.group(1) if pre else "",
                },
            )
            interval = 2 / args.inbox_rate  # two staff share the rate
            next_at = time.perf_counter()
            while not stop.is_set():
                recorder.timed("staff inbox", lambda: http.get("/console/"))
                next_at += interval
                time.sleep(max(0.0, next_at - time.perf_counter()))

    background = [threading.Thread(target=citizens, daemon=True)]
    background += [
        threading.Thread(target=staff, args=(u,), daemon=True)
        for u in ("bench.kanal", "bench.lurah")
    ]
    for thread in background:
        thread.start()
    started = time.perf_counter()
    with ThreadPoolExecutor(args.clients) as pool:
        finished = list(pool.map(desk_session, desks))
    drained = max(finished) - started
    time.sleep(2)  # the steady loads a moment longer, on a quiet server
    stop.set()
    for thread in background:
        thread.join(timeout=30)
    return {"recorder": recorder, "drained": drained, "elapsed": time.perf_counter() - started}


def report(result: dict[str, Any], args: argparse.Namespace, url: str) -> None:
    recorder: Recorder = result["recorder"]
    elapsed, drained = result["elapsed"], result["drained"]
    engine = create_engine(url)
    with engine.connect() as conn:
        stored = conn.scalar(select(func.count()).select_from(Complaint))
        distinct = conn.scalar(select(func.count(func.distinct(Complaint.ticket_code))))
    engine.dispose()
    expected = args.desks * args.backlog
    print(
        f"\nA city's morning: {args.desks} desks × {args.backlog} complaints (1 in 10 with a "
        f"200 KB scan), CRM on PostgreSQL as {args.workers} workers, {args.clients} desks "
        f"sending at a time; tracking {args.tracking_rate}/s, inboxes {args.inbox_rate}/s"
    )
    heads = ("requests", "per s", "p50 ms", "p95 ms", "p99 ms")
    print(f"{'kind':<16} " + " ".join(f"{h:>8}" for h in heads) + f" {'errors':>7}")
    for kind in ("push batch", "attachment PUT", "tracking page", "staff inbox"):
        samples = recorder.latency.get(kind, [])
        window = drained if kind in ("push batch", "attachment PUT") else elapsed
        print(
            f"{kind:<16} {len(samples):>8} {len(samples) / window:>8.1f} "
            f"{percentile(samples, 50):>8.0f} {percentile(samples, 95):>8.0f} "
            f"{percentile(samples, 99):>8.0f} {recorder.errors.get(kind, 0):>7}"
        )
    per_second = expected / drained
    print(f"every desk had sent everything after {drained:.1f} s ({per_second:.0f} complaints/s)")
    print(
        f"exactly once: {stored} stored, {distinct} distinct ticket codes, {expected} sent: "
        + ("OK" if stored == distinct == expected else "MISMATCH")
    )
    day = JAKARTA_REPORTS_PER_DAY
    print(
        f"Jakarta's average day ({day} reports) would take {day / per_second:.1f} s at this rate: "
        f"{per_second * 86400 / day:.0f}× a day's load per day of capacity"
    )


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_city_morning")
    parser.add_argument("--desks", type=int, default=320)
    parser.add_argument("--backlog", type=int, default=30)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=64, help="desks sending at once")
    parser.add_argument("--tracking-rate", type=float, default=20.0)
    parser.add_argument("--inbox-rate", type=float, default=2.0)
    run(parser.parse_args())
    return 0


if __name__ == "__main__":
    sys.exit(main())
