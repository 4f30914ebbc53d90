"""A CRM killed (SIGKILL) in the middle of handing messages to a running gammu-smsd
neither loses nor doubles one: the next run hands over the rest and recognises
what the dead one had already put in the spool."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from crm_server.core.crm import Crm
from crm_server.core.sms import planner, sender
from crm_server.db.sms_models import SmsMessage
from crm_server.sms_gateway.gammu import GammuFilesGateway
from tests.crm_server.sms.gammu_rig import SKIP_REASON, GammuDaemon, available, wait_for
from tests.crm_server.sms.helpers import sms_item

pytestmark = pytest.mark.skipif(not available(), reason=SKIP_REASON)
Push = Callable[..., dict[str, Any]]
COUNT = 30
ROOT = Path(__file__).resolve().parents[3]


def spool_refs(spool: Path) -> Counter[str]:
    """Our references in every spool folder: each message's file, wherever it is."""
    refs: Counter[str] = Counter()
    for folder in ("outbox", "sent", "error", "archive"):
        for name in os.listdir(spool / folder):
            if "_meja" in name:
                refs[name.rsplit("_", 1)[1].split(".")[0]] += 1
    return refs


def test_killed_mid_hand_over_neither_loses_nor_doubles(
    crm: Crm, push: Push, database_url: str, tmp_path: Path
) -> None:
    crm.settings = dataclasses.replace(crm.settings, sms_quiet_hours=(0, 0), sms_daily_cap=10_000)
    daemon = GammuDaemon(tmp_path / "gammu")
    daemon.start()
    try:
        items = [sms_item() for _ in range(COUNT)]
        for n, item in enumerate(items):  # one number each: no daily cap in the way
            item["complainant"]["phone"] = f"+62812{n:08d}"
        push(*items)
        assert planner.plan_events(crm) == COUNT
        GammuFilesGateway(daemon.spool)  # the folders
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.crm_server.sms.handover_child",
                database_url,
                str(daemon.spool),
                str(crm.settings.data_dir),  # the same deployment: the same data key
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
        )
        wait_for(lambda: sum(spool_refs(daemon.spool).values()) >= COUNT // 3, 60, "a third")
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        written = sum(spool_refs(daemon.spool).values())
        assert 0 < written < COUNT, "killed before or after the hand-over"
        with crm.sessions() as s:
            states = dict(
                s.execute(select(SmsMessage.state, func.count()).group_by(SmsMessage.state)).all()
            )
        assert states == {"handing": COUNT}  # the dead run marked them all, handed none

        again = sender.hand_over(crm, GammuFilesGateway(daemon.spool), limit=10_000)
        assert again.handed == COUNT
        refs = spool_refs(daemon.spool)
        assert len(refs) == COUNT and set(refs.values()) == {1}  # each message once
        daemon.wait_transmitted(written + 3)  # the daemon goes on sending them
        transmitted = daemon.transmitted()
        assert len(transmitted) == len(set(transmitted))
    finally:
        daemon.stop()
