"""A keyboard-friendly table of complaints: Enter or double-click opens one."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desk_app.ui.complaint_table import ComplaintTableModel

# Name, category, kelurahan and status: the columns that share the width left over.
SHARED_COLUMNS = (2, 3, 4, 5)


class ComplaintListView(QTableView):
    """Signals:
    open_requested(str): the complaint id of the row the officer opened.
    """

    open_requested = Signal(str)

    def __init__(self, model: ComplaintTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        # Short columns (time, ticket code, to CRM, receipt) take their contents' width;
        # the long ones (name, category, kelurahan, status) share the rest and are cut
        # with "…" when the screen is narrow (a large font scale), so every column stays
        # in view without scrolling sideways.
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in SHARED_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("MMMM"))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.doubleClicked.connect(self._on_activated)

    def _model(self) -> ComplaintTableModel:
        model = self.model()
        assert isinstance(model, ComplaintTableModel)
        return model

    def _on_activated(self, index: QModelIndex) -> None:
        complaint_id = self._model().complaint_id(index.row())
        if complaint_id:
            self.open_requested.emit(complaint_id)

    def current_id(self) -> str | None:
        return self._model().complaint_id(self.currentIndex().row())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._on_activated(self.currentIndex())
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if not self.currentIndex().isValid() and self._model().rowCount() > 0:
            self.setCurrentIndex(self._model().index(0, 0))
