"""Find a complaint: one box for a ticket code (typed, or a receipt QR scanned by a
USB scanner that types the URL and Enter), a NIK, a phone number, a name or words.

A ticket code, a phone number or a NIK also asks the CRM (when the desk is enrolled)
for complaints of the other channels, on a runner of the page's own (network) beside
the database worker; offline, one quiet line says the CRM could not be asked. A
result opens the visit dialog: the officer records the citizen's visit as a
follow-up on that complaint instead of a new one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desk_app.services.accounts import Officer
from desk_app.services.errors import ValidationFailed
from desk_app.services.lookup import LookupService, MatchedBy, SearchResult
from desk_app.services.remote_lookup import RemoteComplaint, RemoteLookupService, RemoteResult
from desk_app.ui.complaint_list_view import ComplaintListView
from desk_app.ui.complaint_table import ComplaintTableModel
from desk_app.ui.i18n import shown
from desk_app.ui.remote_results import RemoteResultsPanel
from desk_app.ui.tasks import TaskRunner
from desk_app.ui.visit_dialog import VisitDialog


class SearchPage(QWidget):
    """Signals:
    open_requested(str): a complaint id to show (a single ticket match opens at once).
    results_shown(int): how many results are listed.
    back_requested(): Esc or "Kembali".
    remote_shown(int): the CRM answered (how many of its complaints are listed).
    visit_recorded(str): a visit was recorded on the complaint with this ticket code.
    """

    open_requested = Signal(str)
    results_shown = Signal(int)
    back_requested = Signal()
    remote_shown = Signal(int)
    visit_recorded = Signal(str)

    def __init__(
        self,
        lookup: LookupService,
        runner: TaskRunner,
        area_name: Callable[[str], str],
        parent: QWidget | None = None,
        *,
        remote: RemoteLookupService | None = None,
        category_name: Callable[[str], str] = str,
    ) -> None:
        super().__init__(parent)
        self._lookup = lookup
        self._runner = runner
        self._remote = remote
        # The CRM is asked on a thread of its own: a slow network never holds a save.
        self._net_runner = TaskRunner(self, name="meja-crm-lookup")
        self._category_name = category_name
        self._officer: Officer | None = None
        self._asked = 0  # the latest search: an older answer arriving late is dropped
        self._local_codes: set[str] = set()
        self._remote_result: RemoteResult | None = None
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
        self.remote = RemoteResultsPanel(area_name, self._category_name)
        layout.addWidget(self.remote, 1)
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
        self.remote.open_requested.connect(self.on_remote_open)
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
        self._asked += 1
        asked = self._asked
        self._local_codes, self._remote_result = set(), None
        self.remote.clear()
        self.results.show()
        self._runner.run(
            lambda: self._lookup.search(officer, text), lambda r: self._on_result(r, asked)
        )
        remote = self._remote
        if remote is not None:
            self.remote.asking()
            self._net_runner.run(
                lambda: remote.search(officer, text),
                lambda r: self._on_remote(r, asked),
                lambda _e: self._on_remote(RemoteResult(False), asked),
            )

    def _on_remote(self, result: RemoteResult, asked: int) -> None:
        if asked != self._asked:
            return
        self._remote_result = result
        self._show_remote()

    def _show_remote(self) -> None:
        """The CRM's answer less what this desk found itself (shown above it)."""
        result = self._remote_result
        if result is None:
            return
        items = tuple(c for c in result.items if c.ticket_code not in self._local_codes)
        self.remote.show_result(replace(result, items=items))
        # Nothing on this desk but something elsewhere: the empty list gives way.
        self.results.setVisible(self.model.rowCount() > 0 or not items)
        if result.asked and not result.problem:
            self.remote_shown.emit(len(items))
        if items and not self._local_codes:
            self.remote.focus_first()

    def on_remote_open(self, item: RemoteComplaint, note: str = "", problem: str = "") -> None:
        """A complaint of another channel: its state, and the visit recorded on it."""
        if self._officer is None or self._remote is None:
            return
        written = VisitDialog.ask(self, item, self._category_name, note, problem)
        if written is None:
            return
        officer, remote = self._officer, self._remote

        def refused(error: Exception) -> None:
            if isinstance(error, ValidationFailed):
                said = shown(next(iter(error.errors.values()), error.message))
                self.on_remote_open(item, written, said)
            else:
                self.remote.line.setText(shown(getattr(error, "message", "")) or str(error))

        self._runner.run(
            lambda: remote.record_visit(officer, item, written),
            lambda _id: self._on_visit_recorded(item.ticket_code),
            refused,
        )

    def _on_visit_recorded(self, ticket_code: str) -> None:
        self.remote.line.setText(
            self.tr(
                "Kunjungan dicatat pada aduan {code}; dikirim ke CRM (menunggu bila offline)."
            ).format(code=ticket_code)
        )
        self.visit_recorded.emit(ticket_code)

    def stop(self) -> None:
        """The window is closing: an answer still on its way is not waited for."""
        self._net_runner.shutdown(wait=False)

    def _on_result(self, result: SearchResult, asked: int | None = None) -> None:
        if asked is not None and asked != self._asked:
            return
        self._local_codes = {c.ticket_code for c in result.items}
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
            self.summary.setText(
                self.tr("Tidak ditemukan di meja ini (dicari menurut {how}).").format(how=how)
            )
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
        self._show_remote()  # what the CRM said meanwhile, less what was found here
