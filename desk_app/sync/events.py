"""How the sync core speaks to whoever listens: named events, Qt-free.

The engine and :class:`~desk_app.services.sync_control.SyncControl` *announce* an
event — a name and its arguments — and every registered listener is called with
them, on the announcing thread (Electrum's ``register_callback`` /
``trigger_callback``). A GUI re-emits them on its own thread: the desk's Qt bridge
(``desk_app/ui/event_bridge.py``) turns each into one queued signal.

The events of sync:

- ``"state"`` (engine) / ``"status"`` (control): the new
  :class:`~desk_app.sync.state.SyncState`, an immutable snapshot;
- ``"progress"``: phase (``"push"`` | ``"pull"``), done, total;
- ``"changes"``: the ids (a list) of complaints whose status or timeline changed;
- ``"needs_enrolment"`` (control, no arguments): the desk has no token, or the CRM
  refused it; said once until the desk is enrolled again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

# ``listener(name, *args)``
Listener = Callable[..., None]


class EventHub:
    """Listeners of one announcer. Registering and announcing may happen on any
    thread; a listener registered twice is called once."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def register(self, listener: Listener) -> None:
        with self._lock:
            if listener not in self._listeners:
                self._listeners.append(listener)

    def unregister(self, listener: Listener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def announce(self, name: str, *args: object) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(name, *args)

    def on(self, name: str, callback: Callable[..., None]) -> Listener:
        """Register ``callback(*args)`` for the event ``name`` alone; returns the
        listener (to unregister it)."""

        def listener(event: str, *args: object) -> None:
            if event == name:
                callback(*args)

        self.register(listener)
        return listener
