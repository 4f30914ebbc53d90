"""The correction flow: "Perbaiki" on a complaint the CRM refused opens it on the
intake form in correction mode; once saved it goes back to the CRM, with a copy of
the receipt when the officer asked for one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from complaint_domain.complaint import Complaint
from desk_app.services.lookup import LookupService
from desk_app.services.sync_control import OutboxLine
from desk_app.ui.flows.receipt_flow import ReceiptFlow
from desk_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from desk_app.ui.main_window import MainWindow


class CorrectionFlow(QObject):
    """From the sync page to the form and back.

    Signals:
    opened(object): the Complaint now on the form, to be corrected.
    done(object): the corrected Complaint, saved and queued for the CRM.
    """

    opened = Signal(object)
    done = Signal(object)

    def __init__(
        self,
        window: MainWindow,
        lookup: LookupService,
        receipts: ReceiptFlow,
        runner: TaskRunner,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._lookup = lookup
        self._receipts = receipts
        self._runner = runner

    def on_correct_requested(self, line: OutboxLine) -> None:
        """ "Perbaiki" on a complaint the CRM refused: the intake form, in correction mode."""
        officer = self._window.officer
        if officer is None:
            return
        self._runner.run(
            lambda: self._lookup.detail(officer, line.item_id),
            lambda complaint: self.on_loaded(line, complaint),
        )

    def on_loaded(self, line: OutboxLine, complaint: Complaint | None) -> None:
        window = self._window
        if complaint is None:
            window.status.showMessage(self.tr("Aduan tidak ditemukan."), 8000)
            return
        window.stack.setCurrentWidget(window.intake)
        window.intake.start_correction(complaint, line.reason, line.error_field)
        self.opened.emit(complaint)

    def on_complaint_corrected(self, complaint: Complaint, reprint: bool) -> None:
        window = self._window
        officer = window.officer
        if officer is None:
            return
        window.status.showMessage(
            self.tr("Perbaikan aduan {code} tersimpan dan dikirim ulang ke CRM.").format(
                code=complaint.ticket_code
            ),
            10000,
        )
        window.sync.sync_now()
        if reprint:
            self._receipts.reprint(officer, str(complaint.id))
        window.on_show_sync()
        self.done.emit(complaint)
