"""The receipt flow: a receipt prepared on the worker, previewed, printed, saved as
PDF; after a new complaint, an addition to one, or a reprint."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Signal

from complaint_domain.complaint import Complaint, ComplaintEvent
from desk_app.services.accounts import Officer
from desk_app.services.intake import RecordedComplaint
from desk_app.services.receipts import PreparedReceipt, ReceiptService
from desk_app.ui.dialogs import FilePicker
from desk_app.ui.flows.words import words_for
from desk_app.ui.receipt_preview import ReceiptPreviewDialog
from desk_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from desk_app.ui.main_window import MainWindow


class ReceiptFlow(QObject):
    """One receipt preview at a time, over the main window.

    Signals:
    shown(object): the ReceiptPreviewDialog, once visible.
    printed(str): complaint id whose receipt reached the printer.
    failed(str): the message shown when printing failed.
    """

    shown = Signal(object)
    printed = Signal(str)
    failed = Signal(str)

    def __init__(self, window: MainWindow, receipts: ReceiptService, runner: TaskRunner) -> None:
        super().__init__(window)
        self._window = window
        self._receipts = receipts
        self._runner = runner
        self.preview: ReceiptPreviewDialog | None = None

    # -- starting ------------------------------------------------------------------

    def on_complaint_saved(self, recorded: RecordedComplaint) -> None:
        """A new complaint is on disk: its receipt, sync at once, the home page."""
        window = self._window
        if window.officer is None:
            return
        window.status.showMessage(
            self.tr("Aduan {code} tersimpan.").format(code=recorded.ticket_code), 10000
        )
        self.new(window.officer, recorded.complaint)
        window.sync.sync_now()  # online: the CRM has it within seconds
        window.on_home()

    def on_event_added(self, complaint_id: str, event: ComplaintEvent) -> None:
        """A citizen's addition is on disk: its receipt, sync, back where it came from."""
        window = self._window
        if window.officer is None:
            return
        if event.reporter is not None:
            saved = self.tr("Pelapor tambahan tercatat pada aduan ini.")
        else:
            saved = self.tr("Keterangan tambahan tersimpan.")
        window.status.showMessage(saved, 10000)
        window.sync.sync_now()
        self.added(window.officer, complaint_id, event)
        if window.stack.currentWidget() is window.detail:
            window.on_open_complaint(complaint_id)
        else:
            window.on_home()

    def new(self, officer: Officer, complaint: Complaint) -> None:
        receipts = self._receipts
        self._runner.run(lambda: receipts.prepare_new(officer, complaint), self.on_receipt_ready)

    def added(self, officer: Officer, complaint_id: str, event: ComplaintEvent) -> None:
        receipts = self._receipts
        self._runner.run(
            lambda: receipts.prepare_added(officer, complaint_id, event), self.on_receipt_ready
        )

    def reprint(self, officer: Officer, complaint_id: str) -> None:
        receipts = self._receipts
        self._runner.run(
            lambda: receipts.prepare_reprint(officer, complaint_id), self.on_receipt_ready
        )

    # -- slots ---------------------------------------------------------------------

    def on_receipt_ready(self, receipt: PreparedReceipt) -> None:
        if self.preview is not None:
            self.preview.close()
            # A closed dialog is only hidden; each holds its receipt's PDF and image,
            # so a desk printing all day would grow without this.
            self.preview.deleteLater()
        self.preview = ReceiptPreviewDialog(receipt, self._window)
        self.preview.print_requested.connect(self.on_print_requested)
        self.preview.save_pdf_requested.connect(self.on_save_pdf_requested)
        self.preview.finished.connect(self.on_preview_closed)
        self.preview.open()
        self.preview.print_button.setFocus()
        self.shown.emit(self.preview)

    def on_preview_closed(self, _result: int) -> None:
        window = self._window
        window.activateWindow()
        page = window.stack.currentWidget()
        target = window.home.new_button if page is window.home or page is None else page
        target.setFocus()
        window.refresh_home()

    def on_print_requested(self) -> None:
        preview = self.preview
        if preview is None:
            return
        receipt = preview.receipt
        preview.set_busy(True)

        def done(_r: object) -> None:
            preview.show_printed()
            self.printed.emit(receipt.complaint_id)
            preview.accept()

        def failed(err: Exception) -> None:
            message = words_for(err)
            preview.show_error(message)
            self.failed.emit(message)
            self._window.refresh_home()

        self._runner.run(lambda: self._receipts.print_receipt(receipt), done, failed)

    def on_show_qr(self, ticket_code: str, token: str) -> None:
        """The citizen's tracking QR on screen again (from the detail view)."""
        from desk_app.ui.qr_dialog import TrackingQrDialog

        TrackingQrDialog.ask(
            self._window, ticket_code, self._receipts.tracking_qr(ticket_code, token)
        )

    def on_save_pdf_requested(self) -> None:
        preview = self.preview
        if preview is None:
            return
        receipt = preview.receipt
        # In the desk's receipts folder, else the user's Documents: never the folder
        # the program was started from.
        folder = self._receipts.receipts_folder() or Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or Path.home()
        )
        suggested = str(folder / f"tanda-terima-{receipt.ticket_code}.pdf")
        path = FilePicker.ask_save(
            preview, self.tr("Simpan tanda terima"), suggested, self.tr("PDF (*.pdf)")
        )
        if not path:
            return
        self._runner.run(
            lambda: self._receipts.save_pdf(receipt, Path(path)),
            lambda saved: preview.show_saved(str(saved)),
            lambda err: preview.show_error(words_for(err)),
        )
