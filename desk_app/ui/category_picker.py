"""The complaint category: a searchable two-level list ("Jalan dan trotoar › Jalan
rusak / berlubang"); typing any word of either level narrows it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from complaint_domain.reference import CATEGORIES, Category, category_label
from desk_app.ui.i18n import shown


class CategoryPicker(QComboBox):
    """Signals:
    changed(str): the chosen sub-category code ("" while none matches).
    """

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setAccessibleName(self.tr("Kategori"))
        self._by_label: dict[str, str] = {}
        self._source: Callable[[], Sequence[Category]] = lambda: CATEGORIES
        self._listed: Sequence[Category] = ()
        self._code = ""
        self._fill()
        self.line_edit().setPlaceholderText(self.tr("Ketik mis. lubang, sampah, parkir"))
        completer = self.completer()
        assert completer is not None
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.editTextChanged.connect(self._on_text)
        self.activated.connect(lambda _i: self._on_text(self.currentText()))

    def set_source(self, categories: Callable[[], Sequence[Category]]) -> None:
        """Where the categories come from (the CRM's once it published them): read
        again each time the picker is shown."""
        self._source = categories
        self._fill()

    def showEvent(self, event: QShowEvent) -> None:
        self._fill()
        super().showEvent(event)

    def _fill(self) -> None:
        categories = self._source()
        if categories is self._listed:
            return
        self._listed = categories
        by_code = {c.code: c for c in categories}
        code, text = self._code, self.currentText()
        self.blockSignals(True)
        self.clear()
        self._by_label = {}
        for category in categories:
            if category.parent is None:
                continue
            label = shown(category_label(category.code, by_code))
            self._by_label[label.casefold()] = category.code
            self.addItem(label, category.code)
        index = self.findData(code) if code else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText(text if not code else "")
        self.blockSignals(False)
        if code and index < 0:
            self._on_text(self.currentText())  # the chosen one is gone: none chosen

    def line_edit(self) -> QLineEdit:
        edit = self.lineEdit()
        assert edit is not None
        return edit

    def code(self) -> str:
        return self._code

    def set_code(self, code: str) -> None:
        index = self.findData(code)
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")
        self._on_text(self.currentText())

    def take_first_offer(self) -> None:
        """Enter while the offers are open and none is highlighted: the first one (the
        officer typed enough for the right one to come first)."""
        completer = self.completer()
        popup = completer.popup() if completer is not None else None
        if self._code or completer is None or popup is None or not popup.isVisible():
            return
        if popup.currentIndex().isValid():
            return  # the completer takes the highlighted offer
        first = completer.completionModel().index(0, 0)
        if first.isValid():
            popup.hide()
            self.set_code(self._by_label.get(str(first.data()).strip().casefold(), ""))

    def clear_choice(self) -> None:
        self.set_code("")

    def _on_text(self, text: str) -> None:
        code = self._by_label.get(text.strip().casefold(), "")
        if code != self._code:
            self._code = code
            self.changed.emit(code)
