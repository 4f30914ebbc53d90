"""A site of desks against the real CRM over loopback, for the Pantauan page.

The CRM runs in this process under uvicorn (a thread, 127.0.0.1) on its own SQLite
file, with a clock the test moves: that is how complaints become overdue and
*digantung*. Desks are real desks (their own SQLite, their own sync engine); a desk
may reach the CRM through the fault proxy of the sync tests.
"""

from __future__ import annotations

import datetime as dt
import random
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
import uvicorn

from complaint_domain.complaint import WIB
from crm_server.app import create_app
from crm_server.core.crm import Crm
from crm_server.core.schemas import ActionRequest
from crm_server.core.workflow import Workflow
from crm_server.db.engine import migrate
from crm_server.settings import Settings
from desk_app.services.accounts import Officer, Role
from desk_app.services.desk import Desk, open_desk
from desk_app.services.enrolment import TokenStore
from desk_app.services.intake import IntakeForm
from desk_app.services.queue import QueueService
from desk_app.services.root import DeskServices
from desk_app.services.sync_control import SyncControl
from desk_app.sync.backoff import Backoff
from desk_app.sync.client import CrmClient
from desk_app.sync.engine import SyncEngine
from tests.crm_server.conftest import FakeClock, free_port
from tests.sync.faultproxy import FaultProxy

SITE = "Pendopo Balai Kota"
KELURAHAN = "31.71.03.1005"
CITIZENS = ("Warga Rahasia", "3171011708450001", "0812-3456-7890")  # never on the page


def wib(y: int, m: int, d: int, hh: int = 9, mm: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=WIB).astimezone(dt.UTC)


def citizen_form(i: int) -> IntakeForm:
    return IntakeForm(
        name=f"{CITIZENS[0]} {i}",
        nik=CITIZENS[1],
        phone=CITIZENS[2],
        consent=True,
        kelurahan_code=KELURAHAN,
        category_code="JALAN.RUSAK",
        description=f"Jalan berlubang besar di depan pasar, laporan nomor {i}.",
    )


@dataclass
class LiveCrm:
    crm: Crm
    url: str
    clock: FakeClock
    _users: dict[str, Any]

    def act(self, ticket: str, action: str, role: str = "channel_admin") -> None:
        if role not in self._users:
            token = self.crm.create_user(role, role, role)
            self._users[role] = self.crm.user_for_token(token)
        Workflow(self.crm).act(self._users[role], ticket, ActionRequest(action=action))  # type: ignore[arg-type]

    def enrol(self, code: str, site: str = SITE) -> str:
        return CrmClient(self.url).enrol(self.crm.create_enrolment(code, site)).token

    def heartbeat(self, token: str, **body: Any) -> None:
        answer = requests.post(
            self.url + "/api/v1/sync/heartbeat",
            json={"pending_count": 0, **body},
            headers={"Authorization": f"Bearer {token}"},
            timeout=5,
        )
        assert answer.status_code == 200, answer.text


@pytest.fixture
def live_crm(tmp_path: Path) -> Iterator[LiveCrm]:
    url = f"sqlite:///{tmp_path / 'crm.sqlite3'}"
    migrate(url)
    clock = FakeClock(wib(2026, 12, 21, 9, 0))
    crm = Crm(Settings(data_dir=tmp_path / "crm-data", database_url=url), clock=clock)
    crm.ensure_reference_data()
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(crm=crm), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield LiveCrm(crm, f"http://127.0.0.1:{port}", clock, {})
    server.should_exit = True
    thread.join(timeout=10)
    crm.close()


@dataclass
class SiteDesk:
    desk: Desk
    control: SyncControl
    engine: SyncEngine
    token: str

    def record(self, officer: Officer, n: int, start: int = 0) -> list[str]:
        return [
            self.desk.intake.record(officer, citizen_form(i)).ticket_code
            for i in range(start, start + n)
        ]

    def services(self) -> DeskServices:
        return DeskServices(self.desk, sync=self.control)


@pytest.fixture
def site_desk(tmp_path: Path, live_crm: LiveCrm) -> Iterator[Callable[..., SiteDesk]]:
    opened: list[SiteDesk] = []

    def make(code: str, via: FaultProxy | None = None, offset_s: int = 0) -> SiteDesk:
        clock = live_crm.clock
        desk = open_desk(
            tmp_path / f"desk-{code}", clock=lambda: clock() + dt.timedelta(seconds=offset_s)
        )
        desk.settings.desk_code = code
        desk.settings.site_name = SITE
        desk.settings.crm_url = via.url if via else live_crm.url
        token = live_crm.enrol(code)
        tokens = TokenStore(desk.data_dir, keyring=None)
        tokens.save(token)
        control = SyncControl(desk, token_store=tokens, timeout=(1.0, 3.0))
        control.set_interval(3600)
        engine = control.engine
        engine.keeper.backoff = Backoff(base_s=0.01, cap_s=0.05, rng=random.Random(3))
        rig = SiteDesk(desk, control, engine, token)
        opened.append(rig)
        return rig

    yield make
    for rig in opened:
        rig.control.stop()
        rig.desk.close()


@pytest.fixture
def proxy(live_crm: LiveCrm) -> Iterator[FaultProxy]:
    p = FaultProxy(int(live_crm.url.rsplit(":", 1)[1]), seed=7)
    yield p
    p.close()


SUPERVISOR = Officer("sari", "Sari Koordinator", Role.SUPERVISOR)
OFFICER = Officer("ani", "Ani Petugas", Role.OFFICER)


def run_queue(live_crm: LiveCrm, one: QueueService, two: QueueService, day: dt.date) -> None:
    """A morning of the site's shared queue, each step at a set CRM time (the CRM
    measures the spans on its own clock): three numbers at 09.00; PBK1's Ani calls
    the first at 09.10, serves it from 09.12 to 09.20; PBK2's Budi calls the second
    at 09.15, again at 09.17, and marks it a no-show; the third still waits."""

    def at(hh: int, mm: int) -> None:
        live_crm.clock.now = wib(day.year, day.month, day.day, hh, mm)

    at(9, 0)  # one desk is PBK1, two is PBK2
    issued = [one.issue() for _ in range(3)]
    assert not any(t.offline for t in issued)
    at(9, 10)
    ticket = one.call_next("Ani Petugas")
    assert ticket is not None and ticket.id == issued[0].id
    at(9, 12)
    ticket = one.act(ticket, "start", "Ani Petugas")
    at(9, 15)
    missed = two.call_next("Budi Petugas")
    assert missed is not None
    at(9, 17)
    missed = two.act(missed, "recall", "Budi Petugas")
    at(9, 20)
    one.act(ticket, "finish", "Ani Petugas", complaint_code="")
    two.act(missed, "no-show", "Budi Petugas")
