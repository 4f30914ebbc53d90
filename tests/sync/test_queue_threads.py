"""The queue service used from several threads at once, as the desk does (the
window's queue runner, the Pantauan's and the display's timers, the database
worker saving complaints meanwhile) against the real CRM over loopback: offline
numbers called from two threads go to one caller each, the database worker's saves
go on beside them, and two threads flushing the outbox when the CRM returns send
each event once."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from desk_app.services.queue import QueueService, QueueTicket
from desk_app.sync.client import CrmClient
from desk_app.sync.queue_client import QueueClient
from tests.sync.conftest import DeskRig
from tests.sync.faultproxy import FaultProxy


def test_two_threads_call_and_flush_each_once_beside_the_database_worker(
    make_desk: Callable[..., DeskRig], proxy: FaultProxy
) -> None:
    rig = make_desk("PBK1")
    url, token = rig.client.base_url, rig.client.token
    queue = QueueService(
        rig.desk.database,
        lambda: dt.datetime.now(dt.UTC),
        lambda: "PBK1",
        # A client, and so a requests session, per step: as the desk's services do.
        lambda: QueueClient(CrmClient(url, token, timeout=(1.0, 3.0))),
    )
    proxy.set("down")
    issued = [queue.issue() for _ in range(30)]
    assert all(t.offline for t in issued)

    start = threading.Barrier(3)

    def caller() -> list[QueueTicket | None]:
        start.wait()
        return [queue.call_next("Ani") for _ in range(10)]

    def database_worker() -> list[str]:
        start.wait()
        return rig.record(5)  # complaints saved meanwhile, on a thread of their own

    with ThreadPoolExecutor(max_workers=3) as pool:
        one, two, saved = pool.submit(caller), pool.submit(caller), pool.submit(database_worker)
        called = one.result(timeout=120) + two.result(timeout=120)
        assert len(saved.result(timeout=120)) == 5
    ids = [t.id for t in called if t is not None]
    assert len(ids) == len(set(ids)) == 20  # no number went to two callers

    proxy.set("pass")
    both = threading.Barrier(2)

    def flusher() -> int:
        both.wait()
        return queue.flush()

    with ThreadPoolExecutor(max_workers=2) as pool:
        sent = [f.result(timeout=120) for f in [pool.submit(flusher), pool.submit(flusher)]]
    assert sorted(sent) == [0, 50]  # 30 issued + 20 called, sent by one of the two
    assert queue.summary().unsent_events == 0
    assert queue.summary().waiting == 10  # the shared board: the ten still waiting
