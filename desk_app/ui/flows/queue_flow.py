"""The visitor queue in the officer's window: the controls page, the slip printed
when a number is issued, "start serving" opening the intake form (the complaint
recorded then finishes the ticket, carrying its code) or, for a returning citizen,
the complaint itself; and the home page's line "how many wait, the longest wait".
The queue talks to the CRM: it runs on its own worker, never the database's."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from desk_app.services.queue import QueueService, QueueSummary, QueueTicket
from desk_app.services.root import DeskServices
from desk_app.ui.i18n import shown
from desk_app.ui.queue.controls import QueueControls
from desk_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from desk_app.ui.main_window import MainWindow

SUMMARY_EVERY_MS = 30_000


class QueueFlow(QObject):
    def __init__(self, window: MainWindow, services: DeskServices) -> None:
        super().__init__(window)
        self._window, self._services = window, services
        self.queue: QueueService = services.queue
        self.runner = TaskRunner(self, name="meja-queue")
        self.serving: QueueTicket | None = None
        self.page: QueueControls | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(SUMMARY_EVERY_MS)
        self._timer.timeout.connect(self.refresh_summary)

    def run(self, op: Callable[[], Any], on_done: Callable[[Any], None]) -> object:
        return self.runner.run(op, on_done, self._on_error)

    def _on_error(self, error: Exception) -> None:
        message = getattr(error, "message", "") or type(error).__name__
        if self.page is not None:
            self.page.message.setText(shown(message))

    def _officer(self) -> str:
        officer = self._window.officer
        return officer.display_name if officer is not None else ""

    def build_page(self) -> QueueControls:
        """The controls page (built again with the window's pages)."""
        self.page = QueueControls(self.queue, self.run, self._officer)
        self.page.serve_requested.connect(self.on_serve)
        self.page.follow_up_requested.connect(self.on_follow_up)
        self.page.slip_requested.connect(self.on_slip)
        return self.page

    def start(self) -> None:
        self._timer.start()
        self.refresh_summary()

    def refresh_summary(self) -> None:
        self.run(self.queue.summary, self.show_summary)

    def show_summary(self, summary: QueueSummary) -> None:
        line = self.tr("Antrean: {n} menunggu, terlama {m} menit").format(
            n=summary.waiting, m=summary.longest_wait_minutes
        )
        if summary.offline:
            line += " · " + self.tr("CRM tidak terjangkau: antrean meja ini sendiri")
        self._window.home.set_queue_line(line)
        if self.page is not None:
            self.page.show_summary(summary)

    def on_serve(self, ticket: QueueTicket) -> None:
        self.serving = ticket
        self._window.on_new_complaint()

    def on_follow_up(self, ticket_code: str) -> None:
        self._window.detail_flow.open_ticket(ticket_code)

    def on_complaint_saved(self, result: Any) -> None:
        """The complaint recorded while serving a number finishes that ticket and
        carries its code into the queue's record."""
        ticket, self.serving = self.serving, None
        complaint = getattr(result, "complaint", result)
        code = str(getattr(complaint, "ticket_code", ""))
        if ticket is None or not code:
            return
        officer = self._officer()
        self.run(lambda: self.queue.act(ticket, "finish", officer, "", code), lambda _t: None)

    def on_slip(self, ticket: QueueTicket) -> None:
        def printed(problem: str) -> None:
            if problem and self.page is not None:
                self.page.message.setText(shown(problem))

        self.run(lambda: self._services.print_queue_slip(ticket), printed)

    def shutdown(self) -> None:
        self._timer.stop()
        self.runner.shutdown(wait=False)
