"""The visitor queue with two desks and the real CRM over loopback (behind the fault
proxy): one shared queue while it answers; each desk on its own, with numbers that
cannot collide, while it is unreachable mid-morning; after it returns the figures
count every ticket once; a returning citizen's receipt lands the calling officer on
the complaint."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from complaint_domain.complaint import WIB
from desk_app.services.accounts import Officer, Role
from desk_app.services.errors import PermissionDenied
from desk_app.services.queue import QueueService
from desk_app.sync.queue_client import QueueClient
from tests.sync.conftest import OFFICER, DeskRig, form
from tests.sync.faultproxy import FaultProxy

SUPERVISOR = Officer("sari", "Sari Koordinator", Role.SUPERVISOR)


def queue_of(rig: DeskRig, code: str) -> QueueService:
    return QueueService(
        rig.desk.database,
        lambda: dt.datetime.now(dt.UTC),
        lambda: code,
        lambda: QueueClient(rig.client),
    )


def test_two_desks_share_one_queue_then_work_offline_and_count_once(
    make_desk: Callable[..., DeskRig], proxy: FaultProxy
) -> None:
    one_rig, two_rig = make_desk("PBK1"), make_desk("PBK2")
    one, two = queue_of(one_rig, "PBK1"), queue_of(two_rig, "PBK2")
    shared = [q.issue().number for q in (one, two, one, two)]
    assert shared == ["A001", "A002", "A003", "A004"]
    first, second = one.call_next("Ani"), two.call_next("Budi")
    assert first is not None and second is not None
    assert {first.number, second.number} == {"A001", "A002"}
    assert first.words.startswith("Nomor antrean A 0 0")

    proxy.set("down")  # mid-morning: the CRM is unreachable
    offline = [q.issue(priority=p).number for q, p in ((one, ""), (two, ""), (one, "lansia"))]
    assert offline == ["PBK1-001", "PBK2-001", "PBK1-002"]
    assert one.offline and two.offline
    called = one.call_next("Ani")  # the desk's own queue: the priority visitor first
    assert called is not None and called.number == "PBK1-002" and called.offline
    served = one.act(one.act(called, "start", "Ani"), "finish", "Ani")
    assert served.state == "done"
    summary = two.summary()
    assert summary.offline and summary.waiting == 1 and summary.unsent_events == 1
    # A shared ticket called before the CRM went away: its step waits in the outbox.
    started = one.act(first, "start", "Ani")
    assert started.state == "serving"

    proxy.set("pass")
    assert one.flush() == 6 and two.flush() == 1
    assert one.flush() == 0  # nothing twice
    assert not one.offline
    # The offline numbers still waiting joined the shared queue.
    calls = [q.call_next("Budi") for q in (two, two, two)]
    numbers = [c.number for c in calls if c]
    assert len(numbers) == 3 and set(numbers) <= {"A003", "A004", "PBK1-001", "PBK2-001"}
    today = dt.datetime.now(WIB).date()
    with pytest.raises(PermissionDenied):
        one.figures(OFFICER, today, today)  # an officer is refused by the service
    figures = one.figures(SUPERVISOR, today, today)
    assert figures is not None
    assert figures.tickets == 7  # 4 shared + 3 offline, each once
    assert figures.served == 1
    assert {g.key: g.tickets for g in figures.per_desk}["PBK1"] >= 2


def test_returning_citizen_receipt_links_the_ticket(
    make_desk: Callable[..., DeskRig],
) -> None:
    rig = make_desk("PBK1")
    code = str(rig.desk.intake.record(OFFICER, form(1)).complaint.ticket_code)
    rig.converge()
    reception = queue_of(rig, "PBK1")
    ticket = reception.issue(complaint_code=code)  # the receipt's QR, scanned
    assert ticket.follow_up
    called = reception.call_next("Ani")
    assert called is not None and called.id == ticket.id
    assert called.follow_up and called.complaint_code == code
    found = rig.desk.lookup.search(OFFICER, called.complaint_code)
    assert [str(c.ticket_code) for c in found.items] == [code]  # the officer opens it
