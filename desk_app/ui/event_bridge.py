"""The one bridge from the Qt-free core to Qt: named events re-emitted as signals on
the GUI thread (Electrum's ``QtEventListener``).

The core announces an event — a name and its arguments — on whatever thread it runs
(:mod:`desk_app.sync.events`). :meth:`QtEventBridge.announce` is the listener it
calls: it emits the one signal :attr:`QtEventBridge.fired`, connected to the
dispatcher with a queued connection, so the dispatch always runs on the bridge's
(the GUI) thread, in the order the events were announced. The dispatcher emits the
signal a subclass declared for that name (:attr:`QtEventBridge.EVENTS`); the UI
connects to it by event name (:meth:`connect_event`) or through the signal itself.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import QObject, Qt, Signal, SignalInstance, Slot


class QtEventBridge(QObject):
    """Signals:
    fired(str, object): an event's name and its arguments (a tuple), as announced.
        Connected (queued) to the dispatcher; receivers want the named signals.
    """

    fired = Signal(str, object)
    # event name -> the name of the signal (declared by the subclass) it becomes
    EVENTS: ClassVar[dict[str, str]] = {}

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fired.connect(self._dispatch, Qt.ConnectionType.QueuedConnection)

    def announce(self, name: str, *args: object) -> None:
        """The core's listener: safe on any thread. After the bridge was deleted
        (the app closing) an event is dropped."""
        with contextlib.suppress(RuntimeError):
            self.fired.emit(name, args)

    def signal_for(self, name: str) -> SignalInstance:
        """The signal the event ``name`` becomes."""
        signal: SignalInstance = getattr(self, self.EVENTS[name])
        return signal

    def connect_event(self, name: str, slot: Callable[..., object]) -> None:
        """Call ``slot(*args)`` on the GUI thread for each event ``name``."""
        self.signal_for(name).connect(slot)

    @Slot(str, object)
    def _dispatch(self, name: str, args: tuple[object, ...]) -> None:
        if name in self.EVENTS:
            self.signal_for(name).emit(*args)
