"""The desk window. It only assembles: pages in a stack, the status bar, and the
slots that carry results between pages and the services (on the worker)."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from complaint_domain.complaint import WIB, Complaint, ComplaintEvent
from desk_app.services.accounts import Officer, Role
from desk_app.services.desk import Desk
from desk_app.services.duplicates import DuplicateService
from desk_app.services.errors import message_for
from desk_app.services.intake import RecordedComplaint
from desk_app.services.previews import AttachmentPreviews
from desk_app.services.receipts import PreparedReceipt, ReceiptService
from desk_app.services.settings import Settings
from desk_app.services.sync_control import OutboxLine, SyncControl, SyncStatus
from desk_app.ui.add_event_dialog import AddEventDialog
from desk_app.ui.detail_view import DetailView
from desk_app.ui.dialogs import FilePicker
from desk_app.ui.first_admin_dialog import FirstAdminDialog
from desk_app.ui.home_page import HomePage
from desk_app.ui.i18n import install_language
from desk_app.ui.intake_form import IntakeFormPage
from desk_app.ui.receipt_preview import ReceiptPreviewDialog
from desk_app.ui.search_page import SearchPage
from desk_app.ui.settings_dialog import SettingsDialog
from desk_app.ui.sign_in_page import SignInPage
from desk_app.ui.status_bar import Connection, DeskStatusBar
from desk_app.ui.sync_panel import SyncPanel
from desk_app.ui.sync_worker import SyncWorker, confirm_close, status_bar_values
from desk_app.ui.tasks import TaskRunner
from desk_app.ui.theme import apply_theme, styled_afterwards


def _qt_system_printer(settings: Any) -> Any:
    # Loaded on the first print to a system printer: QtPdf and the printing stack
    # are not needed to open the window.
    from desk_app.printing.backends.qt_system import QtSystemPrinter

    return QtSystemPrinter(settings)


log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Signals:
    signed_in(object): the Officer, after sign-in.
    sign_in_refused(str): the message shown on the sign-in page when it was refused.
    home_refreshed(): today's list, the "to print" list and the pending count arrived.
    receipt_shown(object): the ReceiptPreviewDialog, once visible.
    receipt_printed(str): complaint id whose receipt reached the printer.
    receipt_failed(str): the message shown when printing failed.
    detail_shown(object): the Complaint shown in the detail view.
    settings_saved(object): the Settings an admin saved.
    """

    signed_in = Signal(object)
    sign_in_refused = Signal(str)
    home_refreshed = Signal()
    receipt_shown = Signal(object)
    receipt_printed = Signal(str)
    receipt_failed = Signal(str)
    detail_shown = Signal(object)
    settings_saved = Signal(object)

    def __init__(
        self,
        desk: Desk,
        runner: TaskRunner | None = None,
        receipts: ReceiptService | None = None,
        sync: SyncWorker | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.runner = runner or TaskRunner(self)
        self.receipts = receipts or ReceiptService(desk, system_printer=_qt_system_printer)
        self.sync = sync or SyncWorker(SyncControl(desk), self)
        self.officer: Officer | None = None
        self.preview: ReceiptPreviewDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self._init_window()
        self._init_pages()
        self._init_status_bar()
        self._init_shortcuts()
        self._connect_signals()
        self._connect_page_signals()

    # -- assembly ------------------------------------------------------------------

    def _init_window(self) -> None:
        self._set_title()
        self.resize(1280, 860)
        self._pending_language = ""  # a language switch waiting for a quiet moment
        self._waiting_for_worker = False
        self._sync_started = False

    def _set_title(self) -> None:
        s = self.desk.settings
        self.setWindowTitle(
            self.tr("Meja Aduan — {site} ({desk})").format(site=s.site_name, desk=s.desk_code)
        )

    def _init_pages(self) -> None:
        d = self.desk
        self.sign_in = SignInPage(d.settings.site_name, d.settings.desk_code)
        self.home = HomePage(self.area_name)
        self.intake = IntakeFormPage(d, DuplicateService(d.database), self.runner)
        self.search = SearchPage(d.lookup, self.runner, self.area_name)
        self.detail = DetailView(d.areas, AttachmentPreviews(d.files), self.runner)
        self.sync_panel = SyncPanel(self.sync, self.runner.run)
        self.stack = QStackedWidget()
        pages = (self.sign_in, self.home, self.intake, self.search, self.detail, self.sync_panel)
        for page in pages:
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)

    def _init_status_bar(self) -> None:
        self.status = DeskStatusBar(self)
        self.status.set_desk(self.desk.settings.desk_code, self.desk.settings.site_name)
        self.setStatusBar(self.status)

    def _init_shortcuts(self) -> None:
        self.new_shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
        self.find_shortcut = QShortcut(QKeySequence("Ctrl+F"), self)
        self.home_shortcut = QShortcut(QKeySequence("Alt+Home"), self)
        self.sync_shortcut = QShortcut(QKeySequence("Ctrl+K"), self)

    def _connect_signals(self) -> None:
        """What lives as long as the window: shortcuts, the sync worker, the runner."""
        self.new_shortcut.activated.connect(self.on_new_complaint)
        self.find_shortcut.activated.connect(self.on_find)
        self.home_shortcut.activated.connect(self.on_home)
        self.sync_shortcut.activated.connect(self.on_show_sync)
        self.sync.status_changed.connect(self.on_sync_status)
        self.sync.complaints_changed.connect(self.on_complaints_changed)
        self.sync.needs_enrolment.connect(self.on_needs_enrolment)
        # background failures nobody else handled
        self.runner.failed.connect(self.on_task_failed)

    def _connect_page_signals(self) -> None:
        """The pages' signals (wired again when the pages are rebuilt)."""
        self.sign_in.sign_in_requested.connect(self.on_sign_in_requested)
        self.home.new_requested.connect(self.on_new_complaint)
        self.home.sync_requested.connect(self.on_show_sync)
        self.home.settings_requested.connect(self.on_open_settings)
        self.home.find_requested.connect(self.on_find)
        self.home.open_requested.connect(self.on_open_complaint)
        self.home.reprint_requested.connect(self.on_reprint)
        # intake
        self.intake.saved.connect(self.on_complaint_saved)
        self.intake.event_added.connect(self.on_event_added)
        self.intake.discarded.connect(self.on_home)
        self.intake.corrected.connect(self.on_complaint_corrected)
        self.intake.correction_closed.connect(self.on_show_sync)
        # find and detail
        self.search.open_requested.connect(self.on_open_complaint)
        self.detail.back_requested.connect(self.on_back_from_detail)
        self.detail.reprint_requested.connect(self.on_reprint)
        self.detail.add_requested.connect(self.on_add_from_detail)
        # the sync page
        self.sync_panel.open_requested.connect(self.on_open_ticket)
        self.sync_panel.back_requested.connect(self.on_home)
        self.sync_panel.correct_requested.connect(self.on_correct_requested)

    def rebuild_in_language(self, language: str) -> None:
        """A new language at once: the translator is swapped and the pages and the
        status bar are built again (each widget takes its texts when built). The
        officer stays signed in and lands on the home page."""
        self._pending_language = language
        self._rebuild_if_quiet()

    def _rebuild_if_quiet(self) -> None:
        """The rebuild waits until no answer is on its way from the database worker to
        a page (it would reach a deleted one), the intake form is not on screen (never
        under the officer's typing) and what was typed is in its draft."""
        if not self._pending_language:
            return
        if self.intake.dirty:
            self.intake.save_draft()  # on the worker: the busy check below waits for it
        if self.runner.busy:
            if not self._waiting_for_worker:
                self._waiting_for_worker = True
                self.runner.busy_changed.connect(self._on_worker_busy)
            return
        if self.stack.currentWidget() is self.intake:
            return  # on_home tries again
        language, self._pending_language = self._pending_language, ""
        self.intake.stop()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_language(app, language)
        self._set_title()
        old_pages = self.takeCentralWidget()
        if old_pages is not None:
            # Deleted at once, not later: its connections (to the sync worker) go with
            # it, so no late status or answer reaches a page that is gone; and before
            # the new pages are styled, which restyles every widget there is.
            shiboken6.delete(old_pages)
        with styled_afterwards():
            self._init_pages()
            self._init_status_bar()
        self.stack.show()  # widgets added to a visible window are not shown by themselves
        self.status.show()
        self._connect_page_signals()
        self.on_sync_status(self.sync.status())
        if self.officer is not None:
            self.on_signed_in(self.officer)
        else:
            self.start()

    def _on_worker_busy(self, busy: bool) -> None:
        if busy:
            return
        self.runner.busy_changed.disconnect(self._on_worker_busy)
        self._waiting_for_worker = False
        self._rebuild_if_quiet()

    def words_for(self, error: BaseException) -> str:
        """What the officer reads about a failed task: its own words (services,
        printers and the CRM client carry a safe ``message``), the disk's trouble in
        plain words, or for a bug one plain line; the bug itself goes to the log."""
        known = getattr(error, "message", "") or message_for(error)
        if known:
            return str(known)
        log.error("task failed", exc_info=error)
        return self.tr("Terjadi kesalahan program; data tetap tersimpan.")

    def area_name(self, code: str) -> str:
        area = self.desk.areas.get(code)
        return area.name if area else code

    # -- hooks for the sync work ---------------------------------------------------

    def set_crm_connection(self, state: Connection, detail: str = "") -> None:
        """The CRM connection state shown in the status bar (fed by the sync worker)."""
        self.status.set_connection(state, detail)

    def set_pending(self, count: int, oldest: dt.datetime | None) -> None:
        """How many items wait for the CRM (fed by the sync worker, or refreshed here)."""
        self.status.set_pending(count, oldest)

    def on_sync_status(self, status: SyncStatus) -> None:
        state, detail = status_bar_values(status)
        self.set_crm_connection(state, detail)
        self.set_pending(status.waiting, status.oldest_waiting_at)

    def on_complaints_changed(self, ids: list[str]) -> None:
        """Statuses came back from the CRM: today's list and an open detail reload."""
        self.refresh_home()
        shown = self.detail.complaint
        if self.stack.currentWidget() is self.detail and shown and str(shown.id) in ids:
            self.on_open_complaint(str(shown.id))

    def on_needs_enrolment(self) -> None:
        # A refused token comes with the CRM's reason; a desk never enrolled has none.
        if self.sync.control.status().last_error:
            message = self.tr(
                "⚠ CRM menolak token meja ini. Admin perlu mendaftarkan meja lagi (Pengaturan)."
            )
        else:
            message = self.tr(
                "Meja ini belum terdaftar di CRM: aduan tetap tersimpan dan dikirim setelah "
                "admin mendaftarkan meja (Pengaturan)."
            )
        self.status.showMessage(message, 30000)

    def on_show_sync(self) -> None:
        if self.officer is None:
            return
        self.stack.setCurrentWidget(self.sync_panel)
        self.sync_panel.reload()

    # -- start and sign-in ---------------------------------------------------------

    def start(self, credentials: tuple[str, str] | None = None) -> None:
        """Show the sign-in, or first create the admin on a desk with no accounts.
        ``credentials``: the user name and password already typed into the start
        window, checked at once. Sync starts at once: what was not sent before the
        last close goes now."""
        self.stack.setCurrentWidget(self.sign_in)
        self.start_sync()
        if credentials is not None:
            username, password = credentials
            self.sign_in.username.setText(username)
            self.sign_in.set_busy(True)
            self.on_sign_in_requested(username, password)
            return
        self.sign_in.reset()
        self.runner.run(self.desk.accounts.has_accounts, self.on_accounts_checked)

    def render_ahead(self) -> None:
        """Lay out and paint the home page and the intake form once while hidden, so
        that their first appearance after the sign-in is quicker (~5 ms each on a
        bare machine: style polish, layouts, glyph caches). The start window calls
        it while the officer is still typing the password."""
        if self.isVisible():
            return  # shown already (a quick sign-in): there is nothing to gain
        for page in (self.home, self.intake):
            page.grab()

    def start_sync(self) -> None:
        """Start syncing (once; later calls do nothing). The start window calls it
        before this window is shown, as soon as the desk has loaded."""
        if not self._sync_started:
            self._sync_started = True
            self.sync.start()

    def on_accounts_checked(self, has_accounts: bool) -> None:
        if not has_accounts:
            self.ask_first_admin()

    def ask_first_admin(self, error: str = "") -> None:
        """First run: ask for the first admin until the service accepts one (its
        refusal is shown in the next dialog) or the officer cancels."""
        answer = FirstAdminDialog.ask(self, error)
        if answer is None:
            self.sign_in.show_error(self.tr("Belum ada akun. Buat admin pertama untuk mulai."))
            return
        self.runner.run(
            lambda: self.desk.accounts.create_first_admin(
                answer.username, answer.display_name, answer.password
            ),
            self.on_signed_in,
            lambda err: self.ask_first_admin(self.words_for(err)),
        )

    def on_sign_in_requested(self, username: str, password: str) -> None:
        self.runner.run(
            lambda: self.desk.accounts.sign_in(username, password),
            self.on_signed_in,
            self.on_sign_in_refused,
        )

    def on_sign_in_refused(self, error: Exception) -> None:
        message = self.words_for(error)
        self.sign_in.show_error(message)
        self.sign_in_refused.emit(message)

    def on_signed_in(self, officer: Officer) -> None:
        self.officer = officer
        for page in (self.intake, self.search, self.detail):
            page.set_officer(officer)
        self.sync_panel.set_officer(officer)
        self.home.settings_button.setVisible(officer.has(Role.ADMIN))
        self.status.set_officer(officer.display_name)
        self.on_home()
        self.intake.offer_draft()
        self.signed_in.emit(officer)

    # -- navigation ----------------------------------------------------------------

    def on_home(self) -> None:
        if self.officer is None:
            return
        self.stack.setCurrentWidget(self.home)
        self.home.new_button.setFocus()
        self.refresh_home()
        self._rebuild_if_quiet()  # a language switch that waited for the form to close

    def on_new_complaint(self) -> None:
        if self.officer is None:
            return
        self.stack.setCurrentWidget(self.intake)
        self.intake.name.setFocus()

    def on_find(self) -> None:
        if self.officer is None:
            return
        self.stack.setCurrentWidget(self.search)
        self.search.start()

    def on_back_from_detail(self) -> None:
        if self.search.model.rowCount() or self.search.box.text():
            self.stack.setCurrentWidget(self.search)
            self.search.start()
        else:
            self.on_home()

    def refresh_home(self) -> None:
        officer = self.officer
        if officer is None:
            return
        lookup = self.desk.lookup
        today = self.desk.clock().astimezone(WIB).date()

        def op() -> tuple[Any, Any, tuple[int, dt.datetime | None]]:
            return lookup.today(officer, today), lookup.to_print(officer), lookup.pending_summary()

        self.runner.run(op, self.on_home_data)

    def on_home_data(self, data: tuple[Any, Any, tuple[int, dt.datetime | None]]) -> None:
        today, to_print, (count, oldest) = data
        self.home.set_today(today)
        self.home.set_to_print(to_print)
        self.set_pending(count, oldest)
        self.home_refreshed.emit()

    # -- find and detail -----------------------------------------------------------

    def on_open_complaint(self, complaint_id: str) -> None:
        officer = self.officer
        if officer is None:
            return
        self.runner.run(
            lambda: self.desk.lookup.detail(officer, complaint_id), self.on_detail_loaded
        )

    def on_detail_loaded(self, complaint: Any) -> None:
        if complaint is None:
            self.status.showMessage(self.tr("Aduan tidak ditemukan."), 8000)
            return
        self.detail.show_complaint(complaint)
        self.stack.setCurrentWidget(self.detail)
        self.detail.reprint_button.setFocus()
        self.detail_shown.emit(complaint)

    def on_add_from_detail(self, complaint_id: str, code: str) -> None:
        officer = self.officer
        if officer is None:
            return
        answer = AddEventDialog.ask(self, code, "", 0)
        if answer is None:
            return
        self.runner.run(
            lambda: self.desk.intake.add_citizen_event(officer, complaint_id, answer.note, []),
            lambda event: self.on_event_added(complaint_id, event),
        )

    # -- receipts ------------------------------------------------------------------

    def on_complaint_saved(self, recorded: RecordedComplaint) -> None:
        officer = self.officer
        if officer is None:
            return
        self.status.showMessage(
            self.tr("Aduan {code} tersimpan.").format(code=recorded.ticket_code), 10000
        )
        self.runner.run(
            lambda: self.receipts.prepare_new(officer, recorded.complaint), self.on_receipt_ready
        )
        self.sync.sync_now()  # online: the CRM has it within seconds
        self.on_home()

    def on_event_added(self, complaint_id: str, event: ComplaintEvent) -> None:
        officer = self.officer
        if officer is None:
            return
        self.status.showMessage(self.tr("Keterangan tambahan tersimpan."), 10000)
        self.sync.sync_now()
        self.runner.run(
            lambda: self.receipts.prepare_added(officer, complaint_id, event),
            self.on_receipt_ready,
        )
        if self.stack.currentWidget() is self.detail:
            self.on_open_complaint(complaint_id)
        else:
            self.on_home()

    def on_reprint(self, complaint_id: str) -> None:
        officer = self.officer
        if officer is None:
            return
        self.runner.run(
            lambda: self.receipts.prepare_reprint(officer, complaint_id), self.on_receipt_ready
        )

    def on_receipt_ready(self, receipt: PreparedReceipt) -> None:
        if self.preview is not None:
            self.preview.close()
            # A closed dialog is only hidden; each holds its receipt's PDF and image,
            # so a desk printing all day would grow without this.
            self.preview.deleteLater()
        self.preview = ReceiptPreviewDialog(receipt, self)
        self.preview.print_requested.connect(self.on_print_requested)
        self.preview.save_pdf_requested.connect(self.on_save_pdf_requested)
        self.preview.finished.connect(self.on_preview_closed)
        self.preview.open()
        self.preview.print_button.setFocus()
        self.receipt_shown.emit(self.preview)

    def on_preview_closed(self, _result: int) -> None:
        self.activateWindow()
        page = self.stack.currentWidget()
        target = self.home.new_button if page is self.home or page is None else page
        target.setFocus()
        self.refresh_home()

    def on_print_requested(self) -> None:
        preview = self.preview
        if preview is None:
            return
        receipt = preview.receipt
        preview.set_busy(True)

        def done(_r: object) -> None:
            preview.show_printed()
            self.receipt_printed.emit(receipt.complaint_id)
            preview.accept()

        def failed(err: Exception) -> None:
            message = self.words_for(err)
            preview.show_error(message)
            self.receipt_failed.emit(message)
            self.refresh_home()

        self.runner.run(lambda: self.receipts.print_receipt(receipt), done, failed)

    def on_save_pdf_requested(self) -> None:
        preview = self.preview
        if preview is None:
            return
        receipt = preview.receipt
        suggested = f"tanda-terima-{receipt.ticket_code}.pdf"
        path = FilePicker.ask_save(
            preview, self.tr("Simpan tanda terima"), suggested, self.tr("PDF (*.pdf)")
        )
        if not path:
            return
        self.runner.run(
            lambda: self.receipts.save_pdf(receipt, Path(path)),
            lambda saved: preview.show_saved(str(saved)),
            lambda err: preview.show_error(self.words_for(err)),
        )

    # -- errors and closing --------------------------------------------------------

    def on_task_failed(self, message: str) -> None:
        self.status.showMessage("⚠ " + message, 15000)

    # -- settings (admins) ----------------------------------------------------------

    def on_open_settings(self) -> None:
        officer = self.officer
        if officer is None or not officer.has(Role.ADMIN):
            return
        dialog = SettingsDialog(self.desk.settings, self)
        dialog.test_page_requested.connect(self.on_test_page_requested)
        dialog.enrol_requested.connect(self.on_enrol_requested)
        dialog.accepted.connect(lambda: self.on_settings_accepted(dialog.edited()))
        self.settings_dialog = dialog
        dialog.open()

    def on_test_page_requested(self, edited: Settings) -> None:
        dialog = self.settings_dialog
        if dialog is None:
            return
        self.runner.run(
            lambda: self.receipts.print_test_page(edited),
            lambda label: dialog.show_result(
                self.tr("Halaman uji dikirim ke {printer}.").format(printer=label), True
            ),
            lambda err: dialog.show_result(self.words_for(err), False),
        )

    def on_enrol_requested(self, url: str, code: str, ca_file: str) -> None:
        dialog, officer = self.settings_dialog, self.officer
        if dialog is None or officer is None:
            return

        def done(result: Any) -> None:
            text = self.tr("Meja {desk} terdaftar di CRM ({site}).").format(
                desk=result.desk_code, site=result.site
            )
            dialog.set_desk_code(result.desk_code)
            dialog.show_result(f"{text} {result.warning}".strip(), True)
            self.status.set_desk(result.desk_code, self.desk.settings.site_name)

        self.runner.run(
            lambda: self.sync.control.enrol(officer, url, code, ca_file),
            done,
            lambda err: dialog.show_result(self.words_for(err), False),
        )

    def on_settings_accepted(self, edited: Settings) -> None:
        officer = self.officer
        if officer is None:
            return
        language_before = self.desk.settings.language

        def saved(_r: object) -> None:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, edited.font_scale, edited.high_contrast)
            self.sync.control.set_interval(edited.sync_interval_s)
            self.status.set_desk(edited.desk_code, edited.site_name)
            if edited.language != language_before:
                self.rebuild_in_language(edited.language)
            self.status.showMessage(self.tr("Pengaturan tersimpan."), 15000)
            self.settings_saved.emit(edited)

        self.runner.run(
            lambda: self.desk.save_settings(officer, edited),
            saved,
            lambda err: self.status.showMessage("⚠ " + self.words_for(err)),
        )

    def on_correct_requested(self, line: OutboxLine) -> None:
        """ "Perbaiki" on a complaint the CRM refused: the intake form, in correction mode."""
        officer = self.officer
        if officer is None:
            return

        def loaded(complaint: Complaint | None) -> None:
            if complaint is None:
                self.status.showMessage(self.tr("Aduan tidak ditemukan."), 8000)
                return
            self.stack.setCurrentWidget(self.intake)
            self.intake.start_correction(complaint, line.reason, line.error_field)

        self.runner.run(lambda: self.desk.lookup.detail(officer, line.item_id), loaded)

    def on_complaint_corrected(self, complaint: Complaint, reprint: bool) -> None:
        officer = self.officer
        if officer is None:
            return
        self.status.showMessage(
            self.tr("Perbaikan aduan {code} tersimpan dan dikirim ulang ke CRM.").format(
                code=complaint.ticket_code
            ),
            10000,
        )
        self.sync.sync_now()
        if reprint:
            complaint_id = str(complaint.id)
            self.runner.run(
                lambda: self.receipts.prepare_reprint(officer, complaint_id),
                self.on_receipt_ready,
            )
        self.on_show_sync()

    def on_open_ticket(self, code: str) -> None:
        """Open a complaint by its ticket code (from the sync panel)."""
        officer = self.officer
        if officer is None:
            return

        def found(result: Any) -> None:
            if result.items:
                self.on_open_complaint(result.items[0].id)

        self.runner.run(lambda: self.desk.lookup.search(officer, code), found)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not confirm_close(self, self.sync):  # "N aduan belum terkirim ..."
            event.ignore()
            return
        self.intake.save_draft()
        self.intake.stop()
        self.sync.stop()
        self.runner.shutdown(wait=True)  # queued saves reach the disk before we go
        super().closeEvent(event)
