"""CRM benchmark: sync pushes (batches of 100) per second on SQLite and PostgreSQL
against a bare SQLAlchemy Core bulk insert of the same rows in the same run; the
changes feed over 100 000 events; tracking page latency; peak memory.

    .venv/bin/python -m benchmarks.bench_crm [--batches N]

PostgreSQL is used when MEJA_TEST_POSTGRES (or MEJA_BENCH_POSTGRES) names a server
(a fresh database is created and dropped); otherwise that row says "skipped".
Targets: push throughput at least 30 % of the bare insert; tracking p95 under 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import secrets
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url

from benchmarks.common import peak_rss_mb
from complaint_domain.complaint import WIB
from complaint_domain.ticket import mint, new_tracking_token
from crm_server.app import create_app
from crm_server.core.auth import DeskAuth
from crm_server.core.crm import Crm
from crm_server.core.push.batch import Batch as _Push
from crm_server.core.schemas import PUSH_ITEM
from crm_server.db.engine import migrate
from crm_server.db.models import Complaint, Event
from crm_server.settings import Settings

FEED_EVENTS = 100_000


def item(desk: str, n: int) -> dict[str, Any]:
    day = dt.date(2026, 1, 1) + dt.timedelta(days=n // 9000)
    created = dt.datetime.combine(day, dt.time(9, 0), WIB).isoformat()
    return {
        "type": "complaint",
        "id": str(uuid.uuid4()),
        "ticket_code": str(mint(desk, day, n % 9000 + 1)),
        "tracking_token": new_tracking_token(),
        "created_at": created,
        "channel": "PENDOPO",
        "officer": "Petugas",
        "urgency": "normal",
        "category_code": "JALAN.RUSAK",
        "description": "Jalan berlubang di depan pasar, sudah dua minggu belum diperbaiki." * 3,
        "earlier_references": [],
        "complainant": {"name": "Warga", "nik": "", "phone": "", "consent_given_at": created},
        "location": {"kelurahan_code": "31.71.01.1001", "street": "Jl. Pasar"},
        "attachments": [],
    }


@contextmanager
def database(kind: str, tmp: Path) -> Iterator[str | None]:
    if kind == "sqlite":
        url = f"sqlite:///{tmp / f'bench-{secrets.token_hex(3)}.sqlite3'}"
        migrate(url)
        yield url
        return
    base = os.environ.get("MEJA_BENCH_POSTGRES") or os.environ.get("MEJA_TEST_POSTGRES")
    if not base:
        yield None
        return
    name = f"meja_bench_{secrets.token_hex(4)}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    try:
        migrate(url)
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def bench_push(url: str, tmp: Path, batches: int) -> dict[str, float]:
    # No tracking rate limit: the latency run asks 300 times from one address.
    crm = Crm(Settings(data_dir=tmp / "data", database_url=url, tracking_per_minute=0))
    crm.ensure_reference_data()
    app = create_app(crm=crm)
    code = crm.create_enrolment("BEN1", "bench")
    _, token = crm.enrol(code)
    headers = {"Authorization": f"Bearer {token}"}
    counter = iter(range(10**7))
    with TestClient(app) as client:
        client.post(
            "/api/v1/sync/complaints",
            json={"items": [item("BEN1", next(counter))]},
            headers=headers,
        )
        # The bodies are made before the clock starts, as the bare insert's rows are:
        # generating test data (UUIDs, check characters, tokens) is not the push's work.
        bodies = [
            {"items": [item("BEN1", next(counter)) for _ in range(100)]} for _ in range(batches)
        ]
        # The same rows through a bare Core bulk insert (what the push must add value over):
        # rows built by the service's own mapping, then one INSERT of 100 per transaction.
        desk = crm.desk_for_token(token)
        areas = crm.areas()
        bare_batches = []
        for _ in range(batches):
            rows = []
            for _ in range(100):
                raw = item("BEN1", next(counter))
                parsed = PUSH_ITEM.validate_python(raw)
                rows.append(
                    _Push(crm, None, desk, crm.now(), areas)._row(parsed, raw["ticket_code"])  # type: ignore[arg-type]
                )
            bare_batches.append(rows)
        # A push, then a bare insert, and so on, rather than all pushes and then all
        # bare inserts: a busy spell of the machine's other work then slows both sides
        # of the ratio, not whichever phase it happened to fall in.
        push_s = bare_s = 0.0
        answers = []
        for body, rows in zip(bodies, bare_batches, strict=True):
            start = time.perf_counter()
            answers.append(client.post("/api/v1/sync/complaints", json=body, headers=headers))
            push_s += time.perf_counter() - start
            start = time.perf_counter()
            with crm.engine.begin() as conn:
                conn.execute(insert(Complaint), rows)
            bare_s += time.perf_counter() - start
        for answer in answers:
            assert answer.status_code == 200 and all(
                r["outcome"] == "accepted" for r in answer.json()["results"]
            ), answer.text[:300]
        push_rate, bare_rate = batches / push_s, batches / bare_s
        tracking = bench_tracking(client, crm)
    crm.close()
    return {"push": push_rate, "bare": bare_rate, **tracking}


def bench_tracking(client: TestClient, crm: Crm, samples: int = 300) -> dict[str, float]:
    with crm.sessions() as session:
        rows = session.execute(
            text("select ticket_code, tracking_token from complaints limit 200")
        ).all()
    timings = []
    for i in range(samples):
        code, token = rows[i % len(rows)]
        start = time.perf_counter()
        answer = client.get(f"/T/{code}/{token}")
        timings.append((time.perf_counter() - start) * 1000)
        assert answer.status_code == 200
    timings.sort()
    return {
        "track_p50": statistics.median(timings),
        "track_p95": timings[int(len(timings) * 0.95) - 1],
    }


def bench_feed(url: str, tmp: Path) -> dict[str, float]:
    """Fill 100 000 events for one desk, then read the whole feed page by page."""
    crm = Crm(Settings(data_dir=tmp / "data-feed", database_url=url))
    crm.ensure_reference_data()
    code = crm.create_enrolment("FED1", "bench")
    desk, _ = crm.enrol(code)
    counter = iter(range(10**7))
    # 1 000 complaints through the real push, then 99 000 more events by bulk insert.
    for _ in range(10):
        crm.push(desk, [item("FED1", next(counter)) for _ in range(100)])
    with crm.sessions() as session:
        pks = [r[0] for r in session.execute(text("select pk from complaints"))]
    now = crm.now()
    rows = [
        {
            "id": uuid.uuid4(), "complaint_pk": pks[i % len(pks)], "desk_id": desk.id,
            "kind": "status", "status": "coordination", "actor": "bench", "actor_role": "system",
            "note": "", "unit_name": "Kelurahan Gambir", "public_label": "Koordinasi",
            "at": now, "recorded_at": now, "public": True, "attachments": [],
        }
        for i in range(FEED_EVENTS - len(pks))
    ]  # fmt: skip
    with crm.engine.begin() as conn:
        for i in range(0, len(rows), 5000):
            conn.execute(insert(Event), rows[i : i + 5000])
    start = time.perf_counter()
    cursor, pages, total = 0, 0, 0
    while True:
        changes, cursor, more = crm.changes(DeskAuth(desk.id, desk.code, desk.site), cursor, 500)
        pages += 1
        total += len(changes)
        if not more:
            break
    elapsed = time.perf_counter() - start
    crm.close()
    assert total == FEED_EVENTS, total
    return {"feed_s": elapsed, "feed_pages": pages, "feed_ms_page": elapsed / pages * 1000}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--batches", type=int, default=30)
    args = parser.parse_args(argv)
    lines = [
        "CRM benchmark",
        f"{'database':<11}{'push/s':>9}{'bare/s':>9}{'ratio':>8}{'track p50':>11}"
        f"{'track p95':>11}{'feed 100k':>11}{'ms/page':>9}",
    ]
    ok = True
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        for kind in ("sqlite", "postgres"):
            with database(kind, tmp) as url:
                if url is None:
                    lines.append(f"{kind:<11}skipped (no PostgreSQL: set MEJA_TEST_POSTGRES)")
                    continue
                r = bench_push(url, tmp, args.batches)
            with database(kind, tmp) as url:
                assert url is not None
                f = bench_feed(url, tmp)
            ratio = r["push"] / r["bare"]
            ok = ok and ratio >= 0.30 and r["track_p95"] < 50
            lines.append(
                f"{kind:<11}{r['push']:>9.1f}{r['bare']:>9.1f}{ratio:>7.0%} "
                f"{r['track_p50']:>8.1f} ms{r['track_p95']:>8.1f} ms"
                f"{f['feed_s']:>9.2f} s{f['feed_ms_page']:>9.1f}"
            )
    peak_mb = peak_rss_mb()
    lines.append(
        f"push = batches of 100 complaints through HTTP (TestClient); bare = Core INSERT of the "
        f"same rows; feed = 100 000 events read in pages of 500; peak memory {peak_mb:.0f} MB"
    )
    lines.append(
        "targets: push ≥ 30 % of bare, tracking p95 < 50 ms: " + ("MET" if ok else "NOT MET")
    )
    print("\n".join(lines))
    return 0


def run(big: bool = False) -> None:
    """Entry point for ``python -m benchmarks``."""
    main([])


if __name__ == "__main__":
    sys.exit(main())
