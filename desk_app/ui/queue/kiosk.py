"""The self-check kiosk (``desk-app kiosk``): a full-screen page at the entrance for
citizens without a phone. Scan the receipt's QR (a keyboard-wedge scanner types the
text and Enter) or type the ticket code on the large keypad; the status appears in
very large plain Indonesian and is read aloud where a voice exists; back to the
start after 30 seconds. No personal data is ever shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.kiosk import KioskStatus
from desk_app.ui.i18n import shown
from desk_app.ui.queue.voice import Announcer

RESET_MS = 30_000
KEYS = "1234567890ABCDEFGHJKMNPQRSTUVWXYZ-"


def _big(text: str = "", px: int = 48, bold: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    font = QFont(label.font())
    font.setPixelSize(px)
    font.setBold(bold)
    label.setFont(font)
    return label


class KioskScreen(QWidget):
    """``check(text, on_done)`` looks the status up off the GUI thread and calls
    ``on_done(KioskStatus | None)`` on it (the window passes a TaskRunner's)."""

    def __init__(
        self,
        check: Callable[[str, Callable[[KioskStatus | None], None]], None],
        announcer: Announcer | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cek status aduan"))
        self.setStyleSheet("background: #fffdf5; color: #111;")
        self._check = check
        self._announcer = announcer or Announcer(self)
        self._reset = QTimer(self)
        self._reset.setSingleShot(True)
        self._reset.setInterval(RESET_MS)
        self._reset.timeout.connect(self.reset)
        self.pages = QStackedWidget(self)
        QVBoxLayout(self).addWidget(self.pages)
        self.pages.addWidget(self._start_page())
        self.pages.addWidget(self._answer_page())

    def _start_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(_big(self.tr("Cek status aduan Anda"), 56))
        box.addWidget(
            _big(self.tr("Pindai kode QR pada tanda terima, atau ketik kode tiket."), 32, False)
        )
        self.entry = QLineEdit()
        self.entry.setAccessibleName(self.tr("Kode tiket"))
        font = QFont(self.entry.font())
        font.setPixelSize(44)
        self.entry.setFont(font)
        self.entry.returnPressed.connect(self.on_submit)
        box.addWidget(self.entry)
        keys = QGridLayout()
        for i, key in enumerate(KEYS):
            button = QPushButton(key)
            button.setMinimumSize(64, 64)
            button.setFont(font)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self.entry.insert(k))
            keys.addWidget(button, i // 12, i % 12)
        box.addLayout(keys)
        row = QHBoxLayout()
        for text, slot in (
            (self.tr("Hapus"), self.entry.backspace),
            (self.tr("Cek"), self.on_submit),
        ):
            button = QPushButton(text)
            button.setMinimumHeight(72)
            button.setFont(font)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            row.addWidget(button)
        box.addLayout(row)
        return page

    def _answer_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        self.code = _big("", 36, False)
        self.state = _big("", 96)
        self.next_step = _big("", 40, False)
        self.when = _big("", 40, False)
        self.late = _big("", 40)
        self.late.setStyleSheet("color: #8d0801;")
        for w in (self.code, self.state, self.next_step, self.when, self.late):
            box.addWidget(w)
        back = QPushButton(self.tr("Kembali"))
        back.setMinimumHeight(72)
        back.setFont(self.entry.font())
        back.clicked.connect(self.reset)
        box.addWidget(back)
        return page

    def reset(self) -> None:
        self.entry.clear()
        self.pages.setCurrentIndex(0)
        self.entry.setFocus()

    def on_submit(self) -> None:
        text = self.entry.text().strip()
        if text:
            self._check(text, self.show_status)

    def show_status(self, status: KioskStatus | None) -> None:
        self.pages.setCurrentIndex(1)
        self._reset.start()
        if status is None:
            self.code.setText("")
            self.state.setText(self.tr("Tidak ditemukan"))
            self.next_step.setText(
                self.tr("Periksa kode pada tanda terima, atau tanyakan kepada petugas.")
            )
            self.when.setText("")
            self.late.setText("")
            self._announcer.say(self.state.text())
            return
        self.code.setText(self.tr("Aduan {code}").format(code=status.ticket_code))
        self.state.setText(shown(status.label))
        self.next_step.setText(shown(status.next_step))
        if status.as_of is not None:
            when = self.tr("Status terakhir yang diketahui meja ini, per {date}.").format(
                date=status.as_of.strftime("%d-%m-%Y")
            )
        elif status.due is not None:
            when = self.tr("Langkah berikutnya paling lambat {date}.").format(
                date=status.due.strftime("%d-%m-%Y")
            )
        else:
            when = ""
        self.when.setText(when)
        self.late.setText(
            self.tr(
                "Aduan ini terlambat dari batas waktunya. Mohon maaf; petugas kami dapat membantu."
            )
            if status.late
            else ""
        )
        self._announcer.say(
            " ".join(t for t in (self.state.text(), self.next_step.text(), self.late.text()) if t)
        )
