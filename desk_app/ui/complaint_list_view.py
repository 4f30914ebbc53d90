"""A keyboard-friendly table of complaints: Enter or double-click opens one."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desk_app.ui.complaint_table import ComplaintTableModel


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
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
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
