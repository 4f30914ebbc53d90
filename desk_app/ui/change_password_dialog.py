"""A new password, typed twice: the officer's own at the first sign-in of a new or
reset account, or the temporary one an admin gives an account."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui.password_fields import error_line, password_pair


class NewPasswordDialog(QDialog):
    """Two password fields; OK only when both are the same (the service checks the
    rest: the length, and that a chosen password is not the temporary one)."""

    def __init__(self, username: str = "", parent: QWidget | None = None) -> None:
        """``username``: an admin gives that account a temporary password; without
        it, the signed-in officer chooses their own."""
        super().__init__(parent)
        if username:
            self.setWindowTitle(self.tr("Atur ulang kata sandi"))
            intro = self.tr(
                "Kata sandi sementara untuk {username}. Berikan kepadanya; ia memilih "
                "kata sandinya sendiri saat pertama kali masuk."
            ).format(username=username)
            ok_text = self.tr("Atur ulang")
        else:
            self.setWindowTitle(self.tr("Pilih kata sandi Anda"))
            intro = self.tr(
                "Akun ini masuk dengan kata sandi sementara dari admin. Pilih kata sandi "
                "baru yang hanya Anda ketahui, lalu ketik sekali lagi."
            )
            ok_text = self.tr("Simpan dan masuk")
        text = QLabel(intro)
        text.setWordWrap(True)
        self.password, self.repeat = password_pair(
            self.tr("Kata sandi baru"), self.tr("Ulangi kata sandi baru")
        )
        self.error = error_line(self.tr("Pesan kata sandi"))
        form = QFormLayout()
        for label_text, field in (
            (self.tr("Kata sandi &baru (min. 8)"), self.password),
            (self.tr("&Ulangi kata sandi baru"), self.repeat),
        ):
            label = QLabel(label_text)
            label.setBuddy(field)
            form.addRow(label, field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.on_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.password.returnPressed.connect(self.repeat.setFocus)
        self.password.setFocus()

    def show_error(self, message: str) -> None:
        self.error.setText("⚠ " + message)
        self.error.show()

    def on_accept(self) -> None:
        if self.password.text() != self.repeat.text():
            self.show_error(self.tr("Kedua kata sandi tidak sama."))
            self.repeat.clear()
            self.password.selectAll()
            self.password.setFocus()
            return
        self.accept()

    def value(self) -> str:
        return self.password.text()

    def _answer(self, error: str) -> str | None:
        if error:
            self.show_error(error)
        return self.value() if self.exec() == QDialog.DialogCode.Accepted else None

    @classmethod
    def ask_own(cls, parent: QWidget | None, error: str = "") -> str | None:
        """At the first sign-in: the officer's own password, or None (cancelled)."""
        return cls(parent=parent)._answer(error)

    @classmethod
    def ask_temporary(cls, parent: QWidget | None, username: str, error: str = "") -> str | None:
        """An admin's reset: a temporary password for ``username``, or None."""
        return cls(username, parent)._answer(error)
