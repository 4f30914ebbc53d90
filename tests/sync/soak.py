"""The sync soak: several desks (separate data folders) record complaints while
faults come and go between them and the real CRM; at the end everything must have
converged, nothing lost, nothing doubled.

``make soak`` runs 3 desks × 1 000 complaints; ``tests/sync/test_soak.py`` a short one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from desk_app.services.desk import Desk, open_desk
from desk_app.services.intake import AttachmentFile
from desk_app.store import outbox
from desk_app.sync.backoff import Backoff
from desk_app.sync.client import CrmClient
from desk_app.sync.engine import SyncEngine
from desk_app.sync.runner import SyncRunner
from tests.sync.conftest import OFFICER, form, png
from tests.sync.crm import CrmProcess, assert_converged, crm_snapshot
from tests.sync.faultproxy import FaultProxy

FAULTS = [
    ("pass", {}),
    ("down", {}),
    ("http500", {"p": 0.3}),
    ("drop", {"p": 0.4, "only": "/api/v1/sync/complaints"}),
    ("delay", {"delay_s": 2.5}),  # longer than the desks' read timeout
    ("reset", {}),
    ("http503", {"p": 0.5}),
    ("drop", {"p": 0.5, "only": "/api/v1/sync/changes"}),
]


@dataclass
class SoakResult:
    desks: int
    per_desk: int
    seconds: float
    faults: list[str] = field(default_factory=list)
    crm_restarts: int = 0
    statuses_moved: int = 0
    faulted_requests: int = 0


def run_soak(
    base: Path, desks: int = 3, per_desk: int = 1000, seed: int = 11, rate_s: float = 0.0
) -> SoakResult:
    rng = random.Random(seed)
    started = time.monotonic()
    server = CrmProcess(base / "crm")
    server.start()
    proxy = FaultProxy(server.port, seed=seed)
    result = SoakResult(desks, per_desk, 0.0)
    opened: list[Desk] = []
    runners: list[SyncRunner] = []
    try:
        codes = ["PBK1", "KMY2", "TNB3", "CKG4", "GMB5"][:desks]
        for code in codes:
            desk = open_desk(base / f"desk-{code}")
            desk.settings.desk_code = code
            token = CrmClient(server.url).enrol(server.enrolment_code(code)).token
            engine = SyncEngine(
                desk.database,
                desk.files,
                CrmClient(proxy.url, token, timeout=(1.0, 2.0)),
                lambda: dt.datetime.now(dt.UTC),
                backoff=Backoff(0.1, 1.0, rng=random.Random(rng.random())),
            )
            runner = SyncRunner(engine, interval_s=0.3)
            opened.append(desk)
            runners.append(runner)
            runner.start()

        recording_done = threading.Event()

        def record(desk: Desk, runner: SyncRunner, seed_: int) -> None:
            local = random.Random(seed_)
            ids: list[str] = []
            for i in range(per_desk):
                files = (
                    [AttachmentFile(f"s{i}.png", png(seed_ * 100_000 + i))] if i % 10 == 0 else []
                )
                ids.append(str(desk.intake.record(OFFICER, form(i, files)).complaint.id))
                if i % 25 == 24:
                    desk.intake.add_citizen_event(
                        OFFICER, local.choice(ids), "Warga datang lagi membawa surat.",
                        [AttachmentFile("t.png", png(seed_ * 7 + i))] if i % 50 == 49 else [],
                    )  # fmt: skip
                if rate_s:
                    time.sleep(rate_s)

        def chaos() -> None:
            first = True
            while not recording_done.is_set():
                mode, kwargs = ("down", {}) if first else rng.choice(FAULTS)
                first = False
                result.faults.append(mode)
                proxy.set(mode, **kwargs)  # type: ignore[arg-type]
                time.sleep(rng.uniform(0.3, 1.5))
                if rng.random() < 0.12:
                    server.restart(kill=True)
                    result.crm_restarts += 1
                proxy.clear()
                time.sleep(rng.uniform(0.2, 1.0))

        def staff() -> None:
            """CRM staff move cases on while the desks work."""
            while not recording_done.is_set():
                time.sleep(0.5)
                try:
                    for code in codes:
                        rows = crm_snapshot(server.crm, code)["complaints"]
                        fresh = [r for r in rows if r[2] == "received"]
                        for r in rng.sample(fresh, min(3, len(fresh))):
                            server.act(r[1], "accept")
                            result.statuses_moved += 1
                except Exception:  # the CRM is being restarted: try again later
                    continue

        threads = [
            threading.Thread(target=record, args=(d, r, i + 1))
            for i, (d, r) in enumerate(zip(opened, runners, strict=True))
        ]
        helpers = [threading.Thread(target=chaos), threading.Thread(target=staff)]
        for t in threads + helpers:
            t.start()
        for t in threads:
            t.join()
        recording_done.set()
        for t in helpers:
            t.join()
        proxy.clear()
        if server.proc is None or server.proc.poll() is not None:
            server.start(server.port)
        # Converge: every desk empty, then one more full cycle to pull the last statuses.
        deadline = time.monotonic() + 300
        for runner in runners:
            runner.sync_now()
            while True:
                state = runner.engine.state
                if state.pending_count == 0 and state.phase == "idle":
                    break
                assert time.monotonic() < deadline, f"desk did not converge: {state}"
                time.sleep(0.1)
        for runner in runners:
            assert runner.stop(30)
            report = runner.engine.run_once()
            assert report.ok, report
        result.faulted_requests = sum(proxy.faulted.values())
        for desk in opened:
            assert_converged(server, desk)
            with desk.database.read() as s:
                assert outbox.pending_summary(s)[0] == 0
            expected = per_desk + per_desk // 25
            got = crm_snapshot(server.crm, desk.settings.desk_code)
            assert len(got["complaints"]) == per_desk
            assert sum(1 for e in got["events"] if e[1] == "citizen_added") == expected - per_desk
        result.seconds = time.monotonic() - started
        return result
    finally:
        for runner in runners:
            runner.stop(5)
        for desk in opened:
            desk.close()
        proxy.close()
        server.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--desks", type=int, default=3)
    parser.add_argument("--per-desk", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="meja-soak-") as tmp:
        r = run_soak(Path(tmp), args.desks, args.per_desk, args.seed)
    print(
        f"soak OK: {r.desks} desks × {r.per_desk} complaints in {r.seconds:.0f} s; "
        f"{len(r.faults)} fault periods ({', '.join(sorted(set(r.faults)))}), "
        f"{r.crm_restarts} CRM restarts (SIGKILL), {r.faulted_requests} requests faulted, "
        f"{r.statuses_moved} statuses moved by CRM staff; "
        "every complaint on the CRM exactly once, files identical, statuses back on the desks"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
