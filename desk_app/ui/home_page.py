"""The desk home: new complaint, find, today's list and the receipts still to print."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui.complaint_list_view import ComplaintListView
from desk_app.ui.complaint_table import ComplaintTableModel, SummaryLike
from desk_app.ui.flow_layout import FlowLayout
from desk_app.ui.update_note import UpdateNoteLabel


class HomePage(QWidget):
    """Signals:
    new_requested(): "Aduan baru".
    find_requested(): "Cari aduan".
    open_requested(str): a complaint id from today's list.
    reprint_requested(str): a complaint id from the "to print" list.
    sync_requested(): "Sinkronisasi" (the waiting and refused items).
    settings_requested(): "Pengaturan" (admins only).
    accounts_requested(): "Akun" (admins only).
    pantauan_requested(): "Pantauan" (supervisors and admins).
    queue_requested(): "Antrean" (the visitor queue's controls).
    """

    new_requested = Signal()
    find_requested = Signal()
    sync_requested = Signal()
    settings_requested = Signal()
    accounts_requested = Signal()
    pantauan_requested = Signal()
    open_requested = Signal(str)
    reprint_requested = Signal(str)
    queue_requested = Signal()

    def __init__(self, area_name: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._init_widgets(area_name)
        self._connect_signals()

    def _init_widgets(self, area_name: Callable[[str], str]) -> None:
        self.new_button = QPushButton(self.tr("Aduan &baru  (Ctrl+N)"))
        self.new_button.setAccessibleName(self.tr("Aduan baru"))
        self.find_button = QPushButton(self.tr("&Cari aduan  (Ctrl+F)"))
        self.find_button.setAccessibleName(self.tr("Cari aduan"))
        for b in (self.new_button, self.find_button):
            # From the font, not from sizeHint(): the page may be built before the
            # theme's style sheet applies (theme.styled_afterwards), and it follows the
            # font scale.
            b.setMinimumHeight(b.fontMetrics().height() * 4)
        self.sync_button = QPushButton(self.tr("&Sinkronisasi  (Ctrl+K)"))
        self.sync_button.setAccessibleName(self.tr("Sinkronisasi dengan CRM"))
        self.settings_button = QPushButton(self.tr("&Pengaturan"))
        self.settings_button.setAccessibleName(self.tr("Pengaturan meja"))
        self.settings_button.hide()  # shown to admins only
        self.accounts_button = QPushButton(self.tr("&Akun"))  # short: the row fits at 200 %
        self.accounts_button.setAccessibleName(self.tr("Akun petugas"))
        self.accounts_button.setToolTip(self.tr("Akun petugas (Ctrl+U)"))
        self.accounts_button.hide()  # shown to admins only
        self.pantauan_button = QPushButton(self.tr("Pan&tauan"))
        self.pantauan_button.setAccessibleName(self.tr("Pantauan koordinator"))
        self.pantauan_button.setToolTip(self.tr("Semua meja di lokasi ini (Ctrl+P)"))
        self.pantauan_button.hide()  # shown to supervisors and admins only
        # The buttons wrap onto a second line rather than widen the window past the
        # screen (at 200 % they took 1 250 px); sync and settings keep to the right.
        more = QWidget()
        more_row = QHBoxLayout(more)
        more_row.setContentsMargins(0, 0, 0, 0)
        more_row.addWidget(self.sync_button)
        more_row.addWidget(self.pantauan_button)
        more_row.addWidget(self.accounts_button)
        more_row.addWidget(self.settings_button)
        buttons = FlowLayout(last_to_the_right=True)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.find_button)
        self.queue_button = QPushButton(self.tr("A&ntrean  (F4)"))
        self.queue_button.setAccessibleName(self.tr("Antrean pengunjung"))
        buttons.addWidget(self.queue_button)
        buttons.addWidget(more)
        # How many wait and the longest wait now (the queue flow fills it in).
        self.queue_line = QLabel()
        self.queue_line.setWordWrap(True)
        self.queue_line.hide()

        self.today_model = ComplaintTableModel(area_name, self)
        self.today_view = ComplaintListView(self.today_model)
        self.today_view.setAccessibleName(self.tr("Aduan hari ini"))
        self.today_label = QLabel(self.tr("Aduan hari ini"))
        self.today_label.setObjectName("pageTitle")
        self.today_label.setBuddy(self.today_view)

        self.print_model = ComplaintTableModel(area_name, self)
        self.print_view = ComplaintListView(self.print_model)
        self.print_view.setAccessibleName(self.tr("Tanda terima belum dicetak"))
        self.print_label = QLabel(self.tr("Tanda terima belum dicetak (Enter: cetak ulang)"))
        self.print_label.setObjectName("pageTitle")
        self.print_label.setBuddy(self.print_view)
        self.print_view.setMaximumHeight(self.print_view.fontMetrics().height() * 10)  # ~4 rows

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.queue_line)
        layout.addWidget(self.today_label)
        layout.addWidget(self.today_view, 3)
        layout.addWidget(self.print_label)
        layout.addWidget(self.print_view, 1)
        self.update_note = UpdateNoteLabel()  # a newer desk release: one quiet line
        layout.addWidget(self.update_note)

    def _connect_signals(self) -> None:
        self.new_button.clicked.connect(self.new_requested)
        self.find_button.clicked.connect(self.find_requested)
        self.queue_button.clicked.connect(self.queue_requested)
        self.sync_button.clicked.connect(self.sync_requested)
        self.settings_button.clicked.connect(self.settings_requested)
        self.accounts_button.clicked.connect(self.accounts_requested)
        self.pantauan_button.clicked.connect(self.pantauan_requested)
        self.today_view.open_requested.connect(self.open_requested)
        self.print_view.open_requested.connect(self.reprint_requested)

    def set_queue_line(self, text: str) -> None:
        self.queue_line.setText(text)
        self.queue_line.setVisible(bool(text))

    def set_today(self, rows: Sequence[SummaryLike]) -> None:
        self.today_model.set_rows(rows)
        self.today_label.setText(self.tr("Aduan hari ini: %n", "", len(rows)))

    def set_to_print(self, rows: Sequence[SummaryLike]) -> None:
        self.print_model.set_rows(rows)
        visible = bool(rows)
        self.print_label.setVisible(visible)
        self.print_view.setVisible(visible)
