"""The display screen (*layar antrean*, ``desk-app display``): a full-screen window
for a second monitor. The number being called now with its desk and the words of
the call (in type at least a tenth of the screen's height), the last four called,
how many wait. A new call rings the chime and is said twice. Numbers only."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from desk_app.ui.queue.voice import Announcer

BACKGROUND = "#0b2545"


def _label(text: str = "", color: str = "white", bold: bool = True) -> QLabel:
    label = QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {color}; background: transparent;")
    font = label.font()
    font.setBold(bold)
    label.setFont(font)
    return label


class DisplayScreen(QWidget):
    """Shows a board (``crm_server``'s ``/api/v1/queue/board`` answer, or the desk's
    own while offline). Sizes follow the window's height, so one layout serves
    1366×768 and 1920×1080 alike."""

    def __init__(self, announcer: Announcer | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Layar antrean"))
        self.setStyleSheet(f"background: {BACKGROUND};")
        self.setAutoFillBackground(True)
        self._announcer = announcer or Announcer(self)
        self._seen: set[str] = set()
        self._first = True
        self._init_widgets()

    def _init_widgets(self) -> None:
        self.title = _label(self.tr("Antrean"))
        self.caption = _label(self.tr("Nomor dipanggil"), "#0b2545")
        self.number = _label("–", "#0b2545")
        self.desk = _label("", "#8d0801")
        self.words = _label("", "#0b2545", bold=False)
        now = QFrame()
        now.setStyleSheet("background: white; border-radius: 16px;")
        box = QVBoxLayout(now)
        for w in (self.caption, self.number, self.desk, self.words):
            box.addWidget(w)
        self.recent_title = _label(self.tr("Terakhir dipanggil"))
        self.recent = [_label("", "white") for _ in range(4)]
        side = QVBoxLayout()
        side.addWidget(self.recent_title)
        for r in self.recent:
            side.addWidget(r)
        side.addStretch()
        self.waiting = _label("")
        grid = QGridLayout(self)
        grid.addWidget(self.title, 0, 0, 1, 2)
        grid.addWidget(now, 1, 0)
        grid.addLayout(side, 1, 1)
        grid.addWidget(self.waiting, 2, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(1, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        h = max(event.size().height(), 300)
        sizes = {
            self.number: 0.20,  # the rule asks at least a tenth of the screen's height
            self.desk: 0.08,
            self.caption: 0.045,
            self.words: 0.032,
            self.title: 0.045,
            self.recent_title: 0.045,
            self.waiting: 0.05,
            **{r: 0.065 for r in self.recent},
        }
        for label, share in sizes.items():
            font = QFont(label.font())
            font.setPixelSize(int(h * share))
            label.setFont(font)
        super().resizeEvent(event)

    def show_board(self, board: dict[str, Any]) -> None:
        self.title.setText(self.tr("Antrean {site}").format(site=board.get("site", "")))
        calling = board.get("calling", [])
        if calling:
            first = calling[0]
            self.number.setText(first["number"])
            self.desk.setText(self.tr("Meja {desk}").format(desk=first["desk"]))
            self.words.setText(first["words"])
        else:
            self.number.setText("–")
            self.desk.setText("")
            self.words.setText(self.tr("Belum ada panggilan"))
        for label, item in zip(self.recent, [*board.get("recent", []), *[None] * 4], strict=False):
            label.setText(self.tr("{number}  ·  Meja {desk}").format(**item) if item else "")
        self.waiting.setText(
            self.tr("Menunggu: {n} orang  ·  Tunggu terlama: {m} menit").format(
                n=board.get("waiting", 0), m=board.get("longest_wait_minutes", 0)
            )
        )
        for call in calling:
            if call["call"] not in self._seen:
                self._seen.add(call["call"])
                if not self._first:
                    self._announcer.announce(call["words"])
        self._first = False
