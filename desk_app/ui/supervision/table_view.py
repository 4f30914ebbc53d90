"""A read-only Pantauan table: as tall as its rows (up to a dozen, then it scrolls),
and, when ``compact``, as wide as its columns (the small count tables sit side by
side); Enter or a double-click activates a row."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from desk_app.ui.supervision.table_model import PantauanTableModel

MAX_VISIBLE_ROWS = 12
RESIZE_PRECISION = 40  # rows measured for a column's width


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
        # Columns sized once per refresh from the first rows, not re-measured at every
        # layout (ResizeToContents over 200 rows held the GUI thread for ~1 s).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(RESIZE_PRECISION)
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
        self._size_columns()
        if self.compact:
            extra = self.verticalScrollBar().sizeHint().width() if rows > MAX_VISIBLE_ROWS else 0
            self.setFixedWidth(header.length() + frame + extra)
            scroll = 0
        self.setFixedHeight(header.sizeHint().height() + shown_rows * row_height + scroll + frame)

    def _size_columns(self) -> None:
        """Each column as wide as its header and its first rows, measured here from
        the model's cached texts: Qt's own resizeColumnsToContents asks ``data()``
        thousands of times (~170 ms for the page's tables)."""
        model = self.model()
        assert isinstance(model, PantauanTableModel)
        header = self.horizontalHeader()
        cells, heading = self.fontMetrics(), header.fontMetrics()
        rows = min(model.rowCount(), RESIZE_PRECISION)
        pad = cells.horizontalAdvance("M") + 2 * self.style().pixelMetric(
            QStyle.PixelMetric.PM_FocusFrameHMargin
        )
        icon = self.iconSize().width() or cells.height()
        for column in range(model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = heading.horizontalAdvance(title) + 2 * pad
            for row in range(rows):
                width = max(width, cells.horizontalAdvance(model.cell(row, column)) + pad)
            if column == 0 and any(model.mark(r) for r in range(rows)):
                width += icon + pad // 2
            header.resizeSection(column, width)

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
