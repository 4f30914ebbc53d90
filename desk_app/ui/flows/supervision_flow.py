"""The Pantauan page's work: open it (supervisors and admins; the service refuses
anyone else too), fetch it every minute while it is shown and on demand, open a
complaint of a row, export the report.

Fetching runs on a runner of its own (network, ``meja-pantauan``), never on the GUI
thread and never queued behind the database worker's saves; one fetch at a time.
What comes back is plain tables, built on that thread too: the GUI thread only
fills models.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from complaint_domain.complaint import WIB
from desk_app.services.accounts import Role
from desk_app.services.root import DeskServices
from desk_app.services.supervision import CaseHistory, Pantauan
from desk_app.services.supervision_report import write_report
from desk_app.services.supervision_tables import Table, freshness, page_tables
from desk_app.ui.i18n import shown
from desk_app.ui.supervision.history_dialog import HistoryDialog
from desk_app.ui.supervision.page import PantauanPage
from desk_app.ui.supervision.table_model import shown_cells
from desk_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from desk_app.ui.main_window import MainWindow

REFRESH_MS = 60_000


class ExportDialog:
    """Where to save the report (monkeypatched in tests)."""

    @classmethod
    def ask(cls, parent: QWidget, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("SupervisionFlow", "Simpan laporan Pantauan"),
            suggested,
            QCoreApplication.translate("SupervisionFlow", "Buku kerja Excel (*.xlsx)"),
        )
        return Path(path) if path else None


class SupervisionFlow(QObject):
    """Signals:
    refreshed(object): the Pantauan on screen (after each fetch).
    exported(str): the report's path, once written.
    refused(str): why the page or an action was refused (already said on screen).
    """

    refreshed = Signal(object)
    exported = Signal(str)
    refused = Signal(str)

    def __init__(self, window: MainWindow, services: DeskServices) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self.runner = TaskRunner(self, name="meja-pantauan")
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self._first_day: dt.date | None = None
        self._days = 1
        self._in_flight = False
        self.pantauan: Pantauan | None = None
        self.history_dialog: HistoryDialog | None = None

    @property
    def page(self) -> PantauanPage:
        return self._window.pantauan

    def connect_page(self, page: PantauanPage) -> None:
        page.refresh_requested.connect(self.refresh)
        page.export_requested.connect(self.export)
        page.period_changed.connect(self.on_period_changed)
        page.case_requested.connect(self.open_case)
        page.back_requested.connect(self._window.on_home)

    # -- showing -------------------------------------------------------------------

    def open(self) -> None:
        officer = self._window.officer
        if officer is None:
            return
        if not officer.has(Role.SUPERVISOR):
            message = self.tr("Pantauan hanya untuk koordinator dan admin.")
            self._window.status.showMessage("⚠ " + message, 10000)
            self.refused.emit(message)
            return
        self.page.set_today(self._services.now().astimezone(WIB).date())
        self._window.stack.setCurrentWidget(self.page)
        self.page.refresh_button.setFocus()
        self.timer.start()
        self.refresh()

    def on_page_changed(self) -> None:
        """Refreshing every minute only while the page is on screen."""
        if self._window.stack.currentWidget() is not self.page:
            self.timer.stop()

    def on_period_changed(self, first_day: dt.date | None, days: int) -> None:
        self._first_day, self._days = first_day, days
        self.refresh()

    def refresh(self) -> None:
        officer = self._window.officer
        if officer is None or self._in_flight:
            return
        self._in_flight = True
        services, first, days = self._services, self._first_day, self._days
        unsent = services.settings.silent_unsent_minutes

        def op() -> tuple[Pantauan, list[Table], dict[str, list[list[str]]]]:
            pantauan = services.supervision.refresh(officer, first, days)
            tables = page_tables(pantauan, unsent, services.category_name, services.area_name)
            return pantauan, tables, {t.key: shown_cells(t) for t in tables}

        self.runner.run(op, self.on_data, self.on_error)

    def on_data(self, result: tuple[Pantauan, list[Table], dict[str, list[list[str]]]]) -> None:
        self._in_flight = False
        pantauan, tables, cells = result
        self.pantauan = pantauan
        page = self.page
        page.set_site(pantauan.crm.site if pantauan.crm else self._services.settings.site_name)
        page.set_freshness(freshness(pantauan), bool(pantauan.problem))
        page.show_tables(tables, cells, lambda: self.refreshed.emit(pantauan))

    def on_error(self, error: Exception) -> None:
        self._in_flight = False
        message = getattr(error, "message", "") or self.tr("Pantauan tidak dapat dimuat.")
        self.page.set_freshness(message, True)
        self.refused.emit(shown(message))

    # -- a row, the report ---------------------------------------------------------

    def open_case(self, ticket_code: str, own: bool) -> None:
        """This desk's complaint: its own detail view; another desk's: its public
        history from the CRM (no personal data)."""
        officer = self._window.officer
        if officer is None:
            return
        if own:
            self._window.detail_flow.open_ticket(ticket_code)
            return
        services = self._services

        def shown_history(history: CaseHistory) -> None:
            self.history_dialog = HistoryDialog.ask(
                self._window,
                history,
                services.category_name(history.line.category_code),
                services.area_name(history.line.kelurahan_code),
            )

        self.runner.run(
            lambda: services.supervision.history(officer, ticket_code),
            shown_history,
            self.on_error,
        )

    def export(self) -> None:
        officer, pantauan = self._window.officer, self.pantauan
        if officer is None or pantauan is None:
            return
        recorded = pantauan.own.recorded
        day = recorded.first_day.strftime("%Y-%m-%d")
        kind = "minggu" if recorded.days > 1 else "hari"
        made = pantauan.own.as_of.astimezone(WIB).strftime("%H%M")
        name = f"pantauan-{pantauan.own.desk_code}-{kind}-{day}-{made}.xlsx"
        path = ExportDialog.ask(self._window, str(Path.home() / name))
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        services = self._services
        unsent = services.settings.silent_unsent_minutes

        def op() -> str:
            write_report(
                officer, pantauan, path, unsent, services.category_name, services.area_name
            )
            return str(path)

        def done(written: str) -> None:
            self._window.status.showMessage(
                self.tr("Laporan disimpan: {path}").format(path=written), 10000
            )
            self.exported.emit(written)

        self.runner.run(op, done, self.on_error)

    def stop(self) -> None:
        self.timer.stop()
        self.runner.shutdown(wait=False)
