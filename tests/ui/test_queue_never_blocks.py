"""The GUI thread never waits for the queue: while a queue step holds the service
(another thread's step, a slow CRM), F5 "call next" returns at once, the window
still answers the keyboard and saves a complaint on the database worker, and the
call lands when the other step is done."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.ui.main_window import MainWindow
from tests.ui.conftest import press, sign_in


def test_a_held_queue_step_never_blocks_the_window(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window)
    queue = window.queue_flow.queue
    qtbot.waitUntil(lambda: not window.queue_flow.runner.busy)
    issued = queue.issue()  # the CRM is unreachable here: the desk's own number
    held, release = threading.Event(), threading.Event()

    def other_thread_step() -> None:
        with queue._turn:  # e.g. the display's timer asking a slow CRM
            held.set()
            release.wait(60)

    other = threading.Thread(target=other_thread_step)
    other.start()
    try:
        assert held.wait(10)
        press(qtbot, Qt.Key.Key_F4)
        page = window.queue_page
        press(qtbot, Qt.Key.Key_F5)  # queued on the queue's worker, which waits
        assert window.queue_flow.runner.busy
        # The window goes on: the keyboard reaches it and the database worker runs.
        press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.intake)
        done: list[object] = []
        window.runner.run(lambda: window.services.lookup.prepare_home(), done.append)
        qtbot.waitUntil(lambda: len(done) == 1)
        assert page.ticket is None  # the call has not happened yet
    finally:
        release.set()
        other.join(10)
    qtbot.waitUntil(lambda: page.ticket is not None)
    assert page.ticket is not None and page.ticket.id == issued.id
