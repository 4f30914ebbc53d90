"""One Pantauan table (:class:`~desk_app.services.supervision_tables.Table`) as a Qt
item model: plain cells, shown in the officer's language; a row's mark (silent,
outdated, offline, this desk's own complaint) as an icon and words in its tooltip,
never by colour alone."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from desk_app.services.supervision_tables import Table
from desk_app.ui.i18n import shown

_Index = QModelIndex | QPersistentModelIndex

_ICONS = {
    "silent": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "outdated": QStyle.StandardPixmap.SP_BrowserReload,
    "offline": QStyle.StandardPixmap.SP_MessageBoxInformation,
    "own": QStyle.StandardPixmap.SP_FileIcon,
}


def shown_cells(table: Table) -> list[list[str]]:
    """Every cell in the officer's language (Qt's translators may be read from any
    thread: the flow calls this on its worker)."""
    return [[shown(cell) for cell in row] for row in table.rows]


class PantauanTableModel(QAbstractTableModel):
    """Rows of one table; ``table`` is replaced whole at each refresh."""

    def __init__(self, table: Table) -> None:
        super().__init__()
        self.table = table
        self._cells: list[list[str]] = []
        self._icons: dict[str, QIcon] = {}

    def set_table(self, table: Table, cells: list[list[str]] | None = None) -> None:
        """The rows, translated once (``data()`` is asked for them many times): here,
        or already off the GUI thread (``cells``, see :func:`shown_cells`)."""
        cells = shown_cells(table) if cells is None else cells
        if cells == self._cells and table.marks == self.table.marks:
            self.table = table  # the same rows (most refreshes): nothing to lay out again
            return
        self.beginResetModel()
        self.table = table
        self._cells = cells
        self.endResetModel()

    def mark(self, row: int) -> str:
        marks = self.table.marks
        return marks[row] if 0 <= row < len(marks) else ""

    def cell(self, row: int, column: int) -> str:
        return self._cells[row][column]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cells):
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.cell(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self._icon(self.mark(row))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.cell(row, column)
        return None

    def _icon(self, mark: str) -> QIcon | None:
        if mark not in _ICONS:
            return None
        if mark not in self._icons:
            style = QApplication.style()
            self._icons[mark] = style.standardIcon(_ICONS[mark])
        return self._icons[mark]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.table.headers):
            return shown(self.table.headers[section])
        return None
