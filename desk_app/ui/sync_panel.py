"""The "Sinkronisasi" panel: where sync stands, what waits, what the CRM refused and
why, "Kirim sekarang", "Perbaiki" (Enter on a refused complaint: the intake form in
correction mode) and "Kirim ulang" for a refused item whose cause was fixed elsewhere.

Lists are loaded off the GUI thread through the window's TaskRunner (the one
database worker); the table models hold plain rows (:class:`OutboxLine`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from complaint_domain.complaint import WIB
from desk_app.services.accounts import Officer
from desk_app.services.sync_control import OutboxLine, SyncStatus, format_age
from desk_app.ui.i18n import shown
from desk_app.ui.sync_worker import SyncWorker

_Index = QModelIndex | QPersistentModelIndex
Run = Callable[..., Any]  # TaskRunner.run(op, on_done, on_error)


def _when(value: dt.datetime | None) -> str:
    return value.astimezone(WIB).strftime("%d-%m-%Y %H:%M") if value else "—"


class OutboxTableModel(QAbstractTableModel):
    """Rows of the outbox: waiting or refused items, as plain values."""

    def __init__(self, columns: list[tuple[str, Callable[[OutboxLine], str]]]) -> None:
        super().__init__()
        self._columns = columns
        self._rows: list[OutboxLine] = []

    def set_rows(self, rows: list[OutboxLine]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> OutboxLine | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        line = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._columns[index.column()][1](line)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section][0]
        return None


def _kind(line: OutboxLine) -> str:
    if line.kind == "complaint":
        return QCoreApplication.translate("SyncPanel", "Aduan")
    if line.kind == "visit":
        return QCoreApplication.translate("SyncPanel", "Kunjungan (kanal lain)")
    return QCoreApplication.translate("SyncPanel", "Tambahan")


class SyncPanel(QWidget):
    """Signals:
    lists_loaded(): the waiting and refused lists were (re)loaded.
    resend_done(str): the item id queued again after correction.
    open_requested(str): the officer wants to open the complaint of a row (ticket code).
    correct_requested(object): the OutboxLine of a refused complaint to correct.
    """

    lists_loaded = Signal()
    resend_done = Signal(str)
    open_requested = Signal(str)
    back_requested = Signal()
    correct_requested = Signal(object)

    def __init__(self, worker: SyncWorker, run: Run, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self._run = run
        self._officer: Officer | None = None
        self._init_widgets()
        self._add_widgets()
        self._connect_signals()
        self.on_status(worker.status())

    # -- building --------------------------------------------------------------------

    def _init_widgets(self) -> None:
        self.title = QLabel(self.tr("Sinkronisasi dengan CRM"))
        self.title.setObjectName("pageTitle")
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setObjectName("fieldError")  # themed, readable in high contrast too
        self.back = QPushButton(self.tr("&Kembali (Esc)"))
        self.back.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.send_now = QPushButton(self.tr("Kirim sekarang"))
        self.send_now.setShortcut("Ctrl+Shift+S")
        self.resend = QPushButton(self.tr("Kirim ulang yang dipilih"))
        self.resend.setEnabled(False)
        self.correct = QPushButton(self.tr("&Perbaiki… (Enter)"))
        self.correct.setAccessibleName(self.tr("Perbaiki aduan yang ditolak"))
        self.correct.setEnabled(False)
        self.waiting_label = QLabel(self.tr("Menunggu dikirim"))
        self.rejected_label = QLabel(self.tr("Ditolak CRM — perbaiki, lalu kirim ulang"))
        self.waiting_model = OutboxTableModel(
            [
                (self.tr("Kode tiket"), lambda r: r.ticket_code),
                (self.tr("Jenis"), _kind),
                (self.tr("Dicatat"), lambda r: _when(r.created_at)),
                (self.tr("Percobaan"), lambda r: str(r.attempts)),
            ]
        )
        self.rejected_model = OutboxTableModel(
            [
                (self.tr("Kode tiket"), lambda r: r.ticket_code),
                (self.tr("Jenis"), _kind),
                (self.tr("Kode"), lambda r: r.error_code),
                (self.tr("Bagian"), lambda r: r.error_field),
                (self.tr("Alasan CRM"), lambda r: shown(r.reason)),
            ]
        )
        self.waiting_view = self._table(self.waiting_model)
        self.rejected_view = self._table(self.rejected_model)
        context = Qt.ShortcutContext.WidgetShortcut
        self.correct_shortcuts = [
            QShortcut(QKeySequence(key), self.rejected_view, context=context)
            for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ]

    @staticmethod
    def _table(model: OutboxTableModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.verticalHeader().hide()
        return view

    def _add_widgets(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.send_now)
        top.addWidget(self.back)
        layout.addLayout(top)
        layout.addWidget(self.state)
        layout.addWidget(self.error)
        layout.addWidget(self.waiting_label)
        layout.addWidget(self.waiting_view, 2)
        row = QHBoxLayout()
        row.addWidget(self.rejected_label, 1)
        row.addWidget(self.correct)
        row.addWidget(self.resend)
        layout.addLayout(row)
        layout.addWidget(self.rejected_view, 1)

    def _connect_signals(self) -> None:
        self.send_now.clicked.connect(self.worker.sync_now)
        self.back.clicked.connect(self.back_requested)
        self.resend.clicked.connect(self.on_resend)
        self.correct.clicked.connect(self.on_correct)
        for shortcut in self.correct_shortcuts:
            shortcut.activated.connect(self.on_correct)
        self.worker.connect_event("status", self.on_status)
        self.rejected_view.selectionModel().selectionChanged.connect(self.on_selection)
        self.rejected_view.doubleClicked.connect(self.on_open_rejected)
        self.waiting_view.doubleClicked.connect(self.on_open_waiting)

    # -- slots -----------------------------------------------------------------------

    def set_officer(self, officer: Officer | None) -> None:
        self._officer = officer
        self.on_selection()

    def reload(self) -> None:
        control = self.worker.control
        self._run(lambda: (control.waiting(), control.rejected()), self.on_lists)

    def on_lists(self, lists: tuple[list[OutboxLine], list[OutboxLine]]) -> None:
        waiting, rejected = lists
        self.waiting_model.set_rows(waiting)
        self.rejected_model.set_rows(rejected)
        self.waiting_label.setText(self.tr("Menunggu dikirim ({n})").format(n=len(waiting)))
        self.rejected_label.setText(
            self.tr("Ditolak CRM — perbaiki, lalu kirim ulang ({n})").format(n=len(rejected))
        )
        for view in (self.waiting_view, self.rejected_view):
            view.resizeColumnsToContents()
        self.on_selection()
        self.lists_loaded.emit()

    def on_status(self, status: SyncStatus) -> None:
        lines = [shown(status.text)]
        if status.next_retry_at is not None and not status.needs_enrolment:
            lines.append(
                self.tr("Dicoba lagi {when} (percobaan ke-{n} berturut-turut gagal)").format(
                    when=status.next_retry_at.astimezone(WIB).strftime("%H:%M:%S"),
                    n=status.failures_in_a_row,
                )
            )
        self.state.setText("\n".join(lines))
        error = shown(status.last_error)
        if status.needs_attention and not status.needs_enrolment:
            age = shown(format_age(status.oldest_waiting_age_s or 0))
            error = self.tr(
                "Perhatian: pengiriman gagal terus ({error}). Data aman di komputer ini; "
                "yang tertua menunggu {age}. Hubungi petugas TI bila berlanjut."
            ).format(error=error, age=age)
        self.error.setText(error)
        self.error.setVisible(bool(error))
        self.send_now.setEnabled(status.phase not in ("pushing", "pulling"))
        if status.phase in ("idle", "retry_wait"):
            self.reload()

    def on_selection(self, *_args: object) -> None:
        line = self._selected()
        self.resend.setEnabled(self._officer is not None and line is not None)
        self.correct.setEnabled(
            self._officer is not None and line is not None and line.kind == "complaint"
        )

    def _selected(self) -> OutboxLine | None:
        rows = self.rejected_view.selectionModel().selectedRows()
        return self.rejected_model.row_at(rows[0].row()) if rows else None

    def on_resend(self) -> None:
        line, officer = self._selected(), self._officer
        if line is None or officer is None:
            return
        control = self.worker.control
        item_id = line.item_id

        def done(_: object) -> None:
            self.resend_done.emit(item_id)
            self.reload()

        self._run(lambda: control.resend(officer, item_id), done)

    def on_correct(self) -> None:
        """Only a complaint's own intake fields can be corrected; a refused addition
        goes again with "Kirim ulang" (or with its complaint's correction)."""
        line = self._selected()
        if line is None or self._officer is None or line.kind != "complaint":
            return
        self.correct_requested.emit(line)

    def on_open_rejected(self, index: QModelIndex) -> None:
        line = self.rejected_model.row_at(index.row())
        if line is not None:
            self.open_requested.emit(line.ticket_code)

    def on_open_waiting(self, index: QModelIndex) -> None:
        line = self.waiting_model.row_at(index.row())
        if line is not None:
            self.open_requested.emit(line.ticket_code)
