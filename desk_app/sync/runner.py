"""Runs the engine on its own thread: every N seconds, on demand, and after a
failure when the backoff says so. Qt-free; the Qt bridge listens to the events the
engine announces and re-emits them as signals (desk_app/ui/event_bridge.py)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from desk_app.sync.engine import SyncEngine, SyncReport

log = logging.getLogger(__name__)


class SyncRunner:
    """A daemon thread around one :class:`SyncEngine`.

    ``sync_now()`` wakes it at once, ignoring the backoff (the officer asked).
    ``stop()`` lets the cycle in progress finish its current transaction; a cycle
    cut short by the process ending loses nothing (see the engine's rules).
    """

    def __init__(
        self,
        engine: SyncEngine,
        interval_s: float,
        on_report: Callable[[SyncReport], None] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.engine = engine
        self.interval_s = interval_s
        self.on_report = on_report
        self._monotonic = monotonic
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._forced = False
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="meja-sync", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> bool:
        """True when the thread ended within ``timeout``."""
        self._stop.set()
        self._wake.set()
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def sync_now(self) -> None:
        self._forced = True
        self._wake.set()

    def _seconds_until_due(self, last_run: float | None) -> float:
        state = self.engine.state
        if state.needs_enrolment:
            return 3600.0  # asleep until set_token() + sync_now()
        if state.next_retry_at is not None:
            return max(0.0, (state.next_retry_at - self.engine.clock()).total_seconds())
        if last_run is None:
            return 0.0
        return max(0.0, last_run + self.interval_s - self._monotonic())

    def _loop(self) -> None:
        last_run: float | None = None
        while not self._stop.is_set():
            wait = self._seconds_until_due(last_run)
            if wait > 0 and not self._forced:
                self._wake.wait(min(wait, 60.0))
                self._wake.clear()
                if self._stop.is_set():
                    return
                if not self._forced:
                    continue  # re-check: woken early or waited only a part
            self._forced = False
            last_run = self._monotonic()
            try:
                report = self.engine.run_once()
            except Exception:  # a bug: log it, keep the desk working, try again later
                log.exception("sync cycle failed")
                continue
            if self.on_report is not None:
                self.on_report(report)
