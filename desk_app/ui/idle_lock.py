"""The desk locks itself after N idle minutes (the settings' ``lock_after_minutes``;
0: never): the pages are hidden and the signed-in officer's password is asked.
Nothing is closed or cleared: what was being typed is still there after the unlock
(and the intake form's draft is saved at the lock, as at any pause)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui.flows.words import words_for
from desk_app.ui.password_fields import error_line

if TYPE_CHECKING:
    from desk_app.ui.main_window import MainWindow

_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class LockDialog(QDialog):
    """The officer's password, to go on; or close the app. Esc does not dismiss it."""

    def __init__(self, display_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Meja terkunci"))
        intro = QLabel(
            self.tr(
                "Meja terkunci karena lama tidak dipakai. {name}, ketik kata sandi Anda "
                "untuk melanjutkan; isian yang sedang diketik tetap ada."
            ).format(name=display_name)
        )
        intro.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Kata sandi"))
        self.error = error_line()
        self.unlock_button = QPushButton(self.tr("&Buka kunci"))
        self.unlock_button.setDefault(True)
        self.quit_button = QPushButton(self.tr("&Tutup aplikasi"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.password)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._may_close = False

    def show_error(self, message: str) -> None:
        self.error.setText("⚠ " + message)
        self.error.show()
        self.password.clear()
        self.password.setFocus()
        self.unlock_button.setEnabled(True)

    def reject(self) -> None:  # Esc: stays locked
        if self._may_close:
            super().reject()

    def unlocked(self) -> None:
        self._may_close = True
        self.accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close:
            event.ignore()
            return
        super().closeEvent(event)


class IdleLock(QObject):
    """Watches the application's input; locks ``window`` after the idle minutes."""

    def __init__(self, window: MainWindow, minutes: Callable[[], int]) -> None:
        super().__init__(window)
        self._window = window
        self._minutes = minutes
        self.dialog: LockDialog | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.restart()

    @property
    def locked(self) -> bool:
        return self.dialog is not None

    def restart(self) -> None:
        """Counted again from now (any input; a change of the setting)."""
        minutes = self._minutes()
        if minutes > 0 and not self.locked:
            self.timer.start(minutes * 60_000)
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT and not self.locked:
            self.timer.start()  # the same interval, from now
        return False

    def lock(self) -> None:
        window = self._window
        officer = window.officer
        if officer is None or self.locked:
            return  # nobody signed in: nothing to protect but the sign-in page
        window.intake.save_draft()
        central = window.centralWidget()
        if central is not None:
            central.hide()  # nothing of a citizen's data stays on screen
        dialog = LockDialog(officer.display_name, window)
        dialog.unlock_button.clicked.connect(lambda: self._try(dialog))
        dialog.password.returnPressed.connect(lambda: self._try(dialog))
        dialog.quit_button.clicked.connect(self._quit)
        self.dialog = dialog
        dialog.open()
        dialog.password.setFocus()

    def _try(self, dialog: LockDialog) -> None:
        officer = self._window.officer
        if officer is None:
            return
        password = dialog.password.text()
        dialog.unlock_button.setEnabled(False)
        self._window.runner.run(
            lambda: self._window.services.accounts.sign_in(officer.username, password),
            lambda _officer: self.unlock(),
            lambda err: dialog.show_error(words_for(err)),
        )

    def unlock(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.unlocked()
            dialog.deleteLater()
        central = self._window.centralWidget()
        if central is not None:
            central.show()
        self.restart()

    def _quit(self) -> None:
        dialog = self.dialog
        if dialog is not None:
            dialog.unlocked()
        self.dialog = None
        self._window.close()
