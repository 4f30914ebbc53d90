"""Kota → kecamatan → kelurahan, with type-ahead over every kelurahan.

Typing "gunung sah" in the search field offers "Kel. Gunung Sahari Selatan, Kec.
Kemayoran, Jakarta Pusat"; choosing it sets the three lists below. The lists can
also be walked from the kota down, for an officer who prefers to browse.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QGridLayout, QLabel, QLineEdit, QWidget

from complaint_domain.areas import AreaIndex, AreaLevel


class AreaPicker(QWidget):
    """Signals:
    changed(str): the chosen kelurahan code ("" when none).
    picked(): a kelurahan was chosen from the type-ahead (the form moves on).
    """

    changed = Signal(str)
    picked = Signal()

    def __init__(
        self, areas: AreaIndex | Callable[[], AreaIndex], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        # A callable is read at each use: the CRM may publish a new area list.
        self._source = areas
        self._code = ""
        self._updating = False
        self._offered: dict[str, str] = {}
        self._init_widgets()
        self._connect_signals()
        self._fill(self.kota, None, self.tr("— pilih kota —"))

    def _init_widgets(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Ketik nama kelurahan, mis. gunung sah"))
        self.search.setAccessibleName(self.tr("Cari kelurahan"))
        self._model = QStringListModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(10)
        self.search.setCompleter(self.completer)
        self.kota = QComboBox()
        self.kota.setAccessibleName(self.tr("Kota"))
        self.kecamatan = QComboBox()
        self.kecamatan.setAccessibleName(self.tr("Kecamatan"))
        self.kelurahan = QComboBox()
        self.kelurahan.setAccessibleName(self.tr("Kelurahan"))
        for combo in (self.kota, self.kecamatan, self.kelurahan):
            # Shrink with the window at large font sizes instead of forcing a scroll bar.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.search, 0, 0, 1, 3)
        for col, (text, combo) in enumerate(
            (
                (self.tr("Kota"), self.kota),
                (self.tr("Kecamatan"), self.kecamatan),
                (self.tr("Kelurahan"), self.kelurahan),
            )
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            grid.addWidget(label, 1, col)
            grid.addWidget(combo, 2, col)
        self.setTabOrder(self.search, self.kota)
        self.setTabOrder(self.kota, self.kecamatan)
        self.setTabOrder(self.kecamatan, self.kelurahan)
        self.setFocusProxy(self.search)

    def _connect_signals(self) -> None:
        self.search.textEdited.connect(self.on_search_edited)
        self.search.returnPressed.connect(self.on_search_return)
        self.completer.activated.connect(self.on_offer_chosen)
        self.kota.currentIndexChanged.connect(self.on_kota_changed)
        self.kecamatan.currentIndexChanged.connect(self.on_kecamatan_changed)
        self.kelurahan.currentIndexChanged.connect(self.on_kelurahan_changed)

    @property
    def _areas(self) -> AreaIndex:
        return self._source() if callable(self._source) else self._source

    # -- public --------------------------------------------------------------------

    def code(self) -> str:
        return self._code

    def set_code(self, code: str) -> None:
        area = self._areas.get(code)
        if area is None or area.level is not AreaLevel.KELURAHAN:
            self.clear()
            return
        self._updating = True
        try:
            kec = area.parent_code or ""
            kota = area.kota_code or ""
            self._select(self.kota, kota or "")
            self._fill(self.kecamatan, kota, self.tr("— pilih kecamatan —"))
            self._select(self.kecamatan, kec)
            self._fill(self.kelurahan, kec, self.tr("— pilih kelurahan —"))
            self._select(self.kelurahan, code)
            self.search.setText(self._areas.describe(code))
        finally:
            self._updating = False
        self._set(code)

    def clear(self) -> None:
        self._updating = True
        try:
            self.search.clear()
            self.kota.setCurrentIndex(0)
            self.kecamatan.clear()
            self.kelurahan.clear()
        finally:
            self._updating = False
        self._set("")

    # -- slots ---------------------------------------------------------------------

    def on_search_edited(self, text: str) -> None:
        found = self._areas.search(text, AreaLevel.KELURAHAN, limit=15)
        self._offered = {self._areas.describe(a.code): a.code for a in found}
        # Nothing found is said, never an empty silence (the line cannot be chosen).
        nothing = self.tr("Tidak ada kelurahan bernama “%1”").replace("%1", text.strip())
        self._model.setStringList(list(self._offered) or ([nothing] if text.strip() else []))
        if self._code and text != self._areas.describe(self._code):
            self._set("")
        if text.strip():
            self.completer.complete()

    def on_search_return(self) -> None:
        popup = self.completer.popup()
        if popup is not None and popup.isVisible():
            if popup.currentIndex().isValid():
                return  # the completer takes the highlighted offer
            popup.hide()  # Enter with none highlighted: the first offer, below
        if not self._code and len(self._offered) >= 1:
            self.on_offer_chosen(next(iter(self._offered)))
        elif self._code:
            self.picked.emit()

    def on_offer_chosen(self, label: str) -> None:
        code = self._offered.get(label)
        if code:
            self.set_code(code)
            self.picked.emit()

    def on_kota_changed(self, _index: int) -> None:
        if self._updating:
            return
        self._fill(self.kecamatan, self.kota.currentData(), self.tr("— pilih kecamatan —"))
        self.kelurahan.clear()
        self._set("")

    def on_kecamatan_changed(self, _index: int) -> None:
        if self._updating:
            return
        self._fill(self.kelurahan, self.kecamatan.currentData(), self.tr("— pilih kelurahan —"))
        self._set("")

    def on_kelurahan_changed(self, _index: int) -> None:
        if self._updating:
            return
        code = self.kelurahan.currentData() or ""
        if code:
            self._updating = True
            self.search.setText(self._areas.describe(code))
            self._updating = False
        self._set(code)

    # -- helpers -------------------------------------------------------------------

    def _fill(self, combo: QComboBox, parent: str | None, empty: str) -> None:
        was = self._updating
        self._updating = True
        combo.clear()
        if combo is self.kota:
            children = self._areas.at_level(AreaLevel.KOTA)
        else:
            children = self._areas.children(parent) if parent else []
        if combo is self.kota or parent:
            combo.addItem(empty, "")
            for area in children:
                combo.addItem(area.short_name, area.code)
        self._updating = was

    @staticmethod
    def _select(combo: QComboBox, code: str) -> None:
        index = combo.findData(code)
        combo.setCurrentIndex(max(index, 0))

    def _set(self, code: str) -> None:
        if code != self._code:
            self._code = code
            self.changed.emit(code)
