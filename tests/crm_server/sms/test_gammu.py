"""The SMS channel against a real ``gammu-smsd`` (dummy phone driver, files back-end),
on SQLite and PostgreSQL: a complaint's whole life arrives as the expected messages
in order; CEK and BERHENTI come in through the emulated phone; a message due at
22.00 WIB goes at 06.00."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from complaint_domain.complaint import WIB
from crm_server.core.crm import Crm
from crm_server.core.sms import templates
from crm_server.core.sms.gsm7 import fits
from crm_server.core.sms.staff import complaint_messages
from crm_server.sms_gateway.gammu import GammuFilesGateway, read_text
from crm_server.sms_gateway.runner import run_once
from tests.crm_server.conftest import FakeClock
from tests.crm_server.sms.gammu_rig import SKIP_REASON, GammuDaemon, available
from tests.crm_server.sms.helpers import LIFE, LIFE_KINDS, OTHER, PHONE, sms_item, step

pytestmark = pytest.mark.skipif(not available(), reason=SKIP_REASON)
Push = Callable[..., dict[str, Any]]


@pytest.fixture
def daemon(tmp_path: Path) -> Iterator[GammuDaemon]:
    rig = GammuDaemon(tmp_path / "gammu")
    rig.start()
    yield rig
    rig.stop()


def sent_texts(daemon: GammuDaemon) -> dict[str, str]:
    """What the daemon sent, by our reference, read from its spool files."""
    texts = {}
    for path in daemon.sent_files():
        ref = path.name.rsplit("_", 1)[1].split(".")[0]
        texts[ref] = read_text(path)
    return texts


def test_a_whole_life_goes_out_through_gammu_in_order(
    crm: Crm, push: Push, staff: Any, daemon: GammuDaemon
) -> None:
    crm.settings = dataclasses.replace(crm.settings, sms_daily_cap=20)
    gateway = GammuFilesGateway(daemon.spool)
    item = sms_item()
    push(item)
    ticket = item["ticket_code"]
    for who, action, body in LIFE:
        step(crm, who, ticket, action, **body)
    report = run_once(crm, gateway)
    assert report is not None and report.hand_over.handed == len(LIFE_KINDS)
    daemon.wait_transmitted(len(LIFE_KINDS))
    again = run_once(crm, gateway)  # records what became of them; hands nothing twice
    assert again is not None and again.hand_over.handed == 0
    # each outcome recorded once: by the second run, or already by the first when the
    # daemon sent a message before that run read the outcomes (a loaded machine)
    assert report.outcomes + again.outcomes == len(LIFE_KINDS)

    listed = complaint_messages(crm, ticket)
    assert listed is not None
    assert [m["kind"] for m in listed] == LIFE_KINDS
    assert {m["state"] for m in listed} == {"sent"}
    refs = daemon.transmitted()
    assert refs == sorted(refs) and len(set(refs)) == len(LIFE_KINDS)  # in order, once each
    texts = sent_texts(daemon)
    assert [texts[r] for r in refs] == [m["text"] for m in listed]
    assert all(fits(t) and ticket in t for t in texts.values())
    assert "Sent SMS moved" in daemon.log()


def test_cek_and_berhenti_through_the_phone(
    crm: Crm, push: Push, staff: Any, daemon: GammuDaemon
) -> None:
    gateway = GammuFilesGateway(daemon.spool)
    item = sms_item()
    push(item)
    ticket = item["ticket_code"]
    step(crm, "admin.kanal", ticket, "accept")
    run_once(crm, gateway)  # received, coordination
    daemon.citizen_sends(PHONE, "cek " + ticket.lower().replace("-", " "))
    daemon.citizen_sends(OTHER, f"CEK {ticket}")
    daemon.wait_received(2)
    report = run_once(crm, gateway)
    assert report is not None and report.received == 2 and report.hand_over.handed == 2
    daemon.wait_transmitted(4)
    texts = sent_texts(daemon)
    refs = daemon.transmitted()
    assert texts[refs[2]].startswith(f"Aduan {ticket}: Koordinasi, di Kelurahan Gambir.")
    assert texts[refs[3]] == templates.NOT_FOUND  # the other number learns nothing

    daemon.citizen_sends(PHONE, "BERHENTI")
    daemon.wait_received(3)
    run_once(crm, gateway)
    for who, action, body in LIFE[1:]:
        step(crm, who, ticket, action, **body)
    final = run_once(crm, gateway)
    assert final is not None and final.made == 0  # nothing more for this number
    daemon.wait_transmitted(5)
    texts = sent_texts(daemon)
    assert texts[daemon.transmitted()[4]] == templates.STOPPED
    run_once(crm, gateway)
    assert len(daemon.transmitted()) == 5


def test_a_message_due_at_22_goes_at_06(
    crm: Crm, push: Push, staff: Any, clock: FakeClock, daemon: GammuDaemon
) -> None:
    gateway = GammuFilesGateway(daemon.spool)
    clock.now = dt.datetime(2026, 11, 18, 22, 0, tzinfo=WIB).astimezone(dt.UTC)
    push(sms_item())
    report = run_once(crm, gateway)
    assert report is not None and (report.made, report.hand_over.handed) == (1, 0)
    clock.now = dt.datetime(2026, 11, 19, 5, 59, tzinfo=WIB).astimezone(dt.UTC)
    assert run_once(crm, gateway).hand_over.handed == 0  # type: ignore[union-attr]
    assert not list((daemon.spool / "outbox").iterdir())
    clock.now = dt.datetime(2026, 11, 19, 6, 0, tzinfo=WIB).astimezone(dt.UTC)
    assert run_once(crm, gateway).hand_over.handed == 1  # type: ignore[union-attr]
    daemon.wait_transmitted(1)
