"""Keeps a display screen's board current (``desk-app display``): the CRM is asked with
the version the screen shows and answers once the board differs (a long poll, see
``crm_server.queue_api``), so a call shows at once instead of at the next tick of a
timer. On its own daemon thread: closing the screen never waits for an answer."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger("desk_app.queue")

Fetch = Callable[[str], dict[str, Any] | None]


class BoardWatch(QObject):
    """Signals:
    seen(object): a board (a dict), on the GUI thread, each time the CRM answers."""

    seen = Signal(object)

    def __init__(
        self,
        fetch: Fetch,
        parent: QObject | None = None,
        retry_seconds: float = 2.0,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._retry = retry_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="meja-board", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        version = ""
        while not self._stop.is_set():
            began = time.monotonic()
            try:
                board = self._fetch(version)
            except Exception as exc:  # refused (a revoked desk), a bad answer: ask later
                log.warning("display board not read: %s", type(exc).__name__)
                board = None
            if self._stop.is_set():
                break
            if board is None:  # the CRM is unreachable: ask again in a moment
                self._stop.wait(self._retry)
                continue
            same = board.get("version") == version
            version = str(board.get("version", ""))
            self.seen.emit(board)
            # An unchanged board answered at once (a CRM without the long poll) must
            # not make this a busy loop.
            if same and time.monotonic() - began < 0.5:
                self._stop.wait(1.0)
