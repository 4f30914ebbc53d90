"""Find a complaint: one box for a ticket code (typed, or a receipt QR scanned by a
USB scanner that types the URL and Enter), a NIK, a phone number, a name or words."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desk_app.services.accounts import Officer
from desk_app.services.lookup import LookupService, MatchedBy, SearchResult
from desk_app.ui.complaint_list_view import ComplaintListView
from desk_app.ui.complaint_table import ComplaintTableModel
from desk_app.ui.i18n import shown
from desk_app.ui.tasks import TaskRunner


class SearchPage(QWidget):
    """Signals:
    open_requested(str): a complaint id to show (a single ticket match opens at once).
    results_shown(int): how many results are listed.
    back_requested(): Esc or "Kembali".
    """

    open_requested = Signal(str)
    results_shown = Signal(int)
    back_requested = Signal()

    def __init__(
        self,
        lookup: LookupService,
        runner: TaskRunner,
        area_name: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._lookup = lookup
        self._runner = runner
        self._officer: Officer | None = None
        self._init_widgets(area_name)
        self._connect_signals()

    def _init_widgets(self, area_name: Callable[[str], str]) -> None:
        title = QLabel(self.tr("Cari aduan"))
        title.setObjectName("pageTitle")
        self.box = QLineEdit()
        self.box.setAccessibleName(self.tr("Kotak pencarian"))
        self.box.setPlaceholderText(
            self.tr("Nomor tiket, pindai QR tanda terima, NIK, telepon, nama atau kata")
        )
        self.box.setClearButtonEnabled(True)
        self.go = QPushButton(self.tr("Cari (Enter)"))
        self.go.setAccessibleName(self.tr("Cari"))
        label = QLabel(self.tr("&Cari:"))
        label.setBuddy(self.box)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.box, 1)
        row.addWidget(self.go)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Hasil pencarian"))
        self.model = ComplaintTableModel(area_name, self)
        self.results = ComplaintListView(self.model)
        self.results.setAccessibleName(self.tr("Daftar hasil"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self.back_button = QPushButton(self.tr("&Kembali (Esc)"))
        self.back_button.setAccessibleName(self.tr("Kembali"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        layout.addLayout(buttons)
        self.setFocusProxy(self.box)
        self._escape = QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

    def _connect_signals(self) -> None:
        self.box.returnPressed.connect(self.on_search)
        self.go.clicked.connect(self.on_search)
        self.results.open_requested.connect(self.open_requested)
        self.back_button.clicked.connect(self.back_requested)
        self._escape.activated.connect(self.back_requested)

    def set_officer(self, officer: Officer | None) -> None:
        self._officer = officer

    def start(self) -> None:
        self.box.selectAll()
        self.box.setFocus()

    def on_search(self) -> None:
        if self._officer is None:
            return
        officer, text = self._officer, self.box.text()
        self.summary.setText(self.tr("Mencari…"))
        self._runner.run(lambda: self._lookup.search(officer, text), self._on_result)

    def _on_result(self, result: SearchResult) -> None:
        self.model.set_rows(result.items)
        n = len(result.items)
        how = {
            MatchedBy.TICKET: self.tr("nomor tiket {code}").format(code=result.ticket_code),
            MatchedBy.NIK: self.tr("NIK"),
            MatchedBy.PHONE: self.tr("nomor telepon"),
            MatchedBy.WORDS: self.tr("nama atau kata"),
            MatchedBy.NOTHING: "",
        }[result.matched_by]
        if result.problem:
            self.summary.setText(shown(result.problem))
        elif result.matched_by is MatchedBy.NOTHING:
            self.summary.setText(self.tr("Ketik sesuatu untuk dicari."))
        elif n == 0:
            self.summary.setText(self.tr("Tidak ditemukan (dicari menurut {how}).").format(how=how))
        else:
            self.summary.setText(
                self.tr("%n aduan ditemukan", "", n)
                + " "
                + self.tr("(menurut {how}).").format(how=how)
            )
        self.results_shown.emit(n)
        if result.matched_by is MatchedBy.TICKET and n == 1:
            self.open_requested.emit(result.items[0].id)
        elif n:
            self.results.setFocus()
            self.results.setCurrentIndex(self.model.index(0, 0))
        else:
            self.box.selectAll()
        self.box.setFocus(Qt.FocusReason.OtherFocusReason) if n == 0 else None
