"""Events from the Qt-free core to the GUI thread: the hub and the one Qt bridge."""

from __future__ import annotations

import threading
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QThread, Signal

from desk_app.sync.events import EventHub
from desk_app.ui.event_bridge import QtEventBridge


class _Bridge(QtEventBridge):
    counted = Signal(int)
    closed = Signal()
    EVENTS: ClassVar[dict[str, str]] = {"count": "counted", "close": "closed"}


def test_the_hub_calls_each_listener_with_the_name_and_arguments():
    hub = EventHub()
    heard: list[tuple[object, ...]] = []
    only: list[int] = []

    def listener(name: str, *args: object) -> None:
        heard.append((name, *args))

    hub.register(listener)
    hub.register(listener)  # once is enough
    hub.on("count", only.append)
    hub.announce("count", 1)
    hub.announce("close")
    hub.unregister(listener)
    hub.announce("count", 2)
    assert heard == [("count", 1), ("close",)]
    assert only == [1, 2]


def test_events_from_another_thread_come_out_as_signals_on_the_gui_thread_in_order(qtbot):
    bridge = _Bridge()
    hub = EventHub()
    hub.register(bridge.announce)
    seen: list[tuple[int, bool]] = []
    gui = QCoreApplication.instance().thread()  # type: ignore[union-attr]
    bridge.connect_event("count", lambda n: seen.append((n, QThread.currentThread() is gui)))
    closed: list[bool] = []
    bridge.closed.connect(lambda: closed.append(QThread.currentThread() is gui))
    hub.announce("unknown", 0)  # no signal for it: dropped

    def core() -> None:
        for n in range(50):
            hub.announce("count", n)
        hub.announce("close")

    worker = threading.Thread(target=core)
    worker.start()
    worker.join()
    assert seen == []  # queued: nothing ran on the core's thread
    qtbot.waitUntil(lambda: closed == [True], timeout=5000)
    assert seen == [(n, True) for n in range(50)]
