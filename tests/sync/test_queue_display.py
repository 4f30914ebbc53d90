"""The desk's display screen (``desk-app display``) follows the CRM's queue over
loopback: a call made at another desk appears without a timer's tick (the screen's
request waits for the change), a quiet screen keeps one request open instead of
asking every second, and with the CRM unreachable it keeps the last board and
catches up when the CRM returns."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pytestqt.qtbot import QtBot

from desk_app.ui.queue.board_watch import BoardWatch
from desk_app.ui.queue.display import DisplayScreen
from tests.sync.conftest import DeskRig
from tests.sync.faultproxy import FaultProxy
from tests.sync.test_queue import queue_of
from tests.ui.test_queue_screens import Spoken


def test_display_follows_calls_and_waits_quietly(
    qtbot: QtBot, make_desk: Callable[..., DeskRig], proxy: FaultProxy
) -> None:
    hall, counter = make_desk("PBK1"), make_desk("PBK2")
    display_queue, desk_queue = queue_of(hall, "PBK1"), queue_of(counter, "PBK2")
    for _ in range(4):
        desk_queue.issue()
    spoken = Spoken()
    screen = DisplayScreen(announcer=spoken)
    qtbot.addWidget(screen)
    boards: list[dict[str, Any]] = []
    watch = BoardWatch(display_queue.board, screen, retry_seconds=0.2)
    watch.seen.connect(boards.append)
    watch.seen.connect(screen.show_board)
    watch.start()
    try:
        qtbot.waitUntil(lambda: len(boards) == 1, timeout=10_000)
        assert screen.number.text() == "–"  # nobody called yet
        qtbot.wait(2500)
        assert len(boards) == 1  # quiet: the one request waits, nothing is asked again

        first = desk_queue.call_next("Budi")
        assert first is not None
        qtbot.waitUntil(lambda: screen.number.text() == first.number, timeout=10_000)
        assert spoken.spoken == [first.words, first.words] and spoken.chimes == 1
        assert "Meja" in screen.desk.text() and "Budi" not in screen.words.text()

        proxy.set("down")  # the CRM away: the screen keeps what it showed
        qtbot.wait(1000)
        assert screen.number.text() == first.number
        proxy.set("pass")
        second = desk_queue.call_next("Budi")
        assert second is not None
        qtbot.waitUntil(lambda: screen.number.text() == second.number, timeout=15_000)
    finally:
        watch.stop()
