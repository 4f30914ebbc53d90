"""The recovery key: shown to the admin (to print or save as a PDF slip) at set-up
and from the settings; typed in when the desk has lost its own key."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui.password_fields import error_line


class RecoveryKeyDialog(QDialog):
    """The key in large type, with Print and Save PDF.

    Signals:
    print_requested(): print the slip on the receipt printer.
    save_requested(): save the slip as a PDF (the flow asks where).
    """

    print_requested = Signal()
    save_requested = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kunci pemulihan data meja"))
        intro = QLabel(
            self.tr(
                "Data meja ini terenkripsi. Kuncinya tersimpan di komputer ini; bila "
                "hilang (akun Windows baru, keyring dikosongkan), hanya kunci pemulihan "
                "ini yang dapat membuka data. Cetak atau simpan sebagai PDF, lalu simpan "
                "di tempat terkunci, terpisah dari komputer meja."
            )
        )
        intro.setWordWrap(True)
        self.key = QLabel(text)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(self.font().pointSizeF() * 1.3)
        self.key.setFont(font)
        self.key.setWordWrap(True)
        self.key.setAccessibleName(self.tr("Kunci pemulihan"))
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        self.print_button = QPushButton(self.tr("&Cetak"))
        self.save_button = QPushButton(self.tr("&Simpan PDF…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Tutup"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_requested)
        self.save_button.clicked.connect(self.save_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.key)
        layout.addWidget(self.outcome)
        layout.addWidget(buttons)

    def show_result(self, message: str) -> None:
        self.outcome.setText(message)
        self.outcome.show()


class TypeRecoveryKeyDialog(QDialog):
    """The desk lost its key: says so, and takes the recovery key typed in."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kunci data meja tidak ditemukan"))
        intro = QLabel(message)
        intro.setWordWrap(True)
        self.key = QLineEdit()
        self.key.setPlaceholderText("XXXXX-XXXXX-XXXXX-…")
        self.key.setAccessibleName(self.tr("Kunci pemulihan"))
        self.error = error_line()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Buka data meja"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Kunci pemulihan")))
        layout.addWidget(self.key)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, message: str, error: str = "") -> str | None:
        dialog = cls(message, parent)
        if error:
            dialog.error.setText("⚠ " + error)
            dialog.error.show()
        return dialog.key.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
