"""SMS benchmark: a burst of 10 000 state changes (complaints received, each citizen
with SMS consent) turned into messages (the planner) and handed to Gammu SMSD's
spool (the hand-over), per second, on SQLite and PostgreSQL; against the gateway's
own intake: ``gammu-smsd-inject`` (Gammu's tool that queues one message), and bare
spool files written the way the CRM writes them (temporary name, fsync, rename).

    .venv/bin/python -m benchmarks.bench_sms [--changes N]

Measures only; never fails on speed.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.bench_crm import database, item
from benchmarks.common import print_table
from crm_server.core.crm import Crm
from crm_server.core.sms import planner, sender
from crm_server.core.sms.sender import Outgoing
from crm_server.settings import Settings
from crm_server.sms_gateway.gammu import GammuFilesGateway

TEXT = (
    "Aduan PBK1-261118-0001-L diterima dan segera diperiksa. Kabar berikut lewat SMS. "
    "Pantau: HTTPS://ADUAN.JAKARTA.GO.ID/T/PBK1-261118-0001-L/7K3QXZ"
)
INJECT_CONFIG = """[gammu]
device = {root}/phone
model = dummy
connection = none
[smsd]
service = files
outboxpath = {root}/outbox/
outboxformat = unicode
"""


def sms_item(n: int) -> dict[str, Any]:
    made = item("SMS1", n)
    made["complainant"]["phone"] = f"+62812{n:08d}"
    made["complainant"]["sms_consent"] = True
    return made


def bench_crm(url: str, tmp: Path, changes: int) -> dict[str, float]:
    settings = Settings(data_dir=tmp / "data", database_url=url)
    crm = Crm(dataclasses.replace(settings, sms_quiet_hours=(0, 0), sms_daily_cap=10**6))
    crm.ensure_reference_data()
    desk, _token = crm.enrol(crm.create_enrolment("SMS1", "bench"))
    for start in range(0, changes, 100):  # the burst: every complaint received at once
        crm.push(desk, [sms_item(n) for n in range(start, min(start + 100, changes))])
    spool = tmp / f"spool-{crm.dialect}"
    gateway = GammuFilesGateway(spool)
    began = time.perf_counter()
    made = planner.plan_all_events(crm)
    planned = time.perf_counter()
    handed = 0
    while step := sender.hand_over(crm, gateway, limit=2000).handed:
        handed += step
    done = time.perf_counter()
    crm.close()
    assert made == handed == changes, (made, handed)
    files = len(os.listdir(spool / "outbox"))
    assert files == changes, files
    return {
        "plan": made / (planned - began),
        "hand": handed / (done - planned),
        "total": handed / (done - began),
    }


def bench_bare_files(tmp: Path, count: int) -> float:
    gateway = GammuFilesGateway(tmp / "bare-spool")
    began = time.perf_counter()
    for n in range(count):
        gateway.submit(Outgoing(f"meja{n:010d}", f"+62812{n:08d}", TEXT, retry=False))
    return count / (time.perf_counter() - began)


def bench_inject(tmp: Path, count: int) -> float | None:
    if shutil.which("gammu-smsd-inject") is None:
        return None
    root = tmp / "inject"
    (root / "outbox").mkdir(parents=True)
    (root / "phone").mkdir()
    config = root / "smsdrc"
    config.write_text(INJECT_CONFIG.format(root=root))
    began = time.perf_counter()
    for n in range(count):
        subprocess.run(
            ["gammu-smsd-inject", "-c", str(config), "TEXT", f"+62812{n:08d}", "-text", TEXT],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    return count / (time.perf_counter() - began)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--injects", type=int, default=200)
    args = parser.parse_args(argv)
    rows: list[list[object]] = []
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        for kind in ("sqlite", "postgres"):
            with database(kind, tmp) as url:
                if url is None:
                    rows.append([f"CRM on {kind}", "skipped (no PostgreSQL)", "", ""])
                    continue
                r = bench_crm(url, tmp / kind, args.changes)
            rows.append(
                [f"CRM on {kind}: events → spool", f"{r['total']:.0f}", f"{r['plan']:.0f}",
                 f"{r['hand']:.0f}"]
            )  # fmt: skip
        bare = bench_bare_files(tmp, args.changes)
        rows.append(["bare spool files (temp, fsync, rename)", f"{bare:.0f}", "", ""])
        inject = bench_inject(tmp, args.injects)
        rows.append(
            ["gammu-smsd-inject (one process per message)",
             f"{inject:.0f}" if inject else "skipped (not installed)", "", ""]
        )  # fmt: skip
    print_table(
        f"SMS benchmark: {args.changes} state changes in a burst → messages in Gammu's spool",
        ["path", "messages/s end to end", "planner/s", "hand-over/s"],
        rows,
    )
    return 0


def run(big: bool = False) -> None:
    """Entry point for ``python -m benchmarks``."""
    main([])


if __name__ == "__main__":
    sys.exit(main())
