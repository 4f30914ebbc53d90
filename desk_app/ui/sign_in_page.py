"""The sign-in screen the window opens with.

It is the first thing on screen, so it avoids ``PySide6.QtCore.Qt``: creating that
namespace costs about 12 ms (PySide6 6.11), a tenth of a bare window's start. The
loader thread pays it instead, behind this page. Centring is done with stretches and
the labels' alignment through the style sheet.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class SignInPage(QWidget):
    """User name and password; Enter in the password field signs in.

    Signals:
        sign_in_requested(str, str): user name and password, when the officer submits.
    """

    sign_in_requested = Signal(str, str)

    def __init__(self, site_name: str, desk_code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInPage")
        self._init_widgets(site_name, desk_code)
        self._connect_signals()

    def _init_widgets(self, site_name: str, desk_code: str) -> None:
        title = QLabel(self.tr("Meja Aduan"))
        title.setObjectName("pageTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        title.setFont(font)
        place = QLabel(self.tr("{site} — meja {desk}").format(site=site_name, desk=desk_code))
        for label in (title, place):
            label.setStyleSheet("qproperty-alignment: AlignCenter;")

        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("Nama pengguna"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Kata sandi"))
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Pesan masuk"))
        self.error.hide()
        self.submit = QPushButton(self.tr("&Masuk"))
        self.submit.setAccessibleName(self.tr("Masuk"))
        self.submit.setDefault(True)

        form = QFormLayout()
        for text, field in (
            (self.tr("&Nama pengguna"), self.username),
            (self.tr("&Kata sandi"), self.password),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)

        box = QWidget()
        box.setMaximumWidth(560)
        inner = QVBoxLayout(box)
        inner.addWidget(title)
        inner.addWidget(place)
        inner.addSpacing(12)
        inner.addLayout(form)
        inner.addWidget(self.error)
        inner.addWidget(self.submit)

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 3)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.submit)

    def _connect_signals(self) -> None:
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.on_submit)
        self.submit.clicked.connect(self.on_submit)

    def on_submit(self) -> None:
        if not self.username.text().strip():
            self.show_error(self.tr("⚠ Isi nama pengguna."))
            self.username.setFocus()
            return
        self.set_busy(True)
        self.sign_in_requested.emit(self.username.text(), self.password.text())

    def set_busy(self, busy: bool) -> None:
        for w in (self.username, self.password, self.submit):
            w.setEnabled(not busy)

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.error.setText(message if message.startswith("⚠") else "⚠ " + message)
        self.error.show()
        self.password.clear()
        self.password.setFocus()

    def reset(self) -> None:
        self.set_busy(False)
        self.error.hide()
        self.password.clear()
        (self.password if self.username.text() else self.username).setFocus()
