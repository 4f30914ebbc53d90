"""The search page's second part: what the CRM found in the other channels (e-mail,
SMS, social media, other desks) for the ticket code, phone or NIK searched — each
with its channel and state — or one quiet line saying the CRM could not be asked."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from complaint_domain.complaint import WIB
from complaint_domain.status import Status
from desk_app.services.remote_lookup import RemoteComplaint, RemoteResult
from desk_app.ui.i18n import shown


def state_words(item: RemoteComplaint) -> str:
    """The state in the officer's language; the CRM's own words when they say more
    (the reason of a refusal, the code a complaint was merged into)."""
    try:
        status = Status(item.status)
    except ValueError:
        return item.public_label
    label = status.public_label
    return shown(label) if item.public_label in ("", str(label)) else item.public_label


class RemoteResultsPanel(QWidget):
    """Signals:
    open_requested(object): the officer opened a result (a RemoteComplaint).
    """

    open_requested = Signal(object)

    def __init__(
        self,
        area_name: Callable[[str], str],
        category_name: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._area_name = area_name
        self._category_name = category_name
        self._items: list[RemoteComplaint] = []
        self.title = QLabel(self.tr("Di CRM — kanal lain"))
        self.title.setObjectName("pageTitle")
        self.line = QLabel()
        self.line.setWordWrap(True)
        self.line.setAccessibleName(self.tr("Hasil dari CRM"))
        self.table = QTableWidget(0, 7)
        self.table.setAccessibleName(self.tr("Aduan dari kanal lain"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Nomor tiket"),
                self.tr("Kanal"),
                self.tr("Status"),
                self.tr("Kelurahan"),
                self.tr("Kategori"),
                self.tr("Diterima"),
                self.tr("Batas / terlambat"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.hint = QLabel(self.tr("Enter atau klik dua kali: lihat dan catat kunjungan warga."))
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.line)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        self.table.activated.connect(self._on_activated)
        self.clear()

    def clear(self) -> None:
        self._items = []
        self.table.setRowCount(0)
        self.hide()

    def asking(self) -> None:
        self.clear()
        self.line.setText(self.tr("Menanyakan CRM…"))
        self.table.hide()
        self.hint.hide()
        self.show()

    def show_result(self, result: RemoteResult) -> None:
        """The CRM's answer (``problem``: it could not be asked; nothing asked: hidden)."""
        if not result.asked and not result.problem:
            self.clear()
            return
        self._items = list(result.items)
        self.table.setRowCount(len(self._items))
        for row, item in enumerate(self._items):
            # Late is said in words ("terlambat N hari kerja"), not by a colour that
            # the high-contrast theme would hide.
            for column, text in enumerate(self._cells(item)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        n = len(self._items)
        # the CRM lists a citizen's 20 newest: an older one is asked for by its code
        older = self.tr(
            "Warga ini punya lebih banyak aduan; yang tampil hanya yang terbaru. "
            "Untuk aduan yang lebih lama, tanyakan nomor tiketnya."
        )
        if result.problem:
            self.line.setText(shown(result.problem))
        elif n == 0 and result.more:
            newest_here = self.tr("Aduan terbaru warga ini di CRM sudah ada di meja ini.")
            self.line.setText(f"{newest_here} {older}")
        elif n == 0:
            self.line.setText(self.tr("Tidak ada aduan lain di CRM untuk pencarian ini."))
        else:
            count = self.tr("%n aduan dari kanal lain di CRM.", "", n)
            self.line.setText(f"{count} {older}" if result.more else count)
        self.table.setVisible(n > 0)
        self.hint.setVisible(n > 0)
        self.show()

    def _cells(self, item: RemoteComplaint) -> list[str]:
        channel = item.channel_name + (f" ({item.desk})" if item.desk else "")
        received = item.received_at.astimezone(WIB).strftime("%d-%m-%Y") if item.received_at else ""
        if item.overdue:
            due = self.tr("terlambat {n} hari kerja").format(n=item.working_days_late)
        elif item.due_date is not None:
            due = item.due_date.strftime("%d-%m-%Y")
        else:
            due = ""
        return [
            item.ticket_code,
            channel,
            state_words(item),
            item.kelurahan_name or self._area_name(item.kelurahan_code),
            shown(self._category_name(item.category_code)),
            received,
            due,
        ]

    def count(self) -> int:
        return len(self._items)

    def focus_first(self) -> None:
        if self._items:
            self.table.setFocus()
            self.table.selectRow(0)

    def item(self, row: int) -> RemoteComplaint:
        return self._items[row]

    def _on_activated(self, index: object) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._items):
            self.open_requested.emit(self._items[row])
