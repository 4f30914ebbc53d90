"""The table model behind today's list, the "to print" list and search results.

It holds complaint ids and, per id, the display row made once when the rows arrive:
never ORM objects, never a session, nothing that reads the database in ``data()``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from complaint_domain.complaint import WIB
from complaint_domain.reference import CATEGORY_BY_CODE
from complaint_domain.status import Status
from complaint_domain.text import mask_name
from desk_app.ui.i18n import shown

_Index = QModelIndex | QPersistentModelIndex


class SummaryLike(Protocol):
    """What the services return for a list line (``ComplaintSummary``)."""

    @property
    def id(self) -> str: ...
    @property
    def ticket_code(self) -> str: ...
    @property
    def created_at(self) -> dt.datetime: ...
    @property
    def name(self) -> str: ...
    @property
    def category_code(self) -> str: ...
    @property
    def kelurahan_code(self) -> str: ...
    @property
    def status(self) -> Status: ...
    @property
    def sent(self) -> bool: ...
    @property
    def print_pending(self) -> bool: ...


class ComplaintTableModel(QAbstractTableModel):
    """Rows of complaints: time, code, masked name, category, kelurahan, status, sent,
    receipt. ``ID_ROLE`` gives the complaint id of a row."""

    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, area_name: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._area_name = area_name
        self._ids: list[str] = []
        self._rows: dict[str, tuple[str, ...]] = {}
        self._headers = (
            self.tr("Waktu"),
            self.tr("Kode tiket"),
            self.tr("Nama"),
            self.tr("Kategori"),
            self.tr("Kelurahan"),
            self.tr("Status"),
            self.tr("Ke CRM"),
            self.tr("Tanda terima"),
        )

    def _display(self, s: SummaryLike) -> tuple[str, ...]:
        category = CATEGORY_BY_CODE.get(s.category_code)
        return (
            s.created_at.astimezone(WIB).strftime("%H:%M"),
            s.ticket_code,
            mask_name(s.name),
            shown(category.name) if category else s.category_code,
            self._area_name(s.kelurahan_code),
            shown(s.status.public_label),
            self.tr("Terkirim") if s.sent else self.tr("Belum terkirim"),
            self.tr("Belum dicetak") if s.print_pending else self.tr("Dicetak"),
        )

    def set_rows(self, summaries: Sequence[SummaryLike]) -> None:
        self.beginResetModel()
        self._ids = [s.id for s in summaries]
        self._rows = {s.id: self._display(s) for s in summaries}
        self.endResetModel()

    def complaint_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        complaint_id = self._ids[index.row()]
        if role == self.ID_ROLE:
            return complaint_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            row = self._rows.get(complaint_id)
            if row is None:
                return None
            return row[index.column()] if 0 <= index.column() < len(row) else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            row = self._rows.get(complaint_id)
            return ", ".join(row) if row else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None
