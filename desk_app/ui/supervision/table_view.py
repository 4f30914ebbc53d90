"""A read-only Pantauan table: as tall as its rows (up to a dozen, then it scrolls),
and, when ``compact``, as wide as its columns (the small count tables sit side by
side); Enter or a double-click activates a row."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desk_app.ui.supervision.table_model import PantauanTableModel

MAX_VISIBLE_ROWS = 12


class PantauanTableView(QTableView):
    """Signals:
    row_activated(int): Enter or a double-click on a row.
    """

    row_activated = Signal(int)

    def __init__(
        self, model: PantauanTableModel, compact: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.compact = compact
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(not compact)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.doubleClicked.connect(lambda index: self.row_activated.emit(index.row()))
        model.modelReset.connect(self.fit)

    def fit(self) -> None:
        """Height for its rows (width for its columns when compact)."""
        rows = self.model().rowCount()
        row_height = self.fontMetrics().height() + 10
        self.verticalHeader().setDefaultSectionSize(row_height)
        header = self.horizontalHeader()
        frame = 2 * self.frameWidth()
        scroll = self.horizontalScrollBar().sizeHint().height()
        shown_rows = max(min(rows, MAX_VISIBLE_ROWS), 1)
        if self.compact:
            self.resizeColumnsToContents()
            extra = self.verticalScrollBar().sizeHint().width() if rows > MAX_VISIBLE_ROWS else 0
            self.setFixedWidth(header.length() + frame + extra)
            scroll = 0
        self.setFixedHeight(header.sizeHint().height() + shown_rows * row_height + scroll + frame)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.row_activated.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        model = self.model()
        if not self.currentIndex().isValid() and model.rowCount() > 0:
            self.setCurrentIndex(model.index(0, 0))
