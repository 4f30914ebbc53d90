"""The officer's queue controls: take a number (F2, with a printed slip), call next
(F5), recall (F6), no-show, reinstate, transfer, start serving (the intake form opens,
or the complaint itself for a returning citizen) and finish; the line "how many wait
and the longest wait now". Every call to the queue runs off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from complaint_domain.queue import PRIORITIES
from desk_app.services.queue import QueueService, QueueSummary, QueueTicket
from desk_app.ui.flow_layout import FlowLayout
from desk_app.ui.i18n import shown

Run = Callable[[Callable[[], Any], Callable[[Any], None]], object]


class QueueControls(QWidget):
    """Signals:
    serve_requested(object): start serving this QueueTicket: open the intake form.
    follow_up_requested(str): start serving a returning citizen: open this ticket code.
    slip_requested(object): print the slip of this newly issued QueueTicket.
    """

    serve_requested = Signal(object)
    follow_up_requested = Signal(str)
    slip_requested = Signal(object)

    def __init__(
        self,
        queue: QueueService,
        run: Run,
        officer: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._queue, self._run, self._officer = queue, run, officer
        self.ticket: QueueTicket | None = None
        self._init_widgets()
        self._init_shortcuts()
        self._show_ticket()

    def _init_widgets(self) -> None:
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        issue = QGroupBox(self.tr("Ambil nomor"))
        self.priority = QComboBox()
        self.priority.setAccessibleName(self.tr("Prioritas"))
        self.priority.addItem(self.tr("Umum"), "")
        for key, label in PRIORITIES.items():
            self.priority.addItem(shown(label), key)
        self.seat_call = QCheckBox(self.tr("Panggil di tempat duduk"))
        self.receipt = QLineEdit()
        self.receipt.setPlaceholderText(self.tr("Pindai tanda terima (kunjungan ulang)"))
        self.receipt.setAccessibleName(self.tr("Kode tiket aduan"))
        self.receipt.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 26)
        self.issue_button = QPushButton(self.tr("Ambil nomor (F2)"))
        issue_box = FlowLayout(issue)
        for w in (self.priority, self.seat_call, self.receipt, self.issue_button):
            issue_box.addWidget(w)
        self.current = QLabel()
        self.current.setWordWrap(True)
        font = self.current.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.current.setFont(font)
        self.to_desk = QLineEdit()
        self.to_desk.setPlaceholderText(self.tr("Kode meja"))
        self.to_desk.setAccessibleName(self.tr("Pindah ke meja"))
        self.to_desk.setMaximumWidth(160)
        self.buttons: dict[str, QPushButton] = {
            "call": QPushButton(self.tr("Panggil berikutnya (F5)")),
            "recall": QPushButton(self.tr("Panggil ulang (F6)")),
            "no-show": QPushButton(self.tr("Tidak hadir")),
            "reinstate": QPushButton(self.tr("Pulihkan")),
            "transfer": QPushButton(self.tr("Pindahkan")),
            "start": QPushButton(self.tr("Mulai layani")),
            "finish": QPushButton(self.tr("Selesai")),
        }
        actions = FlowLayout()
        for name, button in self.buttons.items():
            actions.addWidget(button)
            if name == "transfer":
                actions.addWidget(self.to_desk)
        self.message = QLabel()
        self.message.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(issue)
        box.addWidget(self.current)
        box.addLayout(actions)
        box.addWidget(self.message)
        box.addStretch()
        self.issue_button.clicked.connect(self.on_issue)
        self.receipt.returnPressed.connect(self.on_issue)
        self.buttons["call"].clicked.connect(self.on_call_next)
        for name in ("recall", "no-show", "reinstate", "transfer", "start", "finish"):
            self.buttons[name].clicked.connect(lambda _=False, n=name: self.on_step(n))

    def _init_shortcuts(self) -> None:
        for key, slot in (
            ("F2", self.on_issue),
            ("F5", self.on_call_next),
            ("F6", lambda: self.on_step("recall")),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(slot)

    # ------------------------------------------------------------------ slots

    def on_issue(self) -> None:
        priority, seat = self.priority.currentData(), self.seat_call.isChecked()
        code = self.receipt.text().strip().upper()
        self._run(lambda: self._queue.issue(priority, seat, code), self._issued)

    def _issued(self, ticket: QueueTicket) -> None:
        self.receipt.clear()
        self.seat_call.setChecked(False)
        self.priority.setCurrentIndex(0)
        self.message.setText(self.tr("Nomor {number} diberikan.").format(number=ticket.number))
        self.slip_requested.emit(ticket)
        self.refresh()

    def on_call_next(self) -> None:
        officer = self._officer()
        self._run(lambda: self._queue.call_next(officer), self._called)

    def _called(self, ticket: QueueTicket | None) -> None:
        self.ticket = ticket
        if ticket is None:
            self.message.setText(self.tr("Tidak ada yang menunggu."))
        self._show_ticket()
        self.refresh()

    def on_step(self, action: str) -> None:
        ticket = self.ticket
        if ticket is None:
            return
        officer, to_desk = self._officer(), self.to_desk.text().strip().upper()
        self._run(lambda: self._queue.act(ticket, action, officer, to_desk), self._stepped)

    def _stepped(self, ticket: QueueTicket) -> None:
        self.ticket = None if ticket.state in ("done", "waiting") else ticket
        if ticket.state == "serving":
            if ticket.follow_up and ticket.complaint_code:
                self.follow_up_requested.emit(ticket.complaint_code)
            else:
                self.serve_requested.emit(ticket)
        self._show_ticket()
        self.refresh()

    def refresh(self) -> None:
        self._run(self._queue.summary, self.show_summary)

    def show_summary(self, summary: QueueSummary) -> None:
        text = self.tr("Menunggu: {n} orang · tunggu terlama {m} menit").format(
            n=summary.waiting, m=summary.longest_wait_minutes
        )
        if summary.offline:
            text += " · " + self.tr("CRM tidak terjangkau: antrean meja ini sendiri")
        self.summary.setText(text)

    def _show_ticket(self) -> None:
        t = self.ticket
        if t is None:
            self.current.setText(self.tr("Belum ada nomor dipanggil"))
        else:
            parts = [t.number]
            if t.priority:
                parts.append(shown(PRIORITIES[t.priority]))
            if t.seat_call:
                parts.append(self.tr("panggil di tempat duduk"))
            if t.follow_up:
                parts.append(self.tr("kunjungan ulang {code}").format(code=t.complaint_code))
            self.current.setText(" · ".join(parts))
        state = t.state if t else ""
        enabled = {
            "recall": state == "called",
            "no-show": state == "called" and t is not None and t.call_count >= 2,
            "reinstate": state == "no_show",
            "transfer": state in ("called", "serving"),
            "start": state == "called",
            "finish": state == "serving",
        }
        for name, on in enabled.items():
            self.buttons[name].setEnabled(on)
        self.to_desk.setEnabled(enabled["transfer"])
