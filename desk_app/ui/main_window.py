"""The desk window. It only assembles and navigates: pages in a stack, the status
bar, the shortcuts, and the flows (ui/flows/) that run a receipt, the settings,
enrolment, a correction and the sign-in. It receives the desk's services (built by
the composition root, desk_app.services.root) and never holds the database."""

from __future__ import annotations

import datetime as dt

import shiboken6
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from desk_app.services.accounts import Officer, Role
from desk_app.services.root import DeskServices
from desk_app.services.sync_control import SyncStatus
from desk_app.ui.detail_view import DetailView
from desk_app.ui.fit import fit_to_screen
from desk_app.ui.flows.accounts_flow import AccountsFlow
from desk_app.ui.flows.correction_flow import CorrectionFlow
from desk_app.ui.flows.detail_flow import DetailFlow
from desk_app.ui.flows.enrolment_flow import EnrolmentFlow
from desk_app.ui.flows.home_flow import HomeFlow
from desk_app.ui.flows.language_flow import LanguageFlow
from desk_app.ui.flows.queue_flow import QueueFlow
from desk_app.ui.flows.receipt_flow import ReceiptFlow
from desk_app.ui.flows.recovery_flow import RecoveryFlow
from desk_app.ui.flows.settings_flow import SettingsFlow
from desk_app.ui.flows.sign_in_flow import SignInFlow
from desk_app.ui.flows.supervision_flow import SupervisionFlow
from desk_app.ui.home_page import HomePage
from desk_app.ui.i18n import shown
from desk_app.ui.idle_lock import IdleLock
from desk_app.ui.intake import IntakeFormPage
from desk_app.ui.receipt_preview import ReceiptPreviewDialog
from desk_app.ui.search_page import SearchPage
from desk_app.ui.sign_in_page import SignInPage
from desk_app.ui.status_bar import Connection, DeskStatusBar
from desk_app.ui.supervision.page import PantauanPage
from desk_app.ui.sync_panel import SyncPanel
from desk_app.ui.sync_worker import SyncWorker, confirm_close, status_bar_values
from desk_app.ui.tasks import TaskRunner
from desk_app.ui.theme import styled_afterwards
from desk_app.ui.wheel_guard import guard_wheel


class MainWindow(QMainWindow):
    """Signals:
    signed_in(object): the Officer, after sign-in.
    sign_in_refused(str): the message shown on the sign-in page when it was refused.
    home_refreshed(): today's list, the "to print" list and the pending count arrived.
    receipt_shown(object): the ReceiptPreviewDialog, once visible.
    detail_shown(object): the Complaint shown in the detail view.
    (What a flow did is announced by the flow: receipt_flow.printed, settings_flow.saved.)
    """

    signed_in = Signal(object)
    sign_in_refused = Signal(str)
    home_refreshed = Signal()
    receipt_shown = Signal(object)
    detail_shown = Signal(object)

    def __init__(
        self,
        services: DeskServices,
        runner: TaskRunner | None = None,
        sync: SyncWorker | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``services``: every service, from the composition root (services/root.py)."""
        super().__init__(parent)
        self.services = services
        self.runner = runner or TaskRunner(self)
        self.sync = sync or SyncWorker(services.sync, self)
        self.officer: Officer | None = None
        self._init_window()
        self._init_flows()
        self._init_pages()
        self._init_status_bar()
        self._init_shortcuts()
        self._connect_signals()
        self._connect_page_signals()

    # -- assembly ------------------------------------------------------------------

    def _init_window(self) -> None:
        self._set_title()
        fit_to_screen(self, 1280, 860)
        self._sync_started = False
        self._retention_timer = QTimer(self)
        self._retention_timer.setInterval(3_600_000)
        self._retention_timer.timeout.connect(
            lambda: self.runner.run(self.services.retention_if_due)
        )

    def _set_title(self) -> None:
        s = self.services.settings
        self.setWindowTitle(
            self.tr("Meja Aduan — {site} ({desk})").format(site=s.site_name, desk=s.desk_code)
        )

    def _init_flows(self) -> None:
        s, runner = self.services, self.runner
        self.sign_in_flow = SignInFlow(self, s.accounts, runner)
        self.receipt_flow = ReceiptFlow(self, s.receipts, runner)
        self.enrolment_flow = EnrolmentFlow(self, s.sync, runner)
        self.settings_flow = SettingsFlow(self, s, self.enrolment_flow, runner)
        self.correction_flow = CorrectionFlow(self, s.lookup, self.receipt_flow, runner)
        self.detail_flow = DetailFlow(self, s.lookup, s.intake, runner)
        self.language_flow = LanguageFlow(self, runner)
        self.home_flow = HomeFlow(self, s, runner)
        self.accounts_flow = AccountsFlow(self, s.accounts, runner)
        self.supervision_flow = SupervisionFlow(self, s)
        self.recovery_flow = RecoveryFlow(self, s.recovery, runner)
        self.idle_lock = IdleLock(self, lambda: self.services.settings.lock_after_minutes)
        self.queue_flow = QueueFlow(self, s)

    def _init_pages(self) -> None:
        s = self.services
        self.sign_in = SignInPage(s.settings.site_name, s.settings.desk_code)
        self.home = HomePage(s.area_name)
        self.intake = IntakeFormPage(s, self.runner)
        self.search = SearchPage(
            s.lookup,
            self.runner,
            s.area_name,
            remote=s.remote_lookup,
            category_name=s.category_name,
        )
        self.detail = DetailView(lambda: s.areas, s.previews, self.runner)
        self.sync_panel = SyncPanel(self.sync, self.runner.run)
        self.pantauan = PantauanPage()
        self.stack = QStackedWidget()
        self.queue_page = self.queue_flow.build_page()
        pages: tuple[QWidget, ...] = (self.sign_in, self.home, self.intake, self.search)
        pages += (self.detail, self.sync_panel, self.pantauan, self.queue_page)
        for page in pages:
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)
        guard_wheel(self.stack)  # a passing wheel never changes a closed drop-down

    def _init_status_bar(self) -> None:
        self.status = DeskStatusBar(self)
        self.status.set_desk(self.services.settings.desk_code, self.services.settings.site_name)
        self.setStatusBar(self.status)

    def _init_shortcuts(self) -> None:
        """Ctrl+N new complaint, Ctrl+F find, Alt+Home home, Ctrl+K the sync page,
        Ctrl+P the Pantauan (supervisors)."""
        keys = {"Ctrl+N": self.on_new_complaint, "Ctrl+F": self.on_find}
        keys |= {"Alt+Home": self.on_home, "Ctrl+K": self.on_show_sync}
        keys["Ctrl+U"] = self.accounts_flow.open  # admins only (the flow checks)
        keys["Ctrl+P"] = self.supervision_flow.open  # supervisors and admins (ditto)
        keys["F4"] = self.on_show_queue
        for key, slot in keys.items():
            QShortcut(QKeySequence(key), self).activated.connect(slot)

    def _connect_signals(self) -> None:
        """What lives as long as the window: sync, the runner, the flows."""
        self.sync.status_changed.connect(self.on_sync_status)
        self.sync.complaints_changed.connect(self.on_complaints_changed)
        self.sync.needs_enrolment.connect(self.on_needs_enrolment)
        self.runner.failed.connect(self.on_task_failed)
        self.sign_in_flow.signed_in.connect(self.on_signed_in)
        self.sign_in_flow.refused.connect(self.sign_in_refused)
        self.sign_in_flow.first_admin_created.connect(self.recovery_flow.open)
        self.settings_flow.recovery_requested.connect(self.recovery_flow.open)
        self.settings_flow.saved.connect(lambda _s: self.idle_lock.restart())
        self.receipt_flow.shown.connect(self.receipt_shown)
        self.settings_flow.language_changed.connect(self.rebuild_in_language)
        self.detail_flow.shown.connect(self.detail_shown)
        self.home_flow.refreshed.connect(self.home_refreshed)
        self.detail_flow.event_added.connect(self.receipt_flow.on_event_added)

    def _connect_page_signals(self) -> None:
        """The pages' signals (wired again when the pages are rebuilt)."""
        self.sign_in.sign_in_requested.connect(self.on_sign_in_requested)
        self.home.new_requested.connect(self.on_new_complaint)
        self.home.sync_requested.connect(self.on_show_sync)
        self.home.settings_requested.connect(self.settings_flow.open)
        self.home.accounts_requested.connect(self.accounts_flow.open)
        self.home.find_requested.connect(self.on_find)
        self.home.open_requested.connect(self.on_open_complaint)
        self.home.reprint_requested.connect(self.on_reprint)
        self.home.queue_requested.connect(self.on_show_queue)
        self.intake.saved.connect(self.queue_flow.on_complaint_saved)
        self.intake.saved.connect(self.receipt_flow.on_complaint_saved)
        self.intake.event_added.connect(self.receipt_flow.on_event_added)
        self.intake.discarded.connect(self.on_home)
        self.intake.corrected.connect(self.correction_flow.on_complaint_corrected)
        self.intake.correction_closed.connect(self.on_show_sync)
        self.search.open_requested.connect(self.on_open_complaint)
        self.search.back_requested.connect(self.on_home)
        self.search.visit_recorded.connect(lambda _code: self.sync.sync_now())
        self.detail.back_requested.connect(self.on_back_from_detail)
        self.detail.reprint_requested.connect(self.on_reprint)
        self.detail.add_requested.connect(self.detail_flow.on_add_requested)
        self.detail.qr_requested.connect(self.receipt_flow.on_show_qr)
        self.sync_panel.open_requested.connect(self.detail_flow.open_ticket)
        self.sync_panel.back_requested.connect(self.on_home)
        self.sync_panel.correct_requested.connect(self.correction_flow.on_correct_requested)
        self.home.pantauan_requested.connect(self.supervision_flow.open)
        self.supervision_flow.connect_page(self.pantauan)
        self.stack.currentChanged.connect(self.supervision_flow.on_page_changed)

    def rebuild_in_language(self, language: str) -> None:
        """A new language at once: the translator is swapped and the pages and the
        status bar are built again (each widget takes its texts when built), at the
        first quiet moment (see LanguageFlow). The officer stays signed in and lands
        on the home page."""
        self.language_flow.switch(language)

    def rebuild_pages(self) -> None:
        """The pages and the status bar built again (in a new language)."""
        self.intake.stop()
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
        self.status.set_rejected(status.rejected)

    def on_complaints_changed(self, ids: list[str]) -> None:
        """Statuses came back from the CRM: today's list and an open detail reload."""
        self.refresh_home()
        self.detail_flow.reload_if_shown(ids)

    def on_needs_enrolment(self) -> None:
        self.enrolment_flow.on_needs_enrolment()

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
        self.sign_in_flow.start(credentials)

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
            # Retention (personal data past its time) at the start, then checked hourly:
            # the service runs it when a day has passed since the last run.
            self.runner.run(self.services.retention_if_due)
            self._retention_timer.start()

    def on_sign_in_requested(self, username: str, password: str) -> None:
        self.sign_in_flow.on_sign_in_requested(username, password)

    def on_signed_in(self, officer: Officer) -> None:
        self.officer = officer
        for page in (self.intake, self.search, self.detail):
            page.set_officer(officer)
        self.sync_panel.set_officer(officer)
        self.home.settings_button.setVisible(officer.has(Role.ADMIN))
        self.home.accounts_button.setVisible(officer.has(Role.ADMIN))
        self.home.pantauan_button.setVisible(officer.has(Role.SUPERVISOR))
        self.services.sync.set_officer(officer.display_name)  # told in the heartbeat
        self.status.set_officer(officer.display_name)
        self.on_home()
        self.intake.offer_draft()
        self.queue_flow.start()
        self.signed_in.emit(officer)

    # -- navigation ----------------------------------------------------------------

    def on_home(self) -> None:
        if self.officer is None:
            return
        self.stack.setCurrentWidget(self.home)
        self.home.new_button.setFocus()
        self.refresh_home()
        self.language_flow.try_now()  # a switch that waited for the form to close

    def on_new_complaint(self) -> None:
        if self.officer is None:
            return
        self.stack.setCurrentWidget(self.intake)
        self.intake.name.setFocus()

    def on_show_queue(self) -> None:
        if self.officer is not None:
            self.stack.setCurrentWidget(self.queue_page)
            self.queue_flow.refresh_summary()

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
        self.home_flow.refresh()
        self.queue_flow.refresh_summary()

    def on_open_complaint(self, complaint_id: str) -> None:
        self.detail_flow.open(complaint_id)

    def on_reprint(self, complaint_id: str) -> None:
        if self.officer is not None:
            self.receipt_flow.reprint(self.officer, complaint_id)

    @property
    def preview(self) -> ReceiptPreviewDialog | None:
        """The receipt preview on screen (or last shown)."""
        return self.receipt_flow.preview

    def on_task_failed(self, message: str) -> None:
        """Background failures nobody else handled."""
        self.status.showMessage("⚠ " + shown(message), 15000)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not confirm_close(self, self.sync):  # "N aduan belum terkirim ..."
            event.ignore()
            return
        self.intake.save_draft()
        self.intake.stop()
        self.sync.stop()
        self.supervision_flow.stop()
        self.search.stop()
        self.queue_flow.shutdown()
        self.runner.shutdown(wait=True)  # queued saves reach the disk before we go
        super().closeEvent(event)
