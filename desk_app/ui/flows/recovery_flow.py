"""The recovery key for the admin: shown right after the first admin is created (the
desk's set-up) and from the settings, to print or save as a PDF slip."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desk_app.services.accounts import Officer, Role
from desk_app.ui.dialogs import FilePicker
from desk_app.ui.flows.words import words_for
from desk_app.ui.recovery_key_dialog import RecoveryKeyDialog
from desk_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from desk_app.services.recovery import RecoveryKeys
    from desk_app.ui.main_window import MainWindow


class RecoveryFlow(QObject):
    def __init__(self, window: MainWindow, recovery: RecoveryKeys, runner: TaskRunner) -> None:
        super().__init__(window)
        self._window = window
        self._recovery = recovery
        self._runner = runner
        self.dialog: RecoveryKeyDialog | None = None

    def open(self, officer: Officer | None = None) -> None:
        """For an admin: the key, read on the runner, then the dialog."""
        actor = officer or self._window.officer
        if actor is None or not actor.has(Role.ADMIN):
            return
        self._runner.run(
            lambda: self._recovery.text(actor),
            lambda text: self._show(actor, text),
            lambda err: self._window.status.showMessage("⚠ " + words_for(err)),
        )

    def _show(self, actor: Officer, text: str) -> None:
        dialog = RecoveryKeyDialog(text, self._window)
        dialog.print_requested.connect(lambda: self._print(dialog, actor, text))
        dialog.save_requested.connect(lambda: self._save(dialog, actor, text))
        self.dialog = dialog
        dialog.open()

    def _print(self, dialog: RecoveryKeyDialog, actor: Officer, text: str) -> None:
        self._runner.run(
            lambda: self._recovery.print_slip(actor, text),
            lambda _r: dialog.show_result(self.tr("Kunci pemulihan dicetak.")),
            lambda err: dialog.show_result("⚠ " + words_for(err)),
        )

    def _save(self, dialog: RecoveryKeyDialog, actor: Officer, text: str) -> None:
        chosen = FilePicker.ask_save(
            dialog, self.tr("Simpan kunci pemulihan"), "kunci-pemulihan.pdf", "PDF (*.pdf)"
        )
        if not chosen:
            return
        self._runner.run(
            lambda: self._recovery.save_pdf(actor, text, Path(chosen)),
            lambda path: dialog.show_result(self.tr("Tersimpan: {path}").format(path=str(path))),
            lambda err: dialog.show_result("⚠ " + words_for(err)),
        )
