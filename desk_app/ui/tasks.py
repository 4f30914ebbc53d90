"""Running work off the GUI thread, Anki-style: one single-worker executor owns the
database (writes *and* reads, so they never interleave), and the result comes back
to the GUI thread through one Qt signal.

Be careful not to touch any widget inside ``op``: it runs on the worker thread.
``on_done`` and ``on_error`` run on the GUI thread.
"""

from __future__ import annotations

import contextlib
import logging
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

from desk_app.services.errors import message_for
from desk_app.ui.i18n import shown

log = logging.getLogger(__name__)
T = TypeVar("T")

_Pending = tuple[Callable[[Any], None] | None, Callable[[Exception], None] | None]


class _Outcome:
    """What a task produced, boxed: a bare bool or None sent through an ``object``
    signal trips a reference-count bug in PySide6 at interpreter exit."""

    __slots__ = ("error", "result")

    def __init__(self, result: object, error: BaseException | None) -> None:
        self.result = result
        self.error = error


class TaskRunner(QObject):
    """Runs callables on one worker thread and reports back on the GUI thread.

    Signals:
        finished(int, object): internal; (task id, outcome) from the worker.
        busy_changed(bool): True while any task is queued or running.
        failed(str): a task raised and had no ``on_error``; the message for the officer.
    """

    finished = Signal(int, object)
    busy_changed = Signal(bool)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, name: str = "meja-db") -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._pending: dict[int, _Pending] = {}
        self._next_id = 0
        self._closed = False
        self.finished.connect(self._on_finished)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run(
        self,
        op: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> int:
        """Queue ``op``; returns the task id, or 0 once the runner was shut down (the
        window is closing: timers that still fire are ignored)."""
        if self._closed:
            return 0
        self._next_id += 1
        task_id = self._next_id
        was_idle = not self._pending
        self._pending[task_id] = (on_done, on_error)
        if was_idle:
            # Before the hand-off: once the worker runs Python, this thread waits for
            # the interpreter lock at every call into Qt (up to 5 ms each).
            self.busy_changed.emit(True)
        future = self._executor.submit(op)
        future.add_done_callback(lambda f: self._report(task_id, f))
        return task_id

    def _report(self, task_id: int, future: Future[Any]) -> None:
        # On the worker thread: only emit; the queued connection hops to the GUI thread.
        error = future.exception()
        # RuntimeError: the runner was deleted while the task ran (window closed).
        with contextlib.suppress(RuntimeError):
            self.finished.emit(task_id, _Outcome(None if error else future.result(), error))

    @Slot(int, object)
    def _on_finished(self, task_id: int, outcome: _Outcome) -> None:
        on_done, on_error = self._pending.pop(task_id, (None, None))
        result, error = outcome.result, outcome.error
        try:
            if isinstance(error, Exception):
                message = message_for(error)
                if on_error is not None:
                    on_error(error)
                elif message is not None:
                    self.failed.emit(shown(message))  # a Signal(str) would drop the Message
                else:
                    log.error(
                        "background task failed:\n%s",
                        "".join(traceback.format_exception(error)),
                    )
                    self.failed.emit(self.tr("Terjadi kesalahan program; data tetap tersimpan."))
            elif on_done is not None:
                on_done(result)
        finally:
            if not self._pending:
                self.busy_changed.emit(False)

    def shutdown(self, wait: bool = True) -> None:
        """Let queued work finish (a save in flight must reach the disk), then stop."""
        self._closed = True
        self._executor.shutdown(wait=wait)
