"""First run: no account exists yet, so the first one (an admin) is created here."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui.password_fields import error_line, password_pair


@dataclass(frozen=True)
class NewAdmin:
    username: str
    display_name: str
    password: str


class FirstAdminDialog(QDialog):
    """Asks for the first admin's user name, name and password (twice)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Akun admin pertama"))
        intro = QLabel(
            self.tr(
                "Belum ada akun di meja ini. Buat akun admin pertama; "
                "akun petugas lain dibuat kemudian oleh admin."
            )
        )
        intro.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("Nama pengguna"))
        self.display_name = QLineEdit()
        self.display_name.setAccessibleName(self.tr("Nama tampilan"))
        self.password, self.repeat = password_pair(
            self.tr("Kata sandi"), self.tr("Ulangi kata sandi")
        )
        self.error = error_line()
        form = QFormLayout()
        form.addRow(self.tr("Nama pengguna"), self.username)
        form.addRow(self.tr("Nama tampilan"), self.display_name)
        form.addRow(self.tr("Kata sandi (min. 8)"), self.password)
        form.addRow(self.tr("Ulangi kata sandi"), self.repeat)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Buat akun"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def on_accept(self) -> None:
        if self.password.text() != self.repeat.text():
            self.error.setText(self.tr("⚠ Kedua kata sandi tidak sama."))
            self.error.show()
            return
        self.accept()

    def value(self) -> NewAdmin:
        return NewAdmin(self.username.text(), self.display_name.text(), self.password.text())

    @classmethod
    def ask(cls, parent: QWidget | None, error: str = "") -> NewAdmin | None:
        dialog = cls(parent)
        if error:
            dialog.error.setText("⚠ " + error)
            dialog.error.show()
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
