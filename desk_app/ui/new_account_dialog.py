"""An admin adds an account: user name, name, role and a temporary password."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.accounts import Role
from desk_app.ui.i18n import shown
from desk_app.ui.password_fields import error_line, password_pair


@dataclass(frozen=True)
class NewAccount:
    username: str
    display_name: str
    role: Role
    password: str


def fill_roles(combo: QComboBox) -> None:
    """The three roles, by their translated names; the data is the Role."""
    for role in Role:
        combo.addItem(shown(role.label), role)


class NewAccountDialog(QDialog):
    """The new account's details; the password twice (checked here), the rest by the
    service (its refusal is shown in the next dialog, see AccountsFlow)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tambah akun"))
        intro = QLabel(
            self.tr(
                "Kata sandi ini sementara: pemilik akun memilih kata sandinya sendiri "
                "saat pertama kali masuk."
            )
        )
        intro.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("Nama pengguna"))
        self.display_name = QLineEdit()
        self.display_name.setAccessibleName(self.tr("Nama tampilan"))
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Peran"))
        fill_roles(self.role)
        self.password, self.repeat = password_pair(
            self.tr("Kata sandi sementara"), self.tr("Ulangi kata sandi sementara")
        )
        self.error = error_line()
        form = QFormLayout()
        for text, field in (
            (self.tr("&Nama pengguna"), self.username),
            (self.tr("Nama &tampilan"), self.display_name),
            (self.tr("&Peran"), self.role),
            (self.tr("&Kata sandi sementara (min. 8)"), self.password),
            (self.tr("&Ulangi kata sandi"), self.repeat),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Buat akun"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.on_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for edit, following in (
            (self.username, self.display_name),
            (self.display_name, self.role),
            (self.password, self.repeat),
        ):
            edit.returnPressed.connect(following.setFocus)
        self.username.setFocus()

    def on_accept(self) -> None:
        if self.password.text() != self.repeat.text():
            self.error.setText(self.tr("⚠ Kedua kata sandi tidak sama."))
            self.error.show()
            self.repeat.clear()
            self.password.setFocus()
            return
        self.accept()

    def value(self) -> NewAccount:
        return NewAccount(
            self.username.text(),
            self.display_name.text(),
            Role(self.role.currentData()),
            self.password.text(),
        )

    @classmethod
    def ask(
        cls, parent: QWidget | None, error: str = "", before: NewAccount | None = None
    ) -> NewAccount | None:
        """The new account, or None. ``error`` and ``before``: the service refused the
        last one; its details come back (not the password) with the reason."""
        dialog = cls(parent)
        if before is not None:
            dialog.username.setText(before.username)
            dialog.display_name.setText(before.display_name)
            dialog.role.setCurrentIndex(dialog.role.findData(before.role))
        if error:
            dialog.error.setText("⚠ " + error)
            dialog.error.show()
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
