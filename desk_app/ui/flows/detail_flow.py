"""The detail flow: a complaint opened (by id from a list, by ticket code from the
sync page) in the detail view, and a citizen's addition recorded from there."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desk_app.services.intake import IntakeService
from desk_app.services.lookup import VIEW_REFRESH, VIEW_SERVICE, VIEW_SYNC, LookupService
from desk_app.ui.add_event_dialog import AddEventDialog
from desk_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from desk_app.ui.main_window import MainWindow


class DetailFlow(QObject):
    """Signals:
    shown(object): the Complaint now in the detail view.
    event_added(str, object): complaint id and the ComplaintEvent added from the view.
    """

    shown = Signal(object)
    event_added = Signal(str, object)

    def __init__(
        self,
        window: MainWindow,
        lookup: LookupService,
        intake: IntakeService,
        runner: TaskRunner,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._lookup = lookup
        self._intake = intake
        self._runner = runner

    def open(self, complaint_id: str, purpose: str = VIEW_SERVICE) -> None:
        """``purpose``: why it is opened, for the audit trail (services/lookup.py)."""
        officer = self._window.officer
        if officer is None:
            return
        self._runner.run(
            lambda: self._lookup.detail(officer, complaint_id, purpose), self.on_loaded
        )

    def open_ticket(self, code: str) -> None:
        """Open a complaint by its ticket code (from the sync panel)."""
        officer = self._window.officer
        if officer is None:
            return

        def found(result: Any) -> None:
            if result.items:
                self.open(result.items[0].id, VIEW_SYNC)

        self._runner.run(lambda: self._lookup.search(officer, code), found)

    def reload_if_shown(self, ids: list[str]) -> None:
        """Complaints changed (statuses from the CRM): the one on screen is read again."""
        window = self._window
        shown = window.detail.complaint
        if window.stack.currentWidget() is window.detail and shown and str(shown.id) in ids:
            self.open(str(shown.id), VIEW_REFRESH)

    def on_loaded(self, complaint: Any) -> None:
        window = self._window
        if complaint is None:
            window.status.showMessage(self.tr("Aduan tidak ditemukan."), 8000)
            return
        window.detail.show_complaint(complaint)
        window.stack.setCurrentWidget(window.detail)
        window.detail.reprint_button.setFocus()
        self.shown.emit(complaint)

    def on_add_requested(self, complaint_id: str, code: str) -> None:
        officer = self._window.officer
        if officer is None:
            return
        answer = AddEventDialog.ask(self._window, code, "", 0)
        if answer is None:
            return
        self._runner.run(
            lambda: self._intake.add_citizen_event(officer, complaint_id, answer.note, []),
            lambda event: self.event_added.emit(complaint_id, event),
        )
