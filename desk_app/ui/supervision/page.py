"""The "Pantauan" page: every desk of the site, what was recorded (with the chart by
hour), the site's complaints at the CRM per state, overdue and *digantung*.

It only shows what the flow hands it (:meth:`PantauanPage.show_tables`): plain
tables built off the GUI thread. Everything scrolls in one column, so it fits a
1366×768 screen at 200 % font; every list is reached by Tab, Enter on a complaint
opens it, F5 refreshes, Ctrl+E exports and Esc goes back.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.supervision_tables import Table
from desk_app.ui.flow_layout import FlowLayout
from desk_app.ui.i18n import shown
from desk_app.ui.supervision.hour_chart import HourChart
from desk_app.ui.supervision.table_model import PantauanTableModel

MAX_VISIBLE_ROWS = 12  # a longer list scrolls inside its own frame
CASE_TABLES = ("overdue", "digantung")


class PantauanTableView(QTableView):
    """A read-only table that is as tall as its rows (up to a dozen).

    Signals:
    row_activated(int): Enter or a double-click on a row.
    """

    row_activated = Signal(int)

    def __init__(self, model: PantauanTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.doubleClicked.connect(lambda index: self.row_activated.emit(index.row()))
        model.modelReset.connect(self.fit_height)

    def fit_height(self) -> None:
        rows = min(self.model().rowCount(), MAX_VISIBLE_ROWS)
        row_height = self.fontMetrics().height() + 10
        self.verticalHeader().setDefaultSectionSize(row_height)
        header = self.horizontalHeader().sizeHint().height()
        scroll = self.horizontalScrollBar().sizeHint().height()
        self.setFixedHeight(header + max(rows, 1) * row_height + scroll + 4)

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


class PantauanPage(QWidget):
    """Signals:
    back_requested(): Esc or "Kembali".
    refresh_requested(): F5 or "Muat ulang".
    export_requested(): Ctrl+E or "Ekspor".
    period_changed(object, int): the first day (None: today) and 1 or 7 days.
    case_requested(str, bool): a complaint's ticket code, and whether it is this desk's.
    """

    back_requested = Signal()
    refresh_requested = Signal()
    export_requested = Signal()
    period_changed = Signal(object, int)
    case_requested = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.models: dict[str, PantauanTableModel] = {}
        self.views: dict[str, PantauanTableView] = {}
        self.titles: dict[str, QLabel] = {}
        self.notes: dict[str, QLabel] = {}
        self._init_widgets()
        self._add_widgets()
        self._connect_signals()

    # -- assembly ------------------------------------------------------------------

    def _init_widgets(self) -> None:
        self.title = QLabel(self.tr("Pantauan"))
        self.title.setObjectName("pageTitle")
        self.freshness_icon = QLabel()
        self.freshness = QLabel(self.tr("Memuat…"))
        self.freshness.setWordWrap(True)
        self.freshness.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refresh_button = QPushButton(self.tr("&Muat ulang (F5)"))
        self.export_button = QPushButton(self.tr("&Ekspor .xlsx (Ctrl+E)"))
        self.back_button = QPushButton(self.tr("&Kembali (Esc)"))
        self.period = QComboBox()
        self.period.addItem(self.tr("Satu hari"), 1)
        self.period.addItem(self.tr("Satu minggu (7 hari)"), 7)
        self.period.setAccessibleName(self.tr("Periode"))
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd-MM-yyyy")
        self.day.setAccessibleName(self.tr("Mulai tanggal"))
        self.period_label = QLabel(self.tr("&Periode:"))
        self.period_label.setBuddy(self.period)
        self.day_label = QLabel(self.tr("mulai &tanggal:"))
        self.day_label.setBuddy(self.day)
        self.chart = HourChart()
        self.content = QWidget()
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(self.content)

    def _add_widgets(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.freshness_icon)
        head.addWidget(self.freshness, 1)
        controls = FlowLayout(last_to_the_right=True)
        for widget in (
            self.refresh_button,
            self.period_label,
            self.period,
            self.day_label,
            self.day,
            self.export_button,
            self.back_button,
        ):
            controls.addWidget(widget)
        self.sections = QVBoxLayout(self.content)
        self.sections.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(head)
        layout.addLayout(controls)
        layout.addWidget(self.scroller, 1)

    def _connect_signals(self) -> None:
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.export_button.clicked.connect(self.export_requested)
        self.back_button.clicked.connect(self.back_requested)
        self.period.currentIndexChanged.connect(self._on_period)
        self.day.dateChanged.connect(self._on_period)
        for key, signal in (
            ("F5", self.refresh_requested),
            ("Ctrl+E", self.export_requested),
            ("Esc", self.back_requested),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(signal)

    def _on_period(self) -> None:
        days = int(self.period.currentData())
        first = self.day.date().toPython()
        assert isinstance(first, dt.date)
        today = dt.date.today()
        self.period_changed.emit(None if days == 1 and first == today else first, days)

    # -- what the flow hands over --------------------------------------------------

    def set_freshness(self, text: str, problem: bool) -> None:
        """ "Data CRM per 08.42" and, when the CRM cannot be reached, why."""
        self.freshness.setText(shown(text))
        style = QApplication.style()
        icon = style.standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning
            if problem
            else QStyle.StandardPixmap.SP_DialogApplyButton
        )
        size = self.fontMetrics().height()
        self.freshness_icon.setPixmap(icon.pixmap(size, size))
        self.freshness_icon.setAccessibleName(
            self.tr("CRM tidak terjangkau") if problem else self.tr("Data CRM terbaru")
        )

    def set_site(self, site: str) -> None:
        self.title.setText(
            self.tr("Pantauan — {site}").format(site=site) if site else self.tr("Pantauan")
        )

    def show_tables(self, tables: list[Table]) -> None:
        """Fill the sections (built on first use, in order; the chart beside the hours)."""
        present = {t.key for t in tables}
        for key in list(self.views):
            if key not in present:
                for widget in (self.titles[key], self.views[key], self.notes[key]):
                    widget.hide()
        for table in tables:
            if table.key not in self.views:
                self._add_section(table)
            self.models[table.key].set_table(table)
            self.titles[table.key].setText(shown(table.title))
            self.notes[table.key].setText(shown(table.note))
            self.notes[table.key].setVisible(bool(table.note))
            self.titles[table.key].show()
            self.views[table.key].show()
        if "per_hour" in present:
            hours = self.models["per_hour"].table
            counts = [0] * 24
            for label, n in hours.rows:
                counts[int(label[:2])] = int(n)
            self.chart.set_hours(tuple(counts))

    def _add_section(self, table: Table) -> None:
        model = PantauanTableModel(table)
        view = PantauanTableView(model)
        view.setAccessibleName(shown(table.title))
        title = QLabel(shown(table.title))
        title.setObjectName("pageTitle")
        title.setWordWrap(True)
        title.setBuddy(view)
        note = QLabel()
        note.hide()
        key = table.key
        self.models[key], self.views[key], self.titles[key], self.notes[key] = (
            model,
            view,
            title,
            note,
        )
        if key in CASE_TABLES:
            view.row_activated.connect(lambda row, k=key: self._on_case(k, row))
        self.sections.addWidget(title)
        if key == "per_hour":
            row = QHBoxLayout()
            row.addWidget(view, 1)
            row.addWidget(self.chart, 2)
            self.sections.addLayout(row)
        else:
            self.sections.addWidget(view)
        self.sections.addWidget(note)
        view.fit_height()

    def _on_case(self, key: str, row: int) -> None:
        model = self.models[key]
        if 0 <= row < model.rowCount():
            self.case_requested.emit(model.table.rows[row][0], model.mark(row) == "own")

    def cells(self, key: str) -> list[list[str]]:
        """What a table shows, cell by cell, as the officer reads it (tests)."""
        model = self.models.get(key)
        if model is None or not self.views[key].isVisibleTo(self):
            return []
        return [
            [model.cell(r, c) for c in range(model.columnCount())] for r in range(model.rowCount())
        ]

    def first_view(self) -> QWidget:
        return self.refresh_button
