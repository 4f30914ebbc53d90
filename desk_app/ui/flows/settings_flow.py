"""The settings flow (admins): the dialog, its test page, and saving: the theme, the
sync interval and the status bar follow at once, a new language rebuilds the pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from desk_app.services.accounts import Role
from desk_app.services.receipts import ReceiptService
from desk_app.services.root import DeskServices
from desk_app.services.settings import Settings
from desk_app.ui.flows.enrolment_flow import EnrolmentFlow
from desk_app.ui.flows.words import words_for
from desk_app.ui.settings_dialog import SettingsDialog
from desk_app.ui.tasks import TaskRunner
from desk_app.ui.theme import apply_theme

if TYPE_CHECKING:
    from desk_app.ui.main_window import MainWindow


class SettingsFlow(QObject):
    """The settings dialog, from its opening to the saved settings.

    Signals:
    saved(object): the Settings an admin saved.
    language_changed(str): the saved settings chose another language.
    recovery_requested(): the admin asked for the recovery key.
    """

    saved = Signal(object)
    language_changed = Signal(str)
    recovery_requested = Signal()

    def __init__(
        self,
        window: MainWindow,
        services: DeskServices,
        enrolment: EnrolmentFlow,
        runner: TaskRunner,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self._receipts: ReceiptService = services.receipts
        self._enrolment = enrolment
        self._runner = runner
        self.dialog: SettingsDialog | None = None

    def open(self) -> None:
        """The dialog, for an admin (nobody else sees the button)."""
        officer = self._window.officer
        if officer is None or not officer.has(Role.ADMIN):
            return
        dialog = SettingsDialog(self._services.settings, self._window)
        dialog.test_page_requested.connect(self.on_test_page_requested)
        dialog.enrol_requested.connect(
            lambda url, code, ca_file: self._enrolment.enrol(dialog, url, code, ca_file)
        )
        dialog.recovery_key_requested.connect(self.recovery_requested)
        dialog.accepted.connect(lambda: self.on_settings_accepted(dialog.edited()))
        self.dialog = dialog
        dialog.open()

    def on_test_page_requested(self, edited: Settings) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        self._runner.run(
            lambda: self._receipts.print_test_page(edited),
            lambda label: dialog.show_result(
                self.tr("Halaman uji dikirim ke {printer}.").format(printer=label), True
            ),
            lambda err: dialog.show_result(words_for(err), False),
        )

    def on_settings_accepted(self, edited: Settings) -> None:
        window = self._window
        officer = window.officer
        if officer is None:
            return
        language_before = self._services.settings.language

        def saved(_r: object) -> None:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, edited.font_scale, edited.high_contrast)
            self._services.sync.set_interval(edited.sync_interval_s)
            window.status.set_desk(edited.desk_code, edited.site_name)
            if edited.language != language_before:
                self.language_changed.emit(edited.language)
            window.status.showMessage(self.tr("Pengaturan tersimpan."), 15000)
            self.saved.emit(edited)

        self._runner.run(
            lambda: self._services.save_settings(officer, edited),
            saved,
            lambda err: window.status.showMessage("⚠ " + words_for(err)),
        )
