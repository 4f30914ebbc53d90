"""The home page's data: today's list, the receipts still to print and the count
waiting for the CRM, fetched on the worker."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from complaint_domain.complaint import WIB
from desk_app.services.root import DeskServices
from desk_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from desk_app.ui.main_window import MainWindow

HomeData = tuple[Any, Any, tuple[int, dt.datetime | None], Any]


class HomeFlow(QObject):
    """Signals:
    refreshed(): today's list, the "to print" list and the pending count arrived.
    """

    refreshed = Signal()

    def __init__(self, window: MainWindow, services: DeskServices, runner: TaskRunner) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self._runner = runner

    def refresh(self) -> None:
        officer = self._window.officer
        if officer is None:
            return
        lookup, updates = self._services.lookup, self._services.updates
        today = self._services.now().astimezone(WIB).date()

        def op() -> HomeData:
            summary = lookup.pending_summary()
            return lookup.today(officer, today), lookup.to_print(officer), summary, updates.note()

        self._runner.run(op, self.on_data)

    def on_data(self, data: HomeData) -> None:
        today, to_print, (count, oldest), update = data
        window = self._window
        window.home.set_today(today)
        window.home.set_to_print(to_print)
        window.home.update_note.set_note(update)
        window.set_pending(count, oldest)
        self.refreshed.emit()
