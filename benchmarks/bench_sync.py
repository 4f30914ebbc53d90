"""Sync over loopback against the real CRM (uvicorn, SQLite), against the CRM's own
bare bulk insert of the same rows in the same run.

- push: a 10 000-complaint backlog, without attachments, then with a 200 KB scan on
  every tenth complaint; bare: the rows the push creates on the CRM — each complaint
  and its "received" event — (and the same files, stored by the CRM's own attachment
  code) inserted by a Core INSERT per table, 100 complaints a transaction, on a fresh
  database. Both clocks start warm: the bare insert's rows and the push's server
  (its first request imports the holiday calendar, ~0.5 s) are ready before;
- pull: 100 000 status events; bare: the same event rows inserted in one statement.

Targets (issue 6): backlog sync ≥ 25 % of the bare insert rate; 100 000 events
pulled in under 15 s.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select

from benchmarks.common import peak_rss_mb, print_table
from complaint_domain.status import Status
from crm_server.core.auth import DeskAuth
from crm_server.core.crm import Crm
from crm_server.core.intake import channel_admin_unit, received_event_id
from crm_server.core.push.batch import Batch as _Push
from crm_server.core.schemas import PUSH_ITEM, ComplaintItem
from crm_server.db.engine import migrate
from crm_server.db.models import Complaint as CrmComplaint
from crm_server.db.models import Desk as CrmDesk
from crm_server.db.models import Event as CrmEvent
from crm_server.settings import Settings
from desk_app.services.accounts import Officer, Role
from desk_app.services.desk import Desk, open_desk
from desk_app.services.intake import AttachmentFile, IntakeForm
from desk_app.store import complaints, outbox
from desk_app.sync.client import CrmClient
from desk_app.sync.engine import SyncEngine
from desk_app.sync.wire import complaint_item
from tests.sync.crm import CrmProcess

OFFICER = Officer("ani", "Ani Petugas", Role.OFFICER)
N_COMPLAINTS = 10_000
N_EVENTS = 100_000
SCAN_BYTES = 200 * 1024


def _scan(i: int) -> bytes:
    rng = random.Random(i)
    return b"%PDF-1.4\n" + rng.randbytes(SCAN_BYTES - 9)


def _form(i: int, with_scan: bool) -> IntakeForm:
    return IntakeForm(
        name=f"Warga Nomor {i}",
        nik="3171011708450001",
        phone="0812-3456-7890",
        consent=True,
        kelurahan_code="31.71.03.1005",
        category_code="JALAN.RUSAK",
        description=f"Jalan berlubang besar di depan pasar, laporan nomor {i}.",
        attachments=[AttachmentFile(f"scan{i}.pdf", _scan(i))] if with_scan else [],
    )


class _Clock:
    """Ten seconds a call, starting days ago: a backlog spread over several days
    (a desk hands out at most 9 999 ticket numbers a day)."""

    def __init__(self) -> None:
        self.now = dt.datetime.now(dt.UTC) - dt.timedelta(days=6)

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=10)
        return self.now


def _backlog(data_dir: Path, code: str, n: int, scans: bool) -> Desk:
    desk = open_desk(data_dir, clock=_Clock())
    desk.settings.desk_code = code
    for i in range(n):
        desk.intake.record(OFFICER, _form(i, scans and i % 10 == 0))
    return desk


def _received_event(row: dict[str, Any], pk: int, desk_id: uuid.UUID) -> dict[str, Any]:
    """The "received" event the push stores with each new complaint (as in
    crm_server.core.push.batch.Batch._complaints)."""
    return {
        "id": received_event_id(row["id"]),
        "complaint_pk": pk,
        "desk_id": desk_id,
        "kind": "status",
        "status": Status.RECEIVED.value,
        "actor": "CRM",
        "actor_role": "system",
        "note": "Aduan diterima CRM.",
        "unit_name": channel_admin_unit(row["channel"]),
        "public_label": Status.RECEIVED.public_label,
        "at": row["received_at"],
        "recorded_at": row["received_at"],
        "public": True,
        "attachments": [],
    }


def _bare_insert(base: Path, desk: Desk, code: str) -> tuple[float, float]:
    """The CRM's bare bulk insert of the rows the push creates (and the files), on a
    fresh database: rows prepared by the service's own mapping (not timed), then per
    100 complaints one transaction with a Core INSERT of the complaints and one of
    their "received" events. Returns (seconds, of which the event INSERTs)."""
    settings = Settings.from_env({"MEJA_CRM_DATA_DIR": str(base)})
    migrate(settings.database_url)
    crm = Crm(settings)
    crm.ensure_reference_data()
    crm.create_enrolment(code, "bench")
    with desk.database.read() as s:
        items = [complaint_item(complaints.get(s, i.item_id)) for i in outbox.pending(s)]  # type: ignore[arg-type]
    files = {a["sha256"]: a["media_type"] for item in items for a in item["attachments"]}
    with crm.sessions() as s:
        desk_id = s.execute(select(CrmDesk.id).where(CrmDesk.code == code)).scalar_one()
    auth = DeskAuth(desk_id, code, "bench")
    areas = crm.areas()
    with crm.sessions() as s:  # the events need their complaint's key: assigned here
        first_pk = (s.execute(select(func.max(CrmComplaint.pk))).scalar() or 0) + 1
    rows, events = [], []
    for k, raw in enumerate(items):  # the service's own mapping, before the clock starts
        item = PUSH_ITEM.validate_python(raw)
        assert isinstance(item, ComplaintItem)
        row = _Push(crm, None, auth, crm.now(), areas)._row(item, item.ticket_code)  # type: ignore[arg-type]
        rows.append({"pk": first_pk + k, **row})
        events.append(_received_event(row, first_pk + k, desk_id))
    events_s = 0.0
    start = time.perf_counter()
    for sha, media_type in files.items():
        crm.store_attachment(auth, sha, media_type, desk.files.read(sha))
    for i in range(0, len(rows), 100):  # one transaction per 100 complaints, as a batch
        with crm.engine.begin() as conn:
            conn.execute(insert(CrmComplaint), rows[i : i + 100])
            t = time.perf_counter()
            conn.execute(insert(CrmEvent), events[i : i + 100])
            events_s += time.perf_counter() - t
    elapsed = time.perf_counter() - start
    crm.close()
    return elapsed, events_s


def _push(server: CrmProcess, desk: Desk, code: str) -> tuple[float, float, float, int]:
    """Seconds for the whole cycle, seconds until the push phase ended (the cycle then
    pulls back the 10 000 "received" statuses the push created), the desk's CPU (this
    process: every thread of the engine; the CRM runs in its own), accepted."""
    token = CrmClient(server.url).enrol(server.enrolment_code(code)).token
    engine = SyncEngine(
        desk.database,
        desk.files,
        CrmClient(server.url, token, timeout=(5.0, 120.0)),
        lambda: dt.datetime.now(dt.UTC),
    )
    # Warm the server as the bare insert's CRM is (an empty batch stores nothing).
    assert engine.client.push([], uuid.uuid4().hex) == []
    pushed_at: list[float] = []
    engine.subscribe(
        lambda state: (
            pushed_at.append(time.perf_counter())
            if state.phase == "pulling" and not pushed_at
            else None
        )
    )
    start, cpu_start = time.perf_counter(), time.process_time()
    report = engine.run_once()
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    assert report.ok and engine.state.pending_count == 0, report
    return elapsed, pushed_at[0] - start, cpu, report.accepted


def _event_rows(crm: Crm, code: str, n: int) -> list[dict[str, Any]]:
    with crm.sessions() as s:
        desk_id = s.execute(select(CrmDesk.id).where(CrmDesk.code == code)).scalar_one()
        pks = list(
            s.execute(select(CrmComplaint.pk).where(CrmComplaint.desk_id == desk_id)).scalars()
        )
    now = dt.datetime.now(dt.UTC)
    cycle = [Status.COORDINATION, Status.IN_PROGRESS, Status.VERIFICATION, Status.RETURNED]
    return [
        {
            "id": uuid.uuid4(),
            "complaint_pk": pks[i % len(pks)],
            "desk_id": desk_id,
            "kind": "status",
            "status": cycle[i % len(cycle)].value,
            "actor": "Bench",
            "actor_role": "system",
            "note": "Langkah tindak lanjut.",
            "unit_name": "Kelurahan Kemayoran",
            "public_label": cycle[i % len(cycle)].public_label,
            "at": now + dt.timedelta(microseconds=i),
            "recorded_at": now,
            "public": True,
            "attachments": [],
        }
        for i in range(n)
    ]


def _server_peak_mb(server: CrmProcess) -> float:
    if server.proc is None:
        return float("nan")
    try:
        for line in Path(f"/proc/{server.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def run(big: bool = False, n: int = N_COMPLAINTS, n_events: int = N_EVENTS) -> None:
    with tempfile.TemporaryDirectory(prefix="meja-bench-sync-") as tmp:
        base = Path(tmp)
        server = CrmProcess(base / "crm")
        server.start()
        rows: list[list[object]] = []
        notes: list[str] = []
        try:
            for label, code, scans in (
                ("push backlog, no attachments", "BNA", False),
                ("push backlog, 200 KB scan on every 10th", "BSC", True),
            ):
                desk = _backlog(base / f"desk-{code}", code, n, scans)
                bare, bare_events = _bare_insert(base / f"bare-{code}", desk, code)
                took, push_only, desk_cpu, accepted = _push(server, desk, code)
                assert accepted == n
                rate, bare_rate = n / took, n / bare
                rows.append(
                    [label, n, f"{took:.2f}", f"{rate:,.0f}/s", f"{bare:.2f}",
                     f"{bare_rate:,.0f}/s", f"{100 * rate / bare_rate:.0f} %", "≥ 25 %"]
                )  # fmt: skip
                notes.append(  # the bare insert as measured before it had the events
                    f"{label}: bare without the events' INSERTs {bare - bare_events:.2f} s,"
                    f" sync/bare {100 * (bare - bare_events) / took:.0f} %; the push phase"
                    f" alone {push_only:.2f} s ({100 * bare / push_only:.0f} % of the bare);"
                    f" desk CPU"
                    f" {1000 * desk_cpu / (n / 100):.1f} ms per 100 complaints"
                )
                if code == "BNA":
                    pull_desk = desk
                else:
                    desk.close()
            # 100 000 status events for the first desk's complaints, then pulled.
            crm = server.crm
            events = _event_rows(crm, "BNA", n_events)
            start = time.perf_counter()
            with crm.sessions() as s, s.begin():
                s.execute(insert(CrmEvent), events)
            bare_events = time.perf_counter() - start
            token = CrmClient(server.url).enrol(server.enrolment_code("BNA")).token
            engine = SyncEngine(
                pull_desk.database,
                pull_desk.files,
                CrmClient(server.url, token, timeout=(5.0, 120.0)),
                lambda: dt.datetime.now(dt.UTC),
            )
            start = time.perf_counter()
            report = engine.run_once()
            pulled_s = time.perf_counter() - start
            assert report.ok and report.pulled >= n_events, report
            rows.append(
                ["pull status events", report.pulled, f"{pulled_s:.2f}",
                 f"{report.pulled / pulled_s:,.0f}/s", f"{bare_events:.2f}",
                 f"{n_events / bare_events:,.0f}/s",
                 f"{100 * (report.pulled / pulled_s) / (n_events / bare_events):.0f} %",
                 "< 15 s total"]
            )  # fmt: skip
            pull_desk.close()
            server_peak = _server_peak_mb(server)
        finally:
            server.close()
    print_table(
        "Sync over loopback vs the CRM's bare bulk insert (same rows, same run; SQLite)",
        ["what", "rows", "sync s", "sync rate", "bare s", "bare rate", "sync/bare", "target"],
        rows,
    )
    for note in notes:
        print(note)
    print(
        f"peak memory: desk+bench process {peak_rss_mb():.0f} MB, CRM server "
        f"{server_peak:.0f} MB; {os.cpu_count()} CPUs"
    )


if __name__ == "__main__":
    run(n=int(os.environ.get("MEJA_BENCH_SYNC_N", N_COMPLAINTS)),
        n_events=int(os.environ.get("MEJA_BENCH_SYNC_EVENTS", N_EVENTS)))  # fmt: skip
