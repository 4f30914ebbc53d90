"""The enrolment flow: this desk enrolled with the CRM from the settings dialog, and
the officer told when the CRM needs it (never enrolled, or its token refused)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desk_app.services.sync_control import SyncControl
from desk_app.ui.flows.words import words_for
from desk_app.ui.i18n import shown
from desk_app.ui.settings_dialog import SettingsDialog
from desk_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    # Not at start: the enrolment module brings the HTTP stack (~60 ms to import).
    from desk_app.services.enrolment import EnrolmentResult
    from desk_app.ui.main_window import MainWindow


class EnrolmentFlow(QObject):
    """Enrols the desk on the worker and reports in the dialog and the status bar.

    Signals:
    enrolled(object): the EnrolmentResult, once the CRM accepted the desk.
    """

    enrolled = Signal(object)

    def __init__(self, window: MainWindow, sync: SyncControl, runner: TaskRunner) -> None:
        super().__init__(window)
        self._window = window
        self._sync = sync
        self._runner = runner

    def enrol(self, dialog: SettingsDialog, url: str, code: str, ca_file: str) -> None:
        officer = self._window.officer
        if officer is None:
            return
        self._runner.run(
            lambda: self._sync.enrol(officer, url, code, ca_file),
            lambda result: self.on_enrolled(dialog, result),
            lambda err: dialog.show_result(words_for(err), False),
        )

    def on_enrolled(self, dialog: SettingsDialog, result: EnrolmentResult) -> None:
        text = self.tr("Meja {desk} terdaftar di CRM ({site}).").format(
            desk=result.desk_code, site=result.site
        )
        dialog.set_desk_code(result.desk_code)
        dialog.show_result(f"{text} {shown(result.warning)}".strip(), True)
        self._window.status.set_desk(result.desk_code, self._window.services.settings.site_name)
        self.enrolled.emit(result)

    def on_needs_enrolment(self) -> None:
        # A refused token comes with the CRM's reason; a desk never enrolled has none.
        if self._sync.status().last_error:
            message = self.tr(
                "⚠ CRM menolak token meja ini. Admin perlu mendaftarkan meja lagi (Pengaturan)."
            )
        else:
            message = self.tr(
                "Meja ini belum terdaftar di CRM: aduan tetap tersimpan dan dikirim setelah "
                "admin mendaftarkan meja (Pengaturan)."
            )
        self._window.status.showMessage(message, 30000)
