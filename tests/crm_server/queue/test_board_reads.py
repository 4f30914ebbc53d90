"""The display's board and a desk's token are read without the write lock: while a
queue write transaction holds it (a call-next in flight), the board and the desk's
own lookup still answer, from the last commit (SQLite: a DEFERRED read under WAL;
PostgreSQL: a plain read). Before, on SQLite every read took BEGIN IMMEDIATE and
queued behind every write — the morning burst's slow board."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import text

from crm_server.core import queue, queue_board, queue_calling
from crm_server.core.crm import Crm
from crm_server.db.engine import transaction

SITE = "Pendopo Balai Kota"


def test_board_and_token_read_while_a_queue_write_holds_the_lock(crm: Crm) -> None:
    desk, token = crm.enrol(crm.create_enrolment("PBK1", SITE))
    first = queue.issue(crm, desk)[0]
    queue_calling.call_next(crm, desk, "Ani")
    holding, release = threading.Event(), threading.Event()

    def writer() -> None:
        with queue.writing(crm), transaction(crm.sessions) as session:
            session.execute(text("UPDATE queue_days SET last_seq = last_seq"))
            holding.set()
            release.wait(60)

    with ThreadPoolExecutor(max_workers=2) as pool:
        held = pool.submit(writer)
        assert holding.wait(30)
        try:
            board = pool.submit(queue_board.board, crm, SITE).result(timeout=20)
            assert crm.desk_for_token(token).code == "PBK1"
        finally:
            release.set()
        held.result(timeout=30)
    assert [c["number"] for c in board["calling"]] == [first.number]


def test_an_open_read_does_not_hold_up_a_writer(crm: Crm) -> None:
    """A display's read in progress never keeps a call-next waiting."""
    desk = crm.enrol(crm.create_enrolment("PBK1", SITE))[0]
    queue.issue(crm, desk)
    with crm.reads() as session, session.begin():
        assert queue_board.board(crm, SITE)["waiting"] == 1
        session.execute(text("SELECT count(*) FROM queue_tickets")).scalar()
        with ThreadPoolExecutor(max_workers=1) as pool:
            called = pool.submit(queue_calling.call_next, crm, desk, "Ani").result(timeout=20)
        assert called is not None
